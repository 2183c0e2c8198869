#include "compute/remote_table.h"

namespace pika {

Result<RemoteTable> DescribeRemoteTable(RemoteClient& client, uint32_t preview_rows,
                                        const CancelToken& cancel) {
  RemoteTable table{client.source(), {}, {}, {}};
  auto columns = DiscoverColumns(client, cancel);
  if (!columns.ok()) return columns.error();
  table.columns = std::move(*columns);
  auto rows = EstimateRemoteRows(client, cancel);
  if (!rows.ok()) return rows.error();
  table.rows = *rows;
  auto preview = PreviewRemote(client, preview_rows, cancel);
  if (!preview.ok()) return preview.error();
  table.preview = std::move(*preview);
  return table;
}

}  // namespace pika
