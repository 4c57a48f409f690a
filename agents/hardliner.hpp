#pragma once
#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// Never concedes: always offers its best outcome and accepts only offers worth at least its
// best utility less `margin`.
class HardlinerAgent final : public Agent {
 public:
  HardlinerAgent(const AgentSetup& setup, double margin);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;

 private:
  const OutcomeSpace* space_;
  int party_;
  Deal best_;
  double threshold_;
};

AgentModel hardliner_model();

}  // namespace parley
