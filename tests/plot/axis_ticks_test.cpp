// Tests of axis scales, nice linear ticks, log ticks and tick number labels.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "plot/axis_scale.h"
#include "plot/log_ticks.h"
#include "plot/nice_ticks.h"
#include "plot/tick_number_format.h"

namespace pika {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<double> Values(const NumericTicks& ticks) {
  std::vector<double> values;
  for (const NumericTick& tick : ticks.ticks) values.push_back(tick.value);
  return values;
}

std::vector<std::string> Labels(const NumericTicks& ticks) {
  std::vector<std::string> labels;
  for (const NumericTick& tick : ticks.ticks) labels.push_back(tick.label);
  return labels;
}

bool Distinct(const std::vector<std::string>& labels) {
  return std::set<std::string>(labels.begin(), labels.end()).size() == labels.size();
}

TEST(AxisScale, LinearMapsToUnitAndBack) {
  const AxisScale scale = AxisScale::Linear(10, 20);
  EXPECT_DOUBLE_EQ(scale.ToUnit(10), 0);
  EXPECT_DOUBLE_EQ(scale.ToUnit(15), 0.5);
  EXPECT_DOUBLE_EQ(scale.ToUnit(20), 1);
  EXPECT_DOUBLE_EQ(scale.FromUnit(0.25), 12.5);
}

TEST(AxisScale, LinearSurvivesSpanBeyondDoubleRange) {
  const double max = std::numeric_limits<double>::max();
  const AxisScale scale = AxisScale::Linear(-max, max);
  EXPECT_DOUBLE_EQ(scale.ToUnit(0), 0.5);
  EXPECT_DOUBLE_EQ(scale.FromUnit(1), max);
}

TEST(AxisScale, SingleValueMapsToCentre) {
  EXPECT_DOUBLE_EQ(AxisScale::Linear(3, 3).ToUnit(3), 0.5);
}

TEST(AxisScale, LogMapsDecadesEvenly) {
  const Result<AxisScale> scale = AxisScale::Log(1, 1000);
  ASSERT_TRUE(scale.ok());
  EXPECT_NEAR(scale->ToUnit(10), 1.0 / 3, 1e-12);
  EXPECT_NEAR(scale->FromUnit(2.0 / 3), 100, 1e-9);
  EXPECT_TRUE(std::isnan(scale->ToUnit(0)));
  EXPECT_TRUE(std::isnan(scale->ToUnit(-5)));
}

TEST(AxisScale, LogRejectsNonPositiveDomain) {
  EXPECT_FALSE(AxisScale::Log(0, 10).ok());
  EXPECT_FALSE(AxisScale::Log(-1, 10).ok());
  EXPECT_FALSE(AxisScale::Log(1, kInf).ok());
  EXPECT_EQ(AxisScale::Log(-1, 10).error().kind, ErrorKind::kInvalidInput);
}

TEST(AxisScale, TimeMapsMicroseconds) {
  const AxisScale scale = AxisScale::Time(0, 86'400'000'000);
  EXPECT_DOUBLE_EQ(scale.ToUnit(43'200'000'000.0), 0.5);
  EXPECT_EQ(scale.kind(), ScaleKind::kTime);
}

TEST(AxisScale, CategoriesSitAtBandCentres) {
  const AxisScale scale = AxisScale::Categorical(4);
  EXPECT_DOUBLE_EQ(scale.ToUnit(0), 0.125);
  EXPECT_DOUBLE_EQ(scale.ToUnit(3), 0.875);
  EXPECT_DOUBLE_EQ(scale.BandWidth(), 0.25);
  EXPECT_DOUBLE_EQ(scale.FromUnit(0.3), 1);
  EXPECT_DOUBLE_EQ(scale.FromUnit(1.0), 3);  // the right edge belongs to the last band
  EXPECT_DOUBLE_EQ(scale.FromUnit(-0.2), 0);
}

TEST(AxisScale, FindDomainSkipsNullsInfinitiesAndReportsNonPositiveForLog) {
  const std::vector<double> values{kNaN, -3, 0, 2, kInf, 50, -kInf};
  const DataDomain linear = FindDomain(values, ScaleKind::kLinear);
  EXPECT_TRUE(linear.has_data);
  EXPECT_EQ(linear.min, -3);
  EXPECT_EQ(linear.max, 50);
  EXPECT_EQ(linear.non_finite_count, 3u);
  const DataDomain log = FindDomain(values, ScaleKind::kLog);
  EXPECT_EQ(log.min, 2);
  EXPECT_EQ(log.non_positive_count, 2u);
}

TEST(AxisScale, FindDomainWithoutDataIsDefault) {
  const std::vector<double> values{kNaN, kNaN};
  const DataDomain domain = FindDomain(values, ScaleKind::kLinear);
  EXPECT_FALSE(domain.has_data);
  EXPECT_EQ(domain.min, 0);
  EXPECT_EQ(domain.max, 1);
  EXPECT_EQ(FindDomain({}, ScaleKind::kLog).max, 10);
}

TEST(NiceTicks, RoundStepsForPlainDomain) {
  const NumericTicks ticks = NiceTicks(0, 10);
  EXPECT_EQ(Values(ticks), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"0", "2", "4", "6", "8", "10"}));
  EXPECT_EQ(ticks.step, 2);
}

TEST(NiceTicks, DecimalsMatchStep) {
  const NumericTicks ticks = NiceTicks(0, 1);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
}

TEST(NiceTicks, TicksStayInsideDomainWithoutExtension) {
  const NumericTicks ticks = NiceTicks(0.13, 0.97);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"0.2", "0.4", "0.6", "0.8"}));
  EXPECT_EQ(ticks.min, 0.13);
  EXPECT_EQ(ticks.max, 0.97);
}

