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

double faratin_polynomial_alpha(double t, double e, double kappa) {
  if (e <= 0.0) return kappa;  // the hardliner limit
  const double t_clamped = std::clamp(t, 0.0, 1.0);
  const double progress = e == 1.0 ? t_clamped : std::pow(t_clamped, 1.0 / e);
  return kappa + (1.0 - kappa) * progress;
}

double faratin_exponential_alpha(double t, double e, double kappa) {
  const double t_clamped = std::clamp(t, 0.0, 1.0);
  if (t_clamped >= 1.0) return 1.0;
  if (e <= 0.0 || kappa <= 0.0) return kappa <= 0.0 ? 0.0 : kappa;  // (1 - t)^0 = 1: alpha = kappa
  return std::exp(std::pow(1.0 - t_clamped, e) * std::log(kappa));
}

namespace {

TimeDependentOptions plain_options(double e, double floor, int horizon) {
  TimeDependentOptions o;
  o.e = e;
  o.floor = floor;
  o.horizon = horizon;
  return o;
}

// The options of a registered model of the family, from the run's parameters.
TimeDependentOptions options_from(const AgentSetup& setup, double fixed_e) {
  TimeDependentOptions o;
  o.e = fixed_e < 0.0 ? setup.param("e") : fixed_e;
  o.floor = setup.param("floor");
  o.horizon = static_cast<int>(setup.param("horizon"));
  o.kappa = setup.param("kappa");
  o.exponential = setup.param("exponential") != 0.0;
  o.negmas_clock = setup.param("negmas_clock") != 0.0;
  o.band = setup.param("band");
  o.genius = setup.param("genius") != 0.0;
  return o;
}

// The options in the order of TimeDependentAgent::param_at_.
constexpr const char* kOptionNames[8] = {"e",           "floor",        "horizon", "kappa",
                                         "exponential", "negmas_clock", "band",    "genius"};

TimeDependentOptions options_of(const double* v, double fixed_e) {
  TimeDependentOptions o;
  o.e = fixed_e < 0.0 ? v[0] : fixed_e;
  o.floor = v[1];
  o.horizon = static_cast<int>(v[2]);
  o.kappa = v[3];
  o.exponential = v[4] != 0.0;
  o.negmas_clock = v[5] != 0.0;
  o.band = v[6];
  o.genius = v[7] != 0.0;
  return o;
}

// Rounds whose alpha(t) an agent keeps; later rounds compute it each time.
constexpr int kAlphaRounds = 4096;

}  // namespace

TimeDependentAgent::TimeDependentAgent(const AgentSetup& setup, double e, double floor, int horizon)
    : TimeDependentAgent(setup, plain_options(e, floor, horizon)) {}

TimeDependentAgent::TimeDependentAgent(const AgentSetup& setup,
                                       const TimeDependentOptions& options) {
  configure(setup, options);
}

TimeDependentAgent::TimeDependentAgent(const AgentSetup& setup, double fixed_e)
    : fixed_e_(fixed_e), from_params_(true) {
  const TimeDependentOptions options = options_from(setup, fixed_e);
  param_at_.fill(-1);
  param_count_ = setup.params->size();
  int position = 0;
  for (const auto& entry : *setup.params) {
    for (std::size_t k = 0; k < param_at_.size(); ++k)
      if (entry.first == kOptionNames[k]) param_at_[k] = position;
    ++position;
  }
  configure(setup, options);
}

bool TimeDependentAgent::reset(const AgentSetup& setup) {
  if (!from_params_) return false;
  if (setup.params->size() != param_count_) {
    configure(setup, options_from(setup, fixed_e_));
    return true;
  }
  // The table's values in name order, then each option from its position.
  std::array<double, 32> values{};
  std::size_t i = 0;
  for (const auto& entry : *setup.params) {
    if (i == values.size()) break;
    values[i++] = entry.second;
  }
  double v[8] = {};
  for (std::size_t k = 0; k < param_at_.size(); ++k)
    if (param_at_[k] >= 0 && static_cast<std::size_t>(param_at_[k]) < i)
      v[k] = values[static_cast<std::size_t>(param_at_[k])];
  configure(setup, options_of(v, fixed_e_));
  return true;
}

