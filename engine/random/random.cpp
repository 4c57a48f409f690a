#include "engine/random/random.hpp"

namespace parley {

__extension__ using parley_u128 = unsigned __int128;

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t run, std::uint64_t purpose) {
  // Mix the three coordinates through SplitMix64 so nearby seeds and runs give unrelated streams.
  std::uint64_t state = seed;
  state = splitmix64(state) ^ (run * 0xD1B54A32D192ED03ull);
  state = splitmix64(state) ^ (purpose * 0x8CB92BA72F3D8DD7ull);
  for (auto& word : s_) word = splitmix64(state);
}

std::uint64_t RandomStream::below(std::uint64_t n) {
  // Lemire's nearly divisionless method, with rejection so the result is exactly uniform.
  parley_u128 m = static_cast<parley_u128>((*this)()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = -n % n;
    while (low < threshold) {
      m = static_cast<parley_u128>((*this)()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace parley