TEST(NiceTicks, ExtendedDomainEndsOnTicks) {
  const NumericTicks ticks = NiceTicks(0.13, 0.97, {.target_count = 5, .extend_domain = true});
  EXPECT_DOUBLE_EQ(ticks.min, 0.0);
  EXPECT_DOUBLE_EQ(ticks.max, 1.0);
  EXPECT_EQ(ticks.ticks.front().value, ticks.min);
  EXPECT_EQ(ticks.ticks.back().value, ticks.max);
}

TEST(NiceTicks, AnExtendedDomainNeverDwarfsTheData) {
  // Data from a standard normal sample: [-50, 50] once won because its three ticks were as
  // near the target as [-6, 6]'s seven; the data then filled a tenth of the axis.
  for (int target = 2; target <= 12; ++target) {
    const NumericTicks ticks = NiceTicks(-4.81525, 4.92029, {target, /*extend_domain=*/true});
    EXPECT_LE(ticks.max - ticks.min, 1.5 * (4.92029 + 4.81525)) << "target " << target;
  }
}

TEST(NiceTicks, NoNegativeZero) {
  const NumericTicks ticks = NiceTicks(-1, 1);
  for (const NumericTick& tick : ticks.ticks) {
    EXPECT_NE(tick.label, "-0.0");
    EXPECT_FALSE(std::signbit(tick.value) && tick.value == 0);
  }
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"-1.0", "-0.5", "0.0", "0.5", "1.0"}));
}

TEST(NiceTicks, SingleValueGetsSymmetricDomain) {
  const NumericTicks ticks = NiceTicks(5, 5);
  EXPECT_DOUBLE_EQ(ticks.min, 4.5);
  EXPECT_DOUBLE_EQ(ticks.max, 5.5);
  EXPECT_GE(ticks.ticks.size(), 2u);
  EXPECT_TRUE(ticks.has_data);
  const NumericTicks zero = NiceTicks(0, 0);
  EXPECT_EQ(zero.min, -1);
  EXPECT_EQ(zero.max, 1);
}

TEST(NiceTicks, AllNullGivesDefaultDomainAndNoDataFlag) {
  const std::vector<double> values{kNaN, kNaN, kInf};
  const NumericTicks ticks = NiceTicksOf(values);
  EXPECT_FALSE(ticks.has_data);
  EXPECT_EQ(ticks.min, 0);
  EXPECT_EQ(ticks.max, 1);
  EXPECT_GE(ticks.ticks.size(), 2u);
  EXPECT_FALSE(NiceTicksOf(std::vector<double>{}).has_data);
  EXPECT_FALSE(NiceTicks(kNaN, 1).has_data);
}

TEST(NiceTicks, IgnoresInfinitiesInData) {
  const std::vector<double> values{kInf, 3, -kInf, 7, kNaN};
  const NumericTicks ticks = NiceTicksOf(values);
  EXPECT_TRUE(ticks.has_data);
  EXPECT_EQ(ticks.min, 3);
  EXPECT_EQ(ticks.max, 7);
}

TEST(NiceTicks, HugeRangeGivesFewTicks) {
  const NumericTicks ticks = NiceTicks(1e-300, 1e300);
  EXPECT_GE(ticks.ticks.size(), 2u);
  EXPECT_LE(ticks.ticks.size(), 11u);
  EXPECT_TRUE(Distinct(Labels(ticks)));
  EXPECT_EQ(ticks.ticks.front().label, "2e299");
}

TEST(NiceTicks, WholeDoubleRange) {
  const double max = std::numeric_limits<double>::max();
  const NumericTicks ticks = NiceTicks(-max, max, {.target_count = 2, .extend_domain = true});
  EXPECT_GE(ticks.ticks.size(), 2u);
  for (const NumericTick& tick : ticks.ticks) EXPECT_TRUE(std::isfinite(tick.value));
  EXPECT_TRUE(std::isfinite(ticks.min));
  EXPECT_TRUE(std::isfinite(ticks.max));
}

