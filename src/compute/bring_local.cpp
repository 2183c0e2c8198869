#include "compute/bring_local.h"

#include <fmt/format.h>

#include "storage/drop_relation.h"

namespace pika {

Result<uint64_t> CountRemoteQuery(RemoteClient& client, const std::string& query,
                                  const CancelToken& cancel) {
  auto counted =
      client.Query(fmt::format("SELECT count(*) AS n FROM ({}) AS pika_rows", query), cancel);
  if (!counted.ok()) return counted.error();
  return static_cast<uint64_t>(counted->columns[0].IntAt(0));
}

Result<uint64_t> FetchInto(RemoteClient& client, const std::string& query, uint64_t max_rows,
                           Connection& local, const std::string& table, const CancelToken& cancel) {
  auto fetched = client.Query(
      fmt::format("SELECT * FROM ({}) AS pika_rows LIMIT {}", query, max_rows), cancel);
  if (!fetched.ok()) return fetched.error();
  PIKA_TRY(local.CreateTableFrom(table, *fetched));
  return static_cast<uint64_t>(fetched->row_count);
}

Result<uint64_t> BringLocal(RemoteClient& client, const std::string& query, uint64_t max_rows,
                            Connection& local, const std::string& table,
                            const CancelToken& cancel) {
  auto rows = CountRemoteQuery(client, query, cancel);
  if (!rows.ok()) return rows.error();
  if (*rows > max_rows) {
    return InvalidInput(fmt::format(
        "the query gives {} rows, more than the {} to bring local: filter or aggregate it on "
        "{}, or allow more rows",
        *rows, max_rows, EngineName(client.source().engine)));
  }
  return FetchInto(client, query, max_rows, local, table, cancel);
}

Result<NodeRelation> BringRemoteNode(RemoteClient& client, Connection& local, uint64_t node_id,
                                     const std::string& name, uint64_t max_rows,
                                     const CancelToken& cancel) {
  const std::string table = NodeDataTable(node_id);
  const std::string staging = table + "_incoming";
  PIKA_TRY(local.Execute(fmt::format("DROP TABLE IF EXISTS {}", staging)));
  auto brought = BringLocal(client, "SELECT * FROM " + RemoteTableSql(client.source()), max_rows,
                            local, staging, cancel);
  if (!brought.ok()) return brought.error();
  PIKA_TRY(DropTableOrView(local, table));
  PIKA_TRY(local.Execute(fmt::format("ALTER TABLE {} RENAME TO {}", staging, table)));
  return AdoptTableNode(local, node_id, name);
}

}  // namespace pika
