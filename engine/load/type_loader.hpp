#pragma once
#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Reads every party's `types` (docs/scenario-format.md, "types": private types drawn per run
// from a stated prior) into Party::types, checking what the schema cannot: unique type ids,
// probabilities that sum to 1, track ids, no reservation on a war track, world values only in a
// scenario with a world, and strength (`win_probability`) for at most one party at war. Called
// by the scenario builder once the world is read; throws InputError at the offending value.
void read_private_types(const JsonDocument& document, Scenario& scenario);

}  // namespace parley
