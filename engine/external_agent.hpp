#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/agent.hpp"
#include "engine/agent_registry.hpp"

namespace parley {

// What a party played from outside the engine may know when it must decide (docs/architecture.md,
// rule 2): its own setup (preferences, reservation, the public rules), the round, and every
// public move on its track so far. The setup's other-party fields are filled only under
// complete information, as for any agent.
struct PartyView {
  const AgentSetup* setup = nullptr;
  RoundInfo round;
  const std::vector<Move>* history = nullptr;  // public moves on this track, oldest first
  const Deal* offer = nullptr;                 // the standing offer (respond only)
};

// Where the decisions of a party played from outside come from: a person at a terminal, a
// Python object, another program, or a stepping environment waiting for its caller's move.
// One implementation of "a party played from outside" for every front end (play/).
class DecisionSource {
 public:
  virtual ~DecisionSource() = default;
  // An outcome of the track's space (an index in [0, setup.space->size())).
  virtual std::int64_t propose(const PartyView& view) = 0;
  virtual Response respond(const PartyView& view) = 0;
};

// The Agent the simulator sees for a party played from outside: it keeps the public history
// and asks its source at each decision, so the protocol loop is the engine's own.
class ExternalAgent final : public Agent {
 public:
  ExternalAgent(const AgentSetup& setup, std::shared_ptr<DecisionSource> source);

  Deal propose(const RoundInfo& round) override;
  Response respond(const RoundInfo& round, const Deal& offer) override;
  void observe(const Move& move) override;

 private:
  AgentSetup setup_;
  std::shared_ptr<DecisionSource> source_;
  std::vector<Move> history_;
};

// An agent model whose agents defer to a source made per (party, track) by `make_source`: how a
// front end registers its players. The model has no parameters.
AgentModel external_agent_model(
    std::string name, std::string summary,
    std::function<std::shared_ptr<DecisionSource>(const AgentSetup&)> make_source);

}  // namespace parley
