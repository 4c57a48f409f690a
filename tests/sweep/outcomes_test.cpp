// The outcomes a sweep explains (sweep/outcomes.hpp): a layout with a war and an
// implementation item lists the war's end, each cost a party bears and each side's share of
// the item, with keys by id, and reads each from a run's result.
#include "sweep/outcomes.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

SweepLayout war_layout() {
  SweepLayout l;
  l.tracks.push_back({"political", "Political settlement", {}});
  l.parties.push_back({"RU", "Russia", 0.0, 1.0});
  l.parties.push_back({"UA", "Ukraine", 0.0, 1.0});
  l.war.battlefield = true;
  l.war.up = 0;
  l.war.down = 1;
  l.war.kinds = {{"casualties", "Casualties", "people"}, {"money", "Money", "$bn"}};
  l.war.costs = {{0, 0, 1e6}, {1, 0, 1e6}, {1, 1, 100}};  // RU bears no money cost
  l.implementation.push_back({"bodies", "Bodies", "political", ""});
  return l;
}

TEST(OutcomeList, TheWholeOutcomeIsListedByIds) {
  const SweepLayout l = war_layout();
  std::vector<std::string> keys;
  for (const OutcomeDef& o : sweep_outcomes(l)) keys.push_back(outcome_key(o, l));
  const std::vector<std::string> expected{"agreement.political",
                                          "round_of_agreement.political",
                                          "utility.RU",
                                          "utility.UA",
                                          "ceasefire",
                                          "victory.RU",
                                          "victory.UA",
                                          "still_fighting",
                                          "war_end_round",
                                          "war_cost.RU.casualties",
                                          "war_cost.UA.casualties",
                                          "war_cost.UA.money",
                                          "implemented.bodies.RU",
                                          "implemented.bodies.UA"};
  EXPECT_EQ(keys, expected);
  const auto outcomes = sweep_outcomes(l);
  EXPECT_EQ(outcome_unit(outcomes[11], l), "$bn");
  EXPECT_EQ(outcome_label(outcomes[9], l), "RU's Casualties");
  EXPECT_TRUE(outcomes[4].binary());
  EXPECT_FALSE(outcomes[8].binary());
  const auto j = outcome_json(outcomes[13], l);
  EXPECT_EQ(j["item"], "bodies");
  EXPECT_EQ(j["party"], "UA");
}

TEST(OutcomeList, ValuesComeFromTheRunAndAreUndefinedWhereTheyDoNotApply) {
  const SweepLayout l = war_layout();
  const auto outcomes = sweep_outcomes(l);
  RunResult r;
  r.tracks.resize(1);
  r.tracks[0].status = TrackStatus::Deadline;
  r.parties.resize(2);
  r.parties[0].war_costs = {5000, 0};
  r.parties[1].war_costs = {3000, 2.5};
  r.world.present = true;
  r.world.victor = 1;
  r.world.end_round = 17;
  r.implementation.push_back({0, false, -1, 0.0, false, -1, {0.0, 0.0}});
  double y = -1;
  EXPECT_TRUE(outcome_value(outcomes[0], l, r, y));
  EXPECT_EQ(y, 0.0);
  EXPECT_FALSE(outcome_value(outcomes[1], l, r, y));  // no agreement, no round of it
  EXPECT_TRUE(outcome_value(outcomes[4], l, r, y));
  EXPECT_EQ(y, 0.0);  // no ceasefire
  EXPECT_TRUE(outcome_value(outcomes[6], l, r, y));
  EXPECT_EQ(y, 1.0);  // UA won
  EXPECT_TRUE(outcome_value(outcomes[7], l, r, y));
  EXPECT_EQ(y, 0.0);
  EXPECT_TRUE(outcome_value(outcomes[8], l, r, y));
  EXPECT_EQ(y, 17.0);
  EXPECT_TRUE(outcome_value(outcomes[11], l, r, y));
  EXPECT_EQ(y, 2.5);
  EXPECT_FALSE(outcome_value(outcomes[12], l, r, y));  // not signed
  r.implementation[0] = {0, true, 3, 0.0, true, 5, {1.0, 0.25}};
  EXPECT_TRUE(outcome_value(outcomes[13], l, r, y));
  EXPECT_EQ(y, 0.25);
}

TEST(OutcomeList, OutcomesWithTheSameRunKeyAreDefinedOnTheSameRuns) {
  // The statistics share sums between outcomes with equal outcome_runs keys: check the key
  // against outcome_value over runs that agree or not, end the war or not, sign or not.
  const SweepLayout l = war_layout();
  const auto outcomes = sweep_outcomes(l);
  for (int variant = 0; variant < 8; ++variant) {
    RunResult r;
    r.tracks.resize(1);
    r.tracks[0].status = (variant & 1) ? TrackStatus::Agreed : TrackStatus::Breakdown;
    r.tracks[0].round = 3;
    r.parties.resize(2);
    r.parties[0].war_costs = {1, 0};
    r.parties[1].war_costs = {2, 1};
    r.world.present = true;
    r.world.end_round = (variant & 2) ? 9 : -1;
    r.implementation.push_back({0, (variant & 4) != 0, 3, 0.0, false, -1, {0.5, 0.5}});
    for (std::size_t a = 0; a < outcomes.size(); ++a) {
      for (std::size_t b = 0; b < outcomes.size(); ++b) {
        if (outcome_runs(outcomes[a]) != outcome_runs(outcomes[b])) continue;
        double y = 0;
        EXPECT_EQ(outcome_value(outcomes[a], l, r, y), outcome_value(outcomes[b], l, r, y))
            << a << " " << b << " variant " << variant;
      }
    }
  }
  EXPECT_NE(outcome_runs(outcomes[0]), outcome_runs(outcomes[1]));  // every run; agreed runs
}

}  // namespace
}  // namespace parley
