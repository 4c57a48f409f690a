#include "engine/run_state.hpp"

namespace parley {

void RunState::reset(const RunState& baseline) {
  // Copy-assignment reuses the existing vectors' and maps' storage when the shapes match,
  // which they do for every run of one scenario.
  preferences = baseline.preferences;
  agent_params = baseline.agent_params;
  protocol = baseline.protocol;
  world = baseline.world;
  spaces = baseline.spaces;
  type_priors = baseline.type_priors;
  drawn_types = baseline.drawn_types;
}

}  // namespace parley
