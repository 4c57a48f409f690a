// parley classroom as a user runs it: the real executable, killed with SIGKILL mid-game and
// started again on the same class folder, loses no acknowledged move.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A running `parley classroom`, its instructor link read from what it prints.
struct Server {
  pid_t pid = -1;
  int port = 0;
  std::string instructor;
  std::string banner;

  Server(const std::string& scenario, const fs::path& dir) {
    int out[2];
    if (pipe(out) != 0) return;
    pid = fork();
    if (pid == 0) {
      dup2(out[1], 1);
      close(out[0]);
      close(out[1]);
      execl(PARLEY_BINARY, PARLEY_BINARY, "classroom", scenario.c_str(), "--tables", "2",
            "--class-dir", dir.c_str(), "--port", "0", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    char c = 0;
    // Read the banner up to the line after the instructor's link.
    while (read(out[0], &c, 1) == 1) {
      banner.push_back(c);
      if (banner.find("Ctrl-C") != std::string::npos && c == '\n') break;
    }
    close(out[0]);
    const auto at = banner.find("/instructor#");
    const auto colon = banner.rfind(':', at);
    if (at == std::string::npos || colon == std::string::npos) return;
    port = std::stoi(banner.substr(colon + 1, at - colon - 1));
    instructor = banner.substr(at + 12, 40);
  }
  void kill9() {
    ::kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    pid = -1;
  }
  int stop() {  // Ctrl-C
    ::kill(pid, SIGINT);
    int status = 0;
    waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  ~Server() {
    if (pid > 0) kill9();
  }
  json call(const std::string& token, const std::string& method, const std::string& path,
            const json& body = nullptr, int* status = nullptr) const {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10);
    httplib::Headers h{{"Authorization", "Bearer " + token}};
    auto r = method == "GET" ? client.Get(path.c_str(), h)
                             : client.Post(path.c_str(), h, body.dump(), "application/json");
    if (status) *status = r ? r->status : -1;
    return r ? json::parse(r->body, nullptr, false) : json();
  }
};

TEST(ClassroomCommand, KilledMidGameAndRestartedItLosesNoAcknowledgedMove) {
  const fs::path dir = fs::temp_directory_path() / "parley-classroom-kill";
  fs::remove_all(dir);
  const std::string korea = std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json";
  auto server = std::make_unique<Server>(korea, dir);
  ASSERT_GT(server->port, 0) << server->banner;
  EXPECT_NE(server->banner.find("(new), 2 tables"), std::string::npos) << server->banner;
  EXPECT_NE(server->banner.find("127.0.0.1:"), std::string::npos);
  const std::string instructor = server->instructor;
  server->call(instructor, "POST", "/api/instructor/clock", {{"running", true}});
  const json cls = server->call(instructor, "GET", "/api/instructor/class");
  const std::string unc = cls["tables"][0]["seats"][0]["token"];
  const std::string com = cls["tables"][0]["seats"][1]["token"];

  // UNC offers, COM rejects and counters, UNC rejects...: each acknowledged move counted.
  int acknowledged = 0;
  auto play = [&](const Server& s, int moves) {
    for (int k = 0; k < moves; ++k) {
      // A server killed mid-request answers nothing (null): stop there.
      const json me = s.call(unc, "GET", "/api/seat");
      if (!me.is_object() || !me.contains("turn")) return;
      const bool unc_turn = me["turn"]["yours"] == true;
      const std::string token = unc_turn ? unc : com;
      const json view = s.call(token, "GET", "/api/seat");
      if (!view.is_object() || !view.contains("turn")) return;
      const json move = view["turn"]["phase"] == "propose"
                            ? json{{"action", "propose"}, {"text", "repatriation=1 line=1"}}
                            : json{{"action", "reject"}};
      int status = 0;
      s.call(token, "POST", "/api/seat/move", move, &status);
      if (status != 200) return;
      ++acknowledged;
    }
  };
  play(*server, 5);
  ASSERT_EQ(acknowledged, 5);
  // One more move in flight while the server is killed: it may or may not have been stored,
  // but every acknowledged one must be.
  std::thread racing([&] { play(*server, 1); });
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  server->kill9();
  racing.join();

  server = std::make_unique<Server>(korea, dir);
  ASSERT_GT(server->port, 0) << server->banner;
  EXPECT_NE(server->banner.find("resumed"), std::string::npos) << server->banner;
  EXPECT_EQ(server->instructor, instructor) << "the instructor's link still works";
  auto moves_in = [&](const Server& s) {
    int n = 0;
    const json now = s.call(instructor, "GET", "/api/instructor/class");
    for (const json& e : now["tables"][0]["timeline"]) n += e["type"] == "move" ? 1 : 0;
    return n;
  };
  const int stored = moves_in(*server);
  EXPECT_GE(stored, acknowledged);
  EXPECT_LE(stored, acknowledged + 1);
  // The class goes on where it was, with the same seat links.
  acknowledged = stored;
  play(*server, 3);
  EXPECT_EQ(moves_in(*server), stored + 3);
  EXPECT_EQ(server->stop(), 0) << "Ctrl-C ends it cleanly";
}

TEST(ClassroomCommand, AFinishedTablesTraceIsReadByParleyReport) {
  const fs::path dir = fs::temp_directory_path() / "parley-classroom-report";
  fs::remove_all(dir);
  const std::string file = std::string(PARLEY_SOURCE_DIR) + "/scenarios/istanbul-2022.json";
  Server server(file, dir);
  ASSERT_GT(server.port, 0) << server.banner;
  server.call(server.instructor, "POST", "/api/instructor/tables/t1/clock", {{"running", true}});
  const json table = server.call(server.instructor, "GET", "/api/instructor/class")["tables"][0];
  const std::string first = table["turn"]["party"] == table["seats"][0]["party"]
                                ? table["seats"][0]["token"]
                                : table["seats"][1]["token"];
  const std::string second =
      first == table["seats"][0]["token"] ? table["seats"][1]["token"] : table["seats"][0]["token"];
  json terms = json::object();
  const json mine = server.call(first, "GET", "/api/seat/brief");
  for (const json& issue : mine["tracks"][0]["issues"])
    terms[issue["id"].get<std::string>()] = issue["options"].size() - 1;
  int status = 0;
  server.call(first, "POST", "/api/seat/move", {{"action", "propose"}, {"terms", terms}}, &status);
  ASSERT_EQ(status, 200);
  const json done = server.call(second, "POST", "/api/seat/move", {{"action", "accept"}}, &status);
  ASSERT_EQ(status, 200);
  EXPECT_EQ(done["status"], "over");
  const fs::path trace = dir / "tables" / "t1.trace.json";
  ASSERT_TRUE(fs::exists(trace));
  const auto report = testing::run_parley("report '" + trace.string() + "' --scenario '" +
                                              (dir / "scenario.json").string() + "' --out '" +
                                              (dir / "t1.html").string() + "'",
                                          true);
  EXPECT_EQ(report.status, 0) << report.out;
  EXPECT_TRUE(fs::exists(dir / "t1.html"));
}

TEST(ClassroomCommand, ABadScenarioOrAnotherClassesFolderIsExitTwo) {
  const fs::path dir = fs::temp_directory_path() / "parley-classroom-bad";
  fs::remove_all(dir);
  auto missing = testing::run_parley("classroom no-such-file.json --port 0", true);
  EXPECT_EQ(missing.status, 2) << missing.out;
  {
    Server korea(std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", dir);
    ASSERT_GT(korea.port, 0);
  }
  auto other = testing::run_parley(
      "classroom scenarios/istanbul-2022.json --port 0 --class-dir '" + dir.string() + "'", true);
  EXPECT_EQ(other.status, 2) << other.out;
  EXPECT_NE(other.out.find("holds another scenario"), std::string::npos) << other.out;
}

}  // namespace
}  // namespace parley
