#pragma once
#include "engine/event.hpp"

namespace parley {

// Changes one of a party's per-round costs for the rest of the run: the drawn cost is multiplied
// by `multiplier` and `add` units are added (cumulative over events; docs/world.md, "Costs").
EventKind change_costs_kind();

}  // namespace parley
