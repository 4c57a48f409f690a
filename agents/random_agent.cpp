#include "agents/random_agent.hpp"

#include <stdexcept>

#include "agents/outcome_search.hpp"

namespace parley {

RandomAgent::RandomAgent(const AgentSetup& setup)
    : space_(setup.space),
      ranking_(&setup.space->ranking(setup.party)),
      rng_(setup.rng),
      party_(setup.party),
      utility_(&setup.own_utilities()),
      reservation_(setup.reservation_in_force()),
      counted_for_(*reservation_),
      acceptable_(count_at_least(*ranking_, *utility_, counted_for_)) {
  if (!rng_) throw std::invalid_argument("the random agent needs a random stream");
}

std::uint64_t RandomAgent::acceptable_count() {
  if (*reservation_ != counted_for_) {
    counted_for_ = *reservation_;
    acceptable_ = count_at_least(*ranking_, *utility_, counted_for_);
  }
  return acceptable_;
}

Deal RandomAgent::propose(const RoundInfo& /*round*/) {
  const std::uint64_t acceptable = acceptable_count();
  const std::uint64_t k = acceptable > 0 ? rng_->below(acceptable) : 0;
  return space_->deal((*ranking_)[k]);
}

Response RandomAgent::respond(const RoundInfo& /*round*/, const Deal& offer) {
  return space_->utility(party_, offer) >= *reservation_ ? Response::Accept : Response::Reject;
}

AgentModel random_model() {
  AgentModel model;
  model.name = "random";
  model.summary =
      "baseline: proposes uniformly among outcomes worth at least its reservation value; "
      "accepts any offer worth at least its reservation value";
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<RandomAgent>(setup);
  };
  return model;
}

}  // namespace parley
