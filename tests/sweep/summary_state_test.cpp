// The exact state of a sweep's statistics: it round-trips bit for bit, and read inside a block it
// is the state the block would have once ended.
#include <gtest/gtest.h>

#include "tests/sweep/summary_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;

TEST(SweepStatistics, StateRoundTripsExactly) {
  const FixtureSweep sweep;
  SweepRecorder r = sweep.recorder();
  sweep.record(r, 0, 500);
  const nlohmann::json state = r.statistics().state();
  const SweepStatistics back =
      SweepStatistics::from_state(sweep.layout, nlohmann::json::parse(state.dump()));
  EXPECT_TRUE(back == r.statistics());
  EXPECT_EQ(back.summary().dump(), r.statistics().summary().dump());
  // And the layout travels with it.
  EXPECT_TRUE(sweep_layout_from_json(to_json(*sweep.layout)) == *sweep.layout);
}

TEST(SweepStatistics, StateInsideABlockIsTheStateOnceItEnds) {
  SweepStatistics s(synthetic_layout());
  SyntheticRun r;
  for (int i = 0; i < 300; ++i) {
    r.result.tracks[0].status = i % 3 == 0 ? TrackStatus::Agreed : TrackStatus::Breakdown;
    r.result.tracks[0].round = i % 7;
    r.result.tracks[0].deal.values[0] = 10.0 * (i % 4);
    r.result.parties[0].utility = 0.1 * (i % 10);
    const double x[2] = {(i % 13) / 13.0, (i % 11) / 11.0};
    r.add_to(s, static_cast<std::uint64_t>(i), x);
  }
  const std::string inside = s.state().dump();
  const std::string summary_inside = s.summary().dump();
  s.end_block();
  EXPECT_EQ(inside, s.state().dump());
  EXPECT_EQ(summary_inside, s.summary().dump());
}

}  // namespace
}  // namespace parley
