#pragma once
#include "engine/event.hpp"

namespace parley {

// A party walks out: the track (or, with track -1, every open track) closes as `walk-away` with
// that party as the actor, whatever the protocol's walk_away rule, and pays reservation values.
EventKind force_walk_out_kind();

}  // namespace parley
