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
  r.median = median_voter_position(
      state.positions, state.ideals.empty() ? state.positions : state.ideals, weights, state.width);
  r.weighted_mean = weighted_mean_position(state.positions, weights);
  return r;
}
}  // namespace

bool uses_ideal_points(const ActorTable& table, const ModelParameters& params) {
  if (params.ideal_adjustment) return true;
  for (const Stakeholder& a : table.actors)
    if (!a.ideals.empty() || a.ideal_adjustment) return true;
  return false;
}

std::vector<double> ideal_adjustment_rates(const ActorTable& table, const ModelParameters& params) {
  std::vector<double> rates;
  for (const Stakeholder& a : table.actors)
    rates.push_back(a.ideal_adjustment.value_or(params.ideal_adjustment.value_or(1.0)));
  return rates;
}

void adjust_ideals(std::vector<double>& ideals, const std::vector<double>& positions,
                   const std::vector<double>& rates) {
  for (std::size_t k = 0; k < ideals.size(); ++k)
    ideals[k] = rates[k] == 1.0 ? positions[k] : ideals[k] + rates[k] * (positions[k] - ideals[k]);
}

std::vector<DimensionForecast> run_forecast(const ActorTable& table,
                                            const ModelParameters& params) {
  if (const std::string problem = check_actor_table(table); !problem.empty())
    throw std::invalid_argument("actor table: " + problem);
  const bool ideal = uses_ideal_points(table, params);
  const std::vector<double> rates = ideal_adjustment_rates(table, params);
  std::vector<DimensionForecast> out;
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    DimensionState state;
    state.width = table.dimensions[d].width();
    for (const Stakeholder& a : table.actors) {
      state.positions.push_back(a.positions[d]);
      state.saliences.push_back(a.saliences[d]);
      state.capabilities.push_back(a.capability);
      state.fixed_risk.push_back(a.risk_exponent);
      if (ideal) state.ideals.push_back(a.ideals.empty() ? a.positions[d] : a.ideals[d]);
    }
    DimensionForecast f;
    std::vector<double> weights(state.positions.size());
    for (std::size_t k = 0; k < weights.size(); ++k)
      weights[k] = state.capabilities[k] * state.saliences[k];
    f.baselines = {mean_position(state.positions), weighted_mean_position(state.positions, weights),
                   weighted_median_position(state.positions, weights)};
    f.rounds.push_back(record(0, state));
    f.rounds.back().ideals = state.ideals;
    for (int round = 1; round <= params.max_rounds; ++round) {
      const RoundResult r = play_round(state, params);
      double largest_move = 0;
      for (std::size_t k = 0; k < r.positions.size(); ++k)
        largest_move = std::max(largest_move, std::abs(r.positions[k] - state.positions[k]));
      state.positions = r.positions;
      // The ideals drift toward the positions the actors came to hold (after the move, as in
      // the KAPSARC Toolkit); the positions have settled only when the ideals
      // have too, since drifting ideals change the votes of the next round.
      if (ideal) {
        const std::vector<double> before = state.ideals;
        adjust_ideals(state.ideals, state.positions, rates);
        for (std::size_t k = 0; k < before.size(); ++k)
          largest_move = std::max(largest_move, std::abs(state.ideals[k] - before[k]));
      }
      RoundRecord rec = record(round, state);
      rec.ideals = state.ideals;
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
