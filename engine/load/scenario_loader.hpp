#pragma once
#include <string>

#include "engine/agent_registry.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Reads, schema-checks and semantically checks a scenario file, and builds the typed,
// immutable Scenario. Throws InputError on the first problem found.
ScenarioPtr load_scenario(const std::string& path, const AgentRegistry& registry);
// The same, from text already in memory (`name` stands for the file in messages).
ScenarioPtr load_scenario_text(const std::string& text, const std::string& name,
                               const AgentRegistry& registry);

}  // namespace parley
