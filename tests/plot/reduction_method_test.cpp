// Tests of the choice of reduction and of the badge text that describes it.
#include "plot/reduction_method.h"

#include <gtest/gtest.h>

namespace pika {
namespace {

ReductionRequest Request(uint64_t rows, PlotKind kind) {
  ReductionRequest request;
  request.rows_in_view = rows;
  request.pixel_width = 1920;
  request.pixel_height = 1080;
  request.kind = kind;
  return request;
}

TEST(ReductionMethod, FewRowsAreDrawnExactly) {
  const ReductionDescription choice = ChooseReduction(Request(12'345, PlotKind::kScatter));
  EXPECT_EQ(choice.method, ReductionMethod::kRaw);
  EXPECT_EQ(choice.fidelity, Fidelity::kExact);
  EXPECT_EQ(choice.rows_represented, 12'345u);
  EXPECT_EQ(Describe(choice), "exact: 12,345 points");
}

TEST(ReductionMethod, RawPointCapIsInclusiveAndConfigurable) {
  EXPECT_EQ(ChooseReduction(Request(250'000, PlotKind::kScatter)).method, ReductionMethod::kRaw);
  EXPECT_EQ(ChooseReduction(Request(250'001, PlotKind::kScatter)).method,
            ReductionMethod::kDensity);
  ReductionRequest request = Request(1'000'000, PlotKind::kScatter);
  request.raw_point_cap = 2'000'000;
  EXPECT_EQ(ChooseReduction(request).method, ReductionMethod::kRaw);
}

TEST(ReductionMethod, ManyScatterRowsBecomeAPixelExactDensity) {
  const ReductionDescription choice = ChooseReduction(Request(10'000'000, PlotKind::kScatter));
  EXPECT_EQ(choice.method, ReductionMethod::kDensity);
  EXPECT_EQ(choice.fidelity, Fidelity::kPixelExactAggregate);
  EXPECT_EQ(choice.rows_represented, 10'000'000u);
  EXPECT_EQ(Describe(choice), "density of 10,000,000 rows (pixel-exact counts)");
}

TEST(ReductionMethod, ManyLineRowsBecomeM4) {
  const ReductionDescription choice = ChooseReduction(Request(100'000'000, PlotKind::kLine));
  EXPECT_EQ(choice.method, ReductionMethod::kM4);
  EXPECT_EQ(choice.fidelity, Fidelity::kPixelExactAggregate);
  EXPECT_EQ(Describe(choice), "min/max of 100,000,000 rows (pixel-exact line)");
}

TEST(ReductionMethod, SmoothLinesAreSampledWithLttbAndSaySo) {
  ReductionRequest request = Request(5'000'000, PlotKind::kLine);
  request.smooth_line = true;
  const ReductionDescription choice = ChooseReduction(request);
  EXPECT_EQ(choice.method, ReductionMethod::kLttb);
  EXPECT_EQ(choice.fidelity, Fidelity::kSampled);
  EXPECT_EQ(choice.target_points, 3840u);
  EXPECT_EQ(choice.rows_represented, 3840u);
  EXPECT_EQ(Describe(choice), "sample: 3,840 of 5,000,000 rows (LTTB)");
}

TEST(ReductionMethod, NoRowsIsAnExactEmptyPlot) {
  EXPECT_EQ(Describe(ChooseReduction(Request(0, PlotKind::kLine))), "exact: 0 points");
}

TEST(ReductionMethod, ThousandsSeparatorsGroupByThree) {
  EXPECT_EQ(WithThousands(0), "0");
  EXPECT_EQ(WithThousands(999), "999");
  EXPECT_EQ(WithThousands(1000), "1,000");
  EXPECT_EQ(WithThousands(18446744073709551615ull), "18,446,744,073,709,551,615");
}

}  // namespace
}  // namespace pika
