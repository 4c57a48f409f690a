// The world model's cost on the shipped scenarios that have one (issue 4, "Performance"): each
// scenario as shipped, against the same file with its world taken out (the `world`, `pressure`,
// `events`, `implementation` and `mediation` blocks and the parties' private `types`; the
// reservations in `preferences` then stand instead of the value of fighting on). Both run
// interleaved in batches on this thread's CPU clock, as in world_bench.cpp; the counters are
// the ratios of CPU time per round and per run, world on to world off.
#include <benchmark/benchmark.h>
#include <time.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "agents/builtin_agents.hpp"
#include "engine/run_state.hpp"
#include "engine/scenario_loader.hpp"
#include "engine/simulator.hpp"

namespace {

using namespace parley;

double thread_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string without_world(const std::string& text) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text);
  for (const char* block : {"world", "pressure", "events", "implementation", "mediation"})
    doc.erase(block);
  for (auto& party : doc["parties"]) party.erase("types");
  return doc.dump();
}

void shipped_world_overhead(benchmark::State& state, const std::string& file) {
  const std::string path = std::string(PARLEY_SOURCE_DIR) + "/scenarios/" + file;
  const std::string text = read_text(path);
  if (text.empty()) {
    state.SkipWithError(("cannot read " + path).c_str());
    return;
  }
  ScenarioPtr with, without;
  try {
    with = load_scenario_text(text, file, builtin_agents());
    without =
        load_scenario_text(without_world(text), file + " without its world", builtin_agents());
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  const Simulator on(with, builtin_agents());
  const Simulator off(without, builtin_agents());
  RunState on_state = on.baseline(), off_state = off.baseline();
  double off_ns = 0, on_ns = 0;
  std::int64_t off_rounds = 0, on_rounds = 0, runs = 0;
  std::uint64_t seed = 0;
  for (auto _ : state) {
    const int batch = 32;
    const double t0 = thread_cpu_ns();
    for (int i = 0; i < batch; ++i) {
      off_state.reset(off.baseline());
      off_rounds += off.run(1, seed + i, off_state).rounds;
    }
    const double t1 = thread_cpu_ns();
    for (int i = 0; i < batch; ++i) {
      on_state.reset(on.baseline());
      on_rounds += on.run(1, seed + i, on_state).rounds;
    }
    const double t2 = thread_cpu_ns();
    off_ns += t1 - t0;
    on_ns += t2 - t1;
    seed += batch;
    runs += batch;
  }
  state.counters["off_ns_per_round"] = off_ns / static_cast<double>(off_rounds);
  state.counters["on_ns_per_round"] = on_ns / static_cast<double>(on_rounds);
  state.counters["ratio_per_round"] =
      (on_ns / static_cast<double>(on_rounds)) / (off_ns / static_cast<double>(off_rounds));
  state.counters["ratio_per_run"] = on_ns / off_ns;
  state.counters["off_rounds_per_run"] =
      static_cast<double>(off_rounds) / static_cast<double>(runs);
  state.counters["on_rounds_per_run"] = static_cast<double>(on_rounds) / static_cast<double>(runs);
}

void BM_ShippedWorld_Istanbul2025(benchmark::State& state) {
  shipped_world_overhead(state, "istanbul-2025.json");
}
void BM_ShippedWorld_Korea(benchmark::State& state) {
  shipped_world_overhead(state, "korea-1951-53.json");
}
void BM_ShippedWorld_Istanbul2022(benchmark::State& state) {
  shipped_world_overhead(state, "istanbul-2022.json");
}

BENCHMARK(BM_ShippedWorld_Istanbul2025)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShippedWorld_Korea)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShippedWorld_Istanbul2022)->Unit(benchmark::kMillisecond);

}  // namespace
