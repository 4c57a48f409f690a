// parley report: a run's trace or a sweep's folder as one self-contained HTML page of charts.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "analysis/charts/report_page.hpp"
#include "analysis/charts/vega_runtime.hpp"
#include "analysis/report/forecast_sweep_pictures.hpp"
#include "analysis/report/output_file.hpp"
#include "analysis/report/run_pictures.hpp"
#include "analysis/report/sweep_pictures.hpp"
#include "analysis/report/trace_reader.hpp"
#include "cli/commands.hpp"
#include "engine/input_error.hpp"
#include "interop/scenario_source.hpp"
#include "sweep/files.hpp"
#include "sweep/forecast_sweep.hpp"

namespace parley::cli {

namespace {

struct ReportOptions {
  std::string input;
  std::string out = "report.html";
  std::string scenario;
};

// A folder, or a file that is a summary.json, is a sweep; any other file a trace.
bool is_sweep(const std::filesystem::path& path) {
  if (std::filesystem::is_directory(path)) return true;
  std::ifstream in(path, std::ios::binary);
  std::string head(64, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  // A summary is one pretty-printed object; a trace's first line is a complete object.
  return path.filename() == kSummaryFile ||
         (head.rfind("{\n", 0) == 0 && head.find("\"event\"") == std::string::npos);
}

void write_page(const ReportPage& page, const std::string& out) {
  const std::string vega = vega_runtime_script();  // before the output exists: all or nothing
  OutputFile file(out);
  file.stream() << html_page(page, vega);
  file.commit();
  std::cerr << "parley report: " << out << " (" << page.chart_count() << " charts)\n";
}

}  // namespace

int write_sweep_report(const std::string& where, const std::string& out) {
  std::filesystem::path path(where);
  if (std::filesystem::is_directory(path)) path /= kSummaryFile;
  const std::string text = read_text_file(path.string());
  ReportPage page;
  try {
    const nlohmann::json summary = nlohmann::json::parse(text);
    page =
        is_forecast_summary(summary) ? forecast_sweep_pictures(summary) : sweep_pictures(summary);
  } catch (const std::exception& e) {
    throw InputError(path.string(), 0, 0, "", "a summary.json written by parley sweep or merge",
                     e.what());
  }
  write_page(page, out);
  return 0;
}

int write_run_report(const std::string& trace_path, const std::string& scenario_path,
                     const std::string& out) {
  if (scenario_path.empty())
    throw InputError(trace_path, 0, 0, "",
                     "--scenario FILE: the scenario the trace was run with (a trace names "
                     "tracks and parties, not its file)",
                     "no --scenario");
  const auto trace = read_trace(trace_path);
  const ScenarioPtr scenario = load_scenario_or_genius_folder(scenario_path, builtin_agents());
  write_page(run_pictures(*scenario, trace, std::filesystem::path(trace_path).filename().string()),
             out);
  return 0;
}

void add_report_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Draw a run's trace or a sweep's results as one self-contained HTML page");
  cmd->add_option("input", options->input,
                  "A trace (parley run --trace FILE) or a sweep directory (or its summary.json)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--out", options->out, "The HTML file to write (default report.html)");
  cmd->add_option("--scenario", options->scenario,
                  "For a trace: the scenario file it was run with (needed to draw every "
                  "possible deal)");
  cmd->footer(
      "Examples:\n"
      "  parley run scenarios/istanbul-2025.json --trace run.jsonl\n"
      "  parley report run.jsonl --scenario scenarios/istanbul-2025.json --out run.html\n"
      "  parley report istanbul-sweep --out sweep.html\n\n"
      "The page inlines Vega (Debian's libjs-vega; PARLEY_VEGA_DIR overrides its folder) and\n"
      "opens from disk with no network. docs/report.md describes every chart.");
  cmd->callback([options, &action] {
    action = [options] {
      return is_sweep(options->input)
                 ? write_sweep_report(options->input, options->out)
                 : write_run_report(options->input, options->scenario, options->out);
    };
  });
}

}  // namespace parley::cli
