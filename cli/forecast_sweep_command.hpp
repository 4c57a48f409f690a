#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/stop_signal.hpp"
#include "sweep/state.hpp"

namespace parley::cli {

// `parley sweep` of a forecast scenario (docs/sweep.md, "Forecast scenarios"): the options of
// the sweep command, its numbers already checked.
struct ForecastSweepRequest {
  std::string file;
  std::string out;  // empty: FILE's name + -sweep, or the resumed folder
  std::string resume;
  std::string runs_csv;
  std::vector<std::string> vary;
  std::string design;
  int levels = 0;
  bool only_vary = false;
  std::optional<std::uint64_t> seed;
  std::optional<std::uint64_t> runs;
  int threads = 1;
  std::string shard;
  std::function<ShardSpec(const std::string& text, std::uint64_t blocks)> parse_shard;
  std::chrono::milliseconds checkpoint_every{0};
  std::uint64_t stop_after_blocks = 0;
  bool agents_given = false;
};

// Whether `parley sweep` is given a forecast: a file with actors only (or an actor-table CSV),
// or a folder whose state.json is a forecast sweep's.
bool is_forecast_sweep(const std::string& file, const std::string& resume);

int forecast_sweep(const ForecastSweepRequest& request, const StopOnInterrupt& interrupt);

// `parley merge` of forecast sweep folders: whether the first folder holds one, and the merge.
bool is_forecast_sweep_folder(const std::string& directory);
int forecast_merge(const std::vector<std::string>& directories, const std::string& out);

}  // namespace parley::cli
