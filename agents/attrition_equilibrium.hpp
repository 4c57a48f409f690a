#pragma once
#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// What the war of attrition is worth to one party (docs/agents.md, attrition-equilibrium), in
// track utility: W if the other quits first (its own claim), L if it quits first (the other's
// claim), T if both quit in the same round (the reservation under the tie rule "none", (W + L)/2
// under "coin"), and what a round of staying costs: the payoff of round t is d^t v - c t.
struct AttritionStakes {
  double win = 1.0;
  double lose = 0.0;
  double tie = 0.0;
  double cost = 0.0;
  double discount = 1.0;
};

// The chance that a party quits in round t in the mixed equilibrium: the one that leaves the
// *other* party (whose stakes are given) indifferent between quitting in round t and staying one
// more round (Fudenberg & Tirole 1991, ch. 4; Hendricks, Weiss & Wilson 1988):
// - d = 1: the stationary q solving q^2 (T - L) + q (L - W - c) + c = 0 in [0, 1];
//   with T = L, q = c / (W - L + c), whose rate per unit of time tends to c / V (V = W - L) as the
//   rounds shorten (Maynard Smith 1974; Bishop & Cannings 1978);
// - d < 1 with T = L: q_t = (d^t L (1 - d) + c) / (d^t (W - d L) + c).
// A prize worth nothing (W <= L) gives 0: the other quits at once, so one need never quit.
// Throws std::invalid_argument for d < 1 with T != L, which has no closed form.
double attrition_quit_probability(const AttritionStakes& other, int round);

// The equilibrium player of the war of attrition (engine/protocols/war_of_attrition.hpp): claims
// its best outcome, and quits with the equilibrium probability of the round, drawn from its own
// stream. With `role` 1 it never quits, with 2 it quits at once: the two pure equilibria (one
// side concedes at once to a rival that would never quit). Needs complete information: the
// mixed strategy is set by the other side's stakes.
class AttritionEquilibriumAgent final : public Agent {
 public:
  explicit AttritionEquilibriumAgent(const AgentSetup& setup);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;

  const AttritionStakes& own_stakes() const { return own_; }
  const AttritionStakes& other_stakes() const { return other_; }

 private:
  const OutcomeSpace* space_;
  int party_;
  int role_;
  RandomStream* rng_;
  Deal claim_;
  AttritionStakes own_;
  AttritionStakes other_;
};

AgentModel attrition_equilibrium_model();

}  // namespace parley
