#pragma once
#include <Eigen/Core>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"
#include "engine/forecast/model_parameters.hpp"

namespace parley {

// Bueno de Mesquita's expected-utility model (engine/forecast/, docs/forecast.md) playing a party
// at the table (docs/agents.md, "expected-utility"). Each issue of the track is a dimension whose
// scale is the issue's levels; the actors are the parties. The agent's own position starts at its
// ideal level on each issue and its salience there is its weight on the issue over its largest
// weight on the track. Another party's position is the level of its latest offer (before it has
// offered, the agent's ideal: no contest yet); its salience is read from its public preferences
// under complete information and is the `opponent_salience` parameter otherwise; capabilities are
// parameters. Each time the agent is asked to act it plays one round of the model on every
// dimension, with the positions as they stand, and moves its own position where the round puts
// it: its offer is the outcome at the nearest levels. It accepts an offer worth at least what its
// own next offer would be worth to it. It never offers or accepts less than its reservation value
// in force (or its `floor`): where the model's round would take it below, it keeps its previous
// offer. Deterministic.
class ExpectedUtilityAgent final : public Agent {
 public:
  struct Options {
    double capability = 1.0;
    double opponent_capability = 1.0;
    double opponent_salience = 0.5;
    double floor = 0.0;
    forecast::ModelParameters model;
  };
  ExpectedUtilityAgent(const AgentSetup& setup, const Options& options);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void observe(const Move& move) override;

  // The model's positions, in levels, per issue of the track: this party's, and each party's as
  // the agent last saw it (party order).
  double position(int party, int issue) const;
  // One round of the model on every issue from the positions as they stand: this party's new
  // positions (levels, not yet rounded), without moving.
  std::vector<double> model_round() const;

 private:
  double utility_of(const Deal& deal) const;
  double least_acceptable() const;
  // Moves the own position by one model round, unless the result is worth less than the least
  // acceptable; returns the outcome it would offer.
  std::int64_t step();

  const OutcomeSpace* space_;
  const Eigen::ArrayXd* utility_;
  int party_;
  int parties_;
  const double* reservation_;
  Options options_;
  std::vector<std::vector<double>> positions_;  // [party][issue], in levels
  std::vector<std::vector<double>> saliences_;  // [party][issue], in [0, 1]
  std::vector<double> capabilities_;            // [party]
  std::int64_t offer_ = -1;                     // the current offer's outcome
};

AgentModel expected_utility_model();

}  // namespace parley
