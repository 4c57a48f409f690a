#pragma once
#include "engine/event.hpp"

namespace parley {

// Changes what no deal on one track is worth to one party. On an ordinary track the reservation
// becomes `to` (when not -1) plus `by`; on a war track, whose reservation the world recomputes
// every round, `by` shifts it for the rest of the run (a reservation offset) and `to` is not
// allowed.
EventKind change_reservation_kind();

}  // namespace parley
