// Random CSVs (delimiters, quotes, newlines in values, ragged rows, junk bytes, preambles, blank
// and comment lines): under every bad-row policy, an import puts each line of the file in one
// category, or says why it imported nothing. Never a line gone with a success.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

class RandomCsv {
 public:
  explicit RandomCsv(uint32_t seed) : random_(seed) {}

  std::string Make() {
    const char delimiter = Pick(",;\t|");
    const size_t columns = 1 + Below(5);
    const std::string newline = Below(4) == 0 ? "\r\n" : "\n";
    std::string csv;
    for (size_t line = Below(3) == 0 ? Below(4) : 0; line > 0; --line)
      csv += "Report of " + std::to_string(Below(1000)) + newline;  // a preamble
    for (size_t row = 0, rows = 1 + Below(30); row < rows; ++row) {
      if (Below(15) == 0) {
        csv += Below(2) == 0 ? newline : "# a note" + newline;
        continue;
      }
      const size_t fields = Below(8) == 0 ? 1 + Below(columns + 2) : columns;  // ragged
      for (size_t field = 0; field < fields; ++field) {
        if (field > 0) csv.push_back(delimiter);
        csv += Value(delimiter);
      }
      csv += Below(20) == 0 ? "\r" : newline;  // now and then a mixed line ending
    }
    if (Below(4) == 0 && !csv.empty()) csv.pop_back();  // no newline at the end
    return csv;
  }

 private:
  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }
  char Pick(std::string_view from) { return from[Below(from.size())]; }

  std::string Value(char delimiter) {
    switch (Below(10)) {
      case 0: return "\"" + std::string("say ") + delimiter + " \"\"hi\"\"\"";  // quoted, escaped
      case 1: return "\"two\nlines\"";                                          // quoted newline
      case 2: return "x\"y";                                                    // a stray quote
      case 3: return std::string(1, static_cast<char>(0x80 + Below(0x7F)));     // a junk byte
      case 4: return "";
      case 5: return std::to_string(Below(100)) + "." + std::to_string(Below(10));
      default: return std::to_string(Below(100000));
    }
  }

  std::mt19937 random_;
};

TEST(LineAccounting, RandomCsvsAccountForEveryLineUnderEveryPolicy) {
  test::TempDir temp;
  test::Engine engine = test::OpenEngine();
  // PIKA_CSV_SEEDS=1000 for a longer search than the everyday one.
  const char* seeds = std::getenv("PIKA_CSV_SEEDS");
  const uint32_t last = seeds != nullptr ? static_cast<uint32_t>(std::stoul(seeds)) : 15;
  for (uint32_t seed = 1; seed <= last; ++seed) {
    const std::string csv = RandomCsv(seed).Make();
    const std::string path = temp.Write("random.csv", csv);
    for (const BadRowPolicy policy :
         {BadRowPolicy::kAbort, BadRowPolicy::kSkip, BadRowPolicy::kText}) {
      ImportOptions options;
      options.bad_rows = policy;
      auto result = test::Import(engine.connection, path, options, "t" + std::to_string(seed));
      (void)engine.connection.Execute("DROP TABLE IF EXISTS t" + std::to_string(seed));
      if (!result.ok()) {
        // Refusing a file is allowed (it says why); failing to account for it is not.
        EXPECT_NE(result.error().kind, ErrorKind::kInternal)
            << "seed " << seed << ": " << result.error().message << "\n"
            << csv;
        continue;
      }
      const LineAccount& lines = result->report.lines;
      EXPECT_TRUE(lines.counted);
      EXPECT_EQ(lines.accounted(), lines.records) << "seed " << seed << "\n" << csv;
    }
  }
}

}  // namespace
}  // namespace pika
