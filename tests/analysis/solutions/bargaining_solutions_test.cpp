#include "analysis/solutions/bargaining_solutions.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/solutions/pareto.hpp"

#include "test_sets.hpp"

namespace parley {
namespace {

using testing::line_with_interior;
using testing::make_set;

// theory.md: "On u1 + u2 = 1 with d = (0.2, 0.1), Nash, KS and egalitarian all give
// u1 = 0.55". Closed forms on the line u2 = 1 - u1: Nash maximises (u1 - d1)(1 - u1 - d2),
// so u1 = (1 + d1 - d2) / 2; KS has a_i = 1 - d_j and equal relative gains, and egalitarian
// equal gains, which on this line give the same u1.
TEST(BargainingSolutions, TheoryLineNashKalaiSmorodinskyAndEgalitarianAgree) {
  const double d1 = 0.2, d2 = 0.1;
  const double expected = (1.0 + d1 - d2) / 2.0;
  const int steps = 1000;  // expected * steps = 550: a grid point
  const UtilitySet set = line_with_interior(1.0, 1.0, steps, {d1, d2});
  const auto grid_index = 2 * static_cast<std::int64_t>(std::lround(expected * steps));
  for (const auto& [name, solution] :
       {std::pair{"nash", nash_solution(set)},
        std::pair{"kalai-smorodinsky", kalai_smorodinsky_solution(set)},
        std::pair{"egalitarian", egalitarian_solution(set)}}) {
    ASSERT_TRUE(solution.has_value()) << name;
    EXPECT_EQ(*solution, grid_index) << name;
    EXPECT_NEAR(set.utilities(*solution, 0), expected, 1e-12) << name;
  }
  const auto ideal = ideal_point(set);
  ASSERT_TRUE(ideal.has_value());
  EXPECT_NEAR((*ideal)[0], 1.0 - d2, 1e-12);
  EXPECT_NEAR((*ideal)[1], 1.0 - d1, 1e-12);
}

// On u2 = 1 - u1/2 with d = (0, d2) the four solutions differ (closed forms):
//   Nash: max u1 (1 - u1/2 - d2) -> u1 = 1 - d2;
//   KS: a = (1, 1); u1 / 1 = (1 - u1/2 - d2) / (1 - d2) -> u1 = (1 - d2) / (1.5 - d2);
//   egalitarian: u1 = 1 - u1/2 - d2 -> u1 = (1 - d2) / 1.5;
//   utilitarian: u1 + 1 - u1/2 increases in u1 -> u1 = 1.
TEST(BargainingSolutions, AsymmetricFrontierSeparatesTheFourSolutions) {
  const double d2 = 0.25;
  const int steps = 20;
  const UtilitySet set = line_with_interior(1.0, 0.5, steps, {0.0, d2});
  auto u1_of = [&](std::optional<std::int64_t> k) {
    EXPECT_TRUE(k.has_value());
    return k ? set.utilities(*k, 0) : -1.0;
  };
  EXPECT_NEAR(u1_of(nash_solution(set)), 1.0 - d2, 1e-12);
  EXPECT_NEAR(u1_of(kalai_smorodinsky_solution(set)), (1.0 - d2) / (1.5 - d2), 1e-12);
  EXPECT_NEAR(u1_of(egalitarian_solution(set)), (1.0 - d2) / 1.5, 1e-12);
  EXPECT_NEAR(u1_of(utilitarian_solution(set)), 1.0, 1e-12);
}

// Three parties on the simplex u1 + u2 + u3 = 1: Nash maximises a product with a fixed sum
// of gains, so gains are equal, u_i = d_i + (1 - sum d) / 3; KS (a_i = d_i + 1 - sum d)
// and egalitarian give the same point. Every simplex point has the same sum, so the
// utilitarian criterion ties everywhere and the lowest-index candidate wins.
TEST(BargainingSolutions, ThreePartySimplex) {
  const std::vector<double> d = {0.1, 0.2, 0.1};
  const int steps = 30;
  std::vector<std::vector<double>> rows;
  for (int a = 0; a <= steps; ++a) {
    for (int b = 0; a + b <= steps; ++b) {
      rows.push_back({static_cast<double>(a) / steps, static_cast<double>(b) / steps,
                      static_cast<double>(steps - a - b) / steps});
    }
  }
  const UtilitySet set = make_set(rows, d);
  const double share = (1.0 - (d[0] + d[1] + d[2])) / 3.0;
  for (const auto& [name, solution] :
       {std::pair{"nash", nash_solution(set)},
        std::pair{"kalai-smorodinsky", kalai_smorodinsky_solution(set)},
        std::pair{"egalitarian", egalitarian_solution(set)}}) {
    ASSERT_TRUE(solution.has_value()) << name;
    for (int p = 0; p < 3; ++p) {
      EXPECT_NEAR(set.utilities(*solution, p), d[p] + share, 1e-12) << name << " party " << p;
    }
  }
  // First individually rational outcome in enumeration order: a = 0.1·30, b = 0.2·30.
  const auto utilitarian = utilitarian_solution(set);
  ASSERT_TRUE(utilitarian.has_value());
  EXPECT_NEAR(set.utilities(*utilitarian, 0), d[0], 1e-12);
  EXPECT_NEAR(set.utilities(*utilitarian, 1), d[1], 1e-12);
}

TEST(BargainingSolutions, NoIndividuallyRationalOutcome) {
  // Each outcome leaves someone below its reservation value.
  const UtilitySet set = make_set({{0.9, 0.1}, {0.1, 0.9}, {0.4, 0.45}}, {0.5, 0.5});
  EXPECT_FALSE(nash_solution(set).has_value());
  EXPECT_FALSE(kalai_smorodinsky_solution(set).has_value());
  EXPECT_FALSE(egalitarian_solution(set).has_value());
  EXPECT_FALSE(utilitarian_solution(set).has_value());
  EXPECT_FALSE(ideal_point(set).has_value());
  EXPECT_TRUE(bargaining_candidates(set).empty());
}

TEST(BargainingSolutions, SymmetricTiesGoToTheLowestIndex) {
  for (const auto& rows : {std::vector<std::vector<double>>{{0.3, 0.7}, {0.7, 0.3}},
                           std::vector<std::vector<double>>{{0.7, 0.3}, {0.3, 0.7}}}) {
    const UtilitySet set = make_set(rows, {0.0, 0.0});
    EXPECT_EQ(nash_solution(set), 0);
    EXPECT_EQ(kalai_smorodinsky_solution(set), 0);
    EXPECT_EQ(egalitarian_solution(set), 0);
    EXPECT_EQ(utilitarian_solution(set), 0);
  }
}

TEST(BargainingSolutions, DominatedOutcomesThatTieAreNotChosen) {
  // Outcome 0 ties with 1 on the smallest gain and on the smallest relative gain, but 1
  // dominates it.
  const UtilitySet set = make_set({{0.5, 0.5}, {0.5, 0.9}, {1.0, 0.0}}, {0.0, 0.0});
  EXPECT_EQ(egalitarian_solution(set), 1);
  EXPECT_EQ(kalai_smorodinsky_solution(set), 1);
  EXPECT_EQ(bargaining_candidates(set), (std::vector<std::int64_t>{1, 2}));
}

TEST(BargainingSolutions, EgalitarianBreaksTiesLeximin) {
  // Same smallest gain (0.5) and the same sum; the second-smallest gain decides: 0.7 > 0.6.
  const UtilitySet set = make_set({{0.5, 0.6, 0.9}, {0.5, 0.8, 0.7}}, {0.0, 0.0, 0.0});
  EXPECT_EQ(egalitarian_solution(set), 1);
}

TEST(BargainingSolutions, DegenerateSetWhereOnlyTheDisagreementPointIsRational) {
  const UtilitySet set = make_set({{0.9, 0.1}, {0.5, 0.5}, {0.1, 0.9}}, {0.5, 0.5});
  EXPECT_EQ(nash_solution(set), 1);
  EXPECT_EQ(kalai_smorodinsky_solution(set), 1);
  EXPECT_EQ(egalitarian_solution(set), 1);
  EXPECT_EQ(utilitarian_solution(set), 1);
  EXPECT_DOUBLE_EQ(nash_product(set, Eigen::Vector2d(0.5, 0.5)), 0.0);
}

TEST(BargainingSolutions, NashProductOfAVector) {
  const UtilitySet set = make_set({{1.0, 0.0}}, {0.2, 0.1});
  EXPECT_DOUBLE_EQ(nash_product(set, Eigen::Vector2d(0.6, 0.5)), (0.6 - 0.2) * (0.5 - 0.1));
  // Two losses must not multiply into a gain.
  EXPECT_DOUBLE_EQ(nash_product(set, Eigen::Vector2d(0.1, 0.0)), 0.0);
}

// Callers that need several solutions pass the frontier computed once; the answers must be
// those of the one-argument forms, which compute it themselves.
TEST(BargainingSolutions, AGivenFrontierGivesTheSameSolutions) {
  std::mt19937_64 rng(9);
  for (int parties = 2; parties <= 5; ++parties) {
    UtilitySet set;
    set.utilities.resize(400, parties);
    for (Eigen::Index r = 0; r < set.utilities.rows(); ++r)
      for (int p = 0; p < parties; ++p) set.utilities(r, p) = static_cast<double>(rng() % 9) / 8;
    set.disagreement = Eigen::VectorXd::Constant(parties, 0.25);
    const std::vector<std::int64_t> frontier = pareto_frontier(set);
    EXPECT_EQ(bargaining_candidates(set, frontier), bargaining_candidates(set));
    EXPECT_EQ(nash_solution(set, frontier), nash_solution(set));
    EXPECT_EQ(kalai_smorodinsky_solution(set, frontier), kalai_smorodinsky_solution(set));
    EXPECT_EQ(egalitarian_solution(set, frontier), egalitarian_solution(set));
    EXPECT_EQ(utilitarian_solution(set, frontier), utilitarian_solution(set));
    EXPECT_EQ(ideal_point(set, frontier), ideal_point(set));
  }
}

}  // namespace
}  // namespace parley
