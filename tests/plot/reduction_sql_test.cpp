// Tests of the reduction SQL: run through DuckDB, it must agree with the C++ kernels.
#include "plot/reduction_sql.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <regex>
#include <tuple>

#include "plot/density_grid.h"
#include "plot/m4.h"
#include "plot/time_bins.h"
#include "storage/database.h"

namespace pika {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 200,000 rows: x sorted, u and v scattered; a few NaN, infinite and NULL values.
constexpr const char* kTable = R"(
  CREATE TABLE t AS SELECT i,
    CAST(i AS DOUBLE) / 1000 AS x,
    CASE WHEN i % 997 = 0 THEN CAST('NaN' AS DOUBLE)
         WHEN i % 991 = 0 THEN NULL
         WHEN i % 983 = 0 THEN CAST('inf' AS DOUBLE)
         ELSE sin(CAST(i AS DOUBLE) / 500) + CAST(hash(i) % 100000 AS DOUBLE) / 100000 END AS y,
    CAST(hash(i + 1) % 100000 AS DOUBLE) / 1000 AS u,
    CASE WHEN i % 1009 = 0 THEN CAST('-inf' AS DOUBLE)
         ELSE CAST(hash(i + 2) % 100000 AS DOUBLE) / 1000 END AS v
  FROM range(200000) r(i))";

class ReductionSql : public ::testing::Test {
 public:
  void SetUp() override {
    auto database = Database::Open({});
    ASSERT_TRUE(database.ok()) << database.error().message;
    auto connection = database->Connect();
    ASSERT_TRUE(connection.ok()) << connection.error().message;
    connection_.emplace(std::move(*connection));
    ASSERT_TRUE(connection_->Execute(kTable).ok());
  }

  // A DOUBLE column in row order, NULL as NaN.
  std::vector<double> Column(const std::string& name) {
    auto result = connection_->Query("SELECT " + name + " FROM t ORDER BY i");
    EXPECT_TRUE(result.ok());
    auto batch = result->FetchAll();
    EXPECT_TRUE(batch.ok());
    const pika::Column& column = batch->columns.at(0);
    std::vector<double> values = std::get<std::vector<double>>(column.values);
    for (size_t row = 0; row < values.size(); ++row) {
      if (!column.IsValid(row)) values[row] = kNaN;
    }
    return values;
  }

  // Every row of a query whose columns are all BIGINT or DOUBLE, as doubles.
  std::vector<std::vector<double>> Rows(const std::string& sql) {
    auto result = connection_->Query(sql);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message) << "\n" << sql;
    if (!result.ok()) return {};
    auto batch = result->FetchAll();
    EXPECT_TRUE(batch.ok());
    std::vector<std::vector<double>> rows(batch->row_count);
    for (const pika::Column& column : batch->columns) {
      for (size_t row = 0; row < batch->row_count; ++row) {
        if (const auto* ints = std::get_if<std::vector<int64_t>>(&column.values)) {
          rows[row].push_back(static_cast<double>((*ints)[row]));
        } else {
          rows[row].push_back(std::get<std::vector<double>>(column.values)[row]);
        }
      }
    }
    return rows;
  }

  std::optional<Connection> connection_;
};

TEST_F(ReductionSql, DensityCountsEqualTheKernelsCounts) {
  const Viewport view{10.5, 80.25, -3.0, 77.7};
  const GridShape shape{193, 101};
  const auto sql = DensitySql(SqlDialect::kDuckDb, {"t", "u", "v"}, view, shape);
  ASSERT_TRUE(sql.ok());
  const std::vector<double> u = Column("u");
  const std::vector<double> v = Column("v");
  GridPool pool;
  CountGrid grid;
  ASSERT_TRUE(BinCounts(u, v, view, shape, pool, grid).ok());
  uint64_t total = 0;
  for (const auto& row : Rows(*sql)) {
    const auto column = static_cast<uint32_t>(row[0]);
    const auto pixel_row = static_cast<uint32_t>(row[1]);
    ASSERT_EQ(grid.At(column, pixel_row), static_cast<uint32_t>(row[2]));
    total += static_cast<uint64_t>(row[2]);
  }
  EXPECT_EQ(total, grid.stats.in_view);
  EXPECT_GT(total, 50000u);
}

