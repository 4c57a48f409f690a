// Fuzz target: `parley sweep --vary` and `--design` (docs/sweep.md, docs/fuzzing.md) on a shipped
// scenario. Each input line is one --vary text, or a design name; the parameters are bound to
// the scenario and the design draws its first runs, as a sweep does before its first run.
// Errors must be InputErrors; anything else is a finding.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/load/vary_option.hpp"
#include "engine/random/sampling_design.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

constexpr std::size_t kMaxLines = 6;
constexpr std::uint64_t kRunsDrawn = 8;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley;
  if (size > 4096) return 0;  // a command line's worth
  static const ScenarioPtr scenario =
      load_scenario(PARLEY_SOURCE_DIR "/scenarios/istanbul-2025-06.json", builtin_agents());
  std::istringstream lines(fuzz::as_text(data, size));
  std::string line;
  UncertaintySpec spec = scenario->uncertainty;
  std::size_t count = 0;
  try {
    while (std::getline(lines, line) && count++ < kMaxLines) {
      if (parse_design(line, spec.design)) continue;
      if (line == "only-vary")
        spec.parameters.clear();
      else
        spec.set(parse_vary(line));
    }
    bind_parameters(spec, *scenario, builtin_agents());
    const std::uint64_t runs =
        spec.design == DesignKind::Grid ? SamplingDesign::grid_size(spec) : kRunsDrawn;
    const SamplingDesign design(spec, 1, runs);
    std::vector<double> values(static_cast<std::size_t>(design.parameter_count()));
    for (std::uint64_t run = 0; run < std::min(runs, kRunsDrawn); ++run)
      design.draw(run, values.data());
  } catch (const InputError&) {
  }
  return 0;
}
