// The JSON report of `parley run` and the trace's run-end line describe the war's end and the
// implementation of what was signed with the same writer (analysis/report/world_json.hpp): the two
// must carry the same objects, field for field (docs/output.md).
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

TEST(WorldReport, ReportAndTraceAgreeOnTheWarAndTheImplementation) {
  // A world scenario with a battlefield and one implementation item (the bodies).
  const std::string scenario = "tests/data/mediation/single-text.json";
  const fs::path trace =
      fs::temp_directory_path() / ("parley-world-report-" + std::to_string(getpid()) + ".jsonl");
  const CommandResult r =
      run_parley("run " + scenario + " --seed 5 --format json --trace " + trace.string());
  ASSERT_EQ(r.status, 0);
  const auto report = nlohmann::json::parse(r.out);
  std::istringstream lines(read_file(trace.string()));
  fs::remove(trace);
  nlohmann::json end;
  for (std::string line; std::getline(lines, line);) {
    auto e = nlohmann::json::parse(line);
    if (e["event"] == "run-end") end = std::move(e);
  }
  ASSERT_FALSE(end.is_null()) << "no run-end line";
  ASSERT_TRUE(report.contains("war"));
  EXPECT_EQ(end["war"], report["war"]);
  ASSERT_TRUE(report.contains("implementation"));
  EXPECT_EQ(end["implementation"], report["implementation"]);
  const auto& item = report["implementation"][0];
  for (const char* field : {"id", "track", "issue", "signed", "signed_round", "terms",
                            "carried_out", "carried_out_round", "fraction"})
    EXPECT_TRUE(item.contains(field)) << field;
  EXPECT_EQ(item["issue"], "pows");
}

}  // namespace
}  // namespace parley::testing
