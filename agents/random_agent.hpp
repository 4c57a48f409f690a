#pragma once
#include <cstdint>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// A baseline: proposes an outcome drawn uniformly from those worth at least its reservation
// value to it (its best outcome if there are none), from its own random stream; accepts an
// offer iff it is worth at least its reservation value.
class RandomAgent final : public Agent {
 public:
  explicit RandomAgent(const AgentSetup& setup);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;

  std::uint64_t acceptable_count() const { return acceptable_; }

 private:
  const OutcomeSpace* space_;
  const std::vector<std::int32_t>* ranking_;
  RandomStream* rng_;
  int party_;
  double reservation_;
  std::uint64_t acceptable_;  // the first `acceptable_` outcomes of the ranking
};

AgentModel random_model();

}  // namespace parley
