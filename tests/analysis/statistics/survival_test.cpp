#include "analysis/statistics/survival.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "merge_check.hpp"

namespace parley {
namespace {

// Seven runs: agreements in rounds 1, 1, 2, 4; no agreement, last seen in rounds 2, 3, 5.
// By hand (n at risk, d events, c censored):
//   round 1: n 7, d 2        S = 5/7
//   round 2: n 5, d 1, c 1   S = 5/7 · 4/5 = 4/7
//   round 3: n 3, c 1        S = 4/7
//   round 4: n 2, d 1        S = 4/7 · 1/2 = 2/7
//   round 5: n 1, c 1        S = 2/7
SurvivalCurve hand_example() {
  SurvivalCurve curve;
  for (int round : {1, 1, 2, 4}) curve.add_event(round);
  for (int round : {2, 3, 5}) curve.add_censored(round);
  return curve;
}

TEST(SurvivalCurve, KaplanMeierByHand) {
  const SurvivalCurve curve = hand_example();
  const auto steps = curve.table();
  ASSERT_EQ(steps.size(), 5u);
  const std::vector<std::int64_t> rounds = {1, 2, 3, 4, 5};
  const std::vector<std::uint64_t> at_risk = {7, 5, 3, 2, 1};
  const std::vector<double> survival = {5.0 / 7, 4.0 / 7, 4.0 / 7, 2.0 / 7, 2.0 / 7};
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].round, rounds[i]);
    EXPECT_EQ(steps[i].at_risk, at_risk[i]);
    EXPECT_NEAR(steps[i].survival, survival[i], 1e-15) << "round " << rounds[i];
  }
  // Greenwood at round 2: S · sqrt(2/(7·5) + 1/(5·4)).
  EXPECT_NEAR(steps[1].standard_error, 4.0 / 7 * std::sqrt(2.0 / 35 + 1.0 / 20), 1e-15);
  EXPECT_EQ(curve.survival(0), 1.0);
  EXPECT_NEAR(curve.survival(3), 4.0 / 7, 1e-15);
  EXPECT_NEAR(curve.survival(100), 2.0 / 7, 1e-15);
  EXPECT_EQ(curve.events(), 4u);
  EXPECT_EQ(curve.censored(), 3u);
}

TEST(SurvivalCurve, QuantilesAndMedian) {
  const SurvivalCurve curve = hand_example();
  EXPECT_EQ(curve.median(), 4);                   // first S <= 1/2: 2/7 at round 4
  EXPECT_EQ(curve.quantile(0.25), 1);             // first S <= 3/4: 5/7 at round 1
  EXPECT_EQ(curve.quantile(0.4), 2);              // first S <= 0.6: 4/7 at round 2
  EXPECT_FALSE(curve.quantile(0.9).has_value());  // S never falls to 0.1
  EXPECT_FALSE(SurvivalCurve{}.median().has_value());
  const nlohmann::json summary = summarize(curve);
  EXPECT_EQ(summary["median"], 4);
  EXPECT_TRUE(summary["quantiles"]["p95"].is_null());
  EXPECT_EQ(summary["steps"].size(), 5u);
}

TEST(SurvivalCurve, WithoutCensoringItIsTheEmpiricalDistribution) {
  SurvivalCurve curve;
  for (int round : {0, 1, 1, 3}) curve.add_event(round);
  EXPECT_NEAR(curve.survival(0), 0.75, 1e-15);
  EXPECT_NEAR(curve.survival(1), 0.25, 1e-15);
  EXPECT_EQ(curve.survival(3), 0.0);
  EXPECT_EQ(curve.table().back().standard_error, 0.0);
  EXPECT_EQ(curve.median(), 1);
  EXPECT_THROW(curve.add_event(-1), std::invalid_argument);
}

TEST(SurvivalCurve, MergeIsExactAndJsonRoundTrips) {
  auto make = [] { return SurvivalCurve{}; };
  auto feed = [](SurvivalCurve& c, std::size_t i) {
    if (i % 4 == 3) {
      c.add_censored(20);  // the deadline
    } else {
      c.add_event(static_cast<std::int64_t>((i * 13) % 20));
    }
  };
  const std::string reference = testing::single_pass<SurvivalCurve>(2000, make, feed);
  EXPECT_EQ(testing::merged_in_random_order<SurvivalCurve>(2000, 9, 4, make, feed), reference);
  const SurvivalCurve curve = hand_example();
  EXPECT_EQ(nlohmann::json::parse(nlohmann::json(curve).dump()).get<SurvivalCurve>(), curve);
  // Empty rounds in a shard written elsewhere read back canonical.
  nlohmann::json padded = nlohmann::json(curve);
  padded["rounds"].push_back(1000);
  padded["events"].push_back(0);
  padded["censored"].push_back(0);
  EXPECT_EQ(padded.get<SurvivalCurve>(), curve);
}

// A horizon of 10^9 rounds (deadline_rounds at its maximum) costs only the rounds observed:
// the dense curve allocated 16 GB here and the kernel killed the sweep.
TEST(SurvivalCurve, KeepsOnlyTheRoundsObservedAtAHugeHorizon) {
  SurvivalCurve curve;
  curve.add_event(3);
  curve.add_censored(1'000'000'000);
  curve.add_censored(1'000'000'000);
  EXPECT_EQ(curve.last_round(), 1'000'000'000);
  EXPECT_EQ(curve.table().size(), 2u);
  EXPECT_DOUBLE_EQ(curve.survival(999'999'999), 2.0 / 3.0);
  const nlohmann::json j = curve;
  EXPECT_EQ(j.dump(),
            R"({"censored":[0,2],"events":[1,0],"kind":"survival","rounds":[3,1000000000]})");
  EXPECT_EQ(j.get<SurvivalCurve>(), curve);
  SurvivalCurve other;
  other.add_censored(1'000'000'000);
  other.merge(curve);
  EXPECT_EQ(other.censored(), 3u);
}

// A state written by an earlier parley (dense counts indexed by round) reads the same.
TEST(SurvivalCurve, ReadsTheDenseFormOfEarlierStates) {
  const nlohmann::json dense =
      nlohmann::json::parse(R"({"kind":"survival","events":[0,2,0,1],"censored":[0,0,0,3]})");
  SurvivalCurve expected;
  expected.add_event(1);
  expected.add_event(1);
  expected.add_event(3);
  for (int k = 0; k < 3; ++k) expected.add_censored(3);
  EXPECT_EQ(dense.get<SurvivalCurve>(), expected);
  nlohmann::json unordered = expected;
  unordered["rounds"] = {3, 1};
  EXPECT_THROW(unordered.get<SurvivalCurve>(), std::invalid_argument);
}

}  // namespace
}  // namespace parley
