#include "mpi/coordinator.hpp"

#include <chrono>
#include <iostream>
#include <set>
#include <stdexcept>
#include <thread>

#include "engine/format.hpp"
#include "mpi/messages.hpp"
#include "mpi/worker.hpp"
#include "sweep/block_dealer.hpp"
#include "sweep/block_result.hpp"
#include "sweep/recorder.hpp"

namespace parley::mpi {

namespace {

std::string list_blocks(const std::vector<std::uint64_t>& blocks) {
  if (blocks.empty()) return "no blocks";
  std::string text = blocks.size() == 1 ? "block " : "blocks ";
  for (std::size_t k = 0; k < blocks.size(); ++k)
    text += (k == 0 ? "" : ", ") + std::to_string(blocks[k]);
  return text;
}

SweepProgress coordinate(int ranks, std::chrono::seconds rank_timeout, CoordinatorRecord& record,
                         const cli::SweepJob& job, const SweepOptions& options,
                         const std::function<SweepWorker&(int thread)>& worker) {
  auto* into = dynamic_cast<SweepRecorder*>(&worker(0));
  if (into == nullptr) throw std::logic_error("parley-mpi merges into a SweepRecorder");
  const int workers = ranks - 1;
  const std::string job_bytes =
      encode_worker_job(WorkerJob{encode_sweep_definition(job.definition), options.threads,
                                  static_cast<bool>(options.ordered_output)});
  for (int r = 1; r < ranks; ++r) send(r, kJob, job_bytes);
  record.job_sent = true;
  // A batch job's log has no progress bar: say once what runs and where the state is kept.
  std::cerr << "parley-mpi sweep: " << workers << " worker rank" << (workers == 1 ? "" : "s")
            << " × " << options.threads << " thread" << (options.threads == 1 ? "" : "s") << ", "
            << format_count(static_cast<long long>(options.blocks.size()), "block") << " of "
            << format_count(static_cast<long long>(options.block_size), "run")
            << " to run; finished blocks saved in " << job.out << " every "
            << format_quantity(static_cast<double>(options.checkpoint_every.count()) / 1000.0, "s")
            << " (if the job ends early, continue with --resume " << job.out << ")\n";

  // Results may wait for an earlier block at most four blocks per worker thread ahead of it.
  BlockDealer dealer(options.blocks, static_cast<std::size_t>(workers) *
                                         static_cast<std::size_t>(options.threads) * 4);
  std::map<int, std::size_t> waiting;  // requests the window holds back: rank -> count
  std::set<int> told_done;
  std::map<int, std::chrono::steady_clock::time_point> last_heard;
  for (int r = 1; r < ranks; ++r) last_heard[r] = std::chrono::steady_clock::now();
  std::uint64_t runs_done = 0;
  const std::uint64_t runs = job.design.runs();
  auto last_checkpoint = std::chrono::steady_clock::now();
  auto last_progress = last_checkpoint;
  SweepProgress progress;
  const auto stop_requested = [&] {
    return options.stop != nullptr && options.stop->load(std::memory_order_relaxed);
  };
  const auto started = std::chrono::steady_clock::now();
  const auto finish = [&](bool stopped) {
    record.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    progress.completed = dealer.merged();
    progress.runs = runs_done;
    progress.stopped = stopped;
    record.stopped = stopped;
    if (options.progress) options.progress(runs_done);
    return progress;
  };

  try {
    while (!dealer.complete() || static_cast<int>(told_done.size()) < workers) {
      if (stop_requested()) return finish(true);
      bool busy = false;
      while (const auto message = try_receive(MPI_ANY_SOURCE)) {
        busy = true;
        last_heard[message->source] = std::chrono::steady_clock::now();
        ++record.messages;
        if (message->tag == kAlive) continue;
        if (message->tag == kRequest) {
          const auto counts = decode_counts(message->bytes);
          waiting[message->source] += counts.empty() ? 1 : counts.front();
        } else if (message->tag == kResult) {
          // The block's index leads the message: checked against what the rank was dealt.
          const auto block = decode_counts(message->bytes.substr(0, sizeof(std::uint64_t)));
          if (block.size() != 1) throw MpiError("a result without its block");
          record.result_bytes += message->bytes.size();
          ++record.blocks_by_rank[message->source];
          dealer.finish(message->source, block.front(), std::move(message->bytes));
        } else if (message->tag == kFailed) {
          record.why = message->bytes;
          return finish(true);
        } else {
          throw MpiError("unexpected message " + std::to_string(message->tag) + " from rank " +
                         std::to_string(message->source));
        }
      }
      for (auto it = waiting.begin(); it != waiting.end();) {
        const std::vector<std::uint64_t> blocks = dealer.deal(it->first, it->second);
        if (!blocks.empty()) {
          send(it->first, kDeal, encode_counts(blocks));
          it = waiting.erase(it);
        } else if (dealer.all_dealt()) {
          send(it->first, kDone, "");
          told_done.insert(it->first);
          it = waiting.erase(it);
        } else {
          ++it;
        }
      }
      // The reduction, in block order (so in run-index order).
      while (auto next = dealer.next_in_order()) {
        busy = true;
        const auto merge_start = std::chrono::steady_clock::now();
        BlockResult result =
            decode_block_result(next->second.substr(sizeof(std::uint64_t)), job.state.layout);
        if (result.block != next->first) throw MpiError("a result under another block's index");
        into->statistics().merge(result.statistics);
        record.merge_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - merge_start).count();
        if (options.ordered_output && !result.rows.empty()) options.ordered_output(result.rows);
        const std::uint64_t first = next->first * options.block_size;
        runs_done += std::min(runs, first + options.block_size) - first;
        if (options.stop_after_blocks > 0 && dealer.merged() >= options.stop_after_blocks)
          return finish(true);
      }
      const auto now = std::chrono::steady_clock::now();
      for (const auto& [rank, heard] : last_heard) {
        if (told_done.count(rank) > 0 || now - heard < rank_timeout) continue;
        record.why = "rank " + std::to_string(rank) + " sent nothing for " +
                     std::to_string(rank_timeout.count()) +
                     " s (its process died or hangs, or its node is lost) while running " +
                     list_blocks(dealer.held_by(rank));
        return finish(true);
      }
      if (options.checkpoint && options.checkpoint_every.count() > 0 &&
          now - last_checkpoint >= options.checkpoint_every) {
        options.checkpoint(dealer.merged());
        last_checkpoint = std::chrono::steady_clock::now();
      }
      if (options.progress && now - last_progress >= std::chrono::milliseconds(200)) {
        options.progress(runs_done);
        last_progress = now;
      }
      if (!busy) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  } catch (const MpiError& e) {
    record.why = std::string("the MPI job failed: ") + e.what();
    return finish(true);
  }
  return finish(false);
}

}  // namespace

cli::SweepBlockRunner mpi_block_runner(int ranks, const std::chrono::seconds& rank_timeout,
                                       CoordinatorRecord& record) {
  cli::SweepBlockRunner runner;
  runner.name = "parley-mpi sweep";
  runner.run = [ranks, &rank_timeout, &record](
                   const cli::SweepJob& job, const SweepOptions& options,
                   const std::function<SweepWorker&(int thread)>& worker) {
    if (ranks == 1) return run_sweep(job.simulator, job.design, job.slots, options, worker);
    return coordinate(ranks, rank_timeout, record, job, options, worker);
  };
  runner.describe = [ranks](int threads) {
    const int workers = ranks == 1 ? 1 : ranks - 1;
    return std::to_string(workers) + (ranks == 1 ? " rank" : " worker rank") +
           (workers == 1 ? "" : "s") + " × " + std::to_string(threads) + " thread" +
           (threads == 1 ? "" : "s");
  };
  return runner;
}

}  // namespace parley::mpi
