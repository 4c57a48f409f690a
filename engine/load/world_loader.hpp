#pragma once
#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Reads a scenario file's `world`, `pressure`, `events` and `implementation` blocks (all
// optional; docs/scenario-format.md, docs/world.md) into scenario.world, after the rest of the
// scenario is built (it refers to parties, tracks, issues and the clock). The schema has checked
// their shapes; this checks what a schema cannot (ids that refer to each other, ranges that
// depend on other values, dates on the clock, event kinds and their parameters) and throws
// InputError at the offending value on the first problem.
void read_world(const JsonDocument& document, Scenario& scenario);

}  // namespace parley
