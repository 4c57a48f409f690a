#pragma once
#include <cstdint>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// A baseline: proposes an outcome drawn uniformly from those worth at least its reservation
// value to it (its best outcome if there are none), from its own random stream; accepts an
// offer iff it is worth at least its reservation value (the one in force: the world recomputes
// it every round, events may move it).
class RandomAgent final : public Agent {
 public:
  explicit RandomAgent(const AgentSetup& setup);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;

  std::uint64_t acceptable_count();

 private:
  const OutcomeSpace* space_;
  const std::vector<std::int32_t>* ranking_;
  RandomStream* rng_;
  int party_;
  const Eigen::ArrayXd* utility_;
  const double* reservation_;  // the reservation in force for this track (RunState)
  // The first `acceptable_` outcomes of the ranking are worth at least `counted_for_`; counted
  // again when the reservation in force moves (the world, events).
  double counted_for_;
  std::uint64_t acceptable_;
};

AgentModel random_model();

}  // namespace parley
