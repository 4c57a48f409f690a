// parley: simulate diplomatic negotiations from a scenario file (docs/cli.md).
#include <iostream>

#include "cli/commands.hpp"
#include "engine/input_error.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "parley simulates diplomatic negotiations: a scenario file describes the parties, the "
      "issues, what each side wants and the rules of the talks; agent models play the parties "
      "and parley reports what is agreed, when and at what cost.",
      "parley"};
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  parley run scenarios/istanbul-2025-06.json --seed 1\n"
      "  parley run scenarios/istanbul-2025-06.json --format json --trace trace.jsonl\n"
      "  parley validate my-scenario.json\n"
      "  parley sweep scenarios/istanbul-2025-06.json --runs 100000 --out istanbul\n"
      "  parley report istanbul --out istanbul.html\n"
      "  parley agents\n"
      "  parley analyze scenarios/istanbul-2025-06.json\n"
      "  parley import genius DOMAIN.xml PROFILE1.xml PROFILE2.xml --out imported.json\n"
      "  parley export gambit small.json --rounds 2 --out small.efg\n"
      "  parley tournament scenarios/istanbul-2025-06.json --models boulware,conceder,linear\n"
      "  parley forecast scenarios/ec-car-emissions-1994.json\n"
      "  parley classroom scenarios/korea-1951-53.json --tables 12\n\n"
      "Exit status: 0 success, 1 failure, 2 bad input (the message names file, line:column and "
      "JSON pointer). Documentation: docs/cli.md.");
  app.set_version_flag("--version", "parley 0.1.0");

  parley::cli::Action action;
  parley::cli::add_run_command(app, action);
  parley::cli::add_validate_command(app, action);
  parley::cli::add_agents_command(app, action);
  parley::cli::add_schema_command(app, action);
  parley::cli::add_sweep_command(app, action);
  parley::cli::add_merge_command(app, action);
  parley::cli::add_summary_command(app, action);
  parley::cli::add_report_command(app, action);
  parley::cli::add_import_command(app, action);
  parley::cli::add_export_command(app, action);
  parley::cli::add_analyze_command(app, action);
  parley::cli::add_tournament_command(app, action);
  parley::cli::add_forecast_command(app, action);
  parley::cli::add_brief_command(app, action);
  parley::cli::add_evaluate_command(app, action);
  parley::cli::add_play_command(app, action);
  parley::cli::add_debrief_command(app, action);
  parley::cli::add_classroom_command(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    return action ? action() : 0;
  } catch (const parley::InputError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "parley: error: " << e.what() << "\n";
    return 1;
  }
}
