#include "sweep/runner.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "sweep/run_workspace.hpp"

namespace parley {

namespace {

// Shared by the threads of one sweep. Blocks are handed out in list order; completed blocks'
// ordered output waits in a reorder buffer until every earlier block has been written, and a
// thread may run at most kWindow blocks ahead of the oldest unwritten one, so the buffer (and
// memory) stays bounded however uneven the blocks are.
struct SweepShared {
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;     // position in options.blocks of the next block to hand out
  std::size_t written = 0;  // blocks whose ordered output has been passed on
  std::size_t finished = 0;
  std::uint64_t runs_done = 0;
  int running = 0;     // threads still working
  int busy = 0;        // threads inside a block
  bool pause = false;  // a checkpoint is waiting for the blocks under way
  bool stop = false;
  std::map<std::size_t, std::string> ready;  // finished, not yet written
  std::exception_ptr error;
};

}  // namespace

SweepProgress run_sweep(const Simulator& simulator, const SamplingDesign& design,
                        const std::vector<ParameterSlot>& slots, const SweepOptions& options,
                        const std::function<SweepWorker&(int thread)>& worker) {
  const int threads = std::max(1, options.threads);
  const std::size_t window = static_cast<std::size_t>(threads) * 4;
  const std::uint64_t runs = design.runs();
  SweepShared shared;
  shared.running = threads;

  auto should_stop = [&] {
    return shared.stop || (options.stop && options.stop->load(std::memory_order_relaxed));
  };

  auto work = [&](int thread) {
    try {
      SweepWorker& sink = worker(thread);
      RunWorkspace workspace(simulator, slots);
      std::vector<double> drawn(static_cast<std::size_t>(design.parameter_count()));
      RunResult result;
      std::string output;
      for (;;) {
        std::size_t position = 0;
        {
          std::unique_lock lock(shared.mutex);
          shared.changed.wait(lock, [&] {
            return should_stop() || (!shared.pause && (shared.next >= options.blocks.size() ||
                                                       shared.next < shared.written + window));
          });
          if (should_stop() || shared.next >= options.blocks.size()) break;
          position = shared.next++;
          ++shared.busy;
        }
        const std::uint64_t block = options.blocks[position];
        const std::uint64_t first = block * options.block_size;
        const std::uint64_t last = std::min(runs, first + options.block_size);
        sink.begin_block(block);
        for (std::uint64_t run = first; run < last; ++run) {
          design.draw(run, drawn.data());
          workspace.apply(drawn.data());
          // One result per thread, its storage reused run after run (no allocation per run).
          simulator.run(options.seed, run, workspace.state(), result);
          sink.add(run, drawn.data(), result);
        }
        output.clear();
        sink.end_block(block, output);
        {
          std::lock_guard lock(shared.mutex);
          shared.ready.emplace(position, std::move(output));
          output = std::string();
          shared.runs_done += last - first;
          ++shared.finished;
          --shared.busy;
          if (options.stop_after_blocks > 0 && shared.finished >= options.stop_after_blocks)
            shared.stop = true;
        }
        shared.changed.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(shared.mutex);
      if (!shared.error) shared.error = std::current_exception();
      shared.stop = true;
    }
    {
      std::lock_guard lock(shared.mutex);
      --shared.running;
    }
    shared.changed.notify_all();
  };

  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);

  // The calling thread writes ordered output and reports progress.
  const auto tick = std::chrono::milliseconds(200);
  auto last_checkpoint = std::chrono::steady_clock::now();
  std::unique_lock lock(shared.mutex);
  // Writes the output of the finished blocks that come next in order (called with the lock).
  const auto write_ready = [&] {
    while (true) {
      const auto it = shared.ready.find(shared.written);
      if (it == shared.ready.end()) break;
      std::string text = std::move(it->second);
      shared.ready.erase(it);
      lock.unlock();
      if (options.ordered_output && !text.empty()) options.ordered_output(text);
      lock.lock();
      ++shared.written;
      shared.changed.notify_all();
    }
  };
  for (;;) {
    shared.changed.wait_for(
        lock, tick, [&] { return shared.running == 0 || shared.ready.count(shared.written) > 0; });
    write_ready();
    if (options.checkpoint && options.checkpoint_every.count() > 0 && shared.running > 0 &&
        !shared.error &&
        std::chrono::steady_clock::now() - last_checkpoint >= options.checkpoint_every) {
      // Hold the threads between blocks: then the first `finished` blocks are exactly done.
      shared.pause = true;
      shared.changed.wait(lock, [&] { return shared.busy == 0 || shared.running == 0; });
      // The output of every finished block is written before the checkpoint counts it done
      // (a --runs-csv flushed at the checkpoint then holds all its rows).
      write_ready();
      if (!shared.error) {
        const std::size_t finished = shared.finished;
        lock.unlock();
        try {
          options.checkpoint(finished);
        } catch (...) {
          lock.lock();
          if (!shared.error) shared.error = std::current_exception();
          shared.stop = true;
          lock.unlock();
        }
        lock.lock();
      }
      shared.pause = false;
      last_checkpoint = std::chrono::steady_clock::now();
      shared.changed.notify_all();
    }
    const std::uint64_t done = shared.runs_done;
    const bool over = shared.running == 0;
    lock.unlock();
    if (options.progress) options.progress(done);
    lock.lock();
    // Once every thread has ended nothing more arrives. Blocks left in `ready` sit behind a
    // block lost to an exception (rethrown below): they can never be written in order.
    if (over) break;
  }
  lock.unlock();
  for (std::thread& t : pool) t.join();
  if (shared.error) std::rethrow_exception(shared.error);

  SweepProgress progress;
  progress.completed = shared.finished;
  progress.runs = shared.runs_done;
  progress.stopped = shared.finished < options.blocks.size();
  return progress;
}

}  // namespace parley
