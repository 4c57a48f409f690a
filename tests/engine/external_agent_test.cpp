#include "engine/external_agent.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

ScenarioPtr two_party(bool complete) {
  ScenarioBuilder b("external");
  b.options("a", {"a0", "a1", "a2"});
  b.party("A", "outside");
  b.party("B", "hardliner");
  b.opener("A").deadline(6).complete_information(complete);
  return b.build();
}

// A source with a fixed answer that records what it was shown.
class ScriptedSource final : public DecisionSource {
 public:
  std::int64_t offer = 0;
  Response answer = Response::Reject;
  // Recorded at the decision: a view's pointers live only while the run does.
  struct Seen {
    int party = -1;
    int round = -1;
    bool offer = false;
    std::size_t history = 0;
    const Preferences* other = nullptr;
    const Preferences* own = nullptr;
  };
  std::vector<Seen> seen;
  std::int64_t propose(const PartyView& view) override {
    record(view);
    return offer;
  }
  Response respond(const PartyView& view) override {
    record(view);
    return answer;
  }

 private:
  void record(const PartyView& view) {
    seen.push_back({view.setup->party, view.round.round, view.offer != nullptr,
                    view.history->size(), view.setup->public_preferences[1],
                    view.setup->public_preferences[0]});
  }
};

AgentRegistry registry_with(std::shared_ptr<DecisionSource> source) {
  AgentRegistry registry = builtin_agents();
  registry.add(
      external_agent_model("outside", "test", [source](const AgentSetup&) { return source; }));
  return registry;
}

TEST(ExternalAgent, TheSimulatorAsksTheSourceAndTheProtocolIsTheEngines) {
  auto source = std::make_shared<ScriptedSource>();
  const AgentRegistry registry = registry_with(source);
  const Simulator simulator(two_party(false), registry);
  const RunResult result = simulator.run(1);
  // A never concedes and the hardliner rejects anything but its best: the deadline ends it.
  ASSERT_FALSE(source->seen.empty());
  EXPECT_EQ(result.tracks[0].status, TrackStatus::Deadline);
  // A opens every even round and answers in odd ones; every decision sees the moves before it.
  for (std::size_t k = 0; k < source->seen.size(); ++k) {
    EXPECT_EQ(source->seen[k].party, 0);
    EXPECT_EQ(source->seen[k].offer, source->seen[k].round % 2 == 1);
    if (k > 0) {
      EXPECT_GT(source->seen[k].history, source->seen[k - 1].history);
    }
  }
}

TEST(ExternalAgent, AcceptingClosesTheTrackOnTheOfferMade) {
  auto source = std::make_shared<ScriptedSource>();
  source->answer = Response::Accept;
  source->offer = 1;
  const AgentRegistry registry = registry_with(source);
  const Simulator simulator(two_party(false), registry);
  const RunResult result = simulator.run(1);
  ASSERT_EQ(result.tracks[0].status, TrackStatus::Agreed);
  EXPECT_EQ(result.tracks[0].proposer, 1) << "A accepted B's first offer";
}

TEST(ExternalAgent, SeesOnlyWhatItsPartyMayKnow) {
  for (const bool complete : {false, true}) {
    auto source = std::make_shared<ScriptedSource>();
    const AgentRegistry registry = registry_with(source);
    const Simulator simulator(two_party(complete), registry);
    simulator.run(3);
    ASSERT_FALSE(source->seen.empty());
    EXPECT_NE(source->seen.front().own, nullptr);
    EXPECT_EQ(source->seen.front().other != nullptr, complete);
  }
}

TEST(ExternalAgent, AnOutcomeOffTheSpaceIsTheSourcesError) {
  auto source = std::make_shared<ScriptedSource>();
  source->offer = 3;  // the space has outcomes 0..2
  const AgentRegistry registry = registry_with(source);
  const Simulator simulator(two_party(false), registry);
  EXPECT_THROW(simulator.run(1), std::out_of_range);
}

}  // namespace
}  // namespace parley
