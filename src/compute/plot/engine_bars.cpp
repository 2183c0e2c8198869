#include "compute/plot/engine_bars.h"

#include <fmt/format.h>

#include <cmath>
#include <functional>
#include <map>

#include "compute/plot/axis_columns.h"
#include "compute/plot/engine_color.h"
#include "plot/reduction_sql.h"

namespace pika {

namespace {

// Numbers, dates and times first, in their own order; the others (and NULL) after them in the
// order they came (the largest first).
void SortByOwnOrder(std::vector<std::string>& categories, std::vector<double>& values,
                    const std::vector<double>& order) {
  std::vector<std::string> sorted_categories;
  std::vector<double> sorted_values;
  for (size_t place : PlacesInOwnOrder(order, std::less<size_t>())) {
    sorted_categories.push_back(std::move(categories[place]));
    sorted_values.push_back(values[place]);
  }
  categories = std::move(sorted_categories);
  values = std::move(sorted_values);
}

Status FetchGroups(PlotQueries& run, const SqlSource& source, const std::string& agg,
                   const std::string& order, EngineBars& bars) {
  auto fetched = run.Query(GroupedAggregateSql(source, agg, order, kMaxBars));
  if (!fetched.ok()) return fetched.error();
  auto totals = run.Query(fmt::format("SELECT count(*) AS n, count(DISTINCT {}) AS groups FROM {}",
                                      source.x, source.relation));
  if (!totals.ok()) return totals.error();
  bars.rows = static_cast<uint64_t>(totals->columns[0].IntAt(0));
  bars.distinct = static_cast<uint64_t>(totals->columns[1].IntAt(0));
  for (size_t row = 0; row < fetched->row_count; ++row)
    bars.categories.push_back(fetched->columns[0].TextAt(row));
  bars.values = Doubles(fetched->columns[1]);
  if (!order.empty()) SortByOwnOrder(bars.categories, bars.values, Doubles(fetched->columns[3]));
  return {};
}

// The bars' values per colour group: values[bar * groups + group], NaN where no rows are.
Result<std::vector<double>> FetchColorGroups(PlotQueries& run, const SqlSource& source,
                                             const std::string& agg, const EngineColor& color,
                                             const std::vector<std::string>& categories) {
  const size_t groups = color.color.names.size();
  std::vector<double> values(categories.size() * groups, std::nan(""));
  if (categories.empty()) return values;
  std::map<std::string, size_t> index;
  std::vector<std::string> literals;
  for (size_t bar = 0; bar < categories.size(); ++bar) {
    index[categories[bar]] = bar;
    literals.push_back(run.engine().Literal(categories[bar]));
  }
  auto rows = run.Query(fmt::format(
      "SELECT pika_group AS category, pika_code AS bar_group, {} AS value FROM (SELECT {} AS "
      "pika_group, {} AS pika_code, {} AS pika_value FROM {}) AS g WHERE pika_group IN ({}) "
      "GROUP BY pika_group, pika_code",
      agg == "count" ? "count(*)" : fmt::format("{}(pika_value)", agg), source.x, color.sql,
      source.y.empty() ? "NULL" : source.y, source.relation, fmt::join(literals, ", ")));
  if (!rows.ok()) return rows.error();
  const std::vector<double> aggregated = Doubles(rows->columns[2]);
  for (size_t row = 0; row < rows->row_count; ++row) {
    const auto found = index.find(rows->columns[0].TextAt(row));
    const auto group = static_cast<size_t>(rows->columns[1].IntAt(row));
    if (found == index.end() || group >= groups) continue;
    values[found->second * groups + group] = aggregated[row];
  }
  return values;
}

std::string BadgeOf(const PlotDataRequest& request, const std::string& agg,
                    const EngineBars& bars) {
  const std::string what = agg == "count" ? "rows" : fmt::format("{} of {}", agg, request.y);
  const std::string by =
      request.color.empty() ? request.x : fmt::format("{} and {}", request.x, request.color);
  return bars.distinct > bars.categories.size()
             ? fmt::format("{} by {}: the {} largest of {} categories (exact)", what, by,
                           bars.categories.size(), bars.distinct)
             : fmt::format("{} by {}: {} categories (exact)", what, by, bars.categories.size());
}

// x as the text its bars are named by, and as the number its own order follows (empty for
// types without one).
Result<SqlSource> GroupsOf(const SqlEngine& engine, const std::vector<EngineColumn>& columns,
                           const PlotDataRequest& request, std::string& order) {
  auto column = FindColumn(columns, request.x, engine);
  if (!column.ok()) return column.error();
  auto x = engine.Identifier(request.x);
  if (!x.ok()) return x.error();
  SqlSource source{engine.relation(), CategoryTextSql(engine.dialect(), *x), ""};
  if (IsNumber((*column)->type) || IsTime(**column)) {
    auto own = AxisColumnOf(columns, request.x, engine, true);
    if (!own.ok()) return own.error();
    order = own->sql;
  }
  if (!request.y.empty()) {
    auto y = AxisColumnOf(columns, request.y, engine, false);
    if (!y.ok()) return y.error();
    source.y = FiniteOrNullSql(engine.dialect(), y->sql);  // as AggregateSql
  }
  return source;
}

}  // namespace

Result<EngineBars> AggregateEngineBars(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                       const PlotDataRequest& request) {
  const std::string agg = BarAggregate(request);
  if (agg != "count" && request.y.empty())
    return InvalidInput(fmt::format("a bar plot of the {} needs a y column to aggregate", agg));
  std::string order;
  auto source = GroupsOf(run.engine(), columns, request, order);
  if (!source.ok()) return source.error();
  const std::string sql_agg = agg == "mean" ? "avg" : agg;
  EngineBars bars;
  PIKA_TRY(FetchGroups(run, *source, sql_agg, order, bars));
  bars.badge = BadgeOf(request, agg, bars);
  if (request.color.empty()) return bars;
  auto color = PlanEngineColor(run, columns, request.color, ColorUse::kGroups);
  if (!color.ok()) return color.error();
  auto values = FetchColorGroups(run, *source, sql_agg, *color, bars.categories);
  if (!values.ok()) return values.error();
  bars.color = color->color;
  bars.group_values = *std::move(values);
  bars.stacked = agg == "count" || agg == "sum";  // totals that add up
  return bars;
}

Result<PlotScene> BuildEngineBarScene(const EngineBars& bars, const PlotSpec& spec,
                                      const TextExtent& text_width) {
  if (bars.color.column.empty())
    return BuildBarScene(spec, bars.categories, bars.values, bars.rows, bars.badge, text_width);
  return BuildBarScene(spec, bars.categories,
                       BarGroups{EncodingOf(bars.color), bars.group_values, bars.stacked},
                       bars.rows, bars.badge, text_width);
}

}  // namespace pika
