// The real files of vega-datasets: every row arrives, with the types a person would pick.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

using test::QueryValue;

// Data rows by counting newlines: independent of DuckDB's CSV reader.
uint64_t DataLines(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  uint64_t lines = 0;
  char previous = '\n';
  for (char c; file.get(c);) {
    if (c == '\n') ++lines;
    previous = c;
  }
  if (previous != '\n') ++lines;
  return lines - 1;  // the header
}

struct VegaCase {
  std::string file;
  std::map<std::string, std::string> types;  // a few columns and the type they must get
};

void PrintTo(const VegaCase& value, std::ostream* out) { *out << value.file; }

class VegaCsv : public ::testing::TestWithParam<VegaCase> {};

TEST_P(VegaCsv, ImportsEveryRowWithTheExpectedTypes) {
  const VegaCase& c = GetParam();
  const std::string path = test::VegaPath(c.file);
  test::Engine engine = test::OpenEngine();
  auto result = test::Import(engine.connection, path);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->outcome, ImportOutcome::kImported);
  EXPECT_EQ(result->report.rejected, 0u);
  EXPECT_EQ(result->report.rows, DataLines(path));
  EXPECT_EQ(QueryValue(engine.connection, "SELECT count(*) FROM t"),
            std::to_string(DataLines(path)));
  for (const auto& [column, type] : c.types) {
    bool found = false;
    for (const ColumnReport& report : result->report.columns) {
      if (report.name != column) continue;
      found = true;
      EXPECT_EQ(report.engine_type, type) << column << ": " << report.explanation;
      EXPECT_GE(report.confidence, 0.95) << column;
    }
    EXPECT_TRUE(found) << column;
  }
}

INSTANTIATE_TEST_SUITE_P(
    RealFiles, VegaCsv,
    ::testing::Values(
        VegaCase{"birdstrikes.csv", {{"Flight Date", "DATE"}, {"Cost Total $", "BIGINT"}}},
        VegaCase{"zipcodes.csv", {{"zip_code", "VARCHAR"}, {"latitude", "DOUBLE"}}},
        VegaCase{"airports.csv", {{"iata", "VARCHAR"}, {"longitude", "DOUBLE"}}},
        VegaCase{"seattle-weather.csv", {{"date", "DATE"}, {"wind", "DOUBLE"}}},
        VegaCase{"sp500-2000.csv", {{"date", "DATE"}, {"volume", "BIGINT"}}},
        VegaCase{"stocks.csv", {{"date", "DATE"}, {"price", "DOUBLE"}}},
        VegaCase{"species.csv", {{"county_id", "VARCHAR"}, {"habitat_yearround_pct", "DOUBLE"}}}),
    [](const ::testing::TestParamInfo<VegaCase>& param_info) {
      const std::string& file = param_info.param.file;
      std::string name = file.substr(0, file.find('.'));
      for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
      return name;
    });

TEST(VegaValues, ZipCodesKeepLeadingZerosAndStocksParseMonthNames) {
  test::Engine engine = test::OpenEngine();
  ASSERT_TRUE(test::Import(engine.connection, test::VegaPath("zipcodes.csv"), {}, "zips").ok());
  EXPECT_EQ(QueryValue(engine.connection, "SELECT min(zip_code) FROM zips"), "00501");
  ASSERT_TRUE(test::Import(engine.connection, test::VegaPath("stocks.csv"), {}, "stocks").ok());
  EXPECT_EQ(QueryValue(engine.connection,
                       "SELECT date FROM stocks WHERE symbol = 'MSFT' ORDER BY date LIMIT 1"),
            "2000-01-01");
  EXPECT_EQ(QueryValue(engine.connection, "SELECT count(DISTINCT symbol) FROM stocks"), "5");
}

TEST(VegaParquet, Flights3mImportsAllRowsWithDeclaredTypes) {
  test::Engine engine = test::OpenEngine();
  auto result = test::Import(engine.connection, test::VegaPath("flights-3m.parquet"));
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.rows, 3000000u);
  EXPECT_EQ(result->report.dialect.format, "parquet");
  std::map<std::string, std::string> types;
  for (const ColumnReport& column : result->report.columns) types[column.name] = column.engine_type;
  EXPECT_EQ(types["date"], "TIMESTAMP");
  EXPECT_EQ(types["delay"], "BIGINT");
  EXPECT_EQ(types["origin"], "VARCHAR");
  // Nothing lost: the table holds what the file holds.
  EXPECT_EQ(
      QueryValue(engine.connection,
                 fmt::format("SELECT sum(delay) = (SELECT sum(delay) FROM read_parquet('{}')) "
                             "FROM t",
                             test::VegaPath("flights-3m.parquet"))),
      "true");
}

TEST(VegaParquet, ADamagedParquetFileIsAClearErrorAndNoTable) {
  test::TempDir temp;
  std::ifstream source(test::VegaPath("flights-3m.parquet"), std::ios::binary);
  std::string head(4096, '\0');
  source.read(head.data(), static_cast<std::streamsize>(head.size()));
  const std::string path = temp.Write("cut.parquet", head);
  test::Engine engine = test::OpenEngine();
  auto result = test::Import(engine.connection, path);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(result.error().message.find("as Parquet"), std::string::npos);
  EXPECT_EQ(QueryValue(engine.connection, "SELECT count(*) FROM duckdb_tables()"), "0");
}

}  // namespace
}  // namespace pika
