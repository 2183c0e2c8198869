// Canonical form of a SELECT: DuckDB's own parse tree (json_serialize_sql), rewritten so that
// the same question asked differently reads the same.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "compute/predicate_atoms.h"
#include "core/result.h"
#include "storage/connection.h"

namespace pika {

// One aggregate a GROUP BY result holds, and in which output column.
struct AggregateColumn {
  std::string function;  // count_star, count, sum, min or max
  std::string argument;  // the column aggregated, lower case; empty for count_star
  size_t output_index = 0;
};

// What the cache needs to know to answer one query from another's result.
struct QueryShape {
  bool single_table = false;  // one base table: no join, CTE or subquery
  std::string table;          // lower case
  // The table's rows as they are: only columns (or *) selected, ORDER BY at most. Such a
  // result can stand in for its table under its WHERE clause.
  bool plain_rows = false;
  // A GROUP BY of plain columns, each selected as is, with only count/sum/min/max of plain
  // columns: coarser groupings can be computed from it ("roll-up").
  bool rollup_base = false;
  std::vector<std::string> group_keys;      // lower case
  std::vector<AggregateColumn> aggregates;  // for a roll-up base
  std::vector<PredicateAtom> where;         // conjuncts of the WHERE clause
  std::set<std::string> columns_used;       // every column referenced, lower case
};

struct CanonicalQuery {
  std::string text;               // the canonical tree as compact JSON
  std::set<std::string> sources;  // base tables read, lower case
  bool cacheable = true;          // false: reads a table function or calls random(), now()...
  std::string why_not_cacheable;
  QueryShape shape;
  std::string parsed;  // DuckDB's parse of the statement, before rewriting (JSON)
};

// The canonical text of one WHERE conjunct of `CanonicalQuery::parsed`: equal to the
// PredicateAtom::text the conjunct has in the canonical query.
std::string CanonicalConjunctText(const std::string& conjunct_json,
                                  const std::set<std::string>& quoted);

// Rewrites applied (inside WHERE, HAVING, QUALIFY and join conditions, where they cannot
// change a result's column names or types): numeric literals by value (5 = 5.0), operands of
// AND, OR, =, <>, +, * sorted, comparisons turned column-first (5 < x is x > 5), IN lists
// sorted. Everywhere: positions dropped, unquoted identifiers and function names in lower case.
// Kept: string literals, quoted identifiers, aliases, ORDER BY, LIMIT.
//
// Fails (kInvalidInput) for statements DuckDB cannot serialize: anything but a SELECT.
class QueryCanonicalizer {
 public:
  explicit QueryCanonicalizer(Connection& connection) : connection_(connection) {}
  Result<CanonicalQuery> Canonicalize(std::string_view statement);

 private:
  Connection& connection_;
  std::optional<PreparedStatement> serialize_;
};

}  // namespace pika
