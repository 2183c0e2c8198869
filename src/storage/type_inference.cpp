#include "storage/type_inference.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "storage/date_formats.h"
#include "storage/value_shape.h"

namespace pika {

namespace {

struct StyleMasks {
  NumberStyle style;
  uint8_t integer;
  uint8_t number;  // integers and decimals
  std::string_view words;
};

constexpr std::array<StyleMasks, 4> kStyles{{
    {{'.', '\0'}, kPlainInteger, kPlainInteger | kDotDecimal, ""},
    {{'.', ','},
     kPlainInteger | kCommaGroupedInteger,
     kPlainInteger | kCommaGroupedInteger | kDotDecimal | kDotDecimalCommaGroups,
     " with ',' as thousands separator"},
    {{',', '\0'}, kPlainInteger, kPlainInteger | kCommaDecimal, " with a decimal comma"},
    {{',', '.'},
     kPlainInteger | kDotGroupedInteger,
     kPlainInteger | kDotGroupedInteger | kCommaDecimal | kCommaDecimalDotGroups,
     " with a decimal comma and '.' as thousands separator"},
}};

uint64_t CountShapes(const ColumnProfile& profile, uint8_t mask) {
  uint64_t count = 0;
  for (size_t shape = 1; shape < profile.number_shapes.size(); ++shape) {
    if (shape == kLeadingZero) continue;
    if ((shape & mask) != 0) count += profile.number_shapes[shape];
  }
  return count;
}

// Values that count for typing: null words are read as missing.
uint64_t Typed(const ColumnProfile& profile) {
  uint64_t words = 0;
  for (const auto& [word, count] : profile.null_words) words += count;
  return profile.values - words;
}

const StyleMasks& ChooseNumberStyle(const std::vector<ColumnProfile>& profiles, char delimiter) {
  // Each style scores the values it reads as numbers; plain style wins ties.
  const StyleMasks* best = &kStyles[0];
  uint64_t best_score = 0;
  for (const StyleMasks& style : kStyles) {
    if (style.style.decimal == delimiter) continue;
    uint64_t score = 0;
    for (const ColumnProfile& profile : profiles) score += CountShapes(profile, style.number);
    if (score > best_score) {
      best = &style;
      best_score = score;
    }
  }
  return *best;
}

struct Candidate {
  ColumnType type;
  uint64_t fits;
  size_t date_index = 0;
  size_t time_index = 0;
  bool iso = true;
};

Candidate BestDate(const ColumnProfile& profile) {
  Candidate best{ColumnType::kDate, 0};
  for (size_t d = 0; d < kDateFormatCount; ++d) {
    if (profile.dates[d] > best.fits) best = {ColumnType::kDate, profile.dates[d], d, 0, d == 0};
  }
  return best;
}

Candidate BestTimestamp(const ColumnProfile& profile) {
  // ISO timestamps (and bare ISO dates) cast natively, whatever their precision.
  Candidate best{ColumnType::kTimestamp, profile.iso_timestamps + profile.dates[0]};
  if (profile.iso_timestamps == 0) best.fits = 0;
  for (size_t d = 0; d < kDateFormatCount; ++d) {
    for (size_t t = 0; t < kTimeFormatCount; ++t) {
      if (profile.timestamps[d][t] > best.fits) {
        best = {ColumnType::kTimestamp, profile.timestamps[d][t], d, t, false};
      }
    }
  }
  return best;
}

std::string FormatOf(const Candidate& candidate) {
  if (candidate.iso) return {};
  std::string format(DateFormats()[candidate.date_index].duckdb_format);
  if (candidate.type == ColumnType::kTimestamp) format += TimeFormats()[candidate.time_index];
  return format;
}

// Share of values that read the same with day and month swapped: 1 when none rules either out.
bool DayMonthAmbiguous(const ColumnProfile& profile, const Candidate& date) {
  const auto formats = DateFormats();
  const DateFormat& chosen = formats[date.date_index];
  if (!chosen.day_first && !chosen.month_first) return false;
  for (size_t other = 0; other < formats.size(); ++other) {
    const DateFormat& swapped = formats[other];
    const bool is_mirror = swapped.day_first != chosen.day_first &&
                           swapped.month_first != chosen.month_first &&
                           (swapped.day_first || swapped.month_first);
    if (is_mirror && profile.dates[other] == date.fits) return true;
  }
  return false;
}

std::string Percent(uint64_t part, uint64_t whole) {
  return fmt::format(
      "{:.1f}%", whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

InferredColumn Decide(const std::string& name, const ColumnProfile& profile,
                      const StyleMasks& style) {
  InferredColumn column{name};
  const uint64_t typed = Typed(profile);
  if (typed == 0) {
    column.explanation = "no values in the sample: read as text";
    return column;
  }
  const uint64_t leading_zero = profile.number_shapes[kLeadingZero];
  const uint64_t integers = CountShapes(profile, style.integer);
  if (leading_zero > 0 && static_cast<double>(leading_zero + integers) >=
                              kTypedFitThreshold * static_cast<double>(typed)) {
    column.confidence = static_cast<double>(leading_zero + integers) / static_cast<double>(typed);
    column.explanation =
        fmt::format("codes with leading zeros (e.g. '{}'): kept as text so the zeros survive",
                    profile.leading_zero_example);
    return column;
  }
  std::array<Candidate, 5> candidates{{
      {ColumnType::kBoolean, profile.booleans},
      {ColumnType::kBigint, integers},
      {ColumnType::kDouble, CountShapes(profile, style.number)},
      BestDate(profile),
      BestTimestamp(profile),
  }};
  // Most values fit wins; on a tie the earlier (narrower) type.
  const Candidate best =
      *std::max_element(candidates.begin(), candidates.end(),
                        [](const Candidate& a, const Candidate& b) { return a.fits < b.fits; });
  const double fit = static_cast<double>(best.fits) / static_cast<double>(typed);
  if (fit < kTypedFitThreshold) {
    column.confidence = 1.0 - fit;
    column.explanation =
        fit < 0.5 ? "text"
                  : fmt::format("text: only {} of values read as {}{}", Percent(best.fits, typed),
                                ToDuckDbName(best.type),
                                profile.text_example.empty()
                                    ? " in one format"
                                    : fmt::format(" (e.g. '{}' does not)", profile.text_example));
    return column;
  }
  column.type = best.type;
  column.confidence = fit;
  column.date_format = FormatOf(best);
  switch (best.type) {
    case ColumnType::kBoolean:
      column.explanation =
          fmt::format("{} of values are true/false or yes/no words", Percent(best.fits, typed));
      break;
    case ColumnType::kBigint:
    case ColumnType::kDouble:
      column.explanation =
          fmt::format("{} of values are {}{}", Percent(best.fits, typed),
                      best.type == ColumnType::kBigint ? "whole numbers" : "numbers", style.words);
      break;
    default: {
      const DateFormat& format = DateFormats()[best.date_index];
      column.explanation = fmt::format("{} of values are {} like {}", Percent(best.fits, typed),
                                       best.type == ColumnType::kDate ? "dates" : "timestamps",
                                       best.iso ? std::string_view("2000-01-31") : format.example);
      if (best.type == ColumnType::kDate && DayMonthAmbiguous(profile, best)) {
        column.confidence *= 0.6;
        column.explanation += format.day_first
                                  ? "; no value rules out month-first, day-first assumed"
                                  : "; no value rules out day-first, month-first assumed";
      }
    }
  }
  if (!profile.null_words.empty()) {
    std::string words;
    for (const auto& [word, count] : profile.null_words) {
      words += fmt::format("{}'{}'", words.empty() ? "" : ", ", word);
    }
    column.explanation += fmt::format("; {} read as missing", words);
  }
  return column;
}

// DuckDB takes one date and one timestamp format per file: a column that needs another one
// is read as text, and says so.
void ResolveFileFormats(InferredSchema& schema) {
  for (ColumnType type : {ColumnType::kDate, ColumnType::kTimestamp}) {
    std::string& file_format =
        type == ColumnType::kDate ? schema.date_format : schema.timestamp_format;
    bool first = true;
    for (InferredColumn& column : schema.columns) {
      if (column.type != type) continue;
      if (first) {
        file_format = column.date_format;
        first = false;
      } else if (column.date_format != file_format) {
        column.type = ColumnType::kVarchar;
        column.explanation +=
            fmt::format("; kept as text: its format differs from another {} column's in this file",
                        ToDuckDbName(type));
      }
    }
  }
}

}  // namespace

InferredSchema InferSchema(const std::vector<std::string>& names,
                           const std::vector<ColumnProfile>& profiles, char delimiter) {
  InferredSchema schema;
  const StyleMasks& style = ChooseNumberStyle(profiles, delimiter);
  schema.number_style = style.style;
  std::set<std::string> null_words;
  for (size_t index = 0; index < names.size(); ++index) {
    schema.columns.push_back(Decide(names[index], profiles[index], style));
    if (schema.columns.back().type == ColumnType::kVarchar) continue;
    for (const auto& [word, count] : profiles[index].null_words) null_words.insert(word);
  }
  schema.null_words.assign(null_words.begin(), null_words.end());
  ResolveFileFormats(schema);
  return schema;
}

}  // namespace pika
