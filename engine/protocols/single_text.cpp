#include "engine/protocols/single_text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace parley {

namespace {
constexpr double kBetter = 1e-12;  // "worth more than the floor", beyond rounding

void close(TrackRun& run, int round, TrackStatus status) {
  run.result.status = status;
  run.result.round = round;
}
}  // namespace

std::int64_t SingleText::nash_text(const OutcomeSpace& space, const std::vector<double>& floor) {
  const int n = static_cast<int>(floor.size());
  std::int64_t best = -1;
  double best_product = -1.0;
  for (std::int64_t o = 0; o < space.size(); ++o) {
    double product = 1.0;
    bool remains = true;
    for (int i = 0; i < n && remains; ++i) {
      const double u = space.utilities(i)[o];
      if (std::isfinite(floor[i]) && !(u > floor[i] + kBetter)) remains = false;
      product *= u - std::max(floor[i], 0.0);
    }
    if (remains && product > best_product) {
      best_product = product;
      best = o;
    }
  }
  return best;
}

void SingleText::play_round(TrackRun& run, int round, const ProtocolSpec& rules,
                            RandomStream& nature, TraceSink* trace) const {
  const RoundInfo info{round, rules.deadline_rounds};
  const int n = static_cast<int>(run.agents.size());
  const OutcomeSpace& space = *run.space;
  if (run.floor.empty()) {
    run.floor.assign(static_cast<std::size_t>(n), -std::numeric_limits<double>::infinity());
    run.text = space.deal(nash_text(space, run.floor));
  }
  const Deal text = run.text;
  publish(run, Move{round, run.track, -1, Action::Offer, text}, trace);

  bool vetoed = false;
  for (int i = 0; i < n; ++i) {
    Response answer = run.agents[i]->respond(info, text);
    if (answer == Response::WalkAway && !rules.walk_away) answer = Response::Reject;
    if (answer == Response::WalkAway) {
      publish(run, Move{round, run.track, i, Action::WalkAway, text}, trace);
      close(run, round, TrackStatus::WalkAway);
      run.result.actor = i;
      return;
    }
    const bool accept = answer == Response::Accept;
    publish(run, Move{round, run.track, i, accept ? Action::Accept : Action::Reject, text}, trace);
    if (!accept) {
      vetoed = true;
      run.floor[i] = std::max(run.floor[i], space.utilities(i)[text.outcome]);
    }
  }
  if (!vetoed) {
    close(run, round, TrackStatus::Agreed);
    run.result.proposer = -1;
    run.result.deal = text;
    return;
  }
  if (rules.breakdown_probability > 0.0 && nature.uniform() < rules.breakdown_probability) {
    publish(run, Move{round, run.track, -1, Action::Breakdown, text}, trace);
    close(run, round, TrackStatus::Breakdown);
    return;
  }
  std::int64_t next = nash_text(space, run.floor);
  if (next < 0 && rules.restart_text) {
    std::fill(run.floor.begin(), run.floor.end(), -std::numeric_limits<double>::infinity());
    next = nash_text(space, run.floor);
  }
  if (next < 0) {
    // No text is left that every vetoing party could prefer: the mediator declares deadlock.
    publish(run, Move{round, run.track, -1, Action::Breakdown, text}, trace);
    close(run, round, TrackStatus::Breakdown);
    return;
  }
  run.text = space.deal(next);
}

}  // namespace parley
