#pragma once
#include <cstdint>
#include <vector>

#include "engine/forecast/actor_table.hpp"
#include "engine/forecast/model_parameters.hpp"

namespace parley::forecast {

// How uncertain the actor table is: every run draws each actor's numbers afresh around the
// table's values, independently per actor and dimension.
struct TableUncertainty {
  double position_sd = 0;    // normal, as a share of the scale's width; clamped to the scale
  double salience_sd = 0;    // normal, in salience units; clamped to [0, 1]
  double capability_sd = 0;  // of the logarithm: capability x exp(N(0, sd) - sd^2/2), mean kept
};

// The forecasts of many runs, per dimension, in run order.
struct EnsembleResult {
  std::vector<std::vector<double>> median;         // [dimension][run]
  std::vector<std::vector<double>> weighted_mean;  // [dimension][run]
};

// Runs the forecast `runs` times on tables drawn under `uncertainty`. Run i draws from the
// stream keyed by (seed, i) alone and writes slot i, so the result is the same bytes for any
// thread count (docs/architecture.md, rule 1).
EnsembleResult run_ensemble(const ActorTable& table, const ModelParameters& params,
                            const TableUncertainty& uncertainty, int runs, std::uint64_t seed,
                            int threads);

// The actor table of run `run`: exposed so tests can check the draws.
ActorTable draw_table(const ActorTable& table, const TableUncertainty& uncertainty,
                      std::uint64_t seed, std::uint64_t run);

// The q-quantile (0 to 1) of values, linear between order statistics (type 7, as R's default).
double quantile(std::vector<double> values, double q);

}  // namespace parley::forecast
