// The war of attrition's rules, pinned with scripted agents: both decide at once, the one who
// stays while the other quits wins its claim, ties follow the tie rule, staying costs.
#include "engine/protocols/war_of_attrition.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "engine/simulator.hpp"
#include "tests/support/recording_trace.hpp"

namespace parley {
namespace {

constexpr Response Q = Response::Accept;  // quit
constexpr Response S = Response::Reject;  // stay
constexpr Response W = Response::WalkAway;

// What the scripted agents saw, kept by the registry (the agents end with their run).
struct Seen {
  std::int64_t other_claim[2] = {-1, -1};
  bool other_answered_first[2] = {false, false};
};

// Claims outcome `claim`; answers round k with script[k] (the last entry repeats). It records
// what it saw of the other's answer before answering, to check the moves are simultaneous.
class ScriptedAgent final : public Agent {
 public:
  ScriptedAgent(const AgentSetup& setup, std::int64_t claim, std::vector<Response> script,
                Seen* seen)
      : space_(setup.space),
        party_(setup.party),
        claim_(claim),
        script_(std::move(script)),
        seen_(seen) {}
  Deal propose(const RoundInfo&) override { return space_->deal(claim_); }
  Response respond(const RoundInfo& round, const Deal& offer) override {
    seen_->other_claim[party_] = offer.outcome;
    if (last_other_answer_round_ == round.round) seen_->other_answered_first[party_] = true;
    return script_[std::min(static_cast<std::size_t>(round.round), script_.size() - 1)];
  }
  void observe(const Move& move) override {
    if (move.party == 1 - party_ &&
        (move.action == Action::Accept || move.action == Action::Reject))
      last_other_answer_round_ = move.round;
  }

