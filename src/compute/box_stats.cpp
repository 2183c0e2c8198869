#include "compute/box_stats.h"

#include <fmt/format.h>

#include <map>

#include "compute/plot_color.h"
#include "plot/reduction_method.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// The rows as (category, x_order, y): finite y only (the outer WHERE reads the aliases,
// not the source's own columns of those names). Numbers and dates keep their own order.
Result<std::string> BoxRows(Connection& connection, const std::string& relation,
                            const std::string& x, const std::string& y) {
  const std::string value = fmt::format("TRY_CAST({} AS DOUBLE)", QuoteIdentifier(y));
  if (x.empty()) {
    return fmt::format(
        "SELECT * FROM (SELECT {} AS category, 0 AS x_order, {} AS y FROM {}) WHERE isfinite(y)",
        QuoteLiteral(y), value, relation);
  }
  auto type = ColumnTypeOf(connection, relation, x);
  if (!type.ok()) return type.error();
  const bool ordered = HasOwnOrder(*type);
  const std::string column = QuoteIdentifier(x);
  return fmt::format(
      "SELECT * FROM (SELECT coalesce(CAST({0} AS VARCHAR), 'NULL') AS category, "
      "{1} AS x_order, {2} AS y FROM {3}) WHERE isfinite(y)",
      column, ordered ? column : "coalesce(CAST(" + column + " AS VARCHAR), 'NULL')", value,
      relation);
}

// Quartiles per group, for the kMaxBoxes largest groups, in x's order. The quartiles
// interpolate (quantile_cont), as most tools draw them. A category names one x value (its
// text), so a group's x_order is that value.
Status FetchQuartiles(Connection& connection, const std::string& rows, BoxSummary& summary) {
  auto batch = connection.QueryAll(
      fmt::format("SELECT category, n, q[1], q[2], q[3], groups FROM ("
                  "SELECT category, count(*) AS n, quantile_cont(y, [0.25, 0.5, 0.75]) AS q, "
                  "min(x_order) AS x_order, count(*) OVER () AS groups FROM ({}) "
                  "GROUP BY category ORDER BY n DESC, category LIMIT {}) "
                  "ORDER BY x_order NULLS LAST, category",
                  rows, kMaxBoxes));
  if (!batch.ok()) return batch.error();
  for (size_t row = 0; row < batch->row_count; ++row) {
    BoxStats box;
    box.name = FormatValue(batch->columns[0], row);
    box.rows = static_cast<uint64_t>(batch->columns[1].IntAt(row));
    box.q1 = batch->columns[2].DoubleAt(row);
    box.median = batch->columns[3].DoubleAt(row);
    box.q3 = batch->columns[4].DoubleAt(row);
    summary.rows += box.rows;
    summary.group_count = static_cast<uint64_t>(batch->columns[5].IntAt(row));
    summary.boxes.push_back(std::move(box));
  }
  return {};
}

// The boxes' fences (1.5 interquartile ranges beyond the box) as a table to join the rows to.
std::string FencesSql(const std::vector<BoxStats>& boxes) {
  std::vector<std::string> fences;
  for (const BoxStats& box : boxes) {
    const double reach = 1.5 * (box.q3 - box.q1);
    fences.push_back(fmt::format("({}, {:.17g}::DOUBLE, {:.17g}::DOUBLE)", QuoteLiteral(box.name),
                                 box.q1 - reach, box.q3 + reach));
  }
  return fmt::format("(VALUES {}) AS fences(category, lo, hi)", fmt::join(fences, ", "));
}

// The rows joined to their box's fences, and where each box's results go.
struct FencedRows {
  std::string rows;    // BoxRows
  std::string fences;  // FencesSql
  std::map<std::string, BoxStats*> boxes;

  BoxStats* BoxOf(const Column& category, size_t row) const {
    const auto found = boxes.find(FormatValue(category, row));
    return found == boxes.end() ? nullptr : found->second;
  }
};

