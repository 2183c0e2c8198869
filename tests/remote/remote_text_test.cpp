#include <gtest/gtest.h>

#include <cmath>

#include "remote/clickhouse_client.h"
#include "remote/text_values.h"

namespace pika {
namespace {

TEST(ClickHouseTsv, ReadsTypesEscapesAndNulls) {
  const std::string body =
      "n\tx\tname\twhen\n"
      "UInt64\tNullable(Float64)\tLowCardinality(String)\tDate\n"
      "1\t2.5\ta\\tb\\\\c\t2024-02-29\n"
      "2\t\\N\tline\\nbreak\t1970-01-01\n"
      "3\tnan\t\t2000-01-01\n"
      "4\t-inf\t\\N\t2000-01-01\n";
  auto batch = ParseClickHouseTsv(body);
  ASSERT_TRUE(batch.ok()) << batch.error().message;
  ASSERT_EQ(batch->row_count, 4u);
  ASSERT_EQ(batch->columns.size(), 4u);
  EXPECT_EQ(batch->columns[0].type, ColumnType::kBigint);
  EXPECT_EQ(batch->columns[1].type, ColumnType::kDouble);
  EXPECT_EQ(batch->columns[2].type, ColumnType::kVarchar);
  EXPECT_EQ(batch->columns[0].IntAt(2), 3);
  EXPECT_EQ(batch->columns[1].DoubleAt(0), 2.5);
  EXPECT_FALSE(batch->columns[1].IsValid(1));
  EXPECT_TRUE(std::isnan(batch->columns[1].DoubleAt(2)));
  EXPECT_EQ(batch->columns[1].DoubleAt(3), -INFINITY);
  EXPECT_EQ(batch->columns[2].TextAt(0), "a\tb\\c");
  EXPECT_EQ(batch->columns[2].TextAt(1), "line\nbreak");
  EXPECT_TRUE(batch->columns[2].IsValid(2));
  EXPECT_FALSE(batch->columns[2].IsValid(3));
  EXPECT_EQ(batch->columns[3].TextAt(0), "2024-02-29");
}

TEST(ClickHouseTsv, AStatementWithoutRowsAnswersNoColumns) {
  auto batch = ParseClickHouseTsv("");
  ASSERT_TRUE(batch.ok());
  EXPECT_TRUE(batch->columns.empty());
  EXPECT_EQ(batch->row_count, 0u);
  EXPECT_FALSE(ParseClickHouseTsv("n\n").ok());  // names without types: a broken answer
}

TEST(ClickHouseTsv, AValueThatIsNotItsTypeIsAnErrorNamingTheColumn) {
  auto batch = ParseClickHouseTsv("n\nInt64\n12x\n");
  ASSERT_FALSE(batch.ok());
  EXPECT_NE(batch.error().message.find("'12x' in column 'n'"), std::string::npos);
}

// Found by remote_text_fuzz: a short line threw out of the parser and ended the app.
TEST(ClickHouseTsv, LinesWithTooFewOrTooManyFieldsAreAnErrorNotACrash) {
  auto short_types = ParseClickHouseTsv("a\tb\nInt64\n1\t2\n");
  ASSERT_FALSE(short_types.ok());
  EXPECT_NE(short_types.error().message.find("2 column names but 1 types"), std::string::npos)
      << short_types.error().message;
  for (const char* body : {"a\tb\nInt64\tInt64\n1\n", "a\tb\nInt64\tInt64\n1\t2\t3\n"}) {
    auto rows = ParseClickHouseTsv(body);
    ASSERT_FALSE(rows.ok()) << body;
    EXPECT_NE(rows.error().message.find("line 3 of ClickHouse's answer has"), std::string::npos)
        << rows.error().message;
  }
}

TEST(ClickHouseErrors, TheMessageIsReadFromOldAndCurrentServers) {
  const ClickHouseError old = ParseClickHouseError(
      "Code: 60, e.displayText() = DB::Exception: Table default.nope doesn't exist., e.what() = "
      "DB::Exception\n");
  EXPECT_EQ(old.code, 60);
  EXPECT_EQ(old.message, "Table default.nope doesn't exist");
  const ClickHouseError current = ParseClickHouseError(
      "Code: 516. DB::Exception: pika: Authentication failed: password is incorrect, or there is "
      "no user with such name. (AUTHENTICATION_FAILED) (version 24.8.1.1)\n");
  EXPECT_EQ(current.code, 516);
  EXPECT_EQ(current.message,
            "pika: Authentication failed: password is incorrect, or there is no user with such "
            "name");
  EXPECT_EQ(ParseClickHouseError("<html>proxy error</html>").code, 0);
}

TEST(TextValues, PostgresTextReadsAsTypedValues) {
  Column flags = MakeColumn("f", PostgresColumnType(16));
  EXPECT_TRUE(AppendText(flags, "t"));
  EXPECT_TRUE(AppendText(flags, "f"));
  EXPECT_FALSE(AppendText(flags, "maybe"));
  EXPECT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags.IntAt(0), 1);

  Column when = MakeColumn("w", PostgresColumnType(1184));
  ASSERT_TRUE(AppendText(when, "1970-01-02 00:00:01.5+00"));
  EXPECT_EQ(when.IntAt(0), (86'400 + 1) * int64_t{1'000'000} + 500'000);
  ASSERT_TRUE(AppendText(when, "1970-01-01 02:00:00+02"));
  EXPECT_EQ(when.IntAt(1), 0);
  EXPECT_FALSE(AppendText(when, "1970-13-01 00:00:00"));

  Column day = MakeColumn("d", PostgresColumnType(1082));
  ASSERT_TRUE(AppendText(day, "1969-12-31"));
  EXPECT_EQ(day.IntAt(0), -1);

  Column number = MakeColumn("v", PostgresColumnType(701));
  ASSERT_TRUE(AppendText(number, "Infinity"));
  ASSERT_TRUE(AppendText(number, "NaN"));
  ASSERT_TRUE(AppendText(number, std::nullopt));
  EXPECT_EQ(number.DoubleAt(0), INFINITY);
  EXPECT_TRUE(std::isnan(number.DoubleAt(1)));
  EXPECT_FALSE(number.IsValid(2));
  EXPECT_EQ(PostgresColumnType(25), ColumnType::kVarchar);  // text
}

}  // namespace
}  // namespace pika
