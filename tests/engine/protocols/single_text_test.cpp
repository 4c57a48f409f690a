// The mediator's single negotiating text (docs/mediation.md): one text per round, accepted by
// all or revised, towards the vetoing parties' criticism (the default) or to the Nash point of
// what the vetoes leave (nash-floors).
#include "engine/protocols/single_text.hpp"

#include <gtest/gtest.h>

#include <array>
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
  int play_criticism(int rounds) { return play(rounds, false, SingleTextRevision::Criticism); }
  int play(int rounds, bool restart = false,
           SingleTextRevision revision = SingleTextRevision::NashFloors) {
    ProtocolSpec rules;
    rules.kind = ProtocolKind::SingleText;
    rules.restart_text = restart;
    rules.revision = revision;
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

// The criticism revision (the default). A vetoes 0.5 and objects upwards; B accepts, so it says
// nothing: the mediator moves the text a quarter of the range towards A, x = 0.75, which both
// accept.
TEST(SingleTextCriticism, TheTextMovesTowardTheObjection) {
  Table table({0.7, 0.2});
  EXPECT_EQ(table.play_criticism(10), 2);
  ASSERT_EQ(table.run.result.status, TrackStatus::Agreed);
  EXPECT_EQ(table.run.result.proposer, -1);
  EXPECT_NEAR(table.run.result.deal.values[0], 0.75, 1e-12);
}

// A needs 0.7, B 0.5: no text satisfies both. 0.5 (A vetoes) -> 0.75 (B vetoes, the move
// reverses, the step halves to 12 levels) -> 0.63, which both veto with opposite objections of
// equal weight: the text stands. The mediator does not declare deadlock; the deadline ends it.
TEST(SingleTextCriticism, IncompatibleDemandsLeaveTheTextStanding) {
  Table table({0.7, 0.5});
  EXPECT_EQ(table.play_criticism(200), 200);
  EXPECT_EQ(table.run.result.status, TrackStatus::Open);
  const auto texts = table.trace.offers(-1);
  ASSERT_EQ(texts.size(), 200u);
  EXPECT_NEAR(texts[0].deal.values[0], 0.5, 1e-12);
  EXPECT_NEAR(texts[1].deal.values[0], 0.75, 1e-12);
  EXPECT_NEAR(texts[2].deal.values[0], 0.63, 1e-12);
  EXPECT_NEAR(texts[199].deal.values[0], 0.63, 1e-12);
}

// The old rule's failure (docs/mediation.md): both parties veto the first text. By nash-floors
// the mediator declares deadlock at once; by criticism it keeps the text on the table, and
// parties whose demands fall with time (here: on the third round) agree to it.
class Softening final : public Agent {
 public:
  Softening(const OutcomeSpace& space, int party) : space_(space), party_(party) {}
  Deal propose(const RoundInfo&) override { return Deal{}; }
  Response respond(const RoundInfo& round, const Deal& offer) override {
    const double need = round.round < 2 ? 0.9 : 0.4;
    return space_.utility(party_, offer) >= need ? Response::Accept : Response::Reject;
  }

 private:
  const OutcomeSpace& space_;
  int party_;
};

TEST(SingleTextCriticism, BothVetoingTheFirstTextIsNoDeadlock) {
  for (const auto revision : {SingleTextRevision::NashFloors, SingleTextRevision::Criticism}) {
    Table table({0.0, 0.0});
    for (int i = 0; i < 2; ++i) table.run.agents[i] = std::make_unique<Softening>(*table.space, i);
    table.play(10, false, revision);
    if (revision == SingleTextRevision::NashFloors) {
      EXPECT_EQ(table.run.result.status, TrackStatus::Breakdown);
      EXPECT_EQ(table.run.result.round, 0);
    } else {
      ASSERT_EQ(table.run.result.status, TrackStatus::Agreed);
      EXPECT_EQ(table.run.result.round, 2);
      EXPECT_NEAR(table.run.result.deal.values[0], 0.5, 1e-12);
    }
  }
}

// Two issues each party cares for unequally (A: 0.8 on x, 0.2 on y; B the reverse), both on 11
// levels, opposed. From the middle, both veto; each objects on both issues, its main concern
// first; the mediator weighs them 1 against 1/2 and, one issue per draft, moves x towards A and
// then y towards B: the trade each would rather make (Raiffa's integrative mediator).
struct Trade {
  Trade() {
    test::ScenarioBuilder b("trade");
    b.share("x", 0.0, 1.0, 11);
    b.share("y", 0.0, 1.0, 11);
    b.party("A", "hardliner")
        .weight("x", 0.8)
        .weight("y", 0.2)
        .points("x", {{0.0, 0.0}, {1.0, 1.0}})
        .points("y", {{0.0, 0.0}, {1.0, 1.0}});
    b.party("B", "hardliner")
        .weight("x", 0.2)
        .weight("y", 0.8)
        .points("x", {{0.0, 1.0}, {1.0, 0.0}})
        .points("y", {{0.0, 1.0}, {1.0, 0.0}});
    scenario = b.build();
    space = std::make_unique<OutcomeSpace>(*scenario, 0);
  }
  Deal at(int x, int y) const {
    const int levels[2] = {x, y};
    return space->deal(space->outcome_of_levels(levels));
  }
  ScenarioPtr scenario;
  std::unique_ptr<OutcomeSpace> space;
};

TEST(SingleTextCriticism, TheMediatorTradesAcrossIssues) {
  Trade t;
  const Deal middle = t.at(5, 5);
  const Criticism said[2] = {criticism_from_preferences(*t.space, 0, middle),
                             criticism_from_preferences(*t.space, 1, middle)};
  std::array<int, kMaxTrackIssues> step{};
  std::array<std::int8_t, kMaxTrackIssues> moved{};
  const std::int64_t next = SingleText::revise(*t.space, middle, said, 2, 0.25, step, moved);
  // A quarter of 10 levels is 3 (rounded). x and y weigh the same (1 - 1/2); x comes first.
  EXPECT_EQ(next, t.at(8, 5).outcome);
  EXPECT_EQ(step[0], 3);
  EXPECT_EQ(moved[0], 1);
  const Deal second = t.space->deal(next);
  const Criticism again[2] = {criticism_from_preferences(*t.space, 0, second),
                              criticism_from_preferences(*t.space, 1, second)};
  // Then both issues weigh the same again; x still first, up to the top, and then y down.
  std::int64_t text = SingleText::revise(*t.space, second, again, 2, 0.25, step, moved);
  EXPECT_EQ(text, t.at(10, 5).outcome);
  const Deal third = t.space->deal(text);
  const Criticism then[2] = {criticism_from_preferences(*t.space, 0, third),
                             criticism_from_preferences(*t.space, 1, third)};
  text = SingleText::revise(*t.space, third, then, 2, 0.25, step, moved);
  EXPECT_EQ(text, t.at(10, 2).outcome);
  EXPECT_EQ(moved[1], -1);
  // At the trade's corner each party holds the issue it cares for most against the other's
  // lesser objection: the text stands.
  const Deal corner = t.at(10, 0);
  const Criticism there[2] = {criticism_from_preferences(*t.space, 0, corner),
                              criticism_from_preferences(*t.space, 1, corner)};
  EXPECT_EQ(SingleText::revise(*t.space, corner, there, 2, 0.25, step, moved), corner.outcome);
}

}  // namespace
}  // namespace parley
