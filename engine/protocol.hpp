#pragma once
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
  // Single-text only (engine/protocols/single_text.hpp): the mediator's standing text and, per
  // party, the utility of the best text it has vetoed (empty until the first round).
  Deal text;
  std::vector<double> floor;
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
