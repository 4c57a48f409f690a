// What can never take effect (engine/load/reach_check.hpp): `parley validate` and `parley run`
// warn on stderr, located like an error, and refuse the file with --strict (exit 2).

#include <gtest/gtest.h>

#include <sstream>

#include "cli_test_support.hpp"

namespace parley::testing {
namespace {

const std::string kLate = "tests/data/warnings/after-the-deadline.json";
const std::string kInTime = "tests/data/warnings/in-time.json";

int count(const std::string& text, const std::string& word) {
  int n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

TEST(Warnings, ValidateWarnsAboutEachLateItemAndStillSucceeds) {
  const CommandResult r = run_parley("validate " + kLate, true);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(count(r.out, ": warning at "), 3) << r.out;
  EXPECT_NE(r.out.find(kLate + ":"), std::string::npos) << "located in the file";
  EXPECT_NE(r.out.find("warning at /events/1/date: expected a time the talks reach (the last is "
                       "day 41 (2025-02-25), protocol.deadline_rounds 42), found \"2025-03-10\", "
                       "day 54 (2025-03-10): the event can never fire"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("warning at /events/2/from"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("warning at /mediation/agenda/0/opens"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("/events/0/"), std::string::npos) << "an event in time is no warning";
}

TEST(Warnings, StrictRefusesTheFile) {
  const CommandResult validate = run_parley("validate --strict " + kLate, true);
  EXPECT_EQ(validate.status, 2) << validate.out;
  EXPECT_NE(validate.out.find("3 warnings with --strict"), std::string::npos) << validate.out;
  const CommandResult run = run_parley("run --strict " + kLate, true);
  EXPECT_EQ(run.status, 2) << run.out;
  EXPECT_EQ(run.out.find("seed 1"), std::string::npos) << "no report is written";
}

TEST(Warnings, RunWarnsOnStderrAndReportsOnStdout) {
  const CommandResult quiet = run_parley("run " + kLate);
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.out.find(": warning at "), std::string::npos) << "warnings go to stderr";
  const CommandResult both = run_parley("run " + kLate, true);
  EXPECT_EQ(count(both.out, ": warning at "), 3) << both.out;
}

TEST(Warnings, NothingToSayWhenEverythingFallsDueInTime) {
  const CommandResult r = run_parley("validate --strict " + kInTime, true);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out.find(": warning at "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace parley::testing
