#include "engine/run_state.hpp"

#include <algorithm>

namespace parley {

void RunState::reset(const RunState& baseline) {
  // Copy-assignment reuses the existing vectors' and maps' storage when the shapes match,
  // which they do for every run of one scenario.
  preferences = baseline.preferences;
  // Every run of one scenario has the same parameter names: then only the values are copied
  // (a table's copy-assignment would rewrite every node and key).
  bool same_names = agent_params.size() == baseline.agent_params.size();
  for (std::size_t p = 0; same_names && p < agent_params.size(); ++p)
    same_names =
        agent_params[p].size() == baseline.agent_params[p].size() &&
        std::equal(agent_params[p].begin(), agent_params[p].end(), baseline.agent_params[p].begin(),
                   [](const auto& a, const auto& b) { return a.first == b.first; });
  if (same_names) {
    for (std::size_t p = 0; p < agent_params.size(); ++p) {
      auto to = agent_params[p].begin();
      for (const auto& from : baseline.agent_params[p]) (to++)->second = from.second;
    }
  } else {
    agent_params = baseline.agent_params;
  }
  protocol = baseline.protocol;
  world = baseline.world;
  spaces = baseline.spaces;
  type_priors = baseline.type_priors;
  drawn_types = baseline.drawn_types;
}

}  // namespace parley
