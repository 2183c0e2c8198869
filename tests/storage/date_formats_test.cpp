#include "storage/date_formats.h"

#include <gtest/gtest.h>

namespace pika {
namespace {

TEST(MatchesDateTimeFormat, ChecksTheCalendar) {
  EXPECT_TRUE(MatchesDateTimeFormat("2000-02-29", "%Y-%m-%d"));
  EXPECT_FALSE(MatchesDateTimeFormat("1900-02-29", "%Y-%m-%d"));  // not a leap year
  EXPECT_FALSE(MatchesDateTimeFormat("2000-13-01", "%Y-%m-%d"));
  EXPECT_FALSE(MatchesDateTimeFormat("2000-04-31", "%Y-%m-%d"));
}

TEST(MatchesDateTimeFormat, TellsDayFirstFromMonthFirst) {
  EXPECT_TRUE(MatchesDateTimeFormat("13/01/2020", "%d/%m/%Y"));
  EXPECT_FALSE(MatchesDateTimeFormat("13/01/2020", "%m/%d/%Y"));
  EXPECT_TRUE(MatchesDateTimeFormat("01/13/2020", "%m/%d/%Y"));
  EXPECT_TRUE(MatchesDateTimeFormat("1/2/2020", "%m/%d/%Y"));  // single digits are fine
}

TEST(MatchesDateTimeFormat, ReadsMonthNames) {
  EXPECT_TRUE(MatchesDateTimeFormat("Jan 1 2000", "%b %d %Y"));
  EXPECT_TRUE(MatchesDateTimeFormat("jan 1, 2000", "%b %d, %Y"));
  EXPECT_TRUE(MatchesDateTimeFormat("September 30, 1999", "%B %d, %Y"));
  EXPECT_FALSE(MatchesDateTimeFormat("Foo 1 2000", "%b %d %Y"));
}

TEST(MatchesDateTimeFormat, ReadsTimesWithAmPm) {
  EXPECT_TRUE(MatchesDateTimeFormat(" 3:04 PM", " %I:%M %p"));
  EXPECT_FALSE(MatchesDateTimeFormat(" 13:04 PM", " %I:%M %p"));
  EXPECT_TRUE(MatchesDateTimeFormat(" 23:59:59", " %H:%M:%S"));
  EXPECT_FALSE(MatchesDateTimeFormat(" 24:00:00", " %H:%M:%S"));
}

TEST(IsIsoTimestamp, AcceptsFractionsAndOffsets) {
  EXPECT_TRUE(IsIsoTimestamp("2020-01-01 10:00"));
  EXPECT_TRUE(IsIsoTimestamp("2020-01-01T10:00:00.123456"));
  EXPECT_TRUE(IsIsoTimestamp("2020-01-01T10:00:00Z"));
  EXPECT_TRUE(IsIsoTimestamp("2020-01-01T10:00:00+02:00"));
  EXPECT_FALSE(IsIsoTimestamp("2020-01-01"));
  EXPECT_FALSE(IsIsoTimestamp("2020-01-01 25:00"));
}

}  // namespace
}  // namespace pika
