#include "classroom/server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <thread>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A class of two tables served on a free port of 127.0.0.1 for the duration of a test.
class ServedClass : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string file = std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json";
    dir_ = fs::temp_directory_path() / ("parley-served-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    room_ = std::make_unique<Classroom>(load_scenario(file, builtin_agents()), file, dir_, 2, 1,
                                        builtin_agents());
    server_ = std::make_unique<ClassroomServer>(*room_);
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->listen(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5);
    client_->set_read_timeout(5);
    ASSERT_EQ(post(room_->instructor_token(), "/api/instructor/clock", {{"running", true}})->status,
              200);
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
    fs::remove_all(dir_);
  }
  std::string seat(int table, int party) const {
    return room_->table(table).seats()[static_cast<std::size_t>(party)].token;
  }
  httplib::Headers auth(const std::string& token) const {
    return token.empty() ? httplib::Headers{}
                         : httplib::Headers{{"Authorization", "Bearer " + token}};
  }
  httplib::Result get(const std::string& token, const std::string& path) {
    return client_->Get(path.c_str(), auth(token));
  }
  httplib::Result post(const std::string& token, const std::string& path, const json& body) {
    return client_->Post(path.c_str(), auth(token), body.dump(), "application/json");
  }

  fs::path dir_;
  std::unique_ptr<Classroom> room_;
  std::unique_ptr<ClassroomServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
};

TEST_F(ServedClass, ASeatReadsItsOwnTableOnly) {
  auto r = get(seat(0, 1), "/api/seat");
  ASSERT_EQ(r->status, 200);
  const json v = json::parse(r->body);
  EXPECT_EQ(v["table"], "t1");
  EXPECT_EQ(v["you"]["id"], "COM");
  EXPECT_EQ(r->body.find(seat(0, 0)), std::string::npos) << "no other seat's token";
  EXPECT_EQ(r->body.find(room_->instructor_token()), std::string::npos);
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  // The brief is the seat's own: COM's page names COM's schedule, never UNC's.
  auto brief = get(seat(0, 1), "/api/seat/brief");
  ASSERT_EQ(brief->status, 200);
  const json b = json::parse(brief->body);
  EXPECT_NE(b["html"].get<std::string>().find("Confidential brief"), std::string::npos);
  EXPECT_EQ(b["html"], json::parse(get(seat(1, 1), "/api/seat/brief")->body)["html"]);
  EXPECT_NE(b["html"], json::parse(get(seat(0, 0), "/api/seat/brief")->body)["html"]);
  EXPECT_EQ(get(room_->instructor_token(), "/api/seat/brief")->status, 403);
}

TEST_F(ServedClass, NoTokenAWrongTokenOrAGuessedOneIsRefused) {
  const json offer = {{"action", "propose"}, {"text", "repatriation=2 line=1"}};
  std::string wrong = seat(0, 0);
  wrong[5] = wrong[5] == 'a' ? 'b' : 'a';
  for (const std::string& token :
       {std::string(), wrong, std::string(40, '0'), std::string("t1"), seat(0, 0) + "x"}) {
    EXPECT_EQ(get(token, "/api/seat")->status, 403) << token;
    EXPECT_EQ(get(token, "/api/seat/brief")->status, 403) << token;
    EXPECT_EQ(post(token, "/api/seat/move", offer)->status, 403) << token;
    EXPECT_EQ(get(token, "/api/instructor/class")->status, 403) << token;
  }
  // The token in the query string or a cookie instead of the header counts for nothing.
  EXPECT_EQ(client_->Get(("/api/seat?token=" + seat(0, 0)).c_str())->status, 403);
  EXPECT_EQ(room_->table(0).instructor_view(0)["timeline"].size(), 0u) << "no move made";
}

TEST_F(ServedClass, AStudentCannotCallTheInstructorsEndpoints) {
  const std::string student = seat(0, 0);
  EXPECT_EQ(get(student, "/api/instructor/class")->status, 403);
  EXPECT_EQ(post(student, "/api/instructor/tables", json::object())->status, 403);
  EXPECT_EQ(post(student, "/api/instructor/tables/t1/seats/COM", {{"seat", "agent"}})->status, 403);
  EXPECT_EQ(post(student, "/api/instructor/tables/t1/clock", {{"running", false}})->status, 403);
  EXPECT_EQ(post(student, "/api/instructor/clock", {{"running", false}})->status, 403);
  EXPECT_EQ(post(student, "/api/instructor/tables/t1/inject", {{"event", "stalin-death"}})->status,
            403);
  EXPECT_EQ(room_->table_count(), 2);
  EXPECT_EQ(room_->table(0).status(), TableStatus::Running);
  // And the instructor is no seat: it cannot move for a party.
  EXPECT_EQ(post(room_->instructor_token(), "/api/seat/move", {{"action", "reject"}})->status, 403);
}

