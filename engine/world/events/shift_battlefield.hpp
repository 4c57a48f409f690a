#pragma once
#include "engine/event.hpp"

namespace parley {

// Moves the front: `by` control states toward N (positive: the up party gains), clamped to
// [0, N]. Reaching 0 or N is a military victory at the start of the round. No effect once the
// fighting has stopped.
EventKind shift_battlefield_kind();

}  // namespace parley
