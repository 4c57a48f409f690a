#pragma once
#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Reads each track's conditions (docs/scenario-format.md, "Track conditions"): `opens_when`,
// `closes_when` (one condition or a list) and `package`, resolving track ids, refusing a track
// that names itself, and refusing a cycle of tracks that wait for each other (naming the cycle).
// Called by the scenario builder once every track is known; throws InputError at the offending
// value.
void read_track_links(const JsonDocument& document, Scenario& scenario);

}  // namespace parley
