#include "engine/random.hpp"

namespace parley {

__extension__ using parley_u128 = unsigned __int128;

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t run, std::uint64_t purpose) {
  // Mix the three coordinates through SplitMix64 so nearby seeds and runs give unrelated streams.
  std::uint64_t state = seed;
  state = splitmix64(state) ^ (run * 0xD1B54A32D192ED03ull);
  state = splitmix64(state) ^ (purpose * 0x8CB92BA72F3D8DD7ull);
  for (auto& word : s_) word = splitmix64(state);
}

RandomStream::result_type RandomStream::operator()() {
  const std::uint64_t result = ((s_[1] * 5) << 7 | (s_[1] * 5) >> 57) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = (s_[3] << 45) | (s_[3] >> 19);
  return result;
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
