// The simulator's reusable runs: a RunState kept across runs (its agents made new with
// Agent::reset, its tracks, streams and setups reused) gives exactly the results of a run built
// from scratch, for every shipped scenario and the built-in models; and, on the round-loop
// benchmark's domain with two time-dependent agents, 1,000 such runs allocate nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

// The benchmark's domain (bench/negotiation_domain.hpp): three options issues of 10 x 10 x 4
// levels, opposed linear values with different weights, reservation `reservation`.
ScenarioBuilder bench_domain(const std::string& model, const std::map<std::string, double>& params,
                             double reservation) {
  ScenarioBuilder b("reuse");
  const auto options = [](const std::string& id, int n) {
    std::vector<std::string> out;
    for (int k = 0; k < n; ++k) out.push_back(id + std::to_string(k));
    return out;
  };
  b.options("a", options("a", 10)).options("b", options("b", 10)).options("c", options("c", 4));
  const double weights[2][3] = {{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}};
  for (int p = 0; p < 2; ++p) {
    test::PartyBuilder& party = b.party(p == 0 ? "A" : "B", model, params);
    const char* ids[] = {"a", "b", "c"};
    const int levels[] = {10, 10, 4};
    for (int k = 0; k < 3; ++k) {
      std::vector<double> table(levels[k]);
      for (int l = 0; l < levels[k]; ++l)
        table[l] =
            p == 0 ? double(l) / (levels[k] - 1) : double(levels[k] - 1 - l) / (levels[k] - 1);
      party.weight(ids[k], weights[p][k]).table(ids[k], table);
    }
    party.reservation(reservation);
  }
  b.deadline(100);
  return b;
}

void expect_same(const RunResult& a, const RunResult& b, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.run, b.run);
  EXPECT_EQ(a.rounds, b.rounds);
  ASSERT_EQ(a.tracks.size(), b.tracks.size());
  for (std::size_t t = 0; t < a.tracks.size(); ++t) {
    const TrackResult& x = a.tracks[t];
    const TrackResult& y = b.tracks[t];
    EXPECT_EQ(x.status, y.status) << "track " << t;
    EXPECT_EQ(x.round, y.round) << "track " << t;
    EXPECT_EQ(x.proposer, y.proposer) << "track " << t;
    EXPECT_EQ(x.actor, y.actor) << "track " << t;
    EXPECT_EQ(x.deal.outcome, y.deal.outcome) << "track " << t;
    EXPECT_EQ(x.deal.size, y.deal.size) << "track " << t;
    EXPECT_EQ(x.deal.values, y.deal.values) << "track " << t;
    EXPECT_EQ(x.payoff, y.payoff) << "track " << t;
    EXPECT_EQ(x.opened_round, y.opened_round) << "track " << t;
    EXPECT_EQ(x.closed_by_condition, y.closed_by_condition) << "track " << t;
    EXPECT_EQ(x.cause, y.cause) << "track " << t;
  }
  ASSERT_EQ(a.parties.size(), b.parties.size());
  for (std::size_t p = 0; p < a.parties.size(); ++p) {
    EXPECT_EQ(a.parties[p].utility, b.parties[p].utility) << "party " << p;
    EXPECT_EQ(a.parties[p].costs, b.parties[p].costs) << "party " << p;
    EXPECT_EQ(a.parties[p].war_costs, b.parties[p].war_costs) << "party " << p;
    EXPECT_EQ(a.parties[p].war_cost_utility, b.parties[p].war_cost_utility) << "party " << p;
  }
  EXPECT_EQ(a.world.present, b.world.present);
  EXPECT_EQ(a.world.position, b.world.position);
  EXPECT_EQ(a.world.victor, b.world.victor);
  EXPECT_EQ(a.world.end_round, b.world.end_round);
  EXPECT_EQ(a.world.rounds_fought, b.world.rounds_fought);
  EXPECT_EQ(a.world.events.size(), b.world.events.size());
  ASSERT_EQ(a.implementation.size(), b.implementation.size());
  for (std::size_t i = 0; i < a.implementation.size(); ++i) {
    EXPECT_EQ(a.implementation[i].carried_out, b.implementation[i].carried_out);
    EXPECT_EQ(a.implementation[i].fraction, b.implementation[i].fraction);
  }
}

