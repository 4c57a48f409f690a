// The parley executable as a user meets it: exit statuses, help, the JSON report and the trace.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_test_support.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;
const std::string kIstanbul = "scenarios/istanbul-2025-06.json";

fs::path temp_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley-" + name + "-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir;
}

TEST(Cli, HelpDescribesEveryCommandWithAnExample) {
  const CommandResult top = run_parley("--help");
  EXPECT_EQ(top.status, 0);
  for (const char* command : {"run", "validate", "agents", "schema"})
    EXPECT_NE(top.out.find(command), std::string::npos) << command;
  EXPECT_NE(top.out.find("Examples:"), std::string::npos);
  for (const char* command : {"run", "validate", "agents", "schema"}) {
    const CommandResult help = run_parley(std::string(command) + " --help");
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_NE(help.out.find("Example"), std::string::npos) << command;
  }
}

TEST(Cli, UsageErrorsExitWithStatusTwo) {
  EXPECT_EQ(run_parley("").status, 2);
  EXPECT_EQ(run_parley("frobnicate").status, 2);
  EXPECT_EQ(run_parley("run").status, 2);
  EXPECT_EQ(run_parley("run " + kIstanbul + " --format yaml").status, 2);
  EXPECT_EQ(run_parley("run " + kIstanbul + " --seed minus-one").status, 2);
}

TEST(Cli, MissingFileIsBadInput) {
  const CommandResult r = run_parley("run no/such/file.json", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("no/such/file.json"), std::string::npos);
}

TEST(Cli, AgentOptionReplacesAPartysModel) {
  const CommandResult plain = run_parley("run " + kIstanbul + " --seed 2 --format json");
  const CommandResult changed = run_parley("run " + kIstanbul +
                                           " --seed 2 --format json --agent UA=hardliner "
                                           "--agent RU=boulware:e=0.05");
  ASSERT_EQ(plain.status, 0);
  ASSERT_EQ(changed.status, 0);
  const auto a = nlohmann::json::parse(plain.out), b = nlohmann::json::parse(changed.out);
  EXPECT_EQ(a["parties"][1]["agent"], "conceder");
  EXPECT_EQ(b["parties"][1]["agent"], "hardliner");
  EXPECT_EQ(b["parties"][0]["agent"], "boulware");
  EXPECT_NE(a["tracks"], b["tracks"]);
  // The same override and seed give the same bytes.
  EXPECT_EQ(run_parley("run " + kIstanbul +
                       " --seed 2 --format json --agent UA=hardliner --agent RU=boulware:e=0.05")
                .out,
            changed.out);
  EXPECT_NE(run_parley("run --help").out.find("--agent RU=hardliner"), std::string::npos);
}

TEST(Cli, BadAgentOptionIsBadInputListingWhatIsValid) {
  struct Case {
    std::string option, expect;
  };
  for (const Case& c :
       {Case{"XX=boulware", "known: RU, UA"}, Case{"UA=bolware", "did you mean \"boulware\""},
        Case{"UA=boulware:k=1", "e in [0, 1]"}, Case{"UA=boulware:e=2", "found 2"},
        Case{"UA=rubinstein", "complete information"}, Case{"UA", "ID=MODEL[:param=value,...]"}}) {
    const CommandResult r = run_parley("run " + kIstanbul + " --agent '" + c.option + "'", true);
    EXPECT_EQ(r.status, 2) << c.option;
    EXPECT_NE(r.out.find("--agent: error: expected"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(c.expect), std::string::npos) << c.option << ": " << r.out;
  }
  // A model the scenario cannot hold (two issues on the track) names the reason.
  const CommandResult linear =
      run_parley("run scenarios/textbook/zeuthen-nash.json --agent A=rubinstein", true);
  EXPECT_EQ(linear.status, 2) << linear.out;
  EXPECT_NE(linear.out.find("single share issue"), std::string::npos) << linear.out;
}

TEST(Cli, JsonReportHasTheDocumentedShape) {
  const CommandResult r = run_parley("run " + kIstanbul + " --seed 3 --format json");
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["report"], "parley-run");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["seed"], 3);
  ASSERT_TRUE(j["tracks"].is_array());
  ASSERT_FALSE(j["tracks"].empty());
  for (const auto& track : j["tracks"]) {
    for (const char* key : {"id", "label", "status", "agreed", "round", "date", "proposer",
                            "walked_away", "terms", "utility", "payoff"})
      EXPECT_TRUE(track.contains(key)) << key;
    if (track["agreed"]) {
      for (const auto& [issue, term] : track["terms"].items()) {
        EXPECT_TRUE(term["value"].is_number()) << issue;
        EXPECT_TRUE(term["text"].is_string()) << issue;
      }
    }
  }
  for (const auto& party : j["parties"])
    for (const char* key : {"id", "name", "agent", "utility", "costs"})
      EXPECT_TRUE(party.contains(key)) << key;
}

TEST(Cli, SameSeedSameBytes) {
  const CommandResult a = run_parley("run " + kIstanbul + " --seed 11 --format json");
  const CommandResult b = run_parley("run " + kIstanbul + " --seed 11 --format json");
  ASSERT_EQ(a.status, 0);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(run_parley("run " + kIstanbul + " --seed 11").out,
            run_parley("run " + kIstanbul + " --seed 11").out);
}

