#pragma once
#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Reads mediation (docs/mediation.md): the single-text protocol's `mediator` and `restart_text`
// in /protocol, and the optional /mediation block, whose agenda (which tracks open when) and
// ultimatums (a pressure actor's deadline with a consequence) become world events: an agenda
// item is an `open_track` event (the track starts closed), an ultimatum a `set_pressure` event
// that does not fire once its track is agreed. Called by the scenario builder after the world
// is read; throws InputError at the offending value.
void read_mediation(const JsonDocument& document, Scenario& scenario);

}  // namespace parley
