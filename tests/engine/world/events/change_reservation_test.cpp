// change_reservation sets an ordinary track's reservation, or shifts a war track's for the rest
// of the run, from its round on.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"
#include "engine/input_error.hpp"

namespace parley::testing {
namespace {

TEST(ChangeReservationEvent, SetsAnOrdinaryTracksReservationFromItsRound) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("change_reservation", 4, {{"party", 0}, {"track", 1}, {"to", 0.5}})};
  const RecordedRun run = record(s);
  auto plain = two_track_scenario();
  add_war(*plain);
  const RecordedRun base = record(plain);
  for (int r = 0; r < 30; ++r) {
    const auto& x = base.recorder->rounds[r].preferences;
    const auto& y = run.recorder->rounds[r].preferences;
    EXPECT_EQ(y[0].reservation[1], r < 4 ? 0.2 : 0.5) << r;
    EXPECT_EQ(y[1].reservation[1], 0.2);
    EXPECT_EQ(y[0].reservation[0], x[0].reservation[0]);  // the war track: unchanged
  }
  // The humanitarian track closes at the deadline and pays the new value.
  EXPECT_EQ(run.result.tracks[1].status, TrackStatus::Deadline);
  EXPECT_DOUBLE_EQ(run.result.tracks[1].payoff[0], 0.5);
}

TEST(ChangeReservationEvent, ShiftsAWarTracksReservationForTheRestOfTheRun) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {
      scheduled("change_reservation", 4, {{"party", 1}, {"track", 0}, {"by", -0.1}})};
  const RecordedRun run = record(s);
  for (int r = 0; r < 30; ++r) {
    const auto& round = run.recorder->rounds[r];
    const double war = round.world.parties[1].war_value;
    EXPECT_NEAR(round.preferences[1].reservation[0], war - (r < 4 ? 0.0 : 0.1), 1e-15) << r;
    EXPECT_EQ(round.preferences[0].reservation[0], round.world.parties[0].war_value);
  }
}

TEST(ChangeReservationEvent, RejectsAnAbsoluteValueOnAWarTrack) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {scheduled("change_reservation", 4, {{"party", 1}, {"track", 0}, {"to", 0.4}})};
  EXPECT_THROW(Simulator(s, builtin_agents()), InputError);
}

}  // namespace
}  // namespace parley::testing
