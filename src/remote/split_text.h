// Text cut at a separator, empty parts kept: a URL's path, a TSV line's fields.
#pragma once

#include <string_view>
#include <vector>

namespace pika {

inline std::vector<std::string_view> SplitText(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

}  // namespace pika
