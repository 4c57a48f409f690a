#include "play/program_party.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "analysis/report/run_report.hpp"
#include "engine/simulator.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

ScenarioPtr two_party(const std::string& b_model) {
  ScenarioBuilder b("program");
  b.options("a", {"a0", "a1", "a2", "a3"});
  b.quantity("q", 0, 4);
  b.party("A", "conceder");
  b.party("B", b_model).table("a", {0.2, 1, 0.5, 0}).points("q", {{0, 1}, {4, 0}});
  b.opener("A").deadline(12).walk_away(true);
  return b.build();
}

struct Played {
  RunResult result;
  std::string report;
  std::string errors;
  double seconds = 0;
};

Played play(const std::string& script, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  std::ostringstream errors;
  ProgramOptions options;
  options.command = {"python3", std::string(PARLEY_SOURCE_DIR) + "/tests/data/agents/" + script};
  options.time_limit = limit;
  options.errors = &errors;
  AgentRegistry registry = builtin_agents();
  registry.add(program_agent_model("program", options));
  const Simulator simulator(two_party("program"), registry);
  const auto start = std::chrono::steady_clock::now();
  Played p;
  p.result = simulator.run(3);
  p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  p.report = run_report_json(simulator, p.result).dump();
  p.errors = errors.str();
  return p;
}

TEST(ProgramParty, AHardlinerProgramPlaysAsTheBuiltInHardliner) {
  const Played program = play("hardliner.py");
  EXPECT_EQ(program.errors, "");
  const Simulator builtin(two_party("hardliner"), builtin_agents());
  std::string expected = run_report_json(builtin, builtin.run(3)).dump();
  const std::string from = "\"agent\":\"hardliner\"";
  expected.replace(expected.find(from), from.size(), "\"agent\":\"program\"");
  EXPECT_EQ(program.report, expected);
}

TEST(ProgramParty, AProgramThatCrashesWalksAwayWithAClearError) {
  const Played p = play("crashes.py");
  EXPECT_NE(p.errors.find("agent program 'python3' (party B, track all): it exited or crashed"),
            std::string::npos)
      << p.errors;
  ASSERT_EQ(p.result.tracks[0].status, TrackStatus::WalkAway);
  EXPECT_EQ(p.result.tracks[0].actor, 1);
}

TEST(ProgramParty, AProgramThatAnswersGarbageWalksAway) {
  const Played p = play("garbage.py");
  EXPECT_NE(p.errors.find("expected {\"response\": \"accept\"}, \"reject\" or \"walk_away\", got "
                          "'I would rather not say'"),
            std::string::npos)
      << p.errors;
  ASSERT_EQ(p.result.tracks[0].status, TrackStatus::WalkAway);
  EXPECT_EQ(p.result.tracks[0].actor, 1);
}

TEST(ProgramParty, AProgramOverItsTimeLimitWalksAway) {
  const Played p = play("sleeps.py", std::chrono::milliseconds(300));
  EXPECT_NE(p.errors.find("no answer within the time limit of 300 ms"), std::string::npos)
      << p.errors;
  ASSERT_EQ(p.result.tracks[0].status, TrackStatus::WalkAway);
  EXPECT_LT(p.seconds, 5.0) << "the sleeping program is stopped, not waited for";
}

TEST(ProgramParty, AProgramThatCannotStartIsAnError) {
  std::ostringstream errors;
  ProgramOptions options;
  options.command = {"/no/such/program"};
  options.errors = &errors;
  AgentRegistry registry = builtin_agents();
  registry.add(program_agent_model("program", options));
  const Simulator simulator(two_party("program"), registry);
  const RunResult r = simulator.run(1);
  EXPECT_NE(errors.str().find("cannot start '/no/such/program'"), std::string::npos)
      << errors.str();
  EXPECT_EQ(r.tracks[0].status, TrackStatus::WalkAway);
}

}  // namespace
}  // namespace parley
