// summary.json's drivers: an outcome that a threshold on one parameter decides has the
// standardized regression coefficient and Sobol indices theory gives.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/random/random.hpp"
#include "tests/sweep/summary_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;

TEST(SweepStatistics, DriversOfAThresholdOutcome) {
  // Agreement iff x1 > 0.5, x2 irrelevant. With x1 ~ U(0,1): corr(x1, 1{x1 > 1/2}) =
  // (E[x1 1{x1>1/2}] - 1/4) / (sqrt(1/12) / 2) = (3/8 - 1/4) / (1 / (4 sqrt 3)) = sqrt(3)/2, and
  // E[y | x1] = y, so x1's first-order Sobol index is 1; x2's are 0.
  SweepStatistics s(synthetic_layout());
  SyntheticRun r;
  RandomStream stream(1, 2, 3);
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double x[2] = {stream.uniform(), stream.uniform()};
    r.result.tracks[0].status = x[0] > 0.5 ? TrackStatus::Agreed : TrackStatus::Deadline;
    r.result.tracks[0].round = x[0] > 0.5 ? 1 : 9;
    r.add_to(s, static_cast<std::uint64_t>(i), x);
  }
  const nlohmann::json summary = s.summary();
  const auto& drivers = summary["drivers"];
  ASSERT_EQ(drivers[0]["outcome"], "agreement");
  const auto& x1 = drivers[0]["parameters"][0];
  const auto& x2 = drivers[0]["parameters"][1];
  EXPECT_NEAR(x1["src"].get<double>(), std::sqrt(3.0) / 2, 4 * x1["src_se"].get<double>() + 0.01);
  EXPECT_NEAR(x2["src"].get<double>(), 0.0, 4 * x2["src_se"].get<double>() + 0.01);
  EXPECT_NEAR(x1["sobol"].get<double>(), 1.0, 0.01);
  EXPECT_NEAR(x2["sobol"].get<double>(), 0.0, 0.01);
  EXPECT_GT(x1["src_se"].get<double>(), 0.0);
}

}  // namespace
}  // namespace parley
