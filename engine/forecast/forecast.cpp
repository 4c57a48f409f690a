#include "engine/forecast/forecast.hpp"

#include <cmath>
#include <stdexcept>

#include "engine/forecast/baselines.hpp"
#include "engine/forecast/forecast_round.hpp"
#include "engine/forecast/votes.hpp"

namespace parley::forecast {

namespace {
RoundRecord record(int round, const DimensionState& state) {
  std::vector<double> weights(state.positions.size());
  for (std::size_t k = 0; k < weights.size(); ++k)
    weights[k] = state.capabilities[k] * state.saliences[k];
  RoundRecord r;
  r.round = round;
  r.positions = state.positions;
  r.median = median_voter_position(state.positions, weights, state.width);
  r.weighted_mean = weighted_mean_position(state.positions, weights);
  return r;
}
}  // namespace

std::vector<DimensionForecast> run_forecast(const ActorTable& table,
                                            const ModelParameters& params) {
  if (const std::string problem = check_actor_table(table); !problem.empty())
    throw std::invalid_argument("actor table: " + problem);
  std::vector<DimensionForecast> out;
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    DimensionState state;
    state.width = table.dimensions[d].width();
    for (const Stakeholder& a : table.actors) {
      state.positions.push_back(a.positions[d]);
      state.saliences.push_back(a.saliences[d]);
      state.capabilities.push_back(a.capability);
      state.fixed_risk.push_back(a.risk_exponent);
    }
    DimensionForecast f;
    std::vector<double> weights(state.positions.size());
    for (std::size_t k = 0; k < weights.size(); ++k)
      weights[k] = state.capabilities[k] * state.saliences[k];
    f.baselines = {mean_position(state.positions), weighted_mean_position(state.positions, weights),
                   weighted_median_position(state.positions, weights)};
    f.rounds.push_back(record(0, state));
    for (int round = 1; round <= params.max_rounds; ++round) {
      const RoundResult r = play_round(state, params);
      double largest_move = 0;
      for (std::size_t k = 0; k < r.positions.size(); ++k)
        largest_move = std::max(largest_move, std::abs(r.positions[k] - state.positions[k]));
      state.positions = r.positions;
      RoundRecord rec = record(round, state);
      rec.risk_exponents = r.risk_exponents;
      rec.conflicts = r.conflicts;
      rec.compromises = r.compromises;
      rec.capitulations = r.capitulations;
      f.rounds.push_back(std::move(rec));
      if (largest_move <= params.settle_tolerance * state.width) {
        f.settled = true;
        break;
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace parley::forecast
