#pragma once
// An AgentSetup for one party of a scenario, filled the way the Simulator fills it, so unit tests
// can create an agent on its own and call propose/respond/observe directly. Header-only.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/agent_registry.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley::test {

// Owns what the setup points to (outcome space, parameters, random stream).
struct StandaloneAgent {
  ScenarioPtr scenario;
  std::unique_ptr<OutcomeSpace> space;
  std::map<std::string, double> params;
  std::unique_ptr<RandomStream> rng;
  AgentSetup setup;
  std::unique_ptr<Agent> agent;
};

// Creates party `party`'s agent on `track` with its model's defaults plus the file's parameters.
inline std::unique_ptr<StandaloneAgent> make_standalone_agent(ScenarioPtr scenario,
                                                              const AgentRegistry& registry,
                                                              int party, int track = 0,
                                                              std::uint64_t seed = 1) {
  auto out = std::make_unique<StandaloneAgent>();
  out->scenario = scenario;
  const Scenario& s = *scenario;
  out->space = std::make_unique<OutcomeSpace>(s, track);
  const Party& p = s.parties.at(party);
  const AgentModel* model = registry.find(p.agent.model);
  if (!model) throw std::invalid_argument("unknown model " + p.agent.model);
  if (const auto error = registry.resolve(p.agent.model, p.agent.params, out->params))
    throw std::invalid_argument(*error);
  out->rng = std::make_unique<RandomStream>(seed, 0, 1000 + party);
  AgentSetup& setup = out->setup;
  setup.party = party;
  setup.party_count = static_cast<int>(s.parties.size());
  setup.opener = s.protocol.opener;
  setup.track = track;
  setup.space = out->space.get();
  setup.own = &p.preferences;
  setup.reservation = p.preferences.reservation.at(track);
  setup.deadline_rounds = s.protocol.deadline_rounds;
  setup.breakdown_probability = s.protocol.breakdown_probability;
  setup.walk_away_allowed = s.protocol.walk_away;
  setup.complete_information = s.protocol.complete_information;
  setup.public_preferences.assign(s.parties.size(), nullptr);
  setup.public_reservation.assign(s.parties.size(), 0.0);
  for (std::size_t q = 0; q < s.parties.size(); ++q) {
    if (static_cast<int>(q) != party && !s.protocol.complete_information) continue;
    setup.public_preferences[q] = &s.parties[q].preferences;
    setup.public_reservation[q] = s.parties[q].preferences.reservation.at(track);
  }
  setup.params = &out->params;
  setup.rng = out->rng.get();
  out->agent = model->create(setup);
  return out;
}

}  // namespace parley::test
