// The historical scenarios of issue 4 (docs/scenarios/istanbul-2025.md, korea-1951-53.md,
// istanbul-2022.md): each loads with its history block, runs deterministically, reproduces its
// historical pattern of agreements (compare_with_history) in at least a stated share of seeds
// 1..100, and fires its scheduled events on their dates. Each also has a variant that changes
// one judgement number its doc page names, to show the pattern comes from that number and not
// from a track that cannot close by construction.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "analysis/report/history_comparison.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"
#include "engine/trace.hpp"

namespace parley {
namespace {

constexpr int kFirstSeed = 1;
constexpr int kLastSeed = 100;

std::string scenario_path(const std::string& name) {
  return std::string(PARLEY_SOURCE_DIR) + "/scenarios/" + name + ".json";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The scenario file with numbers changed at JSON pointers: a variant for a test.
std::string with_numbers(const std::string& name,
                         const std::vector<std::pair<std::string, double>>& changes) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(read_file(scenario_path(name)));
  for (const auto& [pointer, value] : changes) {
    const nlohmann::ordered_json::json_pointer at(pointer);
    EXPECT_TRUE(doc.contains(at) && doc.at(at).is_number()) << pointer;
    doc[at] = value;
  }
  return doc.dump(1);
}

// Over seeds 1..100: runs whose pattern of agreements is history's, and per track the runs
// that agreed it.
struct Tally {
  int pattern = 0;
  std::vector<int> agreed;
  std::vector<std::vector<int>> rounds;  // per track: the rounds it was agreed in
};

Tally run_seeds(const Simulator& sim) {
  const Scenario& s = sim.scenario();
  Tally t;
  t.agreed.assign(s.tracks.size(), 0);
  t.rounds.assign(s.tracks.size(), {});
  for (int seed = kFirstSeed; seed <= kLastSeed; ++seed) {
    const RunResult r = sim.run(static_cast<std::uint64_t>(seed));
    if (compare_with_history(s, r).pattern_match) ++t.pattern;
    for (std::size_t k = 0; k < r.tracks.size(); ++k)
      if (r.tracks[k].status == TrackStatus::Agreed) {
        ++t.agreed[k];
        t.rounds[k].push_back(r.tracks[k].round);
      }
  }
  return t;
}

int median(std::vector<int> xs) {
  std::sort(xs.begin(), xs.end());
  return xs.empty() ? -1 : xs[xs.size() / 2];
}

// Everything a run decides, as text: equal texts mean equal runs.
std::string fingerprint(const RunResult& r) {
  std::ostringstream out;
  out.precision(17);
  out << r.rounds << ';';
  for (const TrackResult& t : r.tracks) {
    out << to_string(t.status) << ' ' << t.round << ' ' << t.proposer << ' ' << t.actor << ':';
    for (double v : t.deal.values) out << v << ',';
    for (double v : t.payoff) out << v << ',';
    out << ';';
  }
  for (const PartyResult& p : r.parties) {
    out << p.utility << ' ' << p.war_cost_utility << ':';
    for (double c : p.war_costs) out << c << ',';
    out << ';';
  }
  for (const FiredEvent& e : r.world.events) out << e.event << '@' << e.round << ',';
  return out.str();
}

// The events a trace shows, as (event id, date of the round it fired in).
class EventRecorder final : public TraceSink {
 public:
  explicit EventRecorder(const Scenario& s) : s_(&s) {}
  void on_move(const Move&) override {}
  void on_event(int round, int event) override {
    fired.emplace_back(s_->world.events[static_cast<std::size_t>(event)].id,
                       s_->clock.date_of(round).to_string());
  }
  bool fired_on(const std::string& id, const std::string& round_date) const {
    for (const auto& [e, d] : fired)
      if (e == id) return d == round_date;
    return false;
  }
  std::vector<std::pair<std::string, std::string>> fired;

