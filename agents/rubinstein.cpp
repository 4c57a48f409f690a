#include "agents/rubinstein.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace parley {

namespace {
constexpr int kMaxIterations = 1'000'000;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}  // namespace

RubinsteinAgent::RubinsteinAgent(const AgentSetup& setup)
    : space_(setup.space),
      party_(setup.party),
      opener_(setup.opener),
      deadline_(setup.deadline_rounds),
      breakdown_(setup.breakdown_probability),
      walk_allowed_(setup.walk_away_allowed) {
  if (setup.party_count != 2)
    throw std::invalid_argument("the rubinstein agent plays two-party games only");
  if (!setup.complete_information)
    throw std::invalid_argument("the rubinstein agent needs complete information");
  if (space_->issue_count() != 1)
    throw std::invalid_argument("the rubinstein agent plays on a track with one share issue");
  const int issue = space_->issue(0);
  for (int k = 0; k < 2; ++k) {
    const Preferences* prefs = setup.public_preferences.at(k);
    if (!prefs) throw std::invalid_argument("the rubinstein agent needs both preferences");
    value_function_[k] = &prefs->values.at(issue);
    if (value_function_[k]->is_table())
      throw std::invalid_argument("the rubinstein agent needs piecewise-linear value functions");
    reservation_[k] = setup.public_reservation.at(k);
    discount_[k] = prefs->discount;
    cost_[k] = prefs->cost_per_round;
    if (cost_[k] > 0.0 && discount_[k] < 1.0) round_dependent_ = true;
  }
  scratch_.size = 1;
  const double lo = space_->deal(0).values[0];
  const double hi = space_->deal(space_->size() - 1).values[0];
  breakpoints_ = {lo, hi};
  for (const ValueFunction* v : value_function_)
    for (const auto& [x, y] : v->points())
      if (x > lo && x < hi) breakpoints_.push_back(x);
  std::sort(breakpoints_.begin(), breakpoints_.end());
  breakpoints_.erase(std::unique(breakpoints_.begin(), breakpoints_.end()), breakpoints_.end());

  if (deadline_ > 0)
    solve_finite();
  else
    solve_stationary(0);
}

double RubinsteinAgent::value(int party, double share) const {
  scratch_.values[0] = share;
  return space_->utility(party, scratch_);
}

bool RubinsteinAgent::best_share(int proposer, double required, double& share) const {
  const int responder = 1 - proposer;
  bool found = false;
  double best_own = -kInfinity;
  double best_other = -kInfinity;
  const auto consider = [&](double s) {
    const double other = value(responder, s);
    if (other < required - kTolerance) return;
    const double own = value(proposer, s);
    if (own > best_own || (own == best_own && other > best_other)) {
      found = true;
      best_own = own;
      best_other = other;
      share = s;
    }
  };
  // A piecewise-linear objective over a set bounded by piecewise-linear constraints peaks at a
  // kink, an end of the range, or where the responder's value crosses `required`.
  for (double s : breakpoints_) consider(s);
  const auto& points = value_function_[responder]->points();
  const double lo = breakpoints_.front();
  const double hi = breakpoints_.back();
  for (std::size_t k = 1; k < points.size(); ++k) {
    const auto& [x0, y0] = points[k - 1];
    const auto& [x1, y1] = points[k];
    if (y0 == y1 || required < std::min(y0, y1) || required > std::max(y0, y1)) continue;
    const double s = x0 + (required - y0) * (x1 - x0) / (y1 - y0);
    if (s >= lo && s <= hi) consider(s);
  }
  return found;
}

double RubinsteinAgent::worst_share_for(int party) const {
  double worst = breakpoints_.front();
  for (double s : breakpoints_)
    if (value(party, s) < value(party, worst)) worst = s;
  return worst;
}

