#include "analysis/report/trace_reader.hpp"

#include <fstream>
#include <sstream>

#include "engine/input_error.hpp"

namespace parley {

std::vector<nlohmann::json> read_trace(const std::string& path, bool require_end) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, 0, "", "a readable trace file", "cannot open it");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_trace(text.str(), path, require_end);
}

std::vector<nlohmann::json> parse_trace(const std::string& text, const std::string& name,
                                        bool require_end) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  bool ended = false;
  const std::string expected = "one JSON object per line, as `parley run --trace` writes";
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      throw InputError(name, number, static_cast<int>(e.byte), "", expected, e.what());
    }
    if (!j.is_object() || !j.contains("event") || !j["event"].is_string())
      throw InputError(name, number, 1, "/event", expected, "a line without an \"event\" key");
    ended = ended || j["event"] == "run-end";
    lines.push_back(std::move(j));
  }
  if (!ended && (require_end || number == 0))
    throw InputError(name, number, 0, "", expected + ", ending in a run-end line",
                     number == 0 ? "an empty file" : "no run-end line (the run was cut short?)");
  return lines;
}

}  // namespace parley
