#include "storage/file_importer.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>

#include "storage/compressed_stream.h"
#include "storage/csv_inspector.h"
#include "storage/csv_read_call.h"
#include "storage/csv_records.h"
#include "storage/drop_relation.h"
#include "storage/duckdb_source.h"
#include "storage/file_access.h"
#include "storage/in_place_view.h"
#include "storage/parquet_source.h"
#include "storage/reject_reader.h"
#include "storage/scratch_copy.h"
#include "storage/sql_quote.h"
#include "storage/text_encoding.h"
#include "storage/watched_query.h"

namespace pika {

namespace {

constexpr double kInspectShare = 0.05;  // of the progress bar

int64_t CountOf(Connection& connection, const std::string& sql, Status& status) {
  auto result = connection.Query(sql);
  if (!result.ok()) {
    status = result.error();
    return 0;
  }
  auto batch = result->FetchAll();
  if (!batch.ok()) {
    status = batch.error();
    return 0;
  }
  return batch->columns[0].IntAt(0);
}

Status CheckTableName(Connection& connection, const ImportRequest& request,
                      const std::string& table) {
  Status status;
  const int64_t existing = CountOf(
      connection,
      // Only this database's: an attached database file's tables are not in the way.
      fmt::format("SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = {0} AND NOT "
                  "temporary AND database_name = current_database()) + (SELECT count(*) FROM "
                  "duckdb_views() WHERE view_name = {0} AND NOT internal AND NOT temporary AND "
                  "database_name = current_database())",
                  QuoteLiteral(table)),
      status);
  PIKA_TRY(status);
  if (existing > 0 && !request.replace) {
    return InvalidInput(fmt::format(
        "a table named '{}' already exists: choose another name (--table) or replace it "
        "(--replace)",
        table));
  }
  return {};
}

// A transaction that rolls back unless committed, so no path leaves half a table behind.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  ~Transaction() {
    if (open_) (void)connection_.Execute("ROLLBACK");
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Begin() {
    PIKA_TRY(connection_.Execute("BEGIN TRANSACTION"));
    open_ = true;
    return {};
  }
  Status Commit() {
    open_ = false;
    return connection_.Execute("COMMIT");
  }

