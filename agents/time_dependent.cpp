#include "agents/time_dependent.hpp"

#include <algorithm>
#include <cmath>

#include "agents/outcome_search.hpp"

namespace parley {

double faratin_target(double t, double e, double p_min, double p_max) {
  if (e <= 0.0) return p_max;  // t^(1/e) -> 0 as e -> 0: never concede
  const double t_clamped = std::clamp(t, 0.0, 1.0);
  const double progress = e == 1.0 ? t_clamped : std::pow(t_clamped, 1.0 / e);
  return p_min + (p_max - p_min) * (1.0 - progress);
}

TimeDependentAgent::TimeDependentAgent(const AgentSetup& setup, double e, double floor, int horizon)
    : space_(setup.space),
      utility_(&setup.own_utilities()),
      ranking_(&setup.space->ranking(setup.party)),
      party_(setup.party),
      e_(e),
      floor_(floor),
      reservation_(setup.reservation_in_force()),
      horizon_(horizon),
      believed_deadline_(setup.believed_deadline) {
  p_max_ = ranking_->empty() ? 0.0 : (*utility_)[ranking_->front()];
}

double TimeDependentAgent::relative_time(const RoundInfo& round) const {
  int rounds = round.deadline_rounds > 0 ? round.deadline_rounds : horizon_;
  if (believed_deadline_ > 0) rounds = std::min(rounds, believed_deadline_);
  if (rounds <= 1) return 1.0;
  return std::min(1.0, static_cast<double>(round.round) / (rounds - 1));
}

double TimeDependentAgent::target(const RoundInfo& round) const {
  // Never below the reservation in force; if even the best deal is worse, hold out for the best.
  return faratin_target(relative_time(round), e_, p_min(), p_max_);
}

Deal TimeDependentAgent::propose(const RoundInfo& round) {
  const std::size_t k = lowest_at_least(*ranking_, *utility_, target(round));
  const std::int64_t outcome = (*ranking_)[k];
  if (outcome != last_offer_.outcome) last_offer_ = space_->deal(outcome);
  return last_offer_;
}

Response TimeDependentAgent::respond(const RoundInfo& round, const Deal& offer) {
  const double u = offer.on_grid() ? (*utility_)[offer.outcome] : space_->utility(party_, offer);
  return u >= target(round) ? Response::Accept : Response::Reject;
}

namespace {

ParamSpec floor_param() {
  return {
      "floor", 0.0, 0.0, 1.0, "lowest target utility; the agent's P_min is max(reservation, floor)",
      false};
}

ParamSpec horizon_param() {
  return {"horizon",
          100.0,
          1.0,
          1e6,
          "rounds over which to concede when the protocol has no deadline (t = round / "
          "(horizon - 1))",
          true};
}

AgentModel make_model(std::string name, std::string summary, std::vector<ParamSpec> params,
                      double fixed_e) {
  AgentModel model;
  model.name = std::move(name);
  model.summary = std::move(summary);
  model.params = std::move(params);
  const bool has_e = fixed_e < 0.0;
  model.create = [has_e, fixed_e](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    const double e = has_e ? setup.param("e") : fixed_e;
    return std::make_unique<TimeDependentAgent>(setup, e, setup.param("floor"),
                                                static_cast<int>(setup.param("horizon")));
  };
  return model;
}

}  // namespace

AgentModel time_dependent_model() {
  return make_model(
      "time-dependent",
      "Faratin time-dependent concession: target u(t) = Pmin + (Pmax - Pmin)(1 - t^(1/e)); "
      "offers the least it can ask at or above the target, accepts offers at or above it",
      {{"e", 1.0, 0.0, 50.0,
        "concession exponent (Faratin, Sierra & Jennings 1998): e < 1 Boulware, 1 linear, > 1 "
        "Conceder, "
        "0 never concedes",
        false},
       floor_param(),
       horizon_param()},
      -1.0);
}

AgentModel boulware_model() {
  return make_model(
      "boulware", "time-dependent concession with e < 1: holds firm, concedes near the deadline",
      {{"e", 0.2, 0.0, 1.0, "concession exponent (Faratin, Sierra & Jennings 1998), <= 1", false},
       floor_param(),
       horizon_param()},
      -1.0);
}

AgentModel linear_model() {
  return make_model("linear",
                    "time-dependent concession with e = 1: the target falls linearly in time",
                    {floor_param(), horizon_param()}, 1.0);
}

AgentModel conceder_model() {
  return make_model(
      "conceder", "time-dependent concession with e > 1: concedes early",
      {{"e", 2.0, 1.0, 50.0, "concession exponent (Faratin, Sierra & Jennings 1998), >= 1", false},
       floor_param(),
       horizon_param()},
      -1.0);
}

}  // namespace parley
