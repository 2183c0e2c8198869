#include "compute/canonical_query.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "storage/database.h"

namespace pika {
namespace {

class Canonical : public ::testing::Test {
 protected:
  std::string Text(const std::string& sql) {
    auto query = canonicalizer_.Canonicalize(sql);
    EXPECT_TRUE(query.ok()) << sql << ": " << (query.ok() ? "" : query.error().message);
    return query.ok() ? query->text : "";
  }

  Database database_ = std::move(*Database::Open({}));
  Connection connection_ = std::move(*database_.Connect());
  QueryCanonicalizer canonicalizer_{connection_};
};

TEST_F(Canonical, TheSameQuestionAskedDifferentlyReadsTheSame) {
  const std::string base = Text("SELECT a, count(*) FROM t WHERE x > 5 AND y = 3 GROUP BY a");
  for (const char* variant : {
           "select a, COUNT(*) from T where X > 5 and Y = 3 group by A",
           "SELECT a, count(*)\n  FROM t\n WHERE 5 < x AND 3 = y\n GROUP BY a",
           "SELECT a, count(*) FROM t WHERE y = 3 AND x > 5.0 GROUP BY a",
           "SELECT a, count(*) FROM t WHERE (x > 5.00) AND (3 = y) GROUP BY a",
       }) {
    EXPECT_EQ(Text(variant), base) << variant;
  }
}

TEST_F(Canonical, InListsAndCommutativeArithmeticAreSorted) {
  EXPECT_EQ(Text("SELECT * FROM t WHERE z IN (3, 1, 2) AND a + b * 2 > 1"),
            Text("SELECT * FROM t WHERE 1 < 2 * b + a AND z IN (1, 2, 3)"));
  EXPECT_EQ(Text("SELECT * FROM t WHERE a = 1 OR b = 2"),
            Text("SELECT * FROM t WHERE b = 2 OR a = 1"));
}

TEST_F(Canonical, WhatChangesTheResultStaysDistinct) {
  const std::string base =
      Text("SELECT name FROM t WHERE s = 'Hi' AND x > 5 ORDER BY name LIMIT 10");
  for (const char* near_miss : {
           "SELECT name FROM t WHERE s = 'Hi' AND x > 6 ORDER BY name LIMIT 10",  // constant
           "SELECT name FROM t WHERE s = 'hi' AND x > 5 ORDER BY name LIMIT 10",  // string case
           "SELECT name FROM t WHERE s = 'Hi' AND x > 5 ORDER BY name LIMIT 11",  // limit
           "SELECT name FROM t WHERE s = 'Hi' AND x > 5 ORDER BY name DESC LIMIT 10",  // order
           "SELECT name AS n FROM t WHERE s = 'Hi' AND x > 5 ORDER BY name LIMIT 10",  // alias
           "SELECT name FROM t WHERE s = 'Hi' AND \"X\" > 5 ORDER BY name LIMIT 10",   // quoted
           "SELECT name FROM t WHERE s = 'Hi' AND x >= 5 ORDER BY name LIMIT 10",      // operator
       }) {
    EXPECT_NE(Text(near_miss), base) << near_miss;
  }
}

TEST_F(Canonical, SelectListTextKeepsItsCaseBecauseItNamesTheColumns) {
  EXPECT_NE(Text("SELECT X FROM t"), Text("SELECT x FROM t"));
  EXPECT_NE(Text("SELECT 5 AS v FROM t"), Text("SELECT 5.0 AS v FROM t"));  // types differ
}

// Found by canonical_query_fuzz: a NULL constant has no "value" field in DuckDB's tree, and
// reading it was undefined behaviour in the app's cache path.
TEST_F(Canonical, ANullLiteralInAWhereClauseIsAnOpaqueConjunct) {
  for (const char* sql : {"SELECT * FROM t WHERE x = NULL", "SELECT * FROM t WHERE NULL",
                          "SELECT * FROM t WHERE x IN (NULL, 1) AND y BETWEEN NULL AND 3"}) {
    auto query = canonicalizer_.Canonicalize(sql);
    ASSERT_TRUE(query.ok()) << sql;
    for (const PredicateAtom& atom : query->shape.where)
      EXPECT_EQ(atom.kind, PredicateAtom::Kind::kOpaque) << sql << ": " << atom.text;
  }
}

TEST_F(Canonical, SourcesAreTheBaseTablesButNotCtes) {
  auto query = canonicalizer_.Canonicalize(
      "WITH recent AS (SELECT * FROM Events WHERE day > 3) "
      "SELECT * FROM recent JOIN users ON recent.uid = users.id");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->sources, (std::set<std::string>{"events", "users"}));
  EXPECT_TRUE(query->cacheable);
}

TEST_F(Canonical, VolatileFunctionsAndTableFunctionsAreNotCacheable) {
  auto random = canonicalizer_.Canonicalize("SELECT random() AS r FROM t");
  ASSERT_TRUE(random.ok());
  EXPECT_FALSE(random->cacheable);
  EXPECT_NE(random->why_not_cacheable.find("random"), std::string::npos);
  auto file = canonicalizer_.Canonicalize("SELECT * FROM read_csv('x.csv')");
  ASSERT_TRUE(file.ok());
  EXPECT_FALSE(file->cacheable);
}

TEST_F(Canonical, CatalogQueriesAreNotCacheable) {
  for (const char* sql : {"SHOW TABLES", "DESCRIBE t", "SUMMARIZE t"}) {
    auto query = canonicalizer_.Canonicalize(sql);
    ASSERT_TRUE(query.ok()) << sql;
    EXPECT_FALSE(query->cacheable) << sql;
  }
}

TEST_F(Canonical, StatementsOtherThanSelectAreRefused) {
  EXPECT_FALSE(canonicalizer_.Canonicalize("INSERT INTO t VALUES (1)").ok());
  EXPECT_FALSE(canonicalizer_.Canonicalize("SELEC 1").ok());
}

// Writes one predicate atom in one of the ways a person might.
struct Atom {
  std::string column;
  std::string op;  // >, <, =
  int value = 0;
};

std::string Literal(int value, int form) {
  switch (form % 3) {
    case 0: return std::to_string(value);
    case 1: return fmt::format("{}.0", value);
    default: return fmt::format("{}.00", value);
  }
}

std::string Flipped(const std::string& op) { return op == ">" ? "<" : op == "<" ? ">" : op; }

std::string Write(const Atom& atom, int form, bool constant_first, bool upper) {
  std::string column = upper ? atom.column : atom.column;
  for (char& c : column) c = upper ? static_cast<char>(std::toupper(c)) : c;
  if (constant_first)
    return fmt::format("{} {} {}", Literal(atom.value, form), Flipped(atom.op), column);
  return fmt::format("{} {} {}", column, atom.op, Literal(atom.value, form));
}

RC_GTEST_FIXTURE_PROP(Canonical, RewrittenPredicatesShareAFingerprint, ()) {
  const auto count = *rc::gen::inRange(1, 5);
  std::vector<Atom> atoms;
  for (int index = 0; index < count; ++index) {
    atoms.push_back({*rc::gen::element<std::string>("x", "y", "z", "price"),
                     *rc::gen::element<std::string>(">", "<", "="), *rc::gen::inRange(-50, 50)});
  }
  std::vector<std::string> base_terms, variant_terms;
  for (const Atom& atom : atoms) {
    base_terms.push_back(Write(atom, 0, false, false));
    variant_terms.push_back(Write(atom, *rc::gen::inRange(0, 3), *rc::gen::arbitrary<bool>(),
                                  *rc::gen::arbitrary<bool>()));
  }
  // Shuffle the terms by random sort keys.
  const auto keys =
      *rc::gen::container<std::vector<int>>(variant_terms.size(), rc::gen::arbitrary<int>());
  std::vector<size_t> order(variant_terms.size());
  for (size_t index = 0; index < order.size(); ++index) order[index] = index;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  std::vector<std::string> shuffled;
  for (size_t index : order) shuffled.push_back(variant_terms[index]);
  const std::string spacing = *rc::gen::element<std::string>(" ", "\n  ", "\t");
  const std::string keyword_and = *rc::gen::element<std::string>("AND", "and", "And");
  const std::string base = fmt::format("SELECT a FROM t WHERE {}", fmt::join(base_terms, " AND "));
  const std::string variant =
      fmt::format("select{}a{}FROM t{}WHERE {}", spacing, spacing, spacing,
                  fmt::join(shuffled, fmt::format("{}{}{}", spacing, keyword_and, spacing)));
  RC_ASSERT(Text(variant) == Text(base));
}

}  // namespace
}  // namespace pika
