#include "classroom/table.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using nlohmann::json;
using test::ScenarioBuilder;

ScenarioPtr two_party() {
  ScenarioBuilder b("table");
  b.options("a", {"a0", "a1", "a2"});
  b.flag("f");
  b.party("A", "hardliner");
  b.party("B", "conceder");
  b.opener("A").deadline(8).walk_away(true);
  return b.build();
}

std::vector<Seat> people(int n) {
  return std::vector<Seat>(static_cast<std::size_t>(n), Seat{true, "", "token"});
}

int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const TableError& e) {
    return e.status;
  }
  return 0;
}

TEST(Table, TwoPeopleOfferAndAcceptAndTheGameIsATrace) {
  Table table("t1", two_party(), builtin_agents(), 5, people(2));
  const json offer = {{"action", "propose"}, {"terms", {{"a", "a2"}, {"f", "yes"}}}};
  EXPECT_EQ(status_of([&] { table.move_of(0, offer); }), 409) << "not started";
  table.set_clock(true, 1000);
  EXPECT_EQ(table.seat_view(0, 1000)["turn"]["yours"], true);
  EXPECT_EQ(table.seat_view(1, 1000)["turn"]["yours"], false);
  // B may not move for A, nor answer before an offer is made.
  EXPECT_EQ(status_of([&] { table.check_move(1, table.move_of(0, offer)); }), 409);
  EXPECT_EQ(status_of([&] { table.move_of(0, {{"action", "accept"}}); }), 409);
  const std::int64_t move = table.move_of(0, offer);
  table.check_move(0, move);
  table.apply_move(0, move, 2000);
  const json b = table.seat_view(1, 2000);
  ASSERT_EQ(b["turn"]["phase"], "respond");
  EXPECT_TRUE(b["turn"]["offer"]["points"].is_number()) << "B sees its own points only";
  EXPECT_EQ(b["turn"]["offer"]["terms"][0]["value"], "a2");
  const std::int64_t accept = table.move_of(1, {{"action", "accept"}});
  table.check_move(1, accept);
  table.apply_move(1, accept, 61000);
  EXPECT_EQ(table.status(), TableStatus::Over);
  EXPECT_EQ(table.seat_view(0, 99000)["clock_seconds"], 60) << "the clock stops with the game";
  EXPECT_EQ(table.result().tracks[0].status, TrackStatus::Agreed);
  const std::string trace = table.trace();
  EXPECT_NE(trace.find("\"event\":\"run-end\""), std::string::npos);
  EXPECT_NE(trace.find("\"action\":\"accept\""), std::string::npos);
  EXPECT_EQ(status_of([&] { table.check_move(0, 0); }), 409) << "over";
}

TEST(Table, OffersTypedAsIssueEqualsValueAndTheirMistakes) {
  Table table("t1", two_party(), builtin_agents(), 5, people(2));
  table.set_clock(true, 0);
  const auto typed = [&](const std::string& text) {
    return table.move_of(0, {{"action", "propose"}, {"text", text}});
  };
  EXPECT_EQ(typed("a=a1 f=no"), typed("f=0 a=1"));
  EXPECT_EQ(typed("a=A1, f=no"), typed("a=a1 f=no")) << "case and commas do not matter";
  EXPECT_EQ(typed("a=\"a1\" f='no'"), typed("a=a1 f=no")) << "quoted values";
  EXPECT_EQ(status_of([&] { typed("a=a1"); }), 400) << "every issue needs a value";
  EXPECT_EQ(status_of([&] { typed("a=a7 f=no"); }), 400);
  EXPECT_EQ(status_of([&] { typed("b=a1 f=no"); }), 400);
  EXPECT_EQ(status_of([&] { table.move_of(0, {{"action", "shout"}}); }), 400);
  EXPECT_EQ(status_of([&] { table.move_of(0, json::array()); }), 400);
}

TEST(Table, APausedClockTakesNoMovesAndAgentsPlayTheirSeats) {
  std::vector<Seat> seats = people(2);
  seats[1] = Seat{false, "conceder", ""};
  Table table("t2", two_party(), builtin_agents(), 3, seats);
  table.set_clock(true, 0);
  const json offer = {{"action", "propose"}, {"text", "a=a2 f=yes"}};
  const std::int64_t move = table.move_of(0, offer);
  table.set_clock(false, 10);
  EXPECT_EQ(table.status(), TableStatus::Paused);
  EXPECT_EQ(status_of([&] { table.move_of(0, offer); }), 409);
  EXPECT_EQ(status_of([&] { table.check_move(0, move); }), 409);
  EXPECT_EQ(status_of([&] { table.check_clock(false); }), 409);
  table.set_clock(true, 20);
  table.check_move(0, move);
  table.apply_move(0, move, 30);
  // The agent answered inside the step: A's turn again, or the game is over.
  if (table.status() != TableStatus::Over) {
    EXPECT_EQ(table.seat_view(0, 30)["turn"]["yours"], true);
    EXPECT_GE(table.seat_view(0, 30)["timeline"].size(), 2u);
  }
  EXPECT_EQ(status_of([&] { table.check_move(1, 0); }), 403) << "an agent's seat";
  EXPECT_EQ(status_of([&] { table.check_assign(0, Seat{}); }), 409) << "seats fixed once started";
}

