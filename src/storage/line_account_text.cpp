#include "storage/line_account_text.h"

#include <fmt/format.h>

#include <utility>

namespace pika {

std::string LineSumText(const LineAccount& lines, uint64_t imported) {
  std::string text = fmt::format("{} = {} header + {} rows{}", lines.records, lines.header,
                                 lines.rows, imported == lines.rows ? "" : " (read, not imported)");
  const std::pair<uint64_t, std::string_view> others[] = {{lines.rejected, "rejected"},
                                                          {lines.preamble, "preamble"},
                                                          {lines.blank, "blank"},
                                                          {lines.comment, "comment"}};
  for (const auto& [count, name] : others) {
    if (count > 0) text += fmt::format(" + {} {}", count, name);
  }
  return text;
}

std::string PreambleText(const LineAccount& lines) {
  if (lines.preamble == 0) return {};
  std::string text = fmt::format("{} preamble line{} skipped ({}):", lines.preamble,
                                 lines.preamble == 1 ? "" : "s", lines.preamble_reason);
  for (size_t index = 0; index < lines.preamble_text.size(); ++index)
    text += fmt::format("{} '{}'", index == 0 ? "" : ",", lines.preamble_text[index]);
  if (lines.preamble > lines.preamble_text.size()) text += ", …";
  return text;
}

}  // namespace pika
