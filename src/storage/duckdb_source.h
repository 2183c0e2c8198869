// Tables of a DuckDB database file (the pika.duckdb that `pika import` writes, or anyone's)
// as sources: the file is attached read-only, once per engine, and a table is read from it
// in place (a view) or copied. DuckDB lets one program write a database file at a time, so
// a file another program is writing is refused with a message that says so.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"
#include "storage/import_report.h"
#include "storage/source_file.h"

namespace pika {

// A table as DuckDbTables names it (`name` or `schema.name`), quoted for SQL inside its
// database: "schema"."name", with `main` when no schema is given.
std::string DuckDbTableSql(const std::string& table);

// The tables of the database at `path`, in order: `name`, or `schema.name` outside `main`.
Result<std::vector<std::string>> DuckDbTables(Connection& connection, const std::string& path);

// The same from an engine of its own, for a caller without one (the app, deciding what
// nodes a dropped database makes). Empty when `path` is not a DuckDB database.
Result<std::vector<std::string>> ListDuckDbTables(const std::string& path);

// The table of `file` that `wanted` names (any case), or its only table when `wanted` is
// empty; a wrong or missing choice lists the tables there are.
Result<std::string> ResolveDuckDbTable(Connection& connection, const SourceFile& file,
                                       const std::string& wanted);

// Columns (as declared) and the first rows of `table` (as ResolveDuckDbTable names it).
Result<InspectReport> InspectDuckDbTable(Connection& connection, const SourceFile& file,
                                         const std::string& table);

// `target` as a view over `table` of `file` (read in place), or as a copy of its rows.
Status CreateFromDuckDbTable(Connection& connection, const SourceFile& file,
                             const std::string& table, const std::string& target, bool in_place);

}  // namespace pika
