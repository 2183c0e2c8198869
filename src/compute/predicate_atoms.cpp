#include "compute/predicate_atoms.h"

#include <cstdlib>
#include <limits>

namespace pika {

namespace {

// The values a column may take under the narrow predicate: the intersection of its atoms.
struct Domain {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool low_inclusive = true, high_inclusive = true;
  std::optional<std::set<std::string>> values;  // set when some atom lists the values
  bool constrained = false;
};

std::optional<double> AsNumber(const std::string& literal) {
  char* end = nullptr;
  const double value = std::strtod(literal.c_str(), &end);
  if (end == literal.c_str() || *end != '\0') return std::nullopt;
  return value;
}

void TightenLow(Domain& domain, double value, bool inclusive) {
  if (value > domain.low || (value == domain.low && !inclusive)) {
    domain.low = value;
    domain.low_inclusive = inclusive;
  }
}

void TightenHigh(Domain& domain, double value, bool inclusive) {
  if (value < domain.high || (value == domain.high && !inclusive)) {
    domain.high = value;
    domain.high_inclusive = inclusive;
  }
}

Domain DomainOf(const std::vector<PredicateAtom>& atoms, const std::string& column) {
  Domain domain;
  for (const PredicateAtom& atom : atoms) {
    if (atom.column != column || atom.kind == PredicateAtom::Kind::kOpaque) continue;
    domain.constrained = true;
    if (atom.kind == PredicateAtom::Kind::kRange) {
      if (atom.low) TightenLow(domain, *atom.low, atom.low_inclusive);
      if (atom.high) TightenHigh(domain, *atom.high, atom.high_inclusive);
      continue;
    }
    if (!domain.values) {
      domain.values = atom.values;
      continue;
    }
    std::set<std::string> both;
    for (const std::string& value : atom.values) {
      if (domain.values->count(value)) both.insert(value);
    }
    domain.values = std::move(both);
  }
  return domain;
}

bool InRange(double value, const PredicateAtom& range) {
  if (range.low && (value < *range.low || (value == *range.low && !range.low_inclusive))) {
    return false;
  }
  if (range.high && (value > *range.high || (value == *range.high && !range.high_inclusive))) {
    return false;
  }
  return true;
}

bool WithinRange(const Domain& domain, const PredicateAtom& range) {
  if (domain.values) {  // every listed value must fall in the range
    for (const std::string& literal : *domain.values) {
      const auto number = AsNumber(literal);
      if (!number || !InRange(*number, range)) return false;
    }
    return true;
  }
  if (range.low && (domain.low < *range.low ||
                    (domain.low == *range.low && domain.low_inclusive && !range.low_inclusive))) {
    return false;
  }
  if (range.high &&
      (domain.high > *range.high ||
       (domain.high == *range.high && domain.high_inclusive && !range.high_inclusive))) {
    return false;
  }
  return true;
}

bool WithinSet(const Domain& domain, const PredicateAtom& set) {
  if (!domain.values) return false;  // a range is never inside a finite set (for our purposes)
  for (const std::string& value : *domain.values) {
    if (!set.values.count(value)) return false;
  }
  return true;
}

bool ImpliesAtom(const std::vector<PredicateAtom>& narrow, const PredicateAtom& broad) {
  for (const PredicateAtom& atom : narrow) {
    if (atom.text == broad.text) return true;
  }
  if (broad.kind == PredicateAtom::Kind::kOpaque) return false;
  const Domain domain = DomainOf(narrow, broad.column);
  if (!domain.constrained) return false;
  return broad.kind == PredicateAtom::Kind::kRange ? WithinRange(domain, broad)
                                                   : WithinSet(domain, broad);
}

}  // namespace

bool Implies(const std::vector<PredicateAtom>& narrow, const std::vector<PredicateAtom>& broad) {
  for (const PredicateAtom& atom : broad) {
    if (!ImpliesAtom(narrow, atom)) return false;
  }
  return true;
}

}  // namespace pika
