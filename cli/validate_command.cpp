#include <iostream>
#include <memory>

#include "analysis/report/brief.hpp"
#include "cli/commands.hpp"
#include "cli/warnings.hpp"
#include "engine/format.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "play/program_party.hpp"

namespace parley::cli {

namespace {
int validate(const std::string& file, bool strict) {
  if (is_forecast_only(file)) {
    const ForecastScenario f = load_forecast(file);
    std::cout << file << ": valid forecast scenario \"" << f.name << "\": " << f.table.actors.size()
              << " actors, " << f.table.dimensions.size()
              << (f.table.dimensions.size() == 1 ? " dimension" : " dimensions") << "\n";
    return 0;
  }
  // Checking runs nothing, so a file naming programs is valid here; running it needs
  // --allow-programs.
  const ScenarioPtr scenario = load_scenario(file, agents_with_programs(), LoadOptions{true});
  if (report_warnings(*scenario, strict, std::cerr)) return 2;
  // What a class would miss in the parties' briefs: said, never refused (--strict ignores it).
  for (const std::string& line : brief_warnings(*scenario)) std::cerr << line << "\n";
  std::cout << file << ": valid scenario \"" << scenario->meta.name << "\": "
            << format_count(static_cast<long long>(scenario->parties.size()), "party", "parties")
            << ", " << format_count(static_cast<long long>(scenario->issues.size()), "issue")
            << ", " << format_count(static_cast<long long>(scenario->tracks.size()), "track")
            << "\n";
  return 0;
}
}  // namespace

void add_validate_command(CLI::App& app, Action& action) {
  auto file = std::make_shared<std::string>();
  auto strict = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check a scenario file against the schema and the semantic rules");
  cmd->add_option("file", *file, "Scenario file to check")->required();
  cmd->add_flag("--strict", *strict, kStrictHelp);
  cmd->footer(
      "Exits 0 when the file is valid; otherwise prints FILE:LINE:COLUMN, the JSON pointer, what\n"
      "was expected and what was found, and exits 2. What can never take effect (an event,\n"
      "agenda item or ultimatum dated on or after the deadline) is a warning on stderr, located\n"
      "the same way; --strict makes it an error. A scenario with no texts for the parties'\n"
      "briefs (meta.situation, an issue's brief) gets a warning too, which --strict ignores.\n"
      "Example:\n  parley validate scenarios/istanbul-2025-06.json");
  cmd->callback(
      [file, strict, &action] { action = [file, strict] { return validate(*file, *strict); }; });
}

}  // namespace parley::cli
