#include "agents/micro.hpp"

#include <gtest/gtest.h>

#include <set>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/recording_trace.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

// Two MiCRO agents on a split-the-pie grid with linear utilities: each concedes one grid step
// per distinct offer of the other, so they meet in the middle (de Jonge 2022: MiCRO against
// itself reaches an agreement that splits the concessions evenly).
TEST(Micro, ConcedesOnlyAsTheOpponentDoesAndMeetsInTheMiddle) {
  test::ScenarioBuilder b = test::split_the_pie("micro", 1.0, 1.0);
  const Simulator simulator(b.build(), builtin_agents());
  test::RecordingTrace trace;
  const RunResult result = simulator.run(1, 0, &trace);
  ASSERT_EQ(result.tracks.at(0).status, TrackStatus::Agreed);
  EXPECT_NEAR(result.tracks[0].deal.values[0], 0.5, 0.011);
  // Monotonic: each side's offers never get better for itself.
  const OutcomeSpace& space = simulator.space(0);
  for (int party = 0; party < 2; ++party) {
    double previous = 2.0;
    for (const Move& m : trace.offers(party)) {
      const double u = space.utilities(party)[m.deal.outcome];
      EXPECT_LE(u, previous + 1e-15);
      previous = u;
    }
  }
}

TEST(Micro, AgainstAHardlinerItNeverConcedesPastItsFirstStep) {
  test::ScenarioBuilder b("pie against a hardliner");
  b.share("x", 0.0, 1.0, 101);
  b.party("A", "micro").points("x", {{0.0, 0.0}, {1.0, 1.0}});
  b.party("B", "hardliner").points("x", {{0.0, 1.0}, {1.0, 0.0}});
  b.opener("A").deadline(40);
  const Simulator simulator(b.build(), builtin_agents());
  test::RecordingTrace trace;
  simulator.run(1, 0, &trace);
  // The hardliner makes one distinct offer, so MiCRO makes at most two distinct offers.
  std::set<std::int64_t> distinct;
  for (const Move& m : trace.offers(0)) distinct.insert(m.deal.outcome);
  EXPECT_LE(distinct.size(), 2u);
  EXPECT_GT(trace.offers(0).size(), 5u);
}

}  // namespace
}  // namespace parley
