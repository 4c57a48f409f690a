#pragma once
#include <cstdint>
#include <limits>

namespace parley {

// SplitMix64 step: used to derive independent seeds from (master seed, run index, stream).
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// xoshiro256** (Blackman & Vigna): small state, fast seeding, a UniformRandomBitGenerator that
// Boost.Random distributions accept. Run i of any job uses RandomStream(seed, i, purpose), so
// results depend only on (seed, i), never on threads or scheduling (docs/architecture.md, rule 1).
class RandomStream {
 public:
  using result_type = std::uint64_t;

  RandomStream(std::uint64_t seed, std::uint64_t run, std::uint64_t purpose = 0);

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  // Inline: every draw of every run passes here.
  result_type operator()() {
    const std::uint64_t result = rotate_left(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotate_left(s_[3], 45);
    return result;
  }

  // Uniform double in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n).
  std::uint64_t below(std::uint64_t n);

 private:
  static constexpr std::uint64_t rotate_left(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
  }
  std::uint64_t s_[4];
};

// Stream purposes, so adding a consumer of randomness never shifts another's draws.
enum StreamPurpose : std::uint64_t {
  kStreamProtocol = 1,  // breakdown draws
  kStreamAgents = 2,    // agent k on track j uses kStreamAgents + 1000 * j + k... see simulator
  kStreamParameters = 3,
  kStreamWorld = 4,
};

}  // namespace parley
