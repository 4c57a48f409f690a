#pragma once
#include "engine/move.hpp"
#include "engine/run_result.hpp"
#include "engine/scenario/track_links.hpp"
#include "engine/world/world_state.hpp"

namespace parley {

// Receives every move of a run as it happens (the trace of why). The simulator calls it only
// when one is given, so a run without a trace pays nothing.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void on_move(const Move& move) = 0;
  virtual void on_track_closed(int /*track*/, const TrackResult& /*result*/) {}
  virtual void on_run_end(const RunResult& /*result*/) {}
  // The world (docs/world.md): an event fired at the start of `round` (its index in
  // WorldSpec::events); the world after round `round`'s battles and costs.
  virtual void on_event(int /*round*/, int /*event*/) {}
  virtual void on_world_round(int /*round*/, const WorldState& /*world*/) {}
  // A track condition acted at the end of `round` (engine/world/linked_tracks.hpp): on `track`,
  // because of what became of `cause` (a track index; for packages, the member that completed
  // or failed it).
  virtual void on_track_condition(int /*round*/, int /*track*/, LinkChange /*change*/,
                                  int /*cause*/) {}
};

}  // namespace parley
