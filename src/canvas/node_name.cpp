#include "canvas/node_name.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace pika::canvas {

namespace {

constexpr size_t kMaxNameLength = 63;

// Reserved words a user is likely to type as a name; as identifiers they would need quotes.
constexpr std::array<std::string_view, 24> kReserved = {
    "select", "from", "where", "group", "order", "by",    "join",  "on",
    "as",     "and",  "or",    "not",   "null",  "table", "limit", "having",
    "union",  "with", "case",  "when",  "then",  "else",  "end",   "distinct"};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Status CheckNodeName(std::string_view name) {
  if (name.empty()) return InvalidInput("a node needs a name: queries refer to it by name");
  if (name.size() > kMaxNameLength)
    return InvalidInput(fmt::format("'{}' is longer than {} characters", name, kMaxNameLength));
  if (std::isdigit(static_cast<unsigned char>(name.front())))
    return InvalidInput(fmt::format("'{}' starts with a digit: start it with a letter", name));
  const auto bad = std::find_if_not(name.begin(), name.end(), IsWordChar);
  if (bad != name.end()) {
    return InvalidInput(fmt::format(
        "'{}' contains '{}': use letters, digits and '_' so queries can name it", name, *bad));
  }
  if (std::find(kReserved.begin(), kReserved.end(), Lower(name)) != kReserved.end())
    return InvalidInput(fmt::format("'{}' is an SQL keyword: choose another name", name));
  return {};
}

std::string SanitizeNodeName(std::string_view wanted) {
  std::string name;
  for (char c : wanted) {
    if (IsWordChar(c)) {
      name += c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) name = "t_" + name;
  if (name.size() > kMaxNameLength) name.resize(kMaxNameLength);
  if (!CheckNodeName(name).ok()) name += "_1";
  return name;
}

std::string UniqueNodeName(std::string_view base,
                           const std::function<bool(std::string_view)>& taken) {
  if (!taken(base)) return std::string(base);
  for (int suffix = 2;; ++suffix) {
    std::string candidate = fmt::format("{}_{}", base, suffix);
    if (!taken(candidate)) return candidate;
  }
}

}  // namespace pika::canvas
