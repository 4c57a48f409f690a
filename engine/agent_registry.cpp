#include "engine/agent_registry.hpp"

#include <cmath>

#include "engine/format.hpp"

namespace parley {

void AgentRegistry::add(AgentModel model) {
  std::string name = model.name;
  models_.insert_or_assign(std::move(name), std::move(model));
}

const AgentModel* AgentRegistry::find(const std::string& name) const {
  const auto it = models_.find(name);
  return it == models_.end() ? nullptr : &it->second;
}

std::vector<const AgentModel*> AgentRegistry::models() const {
  std::vector<const AgentModel*> out;
  for (const auto& [name, model] : models_) out.push_back(&model);
  return out;
}

std::vector<std::string> AgentRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, model] : models_) out.push_back(name);
  return out;
}

std::optional<std::string> AgentRegistry::resolve(const std::string& model_name,
                                                  const std::map<std::string, double>& given,
                                                  std::map<std::string, double>& resolved) const {
  const AgentModel* model = find(model_name);
  if (!model) return "agent model '" + model_name + "' is not registered";
  resolved.clear();
  for (const ParamSpec& p : model->params) resolved[p.name] = p.default_value;
  for (const auto& [name, value] : given) {
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& p : model->params)
      if (p.name == name) spec = &p;
    if (!spec) {
      std::string known;
      for (const ParamSpec& p : model->params) known += (known.empty() ? "" : ", ") + p.name;
      return "parameter '" + name + "' is not one of model '" + model_name + "' (" +
             (known.empty() ? "it takes none" : "known: " + known) + ")";
    }
    if (!(value >= spec->min && value <= spec->max) ||
        (spec->integer && value != std::floor(value)))
      return "parameter '" + name + "' of model '" + model_name + "' to be " +
             (spec->integer ? "an integer " : "a number ") + "in [" + format_number(spec->min, 6) +
             ", " + format_number(spec->max, 6) + "], found " + format_number(value, 6);
    resolved[name] = value;
  }
  return std::nullopt;
}

}  // namespace parley
