#pragma once
#include <cstdint>
#include <vector>

#include "engine/scenario/deal.hpp"
#include "engine/scenario/track_links.hpp"
#include "engine/world/world_result.hpp"

namespace parley {

// Suspended: not playing (not yet opened, or suspended by an event); Closed: closed by an event;
// MilitaryVictory: the war was won on the battlefield (docs/world.md).
enum class TrackStatus {
  Open,
  Agreed,
  Deadline,
  Breakdown,
  WalkAway,
  MilitaryVictory,
  Closed,
  Suspended
};
const char* to_string(TrackStatus status);

struct TrackResult {
  TrackStatus status = TrackStatus::Open;
  int round = -1;              // the round it closed in
  int proposer = -1;           // who made the agreed offer (Agreed)
  int actor = -1;              // who walked away (WalkAway), the victor (MilitaryVictory)
  Deal deal;                   // the agreed terms (Agreed)
  std::vector<double> payoff;  // per party: discounted track utility net of costs
  // Track conditions (engine/world/linked_tracks.hpp): the first round a track waiting on
  // opens_when played (-1: it never waited, or never opened), and for a track a condition closed
  // (status Closed) what closed it and the track whose fate did.
  int opened_round = -1;
  bool closed_by_condition = false;
  LinkChange closing = LinkChange::Closed;
  int cause = -1;
};

struct PartyResult {
  double utility = 0.0;  // stake-weighted mean of track payoffs
  double costs = 0.0;    // costs accrued, in the same units
  // The world's costs (docs/world.md), apart from the track payoffs above: per cost kind in its
  // own unit, and in utility units discounted to round 0. Empty / 0 without a world.
  std::vector<double> war_costs;
  double war_cost_utility = 0.0;
};

// One simulation with one seed (docs/architecture.md, Vocabulary).
struct RunResult {
  std::uint64_t seed = 0;
  std::uint64_t run = 0;
  int rounds = 0;  // rounds played until every track closed
  std::vector<TrackResult> tracks;
  std::vector<PartyResult> parties;
  WorldResult world;                                 // the war's end state and the events fired
  std::vector<ImplementationResult> implementation;  // per WorldSpec::implementation item
};

}  // namespace parley
