#include "agents/builtin_agents.hpp"

namespace parley {

void register_builtin_agents(AgentRegistry& registry) {
  (void)registry;
}

const AgentRegistry& builtin_agents() {
  static const AgentRegistry registry = [] {
    AgentRegistry r;
    register_builtin_agents(r);
    return r;
  }();
  return registry;
}

}  // namespace parley
