#pragma once
#include <string>
#include <vector>

#include "engine/agent_registry.hpp"
#include "engine/random/distribution.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/uncertainty.hpp"

namespace parley {

// The kinds of scenario number a sweep can vary (docs/sweep.md, "What can vary").
enum class SlotKind {
  Discount,              // /parties/P/preferences/discount
  CostPerRound,          // /parties/P/preferences/cost_per_round
  Reservation,           // /parties/P/preferences/reservation[/TRACK]
  Weight,                // /parties/P/preferences/weights/ISSUE
  BreakdownProbability,  // /protocol/breakdown_probability
  DeadlineRounds,        // /protocol/deadline_rounds
  AgentParameter,        // /parties/P/agent/params/NAME
  // The world's parameters in force (RunState::world); World::begin derives samplers and war
  // values from them at the start of each run.
  WinProbability,       // /world/battlefield/win_probability
  DecisiveProbability,  // /world/battlefield/decisive_probability
  BattlefieldStart,     // /world/battlefield/start
  VictoryValue,         // /world/parties/ID/victory_value
  DefeatValue,          // /world/parties/ID/defeat_value
  CostMean,             // /world/parties/ID/costs/KIND/mean
  CostSd,               // /world/parties/ID/costs/KIND/sd
  CostMin,              // /world/parties/ID/costs/KIND/min
  CostMax,              // /world/parties/ID/costs/KIND/max
  CostUtilityPerUnit,   // /world/parties/ID/costs/KIND/utility_per_unit
};

// An uncertain parameter resolved once, when the sweep starts, from its JSON pointer to a
// typed place in a run's state: which number of which party, track or issue. A run then
// writes its drawn value through a pointer (RunWorkspace); no JSON, no strings.
struct ParameterSlot {
  SlotKind kind = SlotKind::Discount;
  std::string pointer;  // canonical JSON pointer
  int party = -1;
  int track = -1;            // Reservation: -1 for every track at once
  int issue = -1;            // Weight
  int cost_kind = -1;        // Cost*: index into /world/costs
  int agent_parameter = -1;  // AgentParameter: position of the name in the party's table
  std::string agent_parameter_name;
  ValueRange legal;       // the values the parameter may take
  bool integer = false;   // deadline_rounds, integer agent parameters
  double baseline = 0.0;  // the scenario's own value (for reservation of every track: track 0)

  // Weights feed the precomputed utilities, so a run varying one recomputes its track's
  // utilities and rankings (RunWorkspace).
  bool changes_utilities() const { return kind == SlotKind::Weight; }
};

// Resolves `parameter` against the scenario. Throws InputError at the parameter's declaration
// when the pointer names nothing that can vary, or when the distribution makes no sense or can
// leave the parameter's legal range (parley neither truncates nor redraws; docs/sweep.md).
ParameterSlot bind_parameter(const UncertainParameter& parameter, const Scenario& scenario,
                             const AgentRegistry& registry);

// The same for every parameter of a spec; also refuses a pointer given twice.
std::vector<ParameterSlot> bind_parameters(const UncertaintySpec& spec, const Scenario& scenario,
                                           const AgentRegistry& registry);

// Throws the InputError for `parameter` (at its declaration) with this expectation.
[[noreturn]] void parameter_error(const UncertainParameter& parameter, const std::string& expected,
                                  const std::string& found);

}  // namespace parley
