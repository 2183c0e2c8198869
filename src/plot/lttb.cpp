// LTTB: Largest-Triangle-Three-Buckets, a sample of a line that keeps its visual shape.
#include "plot/lttb.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>

namespace pika {

namespace {

bool IsFinite(double value) { return std::fabs(value) <= std::numeric_limits<double>::max(); }

// The points LTTB works on: every row, or a list of rows.
template <typename T>
struct AllRows {
  std::span<const T> x;
  std::span<const T> y;
  size_t size() const { return x.size(); }
  size_t Row(size_t i) const { return i; }
  double X(size_t i) const { return x[i]; }
  double Y(size_t i) const { return y[i]; }
};

template <typename T>
struct SomeRows {
  std::span<const T> x;
  std::span<const T> y;
  std::span<const size_t> rows;
  size_t size() const { return rows.size(); }
  size_t Row(size_t i) const { return rows[i]; }
  double X(size_t i) const { return x[rows[i]]; }
  double Y(size_t i) const { return y[rows[i]]; }
};

// Buckets split points [1, n - 1) evenly: bucket b is [Bound(b), Bound(b + 1)). Integer
// arithmetic: doubles lose the last bucket to rounding at 10^8 points.
struct Buckets {
  size_t n;
  size_t count;
  size_t Bound(size_t bucket) const {
    return 1 + static_cast<size_t>(uint64_t{bucket} * (n - 2) / count);
  }
};

template <typename Points>
void Mean(const Points& points, size_t begin, size_t end, double& x, double& y) {
  double sum_x = 0;
  double sum_y = 0;
  for (size_t i = begin; i < end; ++i) {
    sum_x += points.X(i);
    sum_y += points.Y(i);
  }
  const auto count = static_cast<double>(end - begin);
  x = sum_x / count;
  y = sum_y / count;
}

// The point of [begin, end) making the largest triangle with a and c; the first on ties or
// when every area is NaN (overflowing coordinates).
template <typename Points>
size_t LargestTriangle(const Points& points, size_t begin, size_t end, double a_x, double a_y,
                       double c_x, double c_y) {
  size_t best = begin;
  double best_area = -1;
  for (size_t i = begin; i < end; ++i) {
    const double area =
        std::fabs((a_x - c_x) * (points.Y(i) - a_y) - (a_x - points.X(i)) * (c_y - a_y));
    if (area > best_area) {
      best_area = area;
      best = i;
    }
  }
  return best;
}

// Requires 3 <= n_out < points.size().
template <typename Points>
void Select(const Points& points, size_t n_out, std::vector<size_t>& rows) {
  const size_t n = points.size();
  const Buckets buckets{n, n_out - 2};
  // Each bucket's choice depends on the one before, but the means it aims at do not: they are
  // found first, in parallel, and the serial pass reads each point once.
  std::vector<std::pair<double, double>> next_means(buckets.count);
  tbb::parallel_for(size_t{0}, buckets.count, [&](size_t bucket) {
    const bool last = bucket + 1 == buckets.count;
    Mean(points, last ? n - 1 : buckets.Bound(bucket + 1), last ? n : buckets.Bound(bucket + 2),
         next_means[bucket].first, next_means[bucket].second);
  });
  rows.push_back(points.Row(0));
  size_t a = 0;
  for (size_t bucket = 0; bucket < buckets.count; ++bucket) {
    const auto [c_x, c_y] = next_means[bucket];
    a = LargestTriangle(points, buckets.Bound(bucket), buckets.Bound(bucket + 1), points.X(a),
                        points.Y(a), c_x, c_y);
    rows.push_back(points.Row(a));
  }
  rows.push_back(points.Row(n - 1));
}

template <typename Points>
void SelectOrAll(const Points& points, size_t n_out, std::vector<size_t>& rows) {
  rows.clear();
  const size_t n = points.size();
  if (n <= n_out) {
    for (size_t i = 0; i < n; ++i) rows.push_back(points.Row(i));
  } else if (n_out == 1) {
    rows.push_back(points.Row(0));
  } else if (n_out == 2) {
    rows = {points.Row(0), points.Row(n - 1)};
  } else if (n_out > 2) {
    Select(points, n_out, rows);
  }
}

template <typename T>
bool AllFinite(std::span<const T> x, std::span<const T> y) {
  const size_t non_finite = tbb::parallel_reduce(
      tbb::blocked_range<size_t>(0, x.size(), size_t{1} << 16), size_t{0},
      [&](const tbb::blocked_range<size_t>& range, size_t count) {
        for (size_t row = range.begin(); row != range.end(); ++row) {
          count += !(IsFinite(x[row]) & IsFinite(y[row]));
        }
        return count;
      },
      std::plus<>());
  return non_finite == 0;
}

template <typename T>
void LttbOf(std::span<const T> x, std::span<const T> y, size_t n_out, std::vector<size_t>& rows) {
  if (AllFinite(x, y)) return SelectOrAll(AllRows<T>{x, y}, n_out, rows);
  // Rare: sample the finite rows only, so that the output still has exactly n_out rows.
  std::vector<size_t> finite;
  for (size_t row = 0; row < x.size(); ++row) {
    if (IsFinite(x[row]) && IsFinite(y[row])) finite.push_back(row);
  }
  SelectOrAll(SomeRows<T>{x, y, finite}, n_out, rows);
}

}  // namespace

void Lttb(std::span<const double> x, std::span<const double> y, size_t n_out,
          std::vector<size_t>& rows) {
  LttbOf(x, y, n_out, rows);
}

void Lttb(std::span<const float> x, std::span<const float> y, size_t n_out,
          std::vector<size_t>& rows) {
  LttbOf(x, y, n_out, rows);
}

void LttbOfRows(std::span<const double> x, std::span<const double> y,
                std::span<const size_t> candidates, size_t n_out, std::vector<size_t>& rows) {
  SelectOrAll(SomeRows<double>{x, y, candidates}, n_out, rows);
}

void LttbOfRows(std::span<const float> x, std::span<const float> y,
                std::span<const size_t> candidates, size_t n_out, std::vector<size_t>& rows) {
  SelectOrAll(SomeRows<float>{x, y, candidates}, n_out, rows);
}

}  // namespace pika
