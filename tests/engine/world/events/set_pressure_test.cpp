// set_pressure switches a lever: the party's costs and discount follow from its round on.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"

namespace parley::testing {
namespace {

PressureLever sanctions(bool active) {
  PressureLever l;
  l.id = "sanctions";
  l.actor = "EU";
  l.party = 1;
  l.cost_kind = 0;
  l.cost_multiplier = 1.5;
  l.cost_add = 10.0;
  l.discount_factor = 0.9;
  l.active = active;
  return l;
}

TEST(SetPressureEvent, SwitchesALeverOnFromItsRound) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.pressure = {sanctions(false)};
  s->world.events = {scheduled("set_pressure", 5, {{"lever", 0}})};
  const RecordedRun run = record(s);
  ASSERT_EQ(run.recorder->rounds.size(), 30u);
  for (int r = 0; r < 30; ++r) {
    const auto& round = run.recorder->rounds[r];
    EXPECT_DOUBLE_EQ(round.world.parties[1].last_costs[0], r < 5 ? 200.0 : 310.0) << r;
    EXPECT_DOUBLE_EQ(round.preferences[1].discount, r < 5 ? 1.0 : 0.9);
    EXPECT_DOUBLE_EQ(round.world.parties[0].last_costs[0], 100.0);  // A: untouched
    EXPECT_DOUBLE_EQ(round.preferences[0].discount, 1.0);
    EXPECT_EQ(round.world.lever_active[0], r < 5 ? 0 : 1);
  }
}

TEST(SetPressureEvent, SwitchesALeverOffFromItsRound) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.pressure = {sanctions(true)};
  s->world.events = {scheduled("set_pressure", 5, {{"lever", 0}, {"active", 0}})};
  const RecordedRun run = record(s);
  for (int r = 0; r < 30; ++r) {
    const auto& round = run.recorder->rounds[r];
    EXPECT_DOUBLE_EQ(round.world.parties[1].last_costs[0], r < 5 ? 310.0 : 200.0) << r;
    EXPECT_DOUBLE_EQ(round.preferences[1].discount, r < 5 ? 0.9 : 1.0);
  }
}

}  // namespace
}  // namespace parley::testing
