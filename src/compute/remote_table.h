// What a Remote Table node shows of its table: where it lives, its columns, how many rows and
// the first of them. The rows themselves stay on the server.
#pragma once

#include <vector>

#include "core/cancel_token.h"
#include "core/result.h"
#include "core/table_batch.h"
#include "remote/remote_catalog.h"
#include "remote/remote_client.h"

namespace pika {

struct RemoteTable {
  RemoteSource source;
  std::vector<EngineColumn> columns;
  RowEstimate rows;
  TableBatch preview;  // the first rows, in the engine's order
};

// The table of `client`'s source, with its first `preview_rows` rows.
Result<RemoteTable> DescribeRemoteTable(RemoteClient& client, uint32_t preview_rows,
                                        const CancelToken& cancel);

}  // namespace pika
