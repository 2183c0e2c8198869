// A Query node over remote tables runs on their server. Its SQL names its inputs as nodes;
// each such name in a table position (after FROM or JOIN, or after a comma in a FROM list)
// becomes the server's SQL for that input, aliased by the node's name so that qualified
// columns (points.x) still resolve. Strings, comments, columns and every other name are left
// as written. ClickHouse 18.16 has no WITH name AS (subquery), hence the rewrite.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace pika {

// `tables`: node names in lower case → the server's SQL for their rows (a quoted table, or
// a SELECT in parentheses).
std::string RemoteQuerySql(std::string_view sql, const std::map<std::string, std::string>& tables);

}  // namespace pika
