#pragma once
#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "agents/band_search.hpp"
#include "agents/frequency_model.hpp"
#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// Faratin, Sierra & Jennings (1998) time-dependent target, in their convention:
// u(t) = p_min + (p_max - p_min) * (1 - t^(1/e)) for relative time t in [0, 1].
// e = 0 is the hardliner limit: u(t) = p_max for every t.
double faratin_target(double t, double e, double p_min, double p_max);

// Faratin et al.'s concession functions alpha(t) in [0, 1] (the share of the range conceded by
// relative time t), with the initial constant kappa = alpha(0):
//   polynomial   alpha(t) = kappa + (1 - kappa) t^(1/e)
//   exponential  alpha(t) = exp((1 - t)^e ln kappa)
// Both reach 1 at t = 1; e < 1 is Boulware, e > 1 Conceder. With kappa = 0 the exponential
// tactic never concedes before the deadline (alpha = 0 for t < 1).
double faratin_polynomial_alpha(double t, double e, double kappa);
double faratin_exponential_alpha(double t, double e, double kappa);

// How a time-dependent agent plays (docs/agents.md, docs/interop.md).
struct TimeDependentOptions {
  double e = 1.0;
  double floor = 0.0;
  int horizon = 100;
  double kappa = 0.0;         // Faratin's initial constant
  bool exponential = false;   // Faratin's exponential tactic instead of the polynomial one
  bool negmas_clock = false;  // NegMAS's relative time (r + 1) / (T + 1) instead of r / (T - 1)
  // Choose among the outcomes whose own utility lies in [target, target + band] the one a
  // frequency opponent model rates best (0: the cheapest outcome at or above the target).
  double band = 0.0;
  // GENIUS's TimeDependentAgent, offer by offer (docs/interop.md): floor max(worst utility,
  // reservation), GENIUS's round clock, the bid nearest the target, accept what beats its own
  // next bid; no opponent model.
  bool genius = false;
};

// Time-dependent concession (Boulware e < 1, linear e = 1, Conceder e > 1). In round r the
// relative time is t = r / (T - 1), clamped to [0, 1], where T is the deadline in rounds (or the
// `horizon` parameter when there is none); T = 1 gives t = 1. NegMAS's clock is t = (r + 1) /
// (T + 1). The agent aims at the target P_min + (P_max - P_min)(1 - alpha(t)); on a track of two
// issues or more it offers, among the outcomes within `band` above the target, the one its
// frequency opponent model rates best for the others (ties and one-issue tracks: the cheapest at
// or above the target), and accepts any offer worth at least its target for the current round. A
// party that believes in an earlier deadline (AgentSetup::believed_deadline) concedes against
// that one, T = min(T, believed): Faratin et al.'s t_max is each agent's own. P_min follows the
// reservation value in force (the world recomputes it every round as the value of fighting on;
// events may move it), so the agent never concedes below what walking away is worth now. Under
// the GENIUS convention it plays GENIUS's TimeDependentAgent instead (TimeDependentOptions).
// See docs/agents.md.
// The tables every run of a scenario shares for one time-dependent agent (AgentModel::prepare):
// the track's outcome levels for the frequency opponent model.
struct TimeDependentTables final : AgentTables {
  explicit TimeDependentTables(const OutcomeSpace& space) : levels(space) {}
  OutcomeLevels levels;
};

class TimeDependentAgent final : public Agent {
 public:
  TimeDependentAgent(const AgentSetup& setup, const TimeDependentOptions& options);
  TimeDependentAgent(const AgentSetup& setup, double e, double floor, int horizon);
  // An agent of a registered model whose options come from the setup's parameters (the family's
  // `e` when `fixed_e` < 0, else `fixed_e`): one that `reset` can make new for another run.
  TimeDependentAgent(const AgentSetup& setup, double fixed_e);

  double relative_time(const RoundInfo& round) const;
  // GENIUS's relative time at the agent's turn (`proposing`: its offer of this round; otherwise
  // its answer to it, GENIUS's next turn).
  double genius_time(const RoundInfo& round, bool proposing) const;
  double target(const RoundInfo& round) const;
  double p_min() const;
  double p_max() const { return p_max_; }
  const FrequencyOpponentModel& opponent_model(int party) const {
    return models_[static_cast<std::size_t>(party)];
  }

  bool reset(const AgentSetup& setup) override;
  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void observe(const Move& move) override;

 private:
  void configure(const AgentSetup& setup, const TimeDependentOptions& options);
  int deadline(const RoundInfo& round) const;
  double target_at(double t) const;
  // Faratin's alpha(t) (polynomial or exponential, with kappa) of round r, the deadline being T.
  double alpha_of(const RoundInfo& round) const;
  // Position in the ranking of the outcome to offer for `target`.
  std::size_t choose(double target) const;
  // GENIUS's SortedOutcomeSpace.getBidNearUtility, position in the ranking.
  std::size_t genius_nearest(double target) const;
  double ranked_utility(std::size_t k) const { return (*utility_)[(*ranking_)[k]]; }

  const OutcomeSpace* space_ = nullptr;
  const Eigen::ArrayXd* utility_ = nullptr;
  const std::vector<std::int32_t>* ranking_ = nullptr;
  int party_ = 0;
  int party_count_ = 2;
  TimeDependentOptions options_;
  double fixed_e_ = -1.0;     // the model's fixed e (< 0: the `e` parameter)
  bool from_params_ = false;  // options come from the setup's parameters: `reset` may reuse it
  // Where each option sits in the parameter table (a std::map in name order, the same keys every
  // run), so that `reset` reads them in one pass without looking names up; -1: not a parameter.
  std::array<int, 8> param_at_{};
  std::size_t param_count_ = 0;
  const double* reservation_ = nullptr;  // the reservation in force for this track (RunState)
  double p_max_ = 0.0;
  int believed_deadline_ = 0;  // the deadline the party treats as final, if earlier; 0: none
  bool modelled_ = false;      // the opponent models are in use this run
  std::vector<FrequencyOpponentModel> models_;         // one per party (its own is never fed)
  std::vector<const FrequencyOpponentModel*> raters_;  // the others' models, in party order
  mutable BandSearch band_;  // the band's best-rated outcome, scratch kept from call to call
  Deal last_offer_;          // the previous proposal, reused while the target stays on one outcome
  // Where the last searches for the target and the band's top ended (ranking positions): the
  // next round's answers are near.
  mutable std::size_t target_hint_ = 0;
  mutable std::size_t band_hint_ = 0;
  // alpha(t) by round for the deadline `alpha_deadline_`, computed once per round and kept across
  // runs while the options and the deadline stay (no pow per step): valid where the stamp is
  // `alpha_generation_`.
  mutable std::vector<double> alpha_;
  mutable std::vector<std::uint32_t> alpha_stamp_;
  mutable std::uint32_t alpha_generation_ = 1;
  mutable int alpha_deadline_ = -1;
};

// The registered models: the general one and its three named presets.
AgentModel time_dependent_model();
AgentModel boulware_model();
AgentModel linear_model();
AgentModel conceder_model();

}  // namespace parley
