#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "agents/builtin_agents.hpp"
#include "analysis/report/output_file.hpp"
#include "cli/commands.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "interop/genius_folder.hpp"
#include "interop/genius_import.hpp"
#include "interop/openspiel_bargaining.hpp"

namespace parley::cli {

namespace {

struct ImportOptions {
  std::vector<std::string> files;  // genius: DOMAIN.xml PROFILE.xml... or one folder
  std::string out;
  std::vector<std::string> agents;
  GeniusImportOptions genius;
  OpenSpielBargainingOptions openspiel;
  int line = 0;
};

// The imported scenario goes through the normal loader before anything is written, so an
// import never leaves a file that `parley run` would refuse (docs/architecture.md, rule 3).
int write_scenario(const nlohmann::ordered_json& scenario, const std::string& out) {
  const std::string text = scenario.dump(2) + "\n";
  load_scenario_text(text, out.empty() ? "imported scenario" : out, builtin_agents());
  if (out.empty()) {
    std::cout << text;
    return 0;
  }
  OutputFile file(out);
  file.stream() << text;
  file.commit();
  return 0;
}

int import_genius_files(ImportOptions& options) {
  if (!options.agents.empty()) options.genius.agents.models = options.agents;
  std::string domain;
  std::vector<std::string> profiles;
  if (options.files.size() == 1 && std::filesystem::is_directory(options.files[0])) {
    const GeniusFolder folder = scan_genius_folder(options.files[0]);
    domain = folder.domain;
    profiles = folder.profiles;
    std::cerr << "parley: " << options.files[0] << ": domain " << folder.domain << "; profiles";
    for (const std::string& p : folder.profiles) std::cerr << " " << p;
    if (!folder.others.empty()) std::cerr << " (" << folder.others.size() << " variants left out)";
    std::cerr << "\n";
  } else {
    domain = options.files[0];
    profiles.assign(options.files.begin() + 1, options.files.end());
  }
  return write_scenario(import_genius(domain, profiles, options.genius), options.out);
}

int import_openspiel(ImportOptions& options) {
  if (!options.agents.empty()) options.openspiel.agents.models = options.agents;
  return write_scenario(
      import_openspiel_bargaining(options.files.at(0), options.line, options.openspiel),
      options.out);
}

void add_common_options(CLI::App* cmd, ImportOptions& options) {
  cmd->add_option("--out", options.out,
                  "Write the scenario to this file (all or nothing) instead of standard output");
  cmd->add_option("--agent", options.agents,
                  "Agent model for every party, or repeat it once per party in order "
                  "(default: boulware; see `parley agents`)");
  cmd->add_option("--date", options.genius.date, "meta.date of the scenario (YYYY-MM-DD)")
      ->capture_default_str();
}

}  // namespace

void add_import_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Turn another tool's negotiation (GENIUS, OpenSpiel) into a parley scenario");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  parley import genius laptop_domain.xml laptop_buyer_utility.xml "
      "laptop_seller_utility.xml --out laptop.json\n"
      "  parley import genius path/to/Laptop/ --rounds 60 --agent conceder\n"
      "  parley import openspiel-bargaining bargaining_instances1000.txt --line 3 --out deal.json\n"
      "See docs/interop.md for the mappings and what cannot be imported.");

  CLI::App* genius = cmd->add_subcommand(
      "genius", "Import a GENIUS domain and its preference profiles (or a GENIUS folder)");
  genius
      ->add_option("files", options->files,
                   "DOMAIN.xml PROFILE.xml PROFILE.xml... (one party per profile), or a folder "
                   "holding a domain and its profiles")
      ->required();
  add_common_options(genius, *options);
  genius
      ->add_option(
          "--rounds", options->genius.deadline_rounds,
          "Deadline in GENIUS rounds (one turn of each party; 2 x rounds - 1 parley offers for "
          "two parties); time-dependent agents play as GENIUS's TimeDependentAgent")
      ->capture_default_str();
  genius
      ->add_option("--resolution", options->genius.share_resolution,
                   "Grid points of real (continuous) issues")
      ->capture_default_str();
  genius->footer(
      "Example:\n"
      "  parley import genius laptop_domain.xml laptop_buyer_utility.xml "
      "laptop_seller_utility.xml --out laptop.json");
  genius->callback(
      [options, &action] { action = [options] { return import_genius_files(*options); }; });

  CLI::App* openspiel = cmd->add_subcommand("openspiel-bargaining",
                                            "Import one instance of OpenSpiel's bargaining game");
  openspiel
      ->add_option("file", options->files,
                   "OpenSpiel bargaining instances file: lines \"pool values0 values1\"")
      ->required()
      ->expected(1);
  openspiel->add_option("--line", options->line, "The instance's line number (1 = first line)")
      ->required();
  add_common_options(openspiel, *options);
  openspiel
      ->add_option("--max-turns", options->openspiel.max_turns,
                   "OpenSpiel's max_turns (offers, including one that cannot be answered)")
      ->capture_default_str();
  openspiel
      ->add_option("--discount", options->openspiel.discount,
                   "OpenSpiel's discount per turn from the third turn: parley's per-round discount")
      ->capture_default_str();
  openspiel
      ->add_option("--prob-end", options->openspiel.prob_end,
                   "OpenSpiel's prob_end: parley's breakdown probability")
      ->capture_default_str();
  openspiel->footer(
      "Example:\n"
      "  parley import openspiel-bargaining bargaining_instances1000.txt --line 3 "
      "--max-turns 10 --discount 0.98 --out deal.json");
  openspiel->callback([options, &action] {
    options->openspiel.date = options->genius.date;
    action = [options] { return import_openspiel(*options); };
  });
}

}  // namespace parley::cli
