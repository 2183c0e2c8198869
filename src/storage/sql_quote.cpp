#include "storage/sql_quote.h"

#include <algorithm>
#include <cctype>

namespace pika {

namespace {

std::string QuoteWith(std::string_view text, char quote) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back(quote);
  for (char c : text) {
    if (c == quote) out.push_back(quote);
    out.push_back(c);
  }
  out.push_back(quote);
  return out;
}

}  // namespace

std::string QuoteIdentifier(std::string_view name) { return QuoteWith(name, '"'); }
std::string QuoteLiteral(std::string_view text) { return QuoteWith(text, '\''); }

std::string QuoteFileLiteral(std::string_view path) {
  std::string escaped;
  escaped.reserve(path.size());
  for (char c : path) {
    if (c == '*' || c == '?' || c == '[') {
      escaped += {'[', c, ']'};
    } else {
      escaped.push_back(c);
    }
  }
  return QuoteLiteral(escaped);
}

bool SameIdentifier(std::string_view a, std::string_view b) {
  return std::ranges::equal(
      a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

}  // namespace pika
