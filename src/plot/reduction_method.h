// Reduction method: which reduction a plot uses for a view, and the honest badge describing it.
#pragma once

#include <cstdint>
#include <string>

namespace pika {

enum class PlotKind { kScatter, kLine };

enum class ReductionMethod {
  kRaw,      // every row in view is drawn
  kDensity,  // 2-D binning into a count grid (scatter)
  kM4,       // first/last/min/max per pixel column (line)
  kLttb,     // a shape-preserving sample (line, when a smooth look is asked for)
};

enum class Fidelity {
  kExact,                // every row is drawn as itself
  kPixelExactAggregate,  // every row counts; at this resolution the picture is the raw one
  kSampled,              // some rows are not drawn
};

struct ReductionRequest {
  uint64_t rows_in_view = 0;
  uint32_t pixel_width = 0;
  uint32_t pixel_height = 0;
  PlotKind kind = PlotKind::kScatter;
  uint64_t raw_point_cap = 250'000;  // up to this many rows are drawn as they are
  bool smooth_line = false;          // lines: LTTB instead of M4
  uint32_t lttb_points_per_pixel = 2;
};

struct ReductionDescription {
  ReductionMethod method = ReductionMethod::kRaw;
  Fidelity fidelity = Fidelity::kExact;
  uint64_t rows_represented = 0;  // rows whose values shape the picture
  uint64_t rows_in_view = 0;
  uint64_t target_points = 0;  // LTTB's sample size, 0 for the other methods
};

ReductionDescription ChooseReduction(const ReductionRequest& request);

// The badge text: "exact: 12,345 points", "density of 10,000,000 rows (pixel-exact counts)".
std::string Describe(const ReductionDescription& description);

// 1234567 -> "1,234,567".
std::string WithThousands(uint64_t value);

}  // namespace pika
