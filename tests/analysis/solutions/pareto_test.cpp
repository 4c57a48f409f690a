#include "analysis/solutions/pareto.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "test_sets.hpp"

namespace parley {
namespace {

UtilitySet make_set(const std::vector<std::vector<double>>& rows) {
  return testing::make_set(rows, std::vector<double>(rows.front().size(), 0.0));
}

// The definition, applied to every pair: the reference the fast methods must match.
std::vector<std::int64_t> brute_force_frontier(const UtilitySet& set) {
  std::vector<std::int64_t> frontier;
  for (std::int64_t k = 0; k < set.outcomes(); ++k) {
    bool dominated = false;
    for (std::int64_t q = 0; q < set.outcomes() && !dominated; ++q) {
      const auto a = set.utilities.row(q).array();
      const auto b = set.utilities.row(k).array();
      dominated = (a >= b).all() && (a > b).any();
    }
    if (!dominated) frontier.push_back(k);
  }
  return frontier;
}

// A NaN utility (weights summing past the largest double made every utility NaN) hung the
// two-party grouping loop and broke the sorts' ordering; it is refused instead.
TEST(ParetoFrontier, RefusesNaNUtilitiesInsteadOfLooping) {
  const double nan = std::nan("");
  EXPECT_THROW(pareto_frontier(make_set({{nan, nan}, {0.5, 0.5}, {1, 0}})), std::invalid_argument);
  EXPECT_THROW(pareto_frontier(make_set({{nan, 1, 0}, {0.5, 0.5, 0.5}})), std::invalid_argument);
}

TEST(ParetoFrontier, HandBuiltTwoPartySet) {
  // 0 (0.2, 0.9) front; 1 (0.5, 0.5) front; 2 (0.4, 0.4) dominated by 1; 3 (0.5, 0.3) same
  // u1 as 1 but less u2; 4 (0.9, 0.1) front; 5 (0.2, 0.9) duplicate of 0: front too;
  // 6 (0.1, 0.9) dominated by 0 (equal u2, less u1).
  const UtilitySet set = make_set(
      {{0.2, 0.9}, {0.5, 0.5}, {0.4, 0.4}, {0.5, 0.3}, {0.9, 0.1}, {0.2, 0.9}, {0.1, 0.9}});
  EXPECT_EQ(pareto_frontier(set), (std::vector<std::int64_t>{0, 1, 4, 5}));
}

TEST(ParetoFrontier, MatchesTheDefinitionOnRandomSetsWithTies) {
  std::mt19937_64 rng(7);
  for (int parties : {1, 2, 3, 4}) {
    for (int trial = 0; trial < 20; ++trial) {
      UtilitySet set;
      const int outcomes = 1 + static_cast<int>(rng() % 120);
      set.utilities.resize(outcomes, parties);
      // Few distinct levels, so ties and duplicates are common.
      for (int r = 0; r < outcomes; ++r) {
        for (int p = 0; p < parties; ++p) set.utilities(r, p) = static_cast<double>(rng() % 6) / 5;
      }
      set.disagreement = Eigen::VectorXd::Zero(parties);
      EXPECT_EQ(pareto_frontier(set), brute_force_frontier(set))
          << parties << " parties, trial " << trial;
    }
  }
}

// Random sets of three shapes: few levels (ties on every party), a continuum, and points near
// a simplex (anti-correlated parties: most outcomes on the frontier, the divide and
// conquer's deepest case); some rows copied, so exact duplicates occur.
UtilitySet random_set(std::mt19937_64& rng, int parties, int outcomes, int shape) {
  UtilitySet set;
  set.utilities.resize(outcomes, parties);
  set.disagreement = Eigen::VectorXd::Zero(parties);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int levels = 2 + static_cast<int>(rng() % 7);
  for (int r = 0; r < outcomes; ++r) {
    double sum = 0.0;
    for (int p = 0; p < parties; ++p) {
      const double x = shape == 0
                           ? static_cast<double>(rng() % static_cast<unsigned>(levels)) / levels
                           : unit(rng);
      set.utilities(r, p) = x;
      sum += x;
    }
    if (shape == 2) {
      // On the simplex, then one coordinate rounded to hundredths: ties within the frontier.
      set.utilities.row(r) /= sum;
      set.utilities(r, 0) = std::round(set.utilities(r, 0) * 100) / 100;
    }
    if (r > 0 && rng() % 5 == 0) set.utilities.row(r) = set.utilities.row(rng() % r);
  }
  return set;
}

TEST(ParetoFrontier, MatchesTheDefinitionForTwoToSixParties) {
  std::mt19937_64 rng(20261203);
  for (int parties = 2; parties <= 6; ++parties) {
    for (int trial = 0; trial < 30; ++trial) {
      // Mostly small sets; every tenth is past the size where the first filtering pass starts.
      const int outcomes = trial % 10 == 9 ? 4097 + static_cast<int>(rng() % 3000)
                                           : 1 + static_cast<int>(rng() % 700);
      const int shape = trial % 3;
      const UtilitySet set = random_set(rng, parties, outcomes, shape);
      EXPECT_EQ(pareto_frontier(set), brute_force_frontier(set))
          << parties << " parties, " << outcomes << " outcomes, shape " << shape;
    }
  }
}

TEST(ParetoFrontier, EveryOutcomeTiedOnSomeParties) {
  // Parties 1 and 3 agree on everything, party 2 is indifferent: the frontier is decided by
  // the remaining parties alone, and the splits must not loop on the equal columns.
  std::mt19937_64 rng(3);
  for (int parties : {3, 4, 5}) {
    UtilitySet set = random_set(rng, parties, 5000, 1);
    set.utilities.col(1).setConstant(0.5);
    set.utilities.col(2) = set.utilities.col(0);
    EXPECT_EQ(pareto_frontier(set), brute_force_frontier(set)) << parties << " parties";
    set.utilities.setConstant(0.25);  // all equal: every outcome is on the frontier
    EXPECT_EQ(pareto_frontier(set).size(), 5000u);
  }
}

// Its speed is bench/frontier_bench.cpp's (never a timed unit test): here, that a million
// outcomes give the exact frontier.
TEST(ParetoFrontier, TwoPartiesHandleAMillionOutcomes) {
  // Even outcomes lie on u1 + u2 = 1 (all Pareto-optimal); odd ones are the same points
  // scaled by 0.9, each dominated by its even neighbour.
  const std::int64_t n = 1'000'000;
  UtilitySet set;
  set.utilities.resize(n, 2);
  set.disagreement = Eigen::VectorXd::Zero(2);
  for (std::int64_t k = 0; k < n; ++k) {
    const double u1 = static_cast<double>(k / 2) / static_cast<double>(n / 2);
    const double scale = k % 2 == 0 ? 1.0 : 0.9;
    set.utilities(k, 0) = scale * u1;
    set.utilities(k, 1) = scale * (1.0 - u1);
  }
  const std::vector<std::int64_t> frontier = pareto_frontier(set);
  ASSERT_EQ(frontier.size(), static_cast<std::size_t>(n / 2));
  for (std::size_t i = 0; i < frontier.size(); ++i) {
    ASSERT_EQ(frontier[i], static_cast<std::int64_t>(2 * i));
  }
}

TEST(ParetoOptimality, TestsVectorsOnAndOffTheGrid) {
  const UtilitySet set = make_set({{0.2, 0.9}, {0.5, 0.5}, {0.4, 0.4}, {0.9, 0.1}});
  const std::vector<std::int64_t> frontier = pareto_frontier(set);
  for (const auto& [u, expected] : std::vector<std::pair<Eigen::Vector2d, bool>>{
           {{0.5, 0.5}, true},             // a frontier outcome
           {{0.4, 0.4}, false},            // dominated
           {{0.5, 0.45}, false},           // off-grid, dominated by (0.5, 0.5)
           {{0.6, 0.45}, true},            // off-grid, between frontier points
           {{1.0, 1.0}, true},             // beyond everything
           {{0.5 - 1e-14, 0.5}, true}}) {  // rounding noise of a frontier outcome
    EXPECT_EQ(is_pareto_optimal(set, u), expected) << u.transpose();
    EXPECT_EQ(is_pareto_optimal(set, frontier, u), expected) << u.transpose();
  }
  EXPECT_FALSE(is_pareto_optimal(set, Eigen::Vector2d(0.5 - 1e-6, 0.5)));
}

TEST(ParetoOptimality, DistanceToTheNearestFrontierOutcome) {
  const UtilitySet set = make_set({{0.0, 1.0}, {0.5, 0.5}, {0.4, 0.4}, {1.0, 0.0}});
  const std::vector<std::int64_t> frontier = pareto_frontier(set);
  EXPECT_DOUBLE_EQ(distance_to_frontier(set, frontier, Eigen::Vector2d(0.5, 0.5)), 0.0);
  // (0.4, 0.4) is nearest to (0.5, 0.5): sqrt(0.01 + 0.01).
  EXPECT_DOUBLE_EQ(distance_to_frontier(set, frontier, Eigen::Vector2d(0.4, 0.4)), std::sqrt(0.02));
  EXPECT_DOUBLE_EQ(distance_to_frontier(set, frontier, Eigen::Vector2d(1.0, 0.3)), 0.3);
  EXPECT_THROW(distance_to_frontier(set, frontier, Eigen::Vector3d(1, 1, 1)),
               std::invalid_argument);
}

}  // namespace
}  // namespace parley
