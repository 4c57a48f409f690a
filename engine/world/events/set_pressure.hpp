#pragma once
#include "engine/event.hpp"

namespace parley {

// Switches a pressure lever on or off (sanctions imposed, aid cut off): the party's costs and
// discount follow from the levers then active (engine/world/pressure.hpp).
EventKind set_pressure_kind();

}  // namespace parley
