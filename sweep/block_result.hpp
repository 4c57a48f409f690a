#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "sweep/layout.hpp"
#include "sweep/summary.hpp"

namespace parley {

// One block of a sweep as run elsewhere (a rank of an MPI job, docs/cluster.md): its index, the
// exact statistics of its runs and, with --runs-csv, its rows in run order. The statistics travel
// as SweepStatistics::state() in CBOR, which keeps every double's bits, so the block merges
// exactly as if it had run here.
struct BlockResult {
  std::uint64_t block = 0;
  SweepStatistics statistics;
  std::string rows;
};

std::string encode_block_result(std::uint64_t block, const SweepStatistics& statistics,
                                const std::string& rows);
// Throws std::invalid_argument on bytes that are not a block result of this layout.
BlockResult decode_block_result(const std::string& bytes,
                                std::shared_ptr<const SweepLayout> layout);

}  // namespace parley