void TimeDependentAgent::configure(const AgentSetup& setup, const TimeDependentOptions& options) {
  // alpha(t) kept from earlier runs stays valid only for the same concession options.
  if (options.e != options_.e || options.kappa != options_.kappa ||
      options.exponential != options_.exponential || options.negmas_clock != options_.negmas_clock)
    alpha_deadline_ = -1;
  space_ = setup.space;
  utility_ = &setup.own_utilities();
  ranking_ = &setup.space->ranking(setup.party);
  party_ = setup.party;
  party_count_ = setup.party_count;
  options_ = options;
  reservation_ = setup.reservation_in_force();
  believed_deadline_ = setup.believed_deadline;
  p_max_ = ranking_->empty() ? 0.0 : (*utility_)[ranking_->front()];
  last_offer_ = Deal{};
  target_hint_ = 0;
  band_hint_ = 0;
  // The opponent model matters only where there is something to trade: two issues or more.
  modelled_ = !options_.genius && options_.band > 0.0 && space_->issue_count() >= 2;
  // Only the others' offers feed the models; without models, nothing is observed.
  observe_only(modelled_ ? action_bit(Action::Offer) : 0u);
  if (!modelled_) return;
  const auto count = static_cast<std::size_t>(std::max(party_count_, party_ + 1));
  if (models_.size() == count) {
    for (FrequencyOpponentModel& model : models_) model.reset();
  } else {
    const auto* tables = static_cast<const TimeDependentTables*>(setup.tables);
    models_.assign(count, FrequencyOpponentModel(*space_, tables ? &tables->levels : nullptr));
  }
  // Storage kept from run to run: no allocation when the shape stays.
  raters_.clear();
  for (std::size_t q = 0; q < models_.size(); ++q)
    if (static_cast<int>(q) != party_) raters_.push_back(&models_[q]);
  band_.prepare(*space_);
}

double TimeDependentAgent::p_min() const {
  if (options_.genius) {
    // GENIUS: max(worst utility of the domain, reservation value), never above the best.
    const double worst = ranking_->empty() ? 0.0 : (*utility_)[ranking_->back()];
    return std::min(std::max(worst, *reservation_), p_max_);
  }
  return std::min(std::max(*reservation_, options_.floor), p_max_);
}

int TimeDependentAgent::deadline(const RoundInfo& round) const {
  int rounds = round.deadline_rounds > 0 ? round.deadline_rounds : options_.horizon;
  if (believed_deadline_ > 0) rounds = std::min(rounds, believed_deadline_);
  return rounds;
}

double TimeDependentAgent::relative_time(const RoundInfo& round) const {
  if (options_.genius) return genius_time(round, true);
  const int rounds = deadline(round);
  if (options_.negmas_clock)
    return std::min(1.0, static_cast<double>(round.round + 1) / (rounds + 1));
  if (rounds <= 1) return 1.0;
  return std::min(1.0, static_cast<double>(round.round) / (rounds - 1));
}

double TimeDependentAgent::genius_time(const RoundInfo& round, bool proposing) const {
  // A GENIUS round is one turn of every party; parley's round r holds turn r (the offer) and the
  // answer, which is the responder's next turn, r + 1. With T parley rounds the last offer that
  // can be answered is in GENIUS round N = floor(T / n) + 1, and GENIUS's DiscreteTimeline gives
  // round g the time g / (N + 1).
  const int n = std::max(party_count_, 1);
  const int turn = round.round + (proposing ? 0 : 1);
  const int genius_rounds = deadline(round) / n + 1;
  const double g = static_cast<double>(turn / n + 1);
  return std::min(1.0, g / (genius_rounds + 1));
}

double TimeDependentAgent::target_at(double t) const {
  // Never below the reservation in force; if even the best deal is worse, hold out for the best.
  const double lo = p_min();
  if (options_.genius) return faratin_target(t, options_.e, lo, p_max_);  // GENIUS: k = 0
  if (!options_.exponential && options_.kappa == 0.0)
    return faratin_target(t, options_.e, lo, p_max_);
  const double alpha = options_.exponential
                           ? faratin_exponential_alpha(t, options_.e, options_.kappa)
                           : faratin_polynomial_alpha(t, options_.e, options_.kappa);
  return lo + (p_max_ - lo) * (1.0 - alpha);
}

double TimeDependentAgent::alpha_of(const RoundInfo& round) const {
  const double t = relative_time(round);
  if (options_.exponential) return faratin_exponential_alpha(t, options_.e, options_.kappa);
  // With kappa = 0 this is faratin_target's progress t^(1/e), to the bit: 0 + 1 * x = x.
  return faratin_polynomial_alpha(t, options_.e, options_.kappa);
}

