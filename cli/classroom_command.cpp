#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "agents/builtin_agents.hpp"
#include "analysis/report/brief.hpp"
#include "classroom/classroom.hpp"
#include "classroom/server.hpp"
#include "cli/commands.hpp"
#include "cli/warnings.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley::cli {

namespace {
struct ClassroomOptions {
  std::string file;
  int tables = 1;
  std::string class_dir;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::uint64_t seed = 1;
};

int classroom(const ClassroomOptions& options) {
  const AgentRegistry& registry = builtin_agents();
  const ScenarioPtr scenario = load_scenario(options.file, registry);
  if (report_warnings(*scenario, false, std::cerr)) return 2;
  if (scenario->parties.empty()) {
    std::cerr << options.file << ": a classroom needs parties to play (this file has none)\n";
    return 2;
  }
  // The students' pages show the parties' briefs: say what they will lack.
  for (const std::string& line : brief_warnings(*scenario)) std::cerr << line << "\n";
  std::filesystem::path dir = options.class_dir;
  if (dir.empty()) dir = std::filesystem::path(options.file).stem().string() + "-class";

  // Ctrl-C and SIGTERM stop the server cleanly: blocked here (the server's threads inherit the
  // mask) and awaited by one thread that stops it.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::unique_ptr<Classroom> room;
  try {
    room = std::make_unique<Classroom>(scenario, options.file, dir, options.tables, options.seed,
                                       registry);
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley classroom: " << e.what() << "\n";
    return 2;
  }
  ClassroomServer server(*room);
  const int port = server.bind(options.host, options.port);
  const std::string host =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  const std::string base = "http://" + host + ":" + std::to_string(port);
  std::cout << "parley classroom: " << scenario->meta.name << "\n"
            << "  class folder  " << dir.string()
            << (room->resumed() ? " (resumed from its store)" : " (new)") << ", "
            << room->table_count() << (room->table_count() == 1 ? " table" : " tables") << "\n"
            << "  instructor    " << base << "/instructor#" << room->instructor_token() << "\n"
            << "  students      the join link of each seat is on the instructor page\n"
            << "  listening on  " << host << ":" << port
            << (options.host == "127.0.0.1" ? " (this machine only; --host 0.0.0.0 for the room)"
                                            : "")
            << "\n"
            << "Ctrl-C stops the server; the same command resumes the class where it was."
            << std::endl;

  std::thread waiter([&server, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  });
  server.listen();
  // Stopped by a signal, or by the server itself: wake the waiter if it still waits.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cout << "parley classroom: stopped; every acknowledged move is in "
            << (dir / "class.sqlite").string() << std::endl;
  return 0;
}
}  // namespace

void add_classroom_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<ClassroomOptions>();
  CLI::App* cmd = app.add_subcommand(
      "classroom", "Run a negotiation class in the browser: students play the parties at tables");
  cmd->add_option("file", options->file, "Scenario file (JSON, format version 1)")->required();
  cmd->add_option("--tables", options->tables,
                  "Tables to prepare in a new class (every seat a person until the instructor "
                  "assigns agents); more can be added from the instructor page")
      ->check(CLI::Range(0, 500))
      ->capture_default_str();
  cmd->add_option("--class-dir", options->class_dir,
                  "The class folder: scenario copy, class store, each table's trace; an existing "
                  "one is resumed (default: FILE's name + \"-class\")");
  cmd->add_option("--host", options->host,
                  "Address to listen on; the default serves this machine only, 0.0.0.0 serves "
                  "the room's network")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "TCP port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--seed", options->seed,
                  "Seed of the first table; table k plays seed + k - 1 (the same seeds and moves "
                  "replay the same games)")
      ->capture_default_str();
  cmd->footer(
      "The instructor page (its link is printed at start-up, with a secret token) makes tables,\n"
      "gives each party to a person (a join link per seat) or an agent model, starts and pauses\n"
      "each table's clock, pushes the scenario's events as injects and shows every table live.\n"
      "Every move is on disk before it is acknowledged; each finished game is saved as\n"
      "CLASS_DIR/tables/TABLE.trace.json, which `parley report` reads. docs/classroom-server.md.\n"
      "Example:\n"
      "  parley classroom scenarios/korea-1951-53.json --tables 12 --class-dir korea-class");
  cmd->callback([options, &action] { action = [options] { return classroom(*options); }; });
}

}  // namespace parley::cli
