// What a remote table holds: its columns (from the engine's catalog), how many rows, and its
// first rows, for the Remote Table node and `pika remote`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/engine_column.h"
#include "remote/remote_client.h"

namespace pika {

// The table's columns in their order. NotFound, naming the table and the database, when the
// engine has no such table.
Result<std::vector<EngineColumn>> DiscoverColumns(RemoteClient& client, const CancelToken& cancel);

struct RowEstimate {
  uint64_t rows = 0;
  bool exact = false;  // counted, not the planner's statistics
};

// ClickHouse counts (cheap on its table engines); PostgreSQL gives its planner's estimate, and
// counts when the table was never analysed.
Result<RowEstimate> EstimateRemoteRows(RemoteClient& client, const CancelToken& cancel);

// The first `rows` rows, in whatever order the engine returns them.
Result<TableBatch> PreviewRemote(RemoteClient& client, uint32_t rows, const CancelToken& cancel);

// `text` as a string literal of the client's engine.
std::string RemoteLiteral(RemoteEngine engine, std::string_view text);

// `name` as a quoted identifier (both engines read "..."); names with a double quote in them
// are refused with a clear message.
Result<std::string> RemoteIdentifier(std::string_view name);

}  // namespace pika
