// Where in the user's SQL an engine error points: DuckDB prints the offending line with a
// caret under the spot ("LINE 2: FROM flights WHER ...\n                    ^"); the editor
// wants a line and column to underline.
#pragma once

#include <optional>
#include <string_view>

namespace pika {

struct SqlPosition {
  int line = 1;       // 1-based
  int column = 1;     // 1-based, in bytes
  size_t offset = 0;  // 0-based byte offset into the statement
};

// The position `message` points at inside `sql`, when it points at one.
std::optional<SqlPosition> FindSqlErrorPosition(std::string_view message, std::string_view sql);

}  // namespace pika
