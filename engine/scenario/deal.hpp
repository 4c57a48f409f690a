#pragma once
#include <array>
#include <cstdint>

namespace parley {

// The most issues one track may hold; keeps a Deal a fixed-size value with no allocation.
inline constexpr int kMaxTrackIssues = 16;

// A value for every issue of a track, in the track's issue order. `outcome` is the index of
// the deal in the track's enumerated OutcomeSpace, or -1 for an off-grid deal (a share value
// between grid points, as the Rubinstein player proposes).
struct Deal {
  std::int64_t outcome = -1;
  int size = 0;
  std::array<double, kMaxTrackIssues> values{};

  bool on_grid() const { return outcome >= 0; }
};

}  // namespace parley
