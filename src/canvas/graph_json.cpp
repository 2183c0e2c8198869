#include "canvas/graph_json.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace pika::canvas {

namespace {

using nlohmann::json;

constexpr int kMaxDepth = 16;  // graph.json nests 4 deep; more is a hostile file
// Ids above this would collide with the app's internal job keys (which start at 2^50).
constexpr uint64_t kMaxNodeId = uint64_t{1} << 40;
constexpr uint64_t kMaxRows = 1'000'000'000'000;  // a bound no table here reaches

json NodeToJson(const Node& node) {
  json out{{"id", node.id},        {"kind", std::string(KindKey(node.kind))},
           {"name", node.name},    {"x", node.position.x},
           {"y", node.position.y}, {"user_placed", node.user_placed}};
  switch (node.kind) {
    case NodeKind::kTable: {
      json types = json::object();
      for (const auto& [column, type] : node.import.column_types)
        types[column] = std::string(ToDuckDbName(type));
      out["source_path"] = node.source_path;
      out["embed_data"] = node.embed_data;
      out["import"] = {{"column_types", types}, {"null_strings", node.import.null_strings}};
      if (!node.import.database_table.empty())
        out["import"]["database_table"] = node.import.database_table;
      break;
    }
    case NodeKind::kQuery:
      out["sql"] = node.sql;
      out["keep_local"] = node.keep_local;
      out["local_rows"] = node.local_rows;
      break;
    case NodeKind::kPlot:
      out["plot"] = {{"kind", node.plot.kind},   {"x", node.plot.x},
                     {"y", node.plot.y},         {"agg", node.plot.agg},
                     {"color", node.plot.color}, {"brush", node.plot.brush},
                     {"title", node.plot.title}, {"x_log", node.plot.x_log},
                     {"size", node.plot.size},   {"y_log", node.plot.y_log}};
      break;
    case NodeKind::kNote: out["text"] = node.text; break;
    case NodeKind::kRemote:
      out["remote"] = {{"url", node.remote_url},
                       {"max_age_s", node.remote_max_age_s},
                       {"keep_local", node.keep_local},
                       {"local_rows", node.local_rows}};
      break;
  }
  return out;
}

// Reads fields with their place named in every error ("nodes[2].plot.x must be a string").
class Reader {
 public:
  Reader(const json& value, std::string where) : value_(value), where_(std::move(where)) {}

  Result<Reader> Object(const char* key) const {
    auto field = Field(key);
    if (!field.ok()) return field.error();
    if (!(*field)->is_object()) return Wrong(key, "an object");
    return Reader(**field, Path(key));
  }
  Result<const json*> Array(const char* key) const {
    auto field = Field(key);
    if (!field.ok()) return field.error();
    if (!(*field)->is_array()) return Wrong(key, "a list");
    return *field;
  }
  Result<std::string> String(const char* key, bool optional = false) const {
    if (optional && !value_.contains(key)) return std::string();
    auto field = Field(key);
    if (!field.ok()) return field.error();
    if (!(*field)->is_string()) return Wrong(key, "text");
    return (*field)->get<std::string>();
  }
  Result<double> Number(const char* key) const {
    auto field = Field(key);
    if (!field.ok()) return field.error();
    if (!(*field)->is_number() || !std::isfinite((*field)->get<double>()))
      return Wrong(key, "a number");
    return (*field)->get<double>();
  }
  Result<uint64_t> Id(const char* key) const {
    auto field = Field(key);
    if (!field.ok()) return field.error();
    if (!(*field)->is_number_unsigned() || (*field)->get<uint64_t>() == 0 ||
        (*field)->get<uint64_t>() >= kMaxNodeId)
      return Wrong(key, "a whole number from 1 to 2^40");
    return (*field)->get<uint64_t>();
  }
  // A count of rows: a whole number from 1 to 10^12; `fallback` when the key is absent.
  Result<uint64_t> Rows(const char* key, uint64_t fallback) const {
    if (!value_.contains(key)) return fallback;
    auto field = Field(key);
    if (!field.ok()) return field.error();
    if (!(*field)->is_number_unsigned() || (*field)->get<uint64_t>() == 0 ||
        (*field)->get<uint64_t>() > kMaxRows)
      return Wrong(key, "a whole number of rows from 1 to 10^12");
    return (*field)->get<uint64_t>();
  }
  // `optional`: a missing field reads as `fallback` (files written before it existed).
  Result<bool> Bool(const char* key, bool optional = false, bool fallback = false) const {
    if (optional && !value_.contains(key)) return fallback;
    auto field = Field(key);
    if (!field.ok()) return field.error();
    if (!(*field)->is_boolean()) return Wrong(key, "true or false");
    return (*field)->get<bool>();
  }
  const json& value() const { return value_; }
  std::string Path(std::string_view key) const { return fmt::format("{}.{}", where_, key); }

