// shift_battlefield moves the front by `by` at the start of its round, and nothing else.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"

namespace parley::testing {
namespace {

TEST(ShiftBattlefieldEvent, MovesTheFrontFromItsRoundOnAndNothingElse) {
  auto base = two_track_scenario();
  add_war(*base);
  auto shifted = std::make_shared<Scenario>(*base);
  shifted->world.events = {scheduled("shift_battlefield", 5, {{"by", 3}})};
  const RecordedRun a = record(base), b = record(shifted);
  ASSERT_EQ(a.recorder->rounds.size(), 30u);
  ASSERT_EQ(b.recorder->rounds.size(), 30u);
  EXPECT_EQ(b.recorder->fired, (std::vector<std::pair<int, int>>{{5, 0}}));
  for (int r = 0; r < 30; ++r) {
    const auto& x = a.recorder->rounds[r].world;
    const auto& y = b.recorder->rounds[r].world;
    ASSERT_GT(x.battlefield.position, 3);
    ASSERT_LT(x.battlefield.position, 37);
    // The same battles are fought (same draws); the front is 3 states further from round 5.
    EXPECT_EQ(y.battlefield.position, x.battlefield.position + (r >= 5 ? 3 : 0)) << r;
    EXPECT_EQ(y.battlefield.last_up, x.battlefield.last_up);
    EXPECT_EQ(y.parties[0].accrued, x.parties[0].accrued);
    EXPECT_EQ(y.parties[1].accrued, x.parties[1].accrued);
    EXPECT_EQ(y.battlefield.win_probability, x.battlefield.win_probability);
    // The humanitarian track's reservations are not the war's.
    EXPECT_EQ(b.recorder->rounds[r].preferences[0].reservation[1],
              a.recorder->rounds[r].preferences[0].reservation[1]);
    if (r < 5)
      EXPECT_EQ(b.recorder->rounds[r].preferences[0].reservation[0],
                a.recorder->rounds[r].preferences[0].reservation[0]);
    else
      EXPECT_GT(b.recorder->rounds[r].preferences[0].reservation[0],
                a.recorder->rounds[r].preferences[0].reservation[0]);
  }
  EXPECT_EQ(a.recorder->moves.size(), b.recorder->moves.size());
}

TEST(ShiftBattlefieldEvent, ShiftOntoAnAbsorbingStateIsAMilitaryVictoryThatRound) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("shift_battlefield", 2, {{"by", -40}})};
  const RecordedRun run = record(s);
  EXPECT_EQ(run.result.rounds, 3);
  EXPECT_EQ(run.result.world.victor, 1);
  EXPECT_EQ(run.result.world.end_round, 2);
  EXPECT_EQ(run.result.world.position, 0);
  for (const TrackResult& t : run.result.tracks) {
    EXPECT_EQ(t.status, TrackStatus::MilitaryVictory);
    EXPECT_EQ(t.round, 2);
    EXPECT_EQ(t.actor, 1);
  }
  // The war track pays the victor its victory value and the loser its defeat value; the
  // humanitarian track pays its reservations.
  EXPECT_DOUBLE_EQ(run.result.tracks[0].payoff[1], 1.0);
  EXPECT_DOUBLE_EQ(run.result.tracks[0].payoff[0], 0.0);
  EXPECT_DOUBLE_EQ(run.result.tracks[1].payoff[0], 0.2);
  // No moves in round 2: the war ended before the tracks played.
  for (const Move& m : run.recorder->moves) EXPECT_LT(m.round, 2);
}

}  // namespace
}  // namespace parley::testing
