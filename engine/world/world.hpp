#pragma once
#include <functional>
#include <memory>
#include <vector>

#include "engine/event.hpp"
#include "engine/protocol.hpp"
#include "engine/random/random.hpp"
#include "engine/trace.hpp"

namespace parley {

struct Scenario;
struct RunState;

// Stream purposes of the world (engine/random/random.hpp's kStreamWorld is the battlefield's and
// the costs'); agents use 1000 and up, so these never collide with theirs.
inline constexpr std::uint64_t kStreamEvents = 5;
inline constexpr std::uint64_t kStreamImplementation = 6;

// The world model of one scenario, built once with the Simulator: its events bound to their
// kinds, and what it needs to know about tracks. Immutable; the per-run state is in
// RunState::world (docs/world.md).
class World {
 public:
  World(const Scenario& scenario, const EventKindRegistry& kinds);

  // Does anything change from round to round? When false the simulator skips the world.
  bool steps() const { return steps_; }
  bool has_implementation() const;
  // Does an event change utilities (so each run needs its own copy of the outcome spaces)?
  bool changes_utilities() const { return changes_utilities_; }

  int event_count() const { return static_cast<int>(events_.size()); }
  const Event& event(int i) const { return *events_[i]; }

  // Size and fill the baseline's WorldState from the scenario, with the battlefield chain
  // solved for the scenario's own values.
  void init(RunState& baseline) const;
  // Start of a run, after a sweep has applied its drawn values: base discounts, pressure, the
  // value of fighting on, and the war tracks' reservations for round 0.
  void begin(RunState& state) const;

  bool track_starts_suspended(int track) const { return starts_suspended_[track] != 0; }
  // Could an event still open this (suspended) track in a round after `round`?
  bool may_open_later(int track, int round, const RunState& state) const;
  const std::vector<int>& ceasefire_tracks() const;

  // Fire the events due at the start of round ctx.round(), in file order (random ones drawing
  // from `rng` in every round of their window), appending them to `fired`; then re-apply
  // pressure and the value of fighting on.
  void fire_events(EventContext& ctx, RandomStream& rng, TraceSink* trace,
                   std::vector<FiredEvent>& fired) const;
  // After the tracks have played `round`: while the war is on, fight and draw and accrue the
  // round's costs (from `rng`: battles first, then costs by party and kind); then update the
  // value of fighting on.
  void step(int round, RunState& state, RandomStream& rng) const;

 private:
  const Scenario* scenario_;
  std::vector<std::unique_ptr<Event>> events_;
  std::vector<const EventKind*> kinds_;  // per event
  std::vector<char> starts_suspended_;   // per track
  bool steps_ = false;
  bool changes_utilities_ = false;
};

// One run's world, as the simulator drives it: the tracks it may open, close and settle, the
// world's streams, and the hooks the round loop calls. The simulator constructs one per run
// only when World::steps() is true, so scenarios without a world pay nothing.
class WorldRun final : public EventContext {
 public:
  // Settles a closed track and traces it: a non-owning reference to the simulator's callable,
  // so a run allocates nothing for it.
  class Settle {
   public:
    template <class F>
    static Settle of(F& f) {
      Settle s;
      s.object_ = &f;
      s.call_ = [](void* o, TrackRun& t) { (*static_cast<F*>(o))(t); };
      return s;
    }
    void operator()(TrackRun& track) const { call_(object_, track); }

   private:
    void* object_ = nullptr;
    void (*call_)(void*, TrackRun&) = nullptr;
  };

  WorldRun(const World& world, const Scenario& scenario, RunState& state,
           std::vector<TrackRun>& tracks, std::uint64_t seed, std::uint64_t run_index,
           TraceSink* trace, Settle settle);

  // Before round `round` is played: fire events. Returns false when the run must end (a
  // military victory closed every track).
  bool before_round(int round);
  // After round `round` was played: the world steps. Returns false when the run must end.
  bool after_round(int round);
  // Tracks still open or that may still open after `round`.
  bool live(int round) const;
  // After the loop, suspended tracks are settled as they stand in `last_round`.
  void finish(int last_round);
  // The world's part of the result: war costs per party, the war's end, events fired.
  void report(RunResult& result);

  TrackStatus track_status(int track) const override;
  void open_track(int track) override;
  void suspend_track(int track) override;
  void close_track(int track, TrackStatus status, int actor) override;
  void preferences_changed(int party) override;

 private:
  bool end_if_won(int round);

  const World* world_;
  std::vector<TrackRun>* tracks_;
  RandomStream world_rng_;
  RandomStream events_rng_;
  TraceSink* trace_;
  Settle settle_;
  std::vector<FiredEvent> fired_;
  bool ceasefire_ = false;
};

}  // namespace parley
