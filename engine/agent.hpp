#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/move.hpp"
#include "engine/outcome_space.hpp"
#include "engine/random.hpp"

namespace parley {

// Everything an agent may know when it is created for one party on one track (DESIGN.md,
// rule 2): its own preferences and the public rules. Other parties' preferences are present
// only when the scenario declares complete information.
struct AgentSetup {
  int party = 0;        // the party this agent plays
  int party_count = 2;  // parties at the table
  int opener = 0;       // who makes the first offer on this track
  int track = 0;
  const OutcomeSpace* space = nullptr;  // use own_utilities(), not space->utilities(other)
  const Preferences* own = nullptr;
  double reservation = 0.0;  // own reservation value for this track
  int deadline_rounds = 0;   // 0: no deadline
  double breakdown_probability = 0.0;
  bool walk_away_allowed = false;
  bool complete_information = false;
  // Per party: their public preferences and reservation for this track (complete
  // information only; otherwise only this party's entry is set).
  std::vector<const Preferences*> public_preferences;
  std::vector<double> public_reservation;
  // Every parameter of the model, defaults filled in; owned by the simulator, which may vary
  // the values from run to run without copying.
  const std::map<std::string, double>* params = nullptr;
  RandomStream* rng = nullptr;  // the agent's own stream for this run

  const Eigen::ArrayXd& own_utilities() const { return space->utilities(party); }
  double param(const std::string& name) const { return params->at(name); }
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
  // Make an offer in this round.
  virtual Deal propose(const RoundInfo& round) = 0;
  // Answer the standing offer.
  virtual Response respond(const RoundInfo& round, const Deal& offer) = 0;
  // Every public move on the track, the agent's own included, in order.
  virtual void observe(const Move& /*move*/) {}
};

}  // namespace parley
