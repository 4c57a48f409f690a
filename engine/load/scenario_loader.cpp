#include "engine/load/scenario_loader.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/load/input_limits.hpp"

#include "engine/load/json_document.hpp"
#include "engine/load/reach_check.hpp"
#include "engine/load/scenario_builder.hpp"
#include "engine/load/schema_check.hpp"
#include "engine/load/uncertainty_loader.hpp"

namespace parley {

namespace {
constexpr int kFormatVersion = 1;

std::string read_file(const std::string& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored))
    throw InputError(path, 0, 0, "", "a scenario file", "no file at this path");
  if (std::filesystem::is_directory(path, ignored))
    throw InputError(path, 0, 0, "", "a scenario file", "a directory");
  // Read at most one byte past the limit: a huge file, or a device such as /dev/zero, is
  // refused without being held in memory.
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(path, 0, 0, "", "a readable scenario file", "a file that cannot be read");
  std::string text;
  std::array<char, 1 << 16> chunk{};
  while (in && text.size() <= kMaxScenarioFileBytes) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad())
    throw InputError(path, 0, 0, "", "a readable scenario file", "a file that cannot be read");
  check_file_size(text.size(), path);
  return text;
}

// A file from a later format may be valid in its own version; say so before the schema of
// version 1 complains about its new fields.
void check_format_version(const JsonDocument& document) {
  const nlohmann::json& root = document.root();
  if (!root.is_object() || !root.contains("parley") || !root["parley"].is_number()) return;
  if (root["parley"] != kFormatVersion)
    throw document.error("/parley",
                         "format version " + std::to_string(kFormatVersion) +
                             " (the only version this parley reads)",
                         document.literal("/parley"));
}
}  // namespace

ScenarioPtr load_scenario(const std::string& path, const AgentRegistry& registry,
                          const LoadOptions& options) {
  return load_scenario_text(read_file(path), path, registry, options);
}

ScenarioPtr load_scenario_text(const std::string& text, const std::string& name,
                               const AgentRegistry& registry, const LoadOptions& options) {
  const JsonDocument document = JsonDocument::parse(text, name);
  check_format_version(document);
  check_schema(document);
  if (!document.contains("/parties"))
    throw document.error("", "a negotiation scenario with issues, parties and protocol",
                         "only stakeholders (\"actors\"): forecast them with parley forecast");
  Scenario scenario = build_scenario(document, registry, options);
  scenario.uncertainty = read_uncertainty(document, scenario, registry);
  scenario.warnings = check_reach(document, scenario);
  return std::make_shared<const Scenario>(std::move(scenario));
}

ForecastScenario load_forecast(const std::string& path) {
  return load_forecast_text(read_file(path), path);
}

ForecastScenario load_forecast_text(const std::string& text, const std::string& name) {
  const JsonDocument document = JsonDocument::parse(text, name);
  check_format_version(document);
  check_schema(document);
  if (!document.contains("/actors"))
    throw document.error("", "an \"actors\" block with the stakeholders to forecast",
                         "a scenario without one");
  return read_actors(document);
}

bool is_forecast_only(const std::string& path) {
  try {
    const nlohmann::json root = nlohmann::json::parse(read_file(path));
    return root.is_object() && root.contains("actors") && !root.contains("parties");
  } catch (const std::exception&) {
    return false;  // the regular loader reports what is wrong with the file
  }
}

}  // namespace parley
