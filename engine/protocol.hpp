#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/agent.hpp"
#include "engine/run_result.hpp"
#include "engine/trace.hpp"

namespace parley {

// The state of one track during a run, owned by the simulator.
struct TrackRun {
  int track = 0;
  const OutcomeSpace* space = nullptr;
  std::vector<std::unique_ptr<Agent>> agents;  // one per party, party order
  int proposer = 0;                            // who offers in the next round
  TrackResult result;
  // Single-text only (engine/protocols/single_text.hpp): the mediator's standing text; per
  // party, the utility of the best text it has vetoed (the nash-floors revision; empty until the
  // first round); per issue, the mediator's current step in levels and the direction of its last
  // move (the criticism revision).
  Deal text;
  std::vector<double> floor;
  std::array<int, kMaxTrackIssues> text_step{};
  std::array<std::int8_t, kMaxTrackIssues> text_moved{};
  std::vector<Criticism> criticism;  // this round's, one slot per party
};

// Shared by the protocols: announce a move to the track's agents and to the trace.
void publish(TrackRun& run, const Move& move, TraceSink* trace);

// The rules of a round (docs/architecture.md, Vocabulary). `play_round` runs one round of one open
// track: one offer and the answers to it. It closes the track (result.status) on agreement,
// walk-away or breakdown; the simulator closes it at the deadline.
class Protocol {
 public:
  virtual ~Protocol() = default;
  // `rules` are the run's protocol values (a sweep may vary the breakdown probability).
  virtual void play_round(TrackRun& run, int round, const ProtocolSpec& rules, RandomStream& nature,
                          TraceSink* trace) const = 0;
};

std::unique_ptr<Protocol> make_protocol(ProtocolKind kind, int party_count);

}  // namespace parley