TEST(NiceTicks, TinyRangeHasDistinctLabels) {
  const NumericTicks ticks = NiceTicks(1.0, 1.0 + 1e-12);
  EXPECT_GE(ticks.ticks.size(), 2u);
  EXPECT_TRUE(Distinct(Labels(ticks)));
  EXPECT_EQ(ticks.ticks.front().label.size(), std::string("1.0000000000002").size());
}

TEST(NiceTicks, RangeBelowDoublePrecisionIsWidened) {
  const double next = std::nextafter(1.0, 2.0);
  const NumericTicks ticks = NiceTicks(1.0, next);
  EXPECT_GE(ticks.ticks.size(), 2u);
  EXPECT_TRUE(Distinct(Labels(ticks)));
  EXPECT_LT(ticks.min, 1.0);
}

TEST(NiceTicks, ScientificLabelsForLargeAndSmallMagnitudes) {
  EXPECT_EQ(Labels(NiceTicks(0, 4e6)), (std::vector<std::string>{"0", "1e6", "2e6", "3e6", "4e6"}));
  EXPECT_EQ(Labels(NiceTicks(1e6, 2e6)),
            (std::vector<std::string>{"1e6", "1.2e6", "1.4e6", "1.6e6", "1.8e6", "2e6"}));
  EXPECT_EQ(Labels(NiceTicks(0, 9e-5)),
            (std::vector<std::string>{"0", "2e-5", "4e-5", "6e-5", "8e-5"}));
  EXPECT_EQ(Labels(NiceTicks(-2.5e-5, 0)).front(), "-2.5e-5");
}

TEST(TickNumberFormat, ShortestLabels) {
  EXPECT_EQ(FormatShortest(0), "0");
  EXPECT_EQ(FormatShortest(-0.0), "0");
  EXPECT_EQ(FormatShortest(100), "100");
  EXPECT_EQ(FormatShortest(0.002), "0.002");
  EXPECT_EQ(FormatShortest(1e6), "1e6");
  EXPECT_EQ(FormatShortest(2.5e-5), "2.5e-5");
  EXPECT_EQ(FormatShortest(-1.5e12), "-1.5e12");
}

TEST(LogTicks, DecadesWithTwosAndFivesWhenFew) {
  const Result<NumericTicks> ticks = LogTicks(1, 100, 6);
  ASSERT_TRUE(ticks.ok());
  EXPECT_EQ(Labels(*ticks), (std::vector<std::string>{"1", "2", "5", "10", "20", "50", "100"}));
  EXPECT_FALSE(ticks->ticks[0].minor);
  EXPECT_TRUE(ticks->ticks[1].minor);
}

TEST(LogTicks, EveryDecadeWhenTheyFit) {
  const Result<NumericTicks> ticks = LogTicks(0.001, 1000, 7);
  ASSERT_TRUE(ticks.ok());
  EXPECT_EQ(Labels(*ticks),
            (std::vector<std::string>{"0.001", "0.01", "0.1", "1", "10", "100", "1000"}));
}

TEST(LogTicks, EveryKthDecadeWhenMany) {
  const Result<NumericTicks> ticks = LogTicks(1e-100, 1e100, 5);
  ASSERT_TRUE(ticks.ok());
  EXPECT_GE(ticks->ticks.size(), 2u);
  EXPECT_LE(ticks->ticks.size(), 5u);
  EXPECT_EQ(ticks->ticks.front().label, "1e-100");
  for (const NumericTick& tick : ticks->ticks) EXPECT_FALSE(tick.minor);
}

TEST(LogTicks, InsideOneDecadeFallsBackToLinear) {
  const Result<NumericTicks> ticks = LogTicks(2, 8, 5);
  ASSERT_TRUE(ticks.ok());
  EXPECT_GE(ticks->ticks.size(), 2u);
  for (const NumericTick& tick : ticks->ticks) {
    EXPECT_GE(tick.value, 2);
    EXPECT_LE(tick.value, 8);
  }
}

TEST(LogTicks, SingleValueWidensByADecade) {
  const Result<NumericTicks> ticks = LogTicks(5, 5, 5);
  ASSERT_TRUE(ticks.ok());
  EXPECT_DOUBLE_EQ(ticks->min, 0.5);
  EXPECT_DOUBLE_EQ(ticks->max, 50);
  EXPECT_GE(ticks->ticks.size(), 2u);
}

TEST(LogTicks, NonPositiveDomainIsAnErrorNotACrash) {
  EXPECT_FALSE(LogTicks(0, 10).ok());
  EXPECT_FALSE(LogTicks(-5, -1).ok());
  EXPECT_FALSE(LogTicks(kNaN, 10).ok());
}