 private:
  Connection& connection_;
  bool open_ = false;
};

ProgressFn Scaled(const ProgressFn& progress, double from, double to) {
  if (!progress) return {};
  return [progress, from, to](double fraction) { progress(from + (to - from) * fraction); };
}

struct Attempt {
  uint64_t rows = 0;
  Rejects rejects;
};

// What a CSV import selects: every column, or the requested ones as the file names them.
Result<std::string> SelectList(const InspectReport& inspect, const std::string& path,
                               const std::vector<std::string>& requested) {
  if (requested.empty()) return std::string("*");
  std::vector<std::string> names, selected;
  for (const ColumnReport& column : inspect.columns) names.push_back(column.name);
  for (const std::string& wanted : requested) {
    const auto found = std::find_if(names.begin(), names.end(), [&](const std::string& name) {
      return SameIdentifier(name, wanted);
    });
    if (found == names.end()) {
      return InvalidInput(fmt::format("'{}' has no column '{}'; its columns are: {}", path, wanted,
                                      fmt::join(names, ", ")));
    }
    const std::string quoted = QuoteIdentifier(*found);
    if (std::find(selected.begin(), selected.end(), quoted) == selected.end())
      selected.push_back(quoted);
  }
  return fmt::format("{}", fmt::join(selected, ", "));
}

Result<Attempt> CreateFromCsv(Connection& connection, const SourceFile& file,
                              const InspectReport& inspect, const std::string& select,
                              const std::string& table, bool replace, const CancelToken& cancel,
                              const ProgressFn& progress) {
  static std::atomic<uint64_t> counter{0};
  const uint64_t id = counter.fetch_add(1);
  const CsvReadCall call{file.path, inspect.dialect, ColumnTypes(inspect),
                         fmt::format("pika_import_rejects_{}", id),
                         fmt::format("pika_import_scan_{}", id)};
  if (replace) {
    PIKA_TRY(DropTableOrView(connection, table));
  }
  const Status created = ExecuteWatched(connection,
                                        fmt::format("CREATE TABLE {} AS SELECT {} FROM {}",
                                                    QuoteIdentifier(table), select, call.Sql()),
                                        cancel, progress);
  if (!created.ok()) {
    DropRejects(connection, call.rejects_table, call.rejects_scan);
    return created.error();
  }
  Attempt attempt;
  Status status;
  attempt.rows = static_cast<uint64_t>(
      CountOf(connection, fmt::format("SELECT count(*) FROM {}", QuoteIdentifier(table)), status));
  PIKA_TRY(status);
  auto rejects = ReadRejects(connection, file, call.rejects_table, inspect.dialect.newline,
                             kMaxReportedRejects);
  DropRejects(connection, call.rejects_table, call.rejects_scan);
  if (!rejects.ok()) return rejects.error();
  attempt.rejects = std::move(*rejects);
  return attempt;
}

// Columns where some value could not be converted become text; returns their names.
std::vector<std::string> WidenFailedColumns(InspectReport& inspect, const Rejects& rejects) {
  std::vector<std::string> widened;
  for (ColumnReport& column : inspect.columns) {
    if (rejects.cast_failures.count(column.name) == 0) continue;
    column.type = ColumnType::kVarchar;
    column.engine_type = "VARCHAR";
    column.explanation += "; read as text because some values did not fit";
    widened.push_back(column.name);
  }
  return widened;
}

// What the whole file showed beyond the sample: lower confidence, more counterexamples.
void MergeFullFileFindings(const Rejects& rejects, uint64_t total_rows,
                           std::vector<ColumnReport>& columns) {
  for (ColumnReport& column : columns) {
    const auto failures = rejects.cast_failures.find(column.name);
    if (failures == rejects.cast_failures.end() || total_rows == 0) continue;
    const double fit =
        1.0 - static_cast<double>(failures->second) / static_cast<double>(total_rows);
    column.confidence = std::min(column.confidence, fit);
    if (column.counterexamples.empty()) {
      column.counterexamples = rejects.cast_examples.at(column.name);
    }
  }
}

ImportReport MakeReport(const std::string& table, const InspectReport& inspect,
                        const Attempt& attempt) {
  ImportReport report;
  report.table = table;
  report.dialect = inspect.dialect;
  report.columns = inspect.columns;
  report.rows = attempt.rows;
  report.rejected = attempt.rejects.rows;
  report.rejects = attempt.rejects.first;
  MergeFullFileFindings(attempt.rejects, attempt.rows + attempt.rejects.rows, report.columns);
  return report;
}

std::string WidenNote(const std::vector<std::string>& widened) {
  std::string names;
  for (const std::string& name : widened) names += (names.empty() ? "'" : ", '") + name + "'";
  return fmt::format("read as text because some values did not fit their type: {}", names);
}

std::string Breakdown(const LineAccount& lines) {
  return fmt::format("{} header, {} rows, {} rejected, {} preamble, {} blank, {} comment",
                     lines.header, lines.rows, lines.rejected, lines.preamble, lines.blank,
                     lines.comment);
}

// A file read as one column often has a delimiter the sniffer did not see: say how to set it,
// and that the first line became the column's name.
std::string OneColumnNote(const InspectReport& inspect) {
  std::string note =
      "read as one column: no delimiter splits every line into the same fields (set the "
      "delimiter if there is one)";
  if (inspect.dialect.header) {
    note += fmt::format(
        "; its first line is the column's name '{}' (read it as data with no "
        "header)",
        inspect.columns[0].name);
  }
  return note;
}

// Puts every record of the file in one category, counted apart from DuckDB. A line that is in
// none would be a row lost in silence: the import is refused as our own bug instead.
Result<LineAccount> AccountForLines(CsvRecords counted, const InspectReport& inspect,
                                    const Attempt& attempt, const std::string& path) {
  LineAccount lines;
  lines.counted = true;
  lines.records = counted.records;
  lines.preamble = counted.preamble;
  lines.header = counted.header;
  lines.rows = attempt.rows;
  lines.rejected = attempt.rejects.rows;
  // With one column an empty line is a missing value: a row, not a blank line.
  lines.blank = inspect.columns.size() == 1 ? 0 : counted.blank;
  lines.comment = counted.comment;
  lines.preamble_text = std::move(counted.preamble_text);
  if (lines.preamble > 0) {
    lines.preamble_reason = fmt::format(
        "{} not split into the table's {} columns and {} before its {}",
        lines.preamble == 1 ? "it does" : "they do", inspect.columns.size(),
        lines.preamble == 1 ? "comes" : "come", inspect.dialect.header ? "header" : "first row");
  }
  if (lines.accounted() != lines.records) {
    return Internal(fmt::format(
        "importing '{}' would not account for every line: the file has {} lines (records), but "
        "{} are rows or skipped lines ({}). Nothing was imported. This is a bug in Pika-Plot: "
        "please report it with the file",
        path, lines.records, lines.accounted(), Breakdown(lines)));
  }
  return lines;
}

// What an import reads: the file, or a copy in UTF-8 when DuckDB cannot read its encoding,
// or with one kind of line ending when its endings are mixed; and the types inferred from it.
struct ReadableCsv {
  InspectReport inspect;
  std::optional<ScratchCopy> transcoded, one_newline;
  std::string encoding;  // the file's own, also when a UTF-8 copy is read
  std::string encoding_note;

