#include "compute/plot/engine_heatmap.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "compute/plot/axis_columns.h"
#include "compute/plot/engine_color.h"
#include "plot/reduction_sql.h"

namespace pika {

namespace {

// A heatmap axis's column as the server reads it.
struct AxisSql {
  std::string name;    // any value as text: a band's name
  std::string number;  // numbers and times: the value an axis places (empty for other types)
  bool is_time = false;
};

Result<AxisSql> AxisSqlOf(const SqlEngine& engine, const std::vector<EngineColumn>& columns,
                          const std::string& column) {
  auto found = FindColumn(columns, column, engine);
  if (!found.ok()) return found.error();
  auto quoted = engine.Identifier(column);
  if (!quoted.ok()) return quoted.error();
  AxisSql sql{CategoryTextSql(engine.dialect(), *quoted), ""};
  if (IsNumber((*found)->type) || IsTime(**found)) {
    auto number = AxisColumnOf(columns, column, engine, true);
    if (!number.ok()) return number.error();
    sql.number = number->sql;
    sql.is_time = number->is_time;
  }
  return sql;
}

// Text (and anything else without an order): a band for each of the most frequent values, by
// name. ClickHouse 18.16 has no window functions: the values are counted apart when there may
// be more.
Status PlanNames(PlotQueries& run, const AxisSql& sql, HeatAxis& axis, uint64_t& categories) {
  const std::string values =
      fmt::format("(SELECT {} AS pika_name FROM {}) AS v", sql.name, run.engine().relation());
  auto top = run.Query(fmt::format(
      "SELECT pika_name AS name, count(*) AS n FROM {} GROUP BY pika_name ORDER BY n DESC, name "
      "LIMIT {}",
      values, kMaxHeatBands));
  if (!top.ok()) return top.error();
  for (size_t row = 0; row < top->row_count; ++row)
    axis.names.push_back(top->columns[0].TextAt(row));
  if (axis.names.empty()) return InvalidInput("there are no rows to place on the heatmap");
  categories = axis.names.size();
  if (axis.names.size() == kMaxHeatBands) {
    auto distinct = run.Query(fmt::format("SELECT count(DISTINCT pika_name) FROM {}", values));
    if (!distinct.ok()) return distinct.error();
    categories = static_cast<uint64_t>(distinct->columns[0].IntAt(0));
  }
  std::sort(axis.names.begin(), axis.names.end());
  return {};
}

// Numbers and times: a band per value when there are few (hours, weekdays), in their order;
// else about `target` bins on round edges.
Status PlanNumbers(PlotQueries& run, const AxisSql& sql, const std::string& column, int target,
                   HeatAxis& axis, uint64_t& categories) {
  const SqlDialect dialect = run.dialect();
  const std::string values =
      fmt::format("(SELECT {} AS pika_name, {} AS pika_v FROM {}) AS v WHERE {}", sql.name,
                  sql.number, run.engine().relation(), FiniteSql(dialect, "pika_v"));
  auto stats = run.Query(fmt::format(
      "SELECT count(DISTINCT pika_v) AS n, min(pika_v) AS low, max(pika_v) AS high FROM {}",
      values));
  if (!stats.ok()) return stats.error();
  const auto distinct = static_cast<uint64_t>(stats->columns[0].IntAt(0));
  if (distinct == 0)
    return InvalidInput(
        fmt::format("'{}' has no numbers or dates to place on the heatmap", column));
  if (distinct > kMaxHeatBands) {
    axis.bins = NiceBins(stats->columns[1].DoubleAt(0), stats->columns[2].DoubleAt(0), target);
    return {};
  }
  categories = distinct;
  auto names = run.Query(fmt::format(
      "SELECT pika_name AS name, min(pika_v) AS low FROM {} GROUP BY pika_name ORDER BY low",
      values));
  if (!names.ok()) return names.error();
  for (size_t row = 0; row < names->row_count; ++row)
    axis.names.push_back(names->columns[0].TextAt(row));
  return {};
}

struct PlannedAxis {
  HeatAxis axis;
  AxisSql sql;
};

Result<PlannedAxis> PlanAxis(PlotQueries& run, const std::vector<EngineColumn>& columns,
                             const std::string& column, int target, uint64_t& categories) {
  auto sql = AxisSqlOf(run.engine(), columns, column);
  if (!sql.ok()) return sql.error();
  PlannedAxis planned{{}, *sql};
  if (sql->number.empty()) {
    PIKA_TRY(PlanNames(run, *sql, planned.axis, categories));
    return planned;
  }
  planned.axis.is_time = sql->is_time;
  PIKA_TRY(PlanNumbers(run, *sql, column, target, planned.axis, categories));
  return planned;
}

// A row's cell along the axis: its band's name, or its bin's index, computed as the local
// heatmap computes it.
std::string CoordinateSql(SqlDialect dialect, const PlannedAxis& planned) {
  const HeatAxis& axis = planned.axis;
  if (axis.categorical()) return planned.sql.name;
  const std::string bin = fmt::format("floor(({} - {}) / {})", planned.sql.number,
                                      DoubleLiteral(dialect, axis.bins.first_edge),
                                      DoubleLiteral(dialect, axis.bins.width));
  // Rounding may put a value just under the last edge one bin past the end: it stays in.
  return fmt::format("least({}, {})",
                     dialect == SqlDialect::kClickHouse ? fmt::format("toInt64({})", bin)
                                                        : fmt::format("CAST({} AS BIGINT)", bin),
                     axis.size() - 1);
}

std::string InsideSql(const SqlEngine& engine, const PlannedAxis& planned) {
  const HeatAxis& axis = planned.axis;
  if (axis.categorical()) {
    std::vector<std::string> literals;
    for (const std::string& name : axis.names) literals.push_back(engine.Literal(name));
    return fmt::format("{} IN ({})", planned.sql.name, fmt::join(literals, ", "));
  }
  const SqlDialect dialect = engine.dialect();
  return fmt::format("{0} >= {1} AND {0} < {2}", planned.sql.number,
                     DoubleLiteral(dialect, axis.bins.first_edge),
                     DoubleLiteral(dialect, axis.bins.last_edge()));
}

std::string AggregateOf(const HeatmapRequest& request) {
  if (!request.agg.empty()) return request.agg;
  return request.value.empty() ? "count" : "mean";
}

}  // namespace

Result<Heatmap> FetchEngineHeatmap(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                   const HeatmapRequest& request) {
  if (request.x.empty() || request.y.empty())
    return InvalidInput("a heatmap needs an x and a y column: the grid's two sides");
  const std::string agg = AggregateOf(request);
  if (agg != "count" && request.value.empty())
    return InvalidInput(fmt::format(
        "a heatmap of the {} needs a colour column: the values each cell aggregates", agg));
  const SqlEngine& engine = run.engine();
  std::string value = "NULL";
  if (agg != "count") {
    auto column = AxisColumnOf(columns, request.value, engine, false, "the colour of a heatmap");
    if (!column.ok()) return column.error();
    value = FiniteOrNullSql(engine.dialect(), column->sql);  // as AggregateSql
  }
  Heatmap heatmap;
  auto x = PlanAxis(run, columns, request.x, 40, heatmap.x_categories);
  if (!x.ok()) return x.error();
  auto y = PlanAxis(run, columns, request.y, 30, heatmap.y_categories);
  if (!y.ok()) return y.error();
  auto batch = run.Query(fmt::format(
      "SELECT pika_x AS x_cell, pika_y AS y_cell, count(*) AS n, {} AS value FROM (SELECT {} AS "
      "pika_x, {} AS pika_y, {} AS pika_value FROM {} WHERE {} AND {}) AS cells GROUP BY pika_x, "
      "pika_y",
      agg == "count" ? "count(*)" : fmt::format("{}(pika_value)", agg == "mean" ? "avg" : agg),
      CoordinateSql(engine.dialect(), *x), CoordinateSql(engine.dialect(), *y), value,
      engine.relation(), InsideSql(engine, *x), InsideSql(engine, *y)));
  if (!batch.ok()) return batch.error();
  HeatmapCells& cells = heatmap.cells;
  cells.x = std::move(x->axis);
  cells.y = std::move(y->axis);
  cells.value_title = agg == "count" ? "rows" : fmt::format("{} of {}", agg, request.value);
  FillHeatmapCells(*batch, heatmap);
  return heatmap;
}

}  // namespace pika
