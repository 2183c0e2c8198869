#include "storage/parquet_source.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"
#include "storage/watched_query.h"

namespace pika {

namespace {

std::string ReadCall(const SourceFile& file) {
  return fmt::format("read_parquet({})", QuoteFileLiteral(file.path));
}

Error Explain(const Error& error, const SourceFile& file) {
  if (error.kind == ErrorKind::kCancelled) return error;
  return InvalidInput(fmt::format("cannot read '{}' as Parquet: {}", file.path, error.message));
}

}  // namespace

Result<InspectReport> InspectParquet(Connection& connection, const SourceFile& file) {
  InspectReport report;
  report.dialect.format = "parquet";
  report.dialect.compression = "internal";
  auto result = connection.Query(fmt::format("SELECT * FROM {} LIMIT 10", ReadCall(file)));
  if (!result.ok()) return Explain(result.error(), file);
  for (const ResultColumn& column : result->columns()) {
    report.columns.push_back({column.name,
                              column.type,
                              column.engine_type,
                              1.0,
                              "type declared in the Parquet file",
                              {}});
  }
  auto sample = result->FetchAll();
  if (!sample.ok()) return Explain(sample.error(), file);
  report.sample = std::move(*sample);
  report.sampled_rows = report.sample.row_count;
  return report;
}

Status CreateTableFromParquet(Connection& connection, const SourceFile& file,
                              const std::string& table, const CancelToken& cancel,
                              const ProgressFn& progress) {
  const Status status = ExecuteWatched(
      connection,
      fmt::format("CREATE TABLE {} AS SELECT * FROM {}", QuoteIdentifier(table), ReadCall(file)),
      cancel, progress);
  if (!status.ok()) return Explain(status.error(), file);
  return {};
}

}  // namespace pika
