#include "engine/event.hpp"
#include "engine/world/events/change_costs.hpp"
#include "engine/world/events/change_odds.hpp"
#include "engine/world/events/change_reservation.hpp"
#include "engine/world/events/change_weights.hpp"
#include "engine/world/events/close_track.hpp"
#include "engine/world/events/force_walk_out.hpp"
#include "engine/world/events/open_track.hpp"
#include "engine/world/events/set_pressure.hpp"
#include "engine/world/events/shift_battlefield.hpp"

namespace parley {

const EventKindRegistry& builtin_event_kinds() {
  static const EventKindRegistry registry = [] {
    EventKindRegistry r;
    r.add(shift_battlefield_kind());
    r.add(change_odds_kind());
    r.add(change_costs_kind());
    r.add(change_weights_kind());
    r.add(change_reservation_kind());
    r.add(open_track_kind());
    r.add(close_track_kind());
    r.add(force_walk_out_kind());
    r.add(set_pressure_kind());
    return r;
  }();
  return registry;
}

}  // namespace parley
