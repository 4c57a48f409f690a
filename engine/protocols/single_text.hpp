#pragma once
#include "engine/protocol.hpp"

namespace parley {

// A mediator's single negotiating text (Fisher; Raiffa 1982, "The Art and Science of
// Negotiation"; Camp David 1978): the mediator proposes one text per round, every party accepts
// or vetoes it, and the mediator revises it. docs/mediation.md states the rule:
//  - the first text is the Nash point of the whole outcome space (gains over utility 0);
//  - a veto by party i of a text worth u_i to it raises i's floor to u_i: i needs more;
//  - the next text is the Nash point of the remaining space, the deals worth more than its floor
//    to every party that has vetoed, with the floors as the disagreement point;
//  - when nothing remains, the mediator declares deadlock (the track breaks down), or with
//    `restart` starts over from the first text.
// The mediator reads the parties' utilities from the outcome space (what its caucuses with each
// side reveal); the parties' agents see only the texts and the answers, as in any protocol.
// A text stands when every party accepts it; the agreement's proposer is -1 (the mediator).
class SingleText final : public Protocol {
 public:
  void play_round(TrackRun& run, int round, const ProtocolSpec& rules, RandomStream& nature,
                  TraceSink* trace) const override;

  // The Nash point of the outcomes worth more than floor[i] to every party i with a finite
  // floor, gains measured from max(floor[i], 0); -1 when no outcome remains.
  static std::int64_t nash_text(const OutcomeSpace& space, const std::vector<double>& floor);
};

}  // namespace parley
