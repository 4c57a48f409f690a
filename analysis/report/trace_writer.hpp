#pragma once
#include <ostream>

#include "engine/scenario/scenario.hpp"
#include "engine/simulator.hpp"
#include "engine/trace.hpp"

namespace parley {

// Writes a run's trace as JSON Lines (docs/output.md, "Trace"): one line per move, one when a
// track closes and one at the end. Terms are in each issue's own words as well as its value,
// and every line carries the round's calendar date, so an analyst can read why.
class JsonlTraceWriter final : public TraceSink {
 public:
  JsonlTraceWriter(const Simulator& simulator, std::ostream& out);

  void on_move(const Move& move) override;
  void on_track_closed(int track, const TrackResult& result) override;
  void on_run_end(const RunResult& result) override;
  void on_event(int round, int event) override;
  void on_world_round(int round, const WorldState& world) override;
  void on_track_condition(int round, int track, LinkChange change, int cause) override;

 private:
  const Simulator* simulator_;
  const Scenario* scenario_;
  std::ostream* out_;
};

}  // namespace parley
