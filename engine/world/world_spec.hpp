#pragma once
#include <map>
#include <string>
#include <vector>

namespace parley {

// The world of a scenario as written: what goes on while the parties talk (docs/architecture.md,
// Vocabulary; docs/world.md states every equation). Part of the immutable Scenario. A scenario
// without `world`, `events`, `pressure` and `implementation` blocks has an empty WorldSpec and
// runs exactly as before.

// How one kind of cost is distributed per round (docs/world.md, "Costs").
enum class CostDistributionKind { Fixed, Uniform, Poisson, Lognormal, Gamma };
const char* to_string(CostDistributionKind kind);

struct CostDistribution {
  CostDistributionKind kind = CostDistributionKind::Fixed;
  double mean = 0.0;  // every kind: the expected value per round ((min + max) / 2 for uniform)
  double sd = 0.0;    // lognormal, gamma: standard deviation (of the cost itself, not its log)
  double min = 0.0;   // uniform only
  double max = 0.0;   // uniform only
};

// A kind of cost the war imposes (casualties, money), in its own unit.
struct CostKind {
  std::string id;
  std::string label;
  std::string unit;
};

// One party's cost of one kind: the per-round distribution, and what one unit is worth on the
// track-utility scale (so costs can be set against the value of a deal).
struct PartyCost {
  CostDistribution per_round;
  double utility_per_unit = 0.0;
  std::string source;
};

// The battlefield: a random walk over control states 0..N (the gambler's ruin, Feller 1968). In
// each round `battles_per_round` battles are fought; each is decisive with probability
// `decisive_probability` and then moves the front one state toward N (the `up_party`'s victory)
// with probability `win_probability`, else one state toward 0 (the `down_party`'s victory).
struct BattlefieldSpec {
  bool present = false;
  int states = 0;                     // N: control states 0..N; 0 and N absorb
  int start = 0;                      // the state at round 0, 0 < start < N
  double win_probability = 0.5;       // q
  double decisive_probability = 1.0;  // d; 1 - d is the chance a battle leaves the front
  int battles_per_round = 1;          // m
  int up_party = 0;                   // wins at N
  int down_party = 1;                 // wins at 0
};

// What the war means to one party: its costs by kind and the track utility of winning or
// losing it outright (docs/world.md, "The value of fighting on").
struct PartyWarSpec {
  std::vector<PartyCost> costs;  // per cost kind (Fixed 0 where the file gives none)
  double victory_value = 1.0;
  double defeat_value = 0.0;
};

// A third party's lever (sanctions, aid): while active it scales and adds to one of a party's
// costs and multiplies its discount factor. Events (`set_pressure`) switch it on and off.
struct PressureLever {
  std::string id;
  std::string actor;  // who pulls it (free text or a mediator id)
  std::string label;
  std::string source;
  int party = 0;
  int cost_kind = -1;            // -1: no cost effect
  double cost_multiplier = 1.0;  // on the drawn cost
  double cost_add = 0.0;         // units per round, after the multiplier
  double discount_factor = 1.0;  // multiplies the party's discount while active
  bool active = true;            // at round 0
};

// A scheduled or random shock (engine/event.hpp defines the kinds and what they do).
struct EventSpec {
  std::string id;
  std::string kind;  // a registered EventKind name
  std::string label;
  std::string source;
  std::string date;        // as written in the file (empty when given as a round)
  int round = -1;          // scheduled: fires at the start of this round; -1: random
  double hazard = 0.0;     // random: probability of firing in each round of its window
  int from_round = 0;      // random: first round it may fire
  int until_round = -1;    // random: last round it may fire; -1: no end
  int max_fires = 1;       // random: how often it may fire; 0: no limit
  int unless_agreed = -1;  // track index: does not fire once that track is agreed; -1: none
  std::map<std::string, double> args;  // the kind's parameters, defaults filled in, ids resolved
                                       // to indices (party, track, issue, cost kind, lever)

  bool is_random() const { return round < 0; }
};

// How one party carries out its part of an agreed item.
struct ImplementationSide {
  double probability = 1.0;   // chance this side carries out its part at all
  double fraction_min = 1.0;  // share of its part carried out when it does: uniform in
  double fraction_max = 1.0;  //   [fraction_min, fraction_max]
};

// Signed is not done (Minsk II, 2015's "all for all"; the 2025 bodies exchange, 6,057
// against 27). An item of an agreed track is carried out with `probability`, after a delay drawn
// uniformly from [delay_min, delay_max] rounds, each side doing its own share.
struct ImplementationSpec {
  std::string id;
  std::string label;
  std::string source;
  int track = 0;
  int issue = -1;  // scenario issue index, or -1 for the whole track
  double probability = 1.0;
  int delay_min = 0;
  int delay_max = 0;
  std::vector<ImplementationSide> sides;  // per party
};

struct WorldSpec {
  BattlefieldSpec battlefield;
  std::vector<CostKind> cost_kinds;
  std::vector<PartyWarSpec> parties;  // per party; empty when the file has no world block
  std::vector<int> war_tracks;        // tracks whose reservation is the value of fighting on
  std::vector<int> ceasefire_tracks;  // an agreement on any of them stops the fighting
  std::vector<PressureLever> pressure;
  std::vector<EventSpec> events;
  std::vector<ImplementationSpec> implementation;

  // Does anything change from round to round (battles, costs, pressure or events)?
  bool steps() const {
    return battlefield.present || !cost_kinds.empty() || !pressure.empty() || !events.empty();
  }
  bool empty() const { return !steps() && implementation.empty(); }
};

}  // namespace parley
