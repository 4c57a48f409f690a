#include "sweep/sweep_definition.hpp"

#include <stdexcept>

#include "engine/load/agent_override.hpp"
#include "engine/load/scenario_loader.hpp"
#include "sweep/identity.hpp"
#include "sweep/state.hpp"

namespace parley {

std::string encode_sweep_definition(const SweepDefinition& definition) {
  const nlohmann::json json = {{"identity", definition.identity},
                               {"scenario_path", definition.scenario_path},
                               {"scenario_bytes", definition.scenario_bytes},
                               {"allow_programs", definition.allow_programs}};
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(json);
  return std::string(bytes.begin(), bytes.end());
}

SweepDefinition decode_sweep_definition(const std::string& bytes) {
  try {
    const nlohmann::json json = nlohmann::json::from_cbor(bytes);
    SweepDefinition definition;
    definition.identity = json.at("identity");
    definition.scenario_path = json.at("scenario_path").get<std::string>();
    definition.scenario_bytes = json.at("scenario_bytes").get<std::string>();
    definition.allow_programs = json.at("allow_programs").get<bool>();
    return definition;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not a sweep definition: ") + e.what());
  }
}

std::unique_ptr<RebuiltSweep> rebuild_sweep(const SweepDefinition& definition,
                                            const AgentRegistry& registry) {
  auto sweep = std::make_unique<RebuiltSweep>();
  const nlohmann::json& identity = definition.identity;
  std::vector<std::string> agent_texts;
  if (identity.contains("agents"))
    agent_texts = identity.at("agents").get<std::vector<std::string>>();
  sweep->scenario =
      apply_agent_overrides(load_scenario_text(definition.scenario_bytes, definition.scenario_path,
                                               registry, LoadOptions{definition.allow_programs}),
                            parse_agent_overrides(agent_texts), registry);
  sweep->simulator = std::make_unique<Simulator>(sweep->scenario, registry);
  sweep->spec = uncertainty_from_identity(identity, definition.scenario_path);
  sweep->slots = bind_parameters(sweep->spec, *sweep->scenario, registry);
  sweep->seed = identity.at("seed").get<std::uint64_t>();
  const auto runs = identity.at("runs").get<std::uint64_t>();
  sweep->design = std::make_unique<SamplingDesign>(sweep->spec, sweep->seed, runs);
  sweep->layout = std::make_shared<const SweepLayout>(
      make_sweep_layout(*sweep->simulator, sweep->slots, sweep->spec));
  // The same runs or none: the identity rebuilt from what was loaded must be the one sent.
  const nlohmann::json again =
      sweep_identity(*sweep->scenario, definition.scenario_path, definition.scenario_bytes,
                     sweep->seed, runs, sweep->spec, sweep->slots, agent_texts);
  if (!same_sweep(again, identity))
    throw std::invalid_argument("the sweep rebuilt from its definition is another sweep: " +
                                again.dump() + " against " + identity.dump());
  return sweep;
}

}  // namespace parley
