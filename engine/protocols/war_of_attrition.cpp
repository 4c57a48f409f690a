#include "engine/protocols/war_of_attrition.hpp"

#include <array>

namespace parley {

void WarOfAttrition::play_round(TrackRun& run, int round, const ProtocolSpec& rules,
                                RandomStream& nature, TraceSink* trace) const {
  const RoundInfo info{round, rules.deadline_rounds};
  TrackResult& result = run.result;
  std::array<Deal, 2> claim;
  for (int p = 0; p < 2; ++p) claim[p] = run.agents[p]->propose(info);
  for (int p = 0; p < 2; ++p)
    publish(run, Move{round, run.track, p, Action::Offer, claim[p]}, trace);

  // Simultaneous: both answer before either answer is published.
  std::array<Response, 2> answer{};
  for (int p = 0; p < 2; ++p) {
    answer[p] = run.agents[p]->respond(info, claim[1 - p]);
    if (answer[p] == Response::WalkAway && !rules.walk_away) answer[p] = Response::Reject;
  }
  for (int p = 0; p < 2; ++p) {
    const Action action = answer[p] == Response::Accept   ? Action::Accept
                          : answer[p] == Response::Reject ? Action::Reject
                                                          : Action::WalkAway;
    publish(run, Move{round, run.track, p, action, claim[1 - p]}, trace);
  }
  for (int p = 0; p < 2; ++p)
    if (answer[p] == Response::WalkAway) {
      result.status = TrackStatus::WalkAway;
      result.round = round;
      result.actor = p;
      return;
    }

  const bool quit0 = answer[0] == Response::Accept;
  const bool quit1 = answer[1] == Response::Accept;
  int winner = -1;
  if (quit0 != quit1) {
    winner = quit0 ? 1 : 0;
  } else if (quit0) {
    if (!rules.tie_coin) {
      publish(run, Move{round, run.track, -1, Action::Breakdown, Deal{}}, trace);
      result.status = TrackStatus::Breakdown;
      result.round = round;
      return;
    }
    winner = nature.uniform() < 0.5 ? 0 : 1;
  }
  if (winner >= 0) {
    result.status = TrackStatus::Agreed;
    result.round = round;
    result.proposer = winner;
    result.deal = claim[winner];
    return;
  }
  // Both stay. As in alternating offers, the draw happens only when breakdown is possible.
  if (rules.breakdown_probability > 0.0 && nature.uniform() < rules.breakdown_probability) {
    publish(run, Move{round, run.track, -1, Action::Breakdown, Deal{}}, trace);
    result.status = TrackStatus::Breakdown;
    result.round = round;
  }
}

}  // namespace parley