// Per box: the whiskers' ends (the extreme values inside the fences) and the outliers' count.
Status FetchWhiskers(Connection& connection, const FencedRows& fenced) {
  auto batch = connection.QueryAll(
      fmt::format("SELECT category, min(y) FILTER (WHERE y >= lo), max(y) FILTER (WHERE y <= hi), "
                  "count(*) FILTER (WHERE y < lo OR y > hi) FROM ({}) JOIN {} USING (category) "
                  "GROUP BY category",
                  fenced.rows, fenced.fences));
  if (!batch.ok()) return batch.error();
  for (size_t row = 0; row < batch->row_count; ++row) {
    BoxStats* box = fenced.BoxOf(batch->columns[0], row);
    if (box == nullptr) continue;
    // Inside the fences there is always a value: the quartiles lie between the data's own.
    box->low = batch->columns[1].IsValid(row) ? batch->columns[1].DoubleAt(row) : box->q1;
    box->high = batch->columns[2].IsValid(row) ? batch->columns[2].DoubleAt(row) : box->q3;
    box->outlier_count = static_cast<uint64_t>(batch->columns[3].IntAt(row));
  }
  return {};
}

// The kOutliersPerEnd lowest and highest outliers of each box: the ones a reader looks for.
Status FetchOutliers(Connection& connection, const FencedRows& fenced) {
  auto batch = connection.QueryAll(
      fmt::format("SELECT category, y FROM ({0}) JOIN {1} USING (category) "
                  "WHERE y < lo OR y > hi QUALIFY "
                  "row_number() OVER (PARTITION BY category ORDER BY y) <= {2} OR "
                  "row_number() OVER (PARTITION BY category ORDER BY y DESC) <= {2}",
                  fenced.rows, fenced.fences, kOutliersPerEnd));
  if (!batch.ok()) return batch.error();
  for (size_t row = 0; row < batch->row_count; ++row) {
    BoxStats* box = fenced.BoxOf(batch->columns[0], row);
    if (box != nullptr) box->outliers.push_back(batch->columns[1].DoubleAt(row));
  }
  return {};
}

}  // namespace

Result<BoxSummary> SummariseBoxes(Connection& connection, const std::string& relation,
                                  const std::string& x, const std::string& y) {
  if (y.empty()) return InvalidInput("a box plot needs a y column: the numbers to summarise");
  auto rows = BoxRows(connection, relation, x, y);
  if (!rows.ok()) return rows.error();
  BoxSummary summary;
  PIKA_TRY(FetchQuartiles(connection, *rows, summary));
  if (summary.boxes.empty())
    return InvalidInput(fmt::format("'{}' has no numbers to summarise", y));
  FencedRows fenced{*rows, FencesSql(summary.boxes), {}};
  for (BoxStats& box : summary.boxes) fenced.boxes[box.name] = &box;
  PIKA_TRY(FetchWhiskers(connection, fenced));
  bool any_outliers = false;
  for (const BoxStats& box : summary.boxes) any_outliers = any_outliers || box.outlier_count > 0;
  if (any_outliers) PIKA_TRY(FetchOutliers(connection, fenced));
  for (const BoxStats& box : summary.boxes)
    summary.outliers_cut = summary.outliers_cut || box.outliers.size() < box.outlier_count;
  return summary;
}

std::string BoxQuartilesSql(const std::string& relation, const std::string& x,
                            const std::string& y) {
  const std::string value = fmt::format("TRY_CAST({} AS DOUBLE)", QuoteIdentifier(y));
  const std::string group =
      x.empty() ? QuoteLiteral(y)
                : fmt::format("coalesce(CAST({} AS VARCHAR), 'NULL')", QuoteIdentifier(x));
  return fmt::format(
      "SELECT {0} AS category, count({1}) AS n, quantile_cont({1}, 0.25) AS q1, "
      "quantile_cont({1}, 0.5) AS median, quantile_cont({1}, 0.75) AS q3, "
      "min({1}) AS lowest, max({1}) AS highest FROM {2} WHERE isfinite({1}) GROUP BY ALL "
      "ORDER BY n DESC",
      group, value, relation);
}

std::string BoxBadge(const BoxSummary& summary, const std::string& x, const std::string& y) {
  std::string badge = x.empty() ? fmt::format("{} of {} rows", y, WithThousands(summary.rows))
                                : fmt::format("{} by {}: {} rows in {} groups", y, x,
                                              WithThousands(summary.rows), summary.boxes.size());
  if (summary.group_count > summary.boxes.size())
    badge += fmt::format(" (the largest of {})", summary.group_count);
  badge += ", whiskers at 1.5 IQR";
  if (summary.outliers_cut)
    badge += fmt::format(", the {} lowest and highest outliers drawn", kOutliersPerEnd);
  return badge + " (exact)";
}

}  // namespace pika
