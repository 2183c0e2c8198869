// Small readers for DuckDB's JSON parse trees (json_serialize_sql), shared by the rewriters.
#pragma once

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

namespace pika::parse_tree {

// The string at `key`, or "" when missing or not a string ("type" is an object in places).
inline std::string Text(const nlohmann::json& node, const char* key) {
  const auto found = node.find(key);
  return found != node.end() && found->is_string() ? found->get<std::string>() : std::string();
}

inline std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace pika::parse_tree
