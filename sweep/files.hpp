#pragma once
#include <string>

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

}  // namespace parley::cli
