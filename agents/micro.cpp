#include "agents/micro.hpp"

namespace parley {

MicroAgent::MicroAgent(const AgentSetup& setup)
    : space_(setup.space),
      own_(&setup.own_utilities()),
      ranking_(&setup.space->ranking(setup.party)),
      party_(setup.party),
      reservation_(setup.reservation_in_force()),
      rng_(setup.rng),
      seen_(static_cast<std::size_t>(setup.space->size()), 0) {}

bool MicroAgent::may_concede() const {
  return made_ <= received_ && made_ < ranking_->size() &&
         (*own_)[(*ranking_)[made_]] >= *reservation_;
}

double MicroAgent::next_utility() const {
  if (may_concede()) return (*own_)[(*ranking_)[made_]];
  if (made_ == 0) return (*own_)[ranking_->front()];
  return (*own_)[(*ranking_)[made_ - 1]];
}

Deal MicroAgent::propose(const RoundInfo& /*round*/) {
  if (may_concede() || made_ == 0) return space_->deal((*ranking_)[made_++]);
  // Not conceding: repeat one of its own earlier offers (de Jonge draws it at random).
  const std::size_t k = rng_ ? static_cast<std::size_t>(rng_->below(made_)) : made_ - 1;
  return space_->deal((*ranking_)[k]);
}

Response MicroAgent::respond(const RoundInfo& /*round*/, const Deal& offer) {
  const double u = space_->utility(party_, offer);
  return u >= next_utility() && u >= *reservation_ ? Response::Accept : Response::Reject;
}

void MicroAgent::observe(const Move& move) {
  if (move.action != Action::Offer || move.party == party_ || move.party < 0) return;
  const std::int64_t o =
      move.deal.on_grid() ? move.deal.outcome : space_->nearest_outcome(move.deal);
  if (o < 0 || seen_[static_cast<std::size_t>(o)]) return;
  seen_[static_cast<std::size_t>(o)] = 1;
  ++received_;
}

AgentModel micro_model() {
  AgentModel model;
  model.name = "micro";
  model.summary =
      "MiCRO (de Jonge 2022): concedes one outcome down its ranking only when the opponent has "
      "made as many distinct offers; accepts what beats its next offer";
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<MicroAgent>(setup);
  };
  return model;
}

}  // namespace parley
