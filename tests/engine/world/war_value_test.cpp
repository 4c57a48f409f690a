// The value of fighting on and Fearon's bargaining range (theory.md): with no discounting, a
// victory worth 1 and a defeat worth 0, the war tracks' reservations are h(k) - c_A T(k) and
// 1 - h(k) - c_B T(k), and the range between them is [p - c_A', p + c_B'].
#include "engine/world/war_value.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/world/battlefield.hpp"
#include "world_test_support.hpp"

namespace parley::testing {
namespace {

double h_closed(int k, int n, double q) {
  const double rho = (1 - q) / q;
  return (1 - std::pow(rho, k)) / (1 - std::pow(rho, n));
}
double duration_closed(int k, int n, double q) {
  return k / (1 - 2 * q) - n / (1 - 2 * q) * h_closed(k, n, q);
}

TEST(WarValue, FearonRangeIsPMinusCaToPPlusCb) {
  const BargainingRange r = fearon_range(0.6, 0.1, 0.15);
  EXPECT_DOUBLE_EQ(r.low, 0.5);
  EXPECT_DOUBLE_EQ(r.high, 0.75);
  EXPECT_FALSE(r.empty());
  EXPECT_TRUE(r.contains(0.6));
  EXPECT_FALSE(r.contains(0.76));
  // With positive costs it is never empty (complete information).
  for (double p = 0.0; p <= 1.0; p += 0.125) EXPECT_FALSE(fearon_range(p, 0.01, 0.02).empty());
}

TEST(WarValue, ReservationsAreTheValueOfFightingOnAtTheStart) {
  auto s = two_track_scenario();
  add_war(*s, 10, 4, 0.6, 100.0, 250.0, 1e-4);
  const Simulator simulator(s, builtin_agents());
  RunState state = simulator.baseline();
  simulator.world().begin(state);
  const double h = h_closed(4, 10, 0.6), t = duration_closed(4, 10, 0.6);
  const double ca = 100.0 * 1e-4 * t, cb = 250.0 * 1e-4 * t;
  EXPECT_NEAR(state.world.parties[0].expected_cost, 0.01, 1e-15);
  EXPECT_NEAR(state.preferences[0].reservation[0], h - ca, 1e-12);
  EXPECT_NEAR(state.preferences[1].reservation[0], 1 - h - cb, 1e-12);
  // The humanitarian track is not a war track: its reservation is the scenario's.
  EXPECT_DOUBLE_EQ(state.preferences[0].reservation[1], 0.2);
  EXPECT_DOUBLE_EQ(state.preferences[1].reservation[1], 0.2);

  const BargainingRange war = war_bargaining_range(state.preferences[0].reservation[0],
                                                   state.preferences[1].reservation[0]);
  const BargainingRange fearon = fearon_range(h, ca, cb);
  EXPECT_NEAR(war.low, fearon.low, 1e-12);
  EXPECT_NEAR(war.high, fearon.high, 1e-12);
  // Every split in the range beats war for both sides; just outside, one side prefers war.
  for (double x = war.low; x <= war.high; x += (war.high - war.low) / 16) {
    EXPECT_GE(x, state.preferences[0].reservation[0] - 1e-12);
    EXPECT_GE(1 - x, state.preferences[1].reservation[0] - 1e-12);
  }
  EXPECT_LT(war.low - 1e-3, state.preferences[0].reservation[0]);
  EXPECT_LT(1 - (war.high + 1e-3), state.preferences[1].reservation[0]);
}

TEST(WarValue, DiscountedValueFollowsItsDefinition) {
  auto s = two_track_scenario();
  add_war(*s, 8, 3, 0.45, 100.0, 100.0, 1e-3);
  s->parties[0].preferences.discount = 0.95;
  s->world.parties[0].victory_value = 0.9;
  s->world.parties[0].defeat_value = 0.1;
  const Simulator simulator(s, builtin_agents());
  RunState state = simulator.baseline();
  simulator.world().begin(state);
  BattlefieldSolution sol;
  std::vector<double> scratch;
  solve_battlefield(state.world.battlefield, 0.95, sol, scratch);
  const double v = 0.9 * sol.up[3] + 0.1 * sol.down[3] - 0.1 * sol.duration[3];
  EXPECT_NEAR(state.world.parties[0].war_value, v, 1e-12);
  EXPECT_NEAR(state.preferences[0].reservation[0], v, 1e-12);
  // Discounting makes a long war worth less than its undiscounted value.
  EXPECT_LT(sol.up[3], h_closed(3, 8, 0.45));
}

TEST(WarValue, ReservationFollowsTheBattlefieldEveryRound) {
  auto s = two_track_scenario();
  add_war(*s, 40, 20, 0.5, 50.0, 50.0, 1e-4);
  const RecordedRun run = record(s);
  ASSERT_EQ(run.recorder->rounds.size(), 30u);
  for (const auto& r : run.recorder->rounds) {
    const int k = r.world.battlefield.position;
    const double t = double(k) * (40 - k);
    EXPECT_NEAR(r.preferences[0].reservation[0], k / 40.0 - 0.005 * t, 1e-12);
    EXPECT_NEAR(r.preferences[1].reservation[0], 1 - k / 40.0 - 0.005 * t, 1e-12);
  }
}

}  // namespace
}  // namespace parley::testing
