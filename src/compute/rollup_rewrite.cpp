#include "compute/rollup_rewrite.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "compute/parse_tree.h"

namespace pika {

namespace {

using nlohmann::json;
using parse_tree::At;
using parse_tree::Lower;
using parse_tree::Text;

json ColumnRef(const std::string& name) {
  return {{"class", "COLUMN_REF"},
          {"type", "COLUMN_REF"},
          {"alias", ""},
          {"column_names", json::array({name})}};
}

json Call(const std::string& function, json children, bool is_operator = false) {
  return {{"class", "FUNCTION"},
          {"type", "FUNCTION"},
          {"alias", ""},
          {"function_name", function},
          {"schema", ""},
          {"children", std::move(children)},
          {"filter", nullptr},
          {"order_bys", {{"type", "ORDER_MODIFIER"}, {"orders", json::array()}}},
          {"distinct", false},
          {"is_operator", is_operator},
          {"export_state", false},
          {"catalog", ""}};
}

json CastToBigint(json child) {
  return {{"class", "CAST"},
          {"type", "OPERATOR_CAST"},
          {"alias", ""},
          {"child", std::move(child)},
          {"cast_type", {{"id", "BIGINT"}, {"type_info", nullptr}}},
          {"try_cast", false}};
}

class Rewriter {
 public:
  explicit Rewriter(const RollupSource& source) : source_(source) {}

  // The base column holding `function(argument)`, if the base has it.
  std::optional<std::string> BaseColumn(const std::string& function,
                                        const std::string& argument) const {
    for (const AggregateColumn& aggregate : source_.shape.aggregates) {
      if (aggregate.function == function && aggregate.argument == argument) {
        return source_.column_names[aggregate.output_index];
      }
    }
    return std::nullopt;
  }

  std::optional<json> RollUp(const std::string& function, const std::string& argument) const {
    if (function == "count_star" || function == "count") {
      const auto column = BaseColumn(function, argument);
      if (!column) return std::nullopt;
      return CastToBigint(Call("sum", json::array({ColumnRef(*column)})));
    }
    if (function == "sum" || function == "min" || function == "max") {
      const auto column = BaseColumn(function, argument);
      if (!column) return std::nullopt;
      return Call(function, json::array({ColumnRef(*column)}));
    }
    if (function == "avg") {
      const auto sum = BaseColumn("sum", argument);
      const auto count = BaseColumn("count", argument);
      if (!sum || !count) return std::nullopt;
      return Call("/",
                  json::array({Call("sum", json::array({ColumnRef(*sum)})),
                               Call("sum", json::array({ColumnRef(*count)}))}),
                  true);
    }
    return std::nullopt;
  }

  // Replaces every aggregate in `node`; false when something cannot be rolled up.
  bool Rewrite(json& node) const {
    if (node.is_array()) {
      return std::all_of(node.begin(), node.end(), [this](json& child) { return Rewrite(child); });
    }
    if (!node.is_object()) return true;
    const std::string node_class = Text(node, "class");
    if (node_class == "SUBQUERY" || node_class == "WINDOW") return false;
    if (node_class == "COLUMN_REF") {
      const std::string column = Lower(node["column_names"].back().get<std::string>());
      const auto& keys = source_.shape.group_keys;
      return std::find(keys.begin(), keys.end(), column) != keys.end();
    }
    if (node_class == "FUNCTION" && !node.value("is_operator", false)) return RewriteCall(node);
    for (auto& [key, child] : node.items()) {
      if (!Rewrite(child)) return false;
    }
    return true;
  }

 private:
  bool RewriteCall(json& node) const {
    // Scalar functions over keys would be fine, but telling them from aggregates we do not
    // know (median, stddev...) needs a catalog: anything but the known aggregates is a no.
    if (node.value("distinct", false) || !node["filter"].is_null()) return false;
    const std::string function = Lower(Text(node, "function_name"));
    const json& children = node["children"];
    std::string argument;
    if (children.size() == 1 && Text(children[0], "class") == "COLUMN_REF") {
      argument = Lower(children[0]["column_names"].back().get<std::string>());
    } else if (!children.empty()) {
      return false;
    }
    auto replacement = RollUp(function, argument);
    if (!replacement) return false;
    (*replacement)["alias"] = node["alias"];
    node = std::move(*replacement);
    return true;
  }

  const RollupSource& source_;
};

bool GroupsByBaseKeys(const json& node, const QueryShape& base) {
  if (At(node, "group_expressions").empty() || !At(node, "qualify").is_null()) return false;
  for (const json& expression : At(node, "group_expressions")) {
    if (Text(expression, "class") != "COLUMN_REF") return false;
    const std::string column = Lower(At(expression, "column_names").back().get<std::string>());
    if (std::find(base.group_keys.begin(), base.group_keys.end(), column) ==
        base.group_keys.end()) {
      return false;
    }
  }
  return true;
}

// Drops the conjuncts the base applied already; what is left must test group keys only.
void DropAppliedConjuncts(json& node, const RollupSource& source) {
  json& where = node["where_clause"];
  if (where.is_null()) return;
  const bool conjunction = Text(where, "type") == "CONJUNCTION_AND";
  json kept = json::array();
  for (const json& conjunct : conjunction ? where["children"] : json::array({where})) {
    if (!source.applied_conjuncts.count(CanonicalConjunctText(conjunct.dump(), source.quoted))) {
      kept.push_back(conjunct);
    }
  }
  if (kept.empty()) {
    where = nullptr;
  } else if (kept.size() == 1) {
    where = kept[0];
  } else {
    where["children"] = kept;
  }
}

}  // namespace

std::optional<json> RewriteAsRollup(const json& statement, const RollupSource& source,
                                    const std::vector<std::string>& output_names) {
  json rewritten = statement;
  json& node = rewritten["node"];
  if (Text(node, "type") != "SELECT_NODE" || !GroupsByBaseKeys(node, source.shape)) {
    return std::nullopt;
  }
  json& items = node["select_list"];
  if (items.size() != output_names.size()) return std::nullopt;
  DropAppliedConjuncts(node, source);
  const Rewriter rewriter(source);
  for (const char* key :
       {"select_list", "where_clause", "group_expressions", "having", "modifiers"}) {
    if (!rewriter.Rewrite(node[key])) return std::nullopt;
  }
  // Replaced aggregates would be named after their new text: keep the names a fresh run gives.
  for (size_t index = 0; index < items.size(); ++index) {
    if (Text(items[index], "alias").empty()) items[index]["alias"] = output_names[index];
  }
  json& from = node["from_table"];
  if (Text(from, "alias").empty()) from["alias"] = from["table_name"];
  from["catalog_name"] = source.catalog;
  from["schema_name"] = "main";
  from["table_name"] = source.table;
  return rewritten;
}

}  // namespace pika
