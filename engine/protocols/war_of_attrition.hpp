#pragma once
#include "engine/protocol.hpp"

namespace parley {

// The war of attrition (Maynard Smith 1974; Bishop & Cannings 1978; Fudenberg & Tirole 1991,
// ch. 4): two parties, each holding out for its claim, decide in every round at the same time
// whether to stay or to quit. The one who stays while the other quits wins: the track closes
// agreed on the stayer's claim. Staying costs each party its cost per round and its discount
// (docs/model.md's payoff d^t v - c t), so waiting is the price of the prize.
//
// A round: each agent states its claim (propose; published as an offer), then each answers the
// other's claim without seeing the other's answer (respond: Accept = quit, conceding the other's
// claim; Reject = stay; WalkAway, if allowed = leave for the reservation). Both answers are then
// published. One quits: agreed on the other's claim. Both quit: with the tie rule "none" nobody
// wins (the track breaks down, reservations paid); with "coin" nature's fair coin names the
// winner. Both stay: the protocol's breakdown probability applies, then the next round.
class WarOfAttrition final : public Protocol {
 public:
  void play_round(TrackRun& run, int round, const ProtocolSpec& rules, RandomStream& nature,
                  TraceSink* trace) const override;
};

}  // namespace parley
