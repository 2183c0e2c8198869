#include "storage/value_shape.h"

#include <gtest/gtest.h>

namespace pika {
namespace {

TEST(ClassifyNumber, PlainIntegersAndDecimals) {
  EXPECT_EQ(ClassifyNumber("42"), kPlainInteger);
  EXPECT_EQ(ClassifyNumber("-7"), kPlainInteger);
  EXPECT_EQ(ClassifyNumber("0"), kPlainInteger);
  EXPECT_EQ(ClassifyNumber("3.25"), kDotDecimal);
  EXPECT_EQ(ClassifyNumber(".5"), kDotDecimal);
  EXPECT_EQ(ClassifyNumber("0.5"), kDotDecimal);
}

TEST(ClassifyNumber, LeadingZerosMarkCodes) {
  EXPECT_EQ(ClassifyNumber("007"), kLeadingZero);
  EXPECT_EQ(ClassifyNumber("00501"), kLeadingZero);
}

TEST(ClassifyNumber, ScientificNotationAndSpecialValues) {
  EXPECT_EQ(ClassifyNumber("1e5"), kDotDecimal);
  EXPECT_EQ(ClassifyNumber("-2.5E-3"), kDotDecimal);
  EXPECT_EQ(ClassifyNumber("inf"), kDotDecimal);
  EXPECT_EQ(ClassifyNumber("NaN"), kDotDecimal);
  EXPECT_EQ(ClassifyNumber("e5"), 0);
}

TEST(ClassifyNumber, SeparatorsKeepEveryReadingTheyAllow) {
  EXPECT_EQ(ClassifyNumber("1,234,567"), kCommaGroupedInteger);
  EXPECT_EQ(ClassifyNumber("1,234"), kCommaDecimal | kCommaGroupedInteger);  // ambiguous
  EXPECT_EQ(ClassifyNumber("3,14"), kCommaDecimal);
  EXPECT_EQ(ClassifyNumber("1.234.567"), kDotGroupedInteger);
  EXPECT_EQ(ClassifyNumber("1,234.5"), kDotDecimalCommaGroups);
  EXPECT_EQ(ClassifyNumber("1.234,5"), kCommaDecimalDotGroups);
  EXPECT_EQ(ClassifyNumber("0,500"), kCommaDecimal);  // never a grouped integer
  EXPECT_EQ(ClassifyNumber("12,34,5"), 0);
}

TEST(ClassifyNumber, TextIsNotANumber) {
  EXPECT_EQ(ClassifyNumber("abc"), 0);
  EXPECT_EQ(ClassifyNumber("12abc"), 0);
  EXPECT_EQ(ClassifyNumber("-"), 0);
  EXPECT_EQ(ClassifyNumber("2020-01-01"), 0);
}

TEST(IsBooleanWord, AcceptsWhatDuckDbCastsToBoolean) {
  for (const char* word : {"true", "FALSE", "t", "f", "yes", "No", "Y", "n"}) {
    EXPECT_TRUE(IsBooleanWord(word)) << word;
  }
  EXPECT_FALSE(IsBooleanWord("1"));
  EXPECT_FALSE(IsBooleanWord("on"));
}

TEST(IsNullWord, RecognisesCommonMissingValueMarkers) {
  for (const char* word : {"NA", "n/a", "NULL", "None", "-", "#N/A"}) {
    EXPECT_TRUE(IsNullWord(word)) << word;
  }
  EXPECT_FALSE(IsNullWord("nan"));  // a valid DOUBLE
  EXPECT_FALSE(IsNullWord("0"));
}

}  // namespace
}  // namespace pika
