#pragma once
#include "engine/agent_registry.hpp"
#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/uncertainty.hpp"

namespace parley {

// Reads a scenario file's optional `uncertainty` block (docs/scenario-format.md,
// "uncertainty"; docs/sweep.md) and checks every entry against the scenario already built
// from the same document: pointers must name a number a sweep can vary, distributions must
// make sense and stay inside the parameter's legal range. Errors name the file, line:column
// and pointer of the entry at fault. No block: an empty spec (Monte Carlo, no parameters).
UncertaintySpec read_uncertainty(const JsonDocument& document, const Scenario& scenario,
                                 const AgentRegistry& registry);

// The block's entries read and checked on their own (design, levels, pointers present,
// distributions that make sense), not yet bound to the numbers they name: what a forecast
// scenario's actors bind (engine/load/actor_parameters.hpp).
UncertaintySpec read_uncertainty_entries(const JsonDocument& document);

}  // namespace parley