// One round of the game, given what each party gets if the offer is turned down and play
// goes on (`continuation`, relative units of this round).
RubinsteinAgent::Plan RubinsteinAgent::plan_round(int proposer,
                                                  const std::array<double, 2>& continuation) const {
  const int responder = 1 - proposer;
  Plan plan;
  plan.proposer = proposer;
  plan.walk = walk_allowed_ && reservation_[responder] > continuation[responder];
  plan.required = plan.walk ? reservation_[responder] : continuation[responder];
  const std::array<double, 2> refused = plan.walk ? reservation_ : continuation;

  double share = 0.0;
  const bool feasible = best_share(proposer, plan.required, share);
  if (feasible && value(proposer, share) >= refused[proposer] - kTolerance) {
    plan.share = share;
    plan.agree = true;
    plan.value = {value(0, share), value(1, share)};
    return plan;
  }
  // The proposer does better when its offer is refused: it makes an offer the responder
  // rejects, if there is one.
  const double refusable = worst_share_for(responder);
  if (value(responder, refusable) < plan.required - kTolerance) {
    plan.share = refusable;
    plan.agree = false;
    plan.value = refused;
    return plan;
  }
  // Every offer would be accepted: take the best.
  best_share(proposer, -kInfinity, share);
  plan.share = share;
  plan.agree = true;
  plan.value = {value(0, share), value(1, share)};
  return plan;
}

// What each party expects, in relative units of `round`, when the offer of `round` is rejected
// and play goes on to the round planned by `next`: with probability p talks break down (the
// reservation), otherwise the next round is discounted once and costs one more round:
// p*r + (1-p)*(d*v' - c/d^round). (Rejecting the offer of round t and closing in round t+1 pays
// d^(t+1)*v' - c*(t+1); divided back to round t's units, the cost term is c/d^t.)
std::array<double, 2> RubinsteinAgent::continuation(const Plan& next, int round) const {
  std::array<double, 2> c{};
  for (int k = 0; k < 2; ++k) {
    const double cost = cost_[k] == 0.0 ? 0.0 : cost_[k] / std::pow(discount_[k], round);
    c[k] =
        breakdown_ * reservation_[k] + (1.0 - breakdown_) * (discount_[k] * next.value[k] - cost);
  }
  return c;
}

// Backward induction (Stahl 1972): a rejected last offer (round deadline - 1) closes the track
// at that round with the reservations. The table holds rounds from the deadline back; once the
// recursion does not depend on the round (no party both discounts and pays costs) and the plans
// repeat with period two, earlier rounds repeat them and the induction stops. A table that would
// pass kMaxTable rounds without repeating stops there, and earlier rounds play the stationary
// (no-deadline) equilibrium instead, an approximation for very long deadlines (docs/agents.md).
void RubinsteinAgent::solve_finite() {
  finite_.clear();
  first_tabled_round_ = 0;
  for (int t = deadline_ - 1; t >= 0; --t) {
    const std::size_t k = finite_.size();  // finite_[k] is round deadline - 1 - k
    const std::array<double, 2> c = k == 0 ? reservation_ : continuation(finite_[k - 1], t);
    finite_.push_back(plan_round(proposer_of(t), c));
    if (!round_dependent_ && k >= 3 && same_plan(finite_[k], finite_[k - 2]) &&
        same_plan(finite_[k - 1], finite_[k - 3])) {
      first_tabled_round_ = t;
      return;
    }
    if (finite_.size() >= kMaxTable && t > 0) {
      first_tabled_round_ = t;
      beyond_table_stationary_ = true;
      solve_stationary(t);
      return;
    }
  }
}

bool RubinsteinAgent::same_plan(const Plan& a, const Plan& b) {
  const double tolerance = 4 * std::numeric_limits<double>::epsilon();
  return a.proposer == b.proposer && a.agree == b.agree && a.walk == b.walk &&
         std::abs(a.share - b.share) <= tolerance &&
         std::abs(a.required - b.required) <= tolerance &&
         std::abs(a.value[0] - b.value[0]) <= tolerance &&
         std::abs(a.value[1] - b.value[1]) <= tolerance;
}

