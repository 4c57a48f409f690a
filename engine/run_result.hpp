#pragma once
#include <cstdint>
#include <vector>

#include "engine/deal.hpp"

namespace parley {

enum class TrackStatus { Open, Agreed, Deadline, Breakdown, WalkAway };
const char* to_string(TrackStatus status);

struct TrackResult {
  TrackStatus status = TrackStatus::Open;
  int round = -1;              // the round it closed in
  int proposer = -1;           // who made the agreed offer (Agreed)
  int actor = -1;              // who walked away (WalkAway)
  Deal deal;                   // the agreed terms (Agreed)
  std::vector<double> payoff;  // per party: discounted track utility net of costs
};

struct PartyResult {
  double utility = 0.0;  // stake-weighted mean of track payoffs
  double costs = 0.0;    // costs accrued, in the same units
};

// One simulation with one seed (DESIGN.md, Vocabulary).
struct RunResult {
  std::uint64_t seed = 0;
  std::uint64_t run = 0;
  int rounds = 0;  // rounds played until every track closed
  std::vector<TrackResult> tracks;
  std::vector<PartyResult> parties;
};

}  // namespace parley
