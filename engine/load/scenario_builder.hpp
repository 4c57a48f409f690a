#pragma once
#include "engine/agent_registry.hpp"
#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Builds the typed Scenario from a document that passed the schema, checking on the way the
// rules a schema cannot express (docs/scenario-format.md, "Semantic rules"): ids that refer to
// each other, one weight and one value function per issue, value functions that fit their
// issue, ranges, track sizes, agent models, their parameters and requirements. Fills the
// documented defaults. Throws InputError at the offending value on the first problem.
Scenario build_scenario(const JsonDocument& document, const AgentRegistry& registry);

}  // namespace parley