RubinsteinAgent::Plan RubinsteinAgent::agreed_plan(int proposer, double share) const {
  Plan plan;
  plan.proposer = proposer;
  plan.share = share;
  plan.agree = true;
  plan.value = {value(0, share), value(1, share)};
  return plan;
}

// No deadline: the stationary equilibrium, the fixed point of the two-round map G (the opener's
// plan -> the other's plan -> the opener's plan; Rubinstein 1982; Shaked & Sutton 1984), started
// from the opener keeping its best share.
//
// While the opener's offer is accepted, G is a function of the opener's share s, affine on each
// piece of the value functions: G(s) = a s + b with 0 <= a < 1 under discounting or breakdown
// risk (a = d1 d2 (1-p)^2 for linear values). Plain iteration needs about 36 / (1 - a) steps and
// stalls near a = 1 (d = 0.999999 took 10^6 steps and stopped at 0.568 instead of 0.5), so the
// agent solves each piece's fixed point s* = s + (G(s) - s) / (1 - a) directly, with a measured
// on the piece, and repeats the step until the correction is below kStationaryTolerance (a
// Newton step on an affine piece: exact up to rounding). Rounding in G limits what can be
// resolved to about 1e-16 / (1 - a); a game closer to the limit than that is refused with an
// error rather than answered wrongly. With fixed costs alone (a = 1) G moves s by c2 - c1 until a
// bound: the agent jumps to the bound (the capped iteration). Plans where an offer is refused
// iterate plainly (a contraction).
void RubinsteinAgent::solve_stationary(int round) {
  const int other = 1 - opener_;
  const double range = breakpoints_.back() - breakpoints_.front();
  Plan reply;
  const auto step = [&](const Plan& open, Plan& answer) {
    answer = plan_round(other, continuation(open, round));
    return plan_round(opener_, continuation(answer, round));
  };
  const auto agreed = [](const Plan& a, const Plan& b) {
    return a.agree && b.agree && a.walk == b.walk;
  };
  // Accepting within kTolerance and rounding in G blur a fixed point by about 1e-16 / (1 - a):
  // a game whose contraction is weaker than kMinContractionGap cannot be solved to the tolerance.
  const double contraction = discount_[0] * discount_[1] * (1 - breakdown_) * (1 - breakdown_);
  if (contraction < 1.0 && 1.0 - contraction < kMinContractionGap)
    throw std::invalid_argument(
        "the rubinstein agent cannot solve the stationary equilibrium to within 1e-9 of the "
        "share's range when 1 - d1 d2 (1 - p)^2 is below 1e-7 (here " +
        std::to_string(1.0 - contraction) +
        "): double precision cannot resolve it; give the talks a deadline, or discount factors "
        "further from 1");
  double share = 0.0;
  best_share(opener_, -kInfinity, share);
  Plan open = agreed_plan(opener_, share);
  double slope = kInfinity;  // a on the current piece; infinity: not measured
  double last_correction = kInfinity;
  int newton_steps = 0;
  bool solved = false;
  for (int iteration = 0; iteration < kMaxIterations && !solved; ++iteration) {
    const Plan next = step(open, reply);
    if (!agreed(open, next)) {
      const double change = std::max(std::abs(next.value[0] - open.value[0]),
                                     std::abs(next.value[1] - open.value[1]));
      const bool same_kind = next.agree == open.agree && next.walk == open.walk;
      open = next;
      slope = kInfinity;
      solved = same_kind && change <= 4 * std::numeric_limits<double>::epsilon();
      continue;
    }
    const double residual = next.share - open.share;
    if (residual == 0.0) {  // an exact fixed point
      open = next;
      solved = true;
      continue;
    }
    if (!(slope < 1.0)) {
      if (++newton_steps > kMaxNewtonSteps) break;
      Plan again_reply;
      const Plan again = step(next, again_reply);
      if (!agreed(next, again)) {
        open = again;
        continue;
      }
      slope = (again.share - next.share) / residual;
      if (std::abs(slope - 1.0) <= 1e-9) {
        // A translation: the capped iteration, straight to the bound it heads for.
        open = agreed_plan(opener_, residual > 0 ? breakpoints_.back() : breakpoints_.front());
        slope = kInfinity;
        continue;
      }
      if (!(std::abs(slope) < 1.0)) {
        open = again;
        slope = kInfinity;
        continue;
      }
      last_correction = kInfinity;
    }
    const double correction = residual / (1.0 - slope);
    // Within the tolerance, keep stepping while the correction still halves (down to rounding).
    const bool settled =
        std::abs(correction) <= 4 * std::numeric_limits<double>::epsilon() * range ||
        std::abs(correction) > 0.5 * last_correction;
    if (std::abs(correction) <= kStationaryTolerance * range && settled) {
      const Plan fixed = agreed_plan(
          opener_, std::clamp(open.share + correction, breakpoints_.front(), breakpoints_.back()));
      stationary_[opener_] = step(fixed, reply);  // the full plan (what the responder requires)
      stationary_[other] = reply;
      stationary_round_ = round;
      return;
    }
    if (++newton_steps > kMaxNewtonSteps) break;
    // A correction that does not shrink means the piece changed: measure the slope again.
    if (std::abs(correction) > 0.5 * last_correction) slope = kInfinity;
    last_correction = std::abs(correction);
    open = agreed_plan(
        opener_, std::clamp(open.share + correction, breakpoints_.front(), breakpoints_.back()));
  }
  if (!solved)
    throw std::invalid_argument(
        "the rubinstein agent cannot solve the stationary equilibrium to within 1e-9 of the "
        "share's range (its value functions leave the two-round map without a fixed point it "
        "can reach); give the talks a deadline");
  stationary_[opener_] = open;
  stationary_[other] = reply;
  stationary_round_ = round;
}

