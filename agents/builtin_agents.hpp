#pragma once
#include "engine/agent_registry.hpp"

namespace parley {

// Registers every agent model shipped in agents/. The CLI and tests call it; the engine never
// does (docs/architecture.md, Layers: the simulator gets its agents from the registry it is
// handed).
void register_builtin_agents(AgentRegistry& registry);

// A registry holding the built-in models, built once.
const AgentRegistry& builtin_agents();

}  // namespace parley
