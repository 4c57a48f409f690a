// A sweep thread's workspace: drawn values land in their typed slots, every run starts from
// the scenario's own values, and the per-run path (design draw and apply) allocates nothing.
#include "engine/run_workspace.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/sampling_design.hpp"
#include "tests/engine/allocation_counter.hpp"
#include "tests/engine/sweep_fixture.hpp"

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
