#pragma once
#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// Faratin, Sierra & Jennings (1998) time-dependent target, in their convention:
// u(t) = p_min + (p_max - p_min) * (1 - t^(1/e)) for relative time t in [0, 1].
// e = 0 is the hardliner limit: u(t) = p_max for every t.
double faratin_target(double t, double e, double p_min, double p_max);

// Time-dependent concession (Boulware e < 1, linear e = 1, Conceder e > 1). In round r the
// relative time is t = r / (T - 1), clamped to [0, 1], where T is the deadline in rounds (or the
// `horizon` parameter when there is none); T = 1 gives t = 1. The agent proposes the outcome
// with the smallest own utility at or above its target and accepts any offer worth at least
// its target for the current round. A party that believes in an earlier deadline (an ultimatum,
// a mediator's deadline, a date it treats as final: AgentSetup::believed_deadline) concedes
// against that one, T = min(T, believed): Faratin et al.'s t_max is each agent's own. P_min follows
// the reservation value in force (the world recomputes it every round as the value of fighting on;
// events may move it), so the agent never concedes below what walking away is worth now. See
// docs/agents.md.
class TimeDependentAgent final : public Agent {
 public:
  TimeDependentAgent(const AgentSetup& setup, double e, double floor, int horizon);

  double relative_time(const RoundInfo& round) const;
  double target(const RoundInfo& round) const;
  double p_min() const { return std::min(std::max(*reservation_, floor_), p_max_); }
  double p_max() const { return p_max_; }

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;

 private:
  const OutcomeSpace* space_;
  const Eigen::ArrayXd* utility_;
  const std::vector<std::int32_t>* ranking_;
  int party_;
  double e_;
  double floor_;
  const double* reservation_;  // the reservation in force for this track (RunState)
  double p_max_;
  int horizon_;
  int believed_deadline_;  // the deadline the party treats as final, if earlier; 0: none
  Deal last_offer_;        // the previous proposal, reused while the target stays on one outcome
};

// The registered models: the general one and its three named presets.
AgentModel time_dependent_model();
AgentModel boulware_model();
AgentModel linear_model();
AgentModel conceder_model();

}  // namespace parley
