#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/criticism.hpp"
#include "engine/move.hpp"
#include "engine/random/random.hpp"
#include "engine/scenario/outcome_space.hpp"

namespace parley {

struct WorldState;
struct BattlefieldState;
struct TypePriors;

// What an agent model computes once per scenario, track and party (AgentModel::prepare) and every
// run then reads, shared and read-only (by every thread of a sweep): tables that depend only on
// the scenario as written, never on a run's drawn values.
struct AgentTables {
  virtual ~AgentTables() = default;
};

// Everything an agent may know when it is created for one party on one track (docs/architecture.md,
// rule 2): its own preferences and the public rules. Other parties' preferences are present
// only when the scenario declares complete information.
struct AgentSetup {
  int party = 0;        // the party this agent plays
  int party_count = 2;  // parties at the table
  int opener = 0;       // who makes the first offer on this track
  int track = 0;
  const OutcomeSpace* space = nullptr;  // use own_utilities(), not space->utilities(other)
  const Preferences* own = nullptr;
  double reservation = 0.0;  // own reservation value for this track at the start of the run
  int deadline_rounds = 0;   // 0: no deadline
  // The deadline the party believes in on this track, when earlier (Party::believed_deadline);
  // 0: none.
  int believed_deadline = 0;
  double breakdown_probability = 0.0;
  bool walk_away_allowed = false;
  bool opener_always_proposes = false;  // ProtocolSpec::opener_always_proposes
  bool tie_coin = false;                // the war of attrition's tie rule (ProtocolSpec::tie_coin)
  bool complete_information = false;
  // Per party: their public preferences and reservation for this track (complete
  // information only; otherwise only this party's entry is set).
  std::vector<const Preferences*> public_preferences;
  std::vector<double> public_reservation;
  // Every parameter of the model, defaults filled in; owned by the simulator, which may vary
  // the values from run to run without copying.
  const std::map<std::string, double>* params = nullptr;
  // The party's agent as the scenario states it (model "program" reads its command here).
  const AgentSpec* agent = nullptr;
  RandomStream* rng = nullptr;  // the agent's own stream for this run
  // The run's world (docs/world.md), updated every round; null when the scenario has none.
  // `world->battlefield` is public; `world->parties[q]` for another party q may be read only
  // under complete information (docs/architecture.md, rule 2).
  const WorldState* world = nullptr;
  // Is this track's reservation the value of fighting on (a war track, docs/world.md)?
  bool war_track = false;
  // Private types (engine/world/private_type.hpp): this party's own drawn type (-1: it has none),
  // and every party's public prior (null when no party has types). The prior is all an agent may
  // know of another party's type (docs/architecture.md, rule 2).
  int own_type = -1;
  const TypePriors* type_priors = nullptr;
  // The model's per-scenario tables for this track and party (AgentModel::prepare), owned by the
  // simulator; null when the model prepares none, or when the agent is made outside a simulator.
  const AgentTables* tables = nullptr;

  const Eigen::ArrayXd& own_utilities() const { return space->utilities(party); }
  double param(const std::string& name) const { return params->at(name); }
  // The reservation value in force now: the world recomputes it every round (the value of
  // fighting on) and events may change it; without a world it stays `reservation`.
  double current_reservation() const { return *reservation_in_force(); }
  // Where that value lives for the run (RunState), for agents that keep only a pointer.
  const double* reservation_in_force() const {
    return &own->reservation[static_cast<std::size_t>(track)];
  }
  // Another party's current reservation (complete information only).
  double current_public_reservation(int q) const {
    return public_preferences[q]->reservation[track];
  }
};

enum class Response { Accept, Reject, WalkAway };

// What a round means to an agent: the round number and the current deadline.
struct RoundInfo {
  int round = 0;
  int deadline_rounds = 0;  // 0: none
};

// The decision model playing one party on one track.
class Agent {
 public:
  virtual ~Agent() = default;
  // Make this agent new again for another run of the same scenario, track and party, as the
  // model's `create` would have made it from `setup` (whose values, the run's, may differ from the
  // last run's), without allocating: the simulator keeps agents across runs this way. Return false
  // when the model cannot, and the simulator creates a new agent instead.
  virtual bool reset(const AgentSetup& /*setup*/) { return false; }
  // Make an offer in this round.
  virtual Deal propose(const RoundInfo& round) = 0;
  // Answer the standing offer.
  virtual Response respond(const RoundInfo& round, const Deal& offer) = 0;
  // After vetoing a mediator's text (single-text protocol): the party's criticism of it, written
  // to `out`. Return false to let the protocol derive it from the party's own preferences
  // (criticism_from_preferences), as every built-in model does.
  virtual bool criticise(const RoundInfo& /*round*/, const Deal& /*text*/, Criticism& /*out*/) {
    return false;
  }
  // Every public move on the track, the agent's own included, in order (only the actions the
  // agent observes: `observes`).
  virtual void observe(const Move& /*move*/) {}
  // Whether the agent's observe() acts on moves of this action: protocols skip the call for
  // the others, without a virtual call (most moves of a round change nothing for most agents).
  bool observes(Action action) const {
    return ((observed_actions_ >> static_cast<unsigned>(action)) & 1u) != 0;
  }
  // The public battlefield after each round's battles (only in scenarios with a battlefield,
  // only while this agent's track is open or suspended).
  virtual void observe_world(const BattlefieldState& /*battlefield*/) {}
  // The party's own weights changed (a change_weights event): the outcome space's utilities and
  // rankings were recomputed in place; refresh anything derived from them.
  virtual void on_preferences_changed() {}

 protected:
  // The actions whose moves observe() acts on, one bit per Action (default: all). An agent that
  // ignores some narrows it, and must widen it again when that changes (e.g. on reset).
  void observe_only(unsigned actions) { observed_actions_ = actions; }
  static constexpr unsigned action_bit(Action action) {
    return 1u << static_cast<unsigned>(action);
  }

 private:
  unsigned observed_actions_ = ~0u;
};

}  // namespace parley
