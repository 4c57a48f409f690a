#include "agents/hardliner.hpp"

namespace parley {

HardlinerAgent::HardlinerAgent(const AgentSetup& setup, double margin)
    : space_(setup.space), party_(setup.party) {
  const auto& ranking = space_->ranking(party_);
  const std::int64_t best = ranking.empty() ? 0 : ranking.front();
  best_ = space_->deal(best);
  threshold_ = (ranking.empty() ? 0.0 : setup.own_utilities()[best]) - margin;
}

Deal HardlinerAgent::propose(const RoundInfo& /*round*/) {
  return best_;
}

Response HardlinerAgent::respond(const RoundInfo& /*round*/, const Deal& offer) {
  return space_->utility(party_, offer) >= threshold_ ? Response::Accept : Response::Reject;
}

AgentModel hardliner_model() {
  AgentModel model;
  model.name = "hardliner";
  model.summary = "always offers its best outcome; accepts only offers within `margin` of it";
  model.params = {{"margin", 0.0, 0.0, 1.0,
                   "accepts offers whose utility is at least (best utility - margin)", false}};
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<HardlinerAgent>(setup, setup.param("margin"));
  };
  return model;
}

}  // namespace parley
