#include "agents/tit_for_tat.hpp"

#include <algorithm>

#include "agents/outcome_search.hpp"

namespace parley {

TitForTatAgent::TitForTatAgent(const AgentSetup& setup, double gain, double opening_concession,
                               double floor)
    : space_(setup.space),
      utility_(&setup.own_utilities()),
      ranking_(&setup.space->ranking(setup.party)),
      party_(setup.party),
      gain_(gain),
      opening_concession_(opening_concession),
      floor_(floor),
      reservation_(setup.reservation_in_force()) {
  p_max_ = ranking_->empty() ? 0.0 : (*utility_)[ranking_->front()];
  target_ = p_max_;
}

double TitForTatAgent::own_utility(const Deal& deal) const {
  return deal.on_grid() ? (*utility_)[deal.outcome] : space_->utility(party_, deal);
}

void TitForTatAgent::set_target(double target) {
  target_ = std::clamp(target, p_min(), p_max_);
}

Deal TitForTatAgent::propose(const RoundInfo& /*round*/) {
  if (offers_made_ == 1) set_target(target_ - opening_concession_);
  ++offers_made_;
  const std::int64_t outcome = (*ranking_)[lowest_at_least(*ranking_, *utility_, target())];
  if (outcome != last_offer_.outcome) last_offer_ = space_->deal(outcome);
  return last_offer_;
}

Response TitForTatAgent::respond(const RoundInfo& /*round*/, const Deal& offer) {
  return own_utility(offer) >= target() ? Response::Accept : Response::Reject;
}

void TitForTatAgent::observe(const Move& move) {
  if (move.action != Action::Offer || move.party == party_ || move.party < 0) return;
  const double u = own_utility(move.deal);
  // The opponent's concession, as this agent feels it, is mirrored in its own target.
  if (seen_other_offer_) set_target(target_ - gain_ * (u - last_other_utility_));
  last_other_utility_ = u;
  seen_other_offer_ = true;
}

AgentModel tit_for_tat_model() {
  AgentModel model;
  model.name = "tit-for-tat";
  model.summary =
      "mirrors the opponent's concessions, measured in its own utility, never below its "
      "reservation value";
  model.params = {
      {"gain", 1.0, 0.0, 10.0,
       "own concession per unit of the opponent's concession (1: concede as much as it did)",
       false},
      {"opening_concession", 0.05, 0.0, 1.0,
       "utility conceded once, before the second offer, so that two mirrors can start moving",
       false},
      {"floor", 0.0, 0.0, 1.0, "lowest target utility; P_min = max(reservation, floor)", false}};
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<TitForTatAgent>(
        setup, setup.param("gain"), setup.param("opening_concession"), setup.param("floor"));
  };
  return model;
}

}  // namespace parley
