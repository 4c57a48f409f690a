#include "agents/bayesian.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/world/private_type.hpp"
#include "engine/world/world_state.hpp"

namespace parley {

BayesianAgent::BayesianAgent(const AgentSetup& setup)
    : setup_(setup),
      party_(setup.party),
      opponent_(1 - setup.party),
      typed_opponent_(setup.type_priors && setup.type_priors->has_types(1 - setup.party)),
      tremble_(setup.param("tremble")),
      learn_offers_(setup.param("learn_offers") != 0.0),
      learn_battles_(setup.param("learn_battles") != 0.0) {
  if (setup.party_count != 2) throw std::invalid_argument("bayesian needs two parties");
  std::vector<double> prior{1.0};
  if (typed_opponent_) {
    prior.clear();
    for (const TypeView& view : setup.type_priors->parties[opponent_])
      prior.push_back(view.probability);
  }
  if (typed_opponent_ && setup.war_track) {
    const auto& views = setup.type_priors->parties[opponent_];
    bool at_war = true, differ = false;
    for (const TypeView& view : views) {
      at_war = at_war && !view.opponent_war_value.empty();
      differ = differ || view.up_win_probability != views.front().up_win_probability;
    }
    strength_types_ = at_war && differ;
  }
  likelihood_.assign(prior.size(), 1.0);
  belief_ = TypeBelief(std::move(prior));
  build_search();
}

void BayesianAgent::build_search() {
  const OutcomeSpace& space = *setup_.space;
  own_ = &space.utilities(party_);
  if (setup_.complete_information) {
    theirs_ = &space.utilities(opponent_);
  } else {
    opposed_ = 1.0 - *own_;
    theirs_ = &opposed_;
  }
  best_ = ConstrainedBest(*own_, *theirs_);
  best_outcome_ = space.ranking(party_).front();
}

void BayesianAgent::on_preferences_changed() {
  build_search();
}

int BayesianAgent::position() const {
  const WorldState* w = setup_.world;
  return w && w->battlefield.present ? w->battlefield.position : -1;
}

double BayesianAgent::opponent_reservation(int type) const {
  if (typed_opponent_)
    return setup_.type_priors->reservation(opponent_, type, setup_.track, position()) + shift_;
  // No prior: the public reservation under complete information, else nothing is known.
  return (setup_.complete_information ? setup_.current_public_reservation(opponent_) : 0.0) +
         shift_;
}

double BayesianAgent::own_reservation() const {
  const int k = position();
  if (!strength_types_ || k < 0 || !setup_.world->battlefield.fighting)
    return setup_.current_reservation();
  const auto& views = setup_.type_priors->parties[opponent_];
  double value = 0.0;
  for (std::size_t t = 0; t < views.size(); ++t)
    value += belief_[t] * views[t].opponent_war_value[static_cast<std::size_t>(k)];
  const auto& parties = setup_.world->parties;
  const double offset = static_cast<std::size_t>(party_) < parties.size()
                            ? parties[party_].reservation_offset[setup_.track]
                            : 0.0;
  return value + offset;
}

double BayesianAgent::opponent_utility(const Deal& deal) const {
  if (deal.on_grid()) return (*theirs_)[deal.outcome];
  return setup_.complete_information ? setup_.space->utility(opponent_, deal)
                                     : 1.0 - setup_.space->utility(party_, deal);
}

// P(the opponent accepts a deal worth `u` to it) under the belief.
double BayesianAgent::acceptance(double u) const {
  double p = 0.0;
  for (std::size_t k = 0; k < belief_.size(); ++k)
    if (u >= opponent_reservation(static_cast<int>(k)) - kEdge) p += belief_[k];
  return p;
}

BayesianAgent::Screen BayesianAgent::screen(double continuation) const {
  // Candidates: for each type, the offer best for us that this type (and every type with a
  // lower reservation) accepts; and our best outcome. A screening offer's acceptance set is
  // always such a lower set of types.
  Screen best;
  const auto consider = [&](std::int64_t x) {
    if (x < 0) return;
    const double accept = acceptance((*theirs_)[x]);
    const double value = accept * (*own_)[x] + (1.0 - accept) * continuation;
    if (best.outcome < 0 || value > best.value || (value == best.value && accept > best.accept))
      best = Screen{x, value, accept};
  };
  consider(best_outcome_);
  for (std::size_t k = 0; k < belief_.size(); ++k) {
    if (belief_[k] <= 0.0) continue;
    consider(best_.best(opponent_reservation(static_cast<int>(k)) - kEdge));
  }
  return best;
}

Deal BayesianAgent::propose(const RoundInfo& /*round*/) {
  return setup_.space->deal(screen(own_reservation()).outcome);
}

Response BayesianAgent::respond(const RoundInfo& round, const Deal& offer) {
  const double u = setup_.space->utility(party_, offer);
  const double reservation = own_reservation();
  const bool last = round.deadline_rounds > 0 && round.round + 1 >= round.deadline_rounds;
  // Refusing: the deadline (or breakdown) pays the reservation; otherwise we propose next
  // round, one round's discount and cost later.
  double refuse = reservation;
  if (!last) {
    const double p = setup_.breakdown_probability;
    const double next =
        setup_.own->discount * screen(reservation).value - setup_.own->cost_per_round;
    refuse = p * reservation + (1.0 - p) * next;
  }
  if (u >= refuse - kEdge) return Response::Accept;
  if (setup_.walk_away_allowed && reservation > refuse && reservation > u)
    return Response::WalkAway;
  return Response::Reject;
}

void BayesianAgent::observe(const Move& move) {
  if (!learn_offers_ || move.party != opponent_) return;
  if (move.action != Action::Offer && move.action != Action::Reject) return;
  // A type proposes only deals it prefers to its reservation, and refuses only deals it does
  // not; anything else is a tremble.
  const bool offer = move.action == Action::Offer;
  const double u = opponent_utility(move.deal);
  bool explained = false;
  double lowest = 1e300, highest = -1e300;  // reservations of the types still believed
  for (std::size_t k = 0; k < belief_.size(); ++k) {
    const double r = opponent_reservation(static_cast<int>(k));
    const bool would_accept = u >= r - kEdge;
    const bool consistent = offer ? would_accept : !would_accept;
    likelihood_[k] = consistent ? 1.0 : tremble_;
    if (belief_[k] <= kNegligible) continue;
    explained = explained || consistent;
    lowest = std::min(lowest, r);
    highest = std::max(highest, r);
  }
  if (explained) {
    belief_.update(likelihood_);
    return;
  }
  // No believed type makes this move: the opponent's reservation has moved since the prior
  // (an event). Shift every type by the least amount that explains it: a refusal puts the
  // lowest reservation just above the offer, a proposal puts the highest at the deal's value.
  shift_ += offer ? u - highest : u - lowest + kStep;
}

void BayesianAgent::observe_world(const BattlefieldState& field) {
  if (!learn_battles_ || !typed_opponent_ || field.last_round == last_battle_round_) return;
  last_battle_round_ = field.last_round;
  if (field.last_round < 0) return;
  const auto& views = setup_.type_priors->parties[opponent_];
  for (std::size_t k = 0; k < views.size(); ++k) {
    const double q = views[k].up_win_probability;
    likelihood_[k] =
        is_set(q) ? TypeBelief::battle_likelihood(q, field.last_up, field.last_down) : 1.0;
  }
  belief_.update(likelihood_);
}

AgentModel bayesian_model() {
  AgentModel model;
  model.name = "bayesian";
  model.summary =
      "learns the opponent's private type by Bayes' rule from battles, offers and refusals, and "
      "makes screening offers that rise as refusals rule soft types out (Fearon 1995; Powell 2004)";
  model.params = {
      {"tremble", 0.01, 0.0, 0.5,
       "probability the opponent model gives a move its type would not make (0: such a move "
       "rules the type out)",
       false},
      {"learn_offers", 1.0, 0.0, 1.0, "update beliefs from the opponent's offers and refusals",
       true},
      {"learn_battles", 1.0, 0.0, 1.0, "update beliefs from the battles", true}};
  model.requires_.bilateral = true;
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<BayesianAgent>(setup);
  };
  return model;
}

}  // namespace parley
