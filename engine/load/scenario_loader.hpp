#pragma once
#include <string>

#include "engine/agent_registry.hpp"
#include "engine/load/actors_loader.hpp"
#include "engine/load/scenario_builder.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Reads, schema-checks and semantically checks a scenario file, and builds the typed,
// immutable Scenario. Throws InputError on the first problem found.
ScenarioPtr load_scenario(const std::string& path, const AgentRegistry& registry,
                          const LoadOptions& options = {});
// The same, from text already in memory (`name` stands for the file in messages).
ScenarioPtr load_scenario_text(const std::string& text, const std::string& name,
                               const AgentRegistry& registry, const LoadOptions& options = {});

// Reads a scenario file with an `actors` block for `parley forecast` (docs/forecast.md): the
// same parsing, version and schema checks, then the actors block. Other blocks are checked by
// the schema and otherwise ignored. Throws InputError; a file without actors is one.
ForecastScenario load_forecast(const std::string& path);
ForecastScenario load_forecast_text(const std::string& text, const std::string& name);
// Whether the file's top-level object has an `actors` block and no parties (a forecast only).
bool is_forecast_only(const std::string& path);

}  // namespace parley
