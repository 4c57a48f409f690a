// parley report and parley summary --format html as a user meets them, and the report's numbers
// read back from the page against summary.json.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "analysis/charts/report_page.hpp"
#include "cli_test_support.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley-report-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

bool vega_installed() {
  const char* env = std::getenv("PARLEY_VEGA_DIR");
  return fs::exists(std::string(env ? env : "/usr/share/javascript/vega") + "/vega-util.min.js");
}

const nlohmann::ordered_json* spec_titled(const std::vector<nlohmann::ordered_json>& specs,
                                          const std::string& title) {
  for (const auto& s : specs)
    if (s["title"]["text"] == title) return &s;
  return nullptr;
}

const nlohmann::ordered_json& data(const nlohmann::ordered_json& spec, const std::string& name) {
  for (const auto& d : spec["data"])
    if (d["name"] == name) return d["values"];
  throw std::runtime_error("no data " + name);
}

TEST(ReportCommand, TheSweepReportsNumbersAreSummaryJsons) {
  if (!vega_installed()) GTEST_SKIP() << "libjs-vega is not installed (scripts/install-deps.sh)";
  const fs::path dir = temp_dir("sweep");
  const std::string sweep = (dir / "sweep").string();
  ASSERT_EQ(
      run_parley("sweep scenarios/istanbul-2025.json --runs 3000 --seed 3 --out " + sweep).status,
      0);
  const std::string out = (dir / "sweep.html").string();
  ASSERT_EQ(run_parley("report " + sweep + " --out " + out).status, 0);
  const auto summary = nlohmann::json::parse(read_file(sweep + "/summary.json"));
  const auto specs = embedded_specs(read_file(out));
  ASSERT_FALSE(specs.empty());

  // Agreement per track: estimate and Wilson interval, bar by bar.
  const auto* agree = spec_titled(specs, "Agreement per track");
  ASSERT_NE(agree, nullptr);
  const auto& bars = data(*agree, "bars");
  ASSERT_EQ(bars.size(), summary["tracks"].size());
  for (std::size_t t = 0; t < bars.size(); ++t) {
    const auto& a = summary["tracks"][t]["agreement"];
    EXPECT_EQ(bars[t]["value"].get<double>(), a["estimate"].get<double>());
    EXPECT_EQ(bars[t]["lower"].get<double>(), a["wilson95"][0].get<double>());
    EXPECT_EQ(bars[t]["upper"].get<double>(), a["wilson95"][1].get<double>());
  }
  // Survival: every Kaplan–Meier step of every track, in order.
  const auto* survival = spec_titled(specs, "Time to agreement");
  ASSERT_NE(survival, nullptr);
  const auto& curve = data(*survival, "lines");
  std::size_t i = 0;
  for (const auto& t : summary["tracks"]) {
    if (t["round_of_agreement"]["survival"]["steps"].empty()) continue;
    ++i;  // the curve's start at S = 1
    for (const auto& step : t["round_of_agreement"]["survival"]["steps"]) {
      ASSERT_LT(i, curve.size());
      EXPECT_EQ(curve[i]["x"].get<double>(), step["round"].get<double>());
      EXPECT_EQ(curve[i]["y"].get<double>(), step["survival"].get<double>());
      ++i;
    }
  }
  EXPECT_EQ(i, curve.size());
  // Utility histograms keep every run.
  for (const auto& p : summary["parties"]) {
    const auto* h = spec_titled(specs, p["name"].get<std::string>() + ": utility");
    ASSERT_NE(h, nullptr) << p["name"];
    double runs = 0;
    for (const auto& b : data(*h, "bins")) runs += b["count"].get<double>();
    const auto& hist = p["utility"]["histogram"];
    EXPECT_EQ(runs + hist["underflow"].get<double>() + hist["overflow"].get<double>(),
              summary["runs"]["completed"].get<double>());
  }
  // History matched: the pattern share.
  const auto* history = spec_titled(specs, "As in history");
  ASSERT_NE(history, nullptr);
  EXPECT_EQ(data(*history, "bars")[0]["value"].get<double>(),
            summary["history"]["pattern_match"]["estimate"].get<double>());

  // parley summary --format html writes the same page.
  const std::string alias = (dir / "alias.html").string();
  ASSERT_EQ(run_parley("summary " + sweep + " --format html --out " + alias).status, 0);
  EXPECT_EQ(read_file(alias), read_file(out));
  fs::remove_all(dir);
}

TEST(ReportCommand, TheAnalystsGridIsDrawnCellByCellFromSummaryJson) {
  if (!vega_installed()) GTEST_SKIP() << "libjs-vega is not installed (scripts/install-deps.sh)";
  const fs::path dir = temp_dir("grid");
  const std::string sweep = (dir / "ceasefire").string();
  ASSERT_EQ(run_parley("sweep scenarios/istanbul-2025.json --only-vary --design grid --runs 2500 "
                       "--vary '/world/battlefield/win_probability=discrete(0.3, 0.4, 0.5, 0.6, "
                       "0.7)' --vary '/world/parties/RU/costs/casualties/utility_per_unit="
                       "discrete(1.3e-7, 2.6e-7, 5.2e-7, 1.04e-6, 2.08e-6)' --out " +
                       sweep)
                .status,
            0);
  const std::string out = (dir / "grid.html").string();
  ASSERT_EQ(run_parley("report " + sweep + " --out " + out).status, 0);
  const auto summary = nlohmann::json::parse(read_file(sweep + "/summary.json"));
  const auto specs = embedded_specs(read_file(out));
  std::string label;
  for (const auto& o : summary["grid"]["outcomes"])
    if (o["key"] == "ceasefire") label = o["label"].get<std::string>();
  ASSERT_FALSE(label.empty());
  const auto* heat = spec_titled(specs, "By cell: " + label);
  ASSERT_NE(heat, nullptr);
  const auto& cells = data(*heat, "cells");
  ASSERT_EQ(cells.size(), summary["grid"]["cells"].size());
  for (std::size_t i = 0; i < cells.size(); ++i)
    EXPECT_EQ(cells[i]["value"].get<double>(),
              summary["grid"]["cells"][i]["outcomes"]["ceasefire"]["mean"].get<double>());
  fs::remove_all(dir);
}

TEST(ReportCommand, ARunReportNeedsItsScenarioAndWritesNothingOnError) {
  if (!vega_installed()) GTEST_SKIP() << "libjs-vega is not installed (scripts/install-deps.sh)";
  const fs::path dir = temp_dir("run");
  const std::string out = (dir / "run.html").string();
  const CommandResult missing =
      run_parley("report tests/golden/istanbul-2025.jsonl --out " + out, true);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.out.find("--scenario"), std::string::npos) << missing.out;
  EXPECT_FALSE(fs::exists(out));
  const CommandResult wrong = run_parley(
      "report tests/golden/istanbul-2025.jsonl --scenario scenarios/textbook/zeuthen-nash.json "
      "--out " +
          out,
      true);
  EXPECT_EQ(wrong.status, 2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
  const CommandResult ok = run_parley(
      "report tests/golden/istanbul-2025.jsonl --scenario scenarios/istanbul-2025.json --out " +
          out,
      true);
  EXPECT_EQ(ok.status, 0) << ok.out;
  const auto specs = embedded_specs(read_file(out));
  EXPECT_NE(spec_titled(specs, "Timeline of the talks"), nullptr);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley::testing
