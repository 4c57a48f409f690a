// The complete-information benchmark of bargaining while fighting (theory.md, "Crisis bargaining
// and war"): the stationary subgame-perfect offers on the battlefield chain. Expected values
// come from theory.md's closed forms (Fearon's range, the gambler's-ruin chain) computed here,
// not from an engine run.
#include "agents/war_equilibrium.hpp"

#include <gtest/gtest.h>

#include "engine/world/battlefield.hpp"
#include "engine/world/war_value.hpp"

namespace parley {
namespace {

constexpr double kTolerance = 1e-9;

// theory.md's pie on a grid: outcome o is A's share o / (n - 1); A values x, B values 1 - x.
struct Pie {
  explicit Pie(int resolution) : a(resolution), b(resolution), step(1.0 / (resolution - 1)) {
    for (int o = 0; o < resolution; ++o) {
      a[o] = o * step;
      b[o] = 1.0 - a[o];
    }
    best = {ConstrainedBest(a, b), ConstrainedBest(b, a)};
  }
  Eigen::ArrayXd a, b;
  double step;
  std::array<ConstrainedBest, 2> best;
};

// The value of fighting on from every state for party `party` (theory.md's chain, the world's
// formula V = W E[d^(tau-1); win] + L E[d^(tau-1); loss] - c E[sum d^s]).
std::vector<double> war_values(const BattlefieldState& field, int party, double discount,
                               double cost) {
  BattlefieldSolution chain;
  std::vector<double> scratch;
  solve_battlefield(field, discount, chain, scratch);
  std::vector<double> v(chain.up.size());
  for (std::size_t k = 0; k < v.size(); ++k) {
    const double win = party == field.up_party ? chain.up[k] : chain.down[k];
    v[k] = win - cost * chain.duration[k];
  }
  return v;
}

WarGame war_game(const Pie& pie, const BattlefieldState& field, std::array<double, 2> discount,
                 std::array<double, 2> cost) {
  WarGame g;
  g.battlefield = true;
  g.field = field;
  g.discount = discount;
  g.flow_cost = cost;
  for (int i = 0; i < 2; ++i) g.reservation[i] = war_values(field, i, discount[i], cost[i]);
  g.utility = {&pie.a, &pie.b};
  return g;
}

BattlefieldState field(int states, int start, double q, double decisive = 1.0, int battles = 1) {
  BattlefieldState f;
  f.present = true;
  f.fighting = true;
  f.states = states;
  f.position = start;
  f.win_probability = q;
  f.decisive_probability = decisive;
  f.battles_per_round = battles;
  f.up_party = 0;
  f.down_party = 1;
  return f;
}

// One battle decides the war (N = 2, from state 1): A wins with probability p = q. Rejecting
// A's offer is worth 1 - p - c_B to B, so A demands the top of Fearon's range, p + c_B; B
// offers its bottom, p - c_A.
TEST(WarEquilibrium, OneDecisiveBattleGivesFearonsRangeEnds) {
  const Pie pie(1001);
  const struct {
    double p, cost_a, cost_b;
  } cases[] = {{0.6, 0.05, 0.1}, {0.5, 0.2, 0.2}, {0.3, 0.01, 0.25}};
  for (const auto& c : cases) {
    const WarGame g = war_game(pie, field(2, 1, c.p), {1.0, 1.0}, {c.cost_a, c.cost_b});
    WarEquilibrium eq;
    solve_war_equilibrium(g, pie.best, eq);
    ASSERT_TRUE(eq.converged);
    const BargainingRange range = fearon_range(c.p, c.cost_a, c.cost_b);
    const WarPlan& a_proposes = eq.plans[1][0];
    const WarPlan& b_proposes = eq.plans[1][1];
    ASSERT_TRUE(a_proposes.agree);
    ASSERT_TRUE(b_proposes.agree);
    EXPECT_NEAR(pie.a[a_proposes.outcome], range.high, pie.step / 2 + kTolerance);
    EXPECT_NEAR(pie.a[b_proposes.outcome], range.low, pie.step / 2 + kTolerance);
    for (const WarPlan* plan : {&a_proposes, &b_proposes}) {
      EXPECT_GE(pie.a[plan->outcome], range.low - kTolerance);
      EXPECT_LE(pie.a[plan->outcome], range.high + kTolerance);
    }
  }
}

struct ChainCase {
  int states, start, battles;
  double q, decisive;
  std::array<double, 2> discount, cost;
  double breakdown;
  bool walk_away;
};

// Every settlement lies inside the war bargaining range of its state, and every proposer
// prefers its agreement to the offer being refused; with costly war and complete information
// agreement is immediate in every state.
TEST(WarEquilibrium, SettlementsLieInTheWarBargainingRangeOfTheirState) {
  const Pie pie(401);
  const ChainCase cases[] = {
      {8, 4, 1, 0.55, 1.0, {1.0, 1.0}, {0.02, 0.03}, 0.0, false},
      {10, 3, 2, 0.45, 0.7, {0.97, 0.95}, {0.01, 0.04}, 0.0, false},
      {6, 2, 3, 0.6, 0.5, {0.99, 0.9}, {0.03, 0.0}, 0.1, true},
      {12, 6, 1, 0.5, 1.0, {0.9, 0.9}, {0.0, 0.0}, 0.05, false},
  };
  for (const ChainCase& c : cases) {
    const BattlefieldState f = field(c.states, c.start, c.q, c.decisive, c.battles);
    WarGame g = war_game(pie, f, c.discount, c.cost);
    g.breakdown = c.breakdown;
    g.walk_away = c.walk_away;
    WarEquilibrium eq;
    solve_war_equilibrium(g, pie.best, eq);
    ASSERT_TRUE(eq.converged) << "states " << c.states;
    for (int k = 1; k < c.states; ++k) {
      const BargainingRange range = war_bargaining_range(g.reservation[0][k], g.reservation[1][k]);
      for (int p = 0; p < 2; ++p) {
        const WarPlan& plan = eq.plans[k][p];
        SCOPED_TRACE("states " + std::to_string(c.states) + ", state " + std::to_string(k) +
                     ", proposer " + std::to_string(p));
        // Each side can always get its value of fighting on, so the war range is non-empty
        // (Fearon) and equilibrium values are at least the war values.
        EXPECT_FALSE(range.empty());
        EXPECT_GE(plan.value[0], g.reservation[0][k] - kTolerance);
        EXPECT_GE(plan.value[1], g.reservation[1][k] - kTolerance);
        if (c.cost[0] + c.cost[1] > 0.0) {
          EXPECT_TRUE(plan.agree);
        }
        if (!plan.agree) continue;
        // The responder gets at least its continuation exactly; the proposer, whose value is
        // that of the best lottery over deals, gets it up to one grid step (the offer is the
        // grid deal just above the responder's continuation).
        const double x = pie.a[plan.outcome];
        const double slack_a = p == 0 ? pie.step : 0.0, slack_b = p == 1 ? pie.step : 0.0;
        EXPECT_GE(x, range.low - slack_a - kTolerance);
        EXPECT_LE(x, range.high + slack_b + kTolerance);
        const Eigen::ArrayXd& mine = p == 0 ? pie.a : pie.b;
        const Eigen::ArrayXd& theirs = p == 0 ? pie.b : pie.a;
        EXPECT_GE(mine[plan.outcome], plan.rejected[p] - pie.step - kTolerance)
            << "proposer prefers agreement";
        EXPECT_GE(plan.value[p], plan.rejected[p] - kTolerance) << "proposer prefers agreement";
        EXPECT_GE(theirs[plan.outcome], plan.rejected[1 - p] - kTolerance) << "responder accepts";
        // The proposer asks for all it can get: one grid step more would be refused.
        const std::int64_t greedier = plan.outcome + (p == 0 ? 1 : -1);
        if (greedier >= 0 && greedier < pie.a.size()) {
          EXPECT_LT(theirs[greedier], plan.rejected[1 - p] - 1e-12);
        }
      }
    }
  }
}

// Terms track the battlefield (Slantchev; Powell): the further A's front advances, the more A
// gets, whoever proposes.
TEST(WarEquilibrium, TermsTrackTheBattlefield) {
  const Pie pie(1001);
  const WarGame g = war_game(pie, field(10, 5, 0.5), {0.98, 0.98}, {0.01, 0.01});
  WarEquilibrium eq;
  solve_war_equilibrium(g, pie.best, eq);
  ASSERT_TRUE(eq.converged);
  for (int p = 0; p < 2; ++p)
    for (int k = 2; k < 10; ++k)
      EXPECT_GE(pie.a[eq.plans[k][p].outcome], pie.a[eq.plans[k - 1][p].outcome]) << k;
  EXPECT_GT(pie.a[eq.plans[9][0].outcome], pie.a[eq.plans[1][0].outcome]);
}

// With no battlefield a rejection only risks breakdown: the game is Binmore, Rubinstein &
// Wolinsky's, and the solver must find their split (up to the grid).
TEST(WarEquilibrium, WithoutABattlefieldItIsBreakdownBargaining) {
  const Pie pie(2001);
  WarGame g;
  g.discount = {1.0, 1.0};
  g.breakdown = 0.2;
  g.reservation = {std::vector<double>{0.2}, std::vector<double>{0.1}};
  g.utility = {&pie.a, &pie.b};
  WarEquilibrium eq;
  solve_war_equilibrium(g, pie.best, eq);
  ASSERT_TRUE(eq.converged);
  // Binmore, Rubinstein & Wolinsky (theory.md): x = (1 - b2 + (1 - p) b1) / (2 - p).
  const double x = (1.0 - 0.1 + (1.0 - 0.2) * 0.2) / (2.0 - 0.2);
  EXPECT_NEAR(pie.a[eq.plans[0][0].outcome], x, 2 * pie.step);
}

}  // namespace
}  // namespace parley
