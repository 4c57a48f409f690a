#pragma once
#include <array>
#include <cstddef>
#include <vector>

#include "engine/world/battlefield.hpp"

namespace parley {

// Solutions of the battlefield chain (engine/world/battlefield.hpp) remembered by what they depend
// on: the number of states, battles per round, win and decisive probabilities and the discount. A
// run with private types solves the chain for every type of every party at its start; across
// the runs of one scenario (or of one sweep thread) those inputs repeat, so a solution is
// computed once and then read. The result is the same numbers either way: `solve` is a pure
// function of the key, so caching changes no output bit.
class BattlefieldCache {
 public:
  const BattlefieldSolution& solve(const BattlefieldState& field, double delta,
                                   std::vector<double>& scratch);

 private:
  using Key = std::array<double, 5>;
  struct Entry {
    Key key;
    BattlefieldSolution solution;
  };
  // A handful: one per type and side of a scenario; a sweep varying the battlefield's numbers
  // cycles through them, replacing the oldest.
  // Fixed storage, so a solution returned stays where it is until kCapacity more are solved.
  static constexpr std::size_t kCapacity = 16;
  std::array<Entry, kCapacity> entries_{};
  std::size_t size_ = 0;
  std::size_t next_ = 0;  // the entry replaced next once full
};

}  // namespace parley
