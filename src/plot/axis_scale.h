// AxisScale: maps data values on one axis (linear, log, time, categorical) to [0, 1] and back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/result.h"

namespace pika {

enum class ScaleKind {
  kLinear,       // value -> (value - min) / (max - min)
  kLog,          // base 10; the domain must be > 0
  kTime,         // microseconds since the Unix epoch, UTC (TIMESTAMP in core/table_batch.h)
  kCategorical,  // category i of N sits at the centre of band i: (i + 0.5) / N
};

// The range of the usable values of a column, and what was left out and why.
struct DataDomain {
  double min = 0;
  double max = 1;
  bool has_data = false;          // false: no usable value, min/max are a default
  size_t non_finite_count = 0;    // NaN (NULL) and infinities: ignored
  size_t non_positive_count = 0;  // log only: values <= 0 cannot be placed on the axis
};

// Scans values for the domain a scale of `kind` can show. Without usable values the domain
// is [0, 1] ([1, 10] for log) and has_data is false.
DataDomain FindDomain(std::span<const double> values, ScaleKind kind);

class AxisScale {
 public:
  // min == max is allowed: every value then maps to 0.5.
  static AxisScale Linear(double min, double max);
  // Fails when min or max is not finite and > 0 (a log axis cannot show 0 or less).
  static Result<AxisScale> Log(double min, double max);
  static AxisScale Time(int64_t min_micros, int64_t max_micros);
  // Needs count >= 1; 0 is treated as 1 so that the mapping stays defined.
  static AxisScale Categorical(size_t count);

  // The position in [0, 1] of a value inside the domain (outside it: < 0 or > 1). Log: NaN
  // for values <= 0. Categorical: the value is the category index.
  double ToUnit(double value) const;
  // The inverse of ToUnit. Categorical: the index of the band holding `unit`, clamped.
  double FromUnit(double unit) const;

  ScaleKind kind() const { return kind_; }
  double min() const { return min_; }
  double max() const { return max_; }
  size_t category_count() const { return category_count_; }
  // The width of one category band in unit coordinates; 0 for other kinds.
  double BandWidth() const;

 private:
  AxisScale(ScaleKind kind, double min, double max, size_t category_count);

  ScaleKind kind_;
  double min_;
  double max_;
  size_t category_count_;
};

}  // namespace pika
