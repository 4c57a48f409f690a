#include "analysis/report/sweep_pictures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace parley {
namespace {

nlohmann::json small_summary() {
  return nlohmann::json::parse(R"({
    "parley_summary": 1, "partial": false, "runs": {"planned": 10, "completed": 10},
    "sweep": {"scenario": {"name": "Test", "file": "t.json"}, "seed": 1, "design": "random"},
    "tracks": [{"id": "t", "label": "Track", "runs": 10,
      "agreement": {"successes": 4, "trials": 10, "estimate": 0.4, "wilson95": [0.17, 0.69]},
      "closing": {"agreed": {"count": 4, "share": 0.4, "wilson95": [0.17, 0.69]},
                  "deadline": {"count": 6, "share": 0.6, "wilson95": [0.31, 0.83]}},
      "round_of_agreement": {"survival": {"steps": [
        {"round": 2, "survival": 0.8, "events": 2}, {"round": 5, "survival": 0.6, "events": 2}]}},
      "terms": [{"issue": "i", "label": "Issue", "kind": "options", "agreements": 4,
        "frequencies": [{"level": "yes", "count": 3, "share": 0.75, "wilson95": [0.3, 0.95]},
                        {"level": "no", "count": 1, "share": 0.25, "wilson95": [0.05, 0.7]}]}]}],
    "parties": [{"id": "A", "name": "Alpha",
      "utility": {"mean": 0.5, "quantiles": {"p05": 0.1, "p95": 0.9},
                  "histogram": {"lower": 0, "upper": 1, "counts": [0, 5, 5, 0]}}}]
  })");
}

