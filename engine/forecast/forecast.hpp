#pragma once
#include <vector>

#include "engine/forecast/actor_table.hpp"
#include "engine/forecast/model_parameters.hpp"

namespace parley::forecast {

// One round's record on one dimension. Round 0 holds the positions as given.
struct RoundRecord {
  int round = 0;
  std::vector<double> positions;       // at the end of the round, in table order
  std::vector<double> risk_exponents;  // used in the round (round 0: empty)
  std::vector<double> ideals;          // at the end of the round; empty without ideal points
  double median = 0;                   // median voter position of `positions`
  double weighted_mean = 0;            // capability x salience weighted mean of `positions`
  int conflicts = 0, compromises = 0, capitulations = 0;
};

// The simple predictions from the positions as given.
struct Baselines {
  double mean = 0;
  double weighted_mean = 0;
  double weighted_median = 0;
};

struct DimensionForecast {
  Baselines baselines;
  std::vector<RoundRecord> rounds;  // rounds[0] is the start
  bool settled = false;             // stopped because no position moved any more
  double median() const { return rounds.back().median; }
  double weighted_mean() const { return rounds.back().weighted_mean; }
};

// The expected-utility forecast of every dimension of the table. Dimensions are forecast
// separately, each with the actors' saliences on it (Bueno de Mesquita treats issues one at a
// time). Rounds run until no position moves by more than params.settle_tolerance of the scale's
// width, or params.max_rounds. Deterministic: the same table and parameters give the same bytes.
// Whether the actors have ideal points apart from their positions (docs/forecast.md, "Ideal
// points"): some actor gives ideals or an adjustment rate of its own, or the model sets a rate.
// Otherwise every actor wants what it states, as in the published model.
bool uses_ideal_points(const ActorTable& table, const ModelParameters& params);

// Each actor's ideal-point adjustment rate: its own, else the model's, else 1.
std::vector<double> ideal_adjustment_rates(const ActorTable& table, const ModelParameters& params);

// Moves each ideal the share `rate` of the way toward the actor's position; a rate of 1 puts it
// on the position exactly.
void adjust_ideals(std::vector<double>& ideals, const std::vector<double>& positions,
                   const std::vector<double>& rates);

std::vector<DimensionForecast> run_forecast(const ActorTable& table, const ModelParameters& params);

}  // namespace parley::forecast