TEST_F(ReductionSql, CategoryCountsEqualTheKernelsPerCellAndCode) {
  const Viewport view{10.5, 80.25, -3.0, 77.7};
  const GridShape shape{97, 61};
  // Code 3 is a row no category draws: neither counts it.
  const auto sql = CategoryDensitySql(SqlDialect::kDuckDb, {"t", "u", "v"}, "i % 4", view, shape);
  ASSERT_TRUE(sql.ok());
  std::vector<uint32_t> codes;
  for (double i : Column("CAST(i AS DOUBLE)")) codes.push_back(static_cast<uint32_t>(i) % 4);
  GridPool pool;
  CategoryGrid grid;
  ASSERT_TRUE(BinCategories(Column("u"), Column("v"), codes, 3, view, shape, pool, grid).ok());
  uint64_t total = 0, kernel_total = 0;
  for (const auto& row : Rows(*sql)) {
    const auto code = static_cast<uint32_t>(row[2]);
    if (code >= 3) continue;
    const size_t cell = static_cast<size_t>(row[1]) * shape.width + static_cast<size_t>(row[0]);
    ASSERT_EQ(grid.counts[cell * 3 + code], static_cast<uint32_t>(row[3]));
    total += static_cast<uint64_t>(row[3]);
  }
  for (uint32_t count : grid.counts) kernel_total += count;
  EXPECT_EQ(total, kernel_total);
  EXPECT_GT(total, 30000u);
}

TEST_F(ReductionSql, MeanCellsSumOnlyFiniteValuesAsTheKernelDoes) {
  const Viewport view{10.5, 80.25, -3.0, 77.7};
  const GridShape shape{97, 61};
  // y holds NaN, infinities and NULL: a cell counts every row, its mean only the finite ones.
  const auto sql = MeanDensitySql(SqlDialect::kDuckDb, {"t", "u", "v"}, "y", view, shape);
  ASSERT_TRUE(sql.ok());
  GridPool pool;
  ValueGrid grid;
  ASSERT_TRUE(BinSums(Column("u"), Column("v"), Column("y"), view, shape, pool, grid).ok());
  CountGrid all;
  ASSERT_TRUE(BinCounts(Column("u"), Column("v"), view, shape, pool, all).ok());
  size_t cells = 0;
  for (const auto& row : Rows(*sql)) {
    const auto column = static_cast<uint32_t>(row[0]), pixel_row = static_cast<uint32_t>(row[1]);
    const size_t cell = size_t{pixel_row} * shape.width + column;
    ASSERT_EQ(all.At(column, pixel_row), static_cast<uint32_t>(row[2]));
    ASSERT_EQ(grid.counts[cell], static_cast<uint32_t>(row[3]));
    if (grid.counts[cell] > 0) {
      EXPECT_NEAR(grid.sums[cell], row[4], 1e-9 * std::abs(row[4]) + 1e-9);
    }
    ++cells;
  }
  EXPECT_GT(cells, 1000u);
}

TEST_F(ReductionSql, SourceColumnsNamedLikeTheOutputsAreNotGroupedInstead) {
  const Viewport view{10.5, 80.25, -3.0, 77.7};
  const GridShape shape{50, 40};
  const std::string relation = "(SELECT u, v, 0 AS px, 0 AS py, 0 AS bin FROM t)";
  const auto density = DensitySql(SqlDialect::kDuckDb, {relation, "u", "v"}, view, shape);
  ASSERT_TRUE(density.ok());
  EXPECT_GT(Rows(*density).size(), 100u);  // many cells, not the one (0, 0) of the columns
  const auto histogram = HistogramSql(SqlDialect::kDuckDb, {relation, "u", "v"}, 0, 100, 20);
  ASSERT_TRUE(histogram.ok());
  EXPECT_EQ(Rows(*histogram).size(), 20u);
}

TEST_F(ReductionSql, HistogramEqualsAOneRowDensity) {
  const auto sql = HistogramSql(SqlDialect::kDuckDb, {"t", "u", "u"}, 0.0, 99.9, 37);
  ASSERT_TRUE(sql.ok());
  const std::vector<double> u = Column("u");
  GridPool pool;
  CountGrid grid;
  ASSERT_TRUE(BinCounts(u, u, {0.0, 99.9, 0.0, 99.9}, {37, 1}, pool, grid).ok());
  const auto rows = Rows(*sql);
  ASSERT_EQ(rows.size(), 37u);
  for (const auto& row : rows) {
    EXPECT_EQ(grid.At(static_cast<uint32_t>(row[0]), 0), static_cast<uint32_t>(row[1]));
  }
}

