#include "workspace/remote_node.h"

#include <algorithm>

#include "compute/remote_query.h"

namespace pika {

namespace {

int ShorterAge(int a, int b) {
  if (a < 0) return b;  // kUntilRefreshed: any other age is shorter
  if (b < 0) return a;
  return std::min(a, b);
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A Query over inputs that all live on one server: its SQL with their names replaced.
Result<std::optional<RemoteOrigin>> RemoteQueryOrigin(const canvas::Graph& graph,
                                                      const canvas::Node& query) {
  const std::vector<canvas::NodeId> inputs = graph.Inputs(query.id);
  if (inputs.empty()) return std::optional<RemoteOrigin>();
  std::optional<RemoteOrigin> origin;
  std::map<std::string, std::string> tables;
  for (canvas::NodeId input : inputs) {
    auto upstream = RemoteOriginOf(graph, input);
    if (!upstream.ok()) return upstream.error();
    if (!*upstream || (origin && !SameServer(origin->source, (*upstream)->source)))
      return std::optional<RemoteOrigin>();  // runs here
    const RemoteSource& source = (*upstream)->source;
    tables[Lower(graph.Find(input)->name)] =
        source.query.empty() ? RemoteTableSql(source) : "(" + source.query + ")";
    if (!origin) {
      origin = *upstream;
    } else {
      origin->max_age_s = ShorterAge(origin->max_age_s, (*upstream)->max_age_s);
    }
  }
  origin->source.table = query.name;
  origin->source.query = RemoteQuerySql(query.sql, tables);
  return origin;
}

// A Plot of a remote node passes its input's rows inside its brush on, still on the server:
// what it feeds reads them there. The brush is SQL of that server (a range of numbers, or
// the names of picked bars); an unbounded one (TRUE, which ClickHouse 18.16 does not read) keeps
// every row.
Result<std::optional<RemoteOrigin>> RemotePlotOrigin(const canvas::Graph& graph,
                                                     const canvas::Node& plot) {
  const std::vector<canvas::NodeId> inputs = graph.Inputs(plot.id);
  if (inputs.empty()) return std::optional<RemoteOrigin>();
  auto upstream = RemoteOriginOf(graph, inputs.front());
  if (!upstream.ok() || !*upstream) return upstream;
  RemoteOrigin origin = **upstream;
  std::string query = "SELECT * FROM " + RemoteTableSql(origin.source);
  if (!plot.plot.brush.empty() && plot.plot.brush != "TRUE") query += " WHERE " + plot.plot.brush;
  origin.source.table = plot.name;
  origin.source.query = std::move(query);
  return std::optional<RemoteOrigin>(std::move(origin));
}

}  // namespace

bool SameServer(const RemoteSource& a, const RemoteSource& b) {
  return a.engine == b.engine && a.host == b.host && PortOf(a) == PortOf(b) && a.user == b.user &&
         a.database == b.database;
}

Result<std::optional<RemoteOrigin>> RemoteOriginOf(const canvas::Graph& graph, canvas::NodeId id) {
  const canvas::Node* node = graph.Find(id);
  if (node == nullptr || node->keep_local) return std::optional<RemoteOrigin>();
  return RemoteRunOf(graph, id);
}

Result<std::optional<RemoteOrigin>> RemoteRunOf(const canvas::Graph& graph, canvas::NodeId id) {
  const canvas::Node* node = graph.Find(id);
  if (node == nullptr) return std::optional<RemoteOrigin>();
  if (node->kind == canvas::NodeKind::kQuery) return RemoteQueryOrigin(graph, *node);
  if (node->kind == canvas::NodeKind::kPlot) return RemotePlotOrigin(graph, *node);
  if (node->kind != canvas::NodeKind::kRemote) return std::optional<RemoteOrigin>();
  auto source = ParseRemoteUrl(node->remote_url);
  if (!source.ok()) return source.error();
  return std::optional<RemoteOrigin>(RemoteOrigin{std::move(*source), node->remote_max_age_s});
}

}  // namespace pika