double TimeDependentAgent::target(const RoundInfo& round) const {
  if (options_.genius) return target_at(relative_time(round));
  // faratin_target's hardliner limit, which is p_max itself rather than lo + (p_max - lo).
  if (!options_.exponential && options_.kappa == 0.0 && options_.e <= 0.0) return p_max_;
  const double lo = p_min();
  const int r = round.round;
  if (r < 0 || r >= kAlphaRounds) return lo + (p_max_ - lo) * (1.0 - alpha_of(round));
  const int rounds = deadline(round);
  if (rounds != alpha_deadline_) {
    alpha_deadline_ = rounds;
    if (++alpha_generation_ == 0) {  // stamps wrapped: forget them all
      std::fill(alpha_stamp_.begin(), alpha_stamp_.end(), 0u);
      alpha_generation_ = 1;
    }
  }
  // From round T on the clock reads 1 (both clocks): those rounds share round T's alpha.
  const auto k = static_cast<std::size_t>(std::min(r, std::max(rounds, 0)));
  if (k >= alpha_.size()) {
    // Sized once, to the deadline: the memory is kept across runs, and a run allocates for it at
    // most once whatever its length.
    const std::size_t size = std::min<std::size_t>(
        kAlphaRounds, std::max<std::size_t>(static_cast<std::size_t>(rounds) + 1, k + 1));
    alpha_.resize(size);
    alpha_stamp_.resize(size, 0u);
  }
  if (k >= alpha_.size()) return lo + (p_max_ - lo) * (1.0 - alpha_of(round));
  if (alpha_stamp_[k] != alpha_generation_) {
    alpha_[k] = alpha_of(round);
    alpha_stamp_[k] = alpha_generation_;
  }
  return lo + (p_max_ - lo) * (1.0 - alpha_[k]);
}

std::size_t TimeDependentAgent::genius_nearest(double target) const {
  // GENIUS's SortedOutcomeSpace (bids best first): a bisection that stops when its midpoint
  // repeats, then a look at the two neighbours in which only the next (worse) bid can replace
  // the one found; the previous one only tightens the distance. Kept as GENIUS has it.
  const auto size = static_cast<std::ptrdiff_t>(ranking_->size());
  std::ptrdiff_t low = 0, high = size - 1, middle = -1, previous = 0;
  while (previous != middle) {
    previous = middle;
    middle = (low + high) / 2;
    const double u = ranked_utility(static_cast<std::size_t>(middle));
    if (u == target) break;
    if (u < target) high = middle;
    if (u > target) low = middle;
  }
  const auto at = [&](std::ptrdiff_t k) {
    return std::abs(ranked_utility(static_cast<std::size_t>(k)) - target);
  };
  double distance = at(middle);
  if (middle > 0 && at(middle - 1) < distance) distance = at(middle - 1);
  if (middle + 1 < size && at(middle + 1) < distance) return static_cast<std::size_t>(middle + 1);
  return static_cast<std::size_t>(middle);
}

std::size_t TimeDependentAgent::choose(double target) const {
  if (options_.genius) return genius_nearest(target);
  // Outcomes at or above the target: a prefix of the ranking, found from last round's answer.
  const std::size_t meeting = count_at_least_from(*ranking_, *utility_, target, target_hint_);
  target_hint_ = meeting;
  const std::size_t cheapest = meeting == 0 ? 0 : meeting - 1;
  // Nothing meets the target: hold the best.
  if (!modelled_ || meeting == 0) return cheapest;
  bool informed = false;
  for (std::size_t q = 0; q < models_.size(); ++q)
    informed = informed || (static_cast<int>(q) != party_ && models_[q].offers() > 0);
  if (!informed) return cheapest;
  // The band is a run of the ranking just above the target: positions first..cheapest, at most
  // kMaxCandidates. Its best-rated outcome (ties: the cheaper), by scan or branch and bound.
  constexpr std::size_t kMaxCandidates = 4096;
  const std::size_t above =
      count_at_least_from(*ranking_, *utility_, target + options_.band, band_hint_);
  band_hint_ = above;
  const std::size_t first =
      std::max({above, cheapest + 1 > kMaxCandidates ? cheapest + 1 - kMaxCandidates : 0});
  return band_.best(*space_, *utility_, *ranking_, first, cheapest, raters_.data(), raters_.size());
}

