// Theory test (theory.md, "Monotonic concession"): two Zeuthen agents under alternating offers,
// no deadline and no discounting, end exactly at the Nash bargaining solution of a discrete
// two-issue set. The argmax is found here by brute force, from the value functions directly.
#include "agents/zeuthen.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/agent_setup.hpp"
#include "tests/support/recording_trace.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

struct Side {
  double weight_a, weight_b;
  std::vector<double> table_a;                      // value of each option of issue a
  std::vector<std::pair<double, double>> points_b;  // value of quantity b (0..8)
  double reservation;
};

struct Case {
  Side A, B;
  bool b_opens = false;
};

ScenarioBuilder zeuthen_scenario(const Case& c) {
  ScenarioBuilder b("zeuthen on a discrete two-issue set");
  b.options("a", {"a0", "a1", "a2", "a3", "a4", "a5"});
  b.quantity("b", 0, 8, 1);
  for (const auto& [id, side] : {std::pair{"A", c.A}, std::pair{"B", c.B}}) {
    b.party(id, "zeuthen")
        .weight("a", side.weight_a)
        .weight("b", side.weight_b)
        .table("a", side.table_a)
        .points("b", side.points_b)
        .reservation(side.reservation);
  }
  b.complete_information();
  if (c.b_opens) b.opener("B");
  return b;
}

// Piecewise-linear interpolation, written out again for the test.
double interpolate(const std::vector<std::pair<double, double>>& pts, double x) {
  if (x <= pts.front().first) return pts.front().second;
  for (std::size_t k = 1; k < pts.size(); ++k)
    if (x <= pts[k].first)
      return pts[k - 1].second + (pts[k].second - pts[k - 1].second) * (x - pts[k - 1].first) /
                                     (pts[k].first - pts[k - 1].first);
  return pts.back().second;
}

double utility(const Side& s, int a, int b) {
  return (s.weight_a * s.table_a[a] + s.weight_b * interpolate(s.points_b, b)) /
         (s.weight_a + s.weight_b);
}

struct NashPoint {
  std::int64_t outcome = -1;  // mixed radix, first issue slowest: a * 9 + b
  double product = -1.0;
  double runner_up = -1.0;
};

NashPoint brute_force_nash(const Case& c) {
  NashPoint best;
  for (int a = 0; a < 6; ++a)
    for (int b = 0; b <= 8; ++b) {
      const double ga = utility(c.A, a, b) - c.A.reservation;
      const double gb = utility(c.B, a, b) - c.B.reservation;
      if (ga < 0 || gb < 0) continue;
      const double product = ga * gb;
      if (product > best.product) {
        best.runner_up = best.product;
        best.product = product;
        best.outcome = a * 9 + b;
      } else if (product > best.runner_up) {
        best.runner_up = product;
      }
    }
  return best;
}

const Case kCases[] = {
    // A cares most about a (wants it high) and wants b low; B the reverse, and cares most about b.
    {{3, 1, {0, .3, .5, .7, .85, 1}, {{0, 1}, {8, 0}}, 0.2},
     {1, 2, {1, .9, .7, .4, .2, 0}, {{0, 0}, {4, .7}, {8, 1}}, 0.1}},
    {{1, 1, {0, .1, .2, .5, .9, 1}, {{0, 1}, {3, .8}, {8, 0}}, 0.05},
     {2, 1, {1, .95, .8, .6, .3, 0}, {{0, 0}, {8, 1}}, 0.3}},
    {{2, 3, {0, .25, .45, .6, .8, 1}, {{0, 1}, {6, .2}, {8, 0}}, 0.0},
     {1, 1, {1, .6, .5, .45, .1, 0}, {{0, 0}, {2, .5}, {8, 1}}, 0.0},
     true},
    {{5, 1, {0, .3, .5, .7, .85, 1}, {{0, 1}, {8, 0}}, 0.4},
     {1, 4, {1, .9, .7, .4, .2, 0}, {{0, 0}, {4, .5}, {8, 1}}, 0.25},
     true},
};

