#pragma once
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sweep/summary.hpp"

namespace parley {

// A set of block indices kept as sorted, disjoint half-open ranges [first, last).
class BlockSet {
 public:
  void add(std::uint64_t first, std::uint64_t last);
  bool contains(std::uint64_t block) const;
  bool intersects(const BlockSet& other) const;
  std::uint64_t count() const;
  // The blocks of [first, last) not in the set, ascending.
  std::vector<std::uint64_t> missing(std::uint64_t first, std::uint64_t last) const;
  const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges() const { return ranges_; }

 private:
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges_;
};

// Which shard of a sweep a directory holds: blocks [first, last) of the whole sweep.
struct ShardSpec {
  int index = 1;  // 1-based, as `--shard k/n` writes it
  int count = 1;
  std::uint64_t first_block = 0;
  std::uint64_t last_block = 0;
};

// What a sweep directory holds between runs (state.json): the sweep's identity, the blocks
// done, and the exact statistics of those blocks. `parley sweep --resume` continues from it
// and `parley merge` adds several together; both reproduce the uninterrupted, unsharded
// summary bit for bit (docs/sweep.md).
struct SweepState {
  // Everything that determines the runs: scenario (name, file name, fingerprint of its bytes),
  // seed, runs, block size, design and parameters. Two states merge only if equal.
  nlohmann::json identity;
  // Where the scenario was read from and how the command line was given, for --resume; not
  // part of the identity (shards may run from different paths).
  std::string scenario_path;
  ShardSpec shard;
  BlockSet done;
  std::shared_ptr<const SweepLayout> layout;
  std::optional<SweepStatistics> statistics;

  std::uint64_t runs() const { return identity.at("runs").get<std::uint64_t>(); }
  std::uint64_t block_size() const { return identity.at("block_size").get<std::uint64_t>(); }
  std::uint64_t blocks() const;
  // Every block of the whole sweep is done.
  bool complete() const;
};

nlohmann::json to_json(const SweepState& state);
// Throws std::invalid_argument (with what is wrong) for a file that is not a sweep state.
SweepState sweep_state_from_json(const nlohmann::json& json);

// Merges `other` into `into`: same identity, no block done twice (std::invalid_argument
// otherwise). The shard range becomes the hull of both.
void merge_states(SweepState& into, const SweepState& other);

// summary.json: {"parley_summary": 1, "partial", "runs": {"planned", "completed"}, "sweep":
// identity, "shard" (only for a shard), then the statistics (docs/sweep.md).
nlohmann::json summary_json(const SweepState& state);

// A 64-bit FNV-1a fingerprint of a file's bytes, as "fnv1a64:0123456789abcdef".
std::string fingerprint(const std::string& bytes);

}  // namespace parley