Deal TimeDependentAgent::propose(const RoundInfo& round) {
  const std::int64_t outcome = (*ranking_)[choose(target(round))];
  if (outcome != last_offer_.outcome) last_offer_ = space_->deal(outcome);
  return last_offer_;
}

Response TimeDependentAgent::respond(const RoundInfo& round, const Deal& offer) {
  const double u = offer.on_grid() ? (*utility_)[offer.outcome] : space_->utility(party_, offer);
  if (options_.genius) {
    // AC_next: accept what is worth at least the bid it would make at this turn.
    const double planned = ranked_utility(genius_nearest(target_at(genius_time(round, false))));
    return u >= planned ? Response::Accept : Response::Reject;
  }
  return u >= target(round) ? Response::Accept : Response::Reject;
}

void TimeDependentAgent::observe(const Move& move) {
  if (!modelled_ || move.action != Action::Offer || move.party < 0 || move.party == party_ ||
      move.party >= static_cast<int>(models_.size()))
    return;
  const std::int64_t o =
      move.deal.on_grid() ? move.deal.outcome : space_->nearest_outcome(move.deal);
  models_[static_cast<std::size_t>(move.party)].observe(o);
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

// The options every member of the family shares (docs/agents.md, docs/interop.md).
std::vector<ParamSpec> family_params(std::vector<ParamSpec> params) {
  params.push_back(floor_param());
  params.push_back(horizon_param());
  params.push_back({"kappa", 0.0, 0.0, 1.0,
                    "Faratin's initial constant: the share of the range conceded at t = 0", false});
  params.push_back({"exponential", 0.0, 0.0, 1.0,
                    "1: Faratin's exponential tactic alpha(t) = exp((1 - t)^e ln kappa) (needs "
                    "kappa > 0); 0: the polynomial one",
                    true});
  params.push_back({"negmas_clock", 0.0, 0.0, 1.0,
                    "1: NegMAS's relative time (round + 1) / (T + 1); 0: round / (T - 1)", true});
  params.push_back({"band", 0.05, 0.0, 1.0,
                    "offer, among outcomes within this much own utility above the target, the one "
                    "a frequency model of the opponent's offers rates best (0: the cheapest at or "
                    "above the target)",
                    false});
  params.push_back({"genius", 0.0, 0.0, 1.0,
                    "1: play as GENIUS's TimeDependentAgent (its clock, floor, nearest bid and "
                    "acceptance; no opponent model)",
                    true});
  return params;
}

AgentModel make_model(std::string name, std::string summary, std::vector<ParamSpec> params,
                      double fixed_e) {
  AgentModel model;
  model.name = std::move(name);
  model.summary = std::move(summary);
  model.params = family_params(std::move(params));
  model.create = [fixed_e](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<TimeDependentAgent>(setup, fixed_e);
  };
  model.prepare = [](const AgentSetup& setup) -> std::shared_ptr<const AgentTables> {
    if (setup.space->issue_count() < 2) return nullptr;  // no opponent model on one issue
    return std::make_shared<const TimeDependentTables>(*setup.space);
  };
  return model;
}

}  // namespace

AgentModel time_dependent_model() {
  return make_model(
      "time-dependent",
      "Faratin time-dependent concession: target u(t) = Pmin + (Pmax - Pmin)(1 - t^(1/e)); "
      "offers, near the target, what a frequency model of the opponent rates best; accepts "
      "offers at or above the target",
      {{"e", 1.0, 0.0, 50.0,
        "concession exponent (Faratin, Sierra & Jennings 1998): e < 1 Boulware, 1 linear, > 1 "
        "Conceder, "
        "0 never concedes",
        false}},
      -1.0);
}

AgentModel boulware_model() {
  return make_model(
      "boulware", "time-dependent concession with e < 1: holds firm, concedes near the deadline",
      {{"e", 0.2, 0.0, 1.0, "concession exponent (Faratin, Sierra & Jennings 1998), <= 1", false}},
      -1.0);
}

AgentModel linear_model() {
  return make_model(
      "linear", "time-dependent concession with e = 1: the target falls linearly in time", {}, 1.0);
}

AgentModel conceder_model() {
  return make_model(
      "conceder", "time-dependent concession with e > 1: concedes early",
      {{"e", 2.0, 1.0, 50.0, "concession exponent (Faratin, Sierra & Jennings 1998), >= 1", false}},
      -1.0);
}

}  // namespace parley
