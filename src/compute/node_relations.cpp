#include "compute/node_relations.h"

#include <fmt/format.h>

#include "compute/preflight.h"
#include "compute/sql_lexer.h"
#include "storage/file_importer.h"
#include "storage/line_account_text.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

Result<uint64_t> CountRows(Connection& connection, const std::string& name) {
  auto counted = connection.Query(fmt::format("SELECT count(*) FROM {}", QuoteIdentifier(name)));
  if (!counted.ok()) return counted.error();
  auto rows = counted->FetchAll();
  if (!rows.ok()) return rows.error();
  return static_cast<uint64_t>(rows->columns[0].IntAt(0));
}

Result<std::vector<ResultColumn>> Describe(Connection& connection, const std::string& name) {
  auto described = connection.Query(fmt::format("SELECT * FROM {} LIMIT 0", QuoteIdentifier(name)));
  if (!described.ok()) return described.error();
  return described->columns();
}

// Counts the statement's rows through the cache: asked again, the answer is instant and says
// where it came from.
Status CountCached(CachedQueryRunner& cached, const std::string& statement,
                   NodeRelation& relation) {
  auto answer = cached.Run(fmt::format("SELECT count(*) AS n FROM ({}) AS node_result", statement));
  if (!answer.ok()) return answer.error();
  const TableBatch& rows = answer->result->rows;
  if (rows.row_count != 1) return Internal("a count came back without its row");
  relation.rows = static_cast<uint64_t>(rows.columns[0].IntAt(0));
  if (answer->how == AnswerKind::kExact) {
    relation.cache_note = fmt::format(
        "answered from the cache in {:.1f} ms: the same question was asked before", answer->ms);
  } else if (answer->how == AnswerKind::kDerived) {
    relation.cache_note = fmt::format("derived from the cached answer to '{}' by {}", answer->from,
                                      answer->remainder);
  }
  return {};
}

}  // namespace

std::string NodeDataTable(uint64_t node_id) { return fmt::format("pika_node_data_{}", node_id); }

Result<NodeRelation> AdoptTableNode(Connection& connection, uint64_t node_id,
                                    const std::string& name) {
  PIKA_TRY(connection.Execute(fmt::format("CREATE OR REPLACE VIEW {} AS SELECT * FROM {}",
                                          QuoteIdentifier(name), NodeDataTable(node_id))));
  auto rows = CountRows(connection, name);
  if (!rows.ok()) return rows.error();
  auto columns = Describe(connection, name);
  if (!columns.ok()) return columns.error();
  NodeRelation relation;
  relation.columns = std::move(*columns);
  relation.rows = *rows;
  relation.notes.push_back("restored from the workspace file; the source file was not read");
  return relation;
}

Result<NodeRelation> LoadTableNode(Connection& connection, uint64_t node_id,
                                   const std::string& name, const std::string& path,
                                   ImportOptions options, const CancelToken& cancel,
                                   const ProgressFn& progress) {
  if (path.empty())
    return InvalidInput(fmt::format("'{}' has no file: choose one to import", name));
  options.bad_rows = BadRowPolicy::kSkip;  // keep what can be read; the node lists the rest
  options.read_in_place = true;            // read where it is; a save still embeds it
  auto imported =
      ImportFile(connection, {path, NodeDataTable(node_id), true, options}, cancel, progress);
  if (!imported.ok()) return imported.error();
  PIKA_TRY(connection.Execute(fmt::format("CREATE OR REPLACE VIEW {} AS SELECT * FROM {}",
                                          QuoteIdentifier(name), NodeDataTable(node_id))));
  auto columns = Describe(connection, name);
  if (!columns.ok()) return columns.error();
  const ImportReport& report = imported->report;
  std::vector<std::string> notes = report.notes;
  if (report.lines.counted) {
    notes.insert(notes.begin(), "lines of the file: " + LineSumText(report.lines, report.rows));
    if (report.lines.preamble > 0) notes.insert(notes.begin() + 1, PreambleText(report.lines));
  }
  return NodeRelation{*columns,       report.rows, report.rejected,
                      report.rejects, notes,       report.columns};
}

Result<NodeRelation> RunQueryNode(Connection& connection, const std::string& name,
                                  const std::string& sql, const CancelToken& cancel,
                                  CachedQueryRunner* cached, bool check_cost) {
  const std::vector<std::string> statements = SplitStatements(sql);
  if (statements.empty()) return InvalidInput("write a SELECT over the nodes that feed this one");
  if (statements.size() > 1) {
    return InvalidInput(
        fmt::format("a Query node holds one SELECT statement, this one has {}: split it into nodes",
                    statements.size()));
  }
  // Preparing alone reports errors at their place in the user's text, not in the view's.
  auto prepared = connection.Prepare(statements.front());
  if (!prepared.ok()) {
    // Downstream nodes must not go on reading the result of the SQL as it was.
    (void)connection.Execute(fmt::format("DROP VIEW IF EXISTS {}", QuoteIdentifier(name)));
    return prepared.error();
  }
  if (!prepared->is_select()) {
    return InvalidInput(
        "a Query node only reads: write a SELECT (tables change through Table nodes)");
  }
  if (check_cost) {
    if (Status affordable = CheckQueryCost(connection, statements.front()); !affordable.ok()) {
      (void)connection.Execute(fmt::format("DROP VIEW IF EXISTS {}", QuoteIdentifier(name)));
      return affordable.error();
    }
  }
  if (cancel.cancelled()) return Cancelled();
  PIKA_TRY(connection.Execute(
      fmt::format("CREATE OR REPLACE VIEW {} AS {}", QuoteIdentifier(name), statements.front())));
  NodeRelation relation;
  if (cached != nullptr) {
    cached->SourceChanged(name);
    PIKA_TRY(CountCached(*cached, statements.front(), relation));
  } else {
    auto rows = CountRows(connection, name);
    if (!rows.ok()) return rows.error();
    relation.rows = *rows;
  }
  auto columns = Describe(connection, name);
  if (!columns.ok()) return columns.error();
  relation.columns = std::move(*columns);
  return relation;
}

Result<TableBatch> FetchNodeRows(Connection& connection, const std::string& name, uint64_t offset,
                                 uint64_t limit) {
  auto result = connection.Query(
      fmt::format("SELECT * FROM {} LIMIT {} OFFSET {}", QuoteIdentifier(name), limit, offset));
  if (!result.ok()) return result.error();
  return result->FetchAll();
}

Status RenameNodeRelation(Connection& connection, const std::string& from, const std::string& to) {
  return connection.Execute(
      fmt::format("ALTER VIEW {} RENAME TO {}", QuoteIdentifier(from), QuoteIdentifier(to)));
}

Status DropNodeRelation(Connection& connection, const std::string& name) {
  return connection.Execute(fmt::format("DROP VIEW IF EXISTS {}", QuoteIdentifier(name)));
}

}  // namespace pika
