// Private types (docs/world.md, "Private types and learning"): drawn per run from the stated
// prior, written into the run's state, with a public prior whose per-type values agree with
// what the world computes for the type actually drawn.
#include "engine/world/private_type.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/run_state.hpp"
#include "engine/world/world.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

PartyType type(std::string id, double probability) {
  PartyType t;
  t.id = std::move(id);
  t.probability = probability;
  return t;
}

// Two tracks: "war" (its reservation is the value of fighting on) and "talks". A (up party)
// has reservation and cost types on the talks; B (down party) has strength and resolve types.
std::shared_ptr<Scenario> typed_scenario() {
  test::ScenarioBuilder b("typed");
  b.share("x", 0.0, 1.0, 11).share("y", 0.0, 1.0, 11);
  b.track("war", {"x"}).track("talks", {"y"});
  b.party("A", "hardliner").reservation(0.3);
  b.party("B", "hardliner").reservation(0.3);
  auto s = std::make_shared<Scenario>(*b.build());
  WorldSpec& w = s->world;
  w.battlefield.present = true;
  w.battlefield.states = 10;
  w.battlefield.start = 5;
  w.battlefield.win_probability = 0.5;
  w.cost_kinds = {CostKind{"casualties", "casualties", "people"}};
  PartyWarSpec war;
  war.costs = {PartyCost{CostDistribution{CostDistributionKind::Fixed, 1.0}, 0.01, ""}};
  w.parties = {war, war};
  w.war_tracks = {0};

  PartyType soft = type("soft", 0.5), hard = type("hard", 0.5);
  soft.reservation = {kUnset, 0.2};
  hard.reservation = {kUnset, 0.6};
  hard.cost_per_round = 0.001;
  s->parties[0].types = {soft, hard};
  PartyType strong = type("strong", 0.3), weak = type("weak", 0.7);
  strong.win_probability = 0.6;
  strong.war_cost_scale = 0.5;
  weak.win_probability = 0.4;
  weak.war_cost_scale = 2.0;
  weak.discount = 0.95;
  s->parties[1].types = {strong, weak};
  return s;
}

RunState baseline(const Scenario& s, const World& world) {
  RunState state;
  state.protocol = s.protocol;
  for (const Party& p : s.parties) {
    state.preferences.push_back(p.preferences);
    state.agent_params.emplace_back();
  }
  world.init(state);
  return state;
}

TEST(PrivateTypes, DrawsFollowThePrior) {
  const auto s = typed_scenario();
  const World world(*s, builtin_event_kinds());
  const RunState base = baseline(*s, world);
  const int runs = 20000;
  int soft = 0, strong = 0;
  RunState state;
  for (int run = 0; run < runs; ++run) {
    state.reset(base);
    draw_private_types(*s, 42, static_cast<std::uint64_t>(run), state);
    soft += state.drawn_types[0] == 0;
    strong += state.drawn_types[1] == 0;
  }
  const auto within = [&](int count, double p) {
    const double se = std::sqrt(p * (1.0 - p) / runs);
    return std::abs(static_cast<double>(count) / runs - p) < 4.0 * se;
  };
  EXPECT_TRUE(within(soft, 0.5)) << soft;
  EXPECT_TRUE(within(strong, 0.3)) << strong;
}

TEST(PrivateTypes, TheDrawnTypeIsWrittenIntoTheRun) {
  const auto s = typed_scenario();
  const World world(*s, builtin_event_kinds());
  const RunState base = baseline(*s, world);
  RunState state = base;
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) {
      state.reset(base);
      state.drawn_types.assign(2, -1);
      apply_private_type(*s, 0, a, state);
      apply_private_type(*s, 1, b, state);
      EXPECT_EQ(state.preferences[0].reservation[1], a == 0 ? 0.2 : 0.6);
      EXPECT_EQ(state.preferences[0].cost_per_round, a == 0 ? 0.0 : 0.001);
      // B fights at the bottom of the chain: the up party's q is 1 - B's win probability.
      EXPECT_NEAR(state.world.battlefield.win_probability, b == 0 ? 0.4 : 0.6, 1e-15);
      EXPECT_EQ(state.world.parties[1].cost_scale[0], b == 0 ? 0.5 : 2.0);
      EXPECT_EQ(state.preferences[1].discount, b == 0 ? 1.0 : 0.95);
      EXPECT_EQ(state.drawn_types[0], a);
      EXPECT_EQ(state.drawn_types[1], b);
    }
}

// The prior's value of fighting on for each type is what the world computes when that type is
// drawn: the Bayesian agent's model of its opponent and the opponent's own reservation agree.
TEST(PrivateTypes, PublicPriorAgreesWithTheWorldForTheDrawnType) {
  const auto s = typed_scenario();
  const World world(*s, builtin_event_kinds());
  const RunState base = baseline(*s, world);
  RunState state = base;
  bool seen[2] = {false, false};
  for (std::uint64_t run = 0; run < 50 && !(seen[0] && seen[1]); ++run) {
    state.reset(base);
    draw_private_types(*s, 7, run, state);
    world.begin(state);
    const int b = state.drawn_types[1];
    seen[b] = true;
    const TypeView& view = state.type_priors.parties[1][b];
    EXPECT_NEAR(view.war_value[5], state.world.parties[1].war_value, 1e-12);
    // ... and so is the other side's value of fighting on under this type's odds.
    EXPECT_NEAR(view.opponent_war_value[5], state.world.parties[0].war_value, 1e-12);
    EXPECT_NEAR(state.type_priors.reservation(1, b, 0, 5), state.preferences[1].reservation[0],
                1e-12);
    EXPECT_NEAR(view.up_win_probability, state.world.battlefield.win_probability, 1e-15);
    // A has no strength types: its views carry the run's q as drawn for B... before the draw.
    EXPECT_NEAR(state.type_priors.parties[0][0].up_win_probability, 0.5, 1e-15);
    EXPECT_EQ(state.type_priors.reservation(0, 1, 1, 5), 0.6);
  }
  EXPECT_TRUE(seen[0] && seen[1]);
}

TEST(PrivateTypes, DrawsDependOnlyOnSeedAndRun) {
  const auto s = typed_scenario();
  const World world(*s, builtin_event_kinds());
  const RunState base = baseline(*s, world);
  RunState first = base, second = base;
  for (std::uint64_t run = 0; run < 20; ++run) {
    first.reset(base);
    second.reset(base);
    draw_private_types(*s, 3, run, first);
    draw_private_types(*s, 3, run, second);
    EXPECT_EQ(first.drawn_types, second.drawn_types);
  }
}

}  // namespace
}  // namespace parley
