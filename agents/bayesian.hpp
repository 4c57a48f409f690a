#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "agents/constrained_best.hpp"
#include "agents/type_belief.hpp"
#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// A Bayesian bargainer facing an opponent of unknown type (Fearon 1995; Powell 2004; Filson &
// Werner 2002). It keeps a belief over the opponent's types (the public prior of
// engine/world/private_type.hpp), updates it by Bayes' rule from the battles and from the
// opponent's offers and refusals, and makes screening offers: the offer that maximises
//   P(accept) · u(offer) + (1 − P(accept)) · C
// over its belief, where C is what a refusal leaves it (its own reservation in force: the value
// of fighting on). As refusals rule the softer types out, the best offer rises over time.
//
// The opponent model (docs/agents.md, "bayesian"): a type accepts an offer, and is willing to
// propose a deal, exactly when the deal is worth at least its reservation in force (on a war
// track, its value of fighting on from the current battlefield state); any other move is a
// "tremble" of probability `tremble`. A move no type with any belief could make (an event changed
// the opponent's reservation, which the prior cannot know) shifts every type's reservation by the
// least amount that explains it. The opponent's utilities are public under complete information;
// otherwise the agent assumes strictly opposed interests, u_opp = 1 − u_own.
class BayesianAgent final : public Agent {
 public:
  explicit BayesianAgent(const AgentSetup& setup);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void observe(const Move& move) override;
  void observe_world(const BattlefieldState& battlefield) override;
  void on_preferences_changed() override;

  // The best screening offer against the current belief when a refusal is worth `continuation`.
  struct Screen {
    std::int64_t outcome = -1;
    double value = 0.0;   // P(accept) u(outcome) + (1 - P(accept)) continuation
    double accept = 0.0;  // P(accept) under the belief
  };
  Screen screen(double continuation) const;

  const TypeBelief& belief() const { return belief_; }
  // The opponent's reservation now, were it of type `type` (the prior's value, shifted).
  double opponent_reservation(int type) const;
  // What contradictions of the prior have added to every type's reservation.
  double shift() const { return shift_; }
  double opponent_utility(const Deal& deal) const;
  // Our own reservation as we see it: the one in force, except on a war track against an
  // opponent whose types set the odds, where the world computes it from the true odds; there it
  // is our value of fighting on weighed by our belief over those types (plus our offset).
  double own_reservation() const;

  static constexpr double kEdge = 1e-12;
  static constexpr double kNegligible = 1e-9;  // beliefs below this do not explain a move
  static constexpr double kStep = 1e-9;        // how far above a refused offer a shift goes

 private:
  void build_search();
  int position() const;
  double acceptance(double opponent_utility) const;

  AgentSetup setup_;
  int party_;
  int opponent_;
  bool typed_opponent_;
  double tremble_;
  bool learn_offers_;
  bool learn_battles_;
  bool strength_types_ = false;  // the opponent's types differ in the battlefield's odds
  const Eigen::ArrayXd* own_ = nullptr;
  const Eigen::ArrayXd* theirs_ = nullptr;
  Eigen::ArrayXd opposed_;  // 1 - own utilities, when the opponent's are private
  ConstrainedBest best_;
  std::int64_t best_outcome_ = 0;
  TypeBelief belief_;
  std::vector<double> likelihood_;
  int last_battle_round_ = -1;
  double shift_ = 0.0;
};

AgentModel bayesian_model();

}  // namespace parley
