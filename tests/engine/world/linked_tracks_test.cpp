// Track conditions in a run (engine/world/linked_tracks.hpp; docs/scenario-format.md, "Track
// conditions"): a track opens after another is agreed or carried out, closes when another
// fails, and a package is agreed only whole — under every protocol.
#include "engine/world/linked_tracks.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include <nlohmann/json.hpp>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"
#include "tests/support/recording_trace.hpp"

namespace parley {
namespace {

using nlohmann::json;

// Three tracks of one share each, played by two linear concession agents that meet halfway
// near round 5 of a 10-round deadline; `links` is merged into the tracks by id.
json three_tracks(const std::string& protocol, const json& links = json::object()) {
  json j = {{"parley", 1},
            {"meta", {{"name", "three linked tracks"}, {"date", "2025-01-01"}}},
            {"clock", {{"start", "2025-01-01"}, {"days_per_round", 1}, {"round_name", "day"}}}};
  json issues = json::array();
  json tracks = json::array();
  for (const std::string id : {"one", "two", "three"}) {
    issues.push_back({{"id", "x" + id},
                      {"kind", "share"},
                      {"label", "Share of " + id},
                      {"min", 0},
                      {"max", 1},
                      {"resolution", 21}});
    json t = {{"id", id}, {"issues", {"x" + id}}};
    if (links.contains(id)) t.update(links[id]);
    tracks.push_back(t);
  }
  j["issues"] = issues;
  j["tracks"] = tracks;
  json parties = json::array();
  for (const std::string id : {"A", "B"}) {
    json values = json::object();
    json weights = json::object();
    for (const std::string t : {"one", "two", "three"}) {
      weights["x" + t] = 1;
      values["x" + t] = {{"points", id == "A" ? json{{0, 0}, {1, 1}} : json{{0, 1}, {1, 0}}}};
    }
    parties.push_back(
        {{"id", id},
         {"name", "Party " + id},
         {"agent", {{"model", "linear"}}},
         {"preferences", {{"weights", weights}, {"values", values}, {"reservation", 0}}}});
  }
  j["parties"] = parties;
  j["protocol"] = {{"kind", protocol}, {"deadline_rounds", 10}};
  // Under single-text the mediator tables its text again, revised by the parties' criticism,
  // until their targets fall to it (docs/mediation.md): no restart needed.
  return j;
}

ScenarioPtr load(const json& j) {
  return load_scenario_text(j.dump(), "linked.json", builtin_agents());
}

class ConditionTrace final : public TraceSink {
 public:
  void on_move(const Move& m) override { moves.push_back(m); }
  void on_track_condition(int round, int track, LinkChange change, int cause) override {
    changes.push_back({round, track, change, cause});
  }
  struct Change {
    int round, track;
    LinkChange change;
    int cause;
  };
  int first_move(int track) const {
    for (const Move& m : moves)
      if (m.track == track) return m.round;
    return -1;
  }
  std::vector<Move> moves;
  std::vector<Change> changes;
};

const std::vector<std::string> kProtocols = {"alternating", "stacked", "single-text"};

std::string protocol_name(const ::testing::TestParamInfo<std::string>& param) {
  std::string name = param.param;
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

class EveryProtocol : public ::testing::TestWithParam<std::string> {};

// Phase two opens in the round after phase one is agreed, never before, and plays to agreement.
TEST_P(EveryProtocol, OpensWhenAnotherIsAgreed) {
  const auto s = load(three_tracks(
      GetParam(), {{"two", {{"opens_when", {{"track", "one"}, {"state", "agreed"}}}}}}));
  const Simulator sim(s, builtin_agents());
  ConditionTrace trace;
  const RunResult r = sim.run(1, 0, &trace);
  ASSERT_EQ(r.tracks[0].status, TrackStatus::Agreed);
  const int agreed = r.tracks[0].round;
  EXPECT_EQ(trace.first_move(1), agreed + 1) << "no move on phase two before phase one is agreed";
  EXPECT_EQ(r.tracks[1].opened_round, agreed + 1);
  EXPECT_EQ(trace.first_move(2), 0) << "an unlinked track plays from round 0";
  ASSERT_FALSE(trace.changes.empty());
  EXPECT_EQ(trace.changes[0].change, LinkChange::Opened);
  EXPECT_EQ(trace.changes[0].round, agreed);
}

// A package: the first member agreed is held, not agreed, until the last is; then both stand
// in the same round.
TEST_P(EveryProtocol, PackageIsAgreedWhole) {
  json links = {{"one", {{"package", {"two"}}}},
                {"two", {{"opens_when", {{"track", "three"}, {"state", "agreed"}}}}}};
  const auto s = load(three_tracks(GetParam(), links));
  const Simulator sim(s, builtin_agents());
  ConditionTrace trace;
  const RunResult r = sim.run(1, 0, &trace);
  ASSERT_EQ(r.tracks[0].status, TrackStatus::Agreed);
  ASSERT_EQ(r.tracks[1].status, TrackStatus::Agreed);
  EXPECT_EQ(r.tracks[0].round, r.tracks[1].round);
  EXPECT_GT(r.tracks[1].round, r.tracks[2].round) << "two opened after three was agreed";
  bool held = false;
  for (const auto& c : trace.changes) held = held || (c.track == 0 && c.change == LinkChange::Held);
  EXPECT_TRUE(held) << "one, agreed first, was held for its package";
}

INSTANTIATE_TEST_SUITE_P(LinkedTracks, EveryProtocol, ::testing::ValuesIn(kProtocols),
                         protocol_name);

// --- the rules one by one, on tracks whose fate the test sets by hand ----------------------

struct Hand {
  explicit Hand(const json& links) : scenario(load(three_tracks("alternating", links))) {
    tracks.resize(3);
    for (int t = 0; t < 3; ++t) {
      tracks[t].track = t;
      tracks[t].result.payoff.assign(2, 0.0);
    }
    linked.emplace(*scenario, tracks, 1, 0, 0, &trace, WorldRun::Settle::of(settle));
    linked->begin();
  }
  void end(int t, TrackStatus status, int round) {
    tracks[t].result.status = status;
    tracks[t].result.round = round;
    if (!linked->hold(tracks[t], round)) settled.push_back(t);
  }
  ScenarioPtr scenario;
  std::vector<TrackRun> tracks;
  ConditionTrace trace;
  std::vector<int> settled;
  std::function<void(TrackRun&)> settle = [this](TrackRun& tr) { settled.push_back(tr.track); };
  std::optional<LinkedTracks> linked;
};

TEST(LinkedTracks, WaitingTrackStartsSuspended) {
  Hand h(json{{"two", {{"opens_when", {{"track", "one"}, {"state", "agreed"}}}}}});
  EXPECT_EQ(h.tracks[1].result.status, TrackStatus::Suspended);
  EXPECT_TRUE(h.linked->pending());
  h.linked->update(0);
  EXPECT_EQ(h.tracks[1].result.status, TrackStatus::Suspended) << "one is still open";
}

TEST(LinkedTracks, NeverOpensWhenTheTrackItWaitsForFails) {
  Hand h(json{{"two", {{"opens_when", {{"track", "one"}, {"state", "agreed"}}}}}});
  h.end(0, TrackStatus::Breakdown, 3);
  h.linked->update(3);
  EXPECT_EQ(h.tracks[1].result.status, TrackStatus::Closed);
  EXPECT_EQ(h.tracks[1].result.round, 3);
  EXPECT_TRUE(h.tracks[1].result.closed_by_condition);
  EXPECT_EQ(h.tracks[1].result.closing, LinkChange::NeverOpens);
  EXPECT_EQ(h.tracks[1].result.cause, 0);
  EXPECT_FALSE(h.linked->pending());
}

TEST(LinkedTracks, OpensWhenAnotherFails) {
  Hand h(json{{"two", {{"opens_when", {{"track", "one"}, {"state", "failed"}}}}}});
  h.end(0, TrackStatus::Deadline, 4);
  h.linked->update(4);
  EXPECT_EQ(h.tracks[1].result.status, TrackStatus::Open);
  EXPECT_EQ(h.tracks[1].result.opened_round, 5);
}

TEST(LinkedTracks, AllOpeningConditionsMustHold) {
  Hand h(json{{"three",
               {{"opens_when", json::array({{{"track", "one"}, {"state", "agreed"}},
                                            {{"track", "two"}, {"state", "agreed"}}})}}}});
  h.end(0, TrackStatus::Agreed, 1);
  h.linked->update(1);
  EXPECT_EQ(h.tracks[2].result.status, TrackStatus::Suspended);
  h.end(1, TrackStatus::Agreed, 2);
  h.linked->update(2);
  EXPECT_EQ(h.tracks[2].result.status, TrackStatus::Open);
}

TEST(LinkedTracks, ClosesWhenAnotherBreaksDown) {
  Hand h(json{{"two", {{"closes_when", {{"track", "one"}, {"state", "broken_down"}}}}}});
  h.end(0, TrackStatus::WalkAway, 2);
  h.linked->update(2);
  EXPECT_EQ(h.tracks[1].result.status, TrackStatus::Open) << "a walk-out is not a breakdown";
  Hand k(json{{"two", {{"closes_when", {{"track", "one"}, {"state", "broken_down"}}}}}});
  k.end(0, TrackStatus::Breakdown, 2);
  k.linked->update(2);
  EXPECT_EQ(k.tracks[1].result.status, TrackStatus::Closed);
  EXPECT_EQ(k.tracks[1].result.closing, LinkChange::Closed);
  EXPECT_EQ(k.settled, (std::vector<int>{0, 1}));
}

TEST(LinkedTracks, ClosesWhenAPartyWalksOut) {
  Hand h(json{{"two", {{"closes_when", {{"track", "one"}, {"state", "walked_out"}}}}}});
  h.end(0, TrackStatus::WalkAway, 2);
  h.linked->update(2);
  EXPECT_EQ(h.tracks[1].result.status, TrackStatus::Closed);
}

TEST(LinkedTracks, PackageFallsWhenAMemberFails) {
  Hand h(json{{"one", {{"package", {"two"}}}}});
  h.end(0, TrackStatus::Agreed, 1);
  EXPECT_EQ(h.tracks[0].result.status, TrackStatus::Suspended) << "held, not agreed";
  EXPECT_TRUE(h.settled.empty());
  h.linked->update(1);
  EXPECT_EQ(h.tracks[0].result.status, TrackStatus::Suspended);
  h.end(1, TrackStatus::Breakdown, 4);
  h.linked->update(4);
  EXPECT_EQ(h.tracks[0].result.status, TrackStatus::Closed);
  EXPECT_EQ(h.tracks[0].result.closing, LinkChange::PackageFell);
  EXPECT_EQ(h.tracks[0].result.cause, 1);
  EXPECT_EQ(h.tracks[0].result.round, 4);
}

TEST(LinkedTracks, PackagesAreTransitive) {
  Hand h(json{{"one", {{"package", {"two"}}}}, {"three", {{"package", {"two"}}}}});
  h.end(0, TrackStatus::Agreed, 1);
  h.end(1, TrackStatus::Agreed, 2);
  h.linked->update(2);
  EXPECT_EQ(h.tracks[0].result.status, TrackStatus::Suspended) << "three is not agreed yet";
  h.end(2, TrackStatus::Agreed, 6);
  h.linked->update(6);
  for (int t = 0; t < 3; ++t) {
    EXPECT_EQ(h.tracks[t].result.status, TrackStatus::Agreed);
    EXPECT_EQ(h.tracks[t].result.round, 6);
  }
}

TEST(LinkedTracks, HeldAgreementLapsesAtTheDeadline) {
  Hand h(json{{"one", {{"package", {"two"}}}}});
  h.end(0, TrackStatus::Agreed, 1);
  h.linked->finish(9, false);
  EXPECT_EQ(h.tracks[0].result.status, TrackStatus::Deadline);
  EXPECT_EQ(h.tracks[0].result.round, 9);
}

// carried_out: with implementation items, the track opens once every item of the other was
// carried out (agreement round + the drawn delay), and never when one is not.
json with_implementation(json j, double probability) {
  j["implementation"] = json::array({{{"id", "withdrawal"},
                                      {"track", "one"},
                                      {"probability", probability},
                                      {"delay", {{"min", 3}, {"max", 3}}}}});
  return j;
}

TEST(LinkedTracks, OpensWhenAnotherIsCarriedOut) {
  const json links = {{"two", {{"opens_when", {{"track", "one"}, {"state", "carried_out"}}}}}};
  const auto s = load(with_implementation(three_tracks("alternating", links), 1.0));
  const Simulator sim(s, builtin_agents());
  ConditionTrace trace;
  const RunResult r = sim.run(1, 0, &trace);
  ASSERT_EQ(r.tracks[0].status, TrackStatus::Agreed);
  EXPECT_EQ(r.tracks[1].opened_round, r.tracks[0].round + 3 + 1);
  ASSERT_EQ(r.implementation.size(), 1u);
  EXPECT_TRUE(r.implementation[0].carried_out) << "the report agrees with the run";
  EXPECT_EQ(r.implementation[0].carried_out_round, r.tracks[0].round + 3);
}

TEST(LinkedTracks, NotCarriedOutClosesAndNeverOpens) {
  const json links = {
      {"two", {{"opens_when", {{"track", "one"}, {"state", "carried_out"}}}}},
      {"three", {{"closes_when", {{"track", "one"}, {"state", "not_carried_out"}}}}}};
  const auto s = load(with_implementation(three_tracks("alternating", links), 0.0));
  const Simulator sim(s, builtin_agents());
  const RunResult r = sim.run(1, 0);
  ASSERT_EQ(r.tracks[0].status, TrackStatus::Agreed);
  EXPECT_EQ(r.tracks[1].status, TrackStatus::Closed);
  EXPECT_EQ(r.tracks[1].closing, LinkChange::NeverOpens);
  EXPECT_FALSE(r.implementation[0].carried_out);
}

// Scenarios without conditions run as before: the same result with or without the machinery.
TEST(LinkedTracks, NotNeededWithoutConditions) {
  EXPECT_FALSE(LinkedTracks::needed(*load(three_tracks("alternating"))));
}

}  // namespace
}  // namespace parley
