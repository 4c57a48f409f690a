#include "agents/screening_equilibrium.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/world/private_type.hpp"
#include "engine/world/world_state.hpp"

namespace parley {

namespace {
constexpr double kTolerance = 1e-9;  // indifference, in utility
constexpr int kMaxSteps = 100000;

[[noreturn]] void refuse(const std::string& why) {
  throw std::invalid_argument("screening-equilibrium: " + why);
}
}  // namespace

int ScreeningPlan::steps(double belief) const {
  int k = 0;
  while (k + 1 < static_cast<int>(offer.size()) && cutoff[k + 1] <= belief) ++k;
  return k;
}

double ScreeningPlan::accepted_mass(int k, double belief) const {
  if (k <= 0) return belief;  // the pooling offer: every weak type takes it
  const double m = cutoff[k - 1];
  return (belief - m) / (1.0 - m);
}

double ScreeningPlan::weak_acceptance(int k, double belief) const {
  return belief > 0.0 ? std::min(1.0, std::max(0.0, accepted_mass(k, belief) / belief)) : 1.0;
}

double ScreeningPlan::value(double belief) const {
  const int k = steps(belief);
  return level[k] + slope[k] * belief;
}

ScreeningPlan solve_screening(const ScreeningGame& g) {
  if (!(g.strong > g.weak)) refuse("the strong type must value fighting on more than the weak");
  if (!(g.weak_continuation >= 0.0 && g.weak_continuation < 1.0) ||
      !(g.uninformed_continuation >= 0.0 && g.uninformed_continuation < 1.0))
    refuse("the war must end with a positive chance each round, or be discounted");
  const double pool = g.uninformed_value(g.strong);
  if (!(pool > g.uninformed))
    refuse("peace on the strong type's terms must be worth more to the uninformed side than war");
  const double bw = g.weak_continuation, ba = g.uninformed_continuation;
  const double weak_flow = g.weak * (1.0 - bw);
  const double war_flow = g.uninformed * (1.0 - ba);
  ScreeningPlan plan;
  plan.offer = {g.strong};
  plan.cutoff = {0.0};
  plan.level = {pool};
  plan.slope = {0.0};
  for (int k = 1; k < kMaxSteps; ++k) {
    const double y = weak_flow + bw * plan.offer.back();
    const double m = plan.cutoff.back();
    // After a refusal A's posterior is m, where it is willing to play the (k-1)-offer plan.
    const double refused = war_flow + ba * (plan.level.back() + plan.slope.back() * m);
    const double slope = (g.uninformed_value(y) - refused) / (1.0 - m);
    const double level = refused - m * slope;
    if (!(slope > plan.slope.back())) break;
    const double cut = (plan.level.back() - level) / (slope - plan.slope.back());
    if (!(cut > m) || cut >= 1.0) break;
    plan.offer.push_back(y);
    plan.cutoff.push_back(cut);
    plan.level.push_back(level);
    plan.slope.push_back(slope);
  }
  plan.cutoff.push_back(1.0);  // the last plan covers every belief above its cut-off
  return plan;
}

ScreeningEquilibriumAgent::ScreeningEquilibriumAgent(const AgentSetup& setup)
    : space_(setup.space), party_(setup.party), informed_(-1), rng_(setup.rng) {
  if (setup.party_count != 2) refuse("it plays two-party games only");
  const TypePriors* priors = setup.type_priors;
  for (int p = 0; p < 2; ++p)
    if (priors && priors->has_types(p)) {
      if (informed_ >= 0) refuse("only one party may have private types");
      informed_ = p;
    }
  if (informed_ < 0 || priors->parties[informed_].size() != 2)
    refuse("one party must have exactly two private types");
  const int uninformed = 1 - informed_;
  if (!setup.opener_always_proposes || setup.opener != uninformed)
    refuse("the uninformed side must make every offer (protocol opener and proposer \"opener\")");
  if (setup.deadline_rounds > 0) refuse("the screening game has no deadline");
  if (!setup.complete_information || !setup.public_preferences[uninformed])
    refuse("the uninformed side's preferences must be public (information \"complete\")");
  if (space_->issue_count() != 1) refuse("it plays on a track with one share issue");
  const WorldState* world = setup.world;
  if (!setup.war_track || !world || !world->battlefield.present)
    refuse("it plays on a war track (a battlefield's value of fighting on)");
  const BattlefieldState& field = world->battlefield;
  if (field.states != 2 || field.position != 1)
    refuse("the war must have one undecided state (battlefield states 2, start 1)");
  const auto& types = priors->parties[informed_];
  if (!(types[0].up_win_probability == types[1].up_win_probability))
    refuse("the types may differ in resolve (costs, values, discount), not in the odds");
  const Preferences& a_prefs = *setup.public_preferences[uninformed];
  if (a_prefs.cost_per_round != 0.0 || (setup.public_preferences[informed_] &&
                                        setup.public_preferences[informed_]->cost_per_round != 0.0))
    refuse("the track's cost_per_round must be 0 (the war's costs are the price of delay)");

  const Issue& issue = space_->scenario().issues[static_cast<std::size_t>(space_->issue(0))];
  lo_ = issue.min;
  hi_ = issue.max;
  scratch_ = space_->deal(0);
  scratch_.outcome = -1;

  // Each round the war goes on unless one of its battles is decisive.
  const double goes_on = std::pow(1.0 - field.decisive_probability, field.battles_per_round);
  const int track = setup.track;
  const double r0 = priors->reservation(informed_, 0, track, field.position);
  const double r1 = priors->reservation(informed_, 1, track, field.position);
  const int weak_type = r0 < r1 ? 0 : 1;
  game_.strong = std::max(r0, r1);
  game_.weak = std::min(r0, r1);
  game_.weak_continuation = types[static_cast<std::size_t>(weak_type)].discount * goes_on;
  game_.uninformed = party_ == uninformed ? setup.current_reservation()
                                          : setup.current_public_reservation(uninformed);
  game_.uninformed_continuation = a_prefs.discount * goes_on;
  game_.uninformed_value = [this, uninformed](double y) {
    return space_->utility(uninformed, deal_giving(y));
  };
  plan_ = solve_screening(game_);
  belief_ = types[static_cast<std::size_t>(weak_type)].probability;
  step_ = plan_.steps(belief_);
  weak_ = party_ == informed_ && setup.own_type == weak_type;
}

Deal ScreeningEquilibriumAgent::deal_giving(double informed_utility) const {
  // The informed side's value is monotone in the share: bisect for the share worth exactly y.
  double lo = lo_, hi = hi_;
  auto value = [this](double share) {
    scratch_.values[0] = share;
    return space_->utility(informed_, scratch_);
  };
  const bool rising = value(hi_) > value(lo_);
  for (int i = 0; i < 200 && hi - lo > 0.0; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if ((value(mid) < informed_utility) == rising)
      lo = mid;
    else
      hi = mid;
  }
  Deal deal = scratch_;
  deal.values[0] =
      std::abs(value(lo) - informed_utility) <= std::abs(value(hi) - informed_utility) ? lo : hi;
  return deal;
}

Deal ScreeningEquilibriumAgent::propose(const RoundInfo& /*round*/) {
  return deal_giving(plan_.offer[static_cast<std::size_t>(step_)]);
}

Response ScreeningEquilibriumAgent::respond(const RoundInfo& /*round*/, const Deal& offer) {
  if (party_ != informed_) {
    // Offers are the uninformed side's to make; should one come, take it if it beats fighting a
    // round and going on with the plan.
    const double continuation = game_.uninformed * (1.0 - game_.uninformed_continuation) +
                                game_.uninformed_continuation * plan_.value(belief_);
    return space_->utility(party_, offer) >= continuation - kTolerance ? Response::Accept
                                                                       : Response::Reject;
  }
  const double y = space_->utility(party_, offer);
  if (!weak_) return y >= game_.strong - kTolerance ? Response::Accept : Response::Reject;
  // The weak type: fighting a round is worth R_w (1 - beta_w) now and the next offer after it.
  const double bw = game_.weak_continuation;
  const double next = plan_.offer[static_cast<std::size_t>(std::max(step_ - 1, 0))];
  const double refuse_value = game_.weak * (1.0 - bw) + bw * next;
  if (y > refuse_value + kTolerance) return Response::Accept;
  if (y < refuse_value - kTolerance) return Response::Reject;
  // Indifferent: accept with the chance that keeps the uninformed side's screening credible.
  return rng_->uniform() < plan_.weak_acceptance(step_, belief_) ? Response::Accept
                                                                 : Response::Reject;
}

void ScreeningEquilibriumAgent::observe(const Move& move) {
  if (move.party == 1 - informed_ && move.action == Action::Offer) {
    const double y = space_->utility(informed_, move.deal);
    last_offer_step_ =
        std::abs(y - plan_.offer[static_cast<std::size_t>(step_)]) <= kTolerance ? step_ : -1;
    return;
  }
  if (move.party != informed_ || move.action != Action::Reject) return;
  if (last_offer_step_ < 1) return;  // off the plan, or the pooling offer: nothing to learn
  // Bayes' rule: the weak type refuses with 1 - rho, the strong one always.
  const double rho = plan_.weak_acceptance(step_, belief_);
  belief_ = belief_ * (1.0 - rho) / (belief_ * (1.0 - rho) + (1.0 - belief_));
  step_ -= 1;  // the posterior is the cut-off of the next plan, by construction
}

AgentModel screening_equilibrium_model() {
  AgentModel model;
  model.name = "screening-equilibrium";
  model.summary =
      "bargaining while fighting against two private types: the uninformed side's offers screen "
      "the types, rising as the weak type settles (either side)";
  model.requires_.complete_information = true;
  model.requires_.bilateral = true;
  model.requires_.single_share_issue = true;
  model.requires_.opener_proposes = true;
  model.create = [](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    return std::make_unique<ScreeningEquilibriumAgent>(setup);
  };
  return model;
}

}  // namespace parley
