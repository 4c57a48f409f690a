#include "engine/forecast/expected_utility.hpp"

#include <gtest/gtest.h>

#include "engine/forecast/votes.hpp"

namespace parley::forecast {
namespace {

TEST(ForecastExpectedUtility, BasicUtilitiesAtRiskNeutrality) {
  // r = 1: U_s = 2 - 4 (0.5 - 0.5 d) = 2d, U_f = -2d, U_sq = 0.
  const BasicUtilities u = basic_utilities(1.0, 0.5, 0.25);
  EXPECT_DOUBLE_EQ(u.success, 1.0);
  EXPECT_DOUBLE_EQ(u.failure, -1.0);
  EXPECT_DOUBLE_EQ(u.status_quo, 0.0);
  EXPECT_DOUBLE_EQ(u.better, 2.0 - 4.0 * (0.5 - 0.25 * 0.75));
  EXPECT_DOUBLE_EQ(u.worse, 2.0 - 4.0 * (0.5 + 0.25 * 0.75));
  // Risk-averse (r = 2): the status quo is worth 2 - 4/4 = 1.
  EXPECT_DOUBLE_EQ(basic_utilities(2.0, 0.5, 0.25).status_quo, 1.0);
  EXPECT_DOUBLE_EQ(basic_utilities(2.0, 0.5, 0.25).success, 2.0 - 4.0 * 0.0625);
}

// The three actors of votes_test: A at 0 (c 1, s 1), B at 0.5 (c 2, s 0.5), C at 1 (c 1, s 0.5);
// weights 1, 1, 0.5; median 0.5; P(A beats C) = 2/3.
TEST(ForecastExpectedUtility, ChallengeOfThreeActorsByHand) {
  // A challenges C: d = 1, U_s = 2, U_f = -2, U_sq = 0.
  // EU = 0.5 (2/3 x 2 + 1/3 x (-2)) + 0.5 x 2 - 1 x 0 = 4/3.
  EXPECT_NEAR(expected_utility_of_challenge(1.0, 1.0, 0.5, 2.0 / 3.0, 0.5, 1.0, 1.0), 4.0 / 3.0,
              1e-15);
  // C challenges A (s_A = 1): 1/3 x 2 + 2/3 x (-2) = -2/3.
  EXPECT_NEAR(expected_utility_of_challenge(1.0, 1.0, 0.5, 1.0 / 3.0, 1.0, 1.0, 1.0), -2.0 / 3.0,
              1e-15);
  // Q = 0.5, T = 1: subtract 0.5 U_sq + 0.5 U_b, U_b = 2 - 4 (0.5 - 0.25 x 1.5) = 1.5.
  EXPECT_NEAR(expected_utility_of_challenge(1.0, 1.0, 0.5, 2.0 / 3.0, 0.5, 0.5, 1.0),
              4.0 / 3.0 - 0.75, 1e-15);
  // T = 0: U_w = 2 - 4 (0.5 + 0.375) = -1.5 instead.
  EXPECT_NEAR(expected_utility_of_challenge(1.0, 1.0, 0.5, 2.0 / 3.0, 0.5, 0.5, 0.0),
              4.0 / 3.0 + 0.75, 1e-15);
}

TEST(ForecastExpectedUtility, RiskExponentsSpanHalfToTwo) {
  const std::vector<double> x{0.0, 0.5, 1.0}, s{1.0, 0.5, 0.5}, c{1.0, 2.0, 1.0};
  const std::vector<double> w{1.0, 1.0, 0.5};
  const Eigen::MatrixXd p = win_probabilities(x, w, 1.0, WinProbability::kPair);
  const DimensionView v{x, s, c, 1.0, 0.5, p};
  const ModelParameters params;
  const std::vector<double> ones(3, 1.0);
  const Eigen::MatrixXd eu = expected_utilities(v, ones, params, false);
  std::vector<double> security(3, 0.0);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != j) security[i] += eu(j, i);
  const std::vector<double> r = risk_exponents(v, {std::nullopt, std::nullopt, 0.7}, params);
  const double lo = *std::min_element(security.begin(), security.end());
  const double hi = *std::max_element(security.begin(), security.end());
  for (int i = 0; i < 2; ++i) {
    const double big_r = (2 * security[i] - hi - lo) / (hi - lo);
    EXPECT_NEAR(r[i], (1 - big_r / 3) / (1 + big_r / 3), 1e-15);
  }
  EXPECT_DOUBLE_EQ(r[2], 0.7);  // fixed
  // The most threatened actor is the most risk-acceptant (0.5), the safest the most averse (2).
  const std::vector<double> all =
      risk_exponents(v, {std::nullopt, std::nullopt, std::nullopt}, params);
  const auto most = std::max_element(security.begin(), security.end()) - security.begin();
  const auto least = std::min_element(security.begin(), security.end()) - security.begin();
  EXPECT_NEAR(all[most], 0.5, 1e-15);
  EXPECT_NEAR(all[least], 2.0, 1e-15);
}

TEST(ForecastExpectedUtility, EqualPositionsAreNoContest) {
  const std::vector<double> x{0.3, 0.3}, s{1.0, 1.0}, c{1.0, 1.0};
  const Eigen::MatrixXd p = win_probabilities(x, {1.0, 1.0}, 1.0, WinProbability::kPair);
  const DimensionView v{x, s, c, 1.0, 0.3, p};
  ModelParameters params;
  params.q = 0.5;
  EXPECT_EQ(expected_utilities(v, {1.0, 1.0}, params, false).norm(), 0.0);
  EXPECT_EQ(risk_exponents(v, {std::nullopt, std::nullopt}, params),
            (std::vector<double>{1.0, 1.0}));
}

}  // namespace
}  // namespace parley::forecast
