#include "engine/protocols/single_text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/criticism.hpp"

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

std::int64_t SingleText::revise(const OutcomeSpace& space, const Deal& text,
                                const Criticism* criticism, int critics, double first_step,
                                std::array<int, kMaxTrackIssues>& step,
                                std::array<std::int8_t, kMaxTrackIssues>& moved) {
  // One issue per draft: the one where the objections most outweigh the holds (ties to the
  // earlier issue), so that the mediator can tell which change drew the next veto.
  int issue = -1;
  double best_margin = kBetter;
  std::int8_t way = 0;
  for (int k = 0; k < space.issue_count(); ++k) {
    const auto kk = static_cast<std::size_t>(k);
    const int level = space.level(text.outcome, k);
    double pull = 0.0;
    double hold = 0.0;
    for (int c = 0; c < critics; ++c) {
      const Criticism& said = criticism[c];
      if (said.rank[kk] < 0) continue;  // the party does not care about this issue here
      const double weight = 1.0 / (1.0 + said.rank[kk]);
      if (said.direction[kk] != 0)
        pull += said.direction[kk] * weight;
      else
        hold += weight;
    }
    const std::int8_t toward = pull > 0.0 ? 1 : -1;
    const int to = level + toward;
    if (to < 0 || to >= space.levels(k)) continue;  // no room that way
    const double margin = std::abs(pull) - hold;
    if (margin > best_margin) {
      best_margin = margin;
      issue = k;
      way = toward;
    }
  }
  if (issue < 0) return text.outcome;
  const auto ki = static_cast<std::size_t>(issue);
  const int levels = space.levels(issue);
  if (step[ki] == 0)
    step[ki] = std::max(1, static_cast<int>(std::lround(first_step * (levels - 1))));
  else if (moved[ki] == -way)
    step[ki] = std::max(1, step[ki] / 2);  // the text overshot: come back by half as much
  const int level = space.level(text.outcome, issue);
  const int to = std::clamp(level + way * step[ki], 0, levels - 1);
  moved[ki] = way;
  return text.outcome + (to - level) * space.stride(issue);
}

void SingleText::play_round(TrackRun& run, int round, const ProtocolSpec& rules,
                            RandomStream& nature, TraceSink* trace) const {
  const RoundInfo info{round, rules.deadline_rounds};
  const int n = static_cast<int>(run.agents.size());
  const OutcomeSpace& space = *run.space;
  if (run.floor.empty()) {
    run.floor.assign(static_cast<std::size_t>(n), -std::numeric_limits<double>::infinity());
    run.text = space.deal(nash_text(space, run.floor));
    run.text_step.fill(0);
    run.text_moved.fill(0);
    run.criticism.resize(static_cast<std::size_t>(n));
  }
  const Deal text = run.text;
  publish(run, Move{round, run.track, -1, Action::Offer, text}, trace);

  const bool by_criticism = rules.revision == SingleTextRevision::Criticism;
  int critics = 0;  // vetoing parties so far; their criticism fills run.criticism from the front
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
    if (accept) continue;
    vetoed = true;
    run.floor[i] = std::max(run.floor[i], space.utilities(i)[text.outcome]);
    if (by_criticism) {
      Criticism& said = run.criticism[static_cast<std::size_t>(critics++)];
      if (!run.agents[i]->criticise(info, text, said) || said.size != space.issue_count())
        said = criticism_from_preferences(space, i, text);
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
  if (by_criticism) {
    // The mediator never declares deadlock: the text stands or moves, and the deadline (or a
    // breakdown) ends the talks.
    const std::int64_t next = revise(space, text, run.criticism.data(), critics, rules.text_step,
                                     run.text_step, run.text_moved);
    if (next != text.outcome) run.text = space.deal(next);
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
