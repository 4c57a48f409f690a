#pragma once
#include <cstdint>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// MiCRO (de Jonge 2022, "An analysis of the linear bilateral ANAC domains using the MiCRO
// benchmark strategy", IJCAI 2022): it walks down its own ranking one outcome at a time, but
// only while the opponent has made at least as many distinct offers as it has (m <= n): it
// concedes only when the opponent does. Otherwise it repeats one of its earlier offers, drawn
// from its own stream. It never offers below its reservation value, and it accepts an offer
// worth at least the offer it would make next. No opponent model, no time dependence.
class MicroAgent final : public Agent {
 public:
  explicit MicroAgent(const AgentSetup& setup);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void observe(const Move& move) override;

  std::size_t own_distinct() const { return made_; }
  std::size_t opponent_distinct() const { return received_; }

 private:
  // The utility of the offer it would make next (its next concession if it may concede, else
  // the least of the offers it has made).
  double next_utility() const;
  bool may_concede() const;

  const OutcomeSpace* space_;
  const Eigen::ArrayXd* own_;
  const std::vector<std::int32_t>* ranking_;
  int party_;
  const double* reservation_;
  RandomStream* rng_;
  std::size_t made_ = 0;      // m: its distinct offers, ranking_[0..m)
  std::size_t received_ = 0;  // n: the opponent's distinct offers
  std::vector<char> seen_;    // per outcome: has the opponent offered it?
};

AgentModel micro_model();

}  // namespace parley
