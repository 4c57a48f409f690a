#include "sweep/identity.hpp"

#include <filesystem>

#include "engine/input_error.hpp"
#include "engine/random/distribution.hpp"
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

UncertaintySpec uncertainty_from_identity(const nlohmann::json& identity,
                                          const std::string& origin) {
  UncertaintySpec spec;
  parse_design(identity.at("design").get<std::string>(), spec.design);
  spec.grid_levels = identity.value("grid_levels", 5);
  spec.declared.file = origin;
  for (const auto& p : identity.at("parameters")) {
    UncertainParameter parameter;
    parameter.pointer = p.at("pointer").get<std::string>();
    std::string error;
    const auto d = parse_distribution(p.at("distribution").get<std::string>(), error);
    if (!d) throw InputError(origin, 0, 0, "/identity/parameters", "a distribution", error);
    parameter.distribution = *d;
    parameter.levels = p.value("levels", 0);
    parameter.declared.file = origin;
    spec.parameters.push_back(std::move(parameter));
  }
  return spec;
}

}  // namespace parley
