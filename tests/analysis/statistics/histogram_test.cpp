#include "analysis/statistics/histogram.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "merge_check.hpp"

namespace parley {
namespace {

TEST(Histogram, BinsEdgesAndOutliers) {
  Histogram h(0.0, 1.0, 4);
  for (double x : {0.0, 0.24, 0.25, 0.99, 1.0, -0.1, 1.5, std::nan("")}) h.add(x);
  EXPECT_EQ(h.bin_count(0), 2u);  // 0 and 0.24
  EXPECT_EQ(h.bin_count(1), 1u);  // 0.25 opens bin 1
  EXPECT_EQ(h.bin_count(3), 2u);  // 0.99 and the upper edge 1.0
  EXPECT_EQ(h.underflow(), 1u);
  EXPECT_EQ(h.overflow(), 1u);
  EXPECT_EQ(h.nan_count(), 1u);
  EXPECT_EQ(h.count(), 7u);
  EXPECT_EQ(h.min(), -0.1);
  EXPECT_EQ(h.max(), 1.5);
  EXPECT_EQ(h.bin_lower(4), 1.0);
  EXPECT_THROW(Histogram(1.0, 1.0, 3), std::invalid_argument);
  EXPECT_THROW(Histogram(0.0, 1.0, 0), std::invalid_argument);
}

TEST(Histogram, QuantilesByInterpolationInsideBins) {
  // One value at the centre of each of ten unit bins over [0, 10]: 0.5, 1.5, ..., 9.5.
  Histogram h(0.0, 10.0, 10);
  for (int k = 0; k < 10; ++k) h.add(k + 0.5);
  // q·n = 5 is reached at the top of bin 4 (five values below 5).
  EXPECT_DOUBLE_EQ(h.quantile(0.5), 5.0);
  // q·n = 2.5: half-way into bin 2 = [2, 3).
  EXPECT_DOUBLE_EQ(h.quantile(0.25), 2.5);
  // The ends are the exact extremes, not the bin edges.
  EXPECT_EQ(h.quantile(0.0), 0.5);
  EXPECT_EQ(h.quantile(1.0), 9.5);
  EXPECT_TRUE(std::isnan(Histogram(0, 1, 3).quantile(0.5)));
}

TEST(Histogram, QuantilesOfAUniformSampleAreWithinABin) {
  Histogram h(0.0, 1.0, 100);
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int i = 0; i < 100000; ++i) h.add(u(rng));
  for (double q : {0.05, 0.25, 0.5, 0.75, 0.95}) EXPECT_NEAR(h.quantile(q), q, 0.01) << q;
}

TEST(Histogram, QuantilesReachIntoTheTails) {
  Histogram h(0.0, 1.0, 2);
  for (double x : {-3.0, -1.0, 0.2, 0.7, 2.0}) h.add(x);
  // q·n = 0.5 of the 2 underflow values: a quarter of [min, lower] = [-3, 0].
  EXPECT_DOUBLE_EQ(h.quantile(0.1), -2.25);
  // q·n = 4.5: half-way through the overflow segment [upper, max] = [1, 2].
  EXPECT_DOUBLE_EQ(h.quantile(0.9), 1.5);
}

TEST(Histogram, MergeIsExactAndChecksTheBins) {
  std::mt19937_64 rng(8);
  std::normal_distribution<double> draw(0.5, 0.4);
  std::vector<double> values(5000);
  for (double& v : values) v = draw(rng);
  auto make = [] { return Histogram(0.0, 1.0, 20); };
  auto feed = [&](Histogram& h, std::size_t i) { h.add(values[i]); };
  EXPECT_EQ(testing::merged_in_random_order<Histogram>(values.size(), 6, 2, make, feed),
            testing::single_pass<Histogram>(values.size(), make, feed));
  Histogram a(0.0, 1.0, 20);
  EXPECT_THROW(a.merge(Histogram(0.0, 1.0, 10)), std::invalid_argument);
  EXPECT_THROW(a.merge(Histogram(0.0, 2.0, 20)), std::invalid_argument);
}

TEST(Histogram, JsonRoundTripAndSummary) {
  Histogram h(-1.0, 1.0, 8);
  for (double x : {-2.0, -0.5, 0.0, 0.3, 0.9, 3.0}) h.add(x);
  const Histogram back = nlohmann::json::parse(nlohmann::json(h).dump()).get<Histogram>();
  EXPECT_EQ(back, h);
  const nlohmann::json summary = summarize(h);
  EXPECT_EQ(summary["count"], 6);
  EXPECT_DOUBLE_EQ(summary["quantiles"]["p50"].get<double>(), h.quantile(0.5));
  EXPECT_TRUE(summarize(Histogram(0, 1, 2))["quantiles"]["p50"].is_null());
  nlohmann::json broken = nlohmann::json(h);
  broken["counts"] = nlohmann::json::array();
  EXPECT_THROW(broken.get<Histogram>(), std::invalid_argument);
}

}  // namespace
}  // namespace parley
