#pragma once
#include "engine/load/json_document.hpp"

namespace parley {

// Validates a scenario document against the compiled JSON Schema (scenarios/scenario.schema.json)
// with valijson. On failure throws InputError for the first problem in file order, phrased for
// people: `expected one of "options", "quantity", "share", "flag", found "range"`.
void check_schema(const JsonDocument& document);

}  // namespace parley
