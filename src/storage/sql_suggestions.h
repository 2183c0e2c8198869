// DuckDB's grammar- and catalog-aware completions for the SQL typed so far (keywords, tables,
// columns, functions), for the query editor.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace pika {

// At most `limit` words that may follow `text_before_cursor`, the likeliest first.
Result<std::vector<std::string>> SqlSuggestions(Connection& connection,
                                                std::string_view text_before_cursor, size_t limit);

}  // namespace pika
