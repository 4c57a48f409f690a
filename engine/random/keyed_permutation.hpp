#pragma once
#include <cstdint>

namespace parley {

// A pseudo-random bijection of [0, n) chosen by a 64-bit key, computed point by point in O(1)
// memory: a balanced Feistel network on the smallest even-bit domain holding n, with
// cycle-walking back into [0, n). A Latin hypercube uses one per parameter so run i's stratum
// depends only on (seed, parameter, i) and n, whichever thread or shard computes it.
class KeyedPermutation {
 public:
  KeyedPermutation(std::uint64_t n, std::uint64_t key);

  std::uint64_t size() const { return n_; }
  // The image of x in [0, n). Expected cost: under four passes of the network.
  std::uint64_t operator()(std::uint64_t x) const;
  // The preimage: inverse(p(x)) == x. Tests use it to prove bijectivity cheaply.
  std::uint64_t inverse(std::uint64_t y) const;

 private:
  static constexpr int kRounds = 6;
  std::uint64_t round_value(int round, std::uint64_t half) const;
  std::uint64_t forward(std::uint64_t x) const;
  std::uint64_t backward(std::uint64_t y) const;

  std::uint64_t n_;
  int half_bits_ = 1;
  std::uint64_t half_mask_ = 1;
  std::uint64_t keys_[kRounds];
};

}  // namespace parley
