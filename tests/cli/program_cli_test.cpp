// Programs playing a party from the command line (docs/python.md, "Programs playing a party"):
// chosen with --agent ID=program:cmd=..., or named in a scenario file, which then runs only
// with --allow-programs. The programs are the small Python agents of tests/data/agents.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

using testing::run_parley;

const std::string kTwoParty = "tests/data/agents/two-party.json";
const std::string kProgramFile = "tests/data/agents/program-party.json";

std::string without(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
    text.replace(at, from.size(), to), at += to.size();
  return text;
}

TEST(ProgramCli, AScenarioFileRunsAProgramOnlyWithPermission) {
  const auto refused = run_parley("run " + kProgramFile, true);
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.out.find(kProgramFile + ":21:"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("error at /parties/1/agent/model: expected permission to run the "
                             "program this party names"),
            std::string::npos)
      << refused.out;
  EXPECT_NE(refused.out.find("--allow-programs"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("python3 tests/data/agents/hardliner.py"), std::string::npos)
      << refused.out;

  // With permission, the hardliner program plays exactly as the built-in hardliner.
  const auto program = run_parley("run " + kProgramFile + " --allow-programs --format json");
  ASSERT_EQ(program.status, 0) << program.out;
  const auto builtin = run_parley("run " + kTwoParty + " --format json");
  ASSERT_EQ(builtin.status, 0);
  EXPECT_EQ(without(without(program.out, kProgramFile, kTwoParty), "\"program\"", "\"hardliner\""),
            without(builtin.out, "Two parties, one of them ready to be played by a program",
                    "Two parties, B played by a program over JSON lines (run from the "
                    "repository root)"));
  // Checking a file runs nothing: it is valid without the flag.
  EXPECT_EQ(run_parley("validate " + kProgramFile).status, 0);
}

TEST(ProgramCli, AgentOptionChoosesAProgram) {
  const auto r = run_parley("run " + kTwoParty +
                            " --format json --agent 'B=program:time_limit=10,cmd=python3 "
                            "tests/data/agents/hardliner.py'");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto builtin = run_parley("run " + kTwoParty + " --format json");
  EXPECT_EQ(without(r.out, "\"program\"", "\"hardliner\""), builtin.out);
}

TEST(ProgramCli, AProgramThatCrashesWalksAwayWithAClearError) {
  const auto r = run_parley("run " + kTwoParty +
                                " --format json --agent 'B=program:cmd=python3 "
                                "tests/data/agents/crashes.py'",
                            true);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("(party B, track all): it exited or crashed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"status\": \"walk-away\""), std::string::npos) << r.out;
}

TEST(ProgramCli, AProgramThatAnswersGarbageWalksAwayWithAClearError) {
  const auto r = run_parley("run " + kTwoParty +
                                " --format json --agent 'B=program:cmd=python3 "
                                "tests/data/agents/garbage.py'",
                            true);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("got 'I would rather not say'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"status\": \"walk-away\""), std::string::npos) << r.out;
}

TEST(ProgramCli, AProgramOverItsTimeLimitWalksAway) {
  const auto r = run_parley("run " + kTwoParty +
                                " --format json --agent 'B=program:time_limit=0.3,cmd=python3 "
                                "tests/data/agents/sleeps.py'",
                            true);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("no answer within the time limit of 300 ms"), std::string::npos) << r.out;
}

TEST(ProgramCli, AMalformedProgramOptionIsBadInput) {
  const auto r = run_parley("run " + kTwoParty + " --agent B=program", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("the program's command: B=program:cmd=python3 agent.py"), std::string::npos)
      << r.out;
}

TEST(ProgramCli, ASweepRunsTheFilesProgramWithPermission) {
  const std::string out =
      (std::filesystem::temp_directory_path() / "parley-program-sweep").string();
  std::filesystem::remove_all(out);
  EXPECT_EQ(run_parley("sweep " + kProgramFile + " --runs 3 --out " + out).status, 2);
  EXPECT_FALSE(std::filesystem::exists(out + "/summary.json"));
  const auto r = run_parley("sweep " + kProgramFile + " --runs 3 --allow-programs --out " + out);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(std::filesystem::exists(out + "/summary.json"));
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace parley
