#include "core/result.h"

#include <gtest/gtest.h>

#include <string>

namespace pika {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return InvalidInput("odd");
  return value / 2;
}

Result<int> Quarter(int value) {
  auto half = Half(value);
  PIKA_TRY(half);
  return Half(*half);
}

TEST(Result, HoldsTheValueOnSuccess) {
  const Result<int> result = Half(8);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, 4);
}

TEST(Result, HoldsTheErrorKindAndMessageOnFailure) {
  const Result<int> result = Half(3);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(result.error().message, "odd");
}

TEST(Result, TryReturnsTheFirstErrorFromTheEnclosingFunction) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).error().message, "odd");  // 6 / 2 = 3 is odd: the second step fails
  EXPECT_FALSE(Quarter(5).ok());
}

TEST(Status, IsOkByDefaultAndCarriesAnErrorOtherwise) {
  const Status fine;
  EXPECT_TRUE(fine.ok());
  const Status failed = Cancelled();
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, ErrorKind::kCancelled);
}

TEST(Error, UserErrorsAreTheOnesTheUserCanFix) {
  EXPECT_TRUE(IsUserError(InvalidInput("x")));
  EXPECT_TRUE(IsUserError(NotFound("x")));
  EXPECT_FALSE(IsUserError(Internal("x")));
  EXPECT_FALSE(IsUserError(EngineError("x")));
}

}  // namespace
}  // namespace pika
