// change_odds sets the battlefield's odds from its round, re-solving the value of fighting on.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"

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

}  // namespace
}  // namespace parley::testing
