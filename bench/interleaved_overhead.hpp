#pragma once
// The cost of one scenario against another on this thread's CPU clock (the machine is shared,
// so wall time would charge one side for other programs): both run interleaved, batch by batch,
// so they share the machine's state; the counters are CPU nanoseconds per round of each and the
// ratios per round and per run, `on` to `off`. Used by the world benchmarks.
#include <benchmark/benchmark.h>
#include <time.h>

#include <cstdint>

#include "engine/run_state.hpp"
#include "engine/simulator.hpp"

namespace parley::bench {

inline double thread_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

inline void interleaved_overhead(benchmark::State& state, const Simulator& off, const Simulator& on,
                                 int batch) {
  RunState off_state = off.baseline(), on_state = on.baseline();
  double off_ns = 0, on_ns = 0;
  std::int64_t off_rounds = 0, on_rounds = 0, runs = 0;
  std::uint64_t seed = 0;
  for (auto _ : state) {
    const double t0 = thread_cpu_ns();
    for (int i = 0; i < batch; ++i) {
      off_state.reset(off.baseline());
      off_rounds += off.run(1, seed + static_cast<std::uint64_t>(i), off_state).rounds;
    }
    const double t1 = thread_cpu_ns();
    for (int i = 0; i < batch; ++i) {
      on_state.reset(on.baseline());
      on_rounds += on.run(1, seed + static_cast<std::uint64_t>(i), on_state).rounds;
    }
    const double t2 = thread_cpu_ns();
    off_ns += t1 - t0;
    on_ns += t2 - t1;
    seed += static_cast<std::uint64_t>(batch);
    runs += batch;
  }
  const double off_per_round = off_ns / static_cast<double>(off_rounds);
  const double on_per_round = on_ns / static_cast<double>(on_rounds);
  state.counters["off_ns_per_round"] = off_per_round;
  state.counters["on_ns_per_round"] = on_per_round;
  state.counters["ratio_per_round"] = on_per_round / off_per_round;
  state.counters["ratio_per_run"] = on_ns / off_ns;
  state.counters["off_rounds_per_run"] =
      static_cast<double>(off_rounds) / static_cast<double>(runs);
  state.counters["on_rounds_per_run"] = static_cast<double>(on_rounds) / static_cast<double>(runs);
}

}  // namespace parley::bench
