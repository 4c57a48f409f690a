#pragma once
#include "engine/event.hpp"

namespace parley {

// Changes the battlefield's parameters: `win_probability` (q), `decisive_probability` (d),
// `battles_per_round` (m); -1 leaves one unchanged. The value of fighting on is re-solved.
EventKind change_odds_kind();

}  // namespace parley
