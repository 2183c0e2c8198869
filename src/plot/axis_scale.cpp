// AxisScale: maps data values on one axis (linear, log, time, categorical) to [0, 1] and back.
#include "plot/axis_scale.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace pika {
namespace {

bool IsFinite(double value) { return std::fabs(value) <= std::numeric_limits<double>::max(); }

// Linear interpolation that survives spans beyond the double range (-1e308..1e308): both
// terms are halved before subtracting.
double Fraction(double value, double min, double max) {
  if (min == max) return 0.5;
  return (value * 0.5 - min * 0.5) / (max * 0.5 - min * 0.5);
}

double Lerp(double unit, double min, double max) {
  return min + unit * (max * 0.5 - min * 0.5) * 2.0;
}

}  // namespace

DataDomain FindDomain(std::span<const double> values, ScaleKind kind) {
  DataDomain domain;
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const double value : values) {
    if (!IsFinite(value)) {
      ++domain.non_finite_count;
    } else if (kind == ScaleKind::kLog && value <= 0) {
      ++domain.non_positive_count;
    } else {
      low = std::min(low, value);
      high = std::max(high, value);
    }
  }
  domain.has_data = low <= high;
  if (domain.has_data) {
    domain.min = low;
    domain.max = high;
  } else if (kind == ScaleKind::kLog) {
    domain.min = 1;
    domain.max = 10;
  }
  return domain;
}

AxisScale::AxisScale(ScaleKind kind, double min, double max, size_t category_count)
    : kind_(kind), min_(min), max_(max), category_count_(category_count) {}

AxisScale AxisScale::Linear(double min, double max) {
  return AxisScale(ScaleKind::kLinear, min, max, 0);
}

Result<AxisScale> AxisScale::Log(double min, double max) {
  if (!(IsFinite(min) && IsFinite(max) && min > 0 && max > 0)) {
    return InvalidInput("a log axis needs a domain above 0, got [" + std::to_string(min) + ", " +
                        std::to_string(max) + "]");
  }
  return AxisScale(ScaleKind::kLog, min, max, 0);
}

AxisScale AxisScale::Time(int64_t min_micros, int64_t max_micros) {
  return AxisScale(ScaleKind::kTime, static_cast<double>(min_micros),
                   static_cast<double>(max_micros), 0);
}

AxisScale AxisScale::Categorical(size_t count) {
  const size_t bands = std::max<size_t>(count, 1);
  return AxisScale(ScaleKind::kCategorical, 0, static_cast<double>(bands), bands);
}

double AxisScale::ToUnit(double value) const {
  switch (kind_) {
    case ScaleKind::kLinear:
    case ScaleKind::kTime: return Fraction(value, min_, max_);
    case ScaleKind::kLog:
      if (!(value > 0)) return std::numeric_limits<double>::quiet_NaN();
      return Fraction(std::log10(value), std::log10(min_), std::log10(max_));
    case ScaleKind::kCategorical: return (value + 0.5) / max_;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

double AxisScale::FromUnit(double unit) const {
  switch (kind_) {
    case ScaleKind::kLinear:
    case ScaleKind::kTime: return Lerp(unit, min_, max_);
    case ScaleKind::kLog: return std::pow(10.0, Lerp(unit, std::log10(min_), std::log10(max_)));
    case ScaleKind::kCategorical: return std::clamp(std::floor(unit * max_), 0.0, max_ - 1);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

double AxisScale::BandWidth() const { return kind_ == ScaleKind::kCategorical ? 1.0 / max_ : 0.0; }

}  // namespace pika
