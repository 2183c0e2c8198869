// Runs the built `pika` binary the way scripts do: JSON output and exit codes.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

using nlohmann::json;
using test::RunProcess;

test::ProcessResult Pika(std::vector<std::string> args, const std::string& workdir = "") {
  args.insert(args.begin(), PIKA_CLI_PATH);
  return RunProcess(args, workdir);
}

json ParseOrFail(const std::string& text) {
  try {
    return json::parse(text);
  } catch (const std::exception& error) {
    ADD_FAILURE() << "not JSON: " << error.what() << "\n" << text;
    return json::object();
  }
}

TEST(CliInspect, PrintsSchemaDialectAndSampleAsJson) {
  const auto result = Pika({"inspect", test::VegaPath("stocks.csv"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  ASSERT_EQ(report["columns"].size(), 3u);
  EXPECT_EQ(report["columns"][1]["name"], "date");
  EXPECT_EQ(report["columns"][1]["type"], "DATE");
  EXPECT_EQ(report["columns"][1]["confidence"], 1.0);
  EXPECT_TRUE(report["columns"][1]["counterexamples"].is_array());
  EXPECT_EQ(report["dialect"]["delimiter"], ",");
  EXPECT_EQ(report["dialect"]["date_format"], "%b %d %Y");
  EXPECT_EQ(report["sample"][0]["symbol"], "MSFT");
  EXPECT_EQ(report["sample"][0]["price"], 39.81);
}

TEST(CliInspect, ListsCounterexamplesWithLines) {
  test::TempDir temp;
  const std::string path = temp.Write("s.csv",
                                      "id,score\n1,5\n2,6\n3,7\n4,8\n5,9\n6,1\n7,2\n8,3\n"
                                      "9,4\n10,5\n11,6\n12,7\n13,8\n14,9\n15,1\n16,2\n"
                                      "17,3\n18,4\n19,5\n20,bad\n");
  const auto result = Pika({"inspect", path, "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json score = ParseOrFail(result.out)["columns"][1];
  EXPECT_EQ(score["type"], "BIGINT");
  EXPECT_EQ(score["confidence"], 0.95);
  ASSERT_EQ(score["counterexamples"].size(), 1u);
  EXPECT_EQ(score["counterexamples"][0]["line"], 21);
  EXPECT_EQ(score["counterexamples"][0]["value"], "bad");
}

TEST(CliImport, ImportsIntoTheGivenDatabaseAndReportsAsJson) {
  test::TempDir temp;
  const std::string db = temp.File("w.duckdb");
  const auto result = Pika({"import", test::VegaPath("seattle-weather.csv"), "--db", db, "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["table"], "seattle_weather");
  EXPECT_EQ(report["rows"], 1461);
  EXPECT_EQ(report["rejected"], 0);
  EXPECT_TRUE(report["rejects"].empty());
  EXPECT_EQ(report["columns"][0]["type"], "DATE");
  const auto count = Pika({"sql", "--db", db, "--format", "json",
                           "SELECT count(*) AS n, max(temp_max) AS hottest FROM seattle_weather"});
  ASSERT_EQ(count.exit_code, 0) << count.err;
  EXPECT_EQ(ParseOrFail(count.out), json::parse(R"([{"n": 1461, "hottest": 35.6}])"));
}

TEST(CliImport, DefaultsToPikaDuckdbInTheCurrentFolder) {
  test::TempDir temp;
  const auto result = Pika({"import", test::FixturePath("csv/semicolon.csv")}, temp.path());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(temp.File("pika.duckdb")));
  const auto rows = Pika({"sql", "SELECT name FROM semicolon WHERE id = 3"}, temp.path());
  EXPECT_NE(rows.out.find("Cy"), std::string::npos);
}

TEST(CliImport, BadRowsExitWithOneAndTellTheUserWhatToDo) {
  test::TempDir temp;
  const auto result = Pika({"import", test::FixturePath("csv/too_few_columns.csv"), "--db",
                            temp.File("w.duckdb"), "--json"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("--on-bad-rows=skip"), std::string::npos);
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["rejected"], 1);
  EXPECT_EQ(report["rejects"][0]["line"], 3);
  EXPECT_EQ(report["rows"], 0);
  const auto skipped = Pika({"import", test::FixturePath("csv/too_few_columns.csv"), "--db",
                             temp.File("w.duckdb"), "--on-bad-rows", "skip", "--json"});
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_EQ(ParseOrFail(skipped.out)["rows"], 3);
}

TEST(CliImport, TypeOverridesNullStringsAndDelimiterFlags) {
  test::TempDir temp;
  const std::string path = temp.Write("p.txt", "a|b\n1|x\n2|-\n");
  const auto result = Pika({"import", path, "--db", temp.File("w.duckdb"), "--delimiter", "|",
                            "--type", "a=DOUBLE", "--null", "-", "--table", "pipes", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["table"], "pipes");
  EXPECT_EQ(report["columns"][0]["type"], "DOUBLE");
  const auto nulls = Pika(
      {"sql", "--db", temp.File("w.duckdb"), "--format", "csv", "SELECT count(b) AS b FROM pipes"});
  EXPECT_EQ(nulls.out, "b\n1\n");
}

TEST(CliErrors, UserMistakesExitWithOneAndAMessage) {
  test::TempDir temp;
  const std::vector<std::vector<std::string>> mistakes{
      {"inspect", "/no/such/file.csv"},
      {"import", test::FixturePath("csv/semicolon.csv"), "--db", temp.File("w.duckdb"), "--type",
       "id=WHOLE"},
      {"import", test::FixturePath("csv/semicolon.csv"), "--db", temp.File("w.duckdb"),
       "--delimiter", "ab"},
      {"sql", "SELEC 1"},
      {"sql", "--db", temp.File("missing.duckdb"), "SELECT 1"},
      {"inspect"},
      {"frobnicate"},
  };
  for (const auto& args : mistakes) {
    const auto result = Pika(args, temp.path());
    EXPECT_EQ(result.exit_code, 1) << args[0] << " " << (args.size() > 1 ? args[1] : "");
    EXPECT_FALSE(result.err.empty()) << args[0];
  }
}

TEST(CliSql, PrintsTablesCsvAndJsonWithTypedValues) {
  const std::string sql =
      "SELECT 1 AS n, 'a,b' AS s, NULL AS missing, DATE '2020-01-02' AS d, true AS b, "
      "[1, 2] AS l, 'inf'::DOUBLE AS big";
  const auto table = Pika({"sql", sql});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("[1, 2]"), std::string::npos);
  EXPECT_NE(table.out.find("(1 row)"), std::string::npos);
  const auto csv = Pika({"sql", "--format", "csv", sql});
  EXPECT_EQ(csv.out, "n,s,missing,d,b,l,big\n1,\"a,b\",,2020-01-02,true,\"[1, 2]\",inf\n");
  const auto json_out = Pika({"sql", "--format", "json", sql});
  EXPECT_EQ(ParseOrFail(json_out.out),
            json::parse(R"([{"n":1,"s":"a,b","missing":null,"d":"2020-01-02","b":true,)"
                        R"("l":"[1, 2]","big":"inf"}])"));
}

TEST(CliSql, RunsSeveralStatementsAndPrintsTheLast) {
  const auto result = Pika(
      {"sql", "--format", "csv", "CREATE TABLE t AS SELECT 41 AS x; SELECT x + 1 AS y FROM t"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "y\n42\n");
}

TEST(CliSql, ExplainCacheSaysHowEachStatementWasAnsweredAsJsonLines) {
  test::TempDir temp;
  const std::string script = temp.Write("q.sql",
                                        "CREATE TABLE t AS SELECT range AS x FROM range(1000);\n"
                                        "SELECT count(*) FROM t WHERE x > 5;\n"
                                        "-- the same question, asked differently\n"
                                        "select COUNT(*) from T where 5.0 < X;\n");
  const auto result = Pika({"sql", "--file", script, "--explain-cache", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<json> lines;
  std::istringstream out(result.out);
  for (std::string line; std::getline(out, line);) lines.push_back(ParseOrFail(line));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1]["how"], "fresh");
  EXPECT_EQ(lines[1]["rows"], 1);
  EXPECT_EQ(lines[2]["how"], "exact");
  EXPECT_EQ(lines[2]["from"], "SELECT count(*) FROM t WHERE x > 5");
  EXPECT_EQ(lines[2]["statement"], "select COUNT(*) from T where 5.0 < X");
  EXPECT_TRUE(lines[2]["ms"].is_number());
  EXPECT_EQ(lines[2]["remainder"], "");
}

TEST(CliPlot, DrawsAFileToPngAndSaysWhatItDrew) {
  test::TempDir temp;
  const std::string out = temp.File("weather.png");
  const auto result = Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "line", "--x",
                            "date", "--y", "temp_max", "-o", out, "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["kind"], "line");
  EXPECT_EQ(report["rows_read"], 1461);
  EXPECT_EQ(report["method"], "raw");
  EXPECT_EQ(report["rows_represented"], 1461);
  EXPECT_LE(report["y_range"][0].get<double>(), -1.6);  // the coldest high in the file
  EXPECT_EQ(report["output"], out);
  EXPECT_GT(std::filesystem::file_size(out), 10'000u);
  EXPECT_TRUE(result.err.empty()) << result.err;
}

TEST(CliPlot, MillionsOfRowsAreDrawnAsADensity) {
  test::TempDir temp;
  const auto result = Pika({"plot", test::VegaPath("flights-3m.parquet"), "--x", "distance", "--y",
                            "delay", "-o", temp.File("f.svg"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["method"], "density");
  EXPECT_EQ(report["rows_represented"], 3000000);
}

TEST(CliPlot, AScatterIsReducedInDuckDbWhateverTheMemoryLimit) {
  // 64MB: a quarter would hold a million rows of x and y, and the file has three; no rows
  // come to memory anyway.
  test::TempDir temp;
  const auto result = RunProcess({"/usr/bin/env", "PIKA_MEMORY_LIMIT=64MB", PIKA_CLI_PATH, "plot",
                                  test::VegaPath("flights-3m.parquet"), "--x", "distance", "--y",
                                  "delay", "-o", temp.File("f.png"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["method"], "density");
  EXPECT_EQ(report["rows_represented"], 3000000);
  EXPECT_EQ(report["rows_read"], 3000000);
  EXPECT_NE(report["badge"].get<std::string>().find("reduced in DuckDB"), std::string::npos)
      << report["badge"];
  EXPECT_FALSE(report["queries"].empty());
  EXPECT_GT(std::filesystem::file_size(temp.File("f.png")), 10'000u);
  // The same plot at the default limit is the same picture.
  const auto roomy = Pika({"plot", test::VegaPath("flights-3m.parquet"), "--x", "distance", "--y",
                           "delay", "-o", temp.File("g.png"), "--json"});
  ASSERT_EQ(roomy.exit_code, 0) << roomy.err;
  EXPECT_EQ(ParseOrFail(roomy.out)["badge"], report["badge"]);
  EXPECT_EQ(std::filesystem::file_size(temp.File("g.png")),
            std::filesystem::file_size(temp.File("f.png")));
}

TEST(CliPlot, AQueryCanShapeAFileBeforePlotting) {
  test::TempDir temp;
  const auto result =
      Pika({"plot", test::VegaPath("stocks.csv"), "--sql",
            "SELECT date, price FROM pika_plot_source WHERE symbol = 'AAPL'", "--kind", "line",
            "--x", "date", "--y", "price", "-o", temp.File("aapl.png"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ParseOrFail(result.out)["rows_read"], 123);
}

TEST(CliPlot, HistogramsAreCountedInTheEngine) {
  test::TempDir temp;
  const auto result = Pika({"plot", test::VegaPath("flights-3m.parquet"), "--kind", "histogram",
                            "--x", "distance", "-o", temp.File("h.png"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["method"], "histogram");
  EXPECT_EQ(report["rows_represented"], 3000000);
  EXPECT_NE(report["badge"].get<std::string>().find("histogram of 3,000,000 rows"),
            std::string::npos);
  EXPECT_EQ(report["x_range"][0], 0);
}

TEST(CliPlot, BarsAggregateInTheEngineAndKeepTheLargest) {
  test::TempDir temp;
  const auto result =
      Pika({"plot", test::VegaPath("flights-3m.parquet"), "--kind", "bar", "--x", "origin", "--y",
            "delay", "--agg", "mean", "-o", temp.File("b.png"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["method"], "aggregate");
  EXPECT_EQ(report["rows_read"], 50);
  EXPECT_EQ(report["rows_represented"], 3000000);
  EXPECT_NE(report["badge"].get<std::string>().find("50 largest of"), std::string::npos);
  EXPECT_EQ(Pika({"plot", test::VegaPath("stocks.csv"), "--kind", "bar", "--x", "symbol", "--agg",
                  "sum", "-o", temp.File("c.png")})
                .exit_code,
            1);  // sum of what? --y is missing
}

TEST(CliPlot, BoxesSummariseEachGroupInTheEngineAndNeedNoX) {
  test::TempDir temp;
  const auto result =
      Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "box", "--x", "weather", "--y",
            "precipitation", "-o", temp.File("box.svg"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["method"], "aggregate");
  EXPECT_EQ(report["rows_represented"], 1461);
  EXPECT_EQ(report["badge"],
            "precipitation by weather: 1,461 rows in 5 groups, whiskers at 1.5 IQR (exact)");
  const auto one = Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "box", "--y",
                         "wind", "-o", temp.File("one.png"), "--json"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(ParseOrFail(one.out)["x_range"], json({0, 1}));
  const auto no_y = Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "box", "--x",
                          "weather", "-o", temp.File("none.png")});
  EXPECT_EQ(no_y.exit_code, 1);
  EXPECT_NE(no_y.err.find("needs a y column"), std::string::npos) << no_y.err;
}

TEST(CliPlot, LogAxesSpanDecadesAndSayWhatTheyLeaveOff) {
  test::TempDir temp;
  const auto result = Pika({"plot", test::VegaPath("gapminder-health-income.csv"), "--x", "income",
                            "--y", "health", "--x-log", "-o", temp.File("log.png"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  // Incomes from about 600 to 130,000: decades 2.7 to 5.1.
  EXPECT_GT(report["x_range"][0].get<double>(), 2.5);
  EXPECT_LT(report["x_range"][1].get<double>(), 5.5);
  const auto delays = Pika({"plot", test::VegaPath("flights-3m.parquet"), "--x", "distance", "--y",
                            "delay", "--y-log", "-o", temp.File("delay.png"), "--json"});
  ASSERT_EQ(delays.exit_code, 0) << delays.err;
  EXPECT_NE(ParseOrFail(delays.out)["badge"].get<std::string>().find("<= 0 left off the log axis"),
            std::string::npos);
  EXPECT_EQ(Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "histogram", "--x",
                  "wind", "--y-log", "-o", temp.File("h.png")})
                .exit_code,
            1);
}

TEST(CliPlot, SizeScalesScatterPointsAndOnlyScatterPoints) {
  test::TempDir temp;
  const auto sized = Pika({"plot", test::VegaPath("gapminder-health-income.csv"), "--x", "income",
                           "--y", "health", "--size", "population", "-o", temp.File("s.svg")});
  ASSERT_EQ(sized.exit_code, 0) << sized.err;
  std::ifstream svg(temp.File("s.svg"));
  const std::string text((std::istreambuf_iterator<char>(svg)), {});
  EXPECT_NE(text.find("population"), std::string::npos);  // the size legend's heading
  const auto line = Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "line", "--x",
                          "date", "--y", "wind", "--size", "wind", "-o", temp.File("l.png")});
  EXPECT_EQ(line.exit_code, 1);
  EXPECT_NE(line.err.find("size is for scatter plots"), std::string::npos) << line.err;
}

TEST(CliPlot, HeatmapsCountOrAggregateCellsInTheEngine) {
  test::TempDir temp;
  const auto result =
      Pika({"plot", test::VegaPath("flights-3m.parquet"), "--kind", "heatmap", "--x", "distance",
            "--y", "delay", "-o", temp.File("heat.pdf"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = ParseOrFail(result.out);
  EXPECT_EQ(report["method"], "aggregate");
  EXPECT_EQ(report["rows_represented"], 3000000);
  const std::string badge = report["badge"];
  EXPECT_EQ(badge.rfind("rows by distance and delay: ", 0), 0u) << badge;
  const auto mean =
      Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "heatmap", "--x", "weather",
            "--y", "wind", "--color", "temp_max", "-o", temp.File("mean.png"), "--json"});
  ASSERT_EQ(mean.exit_code, 0) << mean.err;
  EXPECT_NE(ParseOrFail(mean.out)["badge"].get<std::string>().find("mean of temp_max"),
            std::string::npos);
  const auto no_y = Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "heatmap", "--x",
                          "weather", "-o", temp.File("none.png")});
  EXPECT_EQ(no_y.exit_code, 1);
  EXPECT_NE(no_y.err.find("needs an x and a y column"), std::string::npos) << no_y.err;
}

TEST(CliPlot, ColourDrawsALinePerSymbolAndSaysWhichColourIsWhich) {
  test::TempDir temp;
  const auto result =
      Pika({"plot", test::VegaPath("stocks.csv"), "--kind", "line", "--x", "date", "--y", "price",
            "--color", "symbol", "-o", temp.File("s.png"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json color = ParseOrFail(result.out)["color"];
  EXPECT_EQ(color["column"], "symbol");
  // Every symbol has 123 rows except GOOG (68): equal counts go by name.
  EXPECT_EQ(color["categories"], json({"AAPL", "AMZN", "IBM", "MSFT", "GOOG"}));
  EXPECT_EQ(color["undrawn_categories"], 0);
  const auto numbers =
      Pika({"plot", test::VegaPath("seattle-weather.csv"), "--x", "temp_min", "--y", "temp_max",
            "--color", "precipitation", "-o", temp.File("w.png"), "--json"});
  ASSERT_EQ(numbers.exit_code, 0) << numbers.err;
  EXPECT_EQ(ParseOrFail(numbers.out)["color"]["range"], json({0.0, 55.9}));
}

TEST(CliPlot, BarsOfCountsStackByColourAndHistogramsRefuseIt) {
  test::TempDir temp;
  const auto bars = Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "bar", "--x",
                          "weather", "--color", "weather", "-o", temp.File("b.png"), "--json"});
  ASSERT_EQ(bars.exit_code, 0) << bars.err;
  const json summary = ParseOrFail(bars.out);
  EXPECT_EQ(summary["color"]["categories"], json({"rain", "sun", "fog", "drizzle", "snow"}));
  EXPECT_EQ(summary["rows_represented"], 1461);
  const auto histogram = Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "histogram",
                               "--x", "temp_max", "--color", "weather", "-o", temp.File("h.png")});
  EXPECT_EQ(histogram.exit_code, 1);
  EXPECT_NE(histogram.err.find("colour is for scatter, line, bar and heatmap plots"),
            std::string::npos)
      << histogram.err;
}

TEST(CliPlot, AHistogramOfDatesCountsCalendarBins) {
  test::TempDir temp;
  const auto result = Pika({"plot", test::VegaPath("seattle-weather.csv"), "--kind", "histogram",
                            "--x", "date", "-o", temp.File("d.png"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json summary = ParseOrFail(result.out);
  EXPECT_EQ(summary["rows_represented"], 1461);
  EXPECT_EQ(summary["badge"], "histogram of 1,461 rows, 16 bins of 3 months (exact counts)");
}

// A plot reads only the columns it draws: a bad value elsewhere in a row costs it nothing.
TEST(CliPlot, AFileIsReadForThePlottedColumnsOnlySoOtherBadValuesDropNoRow) {
  test::TempDir temp;
  // The text in `code` comes after the 100,000 rows types are inferred from.
  std::string csv = "x,y,code\n";
  for (int row = 1; row <= 100'300; ++row)
    csv += fmt::format("{},{},{}\n", row, row * 2, row == 100'250 ? "oops" : std::to_string(row));
  const std::string path = temp.Write("late_text.csv", csv);
  const auto plotted =
      Pika({"plot", path, "--x", "X", "--y", "y", "-o", temp.File("a.png"), "--json"});
  ASSERT_EQ(plotted.exit_code, 0) << plotted.err;
  EXPECT_EQ(ParseOrFail(plotted.out)["rows_represented"], 100'300);
  EXPECT_EQ(ParseOrFail(plotted.out)["rows_rejected"], 0);
  const auto missing = Pika({"plot", path, "--x", "nope", "--y", "y", "-o", temp.File("b.png")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("has no column 'nope'; its columns are: x, y, code"),
            std::string::npos)
      << missing.err;
}

TEST(CliPlot, MistakesAreUserErrors) {
  test::TempDir temp;
  const std::string csv = test::VegaPath("stocks.csv");
  EXPECT_EQ(Pika({"plot", csv, "--x", "nope", "--y", "price", "-o", temp.File("a.png")}).exit_code,
            1);
  EXPECT_EQ(Pika({"plot", csv, "--x", "date", "--y", "price", "-o", temp.File("a.gif")}).exit_code,
            1);
  EXPECT_EQ(Pika({"plot", "--x", "a", "--y", "b", "-o", temp.File("a.png")}).exit_code, 1);
  EXPECT_EQ(Pika({"plot", csv, "--x", "date", "-o", temp.File("a.png")}).exit_code, 1);  // no --y
}

TEST(CliSql, AFailingStatementInAScriptIsNamedByItsNumber) {
  const auto result = Pika({"sql", "SELECT 1; SELECT nope FROM nowhere"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("statement 2"), std::string::npos);
}

}  // namespace
}  // namespace pika