TEST(ZeuthenTheory, TwoZeuthenAgentsEndAtTheNashArgmax) {
  for (std::size_t k = 0; k < std::size(kCases); ++k) {
    const Case& c = kCases[k];
    const NashPoint nash = brute_force_nash(c);
    ASSERT_GE(nash.outcome, 0) << "case " << k;
    ASSERT_GT(nash.product - nash.runner_up, 1e-9) << "case " << k << ": the argmax must be unique";

    const Simulator simulator(zeuthen_scenario(c).build(), builtin_agents());
    test::RecordingTrace trace;
    const RunResult result = simulator.run(1, 0, &trace);
    const TrackResult& track = result.tracks.at(0);
    ASSERT_EQ(track.status, TrackStatus::Agreed) << "case " << k;
    EXPECT_EQ(track.deal.outcome, nash.outcome) << "case " << k;
    EXPECT_NEAR(track.deal.values[0], static_cast<double>(nash.outcome / 9), 1e-12);
    EXPECT_NEAR(track.deal.values[1], static_cast<double>(nash.outcome % 9), 1e-12);
    EXPECT_NEAR(
        (utility(c.A, static_cast<int>(nash.outcome / 9), static_cast<int>(nash.outcome % 9)) -
         c.A.reservation) *
            (utility(c.B, static_cast<int>(nash.outcome / 9), static_cast<int>(nash.outcome % 9)) -
             c.B.reservation),
        nash.product, 1e-12);

    // Monotonic concession: each side's offers never get better for itself.
    const OutcomeSpace& space = simulator.space(0);
    for (int party = 0; party < 2; ++party) {
      double previous = std::numeric_limits<double>::infinity();
      for (const Move& m : trace.offers(party)) {
        const double u = space.utilities(party)[m.deal.outcome];
        EXPECT_LE(u, previous + 1e-15) << "case " << k << ", party " << party;
        previous = u;
      }
    }
    EXPECT_GT(trace.offers().size(), 2u) << "case " << k << ": a real concession process";
  }
}

TEST(ZeuthenAgent, RiskFollowsTheFormula) {
  EXPECT_DOUBLE_EQ(zeuthen_risk(0.8, 0.5, 0.2), (0.8 - 0.5) / (0.8 - 0.2));
  EXPECT_DOUBLE_EQ(zeuthen_risk(0.8, 0.8, 0.2), 0.0);
  EXPECT_DOUBLE_EQ(zeuthen_risk(0.8, 0.2, 0.2), 1.0);
}

// Harsanyi (1956): each side opens with its best deal in the negotiation set (individually
// rational and Pareto-optimal): the most it can get with both at least at disagreement, ties to
// the one better for the other side. Found here by brute force over the outcome space.
std::int64_t best_in_negotiation_set(const OutcomeSpace& space, int party, double d_self,
                                     double d_other) {
  const Eigen::ArrayXd& self = space.utilities(party);
  const Eigen::ArrayXd& other = space.utilities(1 - party);
  std::int64_t best = -1;
  for (std::int64_t o = 0; o < space.size(); ++o) {
    if (self[o] < d_self || other[o] < d_other) continue;
    if (best < 0 || self[o] > self[best] || (self[o] == self[best] && other[o] > other[best]))
      best = o;
  }
  return best;
}

TEST(ZeuthenTheory, BothPartiesOpenWithTheirBestDealInTheNegotiationSet) {
  for (std::size_t k = 0; k < std::size(kCases); ++k) {
    const Case& c = kCases[k];
    const Simulator simulator(zeuthen_scenario(c).build(), builtin_agents());
    test::RecordingTrace trace;
    simulator.run(1, 0, &trace);
    const OutcomeSpace& space = simulator.space(0);
    const double d[2] = {c.A.reservation, c.B.reservation};
    for (int party = 0; party < 2; ++party) {
      const auto offers = trace.offers(party);
      ASSERT_FALSE(offers.empty()) << "case " << k << ": party " << party << " must open";
      const std::int64_t expected = best_in_negotiation_set(space, party, d[party], d[1 - party]);
      ASSERT_GE(expected, 0);
      EXPECT_EQ(offers.front().deal.outcome, expected) << "case " << k << ", party " << party;
      // Individually rational for both, so not simply the best outcome overall.
      EXPECT_GE(space.utilities(1 - party)[offers.front().deal.outcome], d[1 - party]);
    }
    // The responder's first move after rejecting the opening is its own opening.
    ASSERT_GE(trace.offers().size(), 2u);
    EXPECT_NE(trace.offers()[1].party, trace.offers()[0].party);
  }
}

