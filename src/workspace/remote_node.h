// Where a node's rows live when they live on a server: a Remote Table node's table, a Query
// node whose inputs all live on one server, whose SELECT then runs there (see
// compute/remote_query.h), or a Plot of either, which passes the rows inside its brush on.
// Plots of any of them are reduced on that server.
#pragma once

#include <optional>

#include "canvas/graph.h"
#include "core/result.h"
#include "remote/remote_source.h"

namespace pika {

struct RemoteOrigin {
  RemoteSource source;  // a query source for a Query node
  // How long answers about it may be reused: the shortest freshness of the Remote Table nodes
  // it reads (canvas::kUntilRefreshed when every one keeps them until refreshed).
  int max_age_s = 0;
};

// Where the nodes `id` feeds read its rows: nothing when they are local (a local node, one
// that mixes local and remote inputs, or a remote node that keeps a local copy); an error for
// a Remote Table URL that does not parse.
Result<std::optional<RemoteOrigin>> RemoteOriginOf(const canvas::Graph& graph, canvas::NodeId id);

// Where node `id` itself runs: the same, except that its own local copy does not count.
Result<std::optional<RemoteOrigin>> RemoteRunOf(const canvas::Graph& graph, canvas::NodeId id);

// The same server and database (and user): where one query can read both.
bool SameServer(const RemoteSource& a, const RemoteSource& b);

}  // namespace pika
