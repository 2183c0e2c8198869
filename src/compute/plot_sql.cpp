#include "compute/plot_sql.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "remote/remote_catalog.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// Full precision, and a DOUBLE to DuckDB whatever the digits (1920.0 would be a DECIMAL).
std::string Number(double value) { return fmt::format("CAST('{}' AS DOUBLE)", value); }

std::string RowsSql(const PlotDataRequest& request, const PlotData& data,
                    const PlotSqlOptions& options) {
  std::string columns = "*";
  if (!options.all_columns) {
    columns = QuoteIdentifier(request.x) + ", " + QuoteIdentifier(request.y);
    if (!request.color.empty()) columns += ", " + QuoteIdentifier(request.color);
    if (!request.size.empty()) columns += ", " + QuoteIdentifier(request.size);
  }
  std::string sql = fmt::format("SELECT {}\nFROM {}", columns, request.relation);
  if (!options.window) return sql;
  const DataWindow window = AxisToValues(request, *options.window);
  sql += fmt::format("\nWHERE {} BETWEEN {} AND {}", XValueSql(request, data.x_is_time),
                     Number(window.x_min), Number(window.x_max));
  // A line's view is a range of x: its y axis only follows.
  if (request.kind == "scatter") {
    sql += fmt::format("\n  AND TRY_CAST({} AS DOUBLE) BETWEEN {} AND {}",
                       QuoteIdentifier(request.y), Number(window.y_min), Number(window.y_max));
  }
  return sql;
}

std::string BarSql(const PlotDataRequest& request) {
  const std::string value = BarValueSql(request);
  if (!request.color.empty()) {
    // A bar per category and colour (the plot gathers the less frequent colours as "others").
    return fmt::format(
        "SELECT {} AS category, {} AS {}, {} AS value\nFROM {}\nGROUP BY ALL\nORDER BY category, "
        "value DESC NULLS LAST",
        QuoteIdentifier(request.x), QuoteIdentifier(request.color), QuoteIdentifier(request.color),
        value, request.relation);
  }
  return fmt::format(
      "SELECT {} AS category, {} AS value\nFROM {}\nGROUP BY ALL\nORDER BY value DESC NULLS "
      "LAST\nLIMIT {}",
      QuoteIdentifier(request.x), value, request.relation, kMaxBars);
}

std::string HistogramSqlOf(const PlotDataRequest& request, const PlotData& data) {
  const HistogramBins& bins = data.bins;
  if (data.x_is_time) {
    return fmt::format(
        "SELECT time_bucket(INTERVAL '{0}', CAST({1} AS TIMESTAMP)) AS bin_start, count(*) AS "
        "rows\nFROM {2}\nWHERE {1} IS NOT NULL\nGROUP BY 1\nORDER BY 1",
        bins.label, QuoteIdentifier(request.x), request.relation);
  }
  return fmt::format(
      "SELECT {0} + {1} * bin AS bin_start, {0} + {1} * (bin + 1) AS bin_end, count(*) AS "
      "rows\nFROM (SELECT CAST(floor((TRY_CAST({2} AS DOUBLE) - {0}) / {1}) AS BIGINT) AS bin\n"
      "      FROM {3} WHERE TRY_CAST({2} AS DOUBLE) IS NOT NULL)\nGROUP BY bin\nORDER BY bin",
      Number(bins.first_edge), Number(bins.width), QuoteIdentifier(request.x), request.relation);
}

// Decimals that tell apart a thousandth of `span`.
int DecimalsFor(double span) {
  if (!(span > 0) || !std::isfinite(span)) return 6;
  return std::clamp(3 - static_cast<int>(std::floor(std::log10(span))), 0, 12);
}

