#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/agent_registry.hpp"
#include "engine/protocol.hpp"
#include "engine/run_result.hpp"
#include "engine/run_state.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/trace.hpp"
#include "engine/world/world.hpp"

namespace parley {

// Runs a scenario. Construction does the per-scenario work once (outcome spaces, utilities,
// resolved agent parameters); each run then needs only its seed and run index.
class Simulator {
 public:
  Simulator(ScenarioPtr scenario, const AgentRegistry& registry);

  // One run of the scenario as written. Its randomness comes only from (seed, run_index)
  // (docs/architecture.md, rule 1).
  RunResult run(std::uint64_t seed, std::uint64_t run_index = 0, TraceSink* trace = nullptr) const;
  // One run with the given state (a sweep's drawn parameters applied to a copy of baseline()).
  // The state may be changed by the run (the world, events); reset it before reusing it.
  RunResult run(std::uint64_t seed, std::uint64_t run_index, RunState& state,
                TraceSink* trace = nullptr) const;
  // The same run, written into `result`, whose storage is reused: with a RunState kept across runs
  // (reset() between them) and one result, a run on a scenario without a world allocates nothing
  // (agents are made new with Agent::reset, not built again).
  void run(std::uint64_t seed, std::uint64_t run_index, RunState& state, RunResult& result,
           TraceSink* trace = nullptr) const;

  // The scenario's own values, agent defaults resolved: the starting point of every run.
  const RunState& baseline() const { return baseline_; }

  const Scenario& scenario() const { return *scenario_; }
  const OutcomeSpace& space(int track) const { return spaces_[track]; }
  // The world model (docs/world.md): its events, for traces and reports.
  const World& world() const { return *world_; }

 private:
  void settle(const RunState& state, const TrackRun& track, TrackResult& result) const;
  // The setup of party p's agent on track t, from the run's state (streams and world aside).
  void fill_setup(AgentSetup& setup, const RunState& state, int track, int party) const;

  ScenarioPtr scenario_;
  std::vector<OutcomeSpace> spaces_;
  std::vector<const AgentModel*> models_;  // per party
  // Per track, then party: the models' per-scenario tables (AgentModel::prepare), shared by runs.
  std::vector<std::shared_ptr<const AgentTables>> tables_;
  std::uint64_t id_;  // tells this simulator's RunReuse from another's
  RunState baseline_;
  std::unique_ptr<Protocol> protocol_;
  std::unique_ptr<World> world_;
};

}  // namespace parley
