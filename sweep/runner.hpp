#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/random/sampling_design.hpp"
#include "engine/run_result.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "engine/simulator.hpp"

namespace parley {

// Runs are grouped in blocks of a fixed size, independent of the thread count and of sharding:
// blocks are the unit of scheduling, of checkpoints (a sweep stops between blocks) and of
// shards (a shard is a range of blocks).
inline constexpr std::uint64_t kSweepBlockSize = 4096;

// The limits of a sweep's command line (docs/sweep.md, "Limits"). Runs: 10^10 is days of
// computing on a large machine, and the list of blocks to do stays under 20 MB. Threads: each
// has its own statistics and run state, so memory grows with them. Shards: a job array of
// 100,000 tasks is far beyond any scheduler's default. Grid levels: as the scenario file's
// grid_levels (engine/load/uncertainty_loader.cpp).
inline constexpr std::uint64_t kMaxSweepRuns = 10'000'000'000;
inline constexpr std::uint64_t kMaxSweepThreads = 256;
inline constexpr std::uint64_t kMaxSweepShards = 100'000;
inline constexpr std::uint64_t kMinGridLevels = 2;
inline constexpr std::uint64_t kMaxGridLevels = 1000;
// Durable checkpoints of a sweep (--checkpoint): a state file is written in milliseconds, so a
// checkpoint every 30 s costs nothing measurable and loses at most 30 s of work to a kill.
inline constexpr std::uint64_t kDefaultCheckpointSeconds = 30;
inline constexpr std::uint64_t kMaxCheckpointSeconds = 86'400;

inline std::uint64_t sweep_block_count(std::uint64_t runs, std::uint64_t block_size) {
  return (runs + block_size - 1) / block_size;
}

// What a sweep does with each run, one instance per thread (the statistics and the per-run
// rows live in analysis/; the engine only calls them). A worker sees whole blocks, each in run
// order.
class SweepWorker {
 public:
  virtual ~SweepWorker() = default;
  virtual void begin_block(std::uint64_t /*block*/) {}
  // `drawn` holds the run's value of every uncertain parameter, in slot order.
  virtual void add(std::uint64_t run, const double* drawn, const RunResult& result) = 0;
  // Text the sweep must write in run order (per-run rows); the runner passes it to
  // SweepOptions::ordered_output in block order.
  virtual void end_block(std::uint64_t /*block*/, std::string& /*ordered_output*/) {}
};

struct SweepOptions {
  std::uint64_t seed = 1;
  std::uint64_t block_size = kSweepBlockSize;
  int threads = 1;
  // The blocks to run, ascending (a shard's range less any already done).
  std::vector<std::uint64_t> blocks;
  // Set (e.g. by a SIGINT handler) to stop taking new blocks; blocks under way finish.
  const std::atomic<bool>* stop = nullptr;
  // Stop after this many blocks have completed (0: never); for tests of --resume.
  std::uint64_t stop_after_blocks = 0;
  // Called on the calling thread, in block order, with each block's ordered output.
  std::function<void(const std::string&)> ordered_output;
  // Checkpoints: every `checkpoint_every` (zero: never) the runner lets the blocks under way
  // finish, holds the threads, and calls `checkpoint(n)` on the calling thread: the first n
  // blocks of `blocks` are then done and the workers hold exactly their runs.
  std::chrono::milliseconds checkpoint_every{0};
  std::function<void(std::size_t finished)> checkpoint;
  // Called on the calling thread about five times a second and at the end, with the runs
  // completed so far in this call.
  std::function<void(std::uint64_t runs_done)> progress;
};

struct SweepProgress {
  // Blocks of SweepOptions::blocks that completed: always a prefix of that list, because
  // every block handed to a thread is finished even when the sweep is stopped.
  std::size_t completed = 0;
  std::uint64_t runs = 0;
  bool stopped = false;  // stopped before all blocks ran
};

// Runs the given blocks of a sweep on `options.threads` threads, each with its own
// RunWorkspace and SweepWorker (make_worker(thread index)). Run i uses only streams derived
// from (seed, i): its drawn values from `design`, its agents and nature from the simulator.
// Rethrows the first exception a thread raised, after every thread has stopped.
SweepProgress run_sweep(const Simulator& simulator, const SamplingDesign& design,
                        const std::vector<ParameterSlot>& slots, const SweepOptions& options,
                        const std::function<SweepWorker&(int thread)>& worker);

}  // namespace parley
