#pragma once
#include "engine/move.hpp"
#include "engine/run_result.hpp"

namespace parley {

// Receives every move of a run as it happens (the trace of why). The simulator calls it only
// when one is given, so a run without a trace pays nothing.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void on_move(const Move& move) = 0;
  virtual void on_track_closed(int /*track*/, const TrackResult& /*result*/) {}
  virtual void on_run_end(const RunResult& /*result*/) {}
};

}  // namespace parley
