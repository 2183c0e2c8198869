#include "compute/plot/engine_boxes.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "compute/plot/axis_columns.h"
#include "compute/plot/engine_color.h"
#include "plot/reduction_sql.h"

namespace pika {

namespace {

// The rows as (pika_category, pika_order, pika_y), finite y only. pika_order is x as a
// number for numbers, dates and times (boxes follow it), NULL for other types.
Result<std::string> BoxRows(const SqlEngine& engine, const std::vector<EngineColumn>& columns,
                            const std::string& x, const std::string& y) {
  auto value = AxisColumnOf(columns, y, engine, false, "the y of a box plot");
  if (!value.ok()) return value.error();
  std::string category = engine.Literal(y), order = "NULL";
  if (!x.empty()) {
    auto column = FindColumn(columns, x, engine);
    if (!column.ok()) return column.error();
    auto quoted = engine.Identifier(x);
    if (!quoted.ok()) return quoted.error();
    category = CategoryTextSql(engine.dialect(), *quoted);
    if (IsNumber((*column)->type) || IsTime(**column)) {
      auto ordered = AxisColumnOf(columns, x, engine, true);
      if (!ordered.ok()) return ordered.error();
      order = ordered->sql;
    }
  }
  return fmt::format(
      "(SELECT * FROM (SELECT {} AS pika_category, {} AS pika_order, {} AS pika_y FROM {}) AS r "
      "WHERE {}) AS box_rows",
      category, order, value->sql, engine.relation(), FiniteSql(engine.dialect(), "pika_y"));
}

constexpr double kQuartiles[] = {0.25, 0.5, 0.75};

// ClickHouse 18.16 has no interpolating exact quantile: each group's values are sorted and
// the two order statistics around (n - 1) * p are sent, to be interpolated here as DuckDB's
// quantile_cont and PostgreSQL's percentile_cont interpolate. (Holding a group's values is
// what ClickHouse's quantileExact does too.)
std::string ClickHouseQuartilesSql(const std::string& rows) {
  std::string picks;
  for (double p : kQuartiles) {
    const std::string low = fmt::format("toUInt64(floor((n - 1) * {}))", p);
    picks += fmt::format(", arrayElement(sorted, {0} + 1), arrayElement(sorted, least({0} + 2, n))",
                         low);
  }
  return fmt::format(
      "SELECT category, n, x_order{} FROM (SELECT pika_category AS category, count() AS n, "
      "min(pika_order) AS x_order, arraySort(groupArray(pika_y)) AS sorted FROM {} GROUP BY "
      "pika_category ORDER BY n DESC, category LIMIT {})",
      picks, rows, kMaxBoxes);
}

// PostgreSQL and DuckDB.
std::string OrderedSetQuartilesSql(const std::string& rows) {
  return fmt::format(
      "SELECT pika_category AS category, count(*) AS n, min(pika_order) AS x_order, "
      "percentile_cont(0.25) WITHIN GROUP (ORDER BY pika_y) AS q1, percentile_cont(0.5) WITHIN "
      "GROUP (ORDER BY pika_y) AS median, percentile_cont(0.75) WITHIN GROUP (ORDER BY pika_y) "
      "AS q3 FROM {} GROUP BY pika_category ORDER BY n DESC, category LIMIT {}",
      rows, kMaxBoxes);
}

// The p-quantile between the order statistics `low` and `high` around (n - 1) * p.
double Interpolate(uint64_t n, double p, double low, double high) {
  const double h = static_cast<double>(n - 1) * p;
  return low + (high - low) * (h - std::floor(h));
}

// Numbers and dates in their own order, NULL and names after them by name.
void SortBoxes(std::vector<BoxStats>& boxes, const std::vector<double>& order) {
  std::vector<BoxStats> sorted;
  for (size_t place :
       PlacesInOwnOrder(order, [&](size_t a, size_t b) { return boxes[a].name < boxes[b].name; }))
    sorted.push_back(std::move(boxes[place]));
  boxes = std::move(sorted);
}

Status FetchQuartiles(PlotQueries& run, const std::string& rows, BoxSummary& summary) {
  const bool clickhouse = run.dialect() == SqlDialect::kClickHouse;
  auto batch = run.Query(clickhouse ? ClickHouseQuartilesSql(rows) : OrderedSetQuartilesSql(rows));
  if (!batch.ok()) return batch.error();
  std::vector<double> order = Doubles(batch->columns[2]);
  // ClickHouse: two values per quartile (columns 3 and 4, 5 and 6, 7 and 8); the others: one.
  std::vector<std::vector<double>> values;
  for (size_t column = 3; column < batch->columns.size(); ++column)
    values.push_back(Doubles(batch->columns[column]));
  for (size_t row = 0; row < batch->row_count; ++row) {
    BoxStats box;
    box.name = batch->columns[0].TextAt(row);
    box.rows = static_cast<uint64_t>(batch->columns[1].IntAt(row));
    double quartiles[3];
    for (size_t q = 0; q < 3; ++q) {
      quartiles[q] = clickhouse ? Interpolate(box.rows, kQuartiles[q], values[2 * q][row],
                                              values[2 * q + 1][row])
                                : values[q][row];
    }
    box.q1 = quartiles[0];
    box.median = quartiles[1];
    box.q3 = quartiles[2];
    summary.rows += box.rows;
    summary.boxes.push_back(std::move(box));
  }
  SortBoxes(summary.boxes, order);
  return {};
}

Result<uint64_t> CountGroups(PlotQueries& run, const std::string& rows) {
  auto counted =
      run.Query(fmt::format("SELECT count(DISTINCT pika_category) AS groups FROM {}", rows));
  if (!counted.ok()) return counted.error();
  return static_cast<uint64_t>(counted->columns[0].IntAt(0));
}

// The boxes' fences (1.5 interquartile ranges beyond the box) as the rows' pika_lo and pika_hi,
// for the boxes drawn only.
std::string FencedRowsSql(const SqlEngine& engine, const std::string& rows,
                          const std::vector<BoxStats>& boxes) {
  const SqlDialect dialect = engine.dialect();
  std::vector<std::string> names, lows, highs;
  for (const BoxStats& box : boxes) {
    const double reach = 1.5 * (box.q3 - box.q1);
    names.push_back(engine.Literal(box.name));
    lows.push_back(DoubleLiteral(dialect, box.q1 - reach));
    highs.push_back(DoubleLiteral(dialect, box.q3 + reach));
  }
  const auto fence = [&](const std::vector<std::string>& bounds) {
    if (dialect == SqlDialect::kClickHouse) {
      return fmt::format("transform(pika_category, [{}], [{}], nan)", fmt::join(names, ", "),
                         fmt::join(bounds, ", "));
    }
    std::string cases;
    for (size_t box = 0; box < names.size(); ++box)
      cases += fmt::format(" WHEN {} THEN {}", names[box], bounds[box]);
    return fmt::format("CASE pika_category{} END", cases);
  };
  return fmt::format(
      "(SELECT pika_category, pika_y, {} AS pika_lo, {} AS pika_hi FROM {} WHERE pika_category "
      "IN ({})) AS fenced",
      fence(lows), fence(highs), rows, fmt::join(names, ", "));
}

std::map<std::string, BoxStats*> ByName(std::vector<BoxStats>& boxes) {
  std::map<std::string, BoxStats*> named;
  for (BoxStats& box : boxes) named[box.name] = &box;
  return named;
}

// Per box: the whiskers' ends (the extreme values inside the fences) and the outliers' count.
Status FetchWhiskers(PlotQueries& run, const std::string& fenced, std::vector<BoxStats>& boxes) {
  const bool clickhouse = run.dialect() == SqlDialect::kClickHouse;
  const std::string sql =
      clickhouse ? fmt::format(
                       "SELECT pika_category, minIf(pika_y, pika_y >= pika_lo), maxIf(pika_y, "
                       "pika_y <= pika_hi), countIf(pika_y < pika_lo OR pika_y > pika_hi) FROM {} "
                       "GROUP BY pika_category",
                       fenced)
                 : fmt::format(
                       "SELECT pika_category, min(pika_y) FILTER (WHERE pika_y >= pika_lo), "
                       "max(pika_y) FILTER (WHERE pika_y <= pika_hi), count(*) FILTER (WHERE "
                       "pika_y < pika_lo OR pika_y > pika_hi) FROM {} GROUP BY pika_category",
                       fenced);
  auto batch = run.Query(sql);
  if (!batch.ok()) return batch.error();
  const std::map<std::string, BoxStats*> named = ByName(boxes);
  const std::vector<double> lows = Doubles(batch->columns[1]), highs = Doubles(batch->columns[2]);
  for (size_t row = 0; row < batch->row_count; ++row) {
    const auto found = named.find(batch->columns[0].TextAt(row));
    if (found == named.end()) continue;
    BoxStats& box = *found->second;
    // Inside the fences there is always a value: the quartiles lie between the data's own.
    box.low = std::isnan(lows[row]) ? box.q1 : lows[row];
    box.high = std::isnan(highs[row]) ? box.q3 : highs[row];
    box.outlier_count = static_cast<uint64_t>(batch->columns[3].IntAt(row));
  }
  return {};
}

// The kOutliersPerEnd lowest and highest outliers of each box. ClickHouse 18.16 has no window
// functions: LIMIT BY takes each end, and boxes with few outliers send all of them.
std::vector<std::string> OutlierQueries(const SqlEngine& engine, const std::string& fenced,
                                        const std::vector<BoxStats>& boxes) {
  const std::string outside = "pika_y < pika_lo OR pika_y > pika_hi";
  if (engine.dialect() != SqlDialect::kClickHouse) {
    return {fmt::format(
        "SELECT pika_category, pika_y FROM (SELECT pika_category, pika_y, row_number() OVER "
        "(PARTITION BY pika_category ORDER BY pika_y) AS pika_low, row_number() OVER (PARTITION "
        "BY pika_category ORDER BY pika_y DESC) AS pika_high FROM {0} WHERE {1}) AS ranked WHERE "
        "pika_low <= {2} OR pika_high <= {2}",
        fenced, outside, kOutliersPerEnd)};
  }
  std::vector<std::string> few, many;
  for (const BoxStats& box : boxes) {
    if (box.outlier_count == 0) continue;
    (box.outlier_count <= 2 * kOutliersPerEnd ? few : many).push_back(engine.Literal(box.name));
  }
  std::vector<std::string> queries;
  if (!few.empty()) {
    queries.push_back(
        fmt::format("SELECT pika_category, pika_y FROM {} WHERE ({}) AND "
                    "pika_category IN ({})",
                    fenced, outside, fmt::join(few, ", ")));
  }
  for (const char* direction : {"ASC", "DESC"}) {
    if (many.empty()) break;
    queries.push_back(fmt::format(
        "SELECT pika_category, pika_y FROM {} WHERE ({}) AND pika_category IN ({}) ORDER BY "
        "pika_category, pika_y {} LIMIT {} BY pika_category",
        fenced, outside, fmt::join(many, ", "), direction, kOutliersPerEnd));
  }
  return queries;
}

Status FetchOutliers(PlotQueries& run, const std::string& fenced, std::vector<BoxStats>& boxes) {
  const std::map<std::string, BoxStats*> named = ByName(boxes);
  for (const std::string& sql : OutlierQueries(run.engine(), fenced, boxes)) {
    auto batch = run.Query(sql);
    if (!batch.ok()) return batch.error();
    const std::vector<double> values = Doubles(batch->columns[1]);
    for (size_t row = 0; row < batch->row_count; ++row) {
      const auto found = named.find(batch->columns[0].TextAt(row));
      if (found != named.end()) found->second->outliers.push_back(values[row]);
    }
  }
  return {};
}

}  // namespace

Result<BoxSummary> SummariseEngineBoxes(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                        const std::string& x, const std::string& y) {
  if (y.empty()) return InvalidInput("a box plot needs a y column: the numbers to summarise");
  const SqlEngine& engine = run.engine();
  auto rows = BoxRows(engine, columns, x, y);
  if (!rows.ok()) return rows.error();
  BoxSummary summary;
  PIKA_TRY(FetchQuartiles(run, *rows, summary));
  if (summary.boxes.empty())
    return InvalidInput(fmt::format("'{}' has no numbers to summarise in {}", y, engine.label()));
  summary.group_count = summary.boxes.size();
  if (summary.boxes.size() == kMaxBoxes) {  // maybe more groups than boxes
    auto groups = CountGroups(run, *rows);
    if (!groups.ok()) return groups.error();
    summary.group_count = *groups;
  }
  const std::string fenced = FencedRowsSql(engine, *rows, summary.boxes);
  PIKA_TRY(FetchWhiskers(run, fenced, summary.boxes));
  const bool any_outliers = std::any_of(summary.boxes.begin(), summary.boxes.end(),
                                        [](const BoxStats& box) { return box.outlier_count > 0; });
  if (any_outliers) PIKA_TRY(FetchOutliers(run, fenced, summary.boxes));
  for (const BoxStats& box : summary.boxes)
    summary.outliers_cut = summary.outliers_cut || box.outliers.size() < box.outlier_count;
  return summary;
}

}  // namespace pika
