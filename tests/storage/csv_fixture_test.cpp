// Every CSV fixture beside its expectation file (`NAME.expect`): what an import of it gives, and
// that every line of it is accounted for. Adding a case is adding the two files.
//
// An expectation file holds `key: value` lines (`#` starts a comment):
//   policy: abort | skip | text   the bad-row policy (default: skip)
//   error: TEXT                   the import is refused with TEXT in its message
//   outcome: stopped              the import stopped on bad rows (policy abort)
//   rows, rejected, header, preamble, blank, comment, records: N
//   delimiter: C                  (`tab` for a tab)
//   encoding: NAME                as detected (utf-8, latin-1, windows-1252, utf-16, utf-16-be)
//   types: TYPE TYPE ...          DuckDB's names, in column order
//   columns: N                    how many (for files too wide to list the types)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> ReadExpectation(const fs::path& path) {
  std::map<std::string, std::string> expected;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(": ");
    if (colon == std::string::npos) {
      ADD_FAILURE() << path << ": not `key: value`: " << line;
      continue;
    }
    expected[line.substr(0, colon)] = line.substr(colon + 2);
  }
  return expected;
}

BadRowPolicy PolicyNamed(const std::string& name) {
  if (name == "abort") return BadRowPolicy::kAbort;
  if (name == "text") return BadRowPolicy::kText;
  return BadRowPolicy::kSkip;
}

// What the import gave, under the expectation file's keys.
std::map<std::string, std::string> Actual(const ImportResult& result) {
  const ImportReport& report = result.report;
  const LineAccount& lines = report.lines;
  std::string types;
  for (const ColumnReport& column : report.columns)
    types += (types.empty() ? "" : " ") + column.engine_type;
  return {{"outcome", result.outcome == ImportOutcome::kImported ? "imported" : "stopped"},
          {"rows", std::to_string(report.rows)},
          {"rejected", std::to_string(report.rejected)},
          {"records", std::to_string(lines.records)},
          {"header", std::to_string(lines.header)},
          {"preamble", std::to_string(lines.preamble)},
          {"blank", std::to_string(lines.blank)},
          {"comment", std::to_string(lines.comment)},
          {"delimiter", report.dialect.delimiter == "\t" ? "tab" : report.dialect.delimiter},
          {"encoding", report.dialect.encoding},
          {"columns", std::to_string(report.columns.size())},
          {"types", types}};
}

std::vector<std::string> FixturesWithExpectations() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(test::FixturePath("csv"))) {
    if (entry.path().extension() == ".expect") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class CsvFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(CsvFixture, ImportsAsItsExpectationFileSaysWithEveryLineAccountedFor) {
  const std::string path = test::FixturePath("csv/" + GetParam());
  auto expected = ReadExpectation(path + ".expect");
  ImportOptions options;
  options.bad_rows = PolicyNamed(expected["policy"]);
  expected.erase("policy");
  test::Engine engine = test::OpenEngine();
  auto result = test::Import(engine.connection, path, options);
  if (expected.count("error")) {
    ASSERT_FALSE(result.ok()) << GetParam() << " was imported";
    EXPECT_NE(result.error().message.find(expected["error"]), std::string::npos)
        << result.error().message;
    return;
  }
  ASSERT_TRUE(result.ok()) << GetParam() << ": " << result.error().message;
  const LineAccount& lines = result->report.lines;
  ASSERT_TRUE(lines.counted);
  EXPECT_EQ(lines.accounted(), lines.records);
  const auto actual = Actual(*result);
  for (const auto& [key, value] : expected) {
    ASSERT_TRUE(actual.count(key)) << "unknown key " << key;
    EXPECT_EQ(actual.at(key), value) << GetParam() << ": " << key;
  }
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, CsvFixture, ::testing::ValuesIn(FixturesWithExpectations()),
                         TestName);

}  // namespace
}  // namespace pika
