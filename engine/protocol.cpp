#include "engine/protocol.hpp"

#include "engine/alternating_offers.hpp"
#include "engine/stacked_alternating_offers.hpp"

namespace parley {

void publish(TrackRun& run, const Move& move, TraceSink* trace) {
  for (auto& agent : run.agents) agent->observe(move);
  if (trace) trace->on_move(move);
}

std::unique_ptr<Protocol> make_protocol(const ProtocolSpec& spec, int party_count) {
  if (spec.kind == ProtocolKind::Alternating && party_count == 2)
    return std::make_unique<AlternatingOffers>(spec);
  return std::make_unique<StackedAlternatingOffers>(spec);
}

}  // namespace parley
