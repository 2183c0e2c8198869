// Node names double as table names in SQL: they must be plain identifiers, unique in the
// graph regardless of case (DuckDB folds unquoted identifiers).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace pika::canvas {

// Why `name` cannot name a node, or OK: letters, digits and '_', not starting with a digit,
// at most 63 characters, not a SQL keyword that would need quoting.
Status CheckNodeName(std::string_view name);

// "Flights 2024!" -> "Flights_2024"; never empty, never starting with a digit.
std::string SanitizeNodeName(std::string_view wanted);

// `base`, or `base_2`, `base_3`... the first that `taken` says is free.
std::string UniqueNodeName(std::string_view base,
                           const std::function<bool(std::string_view)>& taken);

}  // namespace pika::canvas