TEST(Table, AnUnknownAgentModelIsRefusedWithTheModelsNamed) {
  Table table("t1", two_party(), builtin_agents(), 1, people(2));
  try {
    table.check_assign(1, Seat{false, "no-such-model", ""});
    FAIL() << "accepted";
  } catch (const TableError& e) {
    EXPECT_EQ(e.status, 400);
    EXPECT_NE(std::string(e.what()).find("boulware"), std::string::npos) << e.what();
  }
  table.check_assign(1, Seat{false, "boulware:e=0.1", ""});
}

TEST(Table, ASeatSeesOnlyItsOwnScheduleAndPoints) {
  const ScenarioPtr korea = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", builtin_agents());
  Table table("t1", korea, builtin_agents(), 1, people(2));
  table.set_clock(true, 0);
  const std::int64_t move =
      table.move_of(0, {{"action", "propose"}, {"terms", {{"repatriation", 2}, {"line", 1}}}});
  table.apply_move(0, move, 0);
  const json com = table.seat_view(1, 0);
  const std::string text = com.dump();
  // COM's brief is COM's: the points of UNC's best option for UNC never appear as COM's.
  const Preferences& unc = korea->parties[0].preferences;
  const Preferences& own = korea->parties[1].preferences;
  ASSERT_NE(unc.values[2](2), own.values[2](2));
  EXPECT_EQ(com["you"]["id"], "COM");
  EXPECT_EQ(text.find("\"UNC\":"), std::string::npos) << "no other party's points by name";
  for (const json& e : com["timeline"])
    if (e.contains("deal")) {
      EXPECT_TRUE(e["deal"]["points"].is_number());
    }
  EXPECT_TRUE(table.instructor_view(0)["timeline"][0]["deal"]["points"].contains("UNC"));
}

TEST(Table, AnInjectFiresAtTheNextRoundAndTheGameReplays) {
  const ScenarioPtr korea = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", builtin_agents());
  Table table("t1", korea, builtin_agents(), 1, people(2));
  EXPECT_EQ(status_of([&] { table.check_inject(0); }), 409) << "not started";
  table.set_clock(true, 0);
  const auto propose = [&](int party) {
    const std::int64_t m = table.move_of(
        party, {{"action", "propose"}, {"terms", {{"repatriation", 1}, {"line", 1}}}});
    table.check_move(party, m);
    table.apply_move(party, m, 0);
  };
  const auto reject = [&](int party) {
    const std::int64_t m = table.move_of(party, {{"action", "reject"}});
    table.check_move(party, m);
    table.apply_move(party, m, 0);
  };
  propose(0);
  reject(1);
  // Stalin's death (change_reservation of COM), pushed now: it fires at the next round.
  int stalin = -1;
  for (std::size_t e = 0; e < korea->world.events.size(); ++e)
    if (korea->world.events[e].id == "stalin-death") stalin = static_cast<int>(e);
  ASSERT_GE(stalin, 0);
  const int now = table.seat_view(0, 0)["round"]["index"];
  const int round = table.check_inject(stalin);
  EXPECT_EQ(round, now + 1);
  const std::size_t before = table.seat_view(0, 0)["timeline"].size();
  table.apply_inject(stalin, round);
  EXPECT_EQ(table.seat_view(0, 0)["timeline"].size(), before) << "the past is unchanged";
  EXPECT_EQ(status_of([&] { table.check_inject(999); }), 404);
  // Play on to the next round: the event shows on both pages, as news.
  for (int k = 0; k < 4 && table.status() == TableStatus::Running; ++k) {
    const json v = table.seat_view(0, 0);
    const int to_move = v["turn"]["party"] == "UNC" ? 0 : 1;
    if (table.seat_view(to_move, 0)["turn"]["phase"] == "propose")
      propose(to_move);
    else
      reject(to_move);
  }
  bool seen = false;
  const json com_view = table.seat_view(1, 0);
  for (const json& e : com_view["timeline"])
    if (e["type"] == "event" && e["inject"] == true) {
      seen = true;
      EXPECT_EQ(e["round"], round);
    }
  EXPECT_TRUE(seen);
  EXPECT_NE(table.trace().find("\"id\":\"stalin-death\""), std::string::npos);
}

