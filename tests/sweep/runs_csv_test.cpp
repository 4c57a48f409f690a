// The runs CSV (sweep/runs_csv.hpp): parameter columns named by party id, options by label,
// the war's columns, and a columns file that describes every column of the header.
#include "sweep/runs_csv.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace parley {
namespace {

SweepLayout layout() {
  SweepLayout l;
  SweepLayout::IssueInfo form;
  form.id = "form";
  form.label = "Form of exchange";
  form.kind = IssueKind::Options;
  form.level_names = {"all for all", "1000 for 1000"};
  form.level_values = {0, 1};
  l.tracks.push_back({"exchange", "Exchange", {form}});
  l.parties.push_back({"RU", "Russia", 0.0, 1.0});
  l.parties.push_back({"UA", "Ukraine", 0.0, 1.0});
  Distribution d;
  d.kind = DistributionKind::Uniform;
  d.min = 0.9;
  d.max = 1.0;
  l.parameters.push_back({"/parties/1/preferences/discount", d, true, 10});
  l.war.battlefield = true;
  l.war.up = 0;
  l.war.down = 1;
  l.war.kinds = {{"casualties", "Casualties", "people"}};
  l.war.costs = {{1, 0, 1e6}};
  return l;
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string f;
  while (std::getline(in, f, ',')) out.push_back(f);
  return out;
}

TEST(RunsCsv, ColumnsAreNamedByIdsAndDescribed) {
  const SweepLayout l = layout();
  EXPECT_EQ(parameter_column(l, "/parties/1/preferences/discount"),
            "/parties/UA/preferences/discount");
  EXPECT_EQ(parameter_column(l, "/protocol/deadline_rounds"), "/protocol/deadline_rounds");
  EXPECT_EQ(parameter_column(l, "/parties/7/preferences/discount"),
            "/parties/7/preferences/discount");
  const std::string header = runs_csv_header(l);
  EXPECT_EQ(header,
            "run,/parties/UA/preferences/discount,exchange.status,exchange.round,exchange.form,"
            "RU.utility,RU.costs,UA.utility,UA.costs,war.end,war.end_round,"
            "UA.war_cost.casualties\n");
  // The columns file: one line per header column, in order, with its unit.
  std::istringstream columns(runs_csv_columns(l));
  std::string line;
  std::getline(columns, line);
  EXPECT_EQ(line, "column,meaning,unit");
  std::vector<std::string> names;
  while (std::getline(columns, line)) {
    names.push_back(fields(line).front());
    if (names.back() == "UA.war_cost.casualties") {
      EXPECT_EQ(fields(line).back(), "people");
    }
  }
  EXPECT_EQ(names, fields(header.substr(0, header.size() - 1)));
  EXPECT_EQ(runs_csv_columns_path("out/runs.csv"), "out/runs.columns.csv");
  EXPECT_EQ(runs_csv_columns_path("runs.txt"), "runs.txt.columns.csv");
}

TEST(RunsCsv, RowsGiveOptionsByLabelAndTheWarsEnd) {
  const SweepLayout l = layout();
  RunResult r;
  r.tracks.resize(1);
  r.tracks[0].status = TrackStatus::Agreed;
  r.tracks[0].round = 4;
  r.tracks[0].deal.values = {1.0};
  r.parties.resize(2);
  r.parties[0].utility = 0.5;
  r.parties[1].utility = 0.25;
  r.parties[0].war_costs = {10};
  r.parties[1].war_costs = {1234.5};
  r.world.present = true;
  r.world.ceasefire = true;
  r.world.end_round = 4;
  const double drawn[] = {0.95};
  std::string row;
  append_runs_csv_row(row, l, 7, drawn, r);
  EXPECT_EQ(row, "7,0.95,agreed,4,1000 for 1000,0.5,0,0.25,0,ceasefire,4,1234.5\n");
  r.world.ceasefire = false;
  r.world.victor = 0;
  r.world.end_round = 9;
  row.clear();
  append_runs_csv_row(row, l, 8, drawn, r);
  EXPECT_NE(row.find(",victory RU,9,"), std::string::npos) << row;
}

// What a killed sweep leaves: the committed file of an earlier stop and the partial file of
// the kill, overlapping and cut mid-row; a quoted label may hold a line break.
TEST(RunsCsv, KeptRowsAreTheCompleteRowsOfFinishedRunsOnceInRunOrder) {
  const std::string committed = "run,x,label\n0,1,a\n1,2,\"two\nlines\"\n";
  const std::string partial = "run,x,label\n0,1,a\n1,2,\"two\nlines\"\n2,3,c\n3,4,d\n4,5,e\n5,6";
  const auto keep = [](std::uint64_t run) { return run != 3; };
  EXPECT_EQ(runs_csv_kept_rows({partial, committed}, keep),
            "0,1,a\n1,2,\"two\nlines\"\n2,3,c\n4,5,e\n");
  EXPECT_EQ(runs_csv_kept_rows({committed}, [](std::uint64_t) { return false; }), "");
  EXPECT_EQ(runs_csv_kept_rows({"run,x\n"}, keep), "");
}

}  // namespace
}  // namespace parley
