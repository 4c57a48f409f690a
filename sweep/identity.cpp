#include "sweep/identity.hpp"

#include <filesystem>

#include "engine/random/sampling_design.hpp"
#include "sweep/runner.hpp"
#include "sweep/state.hpp"

namespace parley {

nlohmann::json sweep_identity(const Scenario& scenario, const std::string& path,
                              const std::string& bytes, std::uint64_t seed, std::uint64_t runs,
                              const UncertaintySpec& spec, const std::vector<ParameterSlot>& slots,
                              const std::vector<std::string>& agent_overrides) {
  nlohmann::json parameters = nlohmann::json::array();
  for (std::size_t j = 0; j < spec.parameters.size(); ++j) {
    nlohmann::json p = {{"pointer", slots[j].pointer},
                        {"distribution", describe(spec.parameters[j].distribution)}};
    if (spec.design == DesignKind::Grid && spec.parameters[j].levels > 0)
      p["levels"] = spec.parameters[j].levels;
    parameters.push_back(std::move(p));
  }
  nlohmann::json identity = {{"scenario",
                              {{"name", scenario.meta.name},
                               {"file", std::filesystem::path(path).filename().string()},
                               {"fingerprint", fingerprint(bytes)}}},
                             {"seed", seed},
                             {"runs", runs},
                             {"block_size", kSweepBlockSize},
                             {"design", to_string(spec.design)},
                             {"parameters", parameters}};
  if (spec.design == DesignKind::Grid) identity["grid_levels"] = spec.grid_levels;
  if (!agent_overrides.empty()) identity["agents"] = agent_overrides;
  return identity;
}

}  // namespace parley
