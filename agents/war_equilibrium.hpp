#pragma once
#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <vector>

#include "agents/constrained_best.hpp"
#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"
#include "engine/world/world_state.hpp"

namespace parley {

// Bargaining while fighting with complete information (Slantchev 2003; Powell 2004): offers and
// battles alternate on the battlefield chain, and each state's proposer offers the responder
// exactly what rejecting is worth to it. The stationary subgame-perfect offers are found by value
// iteration over (battlefield state, proposer). Values are those of the game in which a proposer
// may offer a lottery over deals (the envelope of the outcome space), so they are continuous and
// the iteration converges; the offer made is the grid deal just above the responder's
// continuation. docs/agents.md, "war-equilibrium", states the recursion; the game below is its
// input.
struct WarGame {
  // The chain. Without a battlefield (or after the fighting stopped) there is one state, 0,
  // which a rejection never leaves.
  bool battlefield = false;
  BattlefieldState field;  // states, battles per round, win and decisive probabilities
  std::array<double, 2> discount{1.0, 1.0};
  // Per party: what one round without agreement costs, in track utility.
  std::array<double, 2> flow_cost{0.0, 0.0};
  // Per party, per state 0..N (one entry without a battlefield): the reservation in force there
  // (paid on breakdown and walk-away) and, at the absorbing states 0 and N, the track's payoff
  // when the war is won there.
  std::array<std::vector<double>, 2> reservation;
  double breakdown = 0.0;                          // after each rejection
  bool walk_away = false;                          // may the responder leave for its reservation
  std::array<const Eigen::ArrayXd*, 2> utility{};  // per party, per outcome of the track
};

// The equilibrium play of one (state, proposer).
struct WarPlan {
  bool agree = false;            // the proposer makes an offer the responder accepts
  std::int64_t outcome = -1;     // that offer (agree only)
  bool responder_walks = false;  // without agreement: the responder walks away
  // Per party: the value of the round under equilibrium play, and the value of the proposer's
  // offer being rejected (breakdown or a round of fighting, then the next state with the
  // responder proposing); for the responder this includes walking away when allowed.
  std::array<double, 2> value{};
  std::array<double, 2> rejected{};
};

struct WarEquilibrium {
  std::vector<std::array<WarPlan, 2>> plans;  // per state, per proposer
  int iterations = 0;
  bool converged = false;
};

// Value iteration from the value of fighting forever, to a change below 1e-13 or 100,000 sweeps.
// `proposer_best[p]` finds p's best outcome among those worth at least a threshold to the other.
void solve_war_equilibrium(const WarGame& game, const std::array<ConstrainedBest, 2>& proposer_best,
                           WarEquilibrium& out);

// The agent: solves the game its run is in (re-solving when an event or pressure changes it)
// and plays its own part of the equilibrium at the battlefield's current state.
class WarEquilibriumAgent final : public Agent {
 public:
  explicit WarEquilibriumAgent(const AgentSetup& setup);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void on_preferences_changed() override;

  // The solved equilibrium and the game it was solved for, for tests and reports.
  const WarEquilibrium& equilibrium();
  const WarGame& game();
  int state() const;  // the battlefield state now (0 without one)

  static constexpr double kTolerance = 1e-9;

 private:
  void refresh();
  void build_search();

  AgentSetup setup_;
  int party_;
  std::array<ConstrainedBest, 2> best_;
  WarGame game_;
  WarEquilibrium eq_;
  std::vector<double> key_;  // the inputs eq_ was solved for
  std::vector<double> next_key_;
  Deal best_deal_;
};

AgentModel war_equilibrium_model();

}  // namespace parley
