// open_track: a track on a later agenda starts suspended and plays from the event's round.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"

namespace parley::testing {
namespace {

TEST(OpenTrackEvent, TheTrackPlaysFromItsRoundOnly) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("open_track", 5, {{"track", 1}})};
  const RecordedRun run = record(s);
  int first = -1;
  for (const Move& m : run.recorder->moves) {
    if (m.track != 1) continue;
    if (first < 0) {
      first = m.round;
      EXPECT_EQ(m.action, Action::Offer);
      EXPECT_EQ(m.party, 0);  // the opener
    }
  }
  EXPECT_EQ(first, 5);
  // The political track played from round 0, as before.
  EXPECT_EQ(run.recorder->moves.front().round, 0);
  EXPECT_EQ(run.recorder->moves.front().track, 0);
  EXPECT_EQ(run.result.tracks[1].status, TrackStatus::Deadline);
}

TEST(OpenTrackEvent, ARunWaitsForASuspendedTrackAndAPastOneNeverOpens) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("open_track", 6, {{"track", 0}}),
                     scheduled("open_track", 40, {{"track", 1}})};  // after the deadline
  const RecordedRun run = record(s);
  // Rounds 0-5: nothing to play, but the war goes on.
  ASSERT_EQ(run.recorder->rounds.size(), 30u);
  EXPECT_EQ(run.recorder->rounds[5].world.battlefield.rounds_fought, 6);
  EXPECT_EQ(run.recorder->moves.front().round, 6);
  EXPECT_EQ(run.result.tracks[1].status, TrackStatus::Suspended);
  EXPECT_EQ(run.result.tracks[1].round, 29);
  EXPECT_DOUBLE_EQ(run.result.tracks[1].payoff[0], 0.2);  // its reservation
}

TEST(OpenTrackEvent, ARunEndsWhenNoSuspendedTrackCanOpen) {
  auto s = two_track_scenario("conceder");
  s->protocol.deadline_rounds = 0;
  s->world.events = {scheduled("open_track", 3, {{"track", 1}})};
  const RecordedRun run = record(s);
  // Both tracks agree eventually; the run stops as soon as the last one has.
  ASSERT_EQ(run.result.tracks[0].status, TrackStatus::Agreed);
  ASSERT_EQ(run.result.tracks[1].status, TrackStatus::Agreed);
  EXPECT_GE(run.result.tracks[1].round, 3);
  EXPECT_EQ(run.result.rounds,
            std::max(run.result.tracks[0].round, run.result.tracks[1].round) + 1);
}

}  // namespace
}  // namespace parley::testing
