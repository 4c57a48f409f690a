// Sweeps over the world's numbers (docs/sweep.md, "What can vary"): /world/... pointers bind to
// typed slots, a run with a drawn value is the run of a file that says that value, and every
// pointer or distribution the world cannot take is an InputError that says why.
#include <gtest/gtest.h>

#include <functional>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/random/sampling_design.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "engine/world/private_type.hpp"
#include "sweep/run_workspace.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/sweep_fixture.hpp"

namespace parley {
namespace {

using testing::vary;

// Battlefield UA (up) against RU (down), 20 states from 10; RU: poisson casualties (mean 1000),
// lognormal money (0.5, 0.2); UA: gamma casualties (800, 300), uniform money [0.2, 0.4].
ScenarioPtr world_scenario() {
  static const ScenarioPtr s = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/tests/data/world/base-world.json", builtin_agents());
  return s;
}

ParameterSlot bind(const std::string& pointer, const std::string& distribution) {
  return bind_parameter(vary(pointer, distribution), *world_scenario(), builtin_agents());
}

std::string bind_error(const std::vector<std::pair<std::string, std::string>>& varied) {
  UncertaintySpec spec;
  for (const auto& [pointer, distribution] : varied)
    spec.parameters.push_back(vary(pointer, distribution));
  try {
    bind_parameters(spec, *world_scenario(), builtin_agents());
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << varied.front().first << " bound";
  return "";
}

std::string bind_error(const std::string& pointer, const std::string& distribution) {
  return bind_error({{pointer, distribution}});
}

TEST(WorldParameterSlot, BindsEveryWorldNumber) {
  const ParameterSlot q = bind("/world/battlefield/win_probability", "uniform(0.3, 0.7)");
  EXPECT_EQ(q.kind, SlotKind::WinProbability);
  EXPECT_EQ(q.baseline, 0.48);
  EXPECT_EQ(bind("/world/battlefield/decisive_probability", "uniform(0.2, 1)").kind,
            SlotKind::DecisiveProbability);
  const ParameterSlot start = bind("/world/battlefield/start", "discrete(1, 10, 19)");
  EXPECT_EQ(start.kind, SlotKind::BattlefieldStart);
  EXPECT_TRUE(start.integer);
  EXPECT_EQ(start.baseline, 10.0);
  const ParameterSlot victory = bind("/world/parties/UA/victory_value", "uniform(0.5, 1)");
  EXPECT_EQ(victory.kind, SlotKind::VictoryValue);
  EXPECT_EQ(victory.party, 1);
  EXPECT_EQ(victory.baseline, 1.0);  // the default counts
  EXPECT_EQ(bind("/world/parties/RU/defeat_value", "uniform(0, 0.2)").kind, SlotKind::DefeatValue);
  const ParameterSlot mean = bind("/world/parties/RU/costs/casualties/mean", "uniform(500, 1500)");
  EXPECT_EQ(mean.kind, SlotKind::CostMean);
  EXPECT_EQ(mean.party, 0);
  EXPECT_EQ(mean.cost_kind, 0);
  EXPECT_EQ(mean.baseline, 1000.0);
  const ParameterSlot sd = bind("/world/parties/UA/costs/casualties/sd", "uniform(100, 500)");
  EXPECT_EQ(sd.kind, SlotKind::CostSd);
  EXPECT_EQ(sd.baseline, 300.0);
  const ParameterSlot min = bind("/world/parties/UA/costs/money/min", "uniform(0, 0.4)");
  EXPECT_EQ(min.kind, SlotKind::CostMin);
  EXPECT_EQ(min.cost_kind, 1);
  EXPECT_EQ(bind("/world/parties/UA/costs/money/max", "uniform(0.2, 3)").kind, SlotKind::CostMax);
  const ParameterSlot per_unit =
      bind("/world/parties/RU/costs/money/utility_per_unit", "uniform(0, 0.01)");
  EXPECT_EQ(per_unit.kind, SlotKind::CostUtilityPerUnit);
  EXPECT_EQ(per_unit.baseline, 0.002);
}

TEST(WorldParameterSlot, RefusesPointersTheWorldDoesNotHave) {
  EXPECT_NE(bind_error("/world/battlefield/states", "fixed(10)").find("a number a sweep can vary"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/battlefield/states", "fixed(10)")
                .find("/world/parties/ID/costs/KIND/{mean, sd, min, max, utility_per_unit}"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/parties/XX/victory_value", "fixed(1)")
                .find("a party id at /world/parties/XX (RU, UA)"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/parties/RU/costs/fuel/mean", "fixed(1)")
                .find("a cost kind in /world/costs after /costs/ (casualties, money)"),
            std::string::npos);
  // A field the cost's distribution does not have.
  EXPECT_NE(bind_error("/world/parties/RU/costs/casualties/sd", "fixed(1)")
                .find("a parameter of RU's poisson cost 'casualties' (mean, utility_per_unit)"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/parties/UA/costs/money/mean", "fixed(1)")
                .find("(min, max, utility_per_unit), found mean"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/parties/UA/costs/casualties/min", "fixed(1)")
                .find("gamma cost 'casualties' (mean, sd, utility_per_unit)"),
            std::string::npos);
  // The sweep fixture has no world at all.
  try {
    bind_parameter(vary("/world/battlefield/win_probability", "uniform(0, 1)"),
                   *testing::sweep_fixture_scenario(), builtin_agents());
    ADD_FAILURE() << "bound without a battlefield";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("a scenario with a world.battlefield"), std::string::npos);
  }
}

TEST(WorldParameterSlot, RefusesDistributionsThatLeaveTheLegalRange) {
  EXPECT_NE(bind_error("/world/battlefield/win_probability", "normal(0.5, 0.1)")
                .find("legal range [0, 1] of the battlefield's win_probability"),
            std::string::npos);
  // At least 1e-6: below it the war's value is a singular system (NaN).
  EXPECT_NE(bind_error("/world/battlefield/decisive_probability", "uniform(0, 1)")
                .find("legal range [1e-06, 1] of the battlefield's decisive_probability"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/battlefield/start", "discrete(0, 10)").find("legal range [1, 19]"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/battlefield/start", "discrete(5, 20)").find("legal range [1, 19]"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/battlefield/start", "uniform(5, 15)").find("whole numbers"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/parties/RU/victory_value", "uniform(0.5, 1.5)").find("[0, 1]"),
            std::string::npos);
  // Lognormal and gamma need mean > 0 and sd > 0; poisson and fixed a mean >= 0.
  EXPECT_NE(bind_error("/world/parties/RU/costs/money/mean", "uniform(0, 1)")
                .find("legal range (0, inf) of a cost's mean"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/parties/UA/costs/casualties/sd", "discrete(0, 100)")
                .find("legal range (0, inf) of a cost's sd"),
            std::string::npos);
  EXPECT_NO_THROW(bind("/world/parties/RU/costs/casualties/mean", "uniform(0, 10)"));
  EXPECT_NE(bind_error("/world/parties/RU/costs/casualties/mean", "normal(10, 1)")
                .find("legal range [0, inf)"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/parties/RU/costs/casualties/utility_per_unit", "normal(0, 1)")
                .find("legal range [0, inf)"),
            std::string::npos);
  // A uniform cost keeps min <= max: against the file's other bound, or the other's reach.
  EXPECT_NE(bind_error("/world/parties/UA/costs/money/min", "uniform(0.1, 0.5)")
                .find("min that stays at or below its max (0.4)"),
            std::string::npos);
  EXPECT_NE(bind_error("/world/parties/UA/costs/money/max", "uniform(0.1, 0.5)")
                .find("max that stays at or above its min (0.2)"),
            std::string::npos);
  EXPECT_NE(bind_error({{"/world/parties/UA/costs/money/min", "uniform(0.3, 0.6)"},
                        {"/world/parties/UA/costs/money/max", "uniform(0.5, 0.9)"}})
                .find("the least value of its distribution, 0.5"),
            std::string::npos);
  UncertaintySpec both;
  both.parameters = {vary("/world/parties/UA/costs/money/min", "uniform(0.3, 0.6)"),
                     vary("/world/parties/UA/costs/money/max", "uniform(0.6, 0.9)")};
  EXPECT_NO_THROW(bind_parameters(both, *world_scenario(), builtin_agents()));
}

// What a run makes of its world: the front, the war values and the cost samplers after
// World::begin, then the whole run's result.
struct WorldRunSnapshot {
  int position = 0;
  std::vector<double> war_values;
  std::vector<double> sampler_params;
  std::vector<double> expected_costs;
  RunResult result;
};

WorldRunSnapshot snapshot(const Simulator& simulator, RunState state) {
  WorldRunSnapshot out;
  RunState begun = state;
  simulator.world().begin(begun);
  out.position = begun.world.battlefield.position;
  for (const PartyWorldState& pw : begun.world.parties) {
    out.war_values.push_back(pw.war_value);
    out.expected_costs.push_back(pw.expected_cost);
    for (const CostSampler& c : pw.samplers) {
      out.sampler_params.push_back(c.a);
      out.sampler_params.push_back(c.b);
    }
  }
  out.result = simulator.run(2026, 7, state);
  return out;
}

void expect_same(const WorldRunSnapshot& a, const WorldRunSnapshot& b) {
  EXPECT_EQ(a.position, b.position);
  EXPECT_EQ(a.war_values, b.war_values);
  EXPECT_EQ(a.sampler_params, b.sampler_params);
  EXPECT_EQ(a.expected_costs, b.expected_costs);
  ASSERT_EQ(a.result.tracks.size(), b.result.tracks.size());
  for (std::size_t t = 0; t < a.result.tracks.size(); ++t) {
    EXPECT_EQ(a.result.tracks[t].status, b.result.tracks[t].status);
    EXPECT_EQ(a.result.tracks[t].round, b.result.tracks[t].round);
    EXPECT_EQ(a.result.tracks[t].payoff, b.result.tracks[t].payoff);
  }
  for (std::size_t p = 0; p < a.result.parties.size(); ++p) {
    EXPECT_EQ(a.result.parties[p].war_costs, b.result.parties[p].war_costs);
    EXPECT_EQ(a.result.parties[p].war_cost_utility, b.result.parties[p].war_cost_utility);
  }
  EXPECT_EQ(a.result.world.position, b.result.world.position);
  EXPECT_EQ(a.result.world.victor, b.result.world.victor);
  EXPECT_EQ(a.result.world.rounds_fought, b.result.world.rounds_fought);
}

// A run with a drawn value is the run of the scenario whose file says that value, and not the
// run of the file's own value.
TEST(WorldParameterSlot, ARunSeesTheDrawnValue) {
  struct Case {
    std::string pointer;
    double value;
    std::function<void(Scenario&)> edit;
  };
  const std::vector<Case> cases = {
      {"/world/battlefield/win_probability", 0.7,
       [](Scenario& s) { s.world.battlefield.win_probability = 0.7; }},
      {"/world/battlefield/decisive_probability", 0.9,
       [](Scenario& s) { s.world.battlefield.decisive_probability = 0.9; }},
      {"/world/battlefield/start", 4, [](Scenario& s) { s.world.battlefield.start = 4; }},
      {"/world/parties/UA/victory_value", 0.6,
       [](Scenario& s) { s.world.parties[1].victory_value = 0.6; }},
      {"/world/parties/RU/defeat_value", 0.3,
       [](Scenario& s) { s.world.parties[0].defeat_value = 0.3; }},
      {"/world/parties/RU/costs/casualties/mean", 5000,
       [](Scenario& s) { s.world.parties[0].costs[0].per_round.mean = 5000; }},
      {"/world/parties/RU/costs/money/mean", 2.0,
       [](Scenario& s) { s.world.parties[0].costs[1].per_round.mean = 2.0; }},
      {"/world/parties/UA/costs/casualties/sd", 50,
       [](Scenario& s) { s.world.parties[1].costs[0].per_round.sd = 50; }},
      {"/world/parties/UA/costs/money/min", 0.1,
       [](Scenario& s) {
         CostDistribution& d = s.world.parties[1].costs[1].per_round;
         d.min = 0.1;
         d.mean = (d.min + d.max) / 2;
       }},
      {"/world/parties/UA/costs/money/max", 3.0,
       [](Scenario& s) {
         CostDistribution& d = s.world.parties[1].costs[1].per_round;
         d.max = 3.0;
         d.mean = (d.min + d.max) / 2;
       }},
      {"/world/parties/RU/costs/money/utility_per_unit", 0.05,
       [](Scenario& s) { s.world.parties[0].costs[1].utility_per_unit = 0.05; }},
  };
  const Simulator simulator(world_scenario(), builtin_agents());
  const WorldRunSnapshot file_value = snapshot(simulator, simulator.baseline());
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pointer);
    UncertaintySpec spec;
    spec.parameters = {vary(c.pointer, "uniform(0, 10)")};
    spec.parameters[0].distribution = Distribution{};  // fixed at the case's value
    spec.parameters[0].distribution.value = c.value;
    const auto slots = bind_parameters(spec, *world_scenario(), builtin_agents());
    RunWorkspace workspace(simulator, slots);
    workspace.apply(&c.value);
    const WorldRunSnapshot drawn = snapshot(simulator, workspace.state());

    auto edited = std::make_shared<Scenario>(*world_scenario());
    c.edit(*edited);
    const Simulator edited_simulator(edited, builtin_agents());
    expect_same(drawn, snapshot(edited_simulator, edited_simulator.baseline()));
    // ... and it changes something the run can see.
    EXPECT_TRUE(drawn.position != file_value.position ||
                drawn.war_values != file_value.war_values ||
                drawn.sampler_params != file_value.sampler_params ||
                drawn.expected_costs != file_value.expected_costs);
  }
}

// Writing the world's drawn values is a switch and a store: no allocation per run.
TEST(WorldParameterSlot, ApplyingWorldValuesAllocatesNothing) {
  const Simulator simulator(world_scenario(), builtin_agents());
  UncertaintySpec spec;
  spec.parameters = {
      vary("/world/battlefield/win_probability", "uniform(0.2, 0.8)"),
      vary("/world/battlefield/decisive_probability", "uniform(0.2, 1)"),
      vary("/world/battlefield/start", "discrete(5, 10, 15)"),
      vary("/world/parties/RU/victory_value", "uniform(0.8, 1)"),
      vary("/world/parties/UA/defeat_value", "uniform(0, 0.2)"),
      vary("/world/parties/RU/costs/money/mean", "uniform(0.1, 1)"),
      vary("/world/parties/UA/costs/casualties/sd", "uniform(100, 400)"),
      vary("/world/parties/UA/costs/money/min", "uniform(0, 0.2)"),
      vary("/world/parties/UA/costs/money/max", "uniform(0.4, 2)"),
      vary("/world/parties/RU/costs/casualties/utility_per_unit", "uniform(0, 1e-4)")};
  const auto slots = bind_parameters(spec, simulator.scenario(), builtin_agents());
  const SamplingDesign design(spec, 7, 1000);
  RunWorkspace workspace(simulator, slots);
  std::vector<double> values(slots.size());
  design.draw(0, values.data());
  workspace.apply(values.data());
  testing::CountAllocations counter;
  for (std::uint64_t run = 1; run < 1000; ++run) {
    design.draw(run, values.data());
    workspace.apply(values.data());
  }
  EXPECT_EQ(counter.count(), 0u);
  // The last run's values are where the run reads them.
  const WorldState& w = workspace.state().world;
  EXPECT_EQ(w.battlefield.win_probability, values[0]);
  EXPECT_EQ(w.battlefield.position, static_cast<int>(values[2]));
  EXPECT_EQ(w.parties[1].cost[1].min, values[7]);
  EXPECT_EQ(w.parties[1].cost[1].mean, (values[7] + values[8]) / 2);
  EXPECT_EQ(w.parties[0].utility_per_unit[0], values[9]);
}

// Private types are drawn after the sweep's values are applied (engine/simulator.cpp): a type
// that sets the same number wins for the runs it is drawn in; the priors see the swept value.
TEST(WorldParameterSlot, APrivateTypeThatSetsTheNumberWins) {
  auto typed = std::make_shared<Scenario>(*world_scenario());
  PartyType strong;
  strong.id = "strong";
  strong.probability = 1.0;
  strong.win_probability = 0.8;  // UA is the up party
  typed->parties[1].types = {strong};
  const Simulator simulator(typed, builtin_agents());
  UncertaintySpec spec;
  spec.parameters = {vary("/world/battlefield/win_probability", "uniform(0, 1)"),
                     vary("/world/parties/UA/victory_value", "uniform(0, 1)")};
  const auto slots = bind_parameters(spec, *typed, builtin_agents());
  RunWorkspace workspace(simulator, slots);
  const double values[] = {0.2, 0.5};
  workspace.apply(values);
  RunState& state = workspace.state();
  draw_private_types(*typed, 1, 0, state);
  EXPECT_EQ(state.world.battlefield.win_probability, 0.8);  // the type's
  EXPECT_EQ(state.world.parties[1].victory_value, 0.5);     // the type leaves it: the sweep's
}

}  // namespace
}  // namespace parley
