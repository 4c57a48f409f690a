// parley summary: a sweep's summary.json as readable tables.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "engine/input_error.hpp"
#include "sweep/files.hpp"
#include "sweep/forecast_sweep.hpp"
#include "sweep/state.hpp"
#include "sweep/summary_text.hpp"

namespace parley::cli {

namespace {

int summary(const std::string& where) {
  std::filesystem::path path(where);
  if (std::filesystem::is_directory(path)) path /= kSummaryFile;
  const std::string text = read_text_file(path.string());
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
    if (!json.contains("parley_summary")) throw std::invalid_argument("no parley_summary key");
    // Format 2 on carries a checksum; format 1 (before it) is printed as it is.
    if (!json["parley_summary"].is_number_integer() || json["parley_summary"].get<int>() < 1 ||
        json["parley_summary"].get<int>() > 2)
      throw std::invalid_argument("summary format " + json["parley_summary"].dump() +
                                  " is not one this parley reads (1 or 2)");
    if (json["parley_summary"].get<int>() >= 2) check_seal(json);
    std::cout << (is_forecast_summary(json) ? forecast_summary_text(json) : summary_text(json));
  } catch (const std::exception& e) {
    throw InputError(path.string(), 0, 0, "", "a summary.json written by parley sweep or merge",
                     e.what());
  }
  return 0;
}

}  // namespace

void add_summary_command(CLI::App& app, Action& action) {
  auto where = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto out = std::make_shared<std::string>("report.html");
  CLI::App* cmd = app.add_subcommand("summary", "Print a sweep's summary.json as readable tables");
  cmd->add_option("dir", *where, "Sweep directory (or its summary.json)")->required();
  cmd->add_option("--format", *format,
                  "text (tables on stdout), or html: the sweep's report page, as parley report")
      ->check(CLI::IsMember({"text", "html"}));
  cmd->add_option("--out", *out, "With --format html: the HTML file (default report.html)");
  cmd->footer(
      "Examples:\n  parley summary istanbul-sweep\n"
      "  parley summary istanbul-sweep --format html --out sweep.html");
  cmd->callback([where, format, out, &action] {
    action = [where, format, out] {
      return *format == "html" ? write_sweep_report(*where, *out) : summary(*where);
    };
  });
}

}  // namespace parley::cli