 private:
  const Scenario* s_;
};

// The date of the round whose days hold `date`.
std::string round_date(const Scenario& s, const std::string& date) {
  Date d;
  EXPECT_TRUE(Date::parse(date, d));
  const long days = d.days_since_epoch() - s.clock.start.days_since_epoch();
  return s.clock.date_of(static_cast<int>(days / s.clock.days_per_round)).to_string();
}

std::string describe(const Scenario& s, const Tally& t) {
  std::ostringstream out;
  out << "pattern " << t.pattern << " of 100;";
  for (std::size_t k = 0; k < s.tracks.size(); ++k)
    out << ' ' << s.tracks[k].id << " agreed " << t.agreed[k] << " (median round "
        << median(t.rounds[k]) << ")";
  return out.str();
}

struct Loaded {
  explicit Loaded(const std::string& name)
      : scenario(load_scenario(scenario_path(name), builtin_agents())),
        sim(scenario, builtin_agents()) {}
  Loaded(const std::string& text, const std::string& name)
      : scenario(load_scenario_text(text, scenario_path(name), builtin_agents())),
        sim(scenario, builtin_agents()) {}
  ScenarioPtr scenario;
  Simulator sim;
};

void expect_deterministic(const Simulator& sim) {
  for (const std::uint64_t seed : {1u, 7u, 42u})
    EXPECT_EQ(fingerprint(sim.run(seed)), fingerprint(sim.run(seed))) << "seed " << seed;
  EXPECT_NE(fingerprint(sim.run(1)), fingerprint(sim.run(2))) << "seeds should differ";
}

// ---------------------------------------------------------------------------------------------
// Istanbul 2025, three rounds: three humanitarian packages close, the political track does not.
// Measured: 87 of 100 (docs/scenarios/istanbul-2025.md).

TEST(HistoricalScenarios, Istanbul2025LoadsWithItsHistoryAndWorld) {
  const Loaded l("istanbul-2025");
  const Scenario& s = *l.scenario;
  ASSERT_TRUE(s.history.present);
  ASSERT_EQ(s.history.tracks.size(), 4u);
  EXPECT_EQ(s.history.end_date, "2025-07-23");
  EXPECT_TRUE(s.world.battlefield.present);
  ASSERT_EQ(s.world.war_tracks.size(), 1u);
  EXPECT_EQ(s.tracks[static_cast<std::size_t>(s.world.war_tracks[0])].id, "political");
  EXPECT_EQ(s.world.pressure.size(), 2u);
  expect_deterministic(l.sim);
}

TEST(HistoricalScenarios, Istanbul2025ReproducesThePatternInMostSeeds) {
  const Loaded l("istanbul-2025");
  const Scenario& s = *l.scenario;
  const Tally t = run_seeds(l.sim);
  EXPECT_GE(t.pattern, 80) << describe(s, t);
  EXPECT_EQ(t.agreed[static_cast<std::size_t>(s.track_index("political"))], 0) << describe(s, t);
  // Roughly when: each package within two weeks of its round's date.
  for (const HistoricalTrack& h : s.history.tracks) {
    if (!h.agreed) continue;
    const int m = median(t.rounds[static_cast<std::size_t>(h.track)]);
    EXPECT_GE(m, h.round) << s.tracks[static_cast<std::size_t>(h.track)].id;
    EXPECT_LE(m, h.round + 14) << s.tracks[static_cast<std::size_t>(h.track)].id;
  }
}

TEST(HistoricalScenarios, Istanbul2025EventsFireOnTheirDates) {
  const Loaded l("istanbul-2025");
  const Scenario& s = *l.scenario;
  EventRecorder trace(s);
  l.sim.run(1, 0, &trace);
  EXPECT_TRUE(trace.fired_on("drone-record", "2025-05-31"));
  EXPECT_TRUE(trace.fired_on("spiders-web", "2025-06-01"));
  EXPECT_TRUE(trace.fired_on("spiders-web-strikes", "2025-06-01"));
  EXPECT_TRUE(trace.fired_on("agenda-exchange-may", "2025-05-16"));
  EXPECT_TRUE(trace.fired_on("agenda-exchange-june", "2025-06-02"));
  EXPECT_TRUE(trace.fired_on("agenda-exchange-july", "2025-07-23"));
}

// The political deadlock comes from the defeat values (docs/scenarios/istanbul-2025.md,
// section 4): with defeat worth what the other side's memorandum gives, the war is
// worth less than the best compromises and political deals become common.
TEST(HistoricalScenarios, Istanbul2025PoliticalTrackOpensWhenDefeatIsWorthLittle) {
  const std::string text = with_numbers("istanbul-2025", {{"/world/parties/RU/defeat_value", 0.0},
                                                          {"/world/parties/UA/defeat_value", 0.1}});
  const Loaded l(text, "istanbul-2025");
  const Tally t = run_seeds(l.sim);
  EXPECT_GE(t.agreed[static_cast<std::size_t>(l.scenario->track_index("political"))], 40)
      << describe(*l.scenario, t);
}

// The 2 June file keeps its behaviour and gains its history: its pattern as measured in
// docs/scenarios/istanbul-2025-06.md (92 of 100).
TEST(HistoricalScenarios, Istanbul2025JuneHistoryMatchesItsMeasuredPattern) {
  const Loaded l("istanbul-2025-06");
  const Scenario& s = *l.scenario;
  ASSERT_TRUE(s.history.present);
  ASSERT_EQ(s.history.tracks.size(), 2u);
  EXPECT_EQ(s.history.tracks[0].round, 0);
  EXPECT_EQ(s.history.tracks[0].terms.size(), 4u);
  const Tally t = run_seeds(l.sim);
  EXPECT_GE(t.pattern, 85) << describe(s, t);
}

// ---------------------------------------------------------------------------------------------
// Korea 1951-53: the sick and wounded exchanged and the armistice signed, both after Stalin's
// death. Measured: 100 of 100, the armistice in March 1953 for the resolute type (80 runs).

TEST(HistoricalScenarios, KoreaLoadsWithTypesAndABayesianAgent) {
  const Loaded l("korea-1951-53");
  const Scenario& s = *l.scenario;
  ASSERT_TRUE(s.history.present);
  EXPECT_EQ(s.history.end_date, "1953-07-27");
  EXPECT_TRUE(s.world.battlefield.present);
  EXPECT_EQ(s.parties[1].agent.model, "bayesian");
  EXPECT_EQ(s.parties[1].types.size(), 2u);
  expect_deterministic(l.sim);
}

TEST(HistoricalScenarios, KoreaReproducesThePatternAfterStalinsDeath) {
  const Loaded l("korea-1951-53");
  const Scenario& s = *l.scenario;
  const Tally t = run_seeds(l.sim);
  EXPECT_GE(t.pattern, 90) << describe(s, t);
  // The armistice comes after Stalin's death in most runs, and not before the first year.
  const std::size_t armistice = static_cast<std::size_t>(s.track_index("armistice"));
  int after_stalin = 0;
  Date stalin;
  ASSERT_TRUE(Date::parse("1953-03-05", stalin));
  const int stalin_round = static_cast<int>(
      (stalin.days_since_epoch() - s.clock.start.days_since_epoch()) / s.clock.days_per_round);
  for (int r : t.rounds[armistice]) {
    EXPECT_GE(r, 52) << describe(s, t);
    if (r >= stalin_round) ++after_stalin;
  }
  EXPECT_GE(after_stalin, 70) << describe(s, t);
}

TEST(HistoricalScenarios, KoreaEventsFireOnTheirDates) {
  const Loaded l("korea-1951-53");
  const Scenario& s = *l.scenario;
  EventRecorder trace(s);
  l.sim.run(1, 0, &trace);
  EXPECT_TRUE(trace.fired_on("unc-recess", round_date(s, "1952-10-08")));
  EXPECT_TRUE(trace.fired_on("stalin-death", round_date(s, "1953-03-05")));
  EXPECT_TRUE(trace.fired_on("stalin-death-sick-wounded", round_date(s, "1953-03-05")));
  EXPECT_TRUE(trace.fired_on("zhou-statement", round_date(s, "1953-03-30")));
}

// Without the shift Stalin's death brings, the resolute type never signs: the armistice then
// closes only in the runs of the weary type, and Rhee's release fires on its date.
TEST(HistoricalScenarios, KoreaWithoutStalinsShiftStaysDeadlockedAndRheeReleasesThePrisoners) {
  const std::string text = with_numbers("korea-1951-53", {{"/events/1/params/by", -0.01}});
  const Loaded l(text, "korea-1951-53");
  const Scenario& s = *l.scenario;
  const Tally t = run_seeds(l.sim);
  EXPECT_LE(t.agreed[static_cast<std::size_t>(s.track_index("armistice"))], 35) << describe(s, t);
  // A run in which the armistice is not agreed shows Rhee's release on 18 June 1953.
  bool seen = false;
  for (int seed = kFirstSeed; seed <= kLastSeed && !seen; ++seed) {
    EventRecorder trace(s);
    const RunResult r = l.sim.run(static_cast<std::uint64_t>(seed), 0, &trace);
    if (r.tracks[static_cast<std::size_t>(s.track_index("armistice"))].status ==
        TrackStatus::Agreed)
      continue;
    seen = true;
    EXPECT_TRUE(trace.fired_on("rhee-release", round_date(s, "1953-06-18")));
    EXPECT_TRUE(trace.fired_on("talks-after-rhee", round_date(s, "1953-07-09")));
  }
  EXPECT_TRUE(seen);
}

// ---------------------------------------------------------------------------------------------
// Istanbul 2022: no treaty. Measured: 87 of 100.

TEST(HistoricalScenarios, Istanbul2022LoadsAndRunsDeterministically) {
  const Loaded l("istanbul-2022");
  const Scenario& s = *l.scenario;
  ASSERT_TRUE(s.history.present);
  ASSERT_EQ(s.history.tracks.size(), 1u);
  EXPECT_FALSE(s.history.tracks[0].agreed);
  EXPECT_EQ(s.parties[1].agent.model, "bayesian");
  EXPECT_EQ(s.parties[0].types.size(), 2u);
  expect_deterministic(l.sim);
}

TEST(HistoricalScenarios, Istanbul2022ReproducesTheCollapseInMostSeeds) {
  const Loaded l("istanbul-2022");
  const Tally t = run_seeds(l.sim);
  EXPECT_GE(t.pattern, 78) << describe(*l.scenario, t);
}

TEST(HistoricalScenarios, Istanbul2022EventFiresOnItsDate) {
  const Loaded l("istanbul-2022");
  EventRecorder trace(*l.scenario);
  l.sim.run(1, 0, &trace);
  EXPECT_TRUE(trace.fired_on("kyiv-reduction", "2022-03-29"));
}

// With defeat worth nothing to either side the war is worth less than the communique's
// compromises, and treaties become common (docs/scenarios/istanbul-2022.md).
TEST(HistoricalScenarios, Istanbul2022TreatyBecomesCommonWhenDefeatIsWorthNothing) {
  const std::string text = with_numbers("istanbul-2022", {{"/world/parties/RU/defeat_value", 0.0},
                                                          {"/world/parties/UA/defeat_value", 0.0}});
  const Loaded l(text, "istanbul-2022");
  const Tally t = run_seeds(l.sim);
  EXPECT_GE(t.agreed[0], 35) << describe(*l.scenario, t);
}

}  // namespace
}  // namespace parley
