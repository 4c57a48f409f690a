#include "agents/expected_utility.hpp"

#include <algorithm>
#include <cmath>

#include "engine/forecast/forecast_round.hpp"
#include "engine/scenario/preferences.hpp"

namespace parley {

namespace {
// The party's saliences on the track's issues: each weight over the largest (0 when all are 0).
std::vector<double> saliences_of(const OutcomeSpace& space, const Preferences& prefs) {
  const int n = space.issue_count();
  std::vector<double> s(static_cast<std::size_t>(n), 0.0);
  double top = 0.0;
  for (int k = 0; k < n; ++k) top = std::max(top, prefs.weights[space.issue(k)]);
  if (top > 0.0)
    for (int k = 0; k < n; ++k) s[k] = prefs.weights[space.issue(k)] / top;
  return s;
}
}  // namespace

ExpectedUtilityAgent::ExpectedUtilityAgent(const AgentSetup& setup, const Options& options)
    : space_(setup.space),
      utility_(&setup.own_utilities()),
      party_(setup.party),
      parties_(setup.party_count),
      reservation_(setup.reservation_in_force()),
      options_(options) {
  const int n = space_->issue_count();
  // The ideal outcome's levels: the first of the party's ranking (additive utilities: the best
  // level of every issue at once).
  const std::int64_t best = space_->ranking(party_).empty() ? 0 : space_->ranking(party_).front();
  std::vector<double> ideal(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) ideal[k] = space_->level(best, k);
  positions_.assign(static_cast<std::size_t>(parties_), ideal);
  saliences_.assign(static_cast<std::size_t>(parties_),
                    std::vector<double>(static_cast<std::size_t>(n), options_.opponent_salience));
  capabilities_.assign(static_cast<std::size_t>(parties_), options_.opponent_capability);
  saliences_[party_] = saliences_of(*space_, *setup.own);
  capabilities_[party_] = options_.capability;
  if (setup.complete_information)
    for (int q = 0; q < parties_; ++q)
      if (q != party_ && setup.public_preferences[q] != nullptr)
        saliences_[q] = saliences_of(*space_, *setup.public_preferences[q]);
  offer_ = best;
}

double ExpectedUtilityAgent::position(int party, int issue) const {
  return positions_[party][issue];
}

double ExpectedUtilityAgent::utility_of(const Deal& deal) const {
  return deal.on_grid() ? (*utility_)[deal.outcome] : space_->utility(party_, deal);
}

double ExpectedUtilityAgent::least_acceptable() const {
  return std::max(*reservation_, options_.floor);
}

std::vector<double> ExpectedUtilityAgent::model_round() const {
  const int n = space_->issue_count();
  std::vector<double> next(positions_[party_]);
  forecast::DimensionState state;
  state.fixed_risk.assign(static_cast<std::size_t>(parties_), std::nullopt);
  state.capabilities = capabilities_;
  for (int k = 0; k < n; ++k) {
    if (space_->levels(k) < 2) continue;
    state.width = space_->levels(k) - 1;
    state.positions.clear();
    state.saliences.clear();
    for (int q = 0; q < parties_; ++q) {
      state.positions.push_back(positions_[q][k]);
      state.saliences.push_back(saliences_[q][k]);
    }
    next[k] = forecast::play_round(state, options_.model).positions[party_];
  }
  return next;
}

std::int64_t ExpectedUtilityAgent::step() {
  const std::vector<double> next = model_round();
  std::vector<int> levels(next.size());
  for (std::size_t k = 0; k < next.size(); ++k)
    levels[k] = std::clamp(static_cast<int>(std::lround(next[k])), 0,
                           space_->levels(static_cast<int>(k)) - 1);
  const std::int64_t outcome = space_->outcome_of_levels(levels.data());
  if ((*utility_)[outcome] >= least_acceptable() || (*utility_)[outcome] >= (*utility_)[offer_]) {
    positions_[party_] = next;
    offer_ = outcome;
  }
  return offer_;
}

Deal ExpectedUtilityAgent::propose(const RoundInfo& /*round*/) {
  return space_->deal(step());
}

Response ExpectedUtilityAgent::respond(const RoundInfo& /*round*/, const Deal& offer) {
  const double u = utility_of(offer);
  const std::int64_t next = step();
  return u >= least_acceptable() && u >= (*utility_)[next] ? Response::Accept : Response::Reject;
}

void ExpectedUtilityAgent::observe(const Move& move) {
  if (move.action != Action::Offer || move.party < 0 || move.party == party_) return;
  const Deal& d = move.deal;
  for (int k = 0; k < space_->issue_count() && k < d.size; ++k) {
    const Issue& issue = space_->scenario().issues[space_->issue(k)];
    positions_[move.party][k] = issue.nearest_level(d.values[k]);
  }
}

AgentModel expected_utility_model() {
  AgentModel model;
  model.name = "expected-utility";
  model.summary =
      "Bueno de Mesquita's expected-utility model at the table: each issue a dimension, the "
      "parties its actors; every round it plays one round of the model and offers where it puts "
      "its own position";
  model.params = {
      {"capability", 1.0, 0.01, 1e9, "this party's capability (only ratios to the others' matter)",
       false},
      {"opponent_capability", 1.0, 0.01, 1e9, "the capability it credits every other party with",
       false},
      {"opponent_salience", 0.5, 0.0, 1.0,
       "the salience it credits the other parties with on every issue (private information; "
       "under complete information it reads their weights)",
       false},
      {"floor", 0.0, 0.0, 1.0,
       "lowest utility it offers or accepts; the least is max(reservation, floor)", false},
      {"q", 1.0, 0.0, 1.0, "the model's Q: the probability the status quo persists unchallenged",
       false},
      {"t", 1.0, 0.0, 1.0, "the model's T: the probability that change, if any, goes its way",
       false},
  };
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    ExpectedUtilityAgent::Options o;
    o.capability = setup.param("capability");
    o.opponent_capability = setup.param("opponent_capability");
    o.opponent_salience = setup.param("opponent_salience");
    o.floor = setup.param("floor");
    o.model.q = setup.param("q");
    o.model.t = setup.param("t");
    return std::make_unique<ExpectedUtilityAgent>(setup, o);
  };
  return model;
}

}  // namespace parley
