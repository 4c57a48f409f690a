// The world model's cost on the shipped scenarios that have one: each
// scenario as shipped, against the same file with its world taken out (the `world`, `pressure`,
// `events`, `implementation` and `mediation` blocks and the parties' private `types`; the
// reservations in `preferences` then stand instead of the value of fighting on). Both run
// interleaved in batches on this thread's CPU clock, as in world_bench.cpp; the counters are
// the ratios of CPU time per round and per run, world on to world off.
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "agents/builtin_agents.hpp"
#include "bench/interleaved_overhead.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/run_state.hpp"
#include "engine/simulator.hpp"

namespace {

using namespace parley;

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
  parley::bench::interleaved_overhead(state, off, on, 32);
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
