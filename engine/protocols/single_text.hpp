#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "engine/criticism.hpp"
#include "engine/protocol.hpp"

namespace parley {

// A mediator's single negotiating text (Fisher; Raiffa 1982, "The Art and Science of
// Negotiation"; Camp David 1978): the mediator proposes one text per round, every party accepts
// or vetoes it, and the mediator revises it. docs/mediation.md states the rules.
// The first text is the Nash point of the whole outcome space (gains over utility 0). Then, by
// the `criticism` revision (the default, the procedure as practised):
//  - each vetoing party gives its criticism (engine/criticism.hpp): per issue, the way it wants
//    the issue moved or that it stay, and how much each issue matters to it (a rank);
//  - on each issue the mediator weighs the objections, 1 / (1 + rank) each, against the parties
//    that ask the issue to stay; it moves the one issue where the objections most outweigh them
//    (one change per draft), that way, first by `text_step` of its range, by half as much after
//    each reversal, never less than a level;
//  - the mediator never declares deadlock: the deadline or a breakdown ends the talks.
// By the `nash-floors` revision:
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

  // The criticism revision of an on-grid text, given the criticism of the `critics` parties that
  // vetoed it. `step` and `moved` carry, per issue, the mediator's current step in levels (0:
  // none yet) and the direction of its last move; both are updated.
  static std::int64_t revise(const OutcomeSpace& space, const Deal& text,
                             const Criticism* criticism, int critics, double first_step,
                             std::array<int, kMaxTrackIssues>& step,
                             std::array<std::int8_t, kMaxTrackIssues>& moved);
};

}  // namespace parley