// `value` rounded down (or up) at `decimals`, without trailing zeros.
std::string Rounded(double value, int decimals, bool up) {
  const double scale = std::pow(10.0, decimals);
  const double rounded = (up ? std::ceil(value * scale) : std::floor(value * scale)) / scale;
  std::string text = fmt::format("{:.{}f}", rounded, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string Timestamp(double micros, bool up) {
  const auto seconds =
      static_cast<int64_t>(up ? std::ceil(micros / 1e6) : std::floor(micros / 1e6));
  const std::chrono::sys_seconds at{std::chrono::seconds(seconds)};
  return fmt::format("TIMESTAMP '{:%Y-%m-%d %H:%M:%S}'", at);
}

std::string Between(const std::string& column, double low, double high, bool time) {
  if (time)
    return fmt::format("{} BETWEEN {} AND {}", column, Timestamp(low, false),
                       Timestamp(high, true));
  const int decimals = DecimalsFor(high - low);
  return fmt::format("{} BETWEEN {} AND {}", column, Rounded(low, decimals, false),
                     Rounded(high, decimals, true));
}

bool IsNumber(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return !text.empty() && end != text.c_str() && *end == '\0';
}

}  // namespace

std::string BrushPredicate(const PlotDataRequest& request, const PlotData& data,
                           const DataWindow& axis_box) {
  const DataWindow box = AxisToValues(request, axis_box);
  const std::string x = QuoteIdentifier(request.x);
  if (request.kind == "histogram" && data.x_is_time && !data.bins.counts.empty()) {
    // Whole bins, from the first the box reaches to the last: dates read as timestamps.
    const HistogramBins& bins = data.bins;
    const auto [first, last] = bins.Reached(box.x_min, box.x_max);
    return fmt::format("{0} >= {1} AND {0} < {2}", x, Timestamp(bins.start(first), false),
                       Timestamp(bins.end(last), false));
  }
  if (request.kind == "histogram") {
    // Whole bins: a bar is in or out, as the eye sees it.
    const HistogramBins& bins = data.bins;
    const double first = std::floor((box.x_min - bins.first_edge) / bins.width);
    const double last = std::max(first + 1, std::ceil((box.x_max - bins.first_edge) / bins.width));
    const int decimals = DecimalsFor(bins.width * 10);
    return fmt::format("{0} >= {1} AND {0} < {2}", x,
                       Rounded(bins.first_edge + first * bins.width, decimals, false),
                       Rounded(bins.first_edge + last * bins.width, decimals, true));
  }
  // A side without bounds (a box dragged across the whole plot) says nothing of its column.
  const auto bounded = [](double low, double high) {
    return !(std::isinf(low) && std::isinf(high));
  };
  std::vector<std::string> parts;
  if (bounded(box.x_min, box.x_max))
    parts.push_back(Between(x, box.x_min, box.x_max, data.x_is_time));
  if (request.kind == "scatter" && bounded(box.y_min, box.y_max))
    parts.push_back(Between(QuoteIdentifier(request.y), box.y_min, box.y_max, false));
  return parts.empty() ? "TRUE" : fmt::format("{}", fmt::join(parts, " AND "));
}

std::string CategoryBrushPredicate(const PlotDataRequest& request,
                                   const std::vector<std::string>& categories,
                                   std::optional<RemoteEngine> server) {
  const std::string x = QuoteIdentifier(request.x);
  std::vector<std::string> values;
  bool missing = false;
  const bool numbers = std::all_of(categories.begin(), categories.end(),
                                   [](const std::string& c) { return c == "NULL" || IsNumber(c); });
  for (const std::string& category : categories) {
    if (category == "NULL") {
      missing = true;
    } else {
      values.push_back(numbers  ? category
                       : server ? RemoteLiteral(*server, category)
                                : QuoteLiteral(category));
    }
  }
  // Text categories are compared as the plot grouped them: as text.
  const std::string column = numbers ? x : fmt::format("CAST({} AS VARCHAR)", x);
  std::string in = values.empty() ? ""
                   : values.size() == 1
                       ? fmt::format("{} = {}", column, values.front())
                       : fmt::format("{} IN ({})", column, fmt::join(values, ", "));
  if (!missing) return in;
  return in.empty() ? x + " IS NULL" : fmt::format("({} OR {} IS NULL)", in, x);
}

std::string PlotOutputSql(const std::string& relation, const std::string& brush) {
  if (brush.empty()) return "SELECT * FROM " + relation;
  // On lines of its own: a comment at the end of the brush must not swallow the parenthesis.
  return fmt::format("SELECT * FROM {} WHERE (\n{}\n)", relation, brush);
}

std::string PlotQuerySql(const PlotDataRequest& request, const PlotData& data,
                         const PlotSqlOptions& options) {
  if (request.kind == "bar") return BarSql(request);
  if (request.kind == "heatmap") return HeatmapSql(data.heatmap, HeatmapRequestOf(request));
  if (request.kind == "box") return BoxQuartilesSql(request.relation, request.x, request.y);
  if (request.kind == "histogram") return HistogramSqlOf(request, data);
  return RowsSql(request, data, options);
}

}  // namespace pika
