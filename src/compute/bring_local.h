// Bringing a remote query's result local: into a DuckDB table, where every local feature
// (the canvas, the cache, exports) can use it. Sized first, so that a result too big for this
// machine is refused before any of it is fetched.
#pragma once

#include <cstdint>
#include <string>

#include "compute/node_relations.h"
#include "core/local_copy.h"
#include "remote/remote_client.h"
#include "storage/connection.h"

namespace pika {

// The rows of `query` (a SELECT or WITH query), counted on the server.
Result<uint64_t> CountRemoteQuery(RemoteClient& client, const std::string& query,
                                  const CancelToken& cancel);

// Creates `table` in `local` with the rows of `query`, at most `max_rows` of them (the bound
// holds even if rows arrived after they were counted). Returns the rows brought.
Result<uint64_t> FetchInto(RemoteClient& client, const std::string& query, uint64_t max_rows,
                           Connection& local, const std::string& table, const CancelToken& cancel);

// Counts the rows of `query` (a SELECT or WITH query) on the server; past `max_rows` fails
// with a message that gives the count and what to do, and fetches nothing. Otherwise creates
// `table` in `local` with its rows. Returns the rows brought.
Result<uint64_t> BringLocal(RemoteClient& client, const std::string& query, uint64_t max_rows,
                            Connection& local, const std::string& table, const CancelToken& cancel);

// A remote node's rows (its client's table or query) as the local engine's rows of node
// `node_id`, named `name` like a Table's: what the nodes it feeds then read. Up to `max_rows`,
// sized first; the rows it held before are replaced only once the new ones are all here.
Result<NodeRelation> BringRemoteNode(RemoteClient& client, Connection& local, uint64_t node_id,
                                     const std::string& name, uint64_t max_rows,
                                     const CancelToken& cancel);

}  // namespace pika
