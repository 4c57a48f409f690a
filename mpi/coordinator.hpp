#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "cli/sweep_command.hpp"

namespace parley::mpi {

// What rank 0's sweep did with the other ranks, for parley-mpi's main: whether they were given a
// job (if not, they are told there is none), and why a sweep stopped before its end.
struct CoordinatorRecord {
  bool job_sent = false;
  bool stopped = false;
  std::string why;  // a failure's message; empty for a signal or --stop-after-blocks
  // What rank 0 measured (--coordinator-report, docs/cluster.md): the cost of the reduction.
  std::map<int, std::uint64_t> blocks_by_rank;
  std::uint64_t result_bytes = 0;  // the blocks' results received
  std::uint64_t messages = 0;      // every message received
  double merge_seconds = 0;        // decoding and merging the results, in block order
  double seconds = 0;              // from the job sent to the last block merged
};

// The runner `parley-mpi sweep` gives the sweep command (cli/sweep_command.hpp). With one rank
// it is run_sweep on this rank's threads. With more, rank 0 coordinates: it sends every worker
// the sweep's definition, deals blocks to workers as they ask (BlockDealer), merges each
// block's statistics into worker(0)'s in block order, calls the checkpoint at the user's
// interval with the finished prefix, and reports progress. A stop (Ctrl-C, SIGTERM: mpirun or
// the scheduler ending the job because a rank died) or a worker's failure returns at once with
// the prefix merged so far, for the command to write as a partial, resumable state.
// A worker that sends nothing for `rank_timeout` (it sends at least every second) is taken for
// lost: its process died or hangs, or its node is gone, and the scheduler did not end the job.
cli::SweepBlockRunner mpi_block_runner(int ranks, const std::chrono::seconds& rank_timeout,
                                       CoordinatorRecord& record);

}  // namespace parley::mpi
