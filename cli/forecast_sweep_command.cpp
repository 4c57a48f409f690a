// parley sweep and parley merge of a stakeholder forecast (docs/sweep.md, "Forecast
// scenarios"): the actor table's uncertain numbers drawn per run, the expected-utility forecast
// of each drawn table, and the distribution of the forecast.
#include "cli/forecast_sweep_command.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/progress_bar.hpp"
#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/load/actor_parameters.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/load/vary_option.hpp"
#include "engine/random/sampling_design.hpp"
#include "interop/actor_table_csv.hpp"
#include "sweep/files.hpp"
#include "sweep/folder_lock.hpp"
#include "sweep/forecast_sweep.hpp"
#include "sweep/identity.hpp"

namespace parley::cli {

namespace {

[[noreturn]] void option_error(const std::string& option, const std::string& expected,
                               const std::string& found) {
  throw InputError(option, 0, 0, "", expected, found);
}

bool is_csv(const std::string& path) {
  return std::filesystem::path(path).extension() == ".csv";
}

ForecastScenario load(const std::string& path, const std::string& bytes) {
  if (!is_csv(path)) return load_forecast_text(bytes, path);
  ForecastScenario s;
  s.table = read_actor_table_csv(path);
  s.name = std::filesystem::path(path).filename().string();
  return s;
}

std::optional<nlohmann::json> read_state_json(const std::string& directory) {
  const std::string path = (std::filesystem::path(directory) / kStateFile).string();
  if (!std::filesystem::is_regular_file(path)) return std::nullopt;
  try {
    return nlohmann::json::parse(read_text_file(path));
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

ForecastSweepState read_forecast_state(const std::string& directory) {
  return read_state_file(
      directory, "a forecast sweep state written by parley sweep",
      [](nlohmann::json json) { return forecast_sweep_state_from_json(std::move(json)); });
}

void write_forecast_directory(const std::string& directory, const ForecastSweepState& state) {
  write_state_and_summary(directory, to_json(state), forecast_summary_json(state));
}

}  // namespace

bool is_forecast_sweep(const std::string& file, const std::string& resume) {
  if (!resume.empty()) {
    const auto json = read_state_json(resume);
    return json && is_forecast_sweep_state(*json);
  }
  return !file.empty() && (is_csv(file) || is_forecast_only(file));
}

bool is_forecast_sweep_folder(const std::string& directory) {
  const auto json = read_state_json(directory);
  return json && is_forecast_sweep_state(*json);
}

int forecast_sweep(const ForecastSweepRequest& r, const StopOnInterrupt& interrupt) {
  const bool resuming = !r.resume.empty();
  if (!r.runs_csv.empty())
    option_error("--runs-csv",
                 "no --runs-csv for a forecast sweep (summary.json holds the "
                 "forecast's distribution)",
                 r.runs_csv);
  if (r.agents_given)
    option_error("--agent", "no --agent for a forecast sweep (its actors have no agents)",
                 "--agent");
  std::string out = r.out;
  if (out.empty())
    out = resuming ? r.resume : std::filesystem::path(r.file).stem().string() + "-sweep";
  std::optional<FolderLock> out_lock, resume_lock;
  auto claim_folders = [&] {
    out_lock.emplace(out, r.out.empty() && resuming ? "--resume" : "--out");
    if (resuming && std::filesystem::is_directory(r.resume) &&
        !std::filesystem::equivalent(out, r.resume))
      resume_lock.emplace(r.resume, "--resume", FolderLock::Mode::Shared);
  };
  if (resuming) claim_folders();

  std::optional<ForecastSweepState> previous;
  std::string path = r.file;
  if (resuming) {
    previous = read_forecast_state(r.resume);
    if (path.empty()) path = previous->scenario_path;
    if (!r.vary.empty() || !r.design.empty() || r.levels > 0 || !r.shard.empty() || r.only_vary)
      option_error("--resume",
                   "no --vary, --design, --levels, --shard or --only-vary: a resumed sweep "
                   "keeps its own",
                   "them given with --resume");
    const auto recorded_seed = previous->identity.at("seed").get<std::uint64_t>();
    if (r.seed && *r.seed != recorded_seed)
      option_error("--seed",
                   "the seed the sweep in " + r.resume + " started with (" +
                       std::to_string(recorded_seed) + "), or no --seed",
                   std::to_string(*r.seed));
    if (r.runs && *r.runs != previous->runs())
      option_error("--runs",
                   "the runs the sweep in " + r.resume + " started with (" +
                       format_thousands(static_cast<long long>(previous->runs())) +
                       "), or no --runs",
                   std::to_string(*r.runs));
  }

  const std::string bytes = read_text_file(path);
  const ForecastScenario scenario = load(path, bytes);

  UncertaintySpec spec;
  std::uint64_t seed = r.seed.value_or(1);
  std::uint64_t runs = r.runs.value_or(0);
  if (resuming) {
    const std::string origin = (std::filesystem::path(r.resume) / kStateFile).string();
    spec = uncertainty_from_identity(previous->identity, origin);
    seed = previous->identity.at("seed").get<std::uint64_t>();
    runs = previous->runs();
  } else {
    if (!r.only_vary) spec = scenario.uncertainty;
    if (!r.design.empty() && !parse_design(r.design, spec.design))
      option_error("--design", "monte-carlo, latin-hypercube or grid", "'" + r.design + "'");
    if (!r.design.empty()) spec.declared = Declaration{"--design", 0, 0, ""};
    if (r.levels > 0) spec.grid_levels = r.levels;
    for (const std::string& v : r.vary) spec.set(parse_vary(v));
    if (runs == 0) {
      if (spec.design != DesignKind::Grid)
        option_error("--runs", "a number of runs >= 1 (only a grid design has a default)", "none");
      runs = SamplingDesign::grid_size(spec);
    }
  }
  ForecastSweepSetup setup;
  setup.table = scenario.table;
  setup.model = scenario.model;
  setup.slots = bind_actor_parameters(spec, scenario.table);
  const SamplingDesign design(spec, seed, runs);
  setup.design = &design;
  setup.runs = runs;
  if (!resuming) claim_folders();
  if (!resuming && std::filesystem::exists(std::filesystem::path(out) / kStateFile))
    option_error(
        "--out",
        "a directory without a sweep in it (use --resume " + out + " to continue that sweep)", out);
  const std::uint64_t blocks = sweep_block_count(runs, kForecastBlockSize);

  ForecastSweepState state;
  state.identity =
      forecast_sweep_identity(scenario.name, path, bytes, seed, runs, spec, scenario.model);
  state.scenario_path = std::filesystem::absolute(path).string();
  if (resuming) {
    if (!same_sweep(previous->identity, state.identity))
      throw InputError(r.resume, 0, 0, "",
                       "the scenario file the sweep started from (its fingerprint differs: the "
                       "file changed since)",
                       path);
    state = std::move(*previous);
  } else {
    state.shard = r.parse_shard(r.shard, blocks);
    state.layout = forecast_sweep_layout(scenario.table, scenario.model, setup.slots);
    state.statistics = ForecastSweepStatistics(scenario.table, setup.slots.size());
  }
  ForecastRunOptions options;
  options.threads = r.threads;
  options.blocks = state.done.missing(state.shard.first_block, state.shard.last_block);
  options.stop_after_blocks = r.stop_after_blocks;
  if (resuming && options.blocks.empty()) {
    std::uint64_t held = 0;
    for (const auto& [first, last] : state.done.ranges())
      held += std::min(runs, last * kForecastBlockSize) - first * kForecastBlockSize;
    std::cerr << "parley sweep: the sweep in " << r.resume << " is already complete ("
              << format_count(static_cast<long long>(held), "run") << "); nothing to do\n";
    std::cout << (std::filesystem::path(r.resume) / kSummaryFile).string() << "\n";
    return 0;
  }
  std::uint64_t todo = 0;
  for (std::uint64_t b : options.blocks)
    todo += std::min(runs, (b + 1) * kForecastBlockSize) - b * kForecastBlockSize;

  options.stop = &interrupt.flag();
  ProgressBar bar(std::cerr, isatty(STDERR_FILENO) != 0, todo, "parley sweep");
  options.progress = [&bar](std::uint64_t done) { bar.update(done); };
  options.checkpoint_every = r.checkpoint_every;
  options.checkpoint = [&] { write_forecast_directory(out, state); };
  write_forecast_directory(out, state);
  const std::size_t completed = run_forecast_sweep(setup, options, state);
  write_forecast_directory(out, state);

  std::uint64_t runs_done = 0;
  for (std::size_t k = 0; k < options.blocks.size(); ++k)
    if (state.done.contains(options.blocks[k]))
      runs_done += std::min(runs, (options.blocks[k] + 1) * kForecastBlockSize) -
                   options.blocks[k] * kForecastBlockSize;
  std::string note = std::to_string(r.threads) + " thread" + (r.threads == 1 ? "" : "s");
  if (completed < options.blocks.size())
    note += "; stopped early, summary marked partial (resume with --resume " + out + ")";
  bar.finish(runs_done, note);
  std::cout << (std::filesystem::path(out) / kSummaryFile).string() << "\n";
  if (interrupt.interrupted()) return 128 + interrupt.signal_number();
  return 0;
}

int forecast_merge(const std::vector<std::string>& directories, const std::string& out) {
  const FolderLock out_lock(out, "--out");
  if (std::filesystem::exists(std::filesystem::path(out) / kStateFile))
    throw InputError("--out", 0, 0, "",
                     "a folder without a sweep in it (a merge never replaces a sweep; choose a "
                     "new folder)",
                     (std::filesystem::path(out) / kStateFile).string());
  std::vector<std::unique_ptr<FolderLock>> input_locks;
  for (const std::string& directory : directories)
    if (!std::filesystem::exists(directory) || !std::filesystem::equivalent(directory, out))
      input_locks.push_back(
          std::make_unique<FolderLock>(directory, directory, FolderLock::Mode::Shared));
  ForecastSweepState merged = read_forecast_state(directories.front());
  for (std::size_t k = 1; k < directories.size(); ++k) {
    const ForecastSweepState next = read_forecast_state(directories[k]);
    try {
      merge_states(merged, next);
    } catch (const std::exception& e) {
      throw InputError((std::filesystem::path(directories[k]) / kStateFile).string(), 0, 0, "",
                       "a shard of the same sweep as " + directories.front() +
                           ", with blocks no other directory holds",
                       e.what());
    }
  }
  if (merged.shard.count > 1 && !merged.complete()) merged.shard.index = 0;
  write_forecast_directory(out, merged);
  std::cerr << "parley merge: " << directories.size() << " directories, "
            << format_thousands(static_cast<long long>(merged.statistics.runs)) << " of "
            << format_thousands(static_cast<long long>(merged.runs())) << " runs ("
            << merged.done.count() << " of " << merged.blocks() << " blocks)"
            << (merged.complete() ? "" : "; blocks are missing: the summary is marked partial")
            << "\n";
  std::cout << out << "/" << kSummaryFile << "\n";
  return 0;
}

}  // namespace parley::cli