  const SourceFile& source(const SourceFile& file) const {
    return one_newline ? one_newline->file() : transcoded ? transcoded->file() : file;
  }
};

// The encoding the user set, or the one the file's bytes give away, and a copy in UTF-8 when
// DuckDB does not read that one.
Status ReadEncoding(Connection& connection, const SourceFile& file, ImportOptions& options,
                    ReadableCsv& readable, const CancelToken& cancel) {
  std::string encoding = options.encoding;
  if (encoding.empty()) {
    EncodingGuess guess = GuessEncoding(file);
    encoding = guess.encoding;
    if (!guess.reason.empty()) {
      readable.encoding_note = fmt::format("read as {}: {}", guess.encoding, guess.reason);
    }
  }
  options.encoding = readable.encoding = encoding;
  if (DuckDbReadsEncoding(encoding)) return {};
  auto copy = WriteScratchCopy(connection, file, [&](const std::string& target) {
    return TranscodeToUtf8(file, encoding, target, cancel);
  });
  if (!copy.ok()) return copy.error();
  readable.transcoded.emplace(std::move(*copy));
  options.encoding = "utf-8";
  return {};
}

Result<ReadableCsv> InferReadable(Connection& connection, const SourceFile& file,
                                  ImportOptions options, const CancelToken& cancel) {
  ReadableCsv readable;
  PIKA_TRY(ReadEncoding(connection, file, options, readable, cancel));
  const SourceFile& text = readable.source(file);
  auto inspect = InferCsv(connection, text, options, cancel);
  if (!inspect.ok()) return inspect.error();
  if (inspect->dialect.strict || inspect->dialect.encoding.starts_with("utf-16")) {
    readable.inspect = std::move(*inspect);
    return readable;
  }
  auto copy = WriteScratchCopy(connection, text, [&](const std::string& target) {
    return WriteWithUnixNewlines(text, inspect->dialect, target, cancel);
  });
  if (!copy.ok()) return copy.error();
  auto again = InferCsv(connection, copy->file(), options, cancel);
  if (!again.ok()) return again.error();
  readable.inspect = std::move(*again);
  readable.one_newline.emplace(std::move(*copy));
  return readable;
}

constexpr const char* kMixedNewlinesNote =
    "line endings were mixed (\\n, \\r\\n, \\r): each was read as the end of a line";

// The report of an import, naming the file as the user gave it, not a scratch copy of it.
Result<ImportReport> ReportOn(const SourceFile& file, const ReadableCsv& readable,
                              const std::string& table, const Attempt& attempt,
                              CsvRecords counted) {
  auto lines = AccountForLines(std::move(counted), readable.inspect, attempt, file.path);
  if (!lines.ok()) return lines.error();
  ImportReport report = MakeReport(table, readable.inspect, attempt);
  report.lines = std::move(*lines);
  report.dialect.compression = file.compression;
  report.dialect.encoding = readable.encoding;
  return report;
}

// What the import decided for the user, in words.
void AddNotes(ImportReport& report, const ReadableCsv& readable,
              const std::vector<std::string>& widened) {
  if (!readable.encoding_note.empty()) report.notes.push_back(readable.encoding_note);
  if (readable.one_newline) report.notes.push_back(kMixedNewlinesNote);
  if (!widened.empty()) report.notes.push_back(WidenNote(widened));
  if (readable.inspect.columns.size() == 1) report.notes.push_back(OneColumnNote(readable.inspect));
  if (report.rejected > 0) {
    report.notes.push_back(fmt::format(
        "{} rows were not imported; they are listed with their line numbers", report.rejected));
  }
}

Result<ImportResult> ImportCsv(Connection& connection, const SourceFile& file,
                               const ImportRequest& request, const std::string& table,
                               const CancelToken& cancel, const ProgressFn& progress) {
  auto readable = InferReadable(connection, file, request.options, cancel);
  if (!readable.ok()) return readable.error();
  const SourceFile& source = readable->source(file);
  InspectReport& inspect = readable->inspect;
  inspect.dialect.compression = source.compression;
  if (progress) progress(kInspectShare);
  auto select = SelectList(inspect, file.path, request.columns);
  if (!select.ok()) return select.error();
  // Our own count of the file's lines runs beside DuckDB's read of it.
  auto counting = std::async(std::launch::async, [&source, &cancel, dialect = inspect.dialect] {
    return CountCsvRecords(source, dialect, cancel);
  });
  Transaction transaction(connection);
  PIKA_TRY(transaction.Begin());
  const ProgressFn reading = Scaled(progress, kInspectShare, 1.0);
  auto attempt =
      CreateFromCsv(connection, source, inspect, *select, table, request.replace, cancel, reading);
  // The count reads the whole stream: a damaged .gz/.zst is refused here, with that reason,
  // although DuckDB read what it could of it without a word.
  auto counted = counting.get();
  if (!counted.ok()) return counted.error();
  if (!attempt.ok()) return attempt.error();
  const BadRowPolicy policy = request.options.bad_rows;
  if (attempt->rejects.rows > 0 && policy == BadRowPolicy::kAbort) {
    auto report = ReportOn(file, *readable, table, *attempt, std::move(*counted));
    if (!report.ok()) return report.error();
    report->rows = 0;
    return ImportResult{ImportOutcome::kStoppedOnBadRows, std::move(*report)};  // rolls back
  }
  std::vector<std::string> widened;
  if (!attempt->rejects.cast_failures.empty() && policy == BadRowPolicy::kText) {
    widened = WidenFailedColumns(inspect, attempt->rejects);
    PIKA_TRY(connection.Execute(fmt::format("DROP TABLE {}", QuoteIdentifier(table))));
    attempt = CreateFromCsv(connection, source, inspect, *select, table, false, cancel, reading);
    if (!attempt.ok()) return attempt.error();
  }
  auto report = ReportOn(file, *readable, table, *attempt, std::move(*counted));
  if (!report.ok()) return report.error();
  PIKA_TRY(transaction.Commit());
  AddNotes(*report, *readable, widened);
  return ImportResult{ImportOutcome::kImported, std::move(*report)};
}

// A source whose types are declared (Parquet, a DuckDB table): `create` makes `table` in the
// same transaction as the drop of the one it replaces and the count of its rows.
Result<ImportResult> ImportDeclared(Connection& connection, const std::string& table, bool replace,
                                    const Result<InspectReport>& inspect,
                                    const std::function<Status()>& create) {
  if (!inspect.ok()) return inspect.error();
  Transaction transaction(connection);
  PIKA_TRY(transaction.Begin());
  if (replace) {
    PIKA_TRY(DropTableOrView(connection, table));
  }
  PIKA_TRY(create());
  Status status;
  Attempt attempt;
  attempt.rows = static_cast<uint64_t>(
      CountOf(connection, fmt::format("SELECT count(*) FROM {}", QuoteIdentifier(table)), status));
  PIKA_TRY(status);
  PIKA_TRY(transaction.Commit());
  return ImportResult{ImportOutcome::kImported, MakeReport(table, *inspect, attempt)};
}

Result<ImportResult> ImportParquet(Connection& connection, const SourceFile& file,
                                   const std::string& table, bool replace, bool in_place,
                                   const CancelToken& cancel, const ProgressFn& progress) {
  return ImportDeclared(connection, table, replace, InspectParquet(connection, file), [&] {
    return in_place ? CreateInPlaceView(connection, table, file.path)
                    : CreateTableFromParquet(connection, file, table, cancel, progress);
  });
}

Result<ImportResult> ImportDuckDbTable(Connection& connection, const SourceFile& file,
                                       const std::string& source, const std::string& table,
                                       const ImportRequest& request) {
  return ImportDeclared(connection, table, request.replace,
                        InspectDuckDbTable(connection, file, source), [&] {
                          return CreateFromDuckDbTable(connection, file, source, table,
                                                       request.options.read_in_place);
                        });
}

}  // namespace

