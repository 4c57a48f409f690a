#include "analysis/solutions/efficiency.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <thread>
#include <vector>

#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/pareto.hpp"

#include "test_sets.hpp"

namespace parley {
namespace {

// u2 = 1 - u1/2 at u1 = k/20, d = (0, 0.25): Nash at u1 = 1 - d2 = 0.75, KS at
// u1 = (1 - d2)/(1.5 - d2) = 0.6 (bargaining_solutions_test derives both).
class EfficiencyTest : public ::testing::Test {
 protected:
  const double d2 = 0.25;
  const UtilitySet set = testing::line_with_interior(1.0, 0.5, 20, {0.0, d2});
  const EfficiencyReference reference = efficiency_reference(set);

  static Eigen::Vector2d on_line(double u1) { return {u1, 1.0 - u1 / 2.0}; }
  double product(const Eigen::Vector2d& u) const { return u[0] * (u[1] - d2); }
};

TEST_F(EfficiencyTest, ReferenceHoldsTheFrontierAndTheSolutions) {
  EXPECT_EQ(reference.frontier_outcomes().size(), 21u);  // the line, not the scaled copies
  ASSERT_TRUE(reference.nash() && reference.kalai_smorodinsky());
  EXPECT_NEAR((*reference.nash())[0], 1.0 - d2, 1e-12);
  EXPECT_NEAR((*reference.kalai_smorodinsky())[0], (1.0 - d2) / (1.5 - d2), 1e-12);
  EXPECT_NEAR(reference.max_nash_product(), product(on_line(1.0 - d2)), 1e-12);
}

TEST_F(EfficiencyTest, TheNashPointScoresPerfectly) {
  const DealEfficiency m = measure_deal(reference, on_line(0.75));
  EXPECT_TRUE(m.pareto_optimal);
  EXPECT_NEAR(m.distance_to_frontier, 0.0, 1e-12);
  EXPECT_NEAR(*m.nash_product_fraction, 1.0, 1e-12);
  EXPECT_NEAR(*m.distance_to_nash, 0.0, 1e-12);
  EXPECT_NEAR(*m.distance_to_kalai_smorodinsky, (on_line(0.75) - on_line(0.6)).norm(), 1e-12);
}

TEST_F(EfficiencyTest, ADominatedDealScoresBelow) {
  const Eigen::Vector2d u(0.5, 0.5);  // below the line, whose point at u1 = 0.5 is (0.5, 0.75)
  const DealEfficiency m = measure_deal(reference, u);
  EXPECT_FALSE(m.pareto_optimal);
  // Nearest grid point of the line, found by scanning it here.
  double nearest = std::numeric_limits<double>::infinity();
  for (int k = 0; k <= 20; ++k) nearest = std::min(nearest, (on_line(k / 20.0) - u).norm());
  EXPECT_NEAR(m.distance_to_frontier, nearest, 1e-12);
  EXPECT_NEAR(*m.nash_product_fraction, product(u) / product(on_line(0.75)), 1e-12);
  EXPECT_NEAR(*m.distance_to_nash, (u - on_line(0.75)).norm(), 1e-12);
  EXPECT_NEAR(*m.distance_to_kalai_smorodinsky, (u - on_line(0.6)).norm(), 1e-12);
}

TEST_F(EfficiencyTest, ABelowReservationDealHasNoNashProduct) {
  const DealEfficiency m = measure_deal(reference, Eigen::Vector2d(1.0, 0.1));
  EXPECT_DOUBLE_EQ(*m.nash_product_fraction, 0.0);
}

TEST(Efficiency, UndefinedWithoutIndividuallyRationalOutcomes) {
  const UtilitySet set = testing::make_set({{0.9, 0.1}, {0.1, 0.9}}, {0.5, 0.5});
  const EfficiencyReference reference = efficiency_reference(set);
  const DealEfficiency m = measure_deal(reference, Eigen::Vector2d(0.9, 0.1));
  EXPECT_TRUE(m.pareto_optimal);
  EXPECT_FALSE(m.nash_product_fraction.has_value());
  EXPECT_FALSE(m.distance_to_nash.has_value());
  EXPECT_FALSE(m.distance_to_kalai_smorodinsky.has_value());
}

// The reference is lazy: nothing is computed until a measure or a solution is asked for, so a
// sweep starts at once; then the frontier is computed once, and copies share it.
TEST(Efficiency, ComputesTheFrontierOnlyWhenAsked) {
  const UtilitySet set = testing::line_with_interior(1.0, 0.5, 20, {0.0, 0.25});
  const EfficiencyReference reference = efficiency_reference(set);
  const EfficiencyReference copy = reference;
  EXPECT_FALSE(reference.computed());
  EXPECT_EQ(reference.set().outcomes(), set.outcomes());
  EXPECT_FALSE(reference.computed());
  measure_deal(copy, Eigen::Vector2d(0.5, 0.5));
  EXPECT_TRUE(reference.computed());
  EXPECT_EQ(reference.frontier_outcomes(), pareto_frontier(set));
  EXPECT_EQ(reference.nash_outcome(), nash_solution(set));
  EXPECT_EQ(reference.kalai_smorodinsky_outcome(), kalai_smorodinsky_solution(set));
}

// Sweep threads ask at the same time; each must get the one frontier (run under
// ThreadSanitizer, a race would show here).
TEST(Efficiency, ThreadsAskingTogetherShareOneComputation) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  UtilitySet set;
  set.utilities.resize(20000, 4);
  for (Eigen::Index r = 0; r < set.utilities.rows(); ++r)
    for (int p = 0; p < 4; ++p) set.utilities(r, p) = unit(rng);
  set.disagreement = Eigen::VectorXd::Constant(4, 0.1);
  const EfficiencyReference reference = efficiency_reference(set);
  const Eigen::Vector4d u(0.6, 0.6, 0.6, 0.6);
  std::vector<DealEfficiency> measures(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < measures.size(); ++t)
    threads.emplace_back([&, t] { measures[t] = measure_deal(reference, u); });
  for (std::thread& t : threads) t.join();
  const std::vector<std::int64_t> frontier = pareto_frontier(set);
  EXPECT_EQ(reference.frontier_outcomes(), frontier);
  for (const DealEfficiency& m : measures) {
    EXPECT_EQ(m.pareto_optimal, is_pareto_optimal(set, u));
    EXPECT_EQ(m.distance_to_frontier, distance_to_frontier(set, frontier, u));
  }
}

}  // namespace
}  // namespace parley
