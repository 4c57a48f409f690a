#include "sweep/tournament.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

ScenarioPtr shipped(const std::string& relative) {
  return load_scenario(std::string(PARLEY_SOURCE_DIR) + "/scenarios/" + relative, builtin_agents());
}

TEST(Tournament, EveryModelPlaysEveryRoleOverSeeds) {
  TournamentOptions options;
  options.models = {"rubinstein", "hardliner", "conceder"};
  options.seeds = 3;
  const auto result =
      run_tournament({shipped("textbook/rubinstein-0.9-0.9.json")}, options, builtin_agents());
  // 3 models in 2 roles: 9 pairings, 3 seeds each; a model plays 2 * 3 pairings' roles * seeds.
  EXPECT_EQ(result.games, 27u);
  EXPECT_TRUE(result.skipped.empty());
  for (const ModelRecord& r : result.records) EXPECT_EQ(r.games, 18u) << r.model;
  // Two Rubinstein players agree at once on 10/19 and 9/19, a Pareto-optimal deal: the
  // record of the rubinstein model includes its self-play both ways.
  const ModelRecord& rubinstein = result.records[0];
  EXPECT_EQ(rubinstein.model, "rubinstein");
  EXPECT_GT(rubinstein.agreement.successes(), 0u);
  // Two hardliners never agree.
  const ModelRecord& hardliner = result.records[1];
  EXPECT_LT(*hardliner.agreement.estimate(), 1.0);
  // Ranked by mean utility, best first.
  const auto order = result.ranking();
  ASSERT_EQ(order.size(), 3u);
  for (std::size_t k = 1; k < order.size(); ++k)
    EXPECT_GE(result.records[order[k - 1]].utility.mean(), result.records[order[k]].utility.mean());
}

TEST(Tournament, TheResultDoesNotDependOnTheThreadCount) {
  TournamentOptions options;
  options.models = {"boulware", "conceder", "linear", "random", "tit-for-tat"};
  options.seeds = 5;
  const std::vector<ScenarioPtr> scenarios = {shipped("istanbul-2025-06.json"),
                                              shipped("textbook/time-dependent-linear.json")};
  options.threads = 1;
  const std::string one =
      tournament_json(run_tournament(scenarios, options, builtin_agents()), options).dump();
  options.threads = 3;
  const std::string three =
      tournament_json(run_tournament(scenarios, options, builtin_agents()), options).dump();
  EXPECT_EQ(one, three);
}

TEST(Tournament, PairingsAModelCannotPlayAreListedNotPlayed) {
  TournamentOptions options;
  options.models = {"boulware", "rubinstein"};
  options.seeds = 1;
  const auto result = run_tournament({shipped("istanbul-2025-06.json")}, options, builtin_agents());
  EXPECT_EQ(result.skipped.size(), 3u);  // every pairing with rubinstein (private information)
  EXPECT_EQ(result.games, 1u);
  EXPECT_EQ(result.records[1].games, 0u);
  EXPECT_NE(result.skipped[0].reason.find("complete information"), std::string::npos);
  EXPECT_NE(tournament_text(result, options).find("not played"), std::string::npos);
}

TEST(Tournament, BadModelsAreBadInput) {
  TournamentOptions options;
  options.models = {"boulware:e=9"};
  const auto s = shipped("istanbul-2025-06.json");
  EXPECT_THROW(run_tournament({s}, options, builtin_agents()), InputError);
  options.models = {"nosuch"};
  EXPECT_THROW(run_tournament({s}, options, builtin_agents()), InputError);
  options.models = {};
  EXPECT_THROW(run_tournament({s}, options, builtin_agents()), InputError);
  options.models = {"boulware"};
  options.max_games = 3;
  options.seeds = 10;
  EXPECT_THROW(run_tournament({s}, options, builtin_agents()), InputError);
}

}  // namespace
}  // namespace parley
