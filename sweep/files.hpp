#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/input_error.hpp"
#include "sweep/state.hpp"

namespace parley::cli {

// The files of a sweep directory (docs/sweep.md): summary.json for people and programs,
// state.json for --resume and `parley merge`. Both are written all or nothing.
inline constexpr const char* kSummaryFile = "summary.json";
inline constexpr const char* kStateFile = "state.json";

// Reads DIR/state.json; throws InputError naming the file when it is missing or not a state.
SweepState read_sweep_state(const std::string& directory);
// Creates the directory if needed and writes state.json, then summary.json.
void write_sweep_directory(const std::string& directory, const SweepState& state);
// The whole text of a file; throws InputError when it cannot be read.
std::string read_text_file(const std::string& path);
// Writes state.json, then summary.json, into the directory (created if needed), each whole.
void write_state_and_summary(const std::string& directory, const nlohmann::json& state,
                             const nlohmann::json& summary);

// Reads DIR/state.json with `parse` (a state_from_json of either sweep kind); a missing file, bad
// JSON or a state `parse` refuses is an InputError naming the file, `what` saying what was
// expected.
template <class Parse>
auto read_state_file(const std::string& directory, const std::string& what, Parse parse)
    -> decltype(parse(nlohmann::json())) {
  const std::string path = (std::filesystem::path(directory) / kStateFile).string();
  if (!std::filesystem::exists(path))
    throw InputError(path, 0, 0, "",
                     "a sweep directory holding state.json (written by parley sweep)",
                     "no such file");
  try {
    return parse(nlohmann::json::parse(read_text_file(path)));
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, 0, 0, "", what, e.what());
  } catch (const std::invalid_argument& e) {
    throw InputError(path, 0, 0, "", what, e.what());
  }
}

}  // namespace parley::cli
