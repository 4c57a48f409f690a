#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/statistics/histogram.hpp"
#include "analysis/statistics/moments.hpp"
#include "engine/forecast/actor_table.hpp"
#include "engine/forecast/model_parameters.hpp"
#include "engine/load/actor_parameters.hpp"
#include "engine/random/sampling_design.hpp"
#include "sweep/runner.hpp"
#include "sweep/state.hpp"

namespace parley {

// A sweep of a stakeholder forecast (docs/sweep.md, "Forecast scenarios"): run i draws the
// uncertain numbers of the actor table from (seed, i) alone, forecasts the drawn table with the
// expected-utility model, and adds the forecast of every dimension to exact, mergeable
// statistics. Runs come in blocks, the unit of threads, checkpoints and shards, as for
// negotiation sweeps; a forecast run costs far more than a negotiation run, so blocks are
// smaller.
inline constexpr std::uint64_t kForecastBlockSize = 64;
// Bins of the forecast histograms over each dimension's scale; quantiles are interpolated inside
// a bin, so they are exact to 1% of the scale's width (and exact when every run agrees).
inline constexpr int kForecastHistogramBins = 100;
// How near an actor's final position must be to the run's median voter forecast to count as
// "with the forecast": a share of the scale's width.
inline constexpr double kForecastNearShare = 0.05;

// The statistics of one dimension over the runs.
struct ForecastDimensionStatistics {
  Moments median;         // the median voter position after the last round
  Moments weighted_mean;  // the capability x salience weighted mean after the last round
  Histogram median_histogram;
  Histogram weighted_mean_histogram;
  std::uint64_t settled = 0;        // runs whose positions settled before the round limit
  std::vector<std::uint64_t> near;  // per actor: runs ending within the near share of the median

  friend bool operator==(const ForecastDimensionStatistics&,
                         const ForecastDimensionStatistics&) = default;
};

// Integer counts and exact sums only, so any split of the runs merged in any order gives the
// same bits (docs/sweep.md, "Reproducibility").
struct ForecastSweepStatistics {
  std::uint64_t runs = 0;
  std::vector<Moments> drawn;  // per parameter: the values the runs used
  std::vector<ForecastDimensionStatistics> dimensions;

  ForecastSweepStatistics() = default;
  ForecastSweepStatistics(const forecast::ActorTable& table, std::size_t parameters);
  void merge(const ForecastSweepStatistics& other);
  nlohmann::json state() const;
  static ForecastSweepStatistics from_state(const nlohmann::json& json);

  friend bool operator==(const ForecastSweepStatistics&, const ForecastSweepStatistics&) = default;
};

// Everything a run needs, shared read-only by the threads.
struct ForecastSweepSetup {
  forecast::ActorTable table;
  forecast::ModelParameters model;
  std::vector<ActorSlot> slots;
  const SamplingDesign* design = nullptr;
  std::uint64_t runs = 0;
};

// The statistics of the runs of one block.
ForecastSweepStatistics run_forecast_block(const ForecastSweepSetup& setup, std::uint64_t block);

// What a forecast sweep directory holds between runs (state.json): as SweepState, with the
// table's outline (dimensions, actors, the forecast of the table as given) in `layout`, so
// `parley merge` and `parley summary` need no scenario file.
struct ForecastSweepState {
  nlohmann::json identity;
  std::string scenario_path;
  ShardSpec shard;
  BlockSet done;
  nlohmann::json layout;
  ForecastSweepStatistics statistics;

  std::uint64_t runs() const { return identity.at("runs").get<std::uint64_t>(); }
  std::uint64_t blocks() const { return sweep_block_count(runs(), kForecastBlockSize); }
  bool complete() const { return done.count() == blocks(); }
};

// The identity: "kind": "forecast", the scenario (name, file name, fingerprint of its bytes),
// seed, runs, block size, design, parameters, and the model's choices.
nlohmann::json forecast_sweep_identity(const std::string& scenario_name, const std::string& path,
                                       const std::string& bytes, std::uint64_t seed,
                                       std::uint64_t runs, const UncertaintySpec& spec,
                                       const forecast::ModelParameters& model);
// The outline of the table for summaries, with the forecast of the table as given.
nlohmann::json forecast_sweep_layout(const forecast::ActorTable& table,
                                     const forecast::ModelParameters& model,
                                     const std::vector<ActorSlot>& slots);

inline constexpr const char* kForecastStateKind = "parley-forecast-sweep-state";
// Whether a parsed state.json is a forecast sweep's.
bool is_forecast_sweep_state(const nlohmann::json& json);
nlohmann::json to_json(const ForecastSweepState& state);
// Throws std::invalid_argument, as sweep_state_from_json does, for a file of another kind or
// version, a checksum that does not match, or counts that do not hold together.
ForecastSweepState forecast_sweep_state_from_json(nlohmann::json json);
// Same sweep, no block twice (std::invalid_argument otherwise); the shard becomes the hull.
void merge_states(ForecastSweepState& into, const ForecastSweepState& other);

// summary.json of a forecast sweep, sealed (docs/sweep.md, "Forecast scenarios").
nlohmann::json forecast_summary_json(const ForecastSweepState& state);
// Whether a summary.json is a forecast sweep's, and its tables for people.
bool is_forecast_summary(const nlohmann::json& summary);
std::string forecast_summary_text(const nlohmann::json& summary);

// Runs `blocks` on `threads` threads, merging each finished block into `state` (statistics and
// blocks done) on the calling thread, in whatever order blocks finish: the statistics are exact,
// so the order does not show. Stops taking blocks when `stop` is set or `stop_after_blocks`
// have finished; calls `checkpoint` on the calling thread every `checkpoint_every` and
// `progress` with the runs done. Returns the number of blocks finished; rethrows the first
// exception a thread raised.
struct ForecastRunOptions {
  int threads = 1;
  std::vector<std::uint64_t> blocks;
  const std::atomic<bool>* stop = nullptr;
  std::uint64_t stop_after_blocks = 0;
  std::chrono::milliseconds checkpoint_every{0};
  std::function<void()> checkpoint;
  std::function<void(std::uint64_t runs_done)> progress;
};
std::size_t run_forecast_sweep(const ForecastSweepSetup& setup, const ForecastRunOptions& options,
                               ForecastSweepState& state);

}  // namespace parley
