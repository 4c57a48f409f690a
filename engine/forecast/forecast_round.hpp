#pragma once
#include <optional>
#include <vector>

#include "engine/forecast/model_parameters.hpp"

namespace parley::forecast {

// The actors on one dimension as a round starts.
struct DimensionState {
  std::vector<double> positions;
  std::vector<double> saliences;
  std::vector<double> capabilities;
  std::vector<std::optional<double>> fixed_risk;  // an exponent, or derived each round
  double width = 1.0;
  // Ideal points (docs/forecast.md, "Ideal points"): where each actor really wants the outcome,
  // from which it votes and weighs its stakes. Empty: every actor wants what it states.
  std::vector<double> ideals;
};

// How a receiver answers a sender's challenge, from the two expected utilities (Bueno de
// Mesquita 1994; Scholz, Calbert & Smith 2011, sec. 6). The sender j challenges i when
// EU_j(j, i) > 0. With a = EU_i(i, j) and b = EU_j(j, i) > 0:
//   conflict     a > 0 and b > a:  i loses the confrontation and moves to x_j
//   compromise   a <= 0, |a| < b:  i moves towards x_j by the share |a| / b
//   capitulation a <= 0, |a| >= b: i moves to x_j
// otherwise (a > 0, a >= b) i prevails and does not move.
enum class OfferKind { kNone, kConflict, kCompromise, kCapitulation };
struct Offer {
  OfferKind kind = OfferKind::kNone;
  double position = 0;  // where the receiver would move
};
Offer answer_challenge(double receiver_position, double sender_position, double receiver_eu,
                       double sender_eu);

// What one round did.
struct RoundResult {
  std::vector<double> positions;       // after the round
  std::vector<double> risk_exponents;  // used in the round
  double median = 0;                   // the median voter position the round started from
  int conflicts = 0;
  int compromises = 0;
  int capitulations = 0;
};

// One round on one dimension (Scholz et al., appendix, steps 2-11): the median voter position,
// win probabilities, the risk exponents from a first pass with every exponent 1, the expected
// utilities with those exponents, every challenge answered, and each actor moving to the offer
// it chooses (ModelParameters::offer_choice), all at once.
RoundResult play_round(const DimensionState& state, const ModelParameters& params);

}  // namespace parley::forecast
