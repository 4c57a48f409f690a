#pragma once
#include "engine/event.hpp"

namespace parley {

// Opens a suspended track: it plays from this round, the opener proposing. With
// `initially_closed` (the default) the track starts the run suspended and this event opens it
// (a mediator's agenda); without it, it reopens a track a close_track event suspended.
EventKind open_track_kind();

}  // namespace parley
