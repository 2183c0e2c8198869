#include "storage/type_inference.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pika {
namespace {

ColumnProfile Profile(const std::vector<std::string>& values) {
  ColumnProfile profile;
  for (const std::string& value : values) profile.Add(value);
  return profile;
}

InferredColumn InferOne(const std::vector<std::string>& values, char delimiter = ',') {
  return InferSchema({"c"}, {Profile(values)}, delimiter).columns[0];
}

std::vector<std::string> Repeat(const std::string& value, int times) {
  return std::vector<std::string>(times, value);
}

TEST(InferSchema, WholeNumbersAreBigint) {
  const InferredColumn column = InferOne({"1", "-20", "300", ""});
  EXPECT_EQ(column.type, ColumnType::kBigint);
  EXPECT_DOUBLE_EQ(column.confidence, 1.0);
}

TEST(InferSchema, IntegersMixedWithDecimalsAreDouble) {
  EXPECT_EQ(InferOne({"1", "2.5", "1e3", "inf"}).type, ColumnType::kDouble);
}

TEST(InferSchema, CodesWithLeadingZerosStayText) {
  const InferredColumn column = InferOne({"00501", "02134", "10001"});
  EXPECT_EQ(column.type, ColumnType::kVarchar);
  EXPECT_NE(column.explanation.find("leading zeros"), std::string::npos);
  EXPECT_NE(column.explanation.find("00501"), std::string::npos);
}

TEST(InferSchema, DecimalCommasInASemicolonFile) {
  const InferredSchema schema = InferSchema(
      {"price", "weight"}, {Profile({"3,14", "10,5", "0,99"}), Profile({"1.234,5", "12,5"})}, ';');
  EXPECT_EQ(schema.number_style.decimal, ',');
  EXPECT_EQ(schema.number_style.thousands, '.');
  EXPECT_EQ(schema.columns[0].type, ColumnType::kDouble);
  EXPECT_EQ(schema.columns[1].type, ColumnType::kDouble);
}

TEST(InferSchema, NoDecimalCommaWhenCommaIsTheDelimiter) {
  const InferredSchema schema = InferSchema({"v"}, {Profile({"3,14", "10,5"})}, ',');
  EXPECT_EQ(schema.number_style.decimal, '.');
  EXPECT_EQ(schema.columns[0].type, ColumnType::kVarchar);
}

TEST(InferSchema, ThousandsSeparatorsMakeIntegers) {
  const InferredSchema schema =
      InferSchema({"population"}, {Profile({"1,234,567", "12,000", "999"})}, ',');
  EXPECT_EQ(schema.number_style.thousands, ',');
  EXPECT_EQ(schema.columns[0].type, ColumnType::kBigint);
}

TEST(InferSchema, YesNoWordsAreBoolean) {
  EXPECT_EQ(InferOne({"yes", "no", "Yes", "NO"}).type, ColumnType::kBoolean);
  EXPECT_EQ(InferOne({"0", "1", "1"}).type, ColumnType::kBigint);  // 0/1 stay numbers
}

TEST(InferSchema, ADayAbove12PicksDayFirstDates) {
  const InferredColumn column = InferOne({"31/01/2020", "13/02/2020", "01/03/2020"});
  EXPECT_EQ(column.type, ColumnType::kDate);
  EXPECT_EQ(column.date_format, "%d/%m/%Y");
  EXPECT_DOUBLE_EQ(column.confidence, 1.0);
}

TEST(InferSchema, AmbiguousDayMonthOrderLowersConfidence) {
  const InferredColumn column = InferOne({"01/02/2020", "03/04/2020", "05/06/2020"});
  EXPECT_EQ(column.type, ColumnType::kDate);
  EXPECT_LT(column.confidence, 0.7);
  EXPECT_NE(column.explanation.find("assumed"), std::string::npos);
}

TEST(InferSchema, MonthNameDatesLikeJan1st2000) {
  const InferredColumn column = InferOne({"Jan 1 2000", "Feb 29 2000", "Dec 31 1999"});
  EXPECT_EQ(column.type, ColumnType::kDate);
  EXPECT_EQ(column.date_format, "%b %d %Y");
}

TEST(InferSchema, NonIsoTimestampsGetTheirFormat) {
  const InferredColumn column = InferOne({"01/02/2020 3:04 PM", "12/31/2020 11:59 AM"});
  EXPECT_EQ(column.type, ColumnType::kTimestamp);
  EXPECT_EQ(column.date_format, "%m/%d/%Y %I:%M %p");
}

TEST(InferSchema, IsoTimestampsNeedNoFormat) {
  const InferredColumn column = InferOne({"2020-01-01 10:00:00", "2020-01-02T11:00:00.5"});
  EXPECT_EQ(column.type, ColumnType::kTimestamp);
  EXPECT_TRUE(column.date_format.empty());
}

TEST(InferSchema, AFewContradictingValuesKeepTheTypeWithLowerConfidence) {
  std::vector<std::string> values = Repeat("12", 990);
  for (int i = 0; i < 10; ++i) values.push_back("oops");
  const InferredColumn column = InferOne(values);
  EXPECT_EQ(column.type, ColumnType::kBigint);
  EXPECT_DOUBLE_EQ(column.confidence, 0.99);
}

TEST(InferSchema, ManyContradictingValuesMakeTextWithLowConfidence) {
  std::vector<std::string> values = Repeat("12", 80);
  for (int i = 0; i < 20; ++i)
    values.push_back(fmt::format("n{}", i));  // GCC 12 warns falsely on "n" + string
  const InferredColumn column = InferOne(values);
  EXPECT_EQ(column.type, ColumnType::kVarchar);
  EXPECT_NEAR(column.confidence, 0.2, 1e-9);
  EXPECT_NE(column.explanation.find("80.0%"), std::string::npos);
}

TEST(InferSchema, MissingValueWordsBecomeNullStrings) {
  const InferredSchema schema = InferSchema({"score"}, {Profile({"10", "NA", "30", "N/A"})}, ',');
  EXPECT_EQ(schema.columns[0].type, ColumnType::kBigint);
  EXPECT_EQ(schema.null_words, (std::vector<std::string>{"N/A", "NA"}));
}

TEST(InferSchema, ASecondDateFormatInOneFileStaysText) {
  const InferredSchema schema = InferSchema(
      {"a", "b"}, {Profile({"31/01/2020", "13/02/2020"}), Profile({"Jan 1 2000"})}, ',');
  EXPECT_EQ(schema.date_format, "%d/%m/%Y");
  EXPECT_EQ(schema.columns[0].type, ColumnType::kDate);
  EXPECT_EQ(schema.columns[1].type, ColumnType::kVarchar);
  EXPECT_NE(schema.columns[1].explanation.find("differs"), std::string::npos);
}

TEST(InferSchema, AnEmptyColumnIsTextWithNoConfidence) {
  const InferredColumn column = InferOne({"", "", ""});
  EXPECT_EQ(column.type, ColumnType::kVarchar);
  EXPECT_DOUBLE_EQ(column.confidence, 0.0);
}

}  // namespace
}  // namespace pika
