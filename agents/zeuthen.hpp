#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// Zeuthen's risk (Zeuthen 1930; Harsanyi 1956): how much of its gain over disagreement party i
// risks by holding on to its own offer rather than accepting the other's, (U_i(x_i) - U_i(x_j)) /
// (U_i(x_i) - d_i).
double zeuthen_risk(double own_offer_utility, double other_offer_utility, double disagreement);

// Monotonic concession with Zeuthen's rule (Zeuthen 1930; Harsanyi 1956; Rosenschein & Zlotkin
// 1994), for two parties with complete information; the disagreement point is the reservation
// values. Both agents open, each with its best deal in the negotiation set (the individually
// rational Pareto-optimal outcomes; Harsanyi 1956), the responder on its first turn. On its turn it
// compares its risk with the opponent's; if its risk is not larger it concedes by the smallest
// concession (the outcome it likes best) after which the opponent must concede, and if there is
// none it concedes to the opponent's offer. It accepts an offer at least as good for it as its own
// current offer, or one it would otherwise have to concede to. Under alternating offers two Zeuthen
// agents end exactly at the Nash bargaining solution of a finite set with a unique Nash maximiser
// (docs/agents.md).
class ZeuthenAgent final : public Agent {
 public:
  // Throws std::invalid_argument without complete information or two parties.
  explicit ZeuthenAgent(const AgentSetup& setup);

  // The Nash product of an outcome over the disagreement point; -infinity when the outcome is
  // not individually rational (worse than disagreement for someone).
  double nash_product(std::int64_t outcome) const;
  std::int64_t current_offer() const { return own_; }

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void observe(const Move& move) override;

 private:
  // The product of both gains over disagreement, whatever their signs (-infinity when both are
  // negative): Zeuthen's risks compare as these products do.
  double risk_product(std::int64_t outcome) const;
  // Z_self <= Z_other: the agent must concede.
  bool must_concede(std::int64_t other_offer) const;
  // The outcome the agent likes best among the individually rational ones whose Nash product
  // exceeds `threshold` (the opponent's offer's risk_product), ties to the better one for the
  // opponent; -1 when there is none.
  std::int64_t concession(double threshold);
  // Its best deal in the negotiation set (see the .cpp).
  std::int64_t opening() const;

  const OutcomeSpace* space_;
  const Eigen::ArrayXd* self_;
  const Eigen::ArrayXd* other_;
  const std::vector<std::int32_t>* ranking_;
  int party_;
  double d_self_;
  double d_other_;
  std::int64_t own_ = 0;
  std::int64_t other_offer_ = -1;
  bool opened_ = false;  // has it made its first offer yet?
  // Concession search state: every outcome before `cursor_` in the ranking fails every threshold
  // >= cursor_threshold_, so a rising threshold (the usual case) resumes there.
  std::size_t cursor_ = 0;
  double cursor_threshold_;
};

AgentModel zeuthen_model();

}  // namespace parley
