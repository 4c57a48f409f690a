#include "agents/war_equilibrium.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/world/battlefield.hpp"
#include "engine/world/war_value.hpp"

namespace parley {

namespace {
constexpr double kConverged = 1e-13;
constexpr int kMaxSweeps = 100000;
constexpr double kEdge = 1e-12;  // feasibility slack for utilities equal up to rounding

using Values = std::array<std::array<double, 2>, 2>;  // [proposer][party]
}  // namespace

void solve_war_equilibrium(const WarGame& g, const std::array<ConstrainedBest, 2>& proposer_best,
                           WarEquilibrium& out) {
  const int n = g.battlefield ? g.field.states : 0;
  const int m = g.battlefield ? g.field.battles_per_round : 0;
  const int width = 2 * m + 1;
  std::vector<double> kernel{1.0};  // one state that a rejection never leaves
  if (g.battlefield) battlefield_kernel(g.field, kernel);
  const auto absorbing = [&](int k) { return g.battlefield && (k == 0 || k == n); };

  // Start from never agreeing: each state's reservation (with no breakdown and no track costs on
  // a war track this is the value of fighting on, the fixed point when no offer is acceptable).
  std::vector<Values> value(static_cast<std::size_t>(n + 1)), next(value.size());
  for (int k = 0; k <= n; ++k)
    for (int p = 0; p < 2; ++p)
      for (int i = 0; i < 2; ++i) value[k][p][i] = g.reservation[i][k];
  out.plans.assign(value.size(), {});
  out.converged = false;
  out.iterations = 0;

  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    double change = 0.0;
    for (int k = 0; k <= n; ++k) {
      if (absorbing(k)) {
        for (int p = 0; p < 2; ++p) {
          WarPlan& plan = out.plans[k][p];
          plan = WarPlan{};
          for (int i = 0; i < 2; ++i) plan.value[i] = plan.rejected[i] = g.reservation[i][k];
          next[k][p] = plan.value;
        }
        continue;
      }
      for (int p = 0; p < 2; ++p) {
        const int r = 1 - p;
        WarPlan& plan = out.plans[k][p];
        // A rejection: breakdown pays the reservation now; otherwise a round of fighting, then
        // the war is won (the track closes this round) or the responder proposes in the next.
        std::array<double, 2> rejected{};
        for (int i = 0; i < 2; ++i) {
          double future = 0.0;
          for (int j = -m; j <= m; ++j) {
            const double prob = kernel[static_cast<std::size_t>(k * width + j + m)];
            if (prob == 0.0) continue;
            const int to = k + j;
            future +=
                prob * (absorbing(to) ? g.reservation[i][to] : g.discount[i] * value[to][r][i]);
          }
          rejected[i] =
              g.breakdown * g.reservation[i][k] + (1.0 - g.breakdown) * (future - g.flow_cost[i]);
        }
        plan.responder_walks = g.walk_away && g.reservation[r][k] > rejected[r];
        if (plan.responder_walks)
          for (int i = 0; i < 2; ++i) rejected[i] = g.reservation[i][k];
        plan.rejected = rejected;
        // Values follow the game in which the proposer may offer a lottery over deals (the
        // envelope of the outcome space): they are then continuous in the continuation values
        // and the iteration converges; the offer itself is the grid deal that gives the
        // responder at least its continuation.
        const ConstrainedBest& search = proposer_best[p];
        const double mine = search.envelope(rejected[r] - kEdge);
        const std::int64_t x = search.best(rejected[r] - kEdge);
        plan.agree = x >= 0 && mine >= rejected[p] - kEdge;
        plan.outcome = plan.agree ? x : -1;
        if (plan.agree) {
          plan.responder_walks = false;
          plan.value[p] = mine;
          plan.value[r] = search.envelope_theirs(rejected[r]);
        } else {
          plan.value = rejected;
        }
        next[k][p] = plan.value;
        for (int i = 0; i < 2; ++i)
          change = std::max(change, std::abs(next[k][p][i] - value[k][p][i]));
      }
    }
    value.swap(next);
    out.iterations = sweep + 1;
    if (change < kConverged) {
      out.converged = true;
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------

WarEquilibriumAgent::WarEquilibriumAgent(const AgentSetup& setup)
    : setup_(setup), party_(setup.party) {
  if (setup.party_count != 2 || !setup.complete_information)
    throw std::invalid_argument("war-equilibrium needs two parties and complete information");
  build_search();
}

void WarEquilibriumAgent::build_search() {
  const OutcomeSpace& space = *setup_.space;
  best_ = {ConstrainedBest(space.utilities(0), space.utilities(1)),
           ConstrainedBest(space.utilities(1), space.utilities(0))};
  game_.utility = {&space.utilities(0), &space.utilities(1)};
  best_deal_ = space.deal(space.ranking(party_).front());
  key_.clear();  // solve again
}

void WarEquilibriumAgent::on_preferences_changed() {
  build_search();
}

int WarEquilibriumAgent::state() const {
  const WorldState* w = setup_.world;
  const bool on = w && w->battlefield.present && w->battlefield.fighting;
  return on ? w->battlefield.position : 0;
}

void WarEquilibriumAgent::refresh() {
  const WorldState* w = setup_.world;
  const bool on = w && w->battlefield.present && w->battlefield.fighting;
  game_.battlefield = on;
  if (on) game_.field = w->battlefield;
  const int states = on ? w->battlefield.states + 1 : 1;
  game_.breakdown = setup_.breakdown_probability;
  game_.walk_away = setup_.walk_away_allowed;
  next_key_.clear();
  if (on)
    next_key_.insert(
        next_key_.end(),
        {static_cast<double>(game_.field.states),
         static_cast<double>(game_.field.battles_per_round), game_.field.win_probability,
         game_.field.decisive_probability, static_cast<double>(game_.field.up_party)});
  for (int i = 0; i < 2; ++i) {
    const Preferences& prefs = *setup_.public_preferences[i];
    const bool at_war = on && setup_.war_track && i < static_cast<int>(w->parties.size()) &&
                        static_cast<int>(w->parties[i].win_weight.size()) == states;
    game_.discount[i] = prefs.discount;
    game_.flow_cost[i] = prefs.cost_per_round + (at_war ? w->parties[i].expected_cost : 0.0);
    std::vector<double>& res = game_.reservation[i];
    res.resize(static_cast<std::size_t>(states));
    for (int k = 0; k < states; ++k)
      res[k] = at_war ? war_value(w->parties[i], k) + w->parties[i].reservation_offset[setup_.track]
                      : prefs.reservation[setup_.track];
    next_key_.push_back(game_.discount[i]);
    next_key_.push_back(game_.flow_cost[i]);
    next_key_.insert(next_key_.end(), res.begin(), res.end());
  }
  next_key_.push_back(game_.breakdown);
  if (next_key_ == key_ && !eq_.plans.empty()) return;
  key_.swap(next_key_);
  solve_war_equilibrium(game_, best_, eq_);
}

const WarEquilibrium& WarEquilibriumAgent::equilibrium() {
  refresh();
  return eq_;
}

const WarGame& WarEquilibriumAgent::game() {
  refresh();
  return game_;
}

Deal WarEquilibriumAgent::propose(const RoundInfo& /*round*/) {
  refresh();
  const WarPlan& plan = eq_.plans[state()][party_];
  return plan.agree ? setup_.space->deal(plan.outcome) : best_deal_;
}

Response WarEquilibriumAgent::respond(const RoundInfo& /*round*/, const Deal& offer) {
  refresh();
  const WarPlan& plan = eq_.plans[state()][1 - party_];
  if (setup_.space->utility(party_, offer) >= plan.rejected[party_] - kTolerance)
    return Response::Accept;
  return plan.responder_walks ? Response::WalkAway : Response::Reject;
}

AgentModel war_equilibrium_model() {
  AgentModel model;
  model.name = "war-equilibrium";
  model.summary =
      "complete-information bargaining while fighting: plays the stationary subgame-perfect "
      "offers of the battlefield chain, solved by value iteration (Slantchev 2003; Powell 2004)";
  model.requires_.complete_information = true;
  model.requires_.bilateral = true;
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<WarEquilibriumAgent>(setup);
  };
  return model;
}

}  // namespace parley
