// ClickHouse over its HTTP interface (libcurl): the form every ClickHouse since 18.16 (the
// Debian 12 package) answers. Results come as TSVWithNamesAndTypes, gzip-compressed.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "remote/remote_client.h"

namespace pika {

Result<std::unique_ptr<RemoteClient>> ConnectClickHouse(const RemoteSource& source,
                                                        const std::string& password,
                                                        const RemoteOptions& options);

// The message of a ClickHouse error body, without its code, stack and exception class:
// "Code: 60, e.displayText() = DB::Exception: Table default.t doesn't exist., e.what() = ..."
// (18.16) and "Code: 60. DB::Exception: Table default.t does not exist. (UNKNOWN_TABLE) ..."
// (current) both give "Table default.t doesn't exist" and code 60.
struct ClickHouseError {
  int code = 0;
  std::string message;
};
ClickHouseError ParseClickHouseError(std::string_view body);

// Rows of a TSVWithNamesAndTypes body: names, then types, then values with TSV escapes
// (\t, \n, \\, \N for NULL). An empty body (a statement without rows) has no columns.
Result<TableBatch> ParseClickHouseTsv(std::string_view body);

}  // namespace pika
