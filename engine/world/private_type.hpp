#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace parley {

struct Scenario;
struct RunState;

// Private information (docs/world.md, "Private types and learning"). A party may have a type
// (resolve, cost of war, strength) drawn per run from a prior the scenario states. The drawn type
// is private to the party (docs/architecture.md, rule 2): its own agent plays with the type's
// values in its preferences; every other agent knows only the prior.

inline constexpr double kUnset = std::numeric_limits<double>::quiet_NaN();
inline bool is_set(double value) {
  return value == value;
}

// One type of a party as the scenario writes it: a probability and the values it overrides.
// Unset (NaN) values keep the party's own.
struct PartyType {
  std::string id;
  std::string label;
  std::string source;
  double probability = 0.0;
  double cost_per_round = kUnset;   // Preferences::cost_per_round
  double discount = kUnset;         // Preferences::discount (before pressure)
  double war_cost_scale = kUnset;   // multiplies every war cost kind of the party (resolve)
  double win_probability = kUnset;  // the party's chance of winning a decisive battle (strength)
  double victory_value = kUnset;    // PartyWarSpec::victory_value
  double defeat_value = kUnset;     // PartyWarSpec::defeat_value
  std::vector<double> reservation;  // per track (not war tracks); NaN keeps the party's own
};

// What everyone may know about one type of one party: the prior, and what the type would be
// worth to its party on each track. Computed at the start of each run from the run's values.
struct TypeView {
  double probability = 0.0;
  // The type's discount per round, pressure included: what a round of delay costs it.
  double discount = 1.0;
  // The chance the battlefield's up party wins a decisive battle were the party of this type
  // (the run's own when the type does not change it); NaN when the party is not at war.
  double up_win_probability = kUnset;
  // Per track: the type's reservation value; on war tracks the value of fighting on from the
  // state the run starts in (war_value holds it for every state).
  std::vector<double> reservation;
  // Per battlefield state 0..N: the type's value of fighting on (docs/world.md), without the
  // war tracks' reservation offsets; empty when the party is not at war.
  std::vector<double> war_value;
  // Per state: the other side's value of fighting on were this party of this type (its strength
  // sets the odds both sides face); empty when the party is not at war. An uninformed side
  // weighs these by its belief instead of reading its own reservation, which the world computes
  // from the true odds.
  std::vector<double> opponent_war_value;
};

// The public prior of every party in one run: per party, its types (empty: no declared types).
struct TypePriors {
  std::vector<std::vector<TypeView>> parties;
  std::vector<char> war_track;  // per track: is its reservation the value of fighting on?

  bool has_types(int party) const {
    return party < static_cast<int>(parties.size()) && !parties[party].empty();
  }
  // A type's reservation on `track` when the battlefield is at `position` (-1: no battlefield).
  double reservation(int party, int type, int track, int position) const;
};

// Stream purpose of the type draws (engine/random/random.hpp, engine/world/world.hpp list the
// others).
inline constexpr std::uint64_t kStreamTypes = 7;

// At the start of a run, before the world begins: computes the public priors into
// state.type_priors, then draws each typed party's type from its prior (one uniform per typed
// party, in party order, from the run's types stream) into state.drawn_types and writes the
// drawn type's values into the state. Parties without types keep theirs; a scenario without
// types draws nothing and changes nothing.
void draw_private_types(const Scenario& scenario, std::uint64_t seed, std::uint64_t run_index,
                        RunState& state);

// Writes type `type` of `party` into the state (used by draw_private_types; tests set a type).
void apply_private_type(const Scenario& scenario, int party, int type, RunState& state);

// Does any party declare types?
bool has_private_types(const Scenario& scenario);

}  // namespace parley
