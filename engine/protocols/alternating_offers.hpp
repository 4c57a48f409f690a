#pragma once
#include "engine/protocol.hpp"

namespace parley {

// Bilateral alternating offers (Rubinstein 1982): the proposer offers, the other party
// accepts, rejects or (if allowed) walks away; after a rejection talks may break down with the
// protocol's probability, and otherwise the responder proposes in the next round.
class AlternatingOffers final : public Protocol {
 public:
  void play_round(TrackRun& run, int round, const ProtocolSpec& rules, RandomStream& nature,
                  TraceSink* trace) const override;
};

}  // namespace parley
