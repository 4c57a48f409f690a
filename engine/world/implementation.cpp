#include "engine/world/implementation.hpp"

#include "engine/random/random.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/world/world.hpp"

namespace parley {

namespace {
double uniform_between(RandomStream& rng, double lo, double hi) {
  return lo == hi ? lo : lo + (hi - lo) * rng.uniform();
}
}  // namespace

namespace {
// Far above the agents' purposes (1000 + 256 per track), so the streams never meet.
constexpr std::uint64_t kItemStreams = std::uint64_t{1} << 40;

void draw_item(const Scenario& scenario, int i, const TrackResult& track, RandomStream& rng,
               ImplementationResult& r) {
  const ImplementationSpec& item = scenario.world.implementation[static_cast<std::size_t>(i)];
  const std::size_t parties = scenario.parties.size();
  r.item = i;
  r.fraction.assign(parties, 0.0);
  if (track.status != TrackStatus::Agreed) return;
  r.signed_ = true;
  r.signed_round = track.round;
  if (item.issue >= 0) {
    const auto& issues = scenario.tracks[item.track].issues;
    for (std::size_t k = 0; k < issues.size(); ++k)
      if (issues[k] == item.issue) r.terms = track.deal.values[k];
  }
  // Always the same draws per signed item, whatever the outcome, so one item's parameters
  // never shift another's draws.
  const bool goes_ahead = rng.uniform() < item.probability;
  const int delay =
      item.delay_min +
      static_cast<int>(rng.below(static_cast<std::uint64_t>(item.delay_max - item.delay_min + 1)));
  bool any = false;
  for (std::size_t p = 0; p < parties; ++p) {
    const ImplementationSide side = p < item.sides.size() ? item.sides[p] : ImplementationSide{};
    const bool does = rng.uniform() < side.probability;
    const double fraction = uniform_between(rng, side.fraction_min, side.fraction_max);
    if (goes_ahead && does) r.fraction[p] = fraction;
    any = any || r.fraction[p] > 0.0;
  }
  r.carried_out = any;
  r.carried_out_round = any ? track.round + delay : -1;
}
}  // namespace

bool implementation_per_item(const Scenario& scenario) {
  for (const Track& t : scenario.tracks) {
    for (const auto* conditions : {&t.links.opens_when, &t.links.closes_when})
      for (const TrackCondition& c : *conditions)
        if (c.state == TrackState::CarriedOut || c.state == TrackState::NotCarriedOut) return true;
  }
  return false;
}

ImplementationResult carry_out_item(const Scenario& scenario, int item, const TrackResult& track,
                                    std::uint64_t seed, std::uint64_t run_index) {
  RandomStream rng(seed, run_index, kItemStreams + static_cast<std::uint64_t>(item));
  ImplementationResult r;
  draw_item(scenario, item, track, rng, r);
  return r;
}

void carry_out(const Scenario& scenario, const std::vector<TrackResult>& tracks, std::uint64_t seed,
               std::uint64_t run_index, std::vector<ImplementationResult>& out) {
  const auto& items = scenario.world.implementation;
  out.assign(items.size(), ImplementationResult{});
  if (items.empty()) return;
  const bool per_item = implementation_per_item(scenario);
  RandomStream rng(seed, run_index, kStreamImplementation);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const int item = static_cast<int>(i);
    const TrackResult& track = tracks[items[i].track];
    if (per_item)
      out[i] = carry_out_item(scenario, item, track, seed, run_index);
    else
      draw_item(scenario, item, track, rng, out[i]);
  }
}

}  // namespace parley
