#include "engine/forecast/forecast_round.hpp"

#include <cmath>

#include "engine/forecast/expected_utility.hpp"
#include "engine/forecast/votes.hpp"

namespace parley::forecast {

Offer answer_challenge(double receiver_position, double sender_position, double receiver_eu,
                       double sender_eu) {
  Offer offer;
  if (!(sender_eu > 0) || receiver_position == sender_position) return offer;
  const double a = receiver_eu;
  const double b = sender_eu;
  if (a > 0) {
    if (b > a) offer = {OfferKind::kConflict, sender_position};
  } else if (-a < b) {
    offer = {OfferKind::kCompromise,
             receiver_position + (sender_position - receiver_position) * (-a / b)};
  } else {
    offer = {OfferKind::kCapitulation, sender_position};
  }
  return offer;
}

namespace {
// Whether `candidate` (with the sender's expected utility) is a better choice than `best`.
bool preferred(const ModelParameters& params, double here, double candidate, double candidate_eu,
               double best, double best_eu) {
  const double move = std::abs(candidate - here);
  const double best_move = std::abs(best - here);
  if (params.offer_choice == OfferChoice::kStrongest && candidate_eu != best_eu)
    return candidate_eu > best_eu;
  if (move != best_move) return move < best_move;
  return candidate < best;  // equal moves in opposite directions: the lower, whatever the order
}
}  // namespace

RoundResult play_round(const DimensionState& state, const ModelParameters& params) {
  const std::size_t n = state.positions.size();
  std::vector<double> weights(n);
  for (std::size_t k = 0; k < n; ++k) weights[k] = state.capabilities[k] * state.saliences[k];

  RoundResult result;
  // Voters judge from their ideal points when they have them, else from their positions.
  const bool ideal = !state.ideals.empty();
  const std::vector<double>& voters = ideal ? state.ideals : state.positions;
  result.median = median_voter_position(state.positions, voters, weights, state.width);
  const Eigen::MatrixXd p =
      win_probabilities(state.positions, voters, weights, state.width, params.win_probability);
  const DimensionView view{state.positions,
                           state.saliences,
                           state.capabilities,
                           state.width,
                           result.median,
                           p,
                           ideal ? &state.ideals : nullptr};
  result.risk_exponents = risk_exponents(view, state.fixed_risk, params);
  const Eigen::MatrixXd eu = expected_utilities(view, result.risk_exponents, params, false);
  // Under the observer perspective, i judges j's expected utility of challenging i with r_i.
  Eigen::MatrixXd seen;
  if (params.perspective == Perspective::kObserver)
    seen = expected_utilities(view, result.risk_exponents, params, true);
  const Eigen::MatrixXd& sender_eu = params.perspective == Perspective::kObserver ? seen : eu;

  result.positions = state.positions;
  for (std::size_t i = 0; i < n; ++i) {
    const double here = state.positions[i];
    bool any = false;
    double best = here, best_eu = 0;
    OfferKind best_kind = OfferKind::kNone;
    for (std::size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const auto ei = static_cast<Eigen::Index>(i), ej = static_cast<Eigen::Index>(j);
      const double b = sender_eu(ej, ei);
      const Offer offer = answer_challenge(here, state.positions[j], eu(ei, ej), b);
      if (offer.kind == OfferKind::kNone) continue;
      if (!any || preferred(params, here, offer.position, b, best, best_eu)) {
        any = true;
        best = offer.position;
        best_eu = b;
        best_kind = offer.kind;
      }
    }
    result.positions[i] = best;
    result.conflicts += best_kind == OfferKind::kConflict;
    result.compromises += best_kind == OfferKind::kCompromise;
    result.capitulations += best_kind == OfferKind::kCapitulation;
  }
  return result;
}

}  // namespace parley::forecast
