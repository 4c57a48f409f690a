#include "engine/event.hpp"
#include "engine/events/change_costs.hpp"
#include "engine/events/change_odds.hpp"
#include "engine/events/change_reservation.hpp"
#include "engine/events/change_weights.hpp"
#include "engine/events/close_track.hpp"
#include "engine/events/force_walk_out.hpp"
#include "engine/events/open_track.hpp"
#include "engine/events/set_pressure.hpp"
#include "engine/events/shift_battlefield.hpp"

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
