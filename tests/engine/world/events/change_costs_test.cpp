// change_costs scales and adds to one party's cost of one kind from its round on.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"

namespace parley::testing {
namespace {

TEST(ChangeCostsEvent, ChangesOnePartysCostFromItsRound) {
  auto base = two_track_scenario();
  add_war(*base);
  auto changed = std::make_shared<Scenario>(*base);
  changed->world.events = {
      scheduled("change_costs", 6, {{"party", 0}, {"cost", 0}, {"multiplier", 2}, {"add", 50}})};
  const RecordedRun a = record(base), b = record(changed);
  ASSERT_EQ(b.recorder->rounds.size(), 30u);
  double accrued = 0.0;
  for (int r = 0; r < 30; ++r) {
    const auto& x = a.recorder->rounds[r].world;
    const auto& y = b.recorder->rounds[r].world;
    const double expected = r < 6 ? 100.0 : 250.0;
    accrued += expected;
    EXPECT_DOUBLE_EQ(y.parties[0].last_costs[0], expected) << r;
    EXPECT_DOUBLE_EQ(y.parties[0].accrued[0], accrued);
    EXPECT_DOUBLE_EQ(y.parties[0].expected_cost, expected * 1e-4);
    EXPECT_DOUBLE_EQ(y.parties[1].last_costs[0], 200.0);  // the other party: unchanged
    EXPECT_EQ(y.battlefield.position, x.battlefield.position);
    const int k = y.battlefield.position;
    EXPECT_NEAR(b.recorder->rounds[r].preferences[0].reservation[0],
                k / 40.0 - expected * 1e-4 * k * (40 - k), 1e-12);
    EXPECT_EQ(b.recorder->rounds[r].preferences[1].reservation[0],
              a.recorder->rounds[r].preferences[1].reservation[0]);
  }
  EXPECT_DOUBLE_EQ(b.result.parties[0].war_costs[0], accrued);
  EXPECT_DOUBLE_EQ(b.result.parties[0].war_cost_utility, accrued * 1e-4);  // discount 1
  EXPECT_DOUBLE_EQ(b.result.parties[1].war_costs[0], 30 * 200.0);
}

}  // namespace
}  // namespace parley::testing
