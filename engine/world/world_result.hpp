#pragma once
#include <vector>

namespace parley {

// An event that fired in a run: its index in WorldSpec::events and the round.
struct FiredEvent {
  int event = 0;
  int round = 0;
};

// What became of one implementation item (WorldSpec::implementation) of a run: signed and
// carried out are reported separately (docs/world.md, "Implementation").
struct ImplementationResult {
  int item = 0;          // index into WorldSpec::implementation
  bool signed_ = false;  // its track was agreed
  int signed_round = -1;
  double terms = 0.0;            // the agreed value of the item's issue (0 for a whole track)
  bool carried_out = false;      // the item went ahead (at least one side did its part)
  int carried_out_round = -1;    // signed_round + the drawn delay, when carried out
  std::vector<double> fraction;  // per party: share of its part carried out (0 when not)
};

// The world at the end of a run.
struct WorldResult {
  bool present = false;  // the scenario has a battlefield
  int position = -1;     // final control state
  int victor = -1;       // the party that won militarily, or -1
  int end_round = -1;    // the round the fighting stopped (victory or ceasefire), or -1
  bool ceasefire = false;
  int rounds_fought = 0;
  std::vector<FiredEvent> events;  // in the order they fired
};

}  // namespace parley
