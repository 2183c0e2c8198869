#include "compute/sql_error_position.h"

#include <string>
#include <vector>

namespace pika {

namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + 1;
  }
}

}  // namespace

std::optional<SqlPosition> FindSqlErrorPosition(std::string_view message, std::string_view sql) {
  const size_t marker = message.find("LINE ");
  if (marker == std::string_view::npos) return std::nullopt;
  const size_t colon = message.find(": ", marker);
  const size_t line_end = message.find('\n', marker);
  if (colon == std::string_view::npos || line_end == std::string_view::npos || colon > line_end)
    return std::nullopt;
  int line = 0;
  for (size_t i = marker + 5; i < colon; ++i) {
    if (message[i] < '0' || message[i] > '9') return std::nullopt;
    line = line * 10 + (message[i] - '0');
  }
  const size_t caret_line_end = message.find('\n', line_end + 1);
  const std::string_view caret_line = message.substr(line_end + 1, caret_line_end - line_end - 1);
  const size_t caret = caret_line.find('^');
  const size_t text_start = colon + 2;
  if (caret == std::string_view::npos || caret < text_start - marker) return std::nullopt;
  // The caret counts from the start of "LINE n: "; long lines are shown cut, with "...".
  std::string_view shown = message.substr(text_start, line_end - text_start);
  size_t column_in_shown = caret - (text_start - marker);
  if (shown.starts_with("...")) {
    shown.remove_prefix(3);
    column_in_shown = column_in_shown >= 3 ? column_in_shown - 3 : 0;
  }
  if (shown.ends_with("...")) shown.remove_suffix(3);
  const std::vector<std::string_view> lines = Lines(sql);
  if (line < 1 || static_cast<size_t>(line) > lines.size()) return std::nullopt;
  const std::string_view source_line = lines[static_cast<size_t>(line) - 1];
  const size_t shown_at = source_line.find(shown.substr(0, std::min<size_t>(shown.size(), 40)));
  const size_t column = (shown_at == std::string_view::npos ? 0 : shown_at) + column_in_shown;
  size_t offset = 0;
  for (int i = 0; i + 1 < line; ++i) offset += lines[static_cast<size_t>(i)].size() + 1;
  const size_t clamped = std::min(column, source_line.size());
  return SqlPosition{line, static_cast<int>(clamped) + 1, offset + clamped};
}

}  // namespace pika
