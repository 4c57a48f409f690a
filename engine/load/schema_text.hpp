#pragma once
#include <string_view>

namespace parley {
// The scenario JSON Schema (scenarios/scenario.schema.json), compiled into the library.
std::string_view scenario_schema_text();
}  // namespace parley
