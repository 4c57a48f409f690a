// Reading the world, pressure, events and implementation blocks of a scenario file.
#include "engine/load/world_loader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"

namespace parley {
namespace {

const std::string kBase = std::string(PARLEY_SOURCE_DIR) + "/tests/data/world/base-world.json";

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(WorldLoader, ReadsEveryBlock) {
  const ScenarioPtr s = load_scenario(kBase, builtin_agents());
  const WorldSpec& w = s->world;
  ASSERT_TRUE(w.battlefield.present);
  EXPECT_EQ(w.battlefield.states, 20);
  EXPECT_EQ(w.battlefield.start, 10);
  EXPECT_EQ(w.battlefield.up_party, 1);
  EXPECT_EQ(w.battlefield.down_party, 0);
  EXPECT_EQ(w.battlefield.win_probability, 0.48);
  EXPECT_EQ(w.battlefield.decisive_probability, 0.5);
  EXPECT_EQ(w.battlefield.battles_per_round, 2);

  ASSERT_EQ(w.cost_kinds.size(), 2u);
  EXPECT_EQ(w.cost_kinds[1].unit, "$bn");
  ASSERT_EQ(w.parties.size(), 2u);
  const PartyCost& ru_money = w.parties[0].costs[1];
  EXPECT_EQ(ru_money.per_round.kind, CostDistributionKind::Lognormal);
  EXPECT_EQ(ru_money.per_round.mean, 0.5);
  EXPECT_EQ(ru_money.per_round.sd, 0.2);
  EXPECT_EQ(ru_money.utility_per_unit, 0.002);
  const PartyCost& ua_money = w.parties[1].costs[1];
  EXPECT_EQ(ua_money.per_round.kind, CostDistributionKind::Uniform);
  EXPECT_DOUBLE_EQ(ua_money.per_round.mean, 0.3);
  EXPECT_EQ(ua_money.source, "outcome");
  EXPECT_EQ(w.parties[1].victory_value, 1.0);  // default
  EXPECT_EQ(w.war_tracks, std::vector<int>{1});
  EXPECT_EQ(w.ceasefire_tracks, std::vector<int>{1});  // defaults to the war tracks

  ASSERT_EQ(w.pressure.size(), 1u);
  EXPECT_EQ(w.pressure[0].party, 0);
  EXPECT_EQ(w.pressure[0].cost_kind, 1);
  EXPECT_EQ(w.pressure[0].cost_multiplier, 1.3);
  EXPECT_FALSE(w.pressure[0].active);

  ASSERT_EQ(w.events.size(), 4u);
  EXPECT_EQ(w.events[0].round, 2);  // 2025-06-04, two days after the clock starts
  EXPECT_EQ(w.events[0].date, "2025-06-04");
  EXPECT_EQ(w.events[0].args.at("party"), 0);
  EXPECT_EQ(w.events[0].args.at("cost"), 1);
  EXPECT_EQ(w.events[0].args.at("add"), 0);  // default filled in
  EXPECT_EQ(w.events[1].args.at("lever"), 0);
  EXPECT_EQ(w.events[1].args.at("active"), 1);
  const EventSpec& offensive = w.events[2];
  EXPECT_TRUE(offensive.is_random());
  EXPECT_EQ(offensive.hazard, 0.05);
  EXPECT_EQ(offensive.from_round, 3);
  EXPECT_EQ(offensive.until_round, 28);
  EXPECT_EQ(offensive.max_fires, 2);
  EXPECT_EQ(w.events[3].round, 20);
  EXPECT_EQ(w.events[3].unless_agreed, 0);
  EXPECT_EQ(w.events[3].args.at("suspend"), 1);

  ASSERT_EQ(w.implementation.size(), 1u);
  const ImplementationSpec& item = w.implementation[0];
  EXPECT_EQ(item.track, 0);
  EXPECT_EQ(item.issue, 1);
  EXPECT_EQ(item.probability, 0.9);
  EXPECT_EQ(item.delay_min, 1);
  EXPECT_EQ(item.delay_max, 5);
  EXPECT_EQ(item.sides[0].probability, 1.0);
  EXPECT_EQ(item.sides[0].fraction_min, 1.0);
  EXPECT_EQ(item.sides[1].probability, 0.5);
  EXPECT_EQ(item.sides[1].fraction_max, 0.01);
}

TEST(WorldLoader, DriftSetsTheWinProbability) {
  std::string text = read(kBase);
  const std::string from = "\"win_probability\": 0.48";
  text.replace(text.find(from), from.size(), "\"drift\": -0.2");
  const ScenarioPtr s = load_scenario_text(text, "drift.json", builtin_agents());
  EXPECT_DOUBLE_EQ(s->world.battlefield.win_probability, 0.4);
}

TEST(WorldLoader, AScenarioWithoutTheBlocksHasNoWorld) {
  const ScenarioPtr s =
      load_scenario(std::string(PARLEY_SOURCE_DIR) + "/scenarios/textbook/rubinstein-0.9-0.9.json",
                    builtin_agents());
  EXPECT_TRUE(s->world.empty());
}

TEST(WorldLoader, TheLoadedWorldRuns) {
  const Simulator simulator(load_scenario(kBase, builtin_agents()), builtin_agents());
  const RunResult r = simulator.run(3);
  EXPECT_TRUE(r.world.present);
  ASSERT_EQ(r.parties[0].war_costs.size(), 2u);
  EXPECT_GT(r.parties[0].war_costs[0], 0.0);
  ASSERT_EQ(r.implementation.size(), 1u);
  EXPECT_GE(r.world.events.size(), 1u);
  EXPECT_EQ(r.world.events[0].event, 0);
  EXPECT_EQ(r.world.events[0].round, 2);
}

}  // namespace
}  // namespace parley
