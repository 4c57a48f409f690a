#include "agents/tit_for_tat.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/agent_setup.hpp"
#include "tests/support/recording_trace.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

ScenarioBuilder pie(const std::string& a_model, std::map<std::string, double> a_params,
                    const std::string& b_model, double a_reservation = 0.0) {
  ScenarioBuilder b("tit for tat");
  b.share("x", 0.0, 1.0, 1001);
  b.party("A", a_model, std::move(a_params))
      .points("x", {{0, 0}, {1, 1}})
      .reservation(a_reservation);
  b.party("B", b_model).points("x", {{0, 1}, {1, 0}});
  return b;
}

Move offer_by_b(const OutcomeSpace& space, double x, int round) {
  return Move{round, 0, 1, Action::Offer, space.deal(space.nearest_outcome([&] {
                Deal d;
                d.size = 1;
                d.values[0] = x;
                return d;
              }()))};
}

TEST(TitForTatAgent, MirrorsTheOpponentsConcessionInItsOwnUtility) {
  const auto a = test::make_standalone_agent(
      pie("tit-for-tat", {{"opening_concession", 0.0}}, "hardliner").build(), builtin_agents(), 0);
  auto* agent = dynamic_cast<TitForTatAgent*>(a->agent.get());
  ASSERT_NE(agent, nullptr);
  const OutcomeSpace& space = *a->space;
  EXPECT_DOUBLE_EQ(agent->target(), 1.0);
  EXPECT_DOUBLE_EQ(space.utilities(0)[agent->propose({0, 0}).outcome], 1.0);
  agent->observe(offer_by_b(space, 0.0, 1));  // B's opening: worth 0 to A
  EXPECT_DOUBLE_EQ(agent->target(), 1.0) << "no concession yet";
  agent->observe(offer_by_b(space, 0.1, 3));  // B concedes 0.1 in A's utility
  EXPECT_NEAR(agent->target(), 0.9, 1e-12);
  EXPECT_NEAR(space.utilities(0)[agent->propose({4, 0}).outcome], 0.9, 1e-12);
  agent->observe(offer_by_b(space, 0.25, 5));
  EXPECT_NEAR(agent->target(), 0.75, 1e-12);
  agent->observe(offer_by_b(space, 0.2, 7));  // B hardens: A hardens as much
  EXPECT_NEAR(agent->target(), 0.8, 1e-12);
}

TEST(TitForTatAgent, NeverGoesBelowItsReservationNorAboveItsBest) {
  const auto a = test::make_standalone_agent(
      pie("tit-for-tat", {{"gain", 2.0}}, "hardliner", 0.3).build(), builtin_agents(), 0);
  auto* agent = dynamic_cast<TitForTatAgent*>(a->agent.get());
  const OutcomeSpace& space = *a->space;
  agent->observe(offer_by_b(space, 0.0, 1));
  agent->observe(offer_by_b(space, 0.6, 3));  // 2 * 0.6 would take it to -0.2
  EXPECT_DOUBLE_EQ(agent->target(), 0.3);
  EXPECT_GE(space.utilities(0)[agent->propose({4, 0}).outcome], 0.3);
  agent->observe(offer_by_b(space, 0.0, 5));  // a retreat of 0.6, doubled, would pass 1
  EXPECT_DOUBLE_EQ(agent->target(), 1.0);
}

TEST(TitForTatAgent, AcceptsOffersAtOrAboveItsTarget) {
  const auto a =
      test::make_standalone_agent(pie("tit-for-tat", {}, "hardliner").build(), builtin_agents(), 0);
  auto* agent = dynamic_cast<TitForTatAgent*>(a->agent.get());
  const OutcomeSpace& space = *a->space;
  agent->observe(offer_by_b(space, 0.2, 1));
  agent->observe(offer_by_b(space, 0.5, 3));
  EXPECT_NEAR(agent->target(), 0.7, 1e-12);
  EXPECT_EQ(agent->respond({3, 0}, offer_by_b(space, 0.7, 3).deal), Response::Accept);
  EXPECT_EQ(agent->respond({3, 0}, offer_by_b(space, 0.69, 3).deal), Response::Reject);
}

TEST(TitForTatAgent, OpeningConcessionComesBeforeTheSecondOffer) {
  const auto a =
      test::make_standalone_agent(pie("tit-for-tat", {}, "hardliner").build(), builtin_agents(), 0);
  const auto& u = a->space->utilities(0);
  EXPECT_DOUBLE_EQ(u[a->agent->propose({0, 0}).outcome], 1.0);
  EXPECT_NEAR(u[a->agent->propose({2, 0}).outcome], 0.95, 1e-12);
}

TEST(TitForTatAgent, MirrorsAConcederIntoAnAgreement) {
  ScenarioBuilder b = pie("tit-for-tat", {}, "linear");
  b.deadline(40);
  test::RecordingTrace trace;
  const Simulator simulator(b.build(), builtin_agents());
  const RunResult result = simulator.run(1, 0, &trace);
  ASSERT_EQ(result.tracks[0].status, TrackStatus::Agreed);
  // Each of A's offers gives up about what B's last two offers gave A (on a 0.001 grid).
  const auto& u = simulator.space(0).utilities(0);
  const auto a_offers = trace.offers(0);
  const auto b_offers = trace.offers(1);
  for (std::size_t k = 2; k < a_offers.size() && k < b_offers.size(); ++k) {
    const double a_gave = u[a_offers[k - 1].deal.outcome] - u[a_offers[k].deal.outcome];
    const double b_gave = u[b_offers[k - 1].deal.outcome] - u[b_offers[k - 2].deal.outcome];
    EXPECT_NEAR(a_gave, b_gave, 2e-3) << "offer " << k;
  }
}

TEST(TitForTatAgent, IsRegisteredWithItsParameters) {
  const AgentModel* model = builtin_agents().find("tit-for-tat");
  ASSERT_NE(model, nullptr);
  std::map<std::string, double> resolved;
  ASSERT_FALSE(builtin_agents().resolve("tit-for-tat", {}, resolved).has_value());
  EXPECT_EQ(resolved.at("gain"), 1.0);
  EXPECT_EQ(resolved.at("opening_concession"), 0.05);
  EXPECT_EQ(resolved.at("floor"), 0.0);
}

}  // namespace
}  // namespace parley
