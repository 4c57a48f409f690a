#pragma once
#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// Tit for tat in its own utility (after Faratin, Sierra & Jennings 1998, imitative tactics with
// delta = 1, and Baarslag et al. 2013): whenever the opponent makes a new offer, the agent
// measures the opponent's concession as the change in its OWN utility between the opponent's
// last two offers and moves its own target by `gain` times that change — down when the
// opponent concedes, up when it hardens — within [P_min, P_max], P_min = max(reservation,
// floor). It opens at its best, concedes `opening_concession` once before its second offer so
// that two tit-for-tat agents can start moving, proposes the outcome with the smallest own
// utility at or above its target, and accepts an offer worth at least its current target.
class TitForTatAgent final : public Agent {
 public:
  TitForTatAgent(const AgentSetup& setup, double gain, double opening_concession, double floor);

  // The target now: the mirrored one, never below the reservation in force (the world
  // recomputes it every round; events may move it).
  double target() const { return std::clamp(target_, p_min(), p_max_); }
  double p_min() const { return std::min(std::max(*reservation_, floor_), p_max_); }

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void observe(const Move& move) override;

 private:
  double own_utility(const Deal& deal) const;
  void set_target(double target);

  const OutcomeSpace* space_;
  const Eigen::ArrayXd* utility_;
  const std::vector<std::int32_t>* ranking_;
  int party_;
  double gain_;
  double opening_concession_;
  double floor_;
  const double* reservation_;  // the reservation in force for this track (RunState)
  double p_max_;
  double target_;
  int offers_made_ = 0;
  bool seen_other_offer_ = false;
  double last_other_utility_ = 0.0;  // own utility of the opponent's latest offer
  Deal last_offer_;
};

AgentModel tit_for_tat_model();

}  // namespace parley
