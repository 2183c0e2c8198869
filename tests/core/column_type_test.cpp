#include "core/column_type.h"

#include <gtest/gtest.h>

namespace pika {
namespace {

TEST(ParseColumnType, AcceptsDuckDbNamesAndCommonAliasesInAnyCase) {
  EXPECT_EQ(ParseColumnType("bigint"), ColumnType::kBigint);
  EXPECT_EQ(ParseColumnType("INT"), ColumnType::kBigint);
  EXPECT_EQ(ParseColumnType("Double"), ColumnType::kDouble);
  EXPECT_EQ(ParseColumnType("text"), ColumnType::kVarchar);
  EXPECT_EQ(ParseColumnType("datetime"), ColumnType::kTimestamp);
  EXPECT_EQ(ParseColumnType("bool"), ColumnType::kBoolean);
}

TEST(ParseColumnType, RejectsUnknownNames) {
  EXPECT_FALSE(ParseColumnType("integer64").has_value());
  EXPECT_FALSE(ParseColumnType("").has_value());
}

TEST(ToDuckDbName, RoundTripsThroughTheParser) {
  for (ColumnType type : {ColumnType::kBoolean, ColumnType::kBigint, ColumnType::kDouble,
                          ColumnType::kDate, ColumnType::kTimestamp, ColumnType::kVarchar}) {
    EXPECT_EQ(ParseColumnType(ToDuckDbName(type)), type);
  }
}

}  // namespace
}  // namespace pika
