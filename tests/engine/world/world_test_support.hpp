#pragma once
// Scenarios and recorders for the world tests: a two-party war with a political track (whose
// reservation is the value of fighting on) and a humanitarian one, played by hardliners who
// never agree, so every round of the world can be watched.
#include <memory>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/run_state.hpp"
#include "engine/simulator.hpp"
#include "engine/trace.hpp"

namespace parley::testing {

inline Issue share_issue(const std::string& id) {
  Issue issue;
  issue.id = id;
  issue.label = id;
  issue.kind = IssueKind::Share;
  issue.min = 0.0;
  issue.max = 1.0;
  issue.resolution = 11;
  return issue;
}

// Party 0 ("A") wants both shares high, party 1 ("B") low. No world yet.
inline std::shared_ptr<Scenario> two_track_scenario(const std::string& model = "hardliner") {
  auto s = std::make_shared<Scenario>();
  s->meta.name = "world test";
  s->issues = {share_issue("territory"), share_issue("prisoners")};
  s->tracks = {Track{"political", "Political", {0}, {}},
               Track{"humanitarian", "Humanitarian", {1}, {}}};
  for (int p = 0; p < 2; ++p) {
    Party party;
    party.id = p == 0 ? "A" : "B";
    party.name = party.id;
    party.agent.model = model;
    Preferences& prefs = party.preferences;
    prefs.weights = {0.7, 0.3};
    const auto up = ValueFunction::piecewise_linear({{0.0, 0.0}, {1.0, 1.0}});
    const auto down = ValueFunction::piecewise_linear({{0.0, 1.0}, {1.0, 0.0}});
    prefs.values = {p == 0 ? up : down, p == 0 ? up : down};
    prefs.reservation = {0.3, 0.2};
    s->parties.push_back(party);
  }
  s->protocol.deadline_rounds = 30;
  return s;
}

inline PartyCost cost(CostDistributionKind kind, double mean, double sd, double per_unit) {
  PartyCost c;
  c.per_round.kind = kind;
  c.per_round.mean = mean;
  c.per_round.sd = sd;
  c.utility_per_unit = per_unit;
  return c;
}
inline PartyCost fixed_cost(double mean, double per_unit) {
  return cost(CostDistributionKind::Fixed, mean, 0.0, per_unit);
}

// Adds a battlefield (N states from `start`, q), one cost kind `casualties` with fixed means and
// the political track as the war track.
inline void add_war(Scenario& s, int states = 40, int start = 20, double q = 0.5,
                    double cost_a = 100.0, double cost_b = 200.0, double per_unit = 1e-4) {
  WorldSpec& w = s.world;
  w.battlefield.present = true;
  w.battlefield.states = states;
  w.battlefield.start = start;
  w.battlefield.win_probability = q;
  w.cost_kinds = {CostKind{"casualties", "Casualties", "people"}};
  w.parties.assign(2, PartyWarSpec{});
  w.parties[0].costs = {fixed_cost(cost_a, per_unit)};
  w.parties[1].costs = {fixed_cost(cost_b, per_unit)};
  w.war_tracks = {0};
  w.ceasefire_tracks = {0};
}

inline EventSpec scheduled(const std::string& kind, int round, std::map<std::string, double> args) {
  EventSpec e;
  e.id = kind;
  e.kind = kind;
  e.round = round;
  e.args = std::move(args);
  return e;
}

// Records, after every round's world step, the world and the preferences (reservations,
// weights, discounts) and the run's own utilities; and every move and closing.
class Recorder final : public TraceSink {
 public:
  struct Round {
    WorldState world;
    std::vector<Preferences> preferences;
    std::vector<std::vector<double>> utilities;  // per track (run spaces), party 0 then 1
  };
  explicit Recorder(const RunState& state) : state_(&state) {}

  void on_move(const Move& move) override { moves.push_back(move); }
  void on_track_closed(int track, const TrackResult& result) override {
    closed.emplace_back(track, result);
  }
  void on_event(int round, int event) override { fired.emplace_back(round, event); }
  void on_world_round(int round, const WorldState& world) override {
    Round r{world, state_->preferences, {}};
    for (const OutcomeSpace& space : state_->spaces)
      for (int p = 0; p < 2; ++p)
        r.utilities.emplace_back(space.utilities(p).data(),
                                 space.utilities(p).data() + space.size());
    if (static_cast<int>(rounds.size()) != round) rounds.resize(static_cast<std::size_t>(round));
    rounds.push_back(std::move(r));
  }

  std::vector<Move> moves;
  std::vector<std::pair<int, TrackResult>> closed;
  std::vector<std::pair<int, int>> fired;
  std::vector<Round> rounds;

 private:
  const RunState* state_;
};

// One recorded run of a scenario.
struct RecordedRun {
  RunResult result;
  std::unique_ptr<Recorder> recorder;
};

inline RecordedRun record(const std::shared_ptr<Scenario>& scenario, std::uint64_t seed = 7) {
  const Simulator simulator(scenario, builtin_agents());
  RunState state = simulator.baseline();
  RecordedRun out;
  out.recorder = std::make_unique<Recorder>(state);
  out.result = simulator.run(seed, 0, state, out.recorder.get());
  return out;
}

}  // namespace parley::testing