// A party's own secret type is on its page once the game has drawn it, and on no other page.
TEST(Table, ASeatSeesItsOwnDrawnTypeAndNoOneElses) {
  const ScenarioPtr korea = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", builtin_agents());
  Table table("t1", korea, builtin_agents(), 4, people(2));
  EXPECT_EQ(table.seat_view(1, 0)["you"].value("type_pending", false), true);
  EXPECT_FALSE(table.seat_view(1, 0)["you"].contains("type"));
  table.set_clock(true, 0);
  const json com = table.seat_view(1, 0);
  ASSERT_TRUE(com["you"].contains("type")) << com.dump();
  const std::string type = com["you"]["type"];
  EXPECT_TRUE(type == korea->parties[1].types[0].label || type == korea->parties[1].types[1].label)
      << type;
  const json unc = table.seat_view(0, 0);
  EXPECT_FALSE(unc["you"].contains("type"));
  EXPECT_EQ(unc.dump().find(type), std::string::npos) << "the UNC never sees the COM's type";
  // The same seed draws the same type.
  Table again("t2", korea, builtin_agents(), 4, people(2));
  again.set_clock(true, 0);
  EXPECT_EQ(again.seat_view(1, 0)["you"]["type"], type);
}

// An inject of kind change_weights changes the party's points from its round on: the schedule
// its page fetches, the offer it answers, the key that tells its page to fetch again; the
// offers made before keep their points, and the other party's points do not move.
TEST(Table, ChangedWeightsChangeTheStudentsPointsFromThatRoundOn) {
  const ScenarioPtr korea = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", builtin_agents());
  auto scenario = std::make_shared<Scenario>(*korea);
  EventSpec e;
  e.id = "com-priorities";
  e.kind = "change_weights";
  e.label = "The COM cares less about repatriation";
  e.round = 150;  // declared late: the instructor pushes it earlier
  e.args = {{"party", 1.0}, {"issue", 2.0}, {"weight", 0.1}, {"scale", 1.0}};
  scenario->world.events.push_back(e);
  const int event = static_cast<int>(scenario->world.events.size()) - 1;

  Table table("t1", scenario, builtin_agents(), 1, people(2));
  table.set_clock(true, 0);
  // repatriation 1 (neutral commission), line 0 (38th parallel): for the COM 0.6 and 1.0.
  const json terms = {{"repatriation", 1}, {"line", 0}};
  const auto act = [&](int party, const json& request) {
    const std::int64_t m = table.move_of(party, request);
    table.check_move(party, m);
    table.apply_move(party, m, 0);
  };
  act(0, {{"action", "propose"}, {"terms", terms}});
  const double before = table.seat_view(1, 0)["turn"]["offer"]["points"];
  EXPECT_NEAR(before, 100.0 * (0.8 * 0.6 + 0.2 * 1.0) / 1.0, 0.05);
  const json brief_before = table.seat_brief(1);
  EXPECT_FALSE(brief_before["schedule_changed"].get<bool>());
  const std::string key_before = table.seat_view(1, 0)["schedule_key"];
  EXPECT_EQ(key_before, brief_before["schedule_key"]);
  const double unc_before = table.seat_view(0, 0)["timeline"][0]["deal"]["points"];
  act(1, {{"action", "reject"}});

  const int round = table.check_inject(event);
  table.apply_inject(event, round);
  // Play on until the COM answers an offer in the inject's round or later.
  json com;
  for (int k = 0; k < 8; ++k) {
    com = table.seat_view(1, 0);
    const bool com_answers = com["turn"]["party"] == "COM" && com["turn"]["phase"] == "respond";
    if (com_answers && com["round"]["index"].get<int>() >= round) break;
    const int mover = com["turn"]["party"] == "UNC" ? 0 : 1;
    if (table.seat_view(mover, 0)["turn"]["phase"] == "propose")
      act(mover, {{"action", "propose"}, {"terms", terms}});
    else
      act(mover, {{"action", "reject"}});
  }
  ASSERT_TRUE(com["turn"]["yours"].get<bool>()) << com.dump();
  const double after = com["turn"]["offer"]["points"];
  EXPECT_NEAR(after, 100.0 * (0.1 * 0.6 + 0.2 * 1.0) / 0.3, 0.05) << "the new weights";
  EXPECT_NE(com["schedule_key"], key_before) << "the page is told to fetch its schedule again";
  const json brief_after = table.seat_brief(1);
  EXPECT_TRUE(brief_after["schedule_changed"].get<bool>());
  EXPECT_EQ(brief_after["schedule_key"], com["schedule_key"]);
  // The schedule: repatriation's option 1 now gives 0.1 · 0.6 / 0.3 of 100 points.
  for (const json& track : brief_after["tracks"])
    for (const json& issue : track["issues"])
      if (issue["id"] == "repatriation") {
        EXPECT_NEAR(issue["options"][1]["points"].get<double>(), 20.0, 0.05);
      }
  // The first offer keeps the points it had when made; the UNC's points never move.
  EXPECT_NEAR(com["timeline"][0]["deal"]["points"].get<double>(), before, 1e-9);
  EXPECT_NEAR(table.seat_view(0, 0)["timeline"][0]["deal"]["points"].get<double>(), unc_before,
              1e-9);
  EXPECT_FALSE(table.seat_brief(0)["schedule_changed"].get<bool>());
}

}  // namespace
}  // namespace parley