TEST(ZeuthenAgent, OpensWithItsBestDealAndAcceptsWhatIsAsGoodAsItsOwnOffer) {
  const ScenarioPtr s = zeuthen_scenario(kCases[0]).build();
  const auto a = test::make_standalone_agent(s, builtin_agents(), 0);
  const OutcomeSpace& space = *a->space;
  const Deal opening = a->agent->propose({0, 0});
  EXPECT_EQ(opening.outcome,
            best_in_negotiation_set(space, 0, kCases[0].A.reservation, kCases[0].B.reservation));
  EXPECT_EQ(a->agent->respond({1, 0}, opening), Response::Accept);
  const Deal worst = space.deal(space.ranking(0).back());
  EXPECT_EQ(a->agent->respond({1, 0}, worst), Response::Reject);
}

TEST(ZeuthenAgent, TheSideWithTheSmallerRiskConcedes) {
  const ScenarioPtr s = zeuthen_scenario(kCases[0]).build();
  const auto a = test::make_standalone_agent(s, builtin_agents(), 0);
  auto* agent = dynamic_cast<ZeuthenAgent*>(a->agent.get());
  ASSERT_NE(agent, nullptr);
  const OutcomeSpace& space = *a->space;
  const Deal own = agent->propose({0, 0});
  // The opponent answers with its own best deal.
  const std::int64_t b_best = space.ranking(1).front();
  agent->observe(Move{1, 0, 1, Action::Offer, space.deal(b_best)});
  const auto& ua = space.utilities(0);
  const auto& ub = space.utilities(1);
  const double da = kCases[0].A.reservation, db = kCases[0].B.reservation;
  const double z_a = zeuthen_risk(ua[own.outcome], ua[b_best], da);
  const double z_b = zeuthen_risk(ub[b_best], ub[own.outcome], db);
  const Deal next = agent->propose({2, 0});
  if (z_a <= z_b) {
    EXPECT_LT(ua[next.outcome], ua[own.outcome]) << "A must concede";
    // ... by just enough that B must concede next: B's risk is now the smaller.
    EXPECT_LT(zeuthen_risk(ub[b_best], ub[next.outcome], db),
              zeuthen_risk(ua[next.outcome], ua[b_best], da));
    // ... and by no more: every outcome A likes better would leave A the one to concede.
    for (std::int64_t x = 0; x < space.size(); ++x) {
      if (ua[x] <= ua[next.outcome] || ua[x] < da || ub[x] < db) continue;
      EXPECT_GE(zeuthen_risk(ub[b_best], ub[x], db), zeuthen_risk(ua[x], ua[b_best], da))
          << "outcome " << x;
    }
  } else {
    EXPECT_EQ(next.outcome, own.outcome) << "A holds";
  }
}

TEST(ZeuthenAgent, IsRegisteredWithItsRequirements) {
  const AgentModel* model = builtin_agents().find("zeuthen");
  ASSERT_NE(model, nullptr);
  EXPECT_TRUE(model->requires_.complete_information);
  EXPECT_TRUE(model->requires_.bilateral);
  EXPECT_FALSE(model->requires_.single_share_issue);
  ScenarioBuilder b = zeuthen_scenario(kCases[0]);
  b.complete_information(false);
  EXPECT_THROW(test::make_standalone_agent(b.build(), builtin_agents(), 0), std::invalid_argument);
}

}  // namespace
}  // namespace parley
