#pragma once
#include <array>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"
#include "engine/scenario/value_function.hpp"

namespace parley {

// The subgame-perfect player of two-party alternating offers over one share issue, with
// complete information (Rubinstein 1982; Stahl 1972; Binmore, Shaked & Sutton 1989; Binmore,
// Rubinstein & Wolinsky 1986). Both players' value functions, reservations, discounts and costs
// are public, so each Rubinstein agent solves the same game and plays its own part of the
// equilibrium. It works in utility space and proposes exact, off-grid share values.
//
// Values are in "relative units" of the round they belong to: the engine pays
// discount^t * value - cost * t for a track closing in round t, so a value v at round t is
// worth discount^t * v - cost * t. See docs/agents.md for the recursion.
class RubinsteinAgent final : public Agent {
 public:
  // What the equilibrium prescribes for one round.
  struct Plan {
    int proposer = 0;
    double share = 0.0;             // the share value the proposer offers
    bool agree = false;             // the offer is meant to be accepted
    bool walk = false;              // the responder walks away rather than continue, if it rejects
    double required = 0;            // the least utility the responder accepts (relative units)
    std::array<double, 2> value{};  // what the round is worth to each party (relative units)
  };

  // Throws std::invalid_argument when the game is not one the agent can solve (not two
  // parties, not complete information, not one issue valued by piecewise-linear points).
  explicit RubinsteinAgent(const AgentSetup& setup);

  // The equilibrium plan of a round (computed when the stationary game depends on the round).
  const Plan& plan(int round);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;

  // Acceptance and feasibility tolerance, for the rounding of the inverted value functions.
  static constexpr double kTolerance = 1e-12;
  // Without a deadline the opener's equilibrium share is found to within this fraction of the
  // share's range, or the agent refuses the game (std::invalid_argument at creation).
  static constexpr double kStationaryTolerance = 1e-9;  // the message says so
  // The least 1 - d1 d2 (1 - p)^2 the stationary solution accepts (see solve_stationary).
  static constexpr double kMinContractionGap = 1e-7;
  // Newton steps (and slope measurements) allowed before the agent gives up.
  static constexpr int kMaxNewtonSteps = 200;
  // The most rounds of a finite game solved by backward induction.
  static constexpr std::size_t kMaxTable = 1'000'000;

 private:
  double value(int party, double share) const;
  // The share best for `proposer` among those worth at least `required` to the other party;
  // false when there is none.
  bool best_share(int proposer, double required, double& share) const;
  double worst_share_for(int party) const;
  Plan agreed_plan(int proposer, double share) const;
  Plan plan_round(int proposer, const std::array<double, 2>& continuation) const;
  std::array<double, 2> continuation(const Plan& next, int round) const;
  void solve_finite();
  static bool same_plan(const Plan& a, const Plan& b);
  void solve_stationary(int round);
  int proposer_of(int round) const { return round % 2 == 0 ? opener_ : 1 - opener_; }

  const OutcomeSpace* space_;
  int party_;
  int opener_;
  int deadline_;
  double breakdown_;
  bool walk_allowed_;
  std::array<const ValueFunction*, 2> value_function_{};
  std::array<double, 2> reservation_{};
  std::array<double, 2> discount_{};
  std::array<double, 2> cost_{};
  std::vector<double> breakpoints_;  // range ends and both value functions' kinks, in range
  // With a deadline: finite_[k] is the plan of round deadline - 1 - k, for the rounds from
  // first_tabled_round_ on (see solve_finite for the earlier ones).
  std::vector<Plan> finite_;
  int first_tabled_round_ = 0;
  bool beyond_table_stationary_ = false;
  std::array<Plan, 2> stationary_;  // per proposer, when there is none
  int stationary_round_ = -1;       // the round stationary_ was solved for
  bool round_dependent_ = false;    // discounting and costs together: re-solve each round
  mutable Deal scratch_;            // a one-issue deal reused to evaluate utilities
};

AgentModel rubinstein_model();

}  // namespace parley
