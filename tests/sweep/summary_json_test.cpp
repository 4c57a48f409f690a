// summary.json's statistics against their closed forms: the Wilson interval of agreement, and
// the survival curve and quantiles of a fully observed sample.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/sweep/summary_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;

TEST(SweepStatistics, AgreementHasTheWilsonInterval) {
  SweepStatistics s(synthetic_layout());
  SyntheticRun r;
  const int n = 400, agreed = 37;
  for (int i = 0; i < n; ++i) {
    r.result.tracks[0].status = i < agreed ? TrackStatus::Agreed : TrackStatus::Breakdown;
    r.result.tracks[0].round = 2;
    r.result.tracks[0].deal.values[0] = 10;
    const double x[2] = {0.5, 0.5};
    r.add_to(s, static_cast<std::uint64_t>(i), x);
  }
  const auto a = s.summary()["tracks"][0]["agreement"];
  // Wilson (1927): centre (p + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n) sqrt(p(1-p)/n + z²/4n²).
  const double z = 1.959963984540054, p = double(agreed) / n;
  const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
  const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
  EXPECT_DOUBLE_EQ(a["estimate"].get<double>(), p);
  EXPECT_NEAR(a["wilson95"][0].get<double>(), centre - half, 1e-12);
  EXPECT_NEAR(a["wilson95"][1].get<double>(), centre + half, 1e-12);
}

TEST(SweepStatistics, SurvivalOfAFullyObservedSampleIsOneMinusTheEmpiricalCdf) {
  SweepStatistics s(synthetic_layout());
  SyntheticRun r;
  // Rounds of agreement 0..4 with counts 1, 2, 3, 4, 5; 5 breakdowns (never agree, censored
  // at the horizon 9): S(t) = 1 - (agreements by t) / 20.
  int run = 0;
  for (int round = 0; round < 5; ++round) {
    for (int k = 0; k <= round; ++k) {
      r.result.tracks[0].status = TrackStatus::Agreed;
      r.result.tracks[0].round = round;
      r.result.tracks[0].deal.values[0] = 10.0 * (k % 4);
      const double x[2] = {0.1, 0.1};
      r.add_to(s, static_cast<std::uint64_t>(run++), x);
    }
  }
  for (int k = 0; k < 5; ++k) {
    r.result.tracks[0].status = TrackStatus::Breakdown;
    r.result.tracks[0].round = 1;
    const double x[2] = {0.1, 0.1};
    r.add_to(s, static_cast<std::uint64_t>(run++), x);
  }
  const auto summary = s.summary()["tracks"][0];
  const auto& survival = summary["round_of_agreement"]["survival"];
  double agreed_by = 0;
  for (const auto& step : survival["steps"]) {
    const int t = step["round"].get<int>();
    if (t < 5) {
      agreed_by += t + 1;
      EXPECT_NEAR(step["survival"].get<double>(), 1 - agreed_by / 20, 1e-12) << t;
    }
  }
  // Median: the first round with S(t) <= 0.5: S(3) = 1 - 10/20.
  EXPECT_EQ(survival["median"].get<int>(), 3);
  // Agreed quantities: levels 0, 10, 20, 30 with counts 4, 5, 3, 3 (k % 4 over the 15 deals):
  // the median (7.5th of 15) is 10, the 95th percentile 30.
  const auto& q = summary["terms"][0]["quantiles"];
  EXPECT_EQ(q["p50"].get<double>(), 10);
  EXPECT_EQ(q["p95"].get<double>(), 30);
}

}  // namespace
}  // namespace parley
