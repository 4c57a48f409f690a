#pragma once
#include "engine/protocol.hpp"

namespace parley {

// Stacked alternating offers for n parties (Aydoğan et al. 2017): the proposer's offer goes
// round the table in order; it stands when every other party accepts it. The first party to
// reject makes the next offer (its counter-offer), in the next round. With two parties this is
// exactly bilateral alternating offers.
class StackedAlternatingOffers final : public Protocol {
 public:
  void play_round(TrackRun& run, int round, const ProtocolSpec& rules, RandomStream& nature,
                  TraceSink* trace) const override;
};

}  // namespace parley
