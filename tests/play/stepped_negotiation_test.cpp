#include "play/stepped_negotiation.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "agents/builtin_agents.hpp"
#include "analysis/report/run_report.hpp"
#include "analysis/report/trace_writer.hpp"
#include "engine/load/scenario_loader.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

ScenarioPtr two_party(bool walk_away = false) {
  ScenarioBuilder b("stepped");
  b.options("a", {"a0", "a1", "a2"});
  b.flag("f");
  b.party("A", "hardliner");
  b.party("B", "conceder");
  b.opener("A").deadline(8).walk_away(walk_away);
  return b.build();
}

TEST(SteppedNegotiation, BothPartiesPlayedOfferAndAccept) {
  SteppedNegotiation game(two_party(), builtin_agents(), {0, 1});
  EXPECT_EQ(game.move_count(), 6 + 3);
  game.reset(1);
  ASSERT_FALSE(game.done());
  EXPECT_EQ(game.decision().party, 0);
  EXPECT_EQ(game.decision().phase, SteppedNegotiation::Phase::Propose);
  EXPECT_EQ(game.legal_moves(), (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5}));
  game.step(4);
  EXPECT_EQ(game.decision().party, 1);
  EXPECT_EQ(game.decision().phase, SteppedNegotiation::Phase::Respond);
  EXPECT_EQ(game.decision().view.offer->outcome, 4);
  EXPECT_EQ(game.legal_moves(), (std::vector<std::int64_t>{6, 7})) << "no walk-away here";
  game.step(game.accept_move());
  ASSERT_TRUE(game.done());
  EXPECT_EQ(game.result().tracks[0].status, TrackStatus::Agreed);
  EXPECT_EQ(game.result().tracks[0].deal.outcome, 4);
  EXPECT_THROW(game.decision(), std::logic_error);
  EXPECT_THROW(game.step(0), std::logic_error);
}

TEST(SteppedNegotiation, AnIllegalMoveChangesNothing) {
  SteppedNegotiation game(two_party(), builtin_agents(), {0, 1});
  game.reset(1);
  EXPECT_THROW(game.step(game.accept_move()), std::invalid_argument);
  EXPECT_THROW(game.step(-1), std::invalid_argument);
  EXPECT_EQ(game.decision().phase, SteppedNegotiation::Phase::Propose);
  game.step(0);
  EXPECT_THROW(game.step(1), std::invalid_argument) << "an offer when an answer is awaited";
  EXPECT_THROW(game.step(game.walk_away_move()), std::invalid_argument);
}

TEST(SteppedNegotiation, WalkingAwayWhereTheRulesAllowIt) {
  SteppedNegotiation game(two_party(true), builtin_agents(), {1});
  game.reset(2);
  ASSERT_EQ(game.decision().party, 1);
  ASSERT_EQ(game.decision().phase, SteppedNegotiation::Phase::Respond);
  EXPECT_TRUE(game.legal(game.walk_away_move()));
  game.step(game.walk_away_move());
  ASSERT_TRUE(game.done());
  EXPECT_EQ(game.result().tracks[0].status, TrackStatus::WalkAway);
  EXPECT_EQ(game.result().tracks[0].actor, 1);
}

TEST(SteppedNegotiation, UnplayedPartiesAreTheScenariosAgents) {
  // Nobody played: the run is the simulator's, to the byte of its report.
  const ScenarioPtr scenario = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/istanbul-2025-06.json", builtin_agents());
  const Simulator simulator(scenario, builtin_agents());
  SteppedNegotiation game(scenario, builtin_agents(), {});
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    game.reset(seed);
    ASSERT_TRUE(game.done());
    EXPECT_EQ(run_report_json(game.simulator(), game.result()).dump(),
              run_report_json(simulator, simulator.run(seed)).dump());
  }
}

TEST(SteppedNegotiation, PlayedOnOneTrackTheOwnAgentPlaysTheOthers) {
  const ScenarioPtr scenario = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/istanbul-2025-06.json", builtin_agents());
  SteppedNegotiation game(scenario, builtin_agents(), {1}, {0});
  game.reset(4);
  int decisions = 0;
  while (!game.done()) {
    EXPECT_EQ(game.decision().party, 1);
    EXPECT_EQ(game.decision().track, 0) << "the political track is the conceder's";
    const auto moves = game.legal_moves();
    // Always offer the first outcome and reject every offer.
    game.step(game.decision().phase == SteppedNegotiation::Phase::Propose ? moves.front()
                                                                          : game.reject_move());
    ++decisions;
  }
  EXPECT_GT(decisions, 2);
  // Only Ukraine's own offer (outcome 0) can have been agreed on the humanitarian track.
  const TrackResult& humanitarian = game.result().tracks[0];
  if (humanitarian.status == TrackStatus::Agreed) {
    EXPECT_EQ(humanitarian.proposer, 1);
    EXPECT_EQ(humanitarian.deal.outcome, 0);
  }
}

TEST(SteppedNegotiation, SameSeedAndMovesGiveTheSameRunAndResetAbandonsCleanly) {
  SteppedNegotiation game(two_party(), builtin_agents(), {0});
  auto play = [&game](std::uint64_t seed) {
    game.reset(seed);
    while (!game.done())
      game.step(game.decision().phase == SteppedNegotiation::Phase::Propose
                    ? game.legal_moves().back()
                    : game.reject_move());
    return run_report_json(game.simulator(), game.result()).dump();
  };
  const std::string first = play(9);
  for (int k = 0; k < 200; ++k) game.reset(static_cast<std::uint64_t>(k));  // abandoned mid-run
  EXPECT_EQ(play(9), first);
}

TEST(SteppedNegotiation, AGivenTraceSinkGetsTheSameTraceAsAnUnsteppedRun) {
  // Both parties played, moving as their scenario agents would: a person's game is saved as the
  // standard trace, line for line what `parley run --trace` writes for the same moves.
  SteppedNegotiation game(two_party(), builtin_agents(), {0, 1});
  std::ostringstream stepped;
  JsonlTraceWriter writer(game.simulator(), stepped);
  game.reset(3, 0, &writer);
  game.step(game.offset(0) + 4);
  game.step(game.reject_move());
  game.step(game.offset(0) + 2);
  game.step(game.accept_move());
  ASSERT_TRUE(game.done());
  const std::string trace = stepped.str();
  EXPECT_EQ(std::count(trace.begin(), trace.end(), '\n'), 6) << trace;
  EXPECT_NE(trace.find("\"action\":\"accept\""), std::string::npos) << trace;
  EXPECT_NE(trace.find("\"event\":\"run-end\""), std::string::npos) << trace;
  game.reset(3);  // without a sink, nothing more is written
  EXPECT_EQ(stepped.str(), trace);
}

}  // namespace
}  // namespace parley
