#include "core/table_batch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace pika {
namespace {

TEST(FormatDate, WritesIsoDatesAcrossEraAndLeapBoundaries) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(-1), "1969-12-31");
  EXPECT_EQ(FormatDate(11016), "2000-02-29");   // 2000 is a leap year
  EXPECT_EQ(FormatDate(-25509), "1900-02-28");  // 1900 is not: the next day is March 1st
  EXPECT_EQ(FormatDate(-25508), "1900-03-01");
}

TEST(FormatTimestamp, WritesMicrosecondsOnlyWhenPresent) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01 00:00:00");
  EXPECT_EQ(FormatTimestamp(1'500'000), "1970-01-01 00:00:01.500000");
  EXPECT_EQ(FormatTimestamp(-1), "1969-12-31 23:59:59.999999");
}

TEST(FormatValue, ShowsNullAndSpecialDoubles) {
  Column column = MakeColumn("x", ColumnType::kDouble);
  auto& values = std::get<std::vector<double>>(column.values);
  values = {1.5, std::numeric_limits<double>::quiet_NaN(), -INFINITY, 0.0};
  column.valid = {1, 1, 1, 0};
  EXPECT_EQ(FormatValue(column, 0), "1.5");
  EXPECT_EQ(FormatValue(column, 1), "nan");
  EXPECT_EQ(FormatValue(column, 2), "-inf");
  EXPECT_EQ(FormatValue(column, 3), "NULL");
}

TEST(AppendBatch, ConcatenatesValuesAndNullMasks) {
  TableBatch all{{MakeColumn("n", ColumnType::kBigint)}, 0};
  TableBatch part{{MakeColumn("n", ColumnType::kBigint)}, 2};
  std::get<std::vector<int64_t>>(part.columns[0].values) = {7, 0};
  part.columns[0].valid = {1, 0};
  AppendBatch(all, part);
  AppendBatch(all, part);
  EXPECT_EQ(all.row_count, 4u);
  EXPECT_EQ(std::get<std::vector<int64_t>>(all.columns[0].values),
            (std::vector<int64_t>{7, 0, 7, 0}));
  EXPECT_EQ(all.columns[0].valid, (std::vector<uint8_t>{1, 0, 1, 0}));
}

TEST(TableBatch, KeepFirstRowsDropsTheRestOfEveryColumn) {
  TableBatch batch;
  batch.columns.push_back(MakeColumn("n", ColumnType::kBigint));
  batch.columns.push_back(MakeColumn("s", ColumnType::kVarchar));
  for (int64_t row = 0; row < 5; ++row) {
    std::get<std::vector<int64_t>>(batch.columns[0].values).push_back(row);
    batch.columns[0].valid.push_back(1);
    std::get<std::vector<std::string>>(batch.columns[1].values).push_back("v");
    batch.columns[1].valid.push_back(row % 2 == 0 ? 1 : 0);
  }
  batch.row_count = 5;
  KeepFirstRows(batch, 2);
  EXPECT_EQ(batch.row_count, 2u);
  for (const Column& column : batch.columns) EXPECT_EQ(column.size(), 2u);
  EXPECT_EQ(std::get<std::vector<std::string>>(batch.columns[1].values).size(), 2u);
  EXPECT_FALSE(batch.columns[1].IsValid(1));
  KeepFirstRows(batch, 10);
  EXPECT_EQ(batch.row_count, 2u);
}

}  // namespace
}  // namespace pika
