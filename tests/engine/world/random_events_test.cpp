// Random events fire with their hazard in each round of their window, at most max_fires times,
// and not once their unless_agreed track is agreed.
#include <gtest/gtest.h>

#include <cmath>

#include "world_test_support.hpp"

namespace parley::testing {
namespace {

EventSpec random_shift(double hazard, int from, int until, int max_fires) {
  EventSpec e = scheduled("shift_battlefield", -1, {{"by", 1}});
  e.hazard = hazard;
  e.from_round = from;
  e.until_round = until;
  e.max_fires = max_fires;
  return e;
}

TEST(RandomEvents, FireWithTheirHazardInsideTheirWindow) {
  auto s = two_track_scenario();
  add_war(*s);
  s->world.events = {random_shift(0.1, 2, 9, 1), random_shift(0.2, 0, 19, 0)};
  const Simulator simulator(s, builtin_agents());
  const int runs = 4000;
  std::vector<int> first_round(30, 0);
  double fired_once = 0, fires_unlimited = 0, fires_unlimited_sq = 0;
  for (int i = 0; i < runs; ++i) {
    const RunResult r = simulator.run(11, static_cast<std::uint64_t>(i));
    int once = 0, unlimited = 0;
    for (const FiredEvent& f : r.world.events) {
      if (f.event == 0) {
        ++once;
        EXPECT_GE(f.round, 2);
        EXPECT_LE(f.round, 9);
        ++first_round[f.round];
      } else {
        ++unlimited;
        EXPECT_LE(f.round, 19);
      }
    }
    EXPECT_LE(once, 1);
    fired_once += once;
    fires_unlimited += unlimited;
    fires_unlimited_sq += unlimited * unlimited;
  }
  // P(fired in the window) = 1 - 0.9^8; P(first in round r) = 0.1 * 0.9^(r-2).
  const double p = 1 - std::pow(0.9, 8);
  EXPECT_LE(std::abs(fired_once / runs - p), 4 * std::sqrt(p * (1 - p) / runs));
  for (int r = 2; r <= 9; ++r) {
    const double pr = 0.1 * std::pow(0.9, r - 2);
    EXPECT_LE(std::abs(first_round[r] / double(runs) - pr), 4 * std::sqrt(pr * (1 - pr) / runs));
  }
  // Unlimited: Binomial(20, 0.2) fires, mean 4, variance 3.2.
  EXPECT_LE(std::abs(fires_unlimited / runs - 4.0), 4 * std::sqrt(3.2 / runs));
}

TEST(RandomEvents, UnlessAgreedBlocksAnEventOnceItsTrackIsAgreed) {
  auto s = two_track_scenario("conceder");
  s->protocol.deadline_rounds = 20;
  s->tracks = {Track{"humanitarian", "Humanitarian", {1}, {}},
               Track{"political", "Political", {0}, {}}};
  // An event due every round, blocked once the humanitarian track (0) is agreed.
  std::vector<EventSpec> events;
  for (int r = 0; r < 20; ++r) {
    EventSpec e = scheduled("change_reservation", r, {{"party", 0}, {"track", 1}, {"by", 0.001}});
    e.unless_agreed = 0;
    events.push_back(e);
  }
  s->world.events = events;
  const RecordedRun run = record(s);
  ASSERT_EQ(run.result.tracks[0].status, TrackStatus::Agreed);
  const int agreed = run.result.tracks[0].round;
  for (const auto& [round, event] : run.recorder->fired) EXPECT_LE(round, agreed);
  EXPECT_EQ(run.recorder->fired.size(), static_cast<std::size_t>(agreed + 1));
}

}  // namespace
}  // namespace parley::testing