// Per pixel column: first x, last x, lowest y, highest y.
using Extremes = std::tuple<double, double, double, double>;

std::map<uint32_t, Extremes> ExtremesPerColumn(
    const std::vector<std::tuple<uint32_t, double, double>>& points) {
  std::map<uint32_t, Extremes> columns;
  for (const auto& [column, x, y] : points) {
    auto [it, fresh] = columns.try_emplace(column, x, x, y, y);
    auto& [first, last, low, high] = it->second;
    first = std::min(first, x);
    last = std::max(last, x);
    low = std::min(low, y);
    high = std::max(high, y);
  }
  return columns;
}

// M4 in SQL and the kernel keep the same extremes per column: `x_name` sorted by row or not.
void ExpectM4SqlMatchesTheKernel(ReductionSql& test, const std::string& x_name, XOrder order) {
  const double x_min = 12.3;
  const double x_max = 87.65;
  const uint32_t width = 640;
  const auto sql = M4Sql(SqlDialect::kDuckDb, {"t", x_name, "y"}, x_min, x_max, width);
  ASSERT_TRUE(sql.ok());
  const std::vector<double> x = test.Column(x_name);
  const std::vector<double> y = test.Column("y");
  ASSERT_EQ(DetectXOrder(x), order);
  M4Output out;
  ASSERT_TRUE(M4(x, y, x_min, x_max, width, order, out).ok());
  std::vector<std::tuple<uint32_t, double, double>> from_sql;
  for (const auto& row : test.Rows(*sql)) {
    from_sql.emplace_back(static_cast<uint32_t>(row[0]), row[1], row[2]);
  }
  std::vector<std::tuple<uint32_t, double, double>> from_kernel;
  const PixelAxis axis(x_min, x_max, width);
  for (size_t row : out.rows) from_kernel.emplace_back(axis.PixelOf(x[row]), x[row], y[row]);
  EXPECT_EQ(ExtremesPerColumn(from_sql), ExtremesPerColumn(from_kernel));
  EXPECT_EQ(ExtremesPerColumn(from_kernel).size(), width);
}

TEST_F(ReductionSql, M4PointsHoldTheKernelsExtremesPerColumn) {
  ExpectM4SqlMatchesTheKernel(*this, "x", XOrder::kSorted);
}

TEST_F(ReductionSql, CategoryM4HoldsEachCodesExtremesAsTheKernelOfItsRows) {
  const double x_min = 12.3, x_max = 87.65;
  const uint32_t width = 320;
  const auto sql =
      CategoryM4Sql(SqlDialect::kDuckDb, {"t", "x", "y"}, "i % 3", 2, x_min, x_max, width);
  ASSERT_TRUE(sql.ok());
  const std::vector<double> i = Column("CAST(i AS DOUBLE)"), x = Column("x"), y = Column("y");
  std::map<uint32_t, std::vector<std::tuple<uint32_t, double, double>>> from_sql;
  for (const auto& row : Rows(*sql))
    from_sql[static_cast<uint32_t>(row[0])].emplace_back(static_cast<uint32_t>(row[1]), row[2],
                                                         row[3]);
  ASSERT_EQ(from_sql.size(), 2u);  // code 2 is past the lines drawn
  const PixelAxis axis(x_min, x_max, width);
  for (uint32_t code = 0; code < 2; ++code) {
    std::vector<double> code_x, code_y;
    for (size_t row = 0; row < x.size(); ++row) {
      if (static_cast<uint32_t>(i[row]) % 3 != code) continue;
      code_x.push_back(x[row]);
      code_y.push_back(y[row]);
    }
    M4Output out;
    ASSERT_TRUE(M4(code_x, code_y, x_min, x_max, width, XOrder::kSorted, out).ok());
    std::vector<std::tuple<uint32_t, double, double>> from_kernel;
    for (size_t row : out.rows)
      from_kernel.emplace_back(axis.PixelOf(code_x[row]), code_x[row], code_y[row]);
    EXPECT_EQ(ExtremesPerColumn(from_sql[code]), ExtremesPerColumn(from_kernel)) << code;
  }
}