TEST(Cli, RunSetsTheOutcomeBesideHistory) {
  const std::string history = "tests/data/history/two-tracks.json";
  // Seed 1 agrees the humanitarian track a round before history did; seed 28 breaks it down.
  const CommandResult text = run_parley("run " + history + " --seed 1");
  ASSERT_EQ(text.status, 0);
  for (const char* expected :
       {"History: what really happened, beside this run", "humanitarian  agreed 2025-06-12",
        "1 exchange earlier", "Pattern of agreements: as in history"})
    EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;
  const CommandResult other = run_parley("run " + history + " --seed 28");
  EXPECT_NE(other.out.find("not agreed: breakdown"), std::string::npos) << other.out;
  EXPECT_NE(other.out.find("Pattern of agreements: differs (1 of 2 tracks as in history)"),
            std::string::npos)
      << other.out;

  const CommandResult json = run_parley("run " + history + " --seed 1 --format json");
  ASSERT_EQ(json.status, 0);
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_TRUE(j.contains("history"));
  const auto& h = j["history"];
  for (const char* key : {"summary", "end", "source", "tracks", "pattern_match", "order_match",
                          "last_agreed", "last_match", "facts"})
    EXPECT_TRUE(h.contains(key)) << key;
  ASSERT_EQ(h["tracks"].size(), 2u);
  for (const auto& track : h["tracks"])
    for (const char* key : {"id", "label", "historical", "simulated", "status_match",
                            "round_difference", "terms", "terms_compared", "terms_matched"})
      EXPECT_TRUE(track.contains(key)) << key;
  // The comparison agrees with the run's own tracks.
  EXPECT_EQ(h["tracks"][0]["simulated"]["round"], j["tracks"][0]["round"]);
  EXPECT_EQ(h["tracks"][0]["round_difference"], j["tracks"][0]["round"].get<int>() - 3);
  EXPECT_EQ(h["tracks"][0]["terms"][1]["simulated"]["value"],
            j["tracks"][0]["terms"]["pows"]["value"]);
  // A scenario without a history block has neither the key nor the section.
  const CommandResult plain = run_parley("run scenarios/textbook/rubinstein-0.9-0.9.json");
  EXPECT_EQ(plain.out.find("History"), std::string::npos);
  const auto pj = nlohmann::json::parse(
      run_parley("run scenarios/textbook/rubinstein-0.9-0.9.json --format json").out);
  EXPECT_FALSE(pj.contains("history"));
}

TEST(Cli, TraceHasOneJsonLinePerMoveAndEndsTheRun) {
  const fs::path dir = temp_dir("trace");
  const fs::path trace = dir / "t.jsonl";
  ASSERT_EQ(run_parley("run " + kIstanbul + " --seed 2 --trace '" + trace.string() + "'").status,
            0);
  std::istringstream lines(read_file(trace.string()));
  std::string line;
  int moves = 0;
  int closed = 0;
  nlohmann::json last;
  while (std::getline(lines, line)) {
    last = nlohmann::json::parse(line);
    if (last["event"] == "move") {
      ++moves;
      EXPECT_TRUE(last.contains("date"));
      EXPECT_TRUE(last.contains("action"));
    }
    if (last["event"] == "track-closed") ++closed;
  }
  EXPECT_GT(moves, 0);
  EXPECT_EQ(closed, 2);
  EXPECT_EQ(last["event"], "run-end");
  EXPECT_FALSE(fs::exists(trace.string() + ".partial"));
  fs::remove_all(dir);
}

TEST(Cli, BadInputLeavesNoTraceBehind) {
  const fs::path dir = temp_dir("notrace");
  const fs::path trace = dir / "t.jsonl";
  EXPECT_EQ(run_parley("run no/such/file.json --trace '" + trace.string() + "'").status, 2);
  EXPECT_FALSE(fs::exists(trace));
  EXPECT_FALSE(fs::exists(trace.string() + ".partial"));
  fs::remove_all(dir);
}

TEST(Cli, AgentsListsEveryModelWithItsParameters) {
  const CommandResult r = run_parley("agents --format json");
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  std::set<std::string> names;
  for (const auto& m : j) {
    names.insert(m["name"]);
    for (const auto& p : m["params"]) EXPECT_LE(p["min"].get<double>(), p["max"].get<double>());
  }
  for (const char* model :
       {"time-dependent", "boulware", "linear", "conceder", "hardliner", "tit-for-tat",
        "rubinstein", "zeuthen", "random", "bayesian", "war-equilibrium"})
    EXPECT_TRUE(names.count(model)) << model;
}

TEST(Cli, SchemaIsTheShippedFile) {
  const CommandResult r = run_parley("schema");
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out),
            nlohmann::json::parse(
                read_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/scenario.schema.json")));
}

TEST(Cli, ValidateAcceptsEveryShippedScenario) {
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(PARLEY_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "scenario.schema.json")
      continue;
    const CommandResult r = run_parley("validate '" + entry.path().string() + "'", true);
    EXPECT_EQ(r.status, 0) << r.out;
  }
}

// A trace to a special file goes straight into it: the device stays a device, and a full one is
// exit status 1 with the file and the reason.
TEST(Cli, TracesToDevicesAreWrittenInPlaceAndAFullDeviceFails) {
  const CommandResult null = run_parley("run " + kIstanbul + " --trace /dev/null");
  EXPECT_EQ(null.status, 0);
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  const CommandResult full = run_parley("run " + kIstanbul + " --trace /dev/full", true);
  EXPECT_EQ(full.status, 1);
  EXPECT_NE(full.out.find("parley: error: cannot write /dev/full: No space left on device"),
            std::string::npos)
      << full.out;
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
  // /dev/stdout: the trace lines come out on the command's own output.
  const CommandResult out = run_parley("run " + kIstanbul + " --format json --trace /dev/stdout");
  EXPECT_EQ(out.status, 0);
  EXPECT_NE(out.out.find("{\"event\":\"move\""), std::string::npos);
}

}  // namespace
}  // namespace parley::testing
