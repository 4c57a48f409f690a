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
// What a caller permits a scenario file to do.
struct LoadOptions {
  // May a party be played by a program the file names (agent model "program" with a command)?
  // A file that runs commands is code: the user must opt in (parley run --allow-programs).
  bool allow_programs = false;
};

Scenario build_scenario(const JsonDocument& document, const AgentRegistry& registry,
                        const LoadOptions& options = {});

}  // namespace parley
