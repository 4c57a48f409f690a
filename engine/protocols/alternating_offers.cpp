#include "engine/protocols/alternating_offers.hpp"

namespace parley {

void AlternatingOffers::play_round(TrackRun& run, int round, const ProtocolSpec& rules,
                                   RandomStream& nature, TraceSink* trace) const {
  const RoundInfo info{round, rules.deadline_rounds};
  const int proposer = run.proposer;
  const int responder = 1 - proposer;
  // One Move for the offer and its answer: the deal is copied once a round, not three times.
  Move move{round, run.track, proposer, Action::Offer, run.agents[proposer]->propose(info)};
  const Deal& offer = move.deal;
  publish(run, move, trace);

  Response answer = run.agents[responder]->respond(info, offer);
  if (answer == Response::WalkAway && !rules.walk_away) answer = Response::Reject;
  TrackResult& result = run.result;
  move.party = responder;
  switch (answer) {
    case Response::Accept:
      move.action = Action::Accept;
      publish(run, move, trace);
      result.status = TrackStatus::Agreed;
      result.round = round;
      result.proposer = proposer;
      result.deal = offer;
      return;
    case Response::WalkAway:
      move.action = Action::WalkAway;
      publish(run, move, trace);
      result.status = TrackStatus::WalkAway;
      result.round = round;
      result.actor = responder;
      return;
    case Response::Reject:
      move.action = Action::Reject;
      publish(run, move, trace);
      break;
  }
  // The draw happens only when breakdown is possible, so scenarios without it consume no
  // randomness here.
  if (rules.breakdown_probability > 0.0 && nature.uniform() < rules.breakdown_probability) {
    move.party = -1;
    move.action = Action::Breakdown;
    publish(run, move, trace);
    result.status = TrackStatus::Breakdown;
    result.round = round;
    return;
  }
  run.proposer = rules.opener_always_proposes ? proposer : responder;
}

}  // namespace parley
