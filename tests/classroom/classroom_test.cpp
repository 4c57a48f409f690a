#include "classroom/classroom.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kKorea = std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json";
const std::string kIstanbul = std::string(PARLEY_SOURCE_DIR) + "/scenarios/istanbul-2022.json";

fs::path fresh(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("parley-class-" + name);
  fs::remove_all(dir);
  return dir;
}

std::unique_ptr<Classroom> open(const std::string& file, const fs::path& dir, int tables = 2) {
  std::int64_t now = 1'700'000'000'000;
  return std::make_unique<Classroom>(load_scenario(file, builtin_agents()), file, dir, tables, 1,
                                     builtin_agents(), [now]() mutable { return now += 1000; });
}

Caller seat(const Classroom& c, int table, int party) {
  return c.identify(c.table(table).seats()[static_cast<std::size_t>(party)].token);
}

TEST(Classroom, ANewClassFolderHoldsTheScenarioCopyAndTheStore) {
  const fs::path dir = fresh("new");
  auto c = open(kKorea, dir, 3);
  EXPECT_FALSE(c->resumed());
  EXPECT_EQ(c->table_count(), 3);
  std::ifstream a(kKorea, std::ios::binary), b(dir / "scenario.json", std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(a), {}),
            std::string(std::istreambuf_iterator<char>(b), {}));
  EXPECT_TRUE(fs::exists(dir / "class.sqlite"));
  EXPECT_EQ(fs::status(dir / "class.sqlite").permissions() & fs::perms::others_read,
            fs::perms::none);
  EXPECT_EQ(c->table(0).seed(), 1u);
  EXPECT_EQ(c->table(2).seed(), 3u);
  // Every seat and the instructor have their own token.
  std::set<std::string> tokens{c->instructor_token()};
  for (int t = 0; t < 3; ++t)
    for (const Seat& s : c->table(t).seats()) EXPECT_TRUE(tokens.insert(s.token).second);
  EXPECT_EQ(c->identify(c->instructor_token()).role, Caller::Role::Instructor);
  EXPECT_EQ(seat(*c, 1, 1).table, 1);
  EXPECT_EQ(seat(*c, 1, 1).party, 1);
  EXPECT_EQ(c->identify("nonsense").role, Caller::Role::Nobody);
}

TEST(Classroom, ReopeningReplaysEveryMoveAndInjectAndKeepsTheTokens) {
  const fs::path dir = fresh("replay");
  json before;
  std::string instructor;
  {
    auto c = open(kKorea, dir);
    instructor = c->instructor_token();
    c->assign_seat("t2", "COM", {{"seat", "agent:boulware"}});
    c->set_clock("", true);
    const Caller unc = seat(*c, 0, 0), com = seat(*c, 0, 1);
    c->move(unc, {{"action", "propose"}, {"text", "repatriation=2 line=1"}});
    c->move(com, {{"action", "reject"}});
    c->inject("t1", "stalin-death");
    c->move(com, {{"action", "propose"}, {"terms", {{"repatriation", 0}, {"line", 0}}}});
    c->move(seat(*c, 1, 0), {{"action", "propose"}, {"text", "repatriation=1 line=1"}});
    c->set_clock("t2", false);
    before = c->class_view();
  }
  auto again = open(kKorea, dir);
  EXPECT_TRUE(again->resumed());
  EXPECT_EQ(again->instructor_token(), instructor);
  json after = again->class_view();
  // The clocks read differently (time has passed); the rest is the same.
  for (json* v : {&before, &after})
    for (json& t : (*v)["tables"]) t.erase("clock_seconds");
  EXPECT_EQ(after, before);
  EXPECT_EQ(after["tables"][0]["timeline"].size(), 3u);
  EXPECT_EQ(after["tables"][1]["status"], "paused");
}

TEST(Classroom, AFinishedGameIsSavedAsATraceInTheClassFolder) {
  const fs::path dir = fresh("trace");
  auto c = open(kIstanbul, dir, 1);
  c->set_clock("t1", true);
  const Caller ru = seat(*c, 0, 0), ua = seat(*c, 0, 1);
  const json v = c->seat_view(ru);
  const Caller first = v["turn"]["yours"] == true ? ru : ua;
  const Caller second = v["turn"]["yours"] == true ? ua : ru;
  json terms = json::object();
  const json mine = c->seat_brief(first);  // kept: the loop below reads into it
  for (const json& issue : mine["tracks"][0]["issues"]) terms[issue["id"].get<std::string>()] = 0;
  c->move(first, {{"action", "propose"}, {"terms", terms}});
  const fs::path trace = dir / "tables" / "t1.trace.json";
  EXPECT_FALSE(fs::exists(trace));
  c->move(second, {{"action", "accept"}});
  ASSERT_TRUE(fs::exists(trace));
  std::ifstream in(trace);
  const std::string text(std::istreambuf_iterator<char>(in), {});
  EXPECT_NE(text.find("\"event\":\"run-end\""), std::string::npos);
  EXPECT_EQ(c->seat_view(ru)["status"], "over");
}

TEST(Classroom, ATableOfAgentsPlaysOutWhenStartedAndLeavesItsTrace) {
  const fs::path dir = fresh("agents");
  auto c = open(kIstanbul, dir, 0);
  c->create_table({{"seats", {{"RU", "agent:boulware"}, {"UA", "agent"}}}});
  c->set_clock("t1", true);
  EXPECT_EQ(c->table(0).status(), TableStatus::Over);
  EXPECT_TRUE(fs::exists(dir / "tables" / "t1.trace.json"));
  fs::remove(dir / "tables" / "t1.trace.json");
  c.reset();
  open(kIstanbul, dir, 0);  // the replay writes it again
  EXPECT_TRUE(fs::exists(dir / "tables" / "t1.trace.json"));
}

TEST(Classroom, AFolderOfAnotherScenarioIsRefused) {
  const fs::path dir = fresh("other");
  open(kKorea, dir, 1);
  EXPECT_THROW(open(kIstanbul, dir, 1), std::invalid_argument);
}

TEST(Classroom, InstructorRequestsAreCheckedBeforeAnythingIsStored) {
  const fs::path dir = fresh("checks");
  auto c = open(kKorea, dir, 1);
  const auto status = [](const std::function<void()>& f) {
    try {
      f();
    } catch (const TableError& e) {
      return e.status;
    }
    return 0;
  };
  EXPECT_EQ(status([&] { c->inject("t1", "stalin-death"); }), 409);
  EXPECT_EQ(status([&] { c->inject("t9", "stalin-death"); }), 404);
  EXPECT_EQ(status([&] { c->set_clock("t9", true); }), 404);
  EXPECT_EQ(status([&] { c->assign_seat("t1", "XX", {{"seat", "person"}}); }), 404);
  EXPECT_EQ(status([&] { c->assign_seat("t1", "UNC", {{"seat", "robot"}}); }), 400);
  EXPECT_EQ(status([&] { c->create_table({{"seats", {{"UNC", "agent:nope"}}}}); }), 400);
  EXPECT_EQ(c->table_count(), 1);
  c->create_table({{"seats", {{"COM", "agent:conceder"}}}});
  EXPECT_EQ(c->table_count(), 2);
  EXPECT_TRUE(c->table(1).seats()[1].token.empty()) << "an agent's seat has no join token";
  c->set_clock("t1", true);
  EXPECT_EQ(status([&] { c->inject("t1", "no-such-event"); }), 404);
  c.reset();
  EXPECT_EQ(open(kKorea, dir, 1)->table_count(), 2);
}

}  // namespace
}  // namespace parley