 private:
  Result<const json*> Field(const char* key) const {
    const auto found = value_.find(key);
    if (found == value_.end())
      return InvalidInput(fmt::format("graph.json: {} is missing", Path(key)));
    return &*found;
  }
  Error Wrong(const char* key, const char* what) const {
    return InvalidInput(fmt::format("graph.json: {} must be {}", Path(key), what));
  }
  const json& value_;
  std::string where_;
};

Result<NodeKind> ParseKind(const std::string& kind, const std::string& where) {
  if (kind == "table") return NodeKind::kTable;
  if (kind == "query") return NodeKind::kQuery;
  if (kind == "plot") return NodeKind::kPlot;
  if (kind == "note") return NodeKind::kNote;
  if (kind == "remote") return NodeKind::kRemote;
  return InvalidInput(
      fmt::format("graph.json: {} is '{}', not table, remote, query, plot or note", where, kind));
}

Status ReadImport(const Reader& node, Node& out) {
  auto import = node.Object("import");
  if (!import.ok()) return import.error();
  auto types = import->Object("column_types");
  if (!types.ok()) return types.error();
  for (const auto& [column, type] : types->value().items()) {
    const auto parsed = type.is_string() ? ParseColumnType(type.get<std::string>()) : std::nullopt;
    if (!parsed)
      return InvalidInput(
          fmt::format("graph.json: {}.{} is not a column type", types->Path(""), column));
    out.import.column_types[column] = *parsed;
  }
  auto nulls = import->Array("null_strings");
  if (!nulls.ok()) return nulls.error();
  for (const json& word : **nulls) {
    if (!word.is_string())
      return InvalidInput(
          fmt::format("graph.json: {} must hold text", import->Path("null_strings")));
    out.import.null_strings.push_back(word.get<std::string>());
  }
  auto table = import->String("database_table", /*optional=*/true);
  if (!table.ok()) return table.error();
  out.import.database_table = std::move(*table);
  return {};
}

Status ReadRemote(const Reader& node, Node& out) {
  auto remote = node.Object("remote");
  if (!remote.ok()) return remote.error();
  auto url = remote->String("url");
  if (!url.ok()) return url.error();
  auto max_age = remote->Number("max_age_s");
  if (!max_age.ok()) return max_age.error();
  if (*max_age != std::floor(*max_age) || *max_age < kUntilRefreshed || *max_age > 1e9)
    return InvalidInput(fmt::format(
        "graph.json: {} must be a whole number of seconds, or -1 for \"until refreshed\"",
        remote->Path("max_age_s")));
  auto keep_local = remote->Bool("keep_local", /*optional=*/true);
  if (!keep_local.ok()) return keep_local.error();
  auto local_rows = remote->Rows("local_rows", kBringLocalRows);
  if (!local_rows.ok()) return local_rows.error();
  out.remote_url = *url;
  out.remote_max_age_s = static_cast<int>(*max_age);
  out.keep_local = *keep_local;
  out.local_rows = *local_rows;
  return {};
}

Result<Node> ReadNode(const Reader& node) {
  Node out;
  auto id = node.Id("id");
  if (!id.ok()) return id.error();
  auto kind = node.String("kind");
  if (!kind.ok()) return kind.error();
  auto name = node.String("name");
  if (!name.ok()) return name.error();
  auto x = node.Number("x");
  if (!x.ok()) return x.error();
  auto y = node.Number("y");
  if (!y.ok()) return y.error();
  auto placed = node.Bool("user_placed");
  if (!placed.ok()) return placed.error();
  auto parsed_kind = ParseKind(*kind, node.Path("kind"));
  if (!parsed_kind.ok()) return parsed_kind.error();
  out.id = *id;
  out.kind = *parsed_kind;
  out.name = *name;
  out.position = {*x, *y};
  out.user_placed = *placed;
  switch (out.kind) {
    case NodeKind::kTable: {
      auto path = node.String("source_path");
      if (!path.ok()) return path.error();
      out.source_path = *path;
      auto embed = node.Bool("embed_data", /*optional=*/true, /*fallback=*/true);
      if (!embed.ok()) return embed.error();
      out.embed_data = *embed;
      PIKA_TRY(ReadImport(node, out));
      break;
    }
    case NodeKind::kQuery: {
      auto sql = node.String("sql");
      if (!sql.ok()) return sql.error();
      auto keep_local = node.Bool("keep_local", /*optional=*/true);  // files before remotes
      if (!keep_local.ok()) return keep_local.error();
      auto local_rows = node.Rows("local_rows", kBringLocalRows);
      if (!local_rows.ok()) return local_rows.error();
      out.sql = *sql;
      out.keep_local = *keep_local;
      out.local_rows = *local_rows;
      break;
    }
    case NodeKind::kPlot: {
      auto plot = node.Object("plot");
      if (!plot.ok()) return plot.error();
      for (auto [key, field] : {std::pair{"kind", &out.plot.kind}, std::pair{"x", &out.plot.x},
                                std::pair{"y", &out.plot.y}, std::pair{"agg", &out.plot.agg},
                                std::pair{"title", &out.plot.title}}) {
        auto value = plot->String(key);
        if (!value.ok()) return value.error();
        *field = *value;
      }
      // Files written before colour, brushing and size lack them.
      for (auto [key, field] :
           {std::pair{"color", &out.plot.color}, std::pair{"brush", &out.plot.brush},
            std::pair{"size", &out.plot.size}}) {
        auto value = plot->String(key, /*optional=*/true);
        if (!value.ok()) return value.error();
        *field = *value;
      }
      // Files written before log axes lack them.
      for (auto [key, field] :
           {std::pair{"x_log", &out.plot.x_log}, std::pair{"y_log", &out.plot.y_log}}) {
        auto value = plot->Bool(key, /*optional=*/true);
        if (!value.ok()) return value.error();
        *field = *value;
      }
      // Both become words in SQL: a file may only name the known ones.
      static const std::set<std::string> kKinds{"scatter", "line", "histogram",
                                                "bar",     "box",  "heatmap"};
      static const std::set<std::string> kAggregates{"", "count", "sum", "mean", "min", "max"};
      if (!kKinds.contains(out.plot.kind))
        return InvalidInput(
            fmt::format("graph.json: {} is '{}', not scatter, line, histogram, bar, box or heatmap",
                        plot->Path("kind"), out.plot.kind));
      if (!kAggregates.contains(out.plot.agg))
        return InvalidInput(fmt::format("graph.json: {} is '{}', not count, sum, mean, min or max",
                                        plot->Path("agg"), out.plot.agg));
      break;
    }
    case NodeKind::kNote: {
      auto text = node.String("text");
      if (!text.ok()) return text.error();
      out.text = *text;
      break;
    }
    case NodeKind::kRemote: PIKA_TRY(ReadRemote(node, out)); break;
  }
  return out;
}

}  // namespace

