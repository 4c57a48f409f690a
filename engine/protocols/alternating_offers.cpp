#include "engine/protocols/alternating_offers.hpp"

namespace parley {

void AlternatingOffers::play_round(TrackRun& run, int round, const ProtocolSpec& rules,
                                   RandomStream& nature, TraceSink* trace) const {
  const RoundInfo info{round, rules.deadline_rounds};
  const int proposer = run.proposer;
  const int responder = 1 - proposer;
  const Deal offer = run.agents[proposer]->propose(info);
  publish(run, Move{round, run.track, proposer, Action::Offer, offer}, trace);

  Response answer = run.agents[responder]->respond(info, offer);
  if (answer == Response::WalkAway && !rules.walk_away) answer = Response::Reject;
  TrackResult& result = run.result;
  switch (answer) {
    case Response::Accept:
      publish(run, Move{round, run.track, responder, Action::Accept, offer}, trace);
      result.status = TrackStatus::Agreed;
      result.round = round;
      result.proposer = proposer;
      result.deal = offer;
      return;
    case Response::WalkAway:
      publish(run, Move{round, run.track, responder, Action::WalkAway, offer}, trace);
      result.status = TrackStatus::WalkAway;
      result.round = round;
      result.actor = responder;
      return;
    case Response::Reject:
      publish(run, Move{round, run.track, responder, Action::Reject, offer}, trace);
      break;
  }
  // The draw happens only when breakdown is possible, so scenarios without it consume no
  // randomness here.
  if (rules.breakdown_probability > 0.0 && nature.uniform() < rules.breakdown_probability) {
    publish(run, Move{round, run.track, -1, Action::Breakdown, offer}, trace);
    result.status = TrackStatus::Breakdown;
    result.round = round;
    return;
  }
  run.proposer = rules.opener_always_proposes ? proposer : responder;
}

}  // namespace parley
