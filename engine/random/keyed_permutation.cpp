#include "engine/random/keyed_permutation.hpp"

#include "engine/random/random.hpp"

namespace parley {

KeyedPermutation::KeyedPermutation(std::uint64_t n, std::uint64_t key) : n_(n) {
  // Domain 2^(2h) >= n with h minimal, so it is less than 4n and cycle-walking takes fewer
  // than four passes on average.
  while (half_bits_ < 32 && (std::uint64_t{1} << (2 * half_bits_)) < n_) ++half_bits_;
  half_mask_ = (std::uint64_t{1} << half_bits_) - 1;
  std::uint64_t state = key;
  for (auto& k : keys_) k = splitmix64(state);
}

std::uint64_t KeyedPermutation::round_value(int round, std::uint64_t half) const {
  // A keyed mix of one half (SplitMix64's finaliser): any function works for a Feistel
  // network; a good mixer makes the permutation look random.
  std::uint64_t z = half ^ keys_[round];
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return (z ^ (z >> 31)) & half_mask_;
}

std::uint64_t KeyedPermutation::forward(std::uint64_t x) const {
  std::uint64_t left = x >> half_bits_, right = x & half_mask_;
  for (int r = 0; r < kRounds; ++r) {
    const std::uint64_t next = left ^ round_value(r, right);
    left = right;
    right = next;
  }
  return (left << half_bits_) | right;
}

std::uint64_t KeyedPermutation::backward(std::uint64_t y) const {
  std::uint64_t left = y >> half_bits_, right = y & half_mask_;
  for (int r = kRounds - 1; r >= 0; --r) {
    const std::uint64_t previous = right ^ round_value(r, left);
    right = left;
    left = previous;
  }
  return (left << half_bits_) | right;
}

std::uint64_t KeyedPermutation::operator()(std::uint64_t x) const {
  // Cycle-walking: the network permutes the larger domain; following x's cycle until it
  // re-enters [0, n) restricts it to a permutation of [0, n).
  std::uint64_t y = forward(x);
  while (y >= n_) y = forward(y);
  return y;
}

std::uint64_t KeyedPermutation::inverse(std::uint64_t y) const {
  std::uint64_t x = backward(y);
  while (x >= n_) x = backward(x);
  return x;
}

}  // namespace parley
