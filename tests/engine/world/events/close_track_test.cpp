// close_track closes a track without agreement in its round, or suspends it until reopened.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"

namespace parley::testing {
namespace {

TEST(CloseTrackEvent, ClosesTheTrackInItsRound) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("close_track", 4, {{"track", 0}})};
  const RecordedRun run = record(s);
  const TrackResult& t = run.result.tracks[0];
  EXPECT_EQ(t.status, TrackStatus::Closed);
  EXPECT_EQ(t.round, 4);
  // Paid the reservation in force when it closed: the value of fighting on after round 3.
  EXPECT_DOUBLE_EQ(t.payoff[0], run.recorder->rounds[3].preferences[0].reservation[0]);
  for (const Move& m : run.recorder->moves) {
    if (m.track == 0) {
      EXPECT_LT(m.round, 4);
    }
  }
  EXPECT_EQ(run.result.tracks[1].status, TrackStatus::Deadline);  // the other goes on
}

TEST(CloseTrackEvent, SuspendsUntilReopened) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("close_track", 3, {{"track", 1}, {"suspend", 1}}),
                     scheduled("open_track", 8, {{"track", 1}, {"initially_closed", 0}})};
  const RecordedRun run = record(s);
  std::vector<int> rounds;
  for (const Move& m : run.recorder->moves)
    if (m.track == 1 && m.action == Action::Offer) rounds.push_back(m.round);
  ASSERT_FALSE(rounds.empty());
  for (const int r : rounds) EXPECT_TRUE(r < 3 || r >= 8) << r;
  EXPECT_EQ(rounds[3], 8);  // rounds 0, 1, 2, then 8
  EXPECT_EQ(run.result.tracks[1].status, TrackStatus::Deadline);
}

}  // namespace
}  // namespace parley::testing