TEST(SweepPictures, DrawsEachBlockFromTheSummary) {
  const ReportPage page = sweep_pictures(small_summary());
  ASSERT_GE(page.sections.size(), 4u);
  const auto& agree = page.sections[0].charts[0];
  const auto& bar = chart_data(agree.spec, "bars")->at(0);
  EXPECT_DOUBLE_EQ(bar["value"].get<double>(), 0.4);
  EXPECT_DOUBLE_EQ(bar["lower"].get<double>(), 0.17);
  EXPECT_EQ(bar["text"], "40% [17%, 69%]");
  const auto& curve = *chart_data(page.sections[1].charts[0].spec, "lines");
  ASSERT_EQ(curve.size(), 3u);  // S = 1 before the first agreement, then each step
  EXPECT_DOUBLE_EQ(curve[2]["y"].get<double>(), 0.6);
  // The histogram is trimmed to its occupied bins and keeps every run.
  const ReportSection& parties = page.sections[3];
  const auto& bins = *chart_data(parties.charts[0].spec, "bins");
  ASSERT_EQ(bins.size(), 2u);
  EXPECT_DOUBLE_EQ(bins[0]["lower"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(bins[0]["count"].get<double>() + bins[1]["count"].get<double>(), 10.0);
}

TEST(SweepPictures, AGridOverTwoParametersIsDrawnCellByCellWithPartialDependenceAndTornado) {
  nlohmann::json s = small_summary();
  s["grid"] = nlohmann::json::parse(R"({"parameters": ["/a", "/b"],
    "outcomes": [{"key": "ceasefire", "label": "ceasefire", "unit": "share of runs"}],
    "cells": [{"levels": [0.3, 1e-7], "runs": 4, "outcomes": {"ceasefire": {"mean": 0.25}}},
              {"levels": [0.3, 2e-7], "runs": 4, "outcomes": {"ceasefire": {"mean": 0.75}}}]})");
  s["drivers"] = nlohmann::json::parse(R"([{"outcome": "ceasefire", "key": "ceasefire",
    "label": "ceasefire", "unit": "share of runs", "parameters": [{"pointer": "/a", "sobol": 0.5}],
    "partial_dependence": [{"pointer": "/a", "bins": [
      {"x": 0.3, "runs": 4, "mean": 0.25, "ci95": [0.1, 0.5]},
      {"x": 0.7, "runs": 4, "mean": 0.5, "ci95": [0.3, 0.7]}]}],
    "tornado": [{"pointer": "/a", "low": {"x": 0.3, "mean": 0.25}, "high": {"x": 0.7, "mean": 0.5}}]}])");
  const ReportPage page = sweep_pictures(s);
  const Chart* grid = nullptr;
  const Chart* pd = nullptr;
  const Chart* tornado = nullptr;
  for (const auto& section : page.sections)
    for (const auto& c : section.charts) {
      if (c.title == "By cell: ceasefire") grid = &c;
      if (c.title == "Along /a") pd = &c;
      if (c.title == "Tornado: ceasefire") tornado = &c;
    }
  ASSERT_NE(grid, nullptr);
  const auto& cells = *chart_data(grid->spec, "cells");
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[1]["x"], "2e-07");
  EXPECT_EQ(cells[1]["y"], "0.3");
  EXPECT_DOUBLE_EQ(cells[1]["value"].get<double>(), 0.75);
  ASSERT_NE(pd, nullptr);
  EXPECT_EQ(chart_data(pd->spec, "lines")->size(), 2u);
  EXPECT_DOUBLE_EQ(chart_data(pd->spec, "error_bars")->at(1)["upper"].get<double>(), 0.7);
  ASSERT_NE(tornado, nullptr);
  const auto& bar = chart_data(tornado->spec, "bars")->at(0);
  EXPECT_DOUBLE_EQ(bar["lower"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(bar["upper"].get<double>(), 0.5);
}

TEST(SweepPictures, ImplementationIsDrawnPerItemAndSide) {
  nlohmann::json s = small_summary();
  s["implementation"] = nlohmann::json::parse(R"([{"id": "bodies", "label": "Bodies returned",
    "track": "t", "issue": null, "runs": 10,
    "signed": {"count": 8, "share": 0.8, "wilson95": [0.49, 0.94]},
    "carried_out": {"count": 6, "share": 0.6, "wilson95": [0.31, 0.83]},
    "parties": [{"party": "A", "share_carried_out": {"count": 8, "mean": 1, "sd": 0}},
                {"party": "B", "share_carried_out": {"count": 8, "mean": 0.25, "sd": 0.4}}]}])");
  const ReportPage page = sweep_pictures(s);
  const ReportSection* section = nullptr;
  for (const ReportSection& candidate : page.sections)
    if (candidate.heading == "Implementation") section = &candidate;
  ASSERT_NE(section, nullptr);
  ASSERT_EQ(section->charts.size(), 2u);
  const auto& stages = *chart_data(section->charts[0].spec, "bars");
  ASSERT_EQ(stages.size(), 2u);
  EXPECT_EQ(stages[0]["label"], "Bodies returned: signed");
  EXPECT_DOUBLE_EQ(stages[1]["value"].get<double>(), 0.6);
  const auto& sides = *chart_data(section->charts[1].spec, "bars");
  ASSERT_EQ(sides.size(), 2u);
  EXPECT_EQ(sides[1]["label"], "Bodies returned: B");
  EXPECT_DOUBLE_EQ(sides[1]["value"].get<double>(), 0.25);
  // mean ± 1.96 sd / sqrt(n), kept inside [0, 1]
  EXPECT_NEAR(sides[1]["upper"].get<double>(), 0.25 + 1.96 * 0.4 / std::sqrt(8.0), 1e-12);
  EXPECT_DOUBLE_EQ(sides[1]["lower"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(sides[0]["upper"].get<double>(), 1.0);
  EXPECT_EQ(sides[0]["text"], "100% [100%, 100%]");
  // Without an implementation block, no section.
  for (const ReportSection& candidate : sweep_pictures(small_summary()).sections)
    EXPECT_NE(candidate.heading, "Implementation");
}

TEST(SweepPictures, RefusesWhatIsNotASummary) {
  EXPECT_THROW(sweep_pictures(nlohmann::json::object()), std::invalid_argument);
}

}  // namespace
}  // namespace parley
