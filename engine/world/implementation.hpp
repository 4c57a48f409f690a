#pragma once
#include <cstdint>
#include <vector>

#include "engine/run_result.hpp"

namespace parley {

struct Scenario;

// Draws what becomes of every implementation item (WorldSpec::implementation) once the run's
// tracks are settled. Items of tracks not agreed are reported unsigned. Each signed item, in
// file order, draws from the run's implementation stream: whether it goes ahead
// (`probability`), its delay (uniform integer in [delay_min, delay_max]), then per party
// whether that side does its part (`sides[p].probability`) and what fraction (uniform in
// [fraction_min, fraction_max]). The item is carried out when it goes ahead and at least one
// side does a positive fraction.
//
// A scenario whose track conditions ask whether a track was carried out (carried_out,
// not_carried_out) needs the answer while the run goes on, in the round its track is agreed.
// Then every item draws the same values from its own stream (item_stream_purpose) instead, so
// the answer during the run and the report after it agree whatever order the tracks close in.
void carry_out(const Scenario& scenario, const std::vector<TrackResult>& tracks, std::uint64_t seed,
               std::uint64_t run_index, std::vector<ImplementationResult>& out);

// Does the scenario draw implementation per item (a condition asks for carried_out)?
bool implementation_per_item(const Scenario& scenario);
// What becomes of item `item` of a track that closed as `track`, drawn from the item's own
// stream (for scenarios where implementation_per_item holds).
ImplementationResult carry_out_item(const Scenario& scenario, int item, const TrackResult& track,
                                    std::uint64_t seed, std::uint64_t run_index);

}  // namespace parley
