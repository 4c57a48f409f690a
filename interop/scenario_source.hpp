#pragma once
#include <string>

#include "engine/agent_registry.hpp"
#include "engine/load/scenario_builder.hpp"
#include "engine/scenario/scenario.hpp"
#include "interop/genius_import.hpp"

namespace parley {

// Where `parley run` and `parley analyze` get a scenario: a scenario file, or a GENIUS folder
// (a directory holding a domain file and its profiles, see interop/genius_folder.hpp), which is
// imported with `options` and then loaded and checked like any scenario file.
ScenarioPtr load_scenario_or_genius_folder(const std::string& path, const AgentRegistry& registry,
                                           const GeniusImportOptions& options = {},
                                           const LoadOptions& load = {});

}  // namespace parley
