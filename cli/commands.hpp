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

// The HTML report of a sweep (`parley report DIR`, `parley summary DIR --format html`).
int write_sweep_report(const std::string& where, const std::string& out);

}  // namespace parley::cli
