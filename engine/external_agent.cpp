#include "engine/external_agent.hpp"

#include <stdexcept>

namespace parley {

ExternalAgent::ExternalAgent(const AgentSetup& setup, std::shared_ptr<DecisionSource> source)
    : setup_(setup), source_(std::move(source)) {
  if (!source_) throw std::invalid_argument("an external agent needs a decision source");
}

Deal ExternalAgent::propose(const RoundInfo& round) {
  const PartyView view{&setup_, round, &history_, nullptr};
  const std::int64_t outcome = source_->propose(view);
  // The source is outside the engine: an index off the space is its error, not the engine's.
  if (outcome < 0 || outcome >= setup_.space->size())
    throw std::out_of_range("an external party proposed outcome " + std::to_string(outcome) +
                            ", not one of the track's 0.." +
                            std::to_string(setup_.space->size() - 1));
  return setup_.space->deal(outcome);
}

Response ExternalAgent::respond(const RoundInfo& round, const Deal& offer) {
  const PartyView view{&setup_, round, &history_, &offer};
  return source_->respond(view);
}

void ExternalAgent::observe(const Move& move) {
  history_.push_back(move);
}

AgentModel external_agent_model(
    std::string name, std::string summary,
    std::function<std::shared_ptr<DecisionSource>(const AgentSetup&)> make_source) {
  AgentModel model;
  model.name = std::move(name);
  model.summary = std::move(summary);
  model.create = [make =
                      std::move(make_source)](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<ExternalAgent>(setup, make(setup));
  };
  return model;
}

}  // namespace parley
