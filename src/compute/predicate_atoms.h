// A WHERE clause as a conjunction of atoms, and whether one such conjunction implies another.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pika {

// One conjunct. Ranges and sets over a column are understood; anything else is kept as its
// canonical text and only ever matches itself.
struct PredicateAtom {
  enum class Kind { kRange, kSet, kOpaque };
  Kind kind = Kind::kOpaque;
  std::string column;  // lower case, for kRange and kSet
  // kRange: numeric bounds; nullopt is unbounded.
  std::optional<double> low, high;
  bool low_inclusive = true, high_inclusive = true;
  std::set<std::string> values;  // kSet: canonical literals (numbers as canonical text)
  std::string text;              // canonical text of the whole atom
};

// True only when every row satisfying `narrow` surely satisfies `broad`; "unsure" is false.
bool Implies(const std::vector<PredicateAtom>& narrow, const std::vector<PredicateAtom>& broad);

}  // namespace pika