TEST(LogTicks, NonPositiveDataIsReportedAndSkipped) {
  const std::vector<double> values{-1, 0, 10, 1000, kNaN};
  const DataDomain domain = FindDomain(values, ScaleKind::kLog);
  EXPECT_EQ(domain.non_positive_count, 2u);
  const NumericTicks ticks = LogTicks(domain);
  EXPECT_TRUE(ticks.has_data);
  EXPECT_EQ(ticks.ticks.front().value, 10);
  EXPECT_EQ(ticks.ticks.back().value, 1000);
}

TEST(LogTicks, AllNonPositiveGivesDefaultDecade) {
  const std::vector<double> values{-1, 0, kNaN};
  const NumericTicks ticks = LogTicks(FindDomain(values, ScaleKind::kLog));
  EXPECT_FALSE(ticks.has_data);
  EXPECT_EQ(ticks.min, 1);
  EXPECT_EQ(ticks.max, 10);
  EXPECT_GE(ticks.ticks.size(), 2u);
}

// A finite double, spread over many magnitudes.
rc::Gen<double> AnyMagnitude() {
  return rc::gen::map(
      rc::gen::tuple(rc::gen::inRange(-1000000, 1000000), rc::gen::inRange(-30, 30)),
      [](const std::tuple<int, int>& parts) {
        return std::get<0>(parts) * std::pow(10.0, std::get<1>(parts));
      });
}

void CheckLinearTicks(double min, double max, int target, bool extend) {
  const NumericTicks ticks = NiceTicks(min, max, {.target_count = target, .extend_domain = extend});
  const std::vector<double> values = Values(ticks);
  RC_ASSERT(values.size() >= 2u);
  RC_ASSERT(values.size() <= static_cast<size_t>(2 * target + 1));
  RC_ASSERT(ticks.min <= std::min(min, max));
  RC_ASSERT(ticks.max >= std::max(min, max));
  for (size_t tick_idx = 0; tick_idx < values.size(); ++tick_idx) {
    RC_ASSERT(values[tick_idx] >= ticks.min);
    RC_ASSERT(values[tick_idx] <= ticks.max);
    if (tick_idx == 0) continue;
    RC_ASSERT(values[tick_idx] > values[tick_idx - 1]);
    const double gap = values[tick_idx] - values[tick_idx - 1];
    // i * step rounds to the precision of the values, not of the step.
    const double magnitude = std::max(std::fabs(values.front()), std::fabs(values.back()));
    RC_ASSERT(std::fabs(gap - ticks.step) <= ticks.step * 1e-9 + magnitude * 1e-15);
  }
  RC_ASSERT(Distinct(Labels(ticks)));
  for (const std::string& label : Labels(ticks)) {
    RC_ASSERT(!(label[0] == '-' && label.find_first_of("123456789") == std::string::npos));
  }
}

RC_GTEST_PROP(NiceTicksProperty, InsideIncreasingEvenAndDistinct, ()) {
  const double a = *AnyMagnitude();
  const double b = *AnyMagnitude();
  const int target = *rc::gen::inRange(2, 12);
  CheckLinearTicks(a, b, target, *rc::gen::arbitrary<bool>());
}

RC_GTEST_PROP(NiceTicksProperty, NarrowRangesAroundLargeValues, ()) {
  const double centre = *AnyMagnitude();
  const double width = std::fabs(centre) * std::pow(10.0, -*rc::gen::inRange(0, 16));
  CheckLinearTicks(centre, centre + width, *rc::gen::inRange(2, 12), *rc::gen::arbitrary<bool>());
}

RC_GTEST_PROP(LogTicksProperty, InsideIncreasingAndDistinct, ()) {
  const double a = std::pow(10.0, *rc::gen::inRange(-3000, 3000) / 10.0);
  const double b = std::pow(10.0, *rc::gen::inRange(-3000, 3000) / 10.0);
  const int target = *rc::gen::inRange(2, 12);
  const Result<NumericTicks> ticks = LogTicks(a, b, target);
  RC_ASSERT(ticks.ok());
  const std::vector<double> values = Values(*ticks);
  RC_ASSERT(values.size() >= 2u);
  RC_ASSERT(values.size() <= static_cast<size_t>(2 * target + 1));
  for (size_t tick_idx = 0; tick_idx < values.size(); ++tick_idx) {
    RC_ASSERT(values[tick_idx] > 0);
    RC_ASSERT(values[tick_idx] >= ticks->min);
    RC_ASSERT(values[tick_idx] <= ticks->max);
    if (tick_idx > 0) RC_ASSERT(values[tick_idx] > values[tick_idx - 1]);
  }
  RC_ASSERT(Distinct(Labels(*ticks)));
}

}  // namespace
}  // namespace pika
