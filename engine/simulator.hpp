#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/agent_registry.hpp"
#include "engine/outcome_space.hpp"
#include "engine/protocol.hpp"
#include "engine/run_result.hpp"
#include "engine/scenario.hpp"
#include "engine/trace.hpp"

namespace parley {

// Runs a scenario. Construction does the per-scenario work once (outcome spaces, utilities,
// resolved agent parameters); each run then needs only its seed and run index.
class Simulator {
 public:
  Simulator(ScenarioPtr scenario, const AgentRegistry& registry);

  // One run. Its randomness comes only from (seed, run) (DESIGN.md, rule 1).
  RunResult run(std::uint64_t seed, std::uint64_t run_index = 0, TraceSink* trace = nullptr) const;

  const Scenario& scenario() const { return *scenario_; }
  const OutcomeSpace& space(int track) const { return spaces_[track]; }

 private:
  void settle(const TrackRun& track, TrackResult& result) const;

  ScenarioPtr scenario_;
  const AgentRegistry* registry_;
  std::vector<OutcomeSpace> spaces_;
  std::vector<const AgentModel*> models_;              // per party
  std::vector<std::map<std::string, double>> params_;  // per party, defaults filled in
  std::unique_ptr<Protocol> protocol_;
};

}  // namespace parley
