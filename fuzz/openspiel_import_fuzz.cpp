// Fuzz target: an OpenSpiel bargaining instances file (docs/interop.md, docs/fuzzing.md). Its
// first lines are imported one by one, as `parley import openspiel-bargaining FILE --line K`
// does, and an imported scenario must load. Errors must be InputErrors; anything else is a
// finding.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "fuzz/fuzz_support.hpp"
#include "interop/openspiel_bargaining.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley;
  if (size > fuzz::kMaxInput) return 0;
  const std::string text = fuzz::as_text(data, size);
  static const fuzz::ScratchFolder folder;
  const std::string path = folder.write("instances.txt", text);
  // One past the last line too: a line the file does not have is an error, not a crash.
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (int line = 0; line <= std::min(lines, 4); ++line) {
    try {
      const auto scenario = import_openspiel_bargaining(path, line);
      load_scenario_text(scenario.dump(2), "imported.json", builtin_agents());
    } catch (const InputError&) {
    }
  }
  return 0;
}
