// Tick number format: the shortest label text that tells neighbouring numeric ticks apart.
#include "plot/tick_number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace pika {
namespace {

// A double has at most 17 significant digits worth printing.
constexpr int kMaxDigits = 17;

int Exponent10(double value) {
  return value == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(value))));
}

// "-0.00" reads as a different number from "0.00": drop the sign when every digit is 0.
std::string DropNegativeZero(std::string text) {
  if (!text.empty() && text[0] == '-' && text.find_first_of("123456789", 1) == std::string::npos) {
    text.erase(0, 1);
  }
  return text;
}

// "2.500e+06" -> "2.5e6": trailing mantissa zeros, '+' and leading exponent zeros go.
std::string CompactScientific(std::string_view text) {
  const size_t e_pos = text.find('e');
  std::string mantissa(text.substr(0, e_pos));
  if (mantissa.find('.') != std::string::npos) {
    mantissa.erase(mantissa.find_last_not_of('0') + 1);
    if (mantissa.back() == '.') mantissa.pop_back();
  }
  if (e_pos == std::string_view::npos) return mantissa;
  const int exponent = std::stoi(std::string(text.substr(e_pos + 1)));
  if (exponent == 0) return mantissa;
  return DropNegativeZero(mantissa) + "e" + std::to_string(exponent);
}

std::string FormatFixed(double value, int decimals) {
  return DropNegativeZero(fmt::format("{:.{}f}", value, decimals));
}

std::string FormatScientific(double value, int precision) {
  if (value == 0) return "0";
  return CompactScientific(fmt::format("{:.{}e}", value, precision));
}

// Labels of all values at `extra` digits beyond what the step needs.
std::vector<std::string> FormatAll(std::span<const double> values, double step, int extra) {
  double magnitude = 0;
  for (const double value : values) magnitude = std::max(magnitude, std::fabs(value));
  const int step_exponent = Exponent10(step);
  std::vector<std::string> labels;
  labels.reserve(values.size());
  for (const double value : values) {
    if (UsesScientific(magnitude)) {
      const int precision = std::max(0, Exponent10(value) - step_exponent) + extra;
      labels.push_back(FormatScientific(value, std::min(precision, kMaxDigits)));
    } else {
      labels.push_back(FormatFixed(value, std::clamp(-step_exponent + extra, 0, 340)));
    }
  }
  return labels;
}

bool AllDistinct(const std::vector<std::string>& labels) {
  return std::set<std::string>(labels.begin(), labels.end()).size() == labels.size();
}

}  // namespace

bool UsesScientific(double magnitude) {
  return magnitude >= kScientificAbove || (magnitude > 0 && magnitude < kScientificBelow);
}

std::vector<std::string> FormatTickLabels(std::span<const double> values, double step) {
  std::vector<std::string> labels = FormatAll(values, step, 0);
  for (int extra = 1; extra <= kMaxDigits && !AllDistinct(labels); ++extra) {
    labels = FormatAll(values, step, extra);
  }
  return labels;
}

std::string FormatShortest(double value) {
  if (value == 0) return "0";
  char buffer[64];
  const auto format =
      UsesScientific(std::fabs(value)) ? std::chars_format::scientific : std::chars_format::fixed;
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, format).ptr;
  return CompactScientific(std::string_view(buffer, static_cast<size_t>(end - buffer)));
}

}  // namespace pika
