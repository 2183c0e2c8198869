// Tick number format: the shortest label text that tells neighbouring numeric ticks apart.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace pika {

// Plain ASCII throughout. Magnitudes >= 1e6 or < 1e-4 (0 aside) are written in scientific
// notation as "<mantissa>e<exponent>" with no '+' and no leading exponent zeros: "1e6",
// "2.5e-5", "-1.2e12". Others are fixed-point. A label is never "-0".
inline constexpr double kScientificAbove = 1e6;
inline constexpr double kScientificBelow = 1e-4;

// Labels for evenly spaced ticks `step` apart: fixed-point ticks share one number of
// decimals ("0.0", "0.5", "1.0"); scientific mantissas drop trailing zeros. Digits are added
// until all labels are distinct (up to what a double can tell apart).
std::vector<std::string> FormatTickLabels(std::span<const double> values, double step);

// The shortest text that reads back as `value`, in the style above ("100", "0.002", "1e-5").
std::string FormatShortest(double value);

// True when labels for numbers of this magnitude are written in scientific notation.
bool UsesScientific(double magnitude);

}  // namespace pika
