// Every Table and Query node's rows are a view named after the node, so that a Query node
// refers to its inputs by their node names and the engine plans across the whole chain (a
// histogram of a query over a 10M-row table still only brings back the bins).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compute/cached_query_runner.h"
#include "core/cancel_token.h"
#include "core/result.h"
#include "core/table_batch.h"
#include "storage/connection.h"
#include "storage/import_options.h"
#include "storage/import_report.h"
#include "storage/query_result.h"

namespace pika {

struct NodeRelation {
  std::vector<ResultColumn> columns;
  uint64_t rows = 0;
  uint64_t rejected = 0;                     // Table: rows of the file that could not be read
  std::vector<RejectedRow> rejects;          // Table: the first of them, with their lines
  std::vector<std::string> notes;            // Table: what the import decided, in words
  std::vector<ColumnReport> column_reports;  // Table: inferred types, confidence, counterexamples
  std::string cache_note;  // Query: why the answer was instant, when the cache gave it
};

// Imports `path` into the node's own table and names it `name`; a Parquet file is read in
// place instead (a view over it, which a save embeds). Rows that cannot be read are skipped
// and reported, never dropped silently (`options.bad_rows` is ignored).
Result<NodeRelation> LoadTableNode(Connection& connection, uint64_t node_id,
                                   const std::string& name, const std::string& path,
                                   ImportOptions options, const CancelToken& cancel,
                                   const ProgressFn& progress);

// Where a Table node's imported rows are kept: its view `name` reads this table.
std::string NodeDataTable(uint64_t node_id);

// Names rows restored from a workspace file (already in NodeDataTable(node_id)) `name`.
Result<NodeRelation> AdoptTableNode(Connection& connection, uint64_t node_id,
                                    const std::string& name);

// Checks `sql` (one SELECT over upstream node names), names its result `name` and counts
// its rows. Nothing is left behind under `name` when the SQL is wrong; an error that points
// into the SQL keeps DuckDB's "LINE n:" excerpt (see FindSqlErrorPosition).
// With `cached`, the rows are counted through the query cache (the node's inputs must have
// been reported to it with SourceChanged whenever they changed), and an instant answer says
// where it came from in `cache_note`.
// With `check_cost`, a query DuckDB expects to return more than kLargeQueryRows rows is
// held back (ErrorKind::kHeldBack) before anything runs (see preflight.h).
Result<NodeRelation> RunQueryNode(Connection& connection, const std::string& name,
                                  const std::string& sql, const CancelToken& cancel,
                                  CachedQueryRunner* cached = nullptr, bool check_cost = false);

// Rows [offset, offset + limit) of a node's result, in the engine's order (stable for scans,
// filters and ORDER BY; an unordered aggregate may come back in another order per page).
Result<TableBatch> FetchNodeRows(Connection& connection, const std::string& name, uint64_t offset,
                                 uint64_t limit);

Status RenameNodeRelation(Connection& connection, const std::string& from, const std::string& to);

// Drops the name a node's rows go by. A Table's data stays, so that undo can bring it back.
Status DropNodeRelation(Connection& connection, const std::string& name);

}  // namespace pika
