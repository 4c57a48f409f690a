// A sweep thread's workspace: drawn values land in their typed slots, every run starts from
// the scenario's own values, and the per-run path (design draw and apply) allocates nothing.
#include "sweep/run_workspace.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/random/sampling_design.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/sweep_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;

TEST(RunWorkspace, WritesDrawnValuesIntoTheirSlots) {
  const Simulator simulator(sweep_fixture_scenario(), builtin_agents());
  const UncertaintySpec spec = sweep_fixture_uncertainty();
  const auto slots = bind_parameters(spec, simulator.scenario(), builtin_agents());
  RunWorkspace workspace(simulator, slots);
  const double values[] = {0.93, 0.004, 0.25, 0.11, 0.5};
  workspace.apply(values);
  const RunState& state = workspace.state();
  EXPECT_EQ(state.preferences[0].discount, 0.93);
  EXPECT_EQ(state.preferences[1].cost_per_round, 0.004);
  EXPECT_EQ(state.preferences[0].reservation[1], 0.25);
  EXPECT_EQ(state.preferences[0].reservation[0], 0.3);  // the other track keeps its own
  EXPECT_EQ(state.protocol.breakdown_probability, 0.11);
  EXPECT_EQ(state.agent_params[0].at("e"), 0.5);
  EXPECT_EQ(state.agent_params[0].at("floor"), 0.0);
  // The untouched party and numbers stay the scenario's.
  EXPECT_EQ(state.preferences[1].discount, 0.99);
  EXPECT_EQ(state.agent_params[1], simulator.baseline().agent_params[1]);
}

TEST(RunWorkspace, EveryRunStartsFromTheScenariosValues) {
  const Simulator simulator(sweep_fixture_scenario(), builtin_agents());
  UncertaintySpec spec;
  spec.parameters = {vary("/parties/0/preferences/reservation", "uniform(0, 1)")};
  const auto slots = bind_parameters(spec, simulator.scenario(), builtin_agents());
  RunWorkspace workspace(simulator, slots);
  const double first[] = {0.8};
  workspace.apply(first);
  EXPECT_EQ(workspace.state().preferences[0].reservation, (std::vector<double>{0.8, 0.8}));
  // A run (or the world) may change the state; the next apply restores it first.
  workspace.state().preferences[1].discount = 0.5;
  workspace.state().agent_params[0]["e"] = 0.9;
  const double second[] = {0.1};
  workspace.apply(second);
  EXPECT_EQ(workspace.state().preferences[1].discount, 0.99);
  EXPECT_EQ(workspace.state().agent_params[0].at("e"), 0.2);
  EXPECT_EQ(workspace.state().preferences[0].reservation, (std::vector<double>{0.1, 0.1}));
}

TEST(RunWorkspace, DrawingAndApplyingAllocateNothing) {
  const Simulator simulator(sweep_fixture_scenario(), builtin_agents());
  for (DesignKind kind : {DesignKind::MonteCarlo, DesignKind::LatinHypercube}) {
    const UncertaintySpec spec = sweep_fixture_uncertainty(kind);
    const auto slots = bind_parameters(spec, simulator.scenario(), builtin_agents());
    const SamplingDesign design(spec, 7, 1000);
    RunWorkspace workspace(simulator, slots);
    double values[5];
    design.draw(0, values);
    workspace.apply(values);  // warm-up: nothing should be left to allocate, but be fair
    CountAllocations counter;
    for (std::uint64_t run = 1; run < 1000; ++run) {
      design.draw(run, values);
      workspace.apply(values);
    }
    EXPECT_EQ(counter.count(), 0u) << to_string(kind);
  }
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

using namespace parley::testing;

TEST(RunWorkspace, AVariedWeightRecomputesItsTracksUtilities) {
  const Simulator simulator(sweep_fixture_scenario(), builtin_agents());
  UncertaintySpec spec;
  spec.parameters = {vary("/parties/1/preferences/weights/form", "uniform(0.1, 2)")};
  const auto slots = bind_parameters(spec, simulator.scenario(), builtin_agents());
  RunWorkspace workspace(simulator, slots);
  const double values[] = {1.7};
  workspace.apply(values);
  // The expected utilities: a space built from a scenario with that weight written in.
  auto changed = std::make_shared<Scenario>(*sweep_fixture_scenario());
  changed->parties[1].preferences.weights[1] = 1.7;
  const OutcomeSpace expected(*changed, 1);
  const RunState& state = workspace.state();
  ASSERT_EQ(state.spaces.size(), 2u);
  EXPECT_TRUE(state.spaces[1].utilities(1).isApprox(expected.utilities(1), 1e-15));
  EXPECT_EQ(state.spaces[1].ranking(1), expected.ranking(1));
  EXPECT_DOUBLE_EQ(state.spaces[1].track_weight(1), expected.track_weight(1));
  // The other party and the other track are untouched.
  EXPECT_TRUE(state.spaces[1].utilities(0).isApprox(simulator.space(1).utilities(0), 0.0));
  EXPECT_TRUE(state.spaces[0].utilities(1).isApprox(simulator.space(0).utilities(1), 0.0));
  // And the run uses it: with a different weight the runs can differ, with the scenario's
  // own weight they are the runs of the scenario as written.
  const double own[] = {0.3};
  workspace.apply(own);
  RunState plain = simulator.baseline();
  for (std::uint64_t run = 0; run < 50; ++run) {
    const RunResult a = simulator.run(9, run, workspace.state());
    plain.reset(simulator.baseline());
    const RunResult b = simulator.run(9, run, plain);
    EXPECT_EQ(a.parties[1].utility, b.parties[1].utility) << run;
    workspace.apply(own);
  }
}

}  // namespace
}  // namespace parley
