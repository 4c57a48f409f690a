#include "engine/world/battlefield_cache.hpp"

namespace parley {

const BattlefieldSolution& BattlefieldCache::solve(const BattlefieldState& field, double delta,
                                                   std::vector<double>& scratch) {
  const Key key{static_cast<double>(field.states), static_cast<double>(field.battles_per_round),
                field.win_probability, field.decisive_probability, delta};
  for (std::size_t i = 0; i < size_; ++i)
    if (entries_[i].key == key) return entries_[i].solution;
  Entry* slot = nullptr;
  if (size_ < kCapacity) {
    slot = &entries_[size_++];
  } else {
    slot = &entries_[next_];
    next_ = (next_ + 1) % kCapacity;
  }
  slot->key = key;
  solve_battlefield(field, delta, slot->solution, scratch);
  return slot->solution;
}

}  // namespace parley
