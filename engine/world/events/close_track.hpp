#pragma once
#include "engine/event.hpp"

namespace parley {

// Closes a track without agreement (status `closed`, reservation values paid), or with
// `suspend` halts it until an open_track event reopens it (talks recessed).
EventKind close_track_kind();

}  // namespace parley
