#pragma once
#include <map>
#include <string>
#include <vector>

#include "engine/agent_registry.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// A party's agent model chosen on the command line instead of in the file
// (`--agent ID=MODEL[:param=value,...]`, docs/cli.md).
struct AgentOverride {
  std::string party;  // the party's id
  std::string model;
  std::map<std::string, double> params;  // only those given; the model's defaults fill the rest
  // Model "program": the program and its arguments (`program:cmd=python3 agent.py`; what follows
  // cmd= is the command, commas and all, split at spaces outside quotes).
  std::vector<std::string> command;
  std::string text;  // as the user wrote it, for messages and sweep state
};

// Reads one ID=MODEL[:param=value,...], or ID=program[:time_limit=S],cmd=COMMAND. Throws
// InputError naming `option` on a malformed text.
AgentOverride parse_agent_override(const std::string& text, const std::string& option = "--agent");
std::vector<AgentOverride> parse_agent_overrides(const std::vector<std::string>& texts,
                                                 const std::string& option = "--agent");

// The scenario with each named party played by its override's model and parameters (the file's
// parameters for that party are dropped: the override replaces the whole agent). Checks, with a
// message naming `option` and listing what is valid: the party exists and is overridden once, the
// model is registered, the parameters are the model's and in range, and the model can play this
// scenario (its requirements, and a trial of agent creation). Throws InputError (exit 2).
ScenarioPtr apply_agent_overrides(const ScenarioPtr& scenario,
                                  const std::vector<AgentOverride>& overrides,
                                  const AgentRegistry& registry,
                                  const std::string& option = "--agent");

}  // namespace parley
