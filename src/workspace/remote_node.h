// Where a node's rows live when they live on a server: a Remote Table node's table, or a
// Query node whose inputs all live on one server, whose SELECT then runs there (see
// compute/remote_query.h). Plots of either are reduced on that server.
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

// Nothing for a node whose rows are local (or that mixes local and remote inputs); an error
// for a Remote Table URL that does not parse.
Result<std::optional<RemoteOrigin>> RemoteOriginOf(const canvas::Graph& graph, canvas::NodeId id);

// The same server and database (and user): where one query can read both.
bool SameServer(const RemoteSource& a, const RemoteSource& b);

}  // namespace pika
