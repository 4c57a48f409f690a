// change_odds sets the battlefield's odds from its round, re-solving the value of fighting on.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "../world_test_support.hpp"
#include "engine/event.hpp"
#include "engine/world/battlefield_bounds.hpp"

namespace parley::testing {
namespace {

TEST(ChangeOddsEvent, FromItsRoundEveryBattleGoesTheNewWay) {
  auto base = two_track_scenario();
  add_war(*base);
  auto changed = std::make_shared<Scenario>(*base);
  changed->world.events = {scheduled("change_odds", 20, {{"win_probability", 1.0}})};
  const RecordedRun a = record(base), b = record(changed);
  ASSERT_EQ(b.recorder->rounds.size(), 30u);
  for (int r = 0; r < 30; ++r) {
    const auto& x = a.recorder->rounds[r];
    const auto& y = b.recorder->rounds[r];
    if (r < 20) {
      EXPECT_EQ(y.world.battlefield.position, x.world.battlefield.position);
      EXPECT_EQ(y.world.battlefield.win_probability, 0.5);
      EXPECT_EQ(y.preferences[0].reservation[0], x.preferences[0].reservation[0]);
      continue;
    }
    EXPECT_EQ(y.world.battlefield.win_probability, 1.0);
    EXPECT_EQ(y.world.battlefield.decisive_probability, 1.0);  // unchanged
    EXPECT_EQ(y.world.battlefield.last_up, 1);
    EXPECT_EQ(y.world.battlefield.last_down, 0);
    const int k = y.world.battlefield.position;
    EXPECT_EQ(k, b.recorder->rounds[19].world.battlefield.position + (r - 19));
    // With q = 1 the up party wins for sure after N - k more rounds: V_A = 1 - c_A (N - k).
    EXPECT_NEAR(y.preferences[0].reservation[0], 1.0 - 0.01 * (40 - k), 1e-12);
    EXPECT_NEAR(y.preferences[1].reservation[0], 0.0 - 0.02 * (40 - k), 1e-12);
    EXPECT_EQ(y.world.parties[0].accrued, x.world.parties[0].accrued);
  }
}

// d has the battlefield's own lower bound (the schema's 10^-6): a change_odds event cannot set
// what a file's world.battlefield may not hold, however small and positive it is.
TEST(ChangeOddsEvent, RefusesADecisiveProbabilityBelowTheBattlefieldsBound) {
  auto scenario = two_track_scenario();
  add_war(*scenario);
  const EventKind& kind = *builtin_event_kinds().find("change_odds");
  const auto check = [&](double d) {
    std::map<std::string, double> resolved;
    return resolve_event_args(kind, {{"win_probability", 0.5}, {"decisive_probability", d}},
                              *scenario, resolved);
  };
  for (const double d : {5e-324, 1e-300, 1e-7, 9.99e-7, 0.0, -0.0, -0.5}) {
    const auto error = check(d);
    ASSERT_TRUE(error.has_value()) << d;
    EXPECT_EQ(error->param, "decisive_probability");
    EXPECT_EQ(error->expected, "-1 or in [0.000001, 1]");
  }
  for (const double d : {-1.0, kMinDecisiveProbability, 0.5, 1.0})
    EXPECT_FALSE(check(d).has_value()) << d;
  EXPECT_TRUE(check(1.5).has_value());  // the parameter's range
}

}  // namespace
}  // namespace parley::testing
