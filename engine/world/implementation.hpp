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
void carry_out(const Scenario& scenario, const std::vector<TrackResult>& tracks, std::uint64_t seed,
               std::uint64_t run_index, std::vector<ImplementationResult>& out);

}  // namespace parley
