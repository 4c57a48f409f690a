#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley {

// Deals a sweep's blocks to the workers that ask for them (dynamic balancing: a fast worker
// asks again sooner) and hands their results back in block order, so that the statistics are
// reduced in run-index order whatever order the workers finish in (parley-mpi, docs/cluster.md).
// Blocks are dealt at most `window` ahead of the oldest one not yet handed back, which bounds
// the results waiting for it. Plain bookkeeping: no threads, no messages.
class BlockDealer {
 public:
  // `blocks`: the blocks to run, ascending (SweepOptions::blocks). `window` >= 1.
  BlockDealer(std::vector<std::uint64_t> blocks, std::size_t window);

  // Up to `count` next blocks for `worker`, ascending; fewer, or none, when the window is full or
  // every block has been dealt.
  std::vector<std::uint64_t> deal(int worker, std::size_t count);
  // A dealt block's result; throws std::invalid_argument for a block not held by `worker`.
  void finish(int worker, std::uint64_t block, std::string result);
  // The result of the next block in order, once it has arrived (each given once).
  std::optional<std::pair<std::uint64_t, std::string>> next_in_order();

  bool all_dealt() const { return dealt_ == blocks_.size(); }
  // Blocks handed back by next_in_order: always the first merged() of `blocks`.
  std::size_t merged() const { return merged_; }
  bool complete() const { return merged_ == blocks_.size(); }
  std::size_t size() const { return blocks_.size(); }
  // The blocks dealt to `worker` whose results have not arrived, ascending.
  std::vector<std::uint64_t> held_by(int worker) const;

 private:
  std::vector<std::uint64_t> blocks_;
  std::size_t window_;
  std::size_t dealt_ = 0;
  std::size_t merged_ = 0;
  std::map<std::uint64_t, std::size_t> position_;  // block -> its position in blocks_
  std::map<std::size_t, int> holder_;              // dealt, not finished: position -> worker
  std::map<std::size_t, std::string> arrived_;     // finished, not handed back
};

}  // namespace parley
