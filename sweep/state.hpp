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

// The format of state.json this parley writes and reads, and the parley version that writes
// it: a state from another format or another version is refused (results may differ).
inline constexpr int kSweepStateFormat = 2;
const std::string& parley_version();

// What every kind of sweep state (a negotiation's, a forecast's) holds beside its statistics,
// read from state.json and checked: the format and parley version, the checksum, the counts of
// runs and blocks, the shard and the blocks done, and how many runs those blocks hold. Throws
// std::invalid_argument with what is wrong; `kind` names the state in the format's message.
// Takes the checksum out of `json` (check_seal).
struct StateBlocks {
  nlohmann::json identity;
  std::string scenario_path;
  ShardSpec shard;
  BlockSet done;
  std::uint64_t runs_done = 0;
};
StateBlocks read_state_blocks(nlohmann::json& json, const std::string& kind, int format,
                              std::uint64_t block_size);

// The state as JSON, with its "checksum" (seal()).
nlohmann::json to_json(const SweepState& state);
// Throws std::invalid_argument (with what is wrong) for a file that is not a sweep state of
// this format and version, whose checksum does not match its content, or whose counts are
// inconsistent (blocks outside the sweep or the shard, statistics of another number of runs).
SweepState sweep_state_from_json(nlohmann::json json);

// Adds "checksum": the FNV-1a 64 fingerprint of the compact text of everything else, which a
// truncated, edited or corrupted file fails (it is a check, not a signature).
void seal(nlohmann::json& json);
// Removes "checksum" and checks it; throws std::invalid_argument when missing or wrong.
void check_seal(nlohmann::json& json);

// Two identities describe the same sweep: equal but for the scenario's file name (a sweep's
// scenario is its bytes, by their fingerprint, wherever the file lives).
bool same_sweep(const nlohmann::json& a, const nlohmann::json& b);

// Merges `other` into `into`: same sweep, no block done twice (std::invalid_argument
// otherwise). The shard range becomes the hull of both.
void merge_states(SweepState& into, const SweepState& other);

// summary.json (sealed with a checksum): {"parley_summary": 2, "partial", "runs": {"planned",
// "completed"}, "sweep": identity, "shard" (only for a shard), then the statistics (docs/sweep.md).
nlohmann::json summary_json(const SweepState& state);

// A 64-bit FNV-1a fingerprint of a file's bytes, as "fnv1a64:0123456789abcdef".
std::string fingerprint(const std::string& bytes);

}  // namespace parley
