#pragma once
#include <functional>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// The two-type screening game of bargaining while fighting (docs/agents.md,
// screening-equilibrium; Powell 2004, "Bargaining and learning while fighting"; the two-type
// solution of one-sided offers, Fudenberg, Levine & Tirole 1985). The uninformed side A offers
// every round; the informed side B, strong (higher value of fighting on R_s) or weak (R_w < R_s),
// accepts or fights on for a round. Values are in track utility, per round from the round they
// are reached ("relative units"): fighting a round is worth R (1 - beta) now and beta times the
// next round's value, beta = discount x the chance the war goes on.
struct ScreeningGame {
  double strong = 0.0;                 // R_s: the strong type's value of fighting on
  double weak = 0.0;                   // R_w
  double weak_continuation = 1.0;      // beta_w
  double uninformed = 0.0;             // V_A: the uninformed side's value of fighting on
  double uninformed_continuation = 1;  // beta_A
  // A's utility of the settlement that gives B utility y.
  std::function<double(double)> uninformed_value;
};

// The equilibrium: with k screening offers left, A offers B y_k, y_0 = R_s (both types accept)
// and y_k = R_w (1 - beta_w) + beta_w y_(k-1) (the weak type is indifferent between accepting and
// fighting a round for the next offer; the strong type refuses). A plays k offers while its
// belief mu that B is weak lies in [cutoff_k, cutoff_(k+1)) (cutoff_0 = 0); the weak type accepts
// y_k with the probability that leaves A's posterior at cutoff_(k-1) after a refusal.
struct ScreeningPlan {
  std::vector<double> offer;   // y_k
  std::vector<double> cutoff;  // mu*_k, increasing; the last is 1
  std::vector<double> level;   // U_k(mu) = level_k + slope_k mu: A's value of the k-offer plan
  std::vector<double> slope;

  int steps(double belief) const;
  // The weak type's mass accepting the k-offer plan's first offer at belief mu, and the chance a
  // weak type accepts it (mass / mu).
  double accepted_mass(int k, double belief) const;
  double weak_acceptance(int k, double belief) const;
  double value(double belief) const;  // A's value: U_steps(mu)(mu)
};

// Throws std::invalid_argument unless R_s > R_w, the continuations are in [0, 1) and peace pays
// A more than fighting against the strong type (uninformed_value(R_s) > V_A).
ScreeningPlan solve_screening(const ScreeningGame& game);

// Either side of the game. As the uninformed side it offers y_k and updates its belief by Bayes'
// rule after each refusal; as the informed side it accepts as its drawn type does (the weak one
// mixing at indifference, from its own stream). Needs: two parties, one of them with exactly two
// private types and the other with none, the uninformed side making every offer (protocol
// proposer "opener"), a war track with one transient battlefield state (states 2, start 1: each
// round the war ends with a fixed chance), no deadline, one share issue, complete information
// about the uninformed side.
class ScreeningEquilibriumAgent final : public Agent {
 public:
  explicit ScreeningEquilibriumAgent(const AgentSetup& setup);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void observe(const Move& move) override;

  const ScreeningPlan& plan() const { return plan_; }
  const ScreeningGame& game() const { return game_; }
  double belief() const { return belief_; }  // that B is weak (the public posterior)
  int steps_left() const { return step_; }

 private:
  Deal deal_giving(double informed_utility) const;

  const OutcomeSpace* space_;
  int party_;
  int informed_;
  bool weak_ = false;  // the informed side's own type
  RandomStream* rng_;
  double lo_ = 0.0, hi_ = 1.0;  // the share issue's range
  ScreeningGame game_;
  ScreeningPlan plan_;
  double belief_ = 0.0;
  int step_ = 0;
  int last_offer_step_ = -1;  // the plan step of the standing offer, -1 off the plan
  mutable Deal scratch_;
};

AgentModel screening_equilibrium_model();

}  // namespace parley
