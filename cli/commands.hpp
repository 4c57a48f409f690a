#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace parley::cli {

// Each command registers its subcommand and options, and sets `action` to what it does when
// chosen. Actions return the process exit status (0 ok, 1 failure, 2 bad input).
using Action = std::function<int()>;

void add_run_command(CLI::App& app, Action& action);
void add_validate_command(CLI::App& app, Action& action);
void add_agents_command(CLI::App& app, Action& action);
void add_schema_command(CLI::App& app, Action& action);
void add_import_command(CLI::App& app, Action& action);
void add_export_command(CLI::App& app, Action& action);
void add_analyze_command(CLI::App& app, Action& action);
void add_sweep_command(CLI::App& app, Action& action);
void add_merge_command(CLI::App& app, Action& action);
void add_summary_command(CLI::App& app, Action& action);
void add_tournament_command(CLI::App& app, Action& action);
void add_forecast_command(CLI::App& app, Action& action);
void add_report_command(CLI::App& app, Action& action);
void add_brief_command(CLI::App& app, Action& action);
void add_classroom_command(CLI::App& app, Action& action);
void add_evaluate_command(CLI::App& app, Action& action);
void add_play_command(CLI::App& app, Action& action);
void add_debrief_command(CLI::App& app, Action& action);

// --allow-programs (run, sweep, tournament): a scenario file whose party is played by a program
// (agent model "program") runs that command, so it loads only when the user opts in.
inline constexpr const char* kAllowProgramsHelp =
    "Let the scenario file start the programs its parties name (agent model \"program\" with a "
    "command, docs/python.md). Off by default: such a file runs commands on this machine, so "
    "give it only to files you trust. A program given with --agent ID=program:cmd=... needs no "
    "flag";
inline constexpr const char* kAgentHelp =
    "Play party ID with another agent model: ID=MODEL[:param=value,...], e.g. UA=conceder or "
    "RU=boulware:e=0.05, or with a program over JSON lines: "
    "ID=program[:time_limit=SECONDS],cmd=COMMAND (docs/python.md); repeatable, one per party; "
    "replaces the file's model and parameters for that party (`parley agents`)";

// The HTML report of a sweep (`parley report DIR`, `parley summary DIR --format html`).
int write_sweep_report(const std::string& where, const std::string& out);

}  // namespace parley::cli
