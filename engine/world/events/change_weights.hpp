#pragma once
#include "engine/event.hpp"

namespace parley {

// Changes the salience of one issue for one party: the new weight is `weight` (or the old one
// when -1) times `scale`. The party's utilities on that track are recomputed in the run's
// own outcome space (RunState::spaces) and its agents are told (Agent::on_preferences_changed).
EventKind change_weights_kind();

}  // namespace parley
