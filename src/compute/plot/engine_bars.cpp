#include "compute/plot/engine_bars.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "compute/plot/axis_columns.h"
#include "compute/plot/engine_color.h"
#include "plot/reduction_sql.h"

namespace pika {

namespace {

struct Groups {
  std::vector<std::string> categories;  // the bars, the most rows first
  std::vector<double> values;           // one per bar
  uint64_t rows = 0;                    // in every group
  uint64_t distinct = 0;                // groups in all
};

Result<Groups> FetchGroups(PlotQueries& run, const SqlSource& source, const std::string& agg) {
  auto bars = run.Query(GroupedAggregateSql(source, agg, kMaxBars));
  if (!bars.ok()) return bars.error();
  auto totals = run.Query(fmt::format("SELECT count(*) AS n, count(DISTINCT {}) AS groups FROM {}",
                                      source.x, source.relation));
  if (!totals.ok()) return totals.error();
  Groups groups;
  groups.rows = static_cast<uint64_t>(totals->columns[0].IntAt(0));
  groups.distinct = static_cast<uint64_t>(totals->columns[1].IntAt(0));
  for (size_t row = 0; row < bars->row_count; ++row)
    groups.categories.push_back(bars->columns[0].TextAt(row));
  groups.values = Doubles(bars->columns[1]);
  return groups;
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

}  // namespace

Result<PlotScene> PlotEngineBars(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                 const PlotDataRequest& request, const PlotSpec& spec,
                                 const TextExtent& text_width, uint64_t& rows,
                                 std::vector<std::string>& groups_drawn) {
  const SqlEngine& engine = run.engine();
  if (auto column = FindColumn(columns, request.x, engine); !column.ok()) return column.error();
  auto x = engine.Identifier(request.x);
  if (!x.ok()) return x.error();
  SqlSource source{engine.relation(), CategoryTextSql(engine.dialect(), *x), ""};
  if (!request.y.empty()) {
    auto y = AxisColumnOf(columns, request.y, engine, false);
    if (!y.ok()) return y.error();
    source.y = FiniteOrNullSql(engine.dialect(), y->sql);  // as AggregateSql
  }
  const std::string agg = BarAggregate(request);
  if (agg != "count" && request.y.empty())
    return InvalidInput(fmt::format("a bar plot of the {} needs a y column to aggregate", agg));
  const std::string sql_agg = agg == "mean" ? "avg" : agg;
  auto groups = FetchGroups(run, source, sql_agg);
  if (!groups.ok()) return groups.error();
  rows = groups->rows;
  groups_drawn = groups->categories;
  const std::vector<std::string>& categories = groups->categories;
  const std::string what = agg == "count" ? "rows" : fmt::format("{} of {}", agg, request.y);
  const std::string by =
      request.color.empty() ? request.x : fmt::format("{} and {}", request.x, request.color);
  const std::string badge =
      groups->distinct > categories.size()
          ? fmt::format("{} by {}: the {} largest of {} categories (exact)", what, by,
                        categories.size(), groups->distinct)
          : fmt::format("{} by {}: {} categories (exact)", what, by, categories.size());
  if (request.color.empty())
    return BuildBarScene(spec, categories, groups->values, rows, badge, text_width);
  auto color = PlanEngineColor(run, columns, request.color, ColorUse::kGroups);
  if (!color.ok()) return color.error();
  auto values = FetchColorGroups(run, source, sql_agg, *color, categories);
  if (!values.ok()) return values.error();
  const bool stacked = agg == "count" || agg == "sum";  // totals that add up
  return BuildBarScene(spec, categories, BarGroups{EncodingOf(color->color), *values, stacked},
                       rows, badge, text_width);
}

}  // namespace pika
