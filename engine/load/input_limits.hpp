#pragma once
#include <cstddef>

namespace parley {

// Limits on a scenario file, checked while it is read, before anything large is allocated
// (docs/scenario-format.md, Limits, lists them with the limits on the model itself).
// They sit far above any real scenario; they exist so that a hostile or broken file gets a
// clear error instead of exhausting memory, time or the stack.
inline constexpr std::size_t kMaxScenarioFileBytes = 64u << 20;  // 64 MiB
inline constexpr int kMaxNesting = 200;                          // nested arrays and objects
inline constexpr std::size_t kMaxStringBytes = 65'536;           // any string or key, UTF-8
// Any number in a scenario, after the schema's own bounds: products and sums of such numbers
// over 10^9 rounds stay far below the largest double, so no cost, weight or value can
// overflow to infinity or NaN in a run, a sweep or an analysis.
inline constexpr double kMaxMagnitude = 1e15;

}  // namespace parley