std::string TableNameForFile(const std::string& path) {
  std::string stem = std::filesystem::path(path).filename().string();
  for (std::string_view suffix : {".gz", ".zst", ".csv", ".tsv", ".txt", ".parquet", ".pq"}) {
    if (stem.size() > suffix.size() && stem.ends_with(suffix)) {
      stem.resize(stem.size() - suffix.size());
    }
  }
  std::string name;
  for (char c : stem) {
    name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  }
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) name.insert(0, "t_");
  return name;
}

Result<InspectReport> InspectFile(Connection& connection, const std::string& path,
                                  const ImportOptions& options, const CancelToken& cancel) {
  PIKA_TRY(CheckEngineMayRead(connection, path));
  auto file = OpenSourceFile(path);
  if (!file.ok()) return file.error();
  if (file->format == FileFormat::kParquet) return InspectParquet(connection, *file);
  if (file->format == FileFormat::kDuckDb) {
    auto table = ResolveDuckDbTable(connection, *file, options.database_table);
    if (!table.ok()) return table.error();
    return InspectDuckDbTable(connection, *file, *table);
  }
  PIKA_TRY(CheckCompressedStreamComplete(*file));
  ImportOptions readable_options = options;
  ReadableCsv readable;
  PIKA_TRY(ReadEncoding(connection, *file, readable_options, readable, cancel));
  auto report = InspectCsv(connection, readable.source(*file), readable_options, cancel);
  if (report.ok()) {
    report->dialect.encoding = readable.encoding;  // the file's, not its UTF-8 copy's
    report->dialect.compression = file->compression;
  }
  return report;
}

Result<ImportResult> ImportFile(Connection& connection, const ImportRequest& request,
                                const CancelToken& cancel, const ProgressFn& progress) {
  PIKA_TRY(CheckEngineMayRead(connection, request.path));
  auto file = OpenSourceFile(request.path);
  if (!file.ok()) return file.error();
  std::string source_table;  // of a DuckDB database file: also the default name
  if (file->format == FileFormat::kDuckDb) {
    auto resolved = ResolveDuckDbTable(connection, *file, request.options.database_table);
    if (!resolved.ok()) return resolved.error();
    source_table = *resolved;
  }
  const std::string table = !request.table.empty() ? request.table
                            : source_table.empty() ? TableNameForFile(request.path)
                                                   : TableNameForFile(source_table);
  PIKA_TRY(CheckTableName(connection, request, table));
  if (file->format == FileFormat::kParquet) {
    return ImportParquet(connection, *file, table, request.replace, request.options.read_in_place,
                         cancel, progress);
  }
  if (file->format == FileFormat::kDuckDb)
    return ImportDuckDbTable(connection, *file, source_table, table, request);
  return ImportCsv(connection, *file, request, table, cancel, progress);
}

}  // namespace pika