// SQL has no row order, so M4's first and last are by x; the kernel agrees when x is unsorted.
TEST_F(ReductionSql, M4OfUnsortedXHoldsTheKernelsExtremesPerColumn) {
  ExpectM4SqlMatchesTheKernel(*this, "u", XOrder::kUnsorted);
}

// Calendar and fixed-length time bins as DuckDB's time_bucket places them (a local date
// histogram), from 1899 to 2104: before the epoch, leap days, a microsecond before midnight.
TEST_F(ReductionSql, TimeBinsEqualTimeBucketsFromBeforeTheEpochOn) {
  ASSERT_TRUE(connection_
                  ->Execute("CREATE TABLE ts AS SELECT TIMESTAMP '1899-12-31 23:59:59.999999' + "
                            "to_microseconds(i * 32400000007) AS moment FROM range(200000) r(i)")
                  .ok());
  constexpr double kHourMicros = 3.6e9;
  for (const TimeStep& step :
       {TimeStep{"1 hour", kHourMicros, 0}, TimeStep{"7 days", 168 * kHourMicros, 0},
        TimeStep{"1 month", 730 * kHourMicros, 1}, TimeStep{"3 months", 2190 * kHourMicros, 3},
        TimeStep{"1 year", 8766 * kHourMicros, 12},
        TimeStep{"100 years", 876600 * kHourMicros, 1200}}) {
    std::map<int64_t, int64_t> expected, counted;
    for (const auto& row : Rows(fmt::format(
             "SELECT epoch_us(time_bucket(INTERVAL '{}', moment)), count(*) FROM ts GROUP BY 1",
             step.label)))
      expected[static_cast<int64_t>(row[0])] = static_cast<int64_t>(row[1]);
    const std::string sql =
        TimeHistogramSql(SqlDialect::kDuckDb, {"ts", "CAST(epoch_us(moment) AS DOUBLE)", ""},
                         step.months, step.micros);
    for (const auto& row : Rows(sql)) {
      const auto bin = static_cast<int64_t>(row[0]);
      const double start = step.months > 0
                               ? MonthStartMicros(bin)
                               : kTimeBinOrigin + static_cast<double>(bin) * step.micros;
      counted[static_cast<int64_t>(start)] = static_cast<int64_t>(row[1]);
    }
    EXPECT_GT(expected.size(), 1u) << step.label;
    EXPECT_EQ(counted, expected) << step.label << "\n" << sql;
  }
}

TEST(ReductionSqlText, BoundsAreTypedDoublesAndPixelCountsIntegers) {
  const auto sql = DensitySql(SqlDialect::kDuckDb, {"t", "x", "y"}, {0.1, 0.9, 0, 1}, {1920, 1080});
  ASSERT_TRUE(sql.ok());
  // Every number with a decimal point carries an exponent: never a DECIMAL like 1920.0.
  const std::regex decimal(R"([0-9]\.[0-9]+(?![0-9]*e))");
  EXPECT_FALSE(std::regex_search(*sql, decimal)) << *sql;
  EXPECT_NE(sql->find("1919)"), std::string::npos) << *sql;
  const auto postgres =
      DensitySql(SqlDialect::kPostgres, {"t", "x", "y"}, {0.1, 0.9, 0, 1}, {1920, 1080});
  ASSERT_TRUE(postgres.ok());
  EXPECT_NE(postgres->find("AS DOUBLE PRECISION"), std::string::npos);
  const auto clickhouse = M4Sql(SqlDialect::kClickHouse, {"t", "x", "y"}, 0, 1, 100);
  ASSERT_TRUE(clickhouse.ok());
  EXPECT_NE(clickhouse->find("toInt64(floor("), std::string::npos);
  EXPECT_NE(clickhouse->find("isFinite(y)"), std::string::npos);
}

TEST(ReductionSqlText, RejectsAnEmptyViewport) {
  EXPECT_FALSE(DensitySql(SqlDialect::kDuckDb, {"t", "x", "y"}, {1, 1, 0, 1}, {10, 10}).ok());
  EXPECT_FALSE(M4Sql(SqlDialect::kDuckDb, {"t", "x", "y"}, 0, 1, 0).ok());
  EXPECT_FALSE(HistogramSql(SqlDialect::kDuckDb, {"t", "x", "y"}, 2, 1, 10).ok());
}

}  // namespace
}  // namespace pika
