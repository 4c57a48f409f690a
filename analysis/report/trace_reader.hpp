#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parley {

// A run's trace (`parley run --trace`, docs/output.md): one JSON object per line, in order.
// Throws InputError naming the file, line and column of a line that is not a JSON object with
// an "event" key, or of a trace with no run-end line (cut short).
// `require_end` false accepts a trace without its run-end line: a game still being played (the
// classroom's debrief of tables that have not finished).
std::vector<nlohmann::json> read_trace(const std::string& path, bool require_end = true);
std::vector<nlohmann::json> parse_trace(const std::string& text, const std::string& name,
                                        bool require_end = true);

}  // namespace parley