std::string_view KindKey(NodeKind kind) {
  switch (kind) {
    case NodeKind::kTable: return "table";
    case NodeKind::kQuery: return "query";
    case NodeKind::kPlot: return "plot";
    case NodeKind::kNote: return "note";
    case NodeKind::kRemote: return "remote";
  }
  return "?";
}

std::string GraphToJson(const Graph& graph, const Viewport& viewport) {
  json nodes = json::array();
  for (const auto& [id, node] : graph.nodes()) nodes.push_back(NodeToJson(node));
  json edges = json::array();
  for (const Edge& edge : graph.edges()) edges.push_back({{"from", edge.from}, {"to", edge.to}});
  const json document{{"nodes", nodes},
                      {"edges", edges},
                      {"viewport",
                       {{"center_x", viewport.center_x},
                        {"center_y", viewport.center_y},
                        {"zoom", viewport.zoom}}}};
  return document.dump(2);
}

Result<GraphDocumentData> GraphFromJson(std::string_view text) {
  json document;
  try {
    document = json::parse(text, [](int depth, json::parse_event_t, json&) {
      if (depth > kMaxDepth) throw std::runtime_error("nested too deep");
      return true;
    });
  } catch (const std::exception& error) {
    return InvalidInput(fmt::format("graph.json is not valid JSON: {}", error.what()));
  }
  if (!document.is_object()) return InvalidInput("graph.json must hold an object");
  const Reader root(document, "graph");
  GraphDocumentData out;
  auto nodes = root.Array("nodes");
  if (!nodes.ok()) return nodes.error();
  for (size_t index = 0; index < (*nodes)->size(); ++index) {
    const json& item = (**nodes)[index];
    const std::string where = fmt::format("graph.nodes[{}]", index);
    if (!item.is_object())
      return InvalidInput(fmt::format("graph.json: {} must be an object", where));
    auto node = ReadNode(Reader(item, where));
    if (!node.ok()) return node.error();
    const std::string name = node->name;
    auto added = out.graph.Add(*node);
    if (!added.ok())
      return InvalidInput(fmt::format("graph.json: {}: {}", where, added.error().message));
    if (out.graph.Find(*added)->name != name)  // Add renames duplicates; a file may not have them
      return InvalidInput(fmt::format("graph.json: {} repeats the name '{}'", where, name));
  }
  auto edges = root.Array("edges");
  if (!edges.ok()) return edges.error();
  for (size_t index = 0; index < (*edges)->size(); ++index) {
    const std::string where = fmt::format("graph.edges[{}]", index);
    if (!(**edges)[index].is_object())
      return InvalidInput(fmt::format("graph.json: {} must be an object", where));
    const Reader edge((**edges)[index], where);
    auto from = edge.Id("from");
    if (!from.ok()) return from.error();
    auto to = edge.Id("to");
    if (!to.ok()) return to.error();
    if (Status connected = out.graph.Connect(*from, *to); !connected.ok())
      return InvalidInput(fmt::format("graph.json: {}: {}", where, connected.error().message));
  }
  auto viewport = root.Object("viewport");
  if (!viewport.ok()) return viewport.error();
  auto cx = viewport->Number("center_x");
  auto cy = viewport->Number("center_y");
  auto zoom = viewport->Number("zoom");
  if (!cx.ok()) return cx.error();
  if (!cy.ok()) return cy.error();
  if (!zoom.ok()) return zoom.error();
  out.viewport = {*cx, *cy, *zoom > 0 ? *zoom : 1.0};
  return out;
}

}  // namespace pika::canvas
