#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/agent.hpp"
#include "engine/protocol.hpp"
#include "engine/random/random.hpp"

#include "engine/scenario/outcome_space.hpp"
#include "engine/scenario/preferences.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/world/battlefield_cache.hpp"
#include "engine/world/private_type.hpp"
#include "engine/world/world_state.hpp"

namespace parley {

// What a run of one simulator builds and its next run on the same RunState makes new again instead
// of building: the tracks' state, the agents (Agent::reset), their random streams and setups. The
// first run allocates them; later runs of the same simulator allocate nothing. A copy of a
// RunState starts without them (agents belong to one state).
struct RunReuse {
  RunReuse() = default;
  RunReuse(const RunReuse& /*other*/) {}
  RunReuse& operator=(const RunReuse& /*other*/) { return *this; }
  RunReuse(RunReuse&&) noexcept = default;
  RunReuse& operator=(RunReuse&&) noexcept = default;
  ~RunReuse() = default;

  std::uint64_t simulator = 0;  // the simulator they were made for (Simulator's id; 0: none)
  std::vector<TrackRun> tracks;
  std::vector<RandomStream> streams;  // per track, then party
  std::vector<AgentSetup> setups;     // per track, then party
};

// The numbers of a scenario that may change from run to run (a sweep's drawn parameters) or
// from round to round (the world, events). A run reads them here, never from the immutable
// Scenario, and agents point into it (AgentSetup::own, AgentSetup::params). Reusable: `reset`
// copies the scenario's values back in place, so a sweep worker keeps one RunState per thread
// and allocates nothing per run.
struct RunState {
  std::vector<Preferences> preferences;                     // per party
  std::vector<std::map<std::string, double>> agent_params;  // per party, defaults filled in
  ProtocolSpec protocol;
  // The world during the run (docs/world.md): battlefield, costs, pressure, event counts. The
  // world writes the war tracks' reservations into `preferences` every round.
  WorldState world;
  // Per track: the run's own outcome spaces, only when an event changes weights (empty
  // otherwise: agents then use the simulator's shared spaces).
  std::vector<OutcomeSpace> spaces;
  // Private types (engine/world/private_type.hpp), drawn at the start of each run: every typed
  // party's public prior, and per party the drawn type (-1: none). Empty when no party has types.
  TypePriors type_priors;
  std::vector<int> drawn_types;
  // Battlefield solutions by their inputs, kept across runs: `reset` leaves it alone.
  BattlefieldCache battlefield_cache;
  // The run's agents and tracks, kept across runs: `reset` leaves them alone.
  RunReuse reuse;

  // Copy the baseline values (the scenario's, with agent defaults resolved) into this state.
  void reset(const RunState& baseline);
};

}  // namespace parley
