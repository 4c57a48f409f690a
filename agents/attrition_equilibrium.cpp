#include "agents/attrition_equilibrium.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace parley {

double attrition_quit_probability(const AttritionStakes& other, int round) {
  const double w = other.win, l = other.lose, t = other.tie, c = other.cost, d = other.discount;
  if (w <= l) return 0.0;
  if (d >= 1.0) {
    // q^2 (T - L) + q (L - W - c) + c = 0: f(0) = c >= 0 and f(1) = T - W, so for T < W there is
    // one root in [0, 1], the smaller one; written so that it does not cancel when T = L.
    const double a = t - l, b = l - w - c;
    if (c <= 0.0) return 0.0;
    const double disc = b * b - 4.0 * a * c;
    if (disc < 0.0 || t >= w)
      throw std::invalid_argument(
          "the war of attrition has no mixed equilibrium when a tie is worth as much as winning");
    return std::min(1.0, 2.0 * c / (-b + std::sqrt(disc)));
  }
  if (std::abs(t - l) > 1e-12)
    throw std::invalid_argument(
        "attrition-equilibrium: with discounting (discount " + std::to_string(d) +
        ") the war of attrition has a closed form only when a tie pays what losing pays; use "
        "\"tie\": \"none\" with a reservation equal to the value of the other's claim, or "
        "discount 1");
  const double dt = std::pow(d, round);
  return std::min(1.0, (dt * l * (1.0 - d) + c) / (dt * (w - d * l) + c));
}

namespace {
// A party's stakes when each side claims its own best outcome.
AttritionStakes stakes(const AgentSetup& setup, int party, const Preferences& prefs,
                       double reservation) {
  const OutcomeSpace& space = *setup.space;
  const auto& own_rank = space.ranking(party);
  const auto& other_rank = space.ranking(1 - party);
  if (own_rank.empty() || other_rank.empty())
    throw std::invalid_argument("attrition-equilibrium: the track has no outcomes");
  AttritionStakes s;
  s.win = space.utilities(party)[own_rank.front()];
  s.lose = space.utilities(party)[other_rank.front()];
  s.tie = setup.tie_coin ? 0.5 * (s.win + s.lose) : reservation;
  s.cost = prefs.cost_per_round;
  s.discount = prefs.discount;
  return s;
}
}  // namespace

AttritionEquilibriumAgent::AttritionEquilibriumAgent(const AgentSetup& setup)
    : space_(setup.space),
      party_(setup.party),
      role_(static_cast<int>(setup.param("role"))),
      rng_(setup.rng) {
  if (setup.party_count != 2 || !setup.complete_information)
    throw std::invalid_argument("attrition-equilibrium needs two parties and complete information");
  const int other = 1 - party_;
  own_ = stakes(setup, party_, *setup.own, setup.reservation);
  other_ = stakes(setup, other, *setup.public_preferences[other], setup.public_reservation[other]);
  claim_ = space_->deal(space_->ranking(party_).front());
  // Refuse a game without a closed form when the run starts, not in the middle of it.
  if (role_ == 0) attrition_quit_probability(other_, 0);
}

Deal AttritionEquilibriumAgent::propose(const RoundInfo& /*round*/) {
  return claim_;
}

Response AttritionEquilibriumAgent::respond(const RoundInfo& round, const Deal& /*offer*/) {
  if (role_ == 1) return Response::Reject;
  if (role_ == 2) return Response::Accept;
  const double q = attrition_quit_probability(other_, round.round);
  // One draw per round, whatever q, so the stream does not depend on the stakes.
  return rng_->uniform() < q ? Response::Accept : Response::Reject;
}

AgentModel attrition_equilibrium_model() {
  AgentModel model;
  model.name = "attrition-equilibrium";
  model.summary =
      "the war of attrition's equilibrium: claims its best outcome and quits each round with the "
      "probability that leaves the other side indifferent";
  model.params = {{"role", 0.0, 0.0, 2.0,
                   "0: the mixed equilibrium; 1: never quits; 2: quits at once (the pure "
                   "equilibria, one side conceding to a rival that never would)",
                   true}};
  model.requires_.complete_information = true;
  model.requires_.bilateral = true;
  model.requires_.attrition = true;
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<AttritionEquilibriumAgent>(setup);
  };
  return model;
}

}  // namespace parley
