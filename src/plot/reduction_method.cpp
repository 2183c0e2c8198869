// Reduction method: which reduction a plot uses for a view, and the honest badge describing it.
#include "plot/reduction_method.h"

#include <fmt/format.h>

#include <algorithm>

namespace pika {

namespace {

ReductionDescription Described(ReductionMethod method, Fidelity fidelity, uint64_t represented,
                               uint64_t in_view) {
  return {method, fidelity, represented, in_view, 0};
}

ReductionDescription ChooseLine(const ReductionRequest& request) {
  const uint64_t rows = request.rows_in_view;
  if (!request.smooth_line) {
    return Described(ReductionMethod::kM4, Fidelity::kPixelExactAggregate, rows, rows);
  }
  const uint64_t target =
      std::max<uint64_t>(3, uint64_t{request.pixel_width} * request.lttb_points_per_pixel);
  if (target >= rows) return Described(ReductionMethod::kRaw, Fidelity::kExact, rows, rows);
  ReductionDescription description =
      Described(ReductionMethod::kLttb, Fidelity::kSampled, target, rows);
  description.target_points = target;
  return description;
}

}  // namespace

ReductionDescription ChooseReduction(const ReductionRequest& request) {
  const uint64_t rows = request.rows_in_view;
  if (rows <= request.raw_point_cap || request.pixel_width == 0 || request.pixel_height == 0) {
    return Described(ReductionMethod::kRaw, Fidelity::kExact, rows, rows);
  }
  if (request.kind == PlotKind::kLine) return ChooseLine(request);
  return Described(ReductionMethod::kDensity, Fidelity::kPixelExactAggregate, rows, rows);
}

std::string WithThousands(uint64_t value) {
  const std::string digits = fmt::format("{}", value);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string Describe(const ReductionDescription& description) {
  const std::string in_view = WithThousands(description.rows_in_view);
  switch (description.method) {
    case ReductionMethod::kRaw: return fmt::format("exact: {} points", in_view);
    case ReductionMethod::kDensity:
      return fmt::format("density of {} rows (pixel-exact counts)", in_view);
    case ReductionMethod::kM4: return fmt::format("min/max of {} rows (pixel-exact line)", in_view);
    case ReductionMethod::kLttb:
      return fmt::format("sample: {} of {} rows (LTTB)",
                         WithThousands(description.rows_represented), in_view);
  }
  return {};
}

}  // namespace pika
