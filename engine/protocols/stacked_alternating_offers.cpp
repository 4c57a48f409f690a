#include "engine/protocols/stacked_alternating_offers.hpp"

namespace parley {

void StackedAlternatingOffers::play_round(TrackRun& run, int round, const ProtocolSpec& rules,
                                          RandomStream& nature, TraceSink* trace) const {
  const RoundInfo info{round, rules.deadline_rounds};
  const int n = static_cast<int>(run.agents.size());
  const int proposer = run.proposer;
  const Deal offer = run.agents[proposer]->propose(info);
  publish(run, Move{round, run.track, proposer, Action::Offer, offer}, trace);

  TrackResult& result = run.result;
  for (int k = 1; k < n; ++k) {
    const int responder = (proposer + k) % n;
    Response answer = run.agents[responder]->respond(info, offer);
    if (answer == Response::WalkAway && !rules.walk_away) answer = Response::Reject;
    if (answer == Response::Accept) {
      publish(run, Move{round, run.track, responder, Action::Accept, offer}, trace);
      continue;
    }
    if (answer == Response::WalkAway) {
      publish(run, Move{round, run.track, responder, Action::WalkAway, offer}, trace);
      result.status = TrackStatus::WalkAway;
      result.round = round;
      result.actor = responder;
      return;
    }
    publish(run, Move{round, run.track, responder, Action::Reject, offer}, trace);
    if (rules.breakdown_probability > 0.0 && nature.uniform() < rules.breakdown_probability) {
      publish(run, Move{round, run.track, -1, Action::Breakdown, offer}, trace);
      result.status = TrackStatus::Breakdown;
      result.round = round;
      return;
    }
    run.proposer = responder;
    return;
  }
  result.status = TrackStatus::Agreed;
  result.round = round;
  result.proposer = proposer;
  result.deal = offer;
}

}  // namespace parley
