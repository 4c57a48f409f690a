// change_weights changes one party's salience from its round: the run's own outcome space is
// recomputed for that party only, the simulator's shared space is untouched, and the party's
// agents are told.
#include <gtest/gtest.h>

#include "../world_test_support.hpp"
#include "agents/hardliner.hpp"

namespace parley::testing {
namespace {

int g_changes[2] = {0, 0};

// A hardliner that counts the weight changes it hears of.
class CountingAgent final : public Agent {
 public:
  explicit CountingAgent(const AgentSetup& setup) : party_(setup.party), inner_(setup, 0.0) {}
  Deal propose(const RoundInfo& r) override { return inner_.propose(r); }
  Response respond(const RoundInfo& r, const Deal& offer) override {
    return inner_.respond(r, offer);
  }
  void on_preferences_changed() override { ++g_changes[party_]; }

 private:
  int party_;
  HardlinerAgent inner_;
};

TEST(ChangeWeightsEvent, RecomputesThePartysUtilitiesFromItsRound) {
  auto s = two_track_scenario();
  s->tracks = {Track{"all", "All", {0, 1}, {}}};
  for (Party& p : s->parties) {
    p.preferences.reservation = {0.2};
    p.agent.model = "counter";
  }
  s->world.events = {scheduled("change_weights", 3, {{"party", 1}, {"issue", 0}, {"weight", 0.1}})};
  AgentRegistry registry;
  register_builtin_agents(registry);
  registry.add(AgentModel{
      "counter",
      "test",
      {},
      {},
      [](const AgentSetup& setup) { return std::unique_ptr<Agent>(new CountingAgent(setup)); },
      {}});
  const Simulator simulator(s, registry);
  RunState state = simulator.baseline();
  ASSERT_EQ(state.spaces.size(), 1u);  // the run gets its own space
  Recorder recorder(state);
  g_changes[0] = g_changes[1] = 0;
  simulator.run(3, 0, state, &recorder);
  ASSERT_EQ(recorder.rounds.size(), 30u);

  // The expected utilities: a space built from a scenario where B's weight is already 0.1.
  auto changed = std::make_shared<Scenario>(*s);
  changed->parties[1].preferences.weights = {0.1, 0.3};
  const OutcomeSpace expected(*changed, 0);
  const OutcomeSpace& original = simulator.space(0);
  for (int r = 0; r < 30; ++r) {
    const auto& round = recorder.rounds[r];
    EXPECT_EQ(round.preferences[1].weights[0], r < 3 ? 0.7 : 0.1);
    EXPECT_EQ(round.preferences[1].weights[1], 0.3);
    EXPECT_EQ(round.preferences[0].weights, (std::vector<double>{0.7, 0.3}));
    for (std::int64_t o = 0; o < original.size(); ++o) {
      EXPECT_EQ(round.utilities[0][o], original.utilities(0)[o]);  // A unchanged
      const double b = r < 3 ? original.utilities(1)[o] : expected.utilities(1)[o];
      EXPECT_NEAR(round.utilities[1][o], b, 1e-15);
    }
  }
  EXPECT_EQ(state.spaces[0].ranking(1), expected.ranking(1));
  EXPECT_NEAR(state.spaces[0].track_weight(1), 0.4, 1e-15);
  // Off-grid deals use the new weights too.
  Deal off = expected.deal(5);
  off.outcome = -1;
  off.values[0] = 0.33;
  EXPECT_NEAR(state.spaces[0].utility(1, off), expected.utility(1, off), 1e-15);
  // The shared space is the scenario's; only B's agent heard of the change.
  EXPECT_EQ(simulator.space(0).utilities(1)[0], original.utilities(1)[0]);
  EXPECT_EQ(g_changes[0], 0);
  EXPECT_EQ(g_changes[1], 1);
}

}  // namespace
}  // namespace parley::testing
