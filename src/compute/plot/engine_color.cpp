#include "compute/plot/engine_color.h"

#include <fmt/format.h>

#include "compute/plot/axis_columns.h"
#include "plot/reduction_sql.h"

namespace pika {

namespace {

struct Categories {
  std::vector<ColorCategory> top;
  uint64_t distinct = 0;
};

// ClickHouse 18.16 has no window functions: the distinct values are counted apart, and only
// when the top ones are not all there is.
Result<Categories> TopCategories(PlotQueries& run, const std::string& text) {
  const std::string& table = run.engine().relation();
  auto top = run.Query(fmt::format(
      "SELECT pika_category AS category, count(*) AS n FROM (SELECT {} AS pika_category FROM {}) "
      "AS c GROUP BY pika_category ORDER BY n DESC, category LIMIT {}",
      text, table, kMaxColorCategories));
  if (!top.ok()) return top.error();
  Categories categories;
  for (size_t row = 0; row < top->row_count; ++row) {
    categories.top.push_back(
        {top->columns[0].TextAt(row), static_cast<uint64_t>(top->columns[1].IntAt(row))});
  }
  categories.distinct = categories.top.size();
  if (categories.top.size() < kMaxColorCategories) return categories;
  auto distinct = run.Query(fmt::format(
      "SELECT count(DISTINCT pika_category) AS n FROM (SELECT {} AS pika_category FROM {}) AS c",
      text, table));
  if (!distinct.ok()) return distinct.error();
  categories.distinct = static_cast<uint64_t>(distinct->columns[0].IntAt(0));
  return categories;
}

// The code of a row's category: its place among the named ones, else `named`.
std::string CodeSql(const SqlEngine& engine, const std::string& text, const PlotColor& color,
                    size_t named) {
  std::vector<std::string> names, codes;
  for (size_t code = 0; code < named; ++code) {
    names.push_back(engine.Literal(color.names[code]));
    codes.push_back(std::to_string(code));
  }
  if (engine.dialect() == SqlDialect::kClickHouse) {
    return fmt::format("toInt64(transform({}, [{}], [{}], {}))", text, fmt::join(names, ", "),
                       fmt::join(codes, ", "), named);
  }
  std::string cases;
  for (size_t code = 0; code < named; ++code)
    cases += fmt::format(" WHEN {} THEN {}", names[code], code);
  return fmt::format("CAST(CASE {}{} ELSE {} END AS BIGINT)", text, cases, named);
}

// A number on a colour bar over its finite values' range.
Result<std::string> PlanContinuous(PlotQueries& run, const std::string& value, PlotColor& color) {
  auto range = run.Query(ExtentSql(run.dialect(), {run.engine().relation(), value, ""}));
  if (!range.ok()) return range.error();
  if (range->columns[0].IntAt(0) > 0) {
    color.min = range->columns[1].DoubleAt(0);
    color.max = range->columns[2].DoubleAt(0);
  }
  return value;
}

}  // namespace

std::string CategoryTextSql(SqlDialect dialect, const std::string& quoted) {
  if (dialect == SqlDialect::kClickHouse)
    return fmt::format("ifNull(toString({}), 'NULL')", quoted);
  return fmt::format("coalesce(CAST({} AS TEXT), 'NULL')", quoted);
}

Result<EngineColor> PlanEngineColor(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                    const std::string& column, ColorUse use) {
  EngineColor planned;
  if (column.empty()) return planned;
  const SqlEngine& engine = run.engine();
  auto found = FindColumn(columns, column, engine);
  if (!found.ok()) return found.error();
  auto quoted = engine.Identifier(column);
  if (!quoted.ok()) return quoted.error();
  planned.color.column = column;
  const std::string text = CategoryTextSql(engine.dialect(), *quoted);
  auto categories = TopCategories(run, text);
  if (!categories.ok()) return categories.error();
  if (categories->top.empty())
    return InvalidInput(fmt::format("{} has no rows to colour by '{}'", engine.label(), column));
  const bool numeric = IsNumber((*found)->type);
  if (ColorsContinuously(numeric, categories->distinct, use)) {
    auto value = AxisColumnOf(columns, column, engine, false);
    if (!value.ok()) return value.error();
    auto sql = PlanContinuous(run, value->sql, planned.color);
    if (!sql.ok()) return sql.error();
    planned.sql = *sql;
    return planned;
  }
  const size_t named =
      NameCategories(std::move(categories->top), categories->distinct, numeric, use, planned.color);
  planned.sql = CodeSql(engine, text, planned.color, named);
  return planned;
}

}  // namespace pika
