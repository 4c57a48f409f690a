#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/agent.hpp"

namespace parley {

// One documented parameter of an agent model.
struct ParamSpec {
  std::string name;
  double default_value = 0.0;
  double min = 0.0;
  double max = 0.0;
  std::string doc;
  bool integer = false;
};

// What a model needs of the scenario; the loader checks these and says which is missing.
struct ModelRequirements {
  bool complete_information = false;  // reads other parties' public preferences
  bool single_share_issue = false;    // plays on a track holding exactly one share issue
  bool bilateral = false;             // needs exactly two parties
  bool attrition = false;             // plays only the war of attrition (protocol kind attrition)
  bool opener_proposes = false;       // needs the opener to make every offer (protocol proposer)
};

// An agent model registered by name (OpenSpiel's registry shape, docs/architecture.md).
struct AgentModel {
  std::string name;
  std::string summary;
  std::vector<ParamSpec> params;
  ModelRequirements requires_;
  std::function<std::unique_ptr<Agent>(const AgentSetup&)> create;
  // Optional: the tables every run of a scenario shares (AgentTables), made once per track and
  // party from the scenario's own values (the setup of a run without drawn values, no stream).
  std::function<std::shared_ptr<const AgentTables>(const AgentSetup&)> prepare;
};

class AgentRegistry {
 public:
  void add(AgentModel model);
  const AgentModel* find(const std::string& name) const;
  // Models in name order.
  std::vector<const AgentModel*> models() const;
  std::vector<std::string> names() const;

  // Fill defaults and check the given parameters. Returns an error message, or nothing.
  std::optional<std::string> resolve(const std::string& model,
                                     const std::map<std::string, double>& given,
                                     std::map<std::string, double>& resolved) const;

 private:
  std::map<std::string, AgentModel> models_;
};

}  // namespace parley
