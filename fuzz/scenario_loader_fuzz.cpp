// Fuzz target: any bytes as a scenario file (docs/fuzzing.md). The loader must either build a
// scenario or throw InputError; anything else (a crash, a sanitizer report, another exception,
// a hang) is a finding.
#include <cstddef>
#include <cstdint>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley;
  if (size > fuzz::kMaxInput) return 0;
  const std::string text = fuzz::as_text(data, size);
  try {
    load_scenario_text(text, "fuzz.json", builtin_agents());
  } catch (const InputError&) {
  }
  // A file with an actors block is also read by `parley forecast`.
  try {
    load_forecast_text(text, "fuzz.json");
  } catch (const InputError&) {
  }
  return 0;
}
