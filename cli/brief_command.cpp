// parley brief: the public and confidential brief of one party, or the instructor's brief.
#include <iostream>
#include <memory>

#include "agents/builtin_agents.hpp"
#include "analysis/report/brief.hpp"
#include "analysis/report/output_file.hpp"
#include "cli/commands.hpp"
#include "cli/party_option.hpp"
#include "engine/input_error.hpp"
#include "interop/scenario_source.hpp"

namespace parley::cli {

namespace {

struct BriefOptions {
  std::string file;
  std::string party;
  bool instructor = false;
  std::string format = "markdown";
  std::string out;
};

int brief(const BriefOptions& options) {
  const ScenarioPtr scenario = load_scenario_or_genius_folder(options.file, builtin_agents());
  if (options.party.empty() && !options.instructor)
    throw InputError("--party", 0, 0, "",
                     "the party whose brief to write (or --instructor for every party)",
                     "no --party");
  const int party = options.party.empty() ? -1 : party_option(*scenario, options.party, "--party");
  for (const std::string& line : brief_warnings(*scenario)) std::cerr << line << "\n";
  const Simulator simulator(scenario, builtin_agents());
  const Brief b =
      options.instructor ? instructor_brief(simulator, party) : party_brief(simulator, party);
  const std::string text = options.format == "html" ? b.html() : b.markdown();
  if (options.out.empty() || options.out == "-") {
    std::cout << text;
    return 0;
  }
  OutputFile file(options.out);
  file.stream() << text;
  file.commit();
  std::cerr << "parley brief: " << options.out << "\n";
  return 0;
}

}  // namespace

void add_brief_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<BriefOptions>();
  CLI::App* cmd = app.add_subcommand(
      "brief", "A party's brief for a class: the public brief and its confidential point schedule");
  cmd->add_option("file", options->file, "Scenario file")->required();
  cmd->add_option("--party", options->party,
                  "The party (its id) whose confidential brief to write");
  cmd->add_flag("--instructor", options->instructor,
                "The instructor's brief: every party's schedule, the Pareto frontier, the Nash "
                "and Kalai-Smorodinsky points, the injects and what happened");
  cmd->add_option("--format", options->format, "markdown, or html (a self-contained page to print)")
      ->check(CLI::IsMember({"markdown", "html"}))
      ->capture_default_str();
  cmd->add_option("--out", options->out, "The file to write (default: standard output)");
  cmd->footer(
      "A party's brief holds the public brief (the situation, the issues, the rules and the\n"
      "deadline) and that party's confidential brief: its points out of 100 for every option of\n"
      "every issue, its no-deal score, its priorities in words, and what it knows and does not\n"
      "know. No other party's preferences, no-deal score, costs or private type appear in it,\n"
      "and nothing of how the talks ended: its texts are the scenario's meta.situation and its\n"
      "issues' brief texts (a warning on stderr when they are missing); the scenario's\n"
      "description and history are only in the instructor's brief.\n"
      "See docs/classroom.md.\n"
      "Examples:\n"
      "  parley brief scenarios/korea-1951-53.json --party UNC\n"
      "  parley brief scenarios/korea-1951-53.json --party COM --format html --out com.html\n"
      "  parley brief scenarios/korea-1951-53.json --instructor --format html --out all.html");
  cmd->callback([options, &action] { action = [options] { return brief(*options); }; });
}

}  // namespace parley::cli
