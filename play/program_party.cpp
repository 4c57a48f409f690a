#include "play/program_party.hpp"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>

#include "agents/builtin_agents.hpp"

extern char** environ;

namespace parley {

namespace {

using nlohmann::json;

json moves_json(const PartyView& view) {
  const Scenario& s = view.setup->space->scenario();
  json history = json::array();
  for (const Move& m : *view.history)
    history.push_back(
        {{"round", m.round},
         {"party",
          m.party >= 0 ? json(s.parties[static_cast<std::size_t>(m.party)].id) : json(nullptr)},
         {"action", to_string(m.action)},
         {"outcome", m.deal.on_grid() ? json(m.deal.outcome) : json(nullptr)}});
  return history;
}

// The decision line: what the party may know (docs/architecture.md, rule 2).
json decision_json(const PartyView& view, bool respond) {
  const AgentSetup& setup = *view.setup;
  json line = {{"type", respond ? "respond" : "propose"},
               {"round", view.round.round},
               {"deadline_rounds", view.round.deadline_rounds},
               {"reservation", setup.current_reservation()},
               {"history", moves_json(view)}};
  if (view.offer) {
    line["offer"] = view.offer->on_grid() ? json(view.offer->outcome) : json(nullptr);
    line["offer_utility"] = setup.space->utility(setup.party, *view.offer);
  }
  return line;
}

}  // namespace

ProgramSource::ProgramSource(const AgentSetup& setup, ProgramOptions options)
    : options_(std::move(options)) {
  const Scenario& s = setup.space->scenario();
  const std::string party = s.parties[static_cast<std::size_t>(setup.party)].id;
  const std::string track = s.tracks[static_cast<std::size_t>(setup.track)].id;
  who_ = "party " + party + ", track " + track;
  const auto& ranking = setup.space->ranking(setup.party);
  best_ = ranking.empty() ? 0 : ranking.front();
  if (options_.command.empty()) {
    fail("no program to run");
    return;
  }
  int ends[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    fail(std::string("cannot connect to it: ") + std::strerror(errno));
    return;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, ends[1], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO);
  std::vector<char*> argv;
  for (std::string& a : options_.command) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(ends[1]);
  socket_ = ends[0];
  if (spawned != 0) {
    fail("cannot start '" + options_.command[0] + "': " + std::strerror(spawned));
    return;
  }
  pid_ = pid;
  const Eigen::ArrayXd& u = setup.own_utilities();
  json start = {{"type", "start"},
                {"protocol", 1},
                {"party", party},
                {"track", track},
                {"opener", s.parties[static_cast<std::size_t>(setup.opener)].id},
                {"outcomes", setup.space->size()},
                {"utilities", std::vector<double>(u.data(), u.data() + u.size())},
                {"reservation", setup.current_reservation()},
                {"deadline_rounds", setup.deadline_rounds},
                {"walk_away_allowed", setup.walk_away_allowed}};
  std::string answer;
  if (!exchange(start.dump(), answer)) return;
  json ready = json::parse(answer, nullptr, false);
  if (ready.is_discarded() || !ready.is_object() || ready.value("ready", false) != true)
    fail("expected {\"ready\": true} after the start line, got '" + answer + "'");
}

ProgramSource::~ProgramSource() {
  stop();
}

void ProgramSource::fail(const std::string& why) {
  if (!failure_.empty()) return;
  failure_ = why;
  std::ostream& out = options_.errors ? *options_.errors : std::cerr;
  out << "parley: agent program"
      << (options_.command.empty() ? "" : " '" + options_.command[0] + "'") << " (" << who_
      << "): " << why << "; the party walks away\n";
  stop();
}

void ProgramSource::stop() {
  if (socket_ >= 0) {
    const std::string end = "{\"type\":\"end\"}\n";
    (void)send(socket_, end.data(), end.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    close(socket_);
    socket_ = -1;
  }
  if (pid_ > 0) {
    // A moment to leave on its own, then it is stopped.
    int status = 0;
    for (int k = 0; k < 20 && waitpid(pid_, &status, WNOHANG) == 0; ++k) usleep(5000);
    if (waitpid(pid_, &status, WNOHANG) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }
}

bool ProgramSource::exchange(const std::string& line, std::string& answer) {
  if (socket_ < 0) return false;
  const std::string out = line + "\n";
  std::size_t sent = 0;
  while (sent < out.size()) {
    const ssize_t n = send(socket_, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      fail("it stopped reading (it exited or crashed)");
      return false;
    }
    sent += static_cast<std::size_t>(n);
  }
  const auto deadline = std::chrono::steady_clock::now() + options_.time_limit;
  for (;;) {
    const std::size_t eol = buffer_.find('\n');
    if (eol != std::string::npos) {
      answer = buffer_.substr(0, eol);
      buffer_.erase(0, eol + 1);
      return true;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      fail("no answer within the time limit of " + std::to_string(options_.time_limit.count()) +
           " ms");
      return false;
    }
    pollfd fd{socket_, POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char chunk[4096];
    const ssize_t n = recv(socket_, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      fail("it exited or crashed before answering");
      return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    if (buffer_.size() > (1u << 24)) {
      fail("an answer longer than 16 MiB without a line end");
      return false;
    }
  }
}

std::int64_t ProgramSource::propose(const PartyView& view) {
  std::string answer;
  if (!exchange(decision_json(view, false).dump(), answer)) return best_;
  const json move = json::parse(answer, nullptr, false);
  if (!move.is_discarded() && move.is_object() && move.contains("offer") &&
      move["offer"].is_number_integer()) {
    const auto k = move["offer"].get<std::int64_t>();
    if (k >= 0 && k < view.setup->space->size()) return k;
  }
  fail("expected {\"offer\": K} with K an outcome in 0.." +
       std::to_string(view.setup->space->size() - 1) + ", got '" + answer.substr(0, 200) + "'");
  return best_;
}

Response ProgramSource::respond(const PartyView& view) {
  const Response gone = view.setup->walk_away_allowed ? Response::WalkAway : Response::Reject;
  std::string answer;
  if (!exchange(decision_json(view, true).dump(), answer)) return gone;
  const json move = json::parse(answer, nullptr, false);
  if (!move.is_discarded() && move.is_object() && move.contains("response") &&
      move["response"].is_string()) {
    const std::string r = move["response"].get<std::string>();
    if (r == "accept") return Response::Accept;
    if (r == "reject") return Response::Reject;
    if (r == "walk_away" && view.setup->walk_away_allowed) return Response::WalkAway;
  }
  fail(std::string("expected {\"response\": \"accept\"}, \"reject\"") +
       (view.setup->walk_away_allowed ? " or \"walk_away\"" : "") + ", got '" +
       answer.substr(0, 200) + "'");
  return gone;
}

AgentModel scenario_program_model() {
  AgentModel model = external_agent_model(
      "program", "a party played by another program over JSON lines (docs/python.md)",
      [](const AgentSetup& setup) -> std::shared_ptr<DecisionSource> {
        ProgramOptions options;
        if (setup.agent) options.command = setup.agent->command;
        options.time_limit = std::chrono::milliseconds(
            static_cast<std::int64_t>(std::llround(setup.param("time_limit") * 1000.0)));
        return std::make_shared<ProgramSource>(setup, std::move(options));
      });
  model.params = {{"time_limit", 5.0, 0.001, 3600.0,
                   "seconds the program may take per move (and to answer the start line)", false}};
  return model;
}

const AgentRegistry& agents_with_programs() {
  static const AgentRegistry registry = [] {
    AgentRegistry r = builtin_agents();
    r.add(scenario_program_model());
    return r;
  }();
  return registry;
}

AgentModel program_agent_model(std::string name, ProgramOptions options) {
  std::string summary = "a party played by the program '";
  for (std::size_t k = 0; k < options.command.size(); ++k)
    summary += (k ? " " : "") + options.command[k];
  summary += "' over JSON lines";
  return external_agent_model(
      std::move(name), std::move(summary),
      [options](const AgentSetup& setup) -> std::shared_ptr<DecisionSource> {
        return std::make_shared<ProgramSource>(setup, options);
      });
}

}  // namespace parley
