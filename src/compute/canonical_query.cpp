#include "compute/canonical_query.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "compute/parse_tree.h"
#include "compute/sql_lexer.h"

namespace pika {

namespace {

using nlohmann::json;
using parse_tree::At;
using parse_tree::Item;
using parse_tree::Lower;
using parse_tree::Text;

constexpr std::array<std::string_view, 12> kVolatileFunctions{
    "random",  "gen_random_uuid", "uuid",         "now",     "current_timestamp", "today",
    "nextval", "currval",         "current_date", "setseed", "get_current_time",  "current_time"};

// Keys whose subtree is a predicate: rewrites there cannot change column names or types.
constexpr std::array<std::string_view, 4> kPredicateKeys{"where_clause", "having", "qualify",
                                                         "condition"};

struct Walk {
  const std::set<std::string>& quoted;
  std::set<std::string> tables;
  std::set<std::string> ctes;
  bool cacheable = true;
  std::string why_not;
};

std::string FoldIdentifier(const std::string& name, const Walk& walk) {
  return walk.quoted.count(name) ? name : Lower(name);
}

// 5, 5.0 and 5.00 are one value; DECIMAL constants arrive scaled (5.0 is 50, scale 1).
std::optional<std::string> NumericValue(const json& value) {
  const std::string id = Text(At(value, "type"), "id");
  const json& raw = At(value, "value");
  if (!raw.is_number()) return std::nullopt;
  double number = raw.get<double>();
  if (id == "DECIMAL") {
    const json& info = At(At(value, "type"), "type_info");
    number /= std::pow(10.0, info.is_object() ? info.value("scale", 0) : 0);
  } else if (id != "INTEGER" && id != "BIGINT" && id != "DOUBLE" && id != "FLOAT" &&
             id != "SMALLINT" && id != "TINYINT" && id != "UBIGINT" && id != "UINTEGER") {
    return std::nullopt;
  }
  return fmt::format("{}", number);
}

bool IsConstant(const json& node) { return node.is_object() && Text(node, "class") == "CONSTANT"; }

std::string FlippedComparison(const std::string& type) {
  if (type == "COMPARE_LESSTHAN") return "COMPARE_GREATERTHAN";
  if (type == "COMPARE_GREATERTHAN") return "COMPARE_LESSTHAN";
  if (type == "COMPARE_LESSTHANOREQUALTO") return "COMPARE_GREATERTHANOREQUALTO";
  if (type == "COMPARE_GREATERTHANOREQUALTO") return "COMPARE_LESSTHANOREQUALTO";
  return type;
}

void SortByText(json::iterator begin, json::iterator end) {
  std::sort(begin, end, [](const json& a, const json& b) { return a.dump() < b.dump(); });
}

void RewritePredicate(json& node) {
  const std::string type = Text(node, "type");
  const std::string node_class = Text(node, "class");
  if (node_class == "CONSTANT") {
    if (auto number = NumericValue(node["value"])) node["value"] = json{{"number", *number}};
  } else if (node_class == "CONJUNCTION" && node.contains("children")) {
    SortByText(node["children"].begin(), node["children"].end());
  } else if (node_class == "FUNCTION" && node.value("is_operator", false)) {
    const std::string name = Text(node, "function_name");
    if (name == "+" || name == "*") SortByText(node["children"].begin(), node["children"].end());
  } else if (node_class == "COMPARISON") {
    const bool symmetric = type == "COMPARE_EQUAL" || type == "COMPARE_NOTEQUAL";
    const bool constant_first = IsConstant(node["left"]) && !IsConstant(node["right"]);
    if ((symmetric && node["right"].dump() < node["left"].dump()) ||
        (!symmetric && constant_first)) {
      std::swap(node["left"], node["right"]);
      node["type"] = FlippedComparison(type);
    }
  } else if ((type == "COMPARE_IN" || type == "COMPARE_NOT_IN") && node["children"].size() > 2) {
    SortByText(node["children"].begin() + 1, node["children"].end());
  }
}

// Where a subtree sits: in a predicate, values may be rewritten; in the select list, the
// text names the output columns, so identifiers and function names keep their case.
struct Place {
  bool predicate = false;
  bool naming = false;
};

void Canonicalize(json& node, Walk& walk, Place place);

void CanonicalizeObject(json& node, Walk& walk, Place place) {
  node.erase("query_location");
  const std::string node_class = Text(node, "class");
  const std::string type = Text(node, "type");
  if (node_class == "COLUMN_REF" && !place.naming) {
    for (json& name : node["column_names"]) name = FoldIdentifier(name.get<std::string>(), walk);
  } else if (type == "BASE_TABLE") {
    const std::string table = Text(node, "table_name");
    node["table_name"] = FoldIdentifier(table, walk);
    node["schema_name"] = Lower(Text(node, "schema_name"));
    walk.tables.insert(Lower(table));
  } else if (type == "SHOW_REF") {
    walk.cacheable = false;
    walk.why_not = "reads the catalog, which other connections may change";
  } else if (type == "TABLE_FUNCTION") {
    walk.cacheable = false;
    walk.why_not = "reads a table function (a file may change without us knowing)";
  } else if (node_class == "FUNCTION") {
    const std::string name = Lower(Text(node, "function_name"));
    if (!place.naming) node["function_name"] = name;
    if (std::find(kVolatileFunctions.begin(), kVolatileFunctions.end(), name) !=
        kVolatileFunctions.end()) {
      walk.cacheable = false;
      walk.why_not = fmt::format("calls {}(), whose result changes between runs", name);
    }
  }
  if (node.contains("cte_map")) {
    for (const json& entry : node["cte_map"]["map"]) walk.ctes.insert(Lower(Text(entry, "key")));
  }
  for (auto& [key, child] : node.items()) {
    Place child_place = place;
    if (std::find(kPredicateKeys.begin(), kPredicateKeys.end(), key) != kPredicateKeys.end()) {
      child_place = {true, false};
    } else if (key == "select_list") {
      child_place = {false, true};
    }
    Canonicalize(child, walk, child_place);
  }
  if (place.predicate) RewritePredicate(node);
}

void Canonicalize(json& node, Walk& walk, Place place) {
  if (node.is_object()) {
    CanonicalizeObject(node, walk, place);
  } else if (node.is_array()) {
    for (json& child : node) Canonicalize(child, walk, place);
  }
}

void CollectColumns(const json& node, std::set<std::string>& columns, bool& subquery) {
  if (node.is_object()) {
    if (Text(node, "class") == "SUBQUERY") subquery = true;
    if (Text(node, "class") == "COLUMN_REF" && !At(node, "column_names").empty()) {
      columns.insert(Lower(At(node, "column_names").back().get<std::string>()));
    }
    for (const auto& [key, child] : node.items()) CollectColumns(child, columns, subquery);
  } else if (node.is_array()) {
    for (const json& child : node) CollectColumns(child, columns, subquery);
  }
}

// "x" for a bare column reference (t.x counts as x), else nothing.
std::optional<std::string> ColumnOf(const json& node) {
  if (Text(node, "class") != "COLUMN_REF" || At(node, "column_names").empty()) return std::nullopt;
  return Lower(At(node, "column_names").back().get<std::string>());
}

// A literal's identity: canonical numbers as they are, strings quoted.
std::optional<std::string> LiteralOf(const json& node) {
  if (!IsConstant(node)) return std::nullopt;
  const json& value = At(node, "value");
  if (value.contains("number")) return At(value, "number").get<std::string>();
  if (!value.is_object() || value.value("is_null", true) || !At(value, "value").is_string())
    return std::nullopt;
  return "'" + At(value, "value").get<std::string>() + "'";
}

std::optional<double> NumberOf(const json& node) {
  if (!IsConstant(node) || !At(node, "value").contains("number")) return std::nullopt;
  return std::strtod(At(At(node, "value"), "number").get<std::string>().c_str(), nullptr);
}

PredicateAtom AtomOf(const json& node) {
  PredicateAtom atom;
  atom.text = node.dump();
  const std::string type = Text(node, "type");
  if (Text(node, "class") == "COMPARISON") {
    const auto column = ColumnOf(At(node, "left"));
    const auto literal = LiteralOf(At(node, "right"));
    const auto number = NumberOf(At(node, "right"));
    if (!column || !literal) return atom;
    atom.column = *column;
    if (type == "COMPARE_EQUAL") {
      atom.kind = PredicateAtom::Kind::kSet;
      atom.values = {*literal};
    } else if (number &&
               (type == "COMPARE_GREATERTHAN" || type == "COMPARE_GREATERTHANOREQUALTO")) {
      atom.kind = PredicateAtom::Kind::kRange;
      atom.low = number;
      atom.low_inclusive = type == "COMPARE_GREATERTHANOREQUALTO";
    } else if (number && (type == "COMPARE_LESSTHAN" || type == "COMPARE_LESSTHANOREQUALTO")) {
      atom.kind = PredicateAtom::Kind::kRange;
      atom.high = number;
      atom.high_inclusive = type == "COMPARE_LESSTHANOREQUALTO";
    }
  } else if (type == "COMPARE_IN" && ColumnOf(Item(At(node, "children"), 0))) {
    std::set<std::string> values;
    for (size_t index = 1; index < At(node, "children").size(); ++index) {
      const auto literal = LiteralOf(Item(At(node, "children"), index));
      if (!literal) return atom;
      values.insert(*literal);
    }
    atom.kind = PredicateAtom::Kind::kSet;
    atom.column = *ColumnOf(Item(At(node, "children"), 0));
    atom.values = std::move(values);
  } else if (type == "COMPARE_BETWEEN" && ColumnOf(At(node, "input")) &&
             NumberOf(At(node, "lower")) && NumberOf(At(node, "upper"))) {
    atom.kind = PredicateAtom::Kind::kRange;
    atom.column = *ColumnOf(At(node, "input"));
    atom.low = NumberOf(At(node, "lower"));
    atom.high = NumberOf(At(node, "upper"));
  }
  return atom;
}

std::vector<PredicateAtom> AtomsOf(const json& where) {
  std::vector<PredicateAtom> atoms;
  if (where.is_null()) return atoms;
  if (Text(where, "type") == "CONJUNCTION_AND") {
    for (const json& child : At(where, "children")) atoms.push_back(AtomOf(child));
  } else {
    atoms.push_back(AtomOf(where));
  }
  return atoms;
}

bool SelectsPlainColumns(const json& node) {
  for (const json& item : At(node, "select_list")) {
    const std::string item_class = Text(item, "class");
    if (item_class == "STAR") {
      if (!At(item, "exclude_list").empty() || !At(item, "replace_list").empty() ||
          item.value("columns", false)) {
        return false;
      }
    } else if (item_class != "COLUMN_REF" || !Text(item, "alias").empty()) {
      return false;
    }
  }
  return true;
}

bool HasOnlyOrderModifiers(const json& node) {
  for (const json& modifier : At(node, "modifiers")) {
    if (Text(modifier, "type") != "ORDER_MODIFIER") return false;
  }
  return true;
}

bool IsPlainAggregate(const json& item, AggregateColumn& out) {
  static const std::set<std::string> kRollable{"count_star", "count", "sum", "min", "max"};
  if (Text(item, "class") != "FUNCTION" || item.value("is_operator", false)) return false;
  if (item.value("distinct", false) || !At(item, "filter").is_null()) return false;
  const std::string name = Lower(Text(item, "function_name"));
  if (!kRollable.count(name)) return false;
  const json& children = At(item, "children");
  if (name == "count_star" && children.empty()) {
    out.function = name;
    return true;
  }
  if (children.size() != 1 || !ColumnOf(Item(children, 0))) return false;
  out.function = name;
  out.argument = *ColumnOf(Item(children, 0));
  return true;
}

// Fills the roll-up part of `shape` when the statement can serve as a roll-up base.
void AnalyseRollupBase(const json& node, QueryShape& shape) {
  if (At(node, "group_expressions").empty() || !At(node, "having").is_null() ||
      !At(node, "qualify").is_null() || !HasOnlyOrderModifiers(node)) {
    return;
  }
  std::set<std::string> keys;
  for (const json& expression : At(node, "group_expressions")) {
    const auto column = ColumnOf(expression);
    if (!column) return;
    keys.insert(*column);
  }
  std::set<std::string> selected_keys;
  const json& items = At(node, "select_list");
  for (size_t index = 0; index < items.size(); ++index) {
    AggregateColumn aggregate;
    aggregate.output_index = index;
    const auto column = ColumnOf(Item(items, index));
    if (column && keys.count(*column) && Text(Item(items, index), "alias").empty()) {
      selected_keys.insert(*column);
    } else if (IsPlainAggregate(Item(items, index), aggregate)) {
      shape.aggregates.push_back(aggregate);
    } else {
      return;
    }
  }
  if (selected_keys != keys) return;  // a key not in the output cannot be filtered on
  shape.rollup_base = true;
  shape.group_keys.assign(keys.begin(), keys.end());
}

QueryShape ShapeOf(const json& statement, const std::set<std::string>& sources) {
  QueryShape shape;
  const json& node = At(statement, "node");
  if (Text(node, "type") != "SELECT_NODE" || sources.size() != 1) return shape;
  if (Text(At(node, "from_table"), "type") != "BASE_TABLE" ||
      !At(At(node, "cte_map"), "map").empty()) {
    return shape;
  }
  bool subquery = false;
  CollectColumns(node, shape.columns_used, subquery);
  if (subquery) return shape;
  shape.single_table = true;
  shape.table = *sources.begin();
  shape.where = AtomsOf(At(node, "where_clause"));
  shape.plain_rows = SelectsPlainColumns(node) && HasOnlyOrderModifiers(node) &&
                     At(node, "group_expressions").empty() && At(node, "having").is_null() &&
                     At(node, "qualify").is_null() && At(node, "sample").is_null();
  if (At(node, "sample").is_null()) AnalyseRollupBase(node, shape);
  if (!shape.rollup_base) shape.aggregates.clear();
  return shape;
}

}  // namespace

std::string CanonicalConjunctText(const std::string& conjunct_json,
                                  const std::set<std::string>& quoted) {
  json node = json::parse(conjunct_json);
  Walk walk{quoted};
  Canonicalize(node, walk, Place{true, false});
  return node.dump();
}

Result<CanonicalQuery> QueryCanonicalizer::Canonicalize(std::string_view statement) {
  if (!serialize_) {
    auto prepared = connection_.Prepare("SELECT json_serialize_sql($1::VARCHAR)");
    if (!prepared.ok()) return prepared.error();
    serialize_ = std::move(*prepared);
  }
  PIKA_TRY(serialize_->BindText(1, statement));
  auto result = serialize_->Execute();
  if (!result.ok()) return result.error();
  auto batch = result->FetchAll();
  if (!batch.ok()) return batch.error();
  json tree = json::parse(FormatValue(batch->columns[0], 0), nullptr, /*allow_exceptions=*/false);
  if (tree.is_discarded() || tree.value("error", true) || tree["statements"].size() != 1) {
    return InvalidInput("not a single SELECT statement");
  }
  Walk walk{QuotedIdentifiers(statement)};
  json& node = tree["statements"][0];
  CanonicalQuery query;
  query.parsed = node.dump();
  pika::Canonicalize(node, walk, Place{});
  query.text = node.dump();
  for (const std::string& table : walk.tables) {
    if (!walk.ctes.count(table)) query.sources.insert(table);
  }
  query.cacheable = walk.cacheable;
  query.why_not_cacheable = walk.why_not;
  query.shape = ShapeOf(node, query.sources);
  return query;
}

}  // namespace pika
