#include "engine/protocol.hpp"

#include "engine/protocols/alternating_offers.hpp"
#include "engine/protocols/single_text.hpp"
#include "engine/protocols/stacked_alternating_offers.hpp"
#include "engine/protocols/war_of_attrition.hpp"

namespace parley {

void publish(TrackRun& run, const Move& move, TraceSink* trace) {
  for (auto& agent : run.agents)
    if (agent->observes(move.action)) agent->observe(move);
  if (trace) trace->on_move(move);
}

std::unique_ptr<Protocol> make_protocol(ProtocolKind kind, int party_count) {
  if (kind == ProtocolKind::SingleText) return std::make_unique<SingleText>();
  if (kind == ProtocolKind::Attrition) return std::make_unique<WarOfAttrition>();
  if (kind == ProtocolKind::Alternating && party_count == 2)
    return std::make_unique<AlternatingOffers>();
  return std::make_unique<StackedAlternatingOffers>();
}

}  // namespace parley
