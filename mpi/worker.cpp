#include "mpi/worker.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "mpi/messages.hpp"
#include "play/program_party.hpp"
#include "sweep/block_result.hpp"
#include "sweep/recorder.hpp"
#include "sweep/runner.hpp"
#include "sweep/sweep_definition.hpp"

namespace parley::mpi {

std::string encode_worker_job(const WorkerJob& job) {
  const nlohmann::json json = {{"definition", nlohmann::json::binary(std::vector<std::uint8_t>(
                                                  job.definition.begin(), job.definition.end()))},
                               {"threads", job.threads},
                               {"rows", job.rows}};
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(json);
  return std::string(bytes.begin(), bytes.end());
}

WorkerJob decode_worker_job(const std::string& bytes) {
  const nlohmann::json json = nlohmann::json::from_cbor(bytes);
  const auto& definition = json.at("definition").get_binary();
  return WorkerJob{std::string(definition.begin(), definition.end()), json.at("threads").get<int>(),
                   json.at("rows").get<bool>()};
}

namespace {

// The blocks this rank holds and the results its threads finished, shared with the threads.
struct Workbench {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::uint64_t> queue;    // received, not started
  std::vector<std::string> finished;  // encoded results not yet sent
  int running = 0;                    // blocks being run
  bool closing = false;               // no more blocks will come
  std::exception_ptr error;
};

void run_blocks(const RebuiltSweep& sweep, const WorkerJob& job,
                const std::shared_ptr<const std::vector<EfficiencyReference>>& references,
                Workbench& bench) {
  for (;;) {
    std::uint64_t block = 0;
    {
      std::unique_lock lock(bench.mutex);
      bench.changed.wait(lock, [&] { return !bench.queue.empty() || bench.closing; });
      if (bench.queue.empty()) return;
      block = bench.queue.front();
      bench.queue.pop_front();
      ++bench.running;
    }
    try {
      // A fresh recorder per block: its statistics are exactly the block's runs.
      SweepRecorder recorder(*sweep.simulator, sweep.layout, sweep.slots, references, job.rows);
      std::string rows;
      SweepOptions options;
      options.seed = sweep.seed;
      options.threads = 1;
      options.blocks = {block};
      options.ordered_output = [&rows](const std::string& text) { rows += text; };
      run_sweep(*sweep.simulator, *sweep.design, sweep.slots, options,
                [&recorder](int) -> SweepWorker& { return recorder; });
      // The block's index leads, so that rank 0 files the result without decoding it.
      std::string result =
          encode_counts({block}) + encode_block_result(block, recorder.statistics(), rows);
      std::lock_guard lock(bench.mutex);
      bench.finished.push_back(std::move(result));
      --bench.running;
    } catch (...) {
      std::lock_guard lock(bench.mutex);
      if (!bench.error) bench.error = std::current_exception();
      --bench.running;
      bench.closing = true;
    }
    bench.changed.notify_all();
  }
}

std::string what_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an unknown error";
  }
}

}  // namespace

int run_worker(int rank) {
  const Message first = receive(0);
  if (first.tag == kQuit) return 0;
  if (first.tag != kJob)
    throw MpiError("expected the job from rank 0, got message " + std::to_string(first.tag));
  WorkerJob job;
  std::unique_ptr<RebuiltSweep> sweep;
  try {
    job = decode_worker_job(first.bytes);
    sweep = rebuild_sweep(decode_sweep_definition(job.definition), agents_with_programs());
  } catch (const std::exception& e) {
    send(0, kFailed, "rank " + std::to_string(rank) + " could not set up the sweep: " + e.what());
    return 1;
  }
  const auto references = efficiency_references(*sweep->simulator);
  const int threads = std::max(1, job.threads);
  // Two blocks per thread in hand: the next one is here when a thread finishes, so a thread
  // never waits for a message; more would only take blocks from faster ranks at the end.
  const std::size_t in_hand = static_cast<std::size_t>(threads) * 2;

  Workbench bench;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] { run_blocks(*sweep, job, references, bench); });
  const auto stop_pool = [&] {
    {
      std::lock_guard lock(bench.mutex);
      bench.closing = true;
      bench.queue.clear();
    }
    bench.changed.notify_all();
    for (std::thread& t : pool) t.join();
  };

  bool asked = false, dealt_all = false;
  // Rank 0 takes a worker silent for --rank-timeout for lost: say something every second.
  auto last_sent = std::chrono::steady_clock::now();
  const auto say = [&](Tag tag, const std::string& bytes) {
    send(0, tag, bytes);
    last_sent = std::chrono::steady_clock::now();
  };
  try {
    for (;;) {
      std::vector<std::string> to_send;
      std::size_t holding = 0;
      std::exception_ptr error;
      bool idle = false;
      {
        std::unique_lock lock(bench.mutex);
        // Sleep until a thread finishes a block, or a moment passes (to look for messages).
        bench.changed.wait_for(lock, std::chrono::milliseconds(1),
                               [&] { return !bench.finished.empty() || bench.error; });
        to_send.swap(bench.finished);
        holding = bench.queue.size() + static_cast<std::size_t>(bench.running);
        error = bench.error;
        idle = holding == 0;
      }
      if (error) {
        send(0, kFailed, "rank " + std::to_string(rank) + ": " + what_of(error));
        stop_pool();
        return 1;
      }
      for (const std::string& result : to_send) say(kResult, result);
      if (dealt_all && idle) break;
      if (!asked && !dealt_all && holding < in_hand) {
        say(kRequest, encode_counts({in_hand - holding}));
        asked = true;
      }
      if (std::chrono::steady_clock::now() - last_sent >= std::chrono::seconds(1)) say(kAlive, "");
      while (const auto message = try_receive(0)) {
        if (message->tag == kDeal) {
          const auto blocks = decode_counts(message->bytes);
          {
            std::lock_guard lock(bench.mutex);
            bench.queue.insert(bench.queue.end(), blocks.begin(), blocks.end());
          }
          bench.changed.notify_all();
          asked = false;
        } else if (message->tag == kDone) {
          dealt_all = true;
          asked = false;
        } else {
          throw MpiError("unexpected message " + std::to_string(message->tag) + " from rank 0");
        }
      }
    }
  } catch (...) {
    stop_pool();
    throw;
  }
  stop_pool();
  return 0;
}

}  // namespace parley::mpi