// Runs 0..runs-1 both ways: each from a fresh copy of the baseline, and one after another on one
// RunState and one RunResult.
void expect_reuse_matches(const Simulator& simulator, int runs, const std::string& what) {
  RunState state = simulator.baseline();
  RunResult reused;
  for (int r = 0; r < runs; ++r) {
    const auto run = static_cast<std::uint64_t>(r);
    const RunResult fresh = simulator.run(11, run);
    state.reset(simulator.baseline());
    simulator.run(11, run, state, reused);
    expect_same(fresh, reused, what + ", run " + std::to_string(r));
  }
}

TEST(SimulatorReuse, ReusedRunsMatchFreshRunsOnTheBenchDomain) {
  const std::pair<std::string, std::map<std::string, double>> models[] = {
      {"linear", {}},
      {"boulware", {}},
      {"conceder", {}},
      {"linear", {{"band", 0.0}}},
      {"time-dependent", {{"e", 3.0}, {"exponential", 1.0}, {"kappa", 0.1}}},
      {"time-dependent", {{"e", 0.5}, {"kappa", 0.2}, {"negmas_clock", 1.0}}},
      {"time-dependent", {{"e", 0.0}}},
      {"linear", {{"genius", 1.0}}},
      {"hardliner", {}},
      {"tit-for-tat", {}},
      {"random", {}},
      {"micro", {}},
  };
  for (const auto& [model, params] : models) {
    for (const double reservation : {0.2, 0.9}) {
      ScenarioBuilder b = bench_domain(model, params, reservation);
      b.breakdown(0.01);
      const Simulator simulator(b.build(), builtin_agents());
      expect_reuse_matches(simulator, 40, model + " at reservation " + std::to_string(reservation));
    }
  }
}

TEST(SimulatorReuse, ReusedRunsMatchFreshRunsOnEveryShippedScenario) {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(std::string(PARLEY_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "scenario.schema.json")
      continue;
    ScenarioPtr scenario;
    try {
      scenario = load_scenario(entry.path().string(), builtin_agents());
    } catch (const std::exception&) {
      continue;  // not a negotiation (the stakeholder forecast)
    }
    if (scenario->parties.empty()) continue;
    const Simulator simulator(scenario, builtin_agents());
    expect_reuse_matches(simulator, 12, entry.path().filename().string());
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

TEST(SimulatorReuse, ARunStateMovesToAnotherSimulator) {
  // One RunState used with a second simulator of a different scenario: its kept agents are not
  // that simulator's, and must not be used.
  const Simulator first(bench_domain("linear", {}, 0.2).build(), builtin_agents());
  const Simulator second(bench_domain("conceder", {}, 0.2).build(), builtin_agents());
  RunState state = first.baseline();
  RunResult result;
  first.run(3, 0, state, result);
  state = second.baseline();
  second.run(3, 0, state, result);
  expect_same(second.run(3, 0), result, "second simulator");
}

TEST(SimulatorReuse, NoAllocationInAThousandRunsOfTwoTimeDependentAgents) {
  for (const std::string model : {"linear", "conceder", "boulware"}) {
    const Simulator simulator(bench_domain(model, {}, 0.2).build(), builtin_agents());
    RunState state = simulator.baseline();
    RunResult result;
    // The first runs size what is kept: the agents, their opponent models, the result.
    for (std::uint64_t r = 0; r < 3; ++r) {
      state.reset(simulator.baseline());
      simulator.run(5, r, state, result);
    }
    std::int64_t steps = 0;
    std::uint64_t allocations = 0;
    {
      testing::CountAllocations counter;
      for (std::uint64_t r = 0; r < 1000; ++r) {
        state.reset(simulator.baseline());
        simulator.run(5, r, state, result);
        steps += result.rounds;
      }
      allocations = counter.count();
    }
    EXPECT_EQ(allocations, 0u) << model;
    EXPECT_GT(steps, 1000) << model;  // the runs did play rounds
  }
}

}  // namespace
}  // namespace parley
