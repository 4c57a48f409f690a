// Reading track conditions (engine/load/track_links_loader.hpp): one condition or a list, ids
// resolved, and the errors for a track naming itself and for a cycle.
#include "engine/load/track_links_loader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

using nlohmann::json;

json base() {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/data/warnings/in-time.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

ScenarioPtr load(const json& j) {
  return load_scenario_text(j.dump(2), "linked.json", builtin_agents());
}

TEST(TrackLinksLoader, ReadsOneConditionOrAList) {
  json j = base();
  j["tracks"][1]["opens_when"] = {{"track", "one"}, {"state", "carried_out"}};
  j["tracks"][2]["closes_when"] = json::array(
      {{{"track", "one"}, {"state", "failed"}}, {{"track", "two"}, {"state", "walked_out"}}});
  j["tracks"][2]["package"] = {"one"};
  const auto s = load(j);
  ASSERT_EQ(s->tracks[1].links.opens_when.size(), 1u);
  EXPECT_EQ(s->tracks[1].links.opens_when[0].track, 0);
  EXPECT_EQ(s->tracks[1].links.opens_when[0].state, TrackState::CarriedOut);
  ASSERT_EQ(s->tracks[2].links.closes_when.size(), 2u);
  EXPECT_EQ(s->tracks[2].links.closes_when[1].track, 1);
  EXPECT_EQ(s->tracks[2].links.closes_when[1].state, TrackState::WalkedOut);
  EXPECT_EQ(s->tracks[2].links.package, (std::vector<int>{0}));
  EXPECT_TRUE(s->tracks[0].links.empty());
}

TEST(TrackLinksLoader, ACycleIsNamedTrackByTrack) {
  json j = base();
  j["tracks"][0]["opens_when"] = {{"track", "two"}, {"state", "agreed"}};
  j["tracks"][1]["opens_when"] = {{"track", "one"}, {"state", "carried_out"}};
  try {
    load(j);
    FAIL() << "a cycle loaded";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pointer(), "/tracks/0/opens_when");
    EXPECT_EQ(e.found(),
              "a cycle: one opens when two is agreed, two opens when one is carried out");
  }
}

TEST(TrackLinksLoader, ATrackMayNotWaitForItself) {
  json j = base();
  j["tracks"][1]["opens_when"] = {{"track", "two"}, {"state", "agreed"}};
  try {
    load(j);
    FAIL() << "a track waiting for itself loaded";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pointer(), "/tracks/1/opens_when/track");
    EXPECT_EQ(e.expected(), "a track other than \"two\" itself");
  }
}

}  // namespace
}  // namespace parley