 private:
  const OutcomeSpace* space_;
  int party_;
  std::int64_t claim_;
  std::vector<Response> script_;
  Seen* seen_;
  int last_other_answer_round_ = -1;
};

struct Scripts {
  std::vector<std::int64_t> claims;
  std::vector<std::vector<Response>> answers;
  Seen seen;
};

AgentRegistry scripted_registry(std::shared_ptr<Scripts> scripts) {
  AgentRegistry registry;
  for (std::size_t k = 0; k < 2; ++k) {
    AgentModel model;
    model.name = "party" + std::to_string(k);
    model.summary = "scripted";
    model.create = [scripts, k](const AgentSetup& setup) -> std::unique_ptr<Agent> {
      return std::make_unique<ScriptedAgent>(setup, scripts->claims[k], scripts->answers[k],
                                             &scripts->seen);
    };
    registry.add(std::move(model));
  }
  return registry;
}

// Two parties over one options issue with 5 levels: P0 values level/4, P1 (4 - level)/4.
std::shared_ptr<Scenario> scenario(bool tie_coin) {
  auto s = std::make_shared<Scenario>();
  s->file = "test";
  Issue issue;
  issue.id = "prize";
  issue.label = issue.id;
  issue.kind = IssueKind::Options;
  issue.options = {"a", "b", "c", "d", "e"};
  s->issues.push_back(issue);
  s->tracks.push_back(Track{"t", "", {0}, {}});
  for (int p = 0; p < 2; ++p) {
    Party party;
    party.id = "P" + std::to_string(p);
    party.name = party.id;
    party.agent.model = "party" + std::to_string(p);
    party.preferences.weights.push_back(1.0);
    party.preferences.values.push_back(p == 0 ? ValueFunction::table({0, 0.25, 0.5, 0.75, 1})
                                              : ValueFunction::table({1, 0.75, 0.5, 0.25, 0}));
    party.preferences.reservation.push_back(0.1 * (p + 1));
    party.preferences.discount = 0.9;
    party.preferences.cost_per_round = 0.01;
    s->parties.push_back(party);
  }
  s->protocol.kind = ProtocolKind::Attrition;
  s->protocol.tie_coin = tie_coin;
  s->protocol.deadline_rounds = 10;
  return s;
}

TEST(WarOfAttrition, TheOneWhoStaysWinsItsClaim) {
  auto scripts = std::make_shared<Scripts>(Scripts{{4, 0}, {{S}, {S, S, Q}}, {}});
  const AgentRegistry registry = scripted_registry(scripts);
  test::RecordingTrace trace;
  const RunResult r = Simulator(scenario(false), registry).run(1, 0, &trace);
  ASSERT_EQ(r.tracks[0].status, TrackStatus::Agreed);
  EXPECT_EQ(r.tracks[0].round, 2);
  EXPECT_EQ(r.tracks[0].proposer, 0);      // the winner
  EXPECT_EQ(r.tracks[0].deal.outcome, 4);  // its claim
  // Staying two rounds cost both: d^2 u - 2c.
  EXPECT_NEAR(r.tracks[0].payoff[0], 0.81 * 1.0 - 0.02, 1e-15);
  EXPECT_NEAR(r.tracks[0].payoff[1], 0.81 * 0.0 - 0.02, 1e-15);
  // Per round: two claims, then two answers.
  ASSERT_EQ(trace.moves.size(), 12u);
  EXPECT_EQ(trace.moves[0].action, Action::Offer);
  EXPECT_EQ(trace.moves[1].action, Action::Offer);
  EXPECT_EQ(trace.moves[11].party, 1);
  EXPECT_EQ(trace.moves[11].action, Action::Accept);
  EXPECT_EQ(trace.moves[11].deal.outcome, 4);  // it conceded the other's claim
}

TEST(WarOfAttrition, AnswersAreSimultaneous) {
  auto scripts = std::make_shared<Scripts>(Scripts{{4, 0}, {{S}, {S, Q}}, {}});
  const AgentRegistry registry = scripted_registry(scripts);
  Simulator(scenario(false), registry).run(1);
  for (int p = 0; p < 2; ++p) EXPECT_FALSE(scripts->seen.other_answered_first[p]);
  EXPECT_EQ(scripts->seen.other_claim[0], 0);
  EXPECT_EQ(scripts->seen.other_claim[1], 4);
}

TEST(WarOfAttrition, BothQuittingGivesNobodyThePrizeUnderTieNone) {
  auto scripts = std::make_shared<Scripts>(Scripts{{4, 0}, {{S, Q}, {S, Q}}, {}});
  const AgentRegistry registry = scripted_registry(scripts);
  const RunResult r = Simulator(scenario(false), registry).run(1);
  EXPECT_EQ(r.tracks[0].status, TrackStatus::Breakdown);
  EXPECT_EQ(r.tracks[0].round, 1);
  EXPECT_NEAR(r.tracks[0].payoff[0], 0.9 * 0.1 - 0.01, 1e-15);
  EXPECT_NEAR(r.tracks[0].payoff[1], 0.9 * 0.2 - 0.01, 1e-15);
}

TEST(WarOfAttrition, ACoinNamesTheWinnerOfATieUnderTieCoin) {
  auto scripts = std::make_shared<Scripts>(Scripts{{4, 0}, {{Q}, {Q}}, {}});
  const AgentRegistry registry = scripted_registry(scripts);
  const Simulator sim(scenario(true), registry);
  int first_wins = 0;
  const int runs = 4000;
  for (int run = 0; run < runs; ++run) {
    const RunResult r = sim.run(7, static_cast<std::uint64_t>(run));
    ASSERT_EQ(r.tracks[0].status, TrackStatus::Agreed);
    EXPECT_EQ(r.tracks[0].deal.outcome, r.tracks[0].proposer == 0 ? 4 : 0);
    first_wins += r.tracks[0].proposer == 0;
  }
  // A fair coin: within four standard errors of one half.
  EXPECT_NEAR(first_wins / static_cast<double>(runs), 0.5, 4.0 * std::sqrt(0.25 / runs));
}

TEST(WarOfAttrition, WalkingAwayLeavesForTheReservationWhenAllowed) {
  auto scripts = std::make_shared<Scripts>(Scripts{{4, 0}, {{S}, {W}}, {}});
  const AgentRegistry registry = scripted_registry(scripts);
  auto s = scenario(false);
  const RunResult stays = Simulator(s, registry).run(1);
  EXPECT_EQ(stays.tracks[0].status, TrackStatus::Deadline);  // walking away counts as staying
  s->protocol.walk_away = true;
  const RunResult r = Simulator(s, registry).run(1);
  EXPECT_EQ(r.tracks[0].status, TrackStatus::WalkAway);
  EXPECT_EQ(r.tracks[0].actor, 1);
}

}  // namespace
}  // namespace parley
