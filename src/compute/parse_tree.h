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

// node[key] when the node has it, else null: DuckDB leaves fields at their defaults out (a
// NULL constant has no "value"), and a const json's operator[] on a missing key is undefined.
inline const nlohmann::json& At(const nlohmann::json& node, const char* key) {
  static const nlohmann::json kNull;
  if (!node.is_object()) return kNull;
  const auto found = node.find(key);
  return found == node.end() ? kNull : *found;
}

// node[index] when the node is an array that long, else null.
inline const nlohmann::json& Item(const nlohmann::json& node, size_t index) {
  static const nlohmann::json kNull;
  return node.is_array() && index < node.size() ? node[index] : kNull;
}

inline std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace pika::parse_tree
