#pragma once
#include <string>
#include <vector>

namespace parley {

// Tracks that depend on each other (docs/scenario-format.md, "Track conditions"): a track may
// open only once another is agreed or carried out, close when another ends badly, or be agreed
// only as a package with others ("nothing is agreed until everything is agreed").

// What has become of the track a condition names.
enum class TrackState {
  Agreed,         // its deal was agreed (for a package member: the whole package)
  CarriedOut,     // agreed, and every implementation item of it carried out (docs/world.md)
  BrokenDown,     // it closed in a breakdown (the protocol's draw or the mediator's deadlock)
  WalkedOut,      // a party walked away from it
  Failed,         // it closed without agreement, however (deadline, breakdown, walk-out, events)
  NotCarriedOut,  // agreed, but an implementation item of it was not carried out
};
const char* to_string(TrackState state);  // the file's spelling: "agreed", "carried_out", ...

// What a track condition did in a run, for traces (TraceSink::on_track_condition).
enum class LinkChange {
  Opened,         // its opens_when conditions all hold: it opens next round
  NeverOpens,     // an opens_when condition can no longer hold: it closes unopened
  Closed,         // a closes_when condition holds
  Held,           // agreed, waiting for the rest of its package
  PackageAgreed,  // the last member of its package agreed: all stand
  PackageFell,    // a member of its package failed: its held agreement falls
};
const char* to_string(LinkChange change);  // "opened", "never-opens", "closed", "held", ...

struct TrackCondition {
  int track = 0;  // index into Scenario::tracks
  TrackState state = TrackState::Agreed;
};

struct TrackLinks {
  std::vector<TrackCondition> opens_when;   // all must hold; empty: open from round 0
  std::vector<TrackCondition> closes_when;  // any one closes the track
  std::vector<int> package;                 // tracks agreed only together with this one

  bool empty() const { return opens_when.empty() && closes_when.empty() && package.empty(); }
};

// Per track, the package it belongs to: packages are symmetric and transitive (A with B and B
// with C make one package A, B, C). -1 for a track in no package; otherwise the smallest track
// index of the package names it.
std::vector<int> package_groups(const std::vector<TrackLinks>& links);

// A chain of waits that can never resolve: track a opens only after something becomes of b, and
// b (or a package partner of b, whose agreement b's waits for) opens only after a. Returns the
// tracks of the first such cycle in order, starting and ending with the same track (a, b, ...,
// a), or an empty vector when there is none. closes_when waits for nothing and cannot deadlock;
// a package alone (partners waiting for each other's agreement) is no cycle.
std::vector<int> find_waiting_cycle(const std::vector<TrackLinks>& links);

}  // namespace parley
