#include "sweep/block_dealer.hpp"

#include <algorithm>
#include <stdexcept>

namespace parley {

BlockDealer::BlockDealer(std::vector<std::uint64_t> blocks, std::size_t window)
    : blocks_(std::move(blocks)), window_(std::max<std::size_t>(window, 1)) {
  for (std::size_t k = 0; k < blocks_.size(); ++k) position_.emplace(blocks_[k], k);
}

std::vector<std::uint64_t> BlockDealer::deal(int worker, std::size_t count) {
  std::vector<std::uint64_t> out;
  while (out.size() < count && dealt_ < blocks_.size() && dealt_ < merged_ + window_) {
    holder_.emplace(dealt_, worker);
    out.push_back(blocks_[dealt_++]);
  }
  return out;
}

void BlockDealer::finish(int worker, std::uint64_t block, std::string result) {
  const auto at = position_.find(block);
  const auto held = at == position_.end() ? holder_.end() : holder_.find(at->second);
  if (held == holder_.end() || held->second != worker)
    throw std::invalid_argument("worker " + std::to_string(worker) + " returned block " +
                                std::to_string(block) + ", which it was not running");
  arrived_.emplace(held->first, std::move(result));
  holder_.erase(held);
}

std::optional<std::pair<std::uint64_t, std::string>> BlockDealer::next_in_order() {
  const auto it = arrived_.find(merged_);
  if (it == arrived_.end()) return std::nullopt;
  std::pair<std::uint64_t, std::string> out{blocks_[merged_], std::move(it->second)};
  arrived_.erase(it);
  ++merged_;
  return out;
}

std::vector<std::uint64_t> BlockDealer::held_by(int worker) const {
  std::vector<std::uint64_t> out;
  for (const auto& [position, holder] : holder_)
    if (holder == worker) out.push_back(blocks_[position]);
  return out;
}

}  // namespace parley
