#include "compute/predicate_atoms.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace pika {
namespace {

PredicateAtom Range(const std::string& column, std::optional<double> low, bool low_inclusive,
                    std::optional<double> high, bool high_inclusive) {
  PredicateAtom atom;
  atom.kind = PredicateAtom::Kind::kRange;
  atom.column = column;
  atom.low = low;
  atom.high = high;
  atom.low_inclusive = low_inclusive;
  atom.high_inclusive = high_inclusive;
  atom.text = fmt::format("{} in {}{},{}{}", column, low_inclusive ? '[' : '(',
                          low.value_or(-1e300), high.value_or(1e300), high_inclusive ? ']' : ')');
  return atom;
}

PredicateAtom Set(const std::string& column, std::set<std::string> values) {
  PredicateAtom atom;
  atom.kind = PredicateAtom::Kind::kSet;
  atom.column = column;
  atom.values = std::move(values);
  atom.text = fmt::format("{} in {{{}}}", column, fmt::join(atom.values, ","));
  return atom;
}

PredicateAtom Opaque(const std::string& text) {
  PredicateAtom atom;
  atom.text = text;
  return atom;
}

TEST(Implies, ANarrowerRangeImpliesABroaderOne) {
  const auto x_above_5 = Range("x", 5, false, std::nullopt, true);
  const auto x_above_3 = Range("x", 3, false, std::nullopt, true);
  EXPECT_TRUE(Implies({x_above_5}, {x_above_3}));
  EXPECT_FALSE(Implies({x_above_3}, {x_above_5}));
}

TEST(Implies, OpenAndClosedBoundsAreDistinguished) {
  const auto x_at_least_5 = Range("x", 5, true, std::nullopt, true);
  const auto x_above_5 = Range("x", 5, false, std::nullopt, true);
  EXPECT_TRUE(Implies({x_above_5}, {x_at_least_5}));
  EXPECT_FALSE(Implies({x_at_least_5}, {x_above_5}));
}

TEST(Implies, ConjunctionsTightenEachColumn) {
  const auto between = Range("x", 2, true, 8, true);
  EXPECT_TRUE(
      Implies({Range("x", 3, true, std::nullopt, true), Range("x", std::nullopt, true, 7, true)},
              {between}));
  EXPECT_FALSE(Implies({Range("x", 3, true, std::nullopt, true)}, {between}));
}

TEST(Implies, SetsImplyLargerSetsAndRangesThatHoldThem) {
  EXPECT_TRUE(Implies({Set("g", {"1", "2"})}, {Set("g", {"1", "2", "3"})}));
  EXPECT_FALSE(Implies({Set("g", {"1", "4"})}, {Set("g", {"1", "2", "3"})}));
  EXPECT_TRUE(Implies({Set("g", {"1", "2"})}, {Range("g", 0, true, 2, true)}));
  EXPECT_FALSE(Implies({Range("g", 1, true, 2, true)}, {Set("g", {"1", "2"})}));  // unsure
}

TEST(Implies, ExtraConditionsOnTheNarrowSideAreFine) {
  EXPECT_TRUE(Implies({Set("g", {"1"}), Opaque("s LIKE 'a%'")}, {Set("g", {"1", "2"})}));
}

TEST(Implies, UnknownConditionsOnlyMatchThemselves) {
  EXPECT_TRUE(Implies({Opaque("s LIKE 'a%'")}, {Opaque("s LIKE 'a%'")}));
  EXPECT_FALSE(Implies({Opaque("s LIKE 'ab%'")}, {Opaque("s LIKE 'a%'")}));  // unsure: a miss
  EXPECT_FALSE(Implies({}, {Range("x", 1, true, std::nullopt, true)}));
  EXPECT_TRUE(Implies({Range("x", 1, true, std::nullopt, true)}, {}));
}

}  // namespace
}  // namespace pika
