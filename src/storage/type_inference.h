// Type inference: picks a column type from a ColumnProfile, with a confidence and a reason.
#pragma once

#include <string>
#include <vector>

#include "core/column_type.h"
#include "storage/column_profile.h"

namespace pika {

// How numbers are written in the file. DuckDB reads one style per file.
struct NumberStyle {
  char decimal = '.';
  char thousands = '\0';  // '\0': none
};

struct InferredColumn {
  std::string name;
  ColumnType type = ColumnType::kVarchar;
  double confidence = 0.0;  // in [0, 1]: share of sampled values that fit, lowered if unsure
  std::string date_format;  // DuckDB strptime format for a non-ISO DATE/TIMESTAMP column
  std::string explanation;  // why this type, in words a user can check
};

struct InferredSchema {
  std::vector<InferredColumn> columns;
  NumberStyle number_style;
  std::string date_format;              // file-wide DuckDB dateformat, empty for ISO
  std::string timestamp_format;         // file-wide DuckDB timestampformat, empty for ISO
  std::vector<std::string> null_words;  // extra words read as NULL (NA, N/A...)
};

// Share of values that must fit a type before we choose it over text.
inline constexpr double kTypedFitThreshold = 0.95;

InferredSchema InferSchema(const std::vector<std::string>& names,
                           const std::vector<ColumnProfile>& profiles, char delimiter);

}  // namespace pika
