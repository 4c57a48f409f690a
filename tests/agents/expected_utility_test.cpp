// The expected-utility model at the table (agents/expected_utility.hpp, docs/agents.md): its
// offers are where one round of Bueno de Mesquita's model puts its position.
#include "agents/expected_utility.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "engine/forecast/forecast_round.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"
#include "tests/support/agent_setup.hpp"
#include "tests/support/recording_trace.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

test::ScenarioBuilder pie(const std::string& a, const std::string& b, int levels,
                          double reservation_a = 0.0) {
  test::ScenarioBuilder s("pie");
  s.share("x", 0.0, 1.0, levels);
  s.party("A", a).points("x", {{0.0, 0.0}, {1.0, 1.0}}).reservation(reservation_a);
  s.party("B", b).points("x", {{0.0, 1.0}, {1.0, 0.0}});
  return s;
}

// A at its ideal (level 10), B offering level 0: A's next offer is the nearest level to the
// position the model's round gives it, computed here with the forecast engine itself.
TEST(ExpectedUtilityAgent, ItsOfferIsTheModelsRound) {
  test::ScenarioBuilder b = pie("expected-utility", "hardliner", 11);
  auto a = test::make_standalone_agent(b.build(), builtin_agents(), 0, 0);
  ExpectedUtilityAgent::Options o;
  o.capability = 2.0;
  o.opponent_capability = 1.0;
  o.opponent_salience = 0.9;
  ExpectedUtilityAgent agent(a->setup, o);
  EXPECT_EQ(agent.position(0, 0), 10.0);
  agent.observe(Move{0, 0, 1, Action::Offer, a->space->deal(0)});
  EXPECT_EQ(agent.position(1, 0), 0.0);

  forecast::DimensionState state;
  state.positions = {10.0, 0.0};
  state.saliences = {1.0, 0.9};
  state.capabilities = {2.0, 1.0};
  state.fixed_risk = {std::nullopt, std::nullopt};
  state.width = 10.0;
  const double expected = forecast::play_round(state, o.model).positions[0];
  ASSERT_NE(expected, 10.0) << "the round should move A, or the test shows nothing";
  const Deal offer = agent.propose(RoundInfo{1, 0});
  EXPECT_EQ(a->space->level(offer.outcome, 0), static_cast<int>(std::lround(expected)));
  EXPECT_DOUBLE_EQ(agent.position(0, 0), expected);
}

// It never offers or accepts less than its reservation value: against a hardliner that asks for
// everything, its offers stay worth at least 0.6 to it and nothing is agreed.
TEST(ExpectedUtilityAgent, NeverBelowItsReservation) {
  test::ScenarioBuilder b = pie("expected-utility", "hardliner", 11, 0.6);
  b.opener("B").deadline(30);
  const Simulator sim(b.build(), builtin_agents());
  test::RecordingTrace trace;
  const RunResult r = sim.run(1, 0, &trace);
  EXPECT_NE(r.tracks[0].status, TrackStatus::Agreed);
  ASSERT_FALSE(trace.offers(0).empty());
  for (const Move& m : trace.offers(0))
    EXPECT_GE(sim.space(0).utilities(0)[m.deal.outcome], 0.6 - 1e-12);
}

// Two expected-utility negotiators on a pie, the one crediting the other with twice its
// capability (and the other agreeing): by the model's round the weaker gives way towards the
// stronger, and they agree on a split that favours the stronger.
TEST(ExpectedUtilityAgent, TwoOfThemAgreeAndTheStrongerGetsMore) {
  test::ScenarioBuilder b("pie");
  b.share("x", 0.0, 1.0, 101);
  b.party("A", "expected-utility", {{"capability", 1.0}, {"opponent_capability", 2.0}})
      .points("x", {{0.0, 0.0}, {1.0, 1.0}});
  b.party("B", "expected-utility", {{"capability", 2.0}, {"opponent_capability", 1.0}})
      .points("x", {{0.0, 1.0}, {1.0, 0.0}});
  b.opener("A").deadline(60);
  const Simulator sim(b.build(), builtin_agents());
  const RunResult r = sim.run(1);
  ASSERT_EQ(r.tracks[0].status, TrackStatus::Agreed);
  EXPECT_LT(r.tracks[0].deal.values[0], 0.5) << "B, the stronger, gets more of the pie";
}

// The test scenario (tests/data/forecast/eu-at-the-table.json): loads, and the party the model
// plays reaches a deal with a Boulware opponent before the deadline.
TEST(ExpectedUtilityAgent, TheTestScenarioReachesADeal) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/data/forecast/eu-at-the-table.json");
  std::stringstream text;
  text << in.rdbuf();
  const Simulator sim(load_scenario_text(text.str(), "eu-at-the-table.json", builtin_agents()),
                      builtin_agents());
  int agreed = 0;
  for (int i = 0; i < 20; ++i)
    agreed += sim.run(7, static_cast<std::uint64_t>(i)).tracks[0].status == TrackStatus::Agreed;
  EXPECT_GT(agreed, 10);
}

}  // namespace
}  // namespace parley
