#include "analysis/statistics/proportion.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "merge_check.hpp"

namespace parley {
namespace {

TEST(WilsonInterval, WorkedExample) {
  // Newcombe (1998), Stat. Med. 17:857, example: 81 of 263, Wilson 0.2553 to 0.3662.
  const Interval interval = wilson_interval(81, 263);
  EXPECT_NEAR(interval.lower, 0.2553, 5e-5);
  EXPECT_NEAR(interval.upper, 0.3662, 5e-5);
  // The same from the formula, written out step by step here.
  const double n = 263, p = 81.0 / 263, z = 1.959963984540054;
  const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
  const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
  EXPECT_NEAR(interval.lower, centre - half, 1e-15);
  EXPECT_NEAR(interval.upper, centre + half, 1e-15);
}

TEST(WilsonInterval, ClosedFormsAtTheEdges) {
  // At 0 successes the interval is [0, z^2/(n + z^2)]; at n it is [n/(n + z^2), 1].
  const double z2 = kZ95 * kZ95;
  const Interval none = wilson_interval(0, 10);
  EXPECT_EQ(none.lower, 0.0);
  EXPECT_NEAR(none.upper, z2 / (10 + z2), 1e-15);
  const Interval all = wilson_interval(10, 10);
  EXPECT_NEAR(all.lower, 10 / (10 + z2), 1e-15);
  EXPECT_EQ(all.upper, 1.0);
  const Interval nothing = wilson_interval(0, 0);
  EXPECT_EQ(nothing.lower, 0.0);
  EXPECT_EQ(nothing.upper, 1.0);
  EXPECT_THROW(wilson_interval(3, 2), std::invalid_argument);
}

TEST(Proportion, CountsMergesAndRoundTrips) {
  auto make = [] { return Proportion{}; };
  auto feed = [](Proportion& p, std::size_t i) { p.add(i % 3 == 0); };
  const std::string reference = testing::single_pass<Proportion>(1000, make, feed);
  EXPECT_EQ(testing::merged_in_random_order<Proportion>(1000, 7, 1, make, feed), reference);
  const Proportion p = nlohmann::json::parse(reference).get<Proportion>();
  EXPECT_EQ(p.successes(), 334u);
  EXPECT_EQ(p.trials(), 1000u);
  EXPECT_DOUBLE_EQ(*p.estimate(), 0.334);
  EXPECT_FALSE(Proportion{}.estimate().has_value());
  const nlohmann::json summary = summarize(p);
  EXPECT_DOUBLE_EQ(summary["wilson95"][0].get<double>(), wilson_interval(334, 1000).lower);
  EXPECT_TRUE(summarize(Proportion{})["estimate"].is_null());
  EXPECT_THROW(
      (nlohmann::json{{"kind", "proportion"}, {"successes", 3}, {"trials", 2}}.get<Proportion>()),
      std::invalid_argument);
}

}  // namespace
}  // namespace parley
