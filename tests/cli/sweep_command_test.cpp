// parley sweep, merge and summary as a user runs them (docs/sweep.md). The summary of the
// shipped Istanbul scenario must be byte for byte the same for 1, 2 or 3 threads, on a rerun,
// for shards merged, and for a sweep stopped (by the test hook or by SIGINT) and resumed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "engine/format.hpp"
#include "sweep/state.hpp"
#include "tests/cli/cli_test_support.hpp"
#include "tests/support/sanitizer.hpp"

namespace parley {
namespace {

using testing::read_file;
using testing::run_parley;
namespace fs = std::filesystem;

const std::string kScenario = "scenarios/istanbul-2025-06.json";
// Uncertainty of several kinds on top of whatever the file declares.
const std::string kVary =
    " --vary '/parties/0/preferences/discount=uniform(0.99, 0.9995)'"
    " --vary '/protocol/breakdown_probability=beta(2, 60)'"
    " --vary '/parties/1/preferences/reservation/political=triangular(0.45, 0.55, 0.65)'"
    " --vary '/parties/1/agent/params/e=discrete(1.5, 2, 3)'";
constexpr int kRuns = 10000;  // three blocks of 4,096

// Starts `parley ARGS...` in the background from the repository root, its output discarded.
pid_t spawn_parley(std::vector<std::string> args) {
  const pid_t child = fork();
  if (child != 0) return child;
  if (chdir(PARLEY_SOURCE_DIR) != 0) _exit(99);
  if (!freopen("/dev/null", "w", stderr) || !freopen("/dev/null", "w", stdout)) _exit(97);
  std::vector<char*> argv{const_cast<char*>(PARLEY_BINARY)};
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(PARLEY_BINARY, argv.data());
  _exit(98);
}

// Waits until `path` exists (a sweep in the background has claimed its folder), at most a minute:
// a sanitizer build on a loaded machine takes seconds to start.
bool wait_for(const std::string& path) {
  for (int k = 0; k < 6000; ++k) {
    if (fs::exists(path)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

class SweepCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley-sweep-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // Runs a sweep of the shipped scenario into `out`; returns the exit status.
  int sweep(const std::string& out, const std::string& extra = "", int runs = kRuns) {
    const auto r = run_parley("sweep " + kScenario + " --runs " + std::to_string(runs) +
                              " --seed 5 --out '" + path(out) + "'" + kVary + " " + extra);
    return r.status;
  }
  std::string summary(const std::string& out) const {
    return read_file(path(out) + "/summary.json");
  }

  fs::path dir_;
};

TEST_F(SweepCommand, TheSummaryDoesNotDependOnTheThreadCountOrTheRerun) {
  ASSERT_EQ(sweep("one", "--threads 1"), 0);
  ASSERT_EQ(sweep("two", "--threads 2"), 0);
  ASSERT_EQ(sweep("three", "--threads 3"), 0);
  ASSERT_EQ(sweep("again", "--threads 2"), 0);
  const std::string one = summary("one");
  ASSERT_FALSE(one.empty());
  EXPECT_EQ(one, summary("two"));
  EXPECT_EQ(one, summary("three"));
  EXPECT_EQ(one, summary("again"));
  const auto json = nlohmann::json::parse(one);
  EXPECT_FALSE(json["partial"].get<bool>());
  EXPECT_EQ(json["runs"]["completed"], kRuns);
  // A different seed gives a different sweep (the comparison above can fail).
  const auto other = run_parley("sweep " + kScenario + " --runs 10000 --seed 6 --out '" +
                                path("other") + "'" + kVary);
  ASSERT_EQ(other.status, 0);
  EXPECT_NE(one, summary("other"));
}

TEST_F(SweepCommand, ShardsMergeIntoTheWholeSweepByteForByte) {
  ASSERT_EQ(sweep("whole", "--threads 2"), 0);
  // Three blocks over four shards: shard 1 is empty, the others hold a block each.
  for (int k = 1; k <= 4; ++k)
    ASSERT_EQ(sweep("part" + std::to_string(k), "--shard " + std::to_string(k) + "/4"), 0);
  const auto part = nlohmann::json::parse(summary("part2"));
  EXPECT_TRUE(part["partial"].get<bool>());
  EXPECT_EQ(part["shard"]["count"], 4);
  // Merge order does not matter.
  const auto merged =
      run_parley("merge '" + path("part3") + "' '" + path("part1") + "' '" + path("part4") + "' '" +
                 path("part2") + "' --out '" + path("merged") + "'");
  ASSERT_EQ(merged.status, 0);
  EXPECT_EQ(summary("merged"), summary("whole"));
  // Some shards only: partial.
  ASSERT_EQ(run_parley("merge '" + path("part1") + "' '" + path("part2") + "' --out '" +
                       path("half") + "'")
                .status,
            0);
  EXPECT_TRUE(nlohmann::json::parse(summary("half"))["partial"].get<bool>());
  // The same shard twice, or shards of another sweep, are refused.
  const auto twice = run_parley(
      "merge '" + path("part2") + "' '" + path("part2") + "' --out '" + path("bad") + "'", true);
  EXPECT_EQ(twice.status, 2);
  EXPECT_NE(twice.out.find("some blocks were run twice"), std::string::npos) << twice.out;
  ASSERT_EQ(run_parley("sweep " + kScenario + " --runs 10000 --seed 9 --shard 2/4 --out '" +
                       path("foreign") + "'" + kVary)
                .status,
            0);
  const auto foreign = run_parley(
      "merge '" + path("part1") + "' '" + path("foreign") + "' --out '" + path("bad") + "'", true);
  EXPECT_EQ(foreign.status, 2);
  EXPECT_NE(foreign.out.find("different sweeps"), std::string::npos) << foreign.out;
}

TEST_F(SweepCommand, AStoppedSweepResumesToTheUninterruptedSummaryAndRows) {
  ASSERT_EQ(sweep("whole", "--threads 2 --runs-csv '" + path("whole.csv") + "'"), 0);
  ASSERT_EQ(sweep("stopped",
                  "--threads 2 --stop-after-blocks 1 --runs-csv '" + path("stopped.csv") + "'"),
            0);
  const auto partial = nlohmann::json::parse(summary("stopped"));
  EXPECT_TRUE(partial["partial"].get<bool>());
  EXPECT_LT(partial["runs"]["completed"].get<int>(), kRuns);
  EXPECT_GE(partial["runs"]["completed"].get<int>(), 4096);
  const auto resumed = run_parley("sweep --resume '" + path("stopped") +
                                  "' --threads 3 --runs-csv '" + path("stopped.csv") + "'");
  ASSERT_EQ(resumed.status, 0);
  EXPECT_EQ(summary("stopped"), summary("whole"));
  EXPECT_EQ(read_file(path("stopped.csv")), read_file(path("whole.csv")));
}

TEST_F(SweepCommand, ResumingAFinishedSweepSaysItIsCompleteAndChangesNothing) {
  ASSERT_EQ(sweep("done", "--threads 1"), 0);
  const std::string before = summary("done");
  const auto again = run_parley("sweep --resume '" + path("done") + "'", true);
  EXPECT_EQ(again.status, 0) << again.out;
  EXPECT_NE(
      again.out.find("is already complete (" + format_thousands(kRuns) + " runs); nothing to do"),
      std::string::npos)
      << again.out;
  EXPECT_EQ(summary("done"), before);
}

TEST_F(SweepCommand, AgentOverrideIsPartOfTheSweepAndSurvivesResume) {
  const std::string agent = "--agent RU=boulware:e=0.05 --agent UA=conceder:e=3";
  ASSERT_EQ(sweep("whole", agent + " --threads 1"), 0);
  ASSERT_EQ(sweep("plain", "--threads 1"), 0);
  const auto whole = nlohmann::json::parse(summary("whole"));
  EXPECT_EQ(whole["sweep"]["agents"],
            nlohmann::json::array({"RU=boulware:e=0.05", "UA=conceder:e=3"}));
  EXPECT_FALSE(nlohmann::json::parse(summary("plain"))["sweep"].contains("agents"));
  EXPECT_NE(summary("whole"), summary("plain"));
  ASSERT_EQ(sweep("stopped", agent + " --threads 2 --stop-after-blocks 1"), 0);
  ASSERT_EQ(run_parley("sweep --resume '" + path("stopped") + "' --threads 3").status, 0);
  EXPECT_EQ(summary("stopped"), summary("whole"));
  const auto again = run_parley("sweep --resume '" + path("stopped") + "' --agent UA=linear", true);
  EXPECT_EQ(again.status, 2);
  // The file's --vary of UA's parameter e no longer names a parameter of UA's model.
  const auto r = run_parley("sweep " + kScenario + " --runs 10 --out '" + path("bad") + "'" +
                                kVary + " --agent UA=hardliner",
                            true);
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_FALSE(fs::exists(path("bad") + "/summary.json"));
}

TEST_F(SweepCommand, CtrlCWritesAPartialSummaryThatResumesExactly) {
  // Long enough to be interrupted: 40 blocks on one thread (10 in a sanitizer build, where each
  // run costs several times as much).
  const std::string runs = std::to_string(testing::workload_runs(163840, 40960));
  const std::string out = path("interrupted");
  const pid_t child =
      spawn_parley({"sweep", kScenario, "--runs", runs, "--seed", "5", "--threads", "1", "--out",
                    out, "--vary", "/parties/1/agent/params/e=discrete(1.5, 2, 3)"});
  ASSERT_GT(child, 0);
  // The first checkpoint is written before any run: interrupt a little after it.
  ASSERT_TRUE(wait_for(out + "/summary.json"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  kill(child, SIGINT);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 130) << "the sweep finished before the interrupt: make it longer";
  const auto partial = nlohmann::json::parse(read_file(out + "/summary.json"));
  EXPECT_TRUE(partial["partial"].get<bool>());
  EXPECT_EQ(partial["runs"]["completed"].get<int>() % 4096, 0);  // whole blocks only
  ASSERT_EQ(run_parley("sweep --resume '" + out + "'").status, 0);
  ASSERT_EQ(
      run_parley("sweep " + kScenario + " --runs " + runs + " --seed 5 --out '" + path("straight") +
                 "' --vary '/parties/1/agent/params/e=discrete(1.5, 2, 3)'")
          .status,
      0);
  EXPECT_EQ(read_file(out + "/summary.json"), summary("straight"));
}

// The history comparison of a scenario that records one: the same bytes for any thread count,
// for shards merged, and for a stopped sweep resumed; `parley summary` prints it.
TEST_F(SweepCommand, HistoryTallyIsTheSameForThreadsShardsAndResume) {
  const std::string scenario = "tests/data/history/two-tracks.json";
  auto sweep_history = [&](const std::string& out, const std::string& extra) {
    return run_parley("sweep " + scenario + " --runs 10000 --seed 3 --out '" + path(out) + "' " +
                      extra)
        .status;
  };
  ASSERT_EQ(sweep_history("one", "--threads 1"), 0);
  ASSERT_EQ(sweep_history("three", "--threads 3"), 0);
  const std::string one = summary("one");
  EXPECT_EQ(one, summary("three"));
  const auto json = nlohmann::json::parse(one);
  ASSERT_TRUE(json.contains("history"));
  const auto& h = json["history"];
  EXPECT_EQ(h["runs"], 10000);
  EXPECT_EQ(h["last_agreed"], "humanitarian");
  ASSERT_EQ(h["tracks"].size(), 2u);
  // Each track's runs as in history: for the track history never agreed, exactly the runs that
  // did not agree it either.
  const auto& political = h["tracks"][1];
  EXPECT_EQ(political["status_match"]["successes"].get<std::uint64_t>(),
            10000 - json["tracks"][1]["agreement"]["successes"].get<std::uint64_t>());
  const auto& humanitarian = h["tracks"][0];
  EXPECT_EQ(humanitarian["status_match"]["successes"], json["tracks"][0]["agreement"]["successes"]);
  EXPECT_EQ(humanitarian["round_difference"]["count"], json["tracks"][0]["agreement"]["successes"]);
  // Neither always nor never as in history, so the identities below can fail.
  const double share = h["pattern_match"]["estimate"].get<double>();
  EXPECT_GT(share, 0.05);
  EXPECT_LT(share, 0.95);

  for (int k = 1; k <= 3; ++k)
    ASSERT_EQ(sweep_history("part" + std::to_string(k), "--shard " + std::to_string(k) + "/3"), 0);
  ASSERT_EQ(run_parley("merge '" + path("part2") + "' '" + path("part3") + "' '" + path("part1") +
                       "' --out '" + path("merged") + "'")
                .status,
            0);
  EXPECT_EQ(summary("merged"), one);

  ASSERT_EQ(sweep_history("stopped", "--threads 2 --stop-after-blocks 1"), 0);
  EXPECT_TRUE(nlohmann::json::parse(summary("stopped"))["partial"].get<bool>());
  ASSERT_EQ(run_parley("sweep --resume '" + path("stopped") + "' --threads 2").status, 0);
  EXPECT_EQ(summary("stopped"), one);

  const auto printed = run_parley("summary '" + path("one") + "'");
  ASSERT_EQ(printed.status, 0);
  for (const char* expected :
       {"As in history (10,000 runs)", "humanitarian  agreed 2025-06-12 (exchange 3)",
        "every track   (whole pattern)"})
    EXPECT_NE(printed.out.find(expected), std::string::npos) << expected << "\n" << printed.out;
}

TEST_F(SweepCommand, RunsCsvHasOneRowPerRunInRunOrder) {
  ASSERT_EQ(sweep("a", "--threads 3 --runs-csv '" + path("a.csv") + "'", 5000), 0);
  ASSERT_EQ(sweep("b", "--threads 1 --runs-csv '" + path("b.csv") + "'", 5000), 0);
  const std::string csv = read_file(path("a.csv"));
  EXPECT_EQ(csv, read_file(path("b.csv")));
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  // Parameters by party id, not by the party's index in the file.
  EXPECT_EQ(line.rfind("run,/parties/RU/preferences/discount,", 0), 0u) << line;
  EXPECT_NE(line.find("humanitarian.status,humanitarian.round,humanitarian.pow_form"),
            std::string::npos);
  EXPECT_NE(line.find("RU.utility,RU.costs"), std::string::npos);
  int expected = 0;
  while (std::getline(in, line))
    EXPECT_EQ(line.substr(0, line.find(',')), std::to_string(expected++));
  EXPECT_EQ(expected, 5000);
}

TEST_F(SweepCommand, BadUncertaintyIsAnInputError) {
  auto error = [&](const std::string& vary) {
    const auto r = run_parley(
        "sweep " + kScenario + " --runs 10 --out '" + path("x") + "' --vary '" + vary + "'", true);
    EXPECT_EQ(r.status, 2) << vary;
    return r.out;
  };
  EXPECT_NE(
      error("/parties/0/preferences/discount=uniform(0.9)")
          .find("--vary: error at /parties/0/preferences/discount: expected uniform needs max"),
      std::string::npos);
  EXPECT_NE(error("/parties/0/preferences/discount").find("POINTER=DISTRIBUTION"),
            std::string::npos);
  EXPECT_NE(error("/parties/0/preferences/discount=normal(0.99, 0.01)")
                .find("legal range (0, 1] of a discount"),
            std::string::npos);
  EXPECT_NE(
      error("/parties/0/preferences/shoe_size=uniform(1, 2)").find("a number a sweep can vary"),
      std::string::npos);
  EXPECT_NE(error("/parties/7/preferences/discount=uniform(0.9, 1)").find("0 = RU, 1 = UA"),
            std::string::npos);
  // No file is left behind.
  EXPECT_FALSE(fs::exists(path("x")));
  const auto grid = run_parley(
      "sweep " + kScenario + " --runs 10 --design grid --out '" + path("g") + "'" + kVary, true);
  EXPECT_EQ(grid.status, 2);
  EXPECT_NE(grid.out.find("at most 3 varying parameters"), std::string::npos) << grid.out;
}

TEST_F(SweepCommand, GridAndLatinHypercubeDesigns) {
  const auto grid = run_parley("sweep " + kScenario +
                               " --only-vary --design grid --levels 3 --out '" + path("grid") +
                               "' --vary '/protocol/breakdown_probability=uniform(0, 0.06)'"
                               " --vary '/parties/1/agent/params/e=discrete(1.5, 2, 3, 4)'");
  ASSERT_EQ(grid.status, 0);
  const auto g = nlohmann::json::parse(summary("grid"));
  EXPECT_EQ(g["runs"]["completed"], 12);  // 3 x 4, one pass by default
  EXPECT_NEAR(g["parameters"][0]["drawn"]["min"].get<double>(), 0.01,
              1e-15);  // midpoints of thirds
  ASSERT_EQ(sweep("lhs", "--design latin-hypercube", 2000), 0);
  EXPECT_EQ(nlohmann::json::parse(summary("lhs"))["sweep"]["design"], "latin-hypercube");
}

TEST_F(SweepCommand, ANewSweepDoesNotOverwriteAnOldOne) {
  ASSERT_EQ(sweep("s", "", 100), 0);
  const auto again =
      run_parley("sweep " + kScenario + " --runs 100 --out '" + path("s") + "'", true);
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.out.find("--resume"), std::string::npos);
}

TEST_F(SweepCommand, SummaryPrintsReadableTables) {
  ASSERT_EQ(sweep("s", "", 3000), 0);
  const auto printed = run_parley("summary '" + path("s") + "'");
  ASSERT_EQ(printed.status, 0);
  for (const char* heading :
       {"Agreement per track", "How tracks closed", "Agreed terms: humanitarian",
        "Efficiency of agreements", "Parties", "What drives agreement on humanitarian"})
    EXPECT_NE(printed.out.find(heading), std::string::npos) << heading;
  EXPECT_EQ(run_parley("summary '" + path("nothing") + "'").status, 2);
}

TEST_F(SweepCommand, OutOfRangeCountsThreadsAndShardsAreRefused) {
  const std::pair<std::string, std::string> cases[] = {
      {"--runs -1", "--runs: error: expected a whole number of runs from 1 to 10,000,000,000"},
      {"--runs 18446744073709551615", "found '18446744073709551615'"},
      {"--runs 0", "--runs: error"},
      {"--runs 1e4", "--runs: error"},
      {"--runs 100 --threads 0",
       "--threads: error: expected a number of worker threads from 1 "
       "to 256, found '0'"},
      {"--runs 100 --threads 1000", "found '1000'"},
      {"--runs 100 --threads -1", "--threads: error"},
      {"--runs 100 --shard 0/3", "--shard: error: expected k/n with 1 <= k <= n"},
      {"--runs 100 --shard 4/3", "found '4/3'"},
      {"--runs 100 --shard 1/-3", "--shard: error"},
      {"--runs 100 --shard 1/99999999999999999999", "--shard: error"},
      {"--runs 100 --seed -1",
       "--seed: error: expected a whole number from 0 to "
       "18446744073709551615, found '-1'"},
      {"--runs 100 --design grid --levels 0", "--levels: error"},
  };
  for (const auto& [arguments, message] : cases) {
    const auto r =
        run_parley("sweep " + kScenario + " " + arguments + " --out '" + path("x") + "'", true);
    EXPECT_EQ(r.status, 2) << arguments;
    EXPECT_NE(r.out.find(message), std::string::npos) << arguments << "\n" << r.out;
  }
  EXPECT_FALSE(fs::exists(path("x")));  // refused before anything was written
}

TEST_F(SweepCommand, AnUnwritableOutputFolderFailsBeforeTheFirstRun) {
  { std::ofstream(path("file")) << "not a folder"; }
  const auto start = std::chrono::steady_clock::now();
  // A billion runs would take hours: the error must come first.
  const auto r = run_parley(
      "sweep " + kScenario + " --runs 1000000000 --out '" + path("file") + "/sub'", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--out: error: expected a folder parley can create and write to"),
            std::string::npos)
      << r.out;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST_F(SweepCommand, ASecondJobAimedAtTheSameFolderIsRefused) {
  const std::string out = path("busy");
  const pid_t child = spawn_parley(
      {"sweep", kScenario, "--runs", "100000000", "--threads", "1", "--seed", "5", "--out", out});
  ASSERT_GT(child, 0);
  ASSERT_TRUE(wait_for(out + "/.parley.lock"));
  const auto second = run_parley("sweep " + kScenario + " --runs 100 --out '" + out + "'", true);
  const auto resumed = run_parley("sweep --resume '" + out + "'", true);
  const auto merged = run_parley("merge '" + path("nothing") + "' --out '" + out + "'", true);
  kill(child, SIGINT);
  int status = 0;
  waitpid(child, &status, 0);
  for (const auto& r : {second, resumed, merged}) {
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_NE(r.out.find("in use by another parley job"), std::string::npos) << r.out;
  }
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);  // the first job was undisturbed
}

TEST_F(SweepCommand, MergeNeverWritesOverASweep) {
  ASSERT_EQ(sweep("s", "--shard 1/2", 100), 0);
  ASSERT_EQ(sweep("t", "--shard 2/2", 100), 0);
  const std::string before = summary("t");
  const auto r =
      run_parley("merge '" + path("s") + "' '" + path("t") + "' --out '" + path("t") + "'", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--out: error: expected a folder without a sweep in it"), std::string::npos)
      << r.out;
  EXPECT_EQ(summary("t"), before);
}

TEST_F(SweepCommand, ResumeRefusesOptionsThatContradictTheState) {
  ASSERT_EQ(sweep("s", "--stop-after-blocks 1 --threads 1"), 0);
  const auto seed = run_parley("sweep --resume '" + path("s") + "' --seed 7", true);
  EXPECT_EQ(seed.status, 2);
  EXPECT_NE(seed.out.find("--seed: error: expected the seed the sweep in"), std::string::npos)
      << seed.out;
  const auto runs = run_parley("sweep --resume '" + path("s") + "' --runs 20000", true);
  EXPECT_EQ(runs.status, 2);
  EXPECT_NE(runs.out.find("--runs: error"), std::string::npos) << runs.out;
  // Options that agree with the state are fine.
  EXPECT_EQ(run_parley("sweep --resume '" + path("s") + "' --seed 5 --runs 10000").status, 0);
}

// A state.json edited with its checksum made to match again (what a careful vandal or a bug
// would leave), to reach the checks behind the checksum.
void edit_state(const std::string& file, const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json json = nlohmann::json::parse(read_file(file));
  edit(json);
  seal(json);
  std::ofstream(file, std::ios::trunc) << json.dump();
}

TEST_F(SweepCommand, DamagedStateFilesAreRefusedNamingTheFile) {
  ASSERT_EQ(sweep("part1", "--shard 1/2"), 0);
  ASSERT_EQ(sweep("part2", "--shard 2/2"), 0);
  const std::string good = read_file(path("part2") + "/state.json");
  const std::string file = path("part2") + "/state.json";
  // Each damage, and the words the refusal must contain, for merge and for --resume.
  const std::vector<std::pair<std::function<void()>, std::string>> damages = {
      {[&] { std::ofstream(file, std::ios::trunc) << good.substr(0, good.size() / 2); },
       "a sweep state written by parley sweep"},
      {[&] {
         std::string edited = good;  // a count of -1, written by hand
         const auto at = edited.find("\"runs\":") + 7;
         edited.replace(at, edited.find_first_not_of("0123456789", at) - at, "-1");
         std::ofstream(file, std::ios::trunc) << edited;
       },
       "checksum does not match"},
      {[&] { edit_state(file, [](auto& j) { j["statistics"]["runs"] = -1; }); },
       "the statistics count 18446744073709551615 runs"},
      {[&] { edit_state(file, [](auto& j) { j["identity"]["runs"] = -1; }); },
       "\"runs\" must be a count >= 0, found -1"},
      {[&] { edit_state(file, [](auto& j) {
               j["done"] = {{0, 3}};
             }); },
       "outside the shard's blocks"},
      {[&] { edit_state(file, [](auto& j) {
               j["done"] = {{1, 2}, {1, 2}};
             }); },
       "some blocks twice"},
      {[&] { edit_state(file, [](auto& j) { j["parley_version"] = "0.0.1"; }); },
       "written by parley 0.0.1"},
      {[&] {
         edit_state(file, [](auto& j) {
           j.erase("checksum");
           j["version"] = 1;
         });
       },
       "sweep state format 1 is not supported"},
  };
  int k = 0;
  for (const auto& [damage, words] : damages) {
    std::ofstream(file, std::ios::trunc) << good;
    damage();
    std::string out = path("m");
    out += std::to_string(k);
    const auto merged = run_parley(
        "merge '" + path("part1") + "' '" + path("part2") + "' --out '" + out + "'", true);
    EXPECT_EQ(merged.status, 2) << words;
    EXPECT_NE(merged.out.find(file + ": error"), std::string::npos) << merged.out;
    EXPECT_NE(merged.out.find(words), std::string::npos) << merged.out;
    const auto resumed = run_parley("sweep --resume '" + path("part2") + "'", true);
    EXPECT_EQ(resumed.status, 2) << words;
    EXPECT_NE(resumed.out.find(file + ": error"), std::string::npos) << resumed.out;
    ++k;
  }
  // An edited summary is refused by `parley summary`.
  std::string edited = summary("part1");
  edited.replace(edited.find("\"completed\": "), 14, "\"completed\": 9");
  std::ofstream(path("part1") + "/summary.json", std::ios::trunc) << edited;
  const auto printed = run_parley("summary '" + path("part1") + "'", true);
  EXPECT_EQ(printed.status, 2);
  EXPECT_NE(printed.out.find("checksum does not match"), std::string::npos) << printed.out;
}

TEST_F(SweepCommand, ASweepIsItsScenariosBytesWhateverTheFileIsCalled) {
  ASSERT_EQ(sweep("whole", "", 5000), 0);
  ASSERT_EQ(sweep("part1", "--shard 1/2", 5000), 0);
  fs::copy_file(fs::path(PARLEY_SOURCE_DIR) / kScenario, path("renamed.json"));
  ASSERT_EQ(run_parley("sweep '" + path("renamed.json") +
                       "' --runs 5000 --seed 5 --shard 2/2 --out '" + path("part2") + "'" + kVary)
                .status,
            0);
  const auto merged = run_parley(
      "merge '" + path("part1") + "' '" + path("part2") + "' --out '" + path("merged") + "'", true);
  ASSERT_EQ(merged.status, 0) << merged.out;
  EXPECT_EQ(summary("merged"), summary("whole"));
}

// A sweep killed at several moments (SIGKILL: no chance to write anything; SIGTERM: stops as
// Ctrl-C does) resumes from its last durable checkpoint to the uninterrupted summary, and its
// --runs-csv to the uninterrupted file, byte for byte (the rows of finished blocks are flushed
// to disk with each checkpoint; before, a SIGKILL lost every row).
TEST_F(SweepCommand, AKilledSweepResumesFromItsCheckpointToTheSameSummary) {
  // 40 blocks, seconds of work (10 in a sanitizer build, where a run costs several times as much).
  const std::string runs = std::to_string(testing::workload_runs(163840, 40960));
  const std::string vary = "/parties/1/agent/params/e=discrete(1.5, 2, 3)";
  ASSERT_EQ(
      run_parley("sweep " + kScenario + " --runs " + runs + " --seed 5 --out '" + path("straight") +
                 "' --vary '" + vary + "' --runs-csv '" + path("straight.csv") + "'")
          .status,
      0);
  const std::string straight = summary("straight");
  const std::string straight_csv = read_file(path("straight.csv"));
  // Each kill comes once the last checkpoint holds at least this many runs: right after the
  // first checkpoint (written before any run), and later, mid-sweep.
  const std::pair<int, int> kills[] = {{SIGKILL, 0}, {SIGTERM, 4096}, {SIGKILL, 3 * 4096}};
  int k = 0;
  for (const auto& [signal, checkpointed] : kills) {
    std::string out = path("killed");
    out += std::to_string(k++);
    const std::string csv = out + ".csv";
    const pid_t child =
        spawn_parley({"sweep", kScenario, "--runs", runs, "--seed", "5", "--threads", "2",
                      "--checkpoint-ms", "100", "--out", out, "--vary", vary, "--runs-csv", csv});
    ASSERT_GT(child, 0);
    ASSERT_TRUE(wait_for(out + "/summary.json"));
    // Checkpoints replace the file whole (rename), so every read sees a complete one.
    for (int wait = 0; wait < 6000; ++wait) {
      const auto now = nlohmann::json::parse(read_file(out + "/summary.json"));
      if (now["runs"]["completed"].get<int>() >= checkpointed) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(child, signal);
    int status = 0;
    waitpid(child, &status, 0);
    if (signal == SIGKILL) {
      ASSERT_TRUE(WIFSIGNALED(status));
    } else {
      ASSERT_TRUE(WIFEXITED(status));
      EXPECT_EQ(WEXITSTATUS(status), 128 + SIGTERM);
    }
    const auto partial = nlohmann::json::parse(read_file(out + "/summary.json"));
    ASSERT_TRUE(partial["partial"].get<bool>()) << "the sweep ended before the kill";
    EXPECT_GE(partial["runs"]["completed"].get<int>(), checkpointed);
    const auto resumed = run_parley("sweep --resume '" + out + "' --runs-csv '" + csv + "'", true);
    ASSERT_EQ(resumed.status, 0) << resumed.out;
    EXPECT_EQ(read_file(out + "/summary.json"), straight)
        << "killed with " << signal << " after " << checkpointed << " runs";
    EXPECT_TRUE(read_file(csv) == straight_csv)
        << "runs file killed with " << signal << " after " << checkpointed
        << " runs: " << read_file(csv).size() << " bytes, not " << straight_csv.size();
    EXPECT_FALSE(fs::exists(csv + ".partial"));
  }
}

}  // namespace
}  // namespace parley