const RubinsteinAgent::Plan& RubinsteinAgent::plan(int round) {
  if (deadline_ > 0) {
    const int t = std::clamp(round, 0, deadline_ - 1);
    if (t >= first_tabled_round_) return finite_[static_cast<std::size_t>(deadline_ - 1 - t)];
    if (!beyond_table_stationary_) {
      // Before the table the plans repeat with period two: take the tabled round of t's parity.
      const int same_parity = first_tabled_round_ + (first_tabled_round_ - t) % 2;
      return finite_[static_cast<std::size_t>(deadline_ - 1 - same_parity)];
    }
  }
  // With both discounting and costs the game seen from round t has costs c/d^t: re-solve.
  if (round_dependent_ && round != stationary_round_) solve_stationary(round);
  return stationary_[proposer_of(round)];
}

Deal RubinsteinAgent::propose(const RoundInfo& round) {
  Deal offer;
  offer.outcome = -1;
  offer.size = 1;
  offer.values[0] = plan(round.round).share;
  return offer;
}

Response RubinsteinAgent::respond(const RoundInfo& round, const Deal& offer) {
  const Plan& p = plan(round.round);
  if (space_->utility(party_, offer) >= p.required - kTolerance) return Response::Accept;
  return p.walk ? Response::WalkAway : Response::Reject;
}

AgentModel rubinstein_model() {
  AgentModel model;
  model.name = "rubinstein";
  model.summary =
      "subgame-perfect equilibrium player of alternating offers over one share issue "
      "(discounting, fixed costs, deadline, breakdown risk, outside option)";
  model.requires_.complete_information = true;
  model.requires_.single_share_issue = true;
  model.requires_.bilateral = true;
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<RubinsteinAgent>(setup);
  };
  return model;
}

}  // namespace parley
