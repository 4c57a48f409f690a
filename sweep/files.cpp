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
  const std::string path = (std::filesystem::path(directory) / kStateFile).string();
  if (!std::filesystem::exists(path))
    throw InputError(path, 0, 0, "",
                     "a sweep directory holding state.json (written by parley sweep)",
                     "no such file");
  try {
    return sweep_state_from_json(nlohmann::json::parse(read_text_file(path)));
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, 0, 0, "", "a sweep state written by parley sweep", e.what());
  } catch (const std::invalid_argument& e) {
    throw InputError(path, 0, 0, "", "a sweep state written by parley sweep", e.what());
  }
}

void write_sweep_directory(const std::string& directory, const SweepState& state) {
  std::filesystem::create_directories(directory);
  const std::filesystem::path dir(directory);
  OutputFile state_file((dir / kStateFile).string());
  state_file.stream() << to_json(state).dump() << "\n";
  OutputFile summary_file((dir / kSummaryFile).string());
  summary_file.stream() << summary_json(state).dump(2) << "\n";
  // Both complete before either replaces its old version: a crash between the renames leaves
  // a newer state beside an older summary, never a torn file.
  state_file.commit();
  summary_file.commit();
}

}  // namespace parley::cli
