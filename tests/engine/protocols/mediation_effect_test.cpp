// Mediation that moves (docs/mediation.md, "The criticism revision"): on a made-up case where
// firm negotiators trading offers deadlock (tests/data/mediation/logroll-deadlock.json), the same
// agents under a mediator's single text agree far more often, and the nash-floors rule, which the
// standard agents break at round 0, does not.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"

namespace parley {
namespace {

using nlohmann::json;

json deadlock_case() {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/data/mediation/logroll-deadlock.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

struct Rate {
  double agreed = 0.0;  // share of runs ending in agreement
  double round0 = 0.0;  // share of runs closed (any way) in round 0
  double joint = 0.0;   // mean of the two parties' utilities of the deal, over agreed runs
};

Rate rate(const json& j, int runs) {
  const ScenarioPtr scenario =
      load_scenario_text(j.dump(2), "logroll-deadlock.json", builtin_agents());
  const OutcomeSpace space(*scenario, 0);
  const Simulator sim(scenario, builtin_agents());
  int agreed = 0;
  int round0 = 0;
  double joint = 0.0;
  for (int i = 0; i < runs; ++i) {
    const RunResult r = sim.run(1978, static_cast<std::uint64_t>(i));
    const TrackResult& t = r.tracks[0];
    if (t.round == 0 && t.status != TrackStatus::Open) ++round0;
    if (t.status != TrackStatus::Agreed) continue;
    ++agreed;
    joint += (space.utility(0, t.deal) + space.utility(1, t.deal)) / 2.0;
  }
  Rate out;
  out.agreed = static_cast<double>(agreed) / runs;
  out.round0 = static_cast<double>(round0) / runs;
  out.joint = agreed > 0 ? joint / agreed : 0.0;
  return out;
}

json mediated(json j, const std::string& revision) {
  j["protocol"] = {{"kind", "single-text"},
                   {"deadline_rounds", j["protocol"]["deadline_rounds"]},
                   {"breakdown_probability", j["protocol"]["breakdown_probability"]},
                   {"mediator", "COM"},
                   {"revision", revision}};
  return j;
}

TEST(MediationEffect, TheSingleTextRaisesTheAgreementRateWhereOffersDeadlock) {
  const json bilateral = deadlock_case();
  const Rate offers = rate(bilateral, 400);
  const Rate text = rate(mediated(bilateral, "criticism"), 400);
  const Rate floors = rate(mediated(bilateral, "nash-floors"), 400);
  // Bilateral: the firm agents' offers, made without an opponent model (band 0), miss each other.
  EXPECT_LT(offers.agreed, 0.2);
  // Mediated: most runs agree (the rest break down, 1% a veto, before the agents' targets fall to
  // the text), and the text trades the line for the water: both do better than their 0.65.
  EXPECT_GT(text.agreed, 0.4);
  EXPECT_GT(text.agreed, offers.agreed + 0.3);
  EXPECT_GT(text.joint, 0.75);
  EXPECT_LT(text.round0, 0.05) << "only the breakdown draw (1% a vetoed round) ends round 0";
  // The old rule: both veto the first text and the mediator declares deadlock at once.
  EXPECT_EQ(floors.agreed, 0.0);
  EXPECT_EQ(floors.round0, 1.0);
}

// The phased case (tests/data/phased/gaza-like.json): mediators hold the pen on every track, a
// phase-one deal is only ever the mediators' text, agreed with its aid package in the same round,
// phase two opens only once phase one is carried out (42 days after signature), and the
// ultimatum both sides believe brings phase one in before its date; trading offers instead, the
// same agents get there less often.
json phased_case() {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/data/phased/gaza-like.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

struct Phases {
  double phase_one = 0.0;         // share of runs with phase one agreed
  double before_ultimatum = 0.0;  // share of runs with phase one agreed before day 12
  double phase_two = 0.0;         // share of runs with phase two agreed
  int mediators_texts = 0;        // phase-one agreements on the mediators' text
  int packages_apart = 0;         // phase one and aid agreed in different rounds
  int phase_two_too_early = 0;    // phase two agreed less than 42 days after phase one
};

Phases phases(const json& j, int runs) {
  const Simulator sim(load_scenario_text(j.dump(2), "gaza-like.json", builtin_agents()),
                      builtin_agents());
  Phases out;
  int one = 0, early = 0, two = 0;
  for (int i = 0; i < runs; ++i) {
    const RunResult r = sim.run(2025, static_cast<std::uint64_t>(i));
    const TrackResult& p1 = r.tracks[0];
    const TrackResult& aid = r.tracks[1];
    const TrackResult& p2 = r.tracks[2];
    if (p1.status == TrackStatus::Agreed) {
      ++one;
      if (p1.round < 12) ++early;
      if (p1.proposer == -1) ++out.mediators_texts;
      if (aid.status != TrackStatus::Agreed || aid.round != p1.round) ++out.packages_apart;
    }
    if (p2.status == TrackStatus::Agreed) {
      ++two;
      if (p1.status != TrackStatus::Agreed || p2.round < p1.round + 42) ++out.phase_two_too_early;
    }
  }
  out.phase_one = static_cast<double>(one) / runs;
  out.before_ultimatum = static_cast<double>(early) / runs;
  out.phase_two = static_cast<double>(two) / runs;
  return out;
}

TEST(MediationEffect, ThePhasedCaseMovesAsRealTalksDo) {
  const json mediated_case = phased_case();
  ASSERT_EQ(mediated_case["protocol"]["kind"], "single-text");
  const int runs = 200;
  const Phases with = phases(mediated_case, runs);
  EXPECT_EQ(with.mediators_texts, static_cast<int>(with.phase_one * runs + 0.5));
  EXPECT_EQ(with.packages_apart, 0);
  EXPECT_EQ(with.phase_two_too_early, 0);
  EXPECT_GT(with.phase_one, 0.6);
  EXPECT_GT(with.before_ultimatum, 0.6);
  EXPECT_GT(with.phase_two, 0.2);

  json unbelieved = mediated_case;
  unbelieved["mediation"]["ultimatums"][0].erase("believed_by");
  const Phases without = phases(unbelieved, runs);
  EXPECT_EQ(without.before_ultimatum, 0.0);

  json bilateral = mediated_case;
  bilateral["protocol"] = {{"kind", "alternating"},
                           {"opener", "MIL"},
                           {"deadline_rounds", 90},
                           {"breakdown_probability", 0.01}};
  const Phases offers = phases(bilateral, runs);
  EXPECT_GE(with.phase_one, offers.phase_one);
}

}  // namespace
}  // namespace parley
