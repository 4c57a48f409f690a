// The mediator's single negotiating text (docs/mediation.md): one text per round, accepted by
// all or revised toward the Nash point of what the vetoes leave.
#include "engine/protocols/single_text.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "engine/protocol.hpp"
#include "tests/support/recording_trace.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

// Accepts a text worth at least `threshold` to its party.
class Threshold final : public Agent {
 public:
  Threshold(const OutcomeSpace& space, int party, double threshold)
      : space_(space), party_(party), threshold_(threshold) {}
  Deal propose(const RoundInfo&) override { return Deal{}; }
  Response respond(const RoundInfo&, const Deal& offer) override {
    return space_.utility(party_, offer) >= threshold_ ? Response::Accept : Response::Reject;
  }

 private:
  const OutcomeSpace& space_;
  int party_;
  double threshold_;
};

struct Table {
  Table(std::vector<double> thresholds, int resolution = 101) {
    test::ScenarioBuilder b("single text");
    b.share("x", 0.0, 1.0, resolution);
    b.party("A", "hardliner").points("x", {{0.0, 0.0}, {1.0, 1.0}});
    b.party("B", "hardliner").points("x", {{0.0, 1.0}, {1.0, 0.0}});
    scenario = b.build();
    space = std::make_unique<OutcomeSpace>(*scenario, 0);
    run.space = space.get();
    run.result.payoff.assign(thresholds.size(), 0.0);
    for (std::size_t i = 0; i < thresholds.size(); ++i)
      run.agents.push_back(std::make_unique<Threshold>(*space, static_cast<int>(i), thresholds[i]));
  }
  // Plays rounds until the track closes or `rounds` pass; returns the rounds played.
  int play(int rounds, bool restart = false) {
    ProtocolSpec rules;
    rules.kind = ProtocolKind::SingleText;
    rules.restart_text = restart;
    RandomStream nature(1, 0, kStreamProtocol);
    const auto protocol = make_protocol(ProtocolKind::SingleText, 2);
    int t = 0;
    for (; t < rounds && run.result.status == TrackStatus::Open; ++t)
      protocol->play_round(run, t, rules, nature, &trace);
    return t;
  }
  ScenarioPtr scenario;
  std::unique_ptr<OutcomeSpace> space;
  TrackRun run;
  test::RecordingTrace trace;
};

TEST(SingleText, FirstTextIsTheNashPoint) {
  Table table({0.0, 0.0});
  table.play(1);
  ASSERT_EQ(table.run.result.status, TrackStatus::Agreed);
  EXPECT_EQ(table.run.result.proposer, -1) << "the mediator's text";
  EXPECT_NEAR(table.run.result.deal.values[0], 0.5, 1e-12);  // argmax x (1 - x)
  ASSERT_FALSE(table.trace.moves.empty());
  EXPECT_EQ(table.trace.moves[0].party, -1);
  EXPECT_EQ(table.trace.moves[0].action, Action::Offer);
}

// A vetoes 0.5, so its floor is 0.5; the Nash point of {x > 0.5} with disagreement point
// (0.5, 0) maximises (x - 0.5)(1 - x): x = 0.75, which both accept.
TEST(SingleText, AVetoMovesTheTextTowardTheVetoingParty) {
  Table table({0.7, 0.2});
  EXPECT_EQ(table.play(10), 2);
  ASSERT_EQ(table.run.result.status, TrackStatus::Agreed);
  EXPECT_EQ(table.run.result.round, 1);
  EXPECT_NEAR(table.run.result.deal.values[0], (1.0 + 0.5) / 2.0, 1e-12);
  const auto texts = table.trace.offers(-1);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_NEAR(texts[0].deal.values[0], 0.5, 1e-12);
}

// With no deal both accept (A needs 0.7, B needs 0.5 of the pie), the floors close in until no
// text is left, and the mediator declares deadlock.
TEST(SingleText, IncompatibleDemandsEndInDeadlock) {
  Table table({0.7, 0.5});
  const int rounds = table.play(200);
  EXPECT_LT(rounds, 200);
  EXPECT_EQ(table.run.result.status, TrackStatus::Breakdown);
  ASSERT_FALSE(table.trace.moves.empty());
  EXPECT_EQ(table.trace.moves.back().action, Action::Breakdown);
  EXPECT_EQ(table.trace.moves.back().party, -1);
}

TEST(SingleText, RestartKeepsTheMediatorProposing) {
  Table table({0.7, 0.5});
  EXPECT_EQ(table.play(200, true), 200);
  EXPECT_EQ(table.run.result.status, TrackStatus::Open);
}

TEST(SingleText, NashTextRespectsFloors) {
  Table table({0.0, 0.0});
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(SingleText::nash_text(*table.space, {-inf, -inf}), 50);
  EXPECT_EQ(SingleText::nash_text(*table.space, {0.5, -inf}), 75);
  EXPECT_EQ(SingleText::nash_text(*table.space, {0.5, 0.5}), -1) << "nothing beats both floors";
}

}  // namespace
}  // namespace parley
