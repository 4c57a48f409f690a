// force_walk_out closes a track (or all) as a walk-away by the party, in its round.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"

namespace parley::testing {
namespace {

TEST(ForceWalkOutEvent, ThePartyWalksOutOfOneTrack) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("force_walk_out", 6, {{"party", 1}, {"track", 1}})};
  const RecordedRun run = record(s);
  const TrackResult& t = run.result.tracks[1];
  EXPECT_EQ(t.status, TrackStatus::WalkAway);
  EXPECT_EQ(t.round, 6);
  EXPECT_EQ(t.actor, 1);
  EXPECT_DOUBLE_EQ(t.payoff[0], 0.2);
  bool seen = false;
  for (const Move& m : run.recorder->moves) {
    if (m.track != 1) continue;
    EXPECT_LE(m.round, 6);
    if (m.action == Action::WalkAway) {
      seen = true;
      EXPECT_EQ(m.round, 6);
      EXPECT_EQ(m.party, 1);
    }
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(run.result.tracks[0].status, TrackStatus::Deadline);
}

TEST(ForceWalkOutEvent, WithoutATrackThePartyLeavesEveryTrackAndTheRunEnds) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("force_walk_out", 6, {{"party", 0}})};
  const RecordedRun run = record(s);
  for (const TrackResult& t : run.result.tracks) {
    EXPECT_EQ(t.status, TrackStatus::WalkAway);
    EXPECT_EQ(t.round, 6);
    EXPECT_EQ(t.actor, 0);
  }
  EXPECT_EQ(run.result.rounds, 7);
}

}  // namespace
}  // namespace parley::testing
