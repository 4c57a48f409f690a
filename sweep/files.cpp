#include "sweep/files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/report/output_file.hpp"
#include "engine/input_error.hpp"

namespace parley::cli {

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, 0, "", "a readable file", "none");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

SweepState read_sweep_state(const std::string& directory) {
  return read_state_file(
      directory, "a sweep state written by parley sweep",
      [](nlohmann::json json) { return sweep_state_from_json(std::move(json)); });
}

void write_state_and_summary(const std::string& directory, const nlohmann::json& state,
                             const nlohmann::json& summary) {
  std::filesystem::create_directories(directory);
  const std::filesystem::path dir(directory);
  OutputFile state_file((dir / kStateFile).string());
  state_file.stream() << state.dump() << "\n";
  OutputFile summary_file((dir / kSummaryFile).string());
  summary_file.stream() << summary.dump(2) << "\n";
  // Both complete before either replaces its old version: a crash between the renames leaves
  // a newer state beside an older summary, never a torn file.
  state_file.commit();
  summary_file.commit();
}

void write_sweep_directory(const std::string& directory, const SweepState& state) {
  write_state_and_summary(directory, to_json(state), summary_json(state));
}

}  // namespace parley::cli
