#pragma once
#include <cstdint>
#include <vector>

#include "engine/protocol.hpp"
#include "engine/trace.hpp"
#include "engine/world/world.hpp"

namespace parley {

struct Scenario;

// Enforces the tracks' conditions (engine/scenario/track_links.hpp; docs/scenario-format.md,
// "Track conditions") in one run, whatever the protocol: the simulator asks it whether a track
// a protocol has just agreed must wait for its package, and lets it open and close tracks at the
// end of every round. Built per run only for scenarios with conditions, so others pay nothing.
//
// The rules, at the end of round r (after the tracks played, before the world steps):
//  - a track waiting on opens_when opens when every condition holds: it plays from round r + 1;
//    when one can no longer hold (the track it waits for failed), it closes unopened (`closed`);
//  - a track with closes_when closes without agreement (`closed`, round r) when any holds;
//  - a package member whose deal is agreed is held (not playing, not yet agreed); when every
//    member is held, all are agreed in round r; when one fails, the held deals fall (`closed`).
// Conditions are applied until nothing changes, so chains resolve within the round.
class LinkedTracks {
 public:
  LinkedTracks(const Scenario& scenario, std::vector<TrackRun>& tracks, std::uint64_t seed,
               std::uint64_t run_index, int opener, TraceSink* trace, WorldRun::Settle settle);

  // Does the scenario have any condition?
  static bool needed(const Scenario& scenario);

  // Before round 0: tracks with opens_when start suspended, waiting.
  void begin();
  // A protocol closed `track` in `round`. True when the closure is an agreement held for the
  // track's package: the caller must not settle it.
  bool hold(TrackRun& track, int round);
  // The end of round `round`: apply the conditions.
  void update(int round);
  // Is any track waiting to open, or holding an agreement for its package?
  bool pending() const;
  // After the last round: held agreements lapse (`deadline`); waiting tracks that never opened
  // are settled (suspended) unless the world does it (`world_settles`).
  void finish(int last_round, bool world_settles);

 private:
  enum class Truth { NotYet, Holds, Never };
  Truth eval(const TrackCondition& c, int round);
  int carried_round(int track);  // the round `track` was carried out; -2: never; -1: not agreed
  void close(TrackRun& tr, int round, TrackStatus status, LinkChange why, int cause);
  bool apply_once(int round);

  const Scenario* scenario_;
  std::vector<TrackRun>* tracks_;
  std::uint64_t seed_;
  std::uint64_t run_index_;
  int opener_;  // who offers first on a track that opens
  TraceSink* trace_;
  WorldRun::Settle settle_;
  std::vector<int> group_;     // per track: its package (engine/scenario/track_links.hpp)
  std::vector<char> waiting_;  // per track: suspended until its opens_when hold
  std::vector<char> held_;     // per track: agreed, waiting for its package
  std::vector<int> carried_;   // per track: cache of carried_round; -3: not computed
};

}  // namespace parley