TEST_F(ServedClass, ASeatCannotMoveForAnotherSeatOrAtAnotherTable) {
  const json offer = {{"action", "propose"}, {"text", "repatriation=2 line=1"}};
  // COM of table 1 cannot make UNC's opening offer; table 2's UNC moves only at table 2.
  EXPECT_EQ(post(seat(0, 1), "/api/seat/move", offer)->status, 409);
  json elsewhere = offer;
  elsewhere["table"] = "t1";
  elsewhere["party"] = "UNC";
  auto r = post(seat(1, 0), "/api/seat/move", elsewhere);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["table"], "t2");
  EXPECT_EQ(room_->table(0).instructor_view(0)["timeline"].size(), 0u) << "table 1 untouched";
  EXPECT_EQ(room_->table(1).instructor_view(0)["timeline"].size(), 1u);
  // Table 1's COM sees nothing of table 2's offer.
  EXPECT_EQ(json::parse(get(seat(0, 1), "/api/seat")->body)["timeline"].size(), 0u);
}

TEST_F(ServedClass, GuessedPathsAreNotFoundAndNothingLeaks) {
  const std::string instructor = room_->instructor_token();
  for (const std::string path :
       {"/api/tables/t1", "/api/seat/t1/UNC", "/class.sqlite", "/scenario.json",
        "/tables/t1.trace.json", "/api/instructor/tables/t1", "/../class.sqlite", "/api",
        "/api/instructor/tables/t1/seats"}) {
    auto r = get(instructor, path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(r->body.find("SQLite"), std::string::npos);
    EXPECT_EQ(r->body.find(seat(0, 0)), std::string::npos);
  }
  EXPECT_EQ(post(instructor, "/api/instructor/tables/t9/clock", {{"running", false}})->status, 404);
  EXPECT_EQ(post(instructor, "/api/instructor/tables/t1/inject", {{"event", "nope"}})->status, 404);
}

TEST_F(ServedClass, TheInstructorSeesEveryTableAndCanRunTheClass) {
  const std::string instructor = room_->instructor_token();
  auto r = get(instructor, "/api/instructor/class");
  ASSERT_EQ(r->status, 200);
  const json c = json::parse(r->body);
  EXPECT_EQ(c["tables"].size(), 2u);
  EXPECT_EQ(c["tables"][1]["seats"][0]["token"], seat(1, 0));
  EXPECT_EQ(post(instructor, "/api/instructor/tables/t1/clock", {{"running", false}})->status, 200);
  EXPECT_EQ(
      post(seat(0, 0), "/api/seat/move", {{"action", "propose"}, {"text", "repatriation=2 line=1"}})
          ->status,
      409)
      << "paused";
  EXPECT_EQ(post(instructor, "/api/instructor/tables/t1/clock", {{"running", true}})->status, 200);
  auto inject = post(instructor, "/api/instructor/tables/t1/inject", {{"event", "stalin-death"}});
  ASSERT_EQ(inject->status, 200) << inject->body;
  EXPECT_EQ(json::parse(inject->body)["round"], 1);
  auto made = post(instructor, "/api/instructor/tables", {{"seats", {{"UNC", "agent"}}}});
  ASSERT_EQ(made->status, 200) << made->body;
  EXPECT_EQ(room_->table_count(), 3);
  EXPECT_EQ(post(instructor, "/api/instructor/clock", "not json")->status, 400);
}

TEST_F(ServedClass, PagesAreServedWithoutSecretsAndLoadNothingFromElsewhere) {
  for (const std::string path : {"/", "/instructor", "/seat"}) {
    auto r = client_->Get(path.c_str());
    ASSERT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->body.find(room_->instructor_token()), std::string::npos);
    EXPECT_EQ(r->body.find("http://"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("https://"), std::string::npos) << path;
    EXPECT_EQ(r->body.find(" src="), std::string::npos) << path;
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos);
  }
}

TEST_F(ServedClass, ARoomOfOpenPagesIsServedAtOnce) {
  // Each open page keeps its connection alive; 40 of them must all be answered promptly.
  std::vector<std::unique_ptr<httplib::Client>> pages;
  for (int i = 0; i < 40; ++i) {
    auto page = std::make_unique<httplib::Client>("127.0.0.1", port_);
    page->set_keep_alive(true);
    page->set_read_timeout(3);
    auto r = page->Get("/api/seat", auth(seat(i % 2, (i / 2) % 2)));
    ASSERT_TRUE(r) << "page " << i << " got no answer";
    EXPECT_EQ(r->status, 200);
    pages.push_back(std::move(page));
  }
}

}  // namespace
}  // namespace parley
