#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parley {

// A run's trace (`parley run --trace`, docs/output.md): one JSON object per line, in order.
// Throws InputError naming the file, line and column of a line that is not a JSON object with
// an "event" key, or of a trace with no run-end line (cut short).
std::vector<nlohmann::json> read_trace(const std::string& path);
std::vector<nlohmann::json> parse_trace(const std::string& text, const std::string& name);

}  // namespace parley
