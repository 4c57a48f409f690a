#include "engine/load/deal_text.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

ScenarioPtr korea() {
  return load_scenario(std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json",
                       builtin_agents());
}

std::string error_of(const std::vector<std::string>& text) {
  try {
    parse_deal(*korea(), text, "DEAL");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(DealText, ReadsOptionsByTextPrefixPartAndIndex) {
  const auto s = korea();
  const auto deals =
      parse_deal(*s, {"repatriation=neutral", "line=LINE OF CONTACT AT SIGNATURE"}, "DEAL");
  ASSERT_EQ(deals.size(), 1u);
  const Deal& d = deals.at(s->track_index("armistice"));
  EXPECT_EQ(d.size, 2);
  EXPECT_EQ(d.values[0], 1.0);
  EXPECT_EQ(d.values[1], 1.0);
  const auto by_index = parse_deal(*s, {"repatriation=2", "line=0"}, "DEAL");
  EXPECT_EQ(by_index.at(1).values[0], 2.0);
  const auto by_prefix = parse_deal(*s, {"repatriation=vol", "line=38th"}, "DEAL");
  EXPECT_EQ(by_prefix.at(1).values[0], 2.0);
  EXPECT_EQ(by_prefix.at(1).values[1], 0.0);
}

TEST(DealText, ReadsJsonAndQuantitiesOffTheGrid) {
  const auto s = korea();
  const auto deals = parse_deal(*s, {R"({"sw_unc": 6670, "sw_com": "684"})"}, "DEAL");
  const Deal& d = deals.at(0);
  EXPECT_EQ(d.values[0], 6670.0);
  EXPECT_EQ(d.values[1], 684.0);
  const auto both =
      parse_deal(*s, {"sw_unc=6,670", "sw_com=700", "repatriation=0", "line=1"}, "DEAL");
  EXPECT_EQ(both.size(), 2u);
  EXPECT_EQ(both.at(0).values[0], 6670.0);
}

TEST(DealText, MistakesNameTheIssueAndWhatItAccepts) {
  EXPECT_NE(
      error_of({"repatriation=volunteer", "line=1"})
          .find("DEAL: error at /repatriation: expected one of the options of \"Repatriation of "
                "prisoners of war\": 0 \"all returned"),
      std::string::npos);
  EXPECT_NE(error_of({"repatriation=volunteer", "line=1"}).find("found \"volunteer\""),
            std::string::npos);
  EXPECT_NE(error_of({"repat=1"}).find("an issue id (sw_unc, sw_com, repatriation, line)"),
            std::string::npos);
  EXPECT_NE(error_of({"repatriation=1"}).find("no line"), std::string::npos);
  EXPECT_NE(error_of({"sw_unc=20000", "sw_com=0"}).find("a number from 0 to 10000"),
            std::string::npos);
  EXPECT_NE(error_of({"repatriation"}).find("expected issue=value"), std::string::npos);
  EXPECT_NE(error_of({"{\"line\": 1"}).find("invalid JSON"), std::string::npos);
  EXPECT_NE(error_of({"line=1", "line=0", "repatriation=1"}).find("twice"), std::string::npos);
  // "n" starts two options (no... and non-repatriates...)? Here: ambiguous part.
  EXPECT_NE(error_of({"repatriation=re", "line=1"}).find("expected one of the options"),
            std::string::npos);
}

TEST(DealText, ATrackProposalRefusesAnotherTracksIssue) {
  const auto s = korea();
  try {
    parse_track_deal(*s, 1, {"sw_unc=0", "sw_com=0"}, "your proposal");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("an issue of Armistice"), std::string::npos) << e.what();
  }
}

TEST(DealText, SplitsQuotedWords) {
  EXPECT_EQ(split_assignments("a=1  b=\"two words\" c='x y'", "x"),
            (std::vector<std::string>{"a=1", "b=two words", "c=x y"}));
  EXPECT_THROW(split_assignments("a=\"open", "x"), InputError);
}

TEST(DealText, SnapsToTheNearestGridPoint) {
  const auto s = korea();
  const OutcomeSpace space(*s, 0);
  Deal d = parse_deal(*s, {"sw_unc=6670", "sw_com=684"}, "DEAL").at(0);
  const Deal g = snap_to_grid(space, d);
  EXPECT_TRUE(g.on_grid());
  EXPECT_EQ(g.values[0], 6500.0);
  EXPECT_EQ(g.values[1], 700.0);
}

}  // namespace
}  // namespace parley
