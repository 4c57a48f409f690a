#pragma once
#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Reads the optional `history` block (docs/scenario-format.md, "history": what really happened)
// into Scenario::history: track ids, one entry per track, the date of each agreement and its
// round on the clock, and terms that are values of the track's issues (an option's text or
// index, a flag's boolean, a number inside a quantity's or share's range). Throws InputError
// at the offending value.
void read_history(const JsonDocument& document, Scenario& scenario);

}  // namespace parley
