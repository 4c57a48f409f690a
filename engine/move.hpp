#pragma once
#include "engine/scenario/deal.hpp"

namespace parley {

enum class Action { Offer, Accept, Reject, WalkAway, Breakdown, Deadline };
const char* to_string(Action action);

// One public event on a track: every agent on the track observes every move.
struct Move {
  int round = 0;
  int track = 0;
  int party = -1;  // who acted; -1 for nature (breakdown, deadline)
  Action action = Action::Offer;
  Deal deal;  // the offer made or answered
};

}  // namespace parley
