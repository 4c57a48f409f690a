// A mediator's single text as users meet it: agreed texts have no proposing party, in the
// text report, the JSON report and the trace (docs/mediation.md); the agenda and the
// ultimatum fire as world events on their rounds.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_test_support.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;
const std::string kScenario = "tests/data/mediation/single-text.json";

// The first seed from 1 on whose run ends with a track agreed on the mediator's text.
int seed_with_a_mediated_agreement() {
  for (int seed = 1; seed <= 50; ++seed) {
    const CommandResult r =
        run_parley("run " + kScenario + " --format json --seed " + std::to_string(seed));
    if (r.status != 0) return -1;
    const auto report = nlohmann::json::parse(r.out);
    for (const auto& track : report["tracks"])
      if (track["status"] == "agreed") return seed;
  }
  return -1;
}

TEST(MediationCli, AnAgreedSingleTextIsTheMediatorsNotAPartys) {
  const int seed = seed_with_a_mediated_agreement();
  ASSERT_GT(seed, 0) << "no seed in 1..50 reaches agreement on the mediator's text";
  const std::string args = "run " + kScenario + " --seed " + std::to_string(seed);

  const CommandResult text = run_parley(args);
  ASSERT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("the mediator's single text"), std::string::npos) << text.out;

  const CommandResult json = run_parley(args + " --format json");
  ASSERT_EQ(json.status, 0);
  const auto report = nlohmann::json::parse(json.out);
  for (const auto& track : report["tracks"]) {
    if (track["status"] == "agreed") {
      EXPECT_TRUE(track["proposer"].is_null()) << track.dump();
    }
  }
}

TEST(MediationCli, TheTraceShowsTextsVetoesAndTheMediationEvents) {
  const fs::path trace =
      fs::temp_directory_path() / ("parley-mediation-" + std::to_string(getpid()) + ".jsonl");
  const CommandResult r = run_parley("run " + kScenario + " --seed 3 --trace " + trace.string());
  ASSERT_EQ(r.status, 0);
  std::istringstream lines(read_file(trace.string()));
  fs::remove(trace);
  int texts = 0, vetoes = 0;
  int agenda_round = -1, ultimatum_round = -1;
  for (std::string line; std::getline(lines, line);) {
    const auto e = nlohmann::json::parse(line);
    if (e["event"] == "move" && e["action"] == "offer") {
      EXPECT_TRUE(e["party"].is_null()) << "only the mediator proposes: " << line;
      ++texts;
    }
    if (e["event"] == "move" && e["action"] == "reject") ++vetoes;
    if (e["event"] == "world-event" && e["id"] == "agenda-political") agenda_round = e["round"];
    if (e["event"] == "world-event" && e["id"] == "ultimatum-1") ultimatum_round = e["round"];
  }
  EXPECT_GT(texts, 0);
  EXPECT_GT(vetoes, 0);
  EXPECT_EQ(agenda_round, 5);     // "opens": 5
  EXPECT_EQ(ultimatum_round, 8);  // "deadline": 8, political not agreed by then
}

}  // namespace
}  // namespace parley::testing
