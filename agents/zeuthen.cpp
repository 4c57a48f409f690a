#include "agents/zeuthen.hpp"

#include <limits>
#include <stdexcept>

namespace parley {

namespace {
constexpr double kNotRational = -std::numeric_limits<double>::infinity();
}

double zeuthen_risk(double own_offer_utility, double other_offer_utility, double disagreement) {
  const double at_stake = own_offer_utility - disagreement;
  if (at_stake <= 0.0) return 0.0;  // nothing left to lose by holding out
  return (own_offer_utility - other_offer_utility) / at_stake;
}

ZeuthenAgent::ZeuthenAgent(const AgentSetup& setup)
    : space_(setup.space),
      self_(&setup.own_utilities()),
      ranking_(&setup.space->ranking(setup.party)),
      party_(setup.party),
      cursor_threshold_(kNotRational) {
  if (setup.party_count != 2) throw std::invalid_argument("the zeuthen agent plays two parties");
  const int other = 1 - party_;
  if (!setup.complete_information || !setup.public_preferences.at(other))
    throw std::invalid_argument("the zeuthen agent needs complete information");
  // Complete information: the opponent's utilities are public, and the precomputed ones are the
  // same numbers the agent would compute from its public preferences.
  other_ = &setup.space->utilities(other);
  d_self_ = setup.reservation;
  d_other_ = setup.public_reservation.at(other);
  own_ = opening();
}

// Harsanyi (1956): each side opens with its best deal in the negotiation set, the individually
// rational Pareto-optimal outcomes: the best for itself among those worth at least disagreement
// to both, ties to the one the opponent likes most (which makes it Pareto-optimal). With no
// individually rational outcome there is nothing to agree on: it opens with its best outcome.
std::int64_t ZeuthenAgent::opening() const {
  const auto& ranking = *ranking_;
  std::size_t first = 0;
  while (first < ranking.size() && nash_product(ranking[first]) == kNotRational) ++first;
  const bool rational = first < ranking.size();
  if (!rational) first = 0;
  std::int64_t best = ranking[first];
  for (std::size_t k = first + 1; k < ranking.size() && (*self_)[ranking[k]] == (*self_)[best]; ++k)
    if ((!rational || nash_product(ranking[k]) != kNotRational) &&
        (*other_)[ranking[k]] > (*other_)[best])
      best = ranking[k];
  return best;
}

double ZeuthenAgent::nash_product(std::int64_t outcome) const {
  const double gain_self = (*self_)[outcome] - d_self_;
  const double gain_other = (*other_)[outcome] - d_other_;
  if (gain_self < 0.0 || gain_other < 0.0) return kNotRational;
  return gain_self * gain_other;
}

double ZeuthenAgent::risk_product(std::int64_t outcome) const {
  const double gain_self = (*self_)[outcome] - d_self_;
  const double gain_other = (*other_)[outcome] - d_other_;
  if (gain_self < 0.0 && gain_other < 0.0) return kNotRational;
  return gain_self * gain_other;
}

// Z_self <= Z_other exactly when (U_s(x_s) - d_s)(U_o(x_s) - d_o) <= (U_s(x_o) - d_s)(U_o(x_o) -
// d_o) (Harsanyi 1956; cross-multiply the risks, whose denominators are the positive gains each
// side gets from its own offer). Comparing products avoids dividing by a zero gain, and the
// concession search uses the same numbers, so "who must concede" never disagrees with it.
bool ZeuthenAgent::must_concede(std::int64_t other_offer) const {
  return risk_product(own_) <= risk_product(other_offer);
}

std::int64_t ZeuthenAgent::concession(double threshold) {
  if (threshold < cursor_threshold_) cursor_ = 0;
  cursor_threshold_ = threshold;
  const auto& ranking = *ranking_;
  for (; cursor_ < ranking.size(); ++cursor_)
    if (nash_product(ranking[cursor_]) > threshold) break;
  if (cursor_ == ranking.size()) return -1;
  std::int64_t best = ranking[cursor_];
  for (std::size_t k = cursor_ + 1; k < ranking.size() && (*self_)[ranking[k]] == (*self_)[best];
       ++k)
    if (nash_product(ranking[k]) > threshold && (*other_)[ranking[k]] > (*other_)[best])
      best = ranking[k];
  return best;
}

Deal ZeuthenAgent::propose(const RoundInfo& /*round*/) {
  // Both sides open (Harsanyi's simultaneous first offers, in turn): the responder's first offer
  // is its own opening, not already a concession to the opener's.
  if (!opened_) {
    opened_ = true;
    return space_->deal(own_);
  }
  if (other_offer_ >= 0) {
    if ((*self_)[other_offer_] >= (*self_)[own_]) {
      own_ = other_offer_;  // the opponent's offer is as good: repeat it, so it stands
    } else if (must_concede(other_offer_)) {
      const std::int64_t next = concession(risk_product(other_offer_));
      own_ = next >= 0 ? next : other_offer_;
    }
  }
  return space_->deal(own_);
}

Response ZeuthenAgent::respond(const RoundInfo& /*round*/, const Deal& offer) {
  const std::int64_t o = offer.on_grid() ? offer.outcome : space_->nearest_outcome(offer);
  if (space_->utility(party_, offer) >= (*self_)[own_]) return Response::Accept;
  // It must concede and no concession would turn the tables: it would concede to this offer.
  if (offer.on_grid() && must_concede(o) && concession(risk_product(o)) < 0)
    return Response::Accept;
  return Response::Reject;
}

void ZeuthenAgent::observe(const Move& move) {
  if (move.action != Action::Offer || move.party == party_ || move.party < 0) return;
  other_offer_ = move.deal.on_grid() ? move.deal.outcome : space_->nearest_outcome(move.deal);
}

AgentModel zeuthen_model() {
  AgentModel model;
  model.name = "zeuthen";
  model.summary =
      "monotonic concession by Zeuthen's risk rule; two Zeuthen agents reach the Nash "
      "bargaining solution";
  model.requires_.complete_information = true;
  model.requires_.bilateral = true;
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<ZeuthenAgent>(setup);
  };
  return model;
}

}  // namespace parley
