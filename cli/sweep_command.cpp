// parley sweep: many runs under uncertainty, streamed into exact, mergeable statistics
// (docs/sweep.md).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>
#include <thread>

#include "agents/builtin_agents.hpp"
#include "analysis/report/output_file.hpp"
#include "cli/commands.hpp"
#include "cli/forecast_sweep_command.hpp"
#include "cli/progress_bar.hpp"
#include "cli/stop_signal.hpp"
#include "cli/sweep_command.hpp"
#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/load/agent_override.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/load/vary_option.hpp"
#include "engine/random/sampling_design.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "engine/simulator.hpp"
#include "play/program_party.hpp"
#include "sweep/files.hpp"
#include "sweep/folder_lock.hpp"
#include "sweep/identity.hpp"
#include "sweep/recorder.hpp"
#include "sweep/runner.hpp"
#include "sweep/runs_csv.hpp"
#include "sweep/state.hpp"

namespace parley::cli {

namespace {

struct SweepCommandOptions {
  std::string file;
  std::string runs;  // checked by parse_count: CLI11 would wrap "-1" round to 2^64 - 1
  std::string seed;  // empty: not given (1, or a resumed sweep's own)
  std::string threads;
  std::string out;
  std::string shard;
  std::string resume;
  std::string runs_csv;
  std::vector<std::string> vary;
  std::string design;
  std::string levels;
  bool only_vary = false;
  std::vector<std::string> agents;  // --agent ID=MODEL[:param=value,...]
  bool allow_programs = false;
  std::string checkpoint;               // seconds between durable checkpoints
  std::uint64_t checkpoint_ms = 0;      // hidden: tests of kills, in milliseconds
  std::uint64_t stop_after_blocks = 0;  // hidden: tests of --resume
};

[[noreturn]] void option_error(const std::string& option, const std::string& expected,
                               const std::string& found) {
  throw InputError(option, 0, 0, "", expected, found);
}

// A whole number written in plain decimal digits (no sign, no exponent, no spaces) within
// [lowest, highest]; anything else is an input error naming the option and the range.
std::uint64_t parse_count(const std::string& option, const std::string& text, std::uint64_t lowest,
                          std::uint64_t highest, const std::string& what) {
  auto written = [](std::uint64_t n) {
    return n > 1'000'000'000'000 ? std::to_string(n) : format_thousands(static_cast<long long>(n));
  };
  const std::string expected = what + " from " + written(lowest) + " to " + written(highest);
  std::uint64_t value = 0;
  bool valid = !text.empty() && text.size() <= 20;
  for (char c : text) {
    if (!valid) break;
    if (c < '0' || c > '9') {
      valid = false;
      break;
    }
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > highest / 10 || digit > highest - value * 10) {  // past the highest: no overflow
      valid = false;
      break;
    }
    value = value * 10 + digit;
  }
  if (!valid || value < lowest) option_error(option, expected, "'" + text + "'");
  return value;
}

ShardSpec parse_shard(const std::string& text, std::uint64_t blocks) {
  ShardSpec shard;
  if (!text.empty()) {
    const std::string expected =
        "k/n with 1 <= k <= n <= " + format_thousands(static_cast<long long>(kMaxSweepShards)) +
        ", e.g. --shard 3/8";
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos) option_error("--shard", expected, "'" + text + "'");
    std::uint64_t index = 0, count = 0;
    try {
      count = parse_count("--shard", text.substr(slash + 1), 1, kMaxSweepShards, "n");
      index = parse_count("--shard", text.substr(0, slash), 1, kMaxSweepShards, "k");
    } catch (const InputError&) {
      option_error("--shard", expected, "'" + text + "'");
    }
    if (index > count) option_error("--shard", expected, "'" + text + "'");
    shard.index = static_cast<int>(index);
    shard.count = static_cast<int>(count);
  }
  // Contiguous, balanced slices of the block range.
  const auto k = static_cast<std::uint64_t>(shard.index),
             n = static_cast<std::uint64_t>(shard.count);
  shard.first_block = (k - 1) * blocks / n;
  shard.last_block = k * blocks / n;
  return shard;
}

int sweep(const SweepCommandOptions& options, const SweepBlockRunner& runner) {
  // From the start: a Ctrl-C while the scenario loads stops the sweep before its first block.
  StopOnInterrupt interrupt;
  const AgentRegistry& registry = agents_with_programs();
  const bool resuming = !options.resume.empty();
  std::optional<std::uint64_t> seed_given;
  if (!options.seed.empty())
    seed_given = parse_count("--seed", options.seed, 0, std::numeric_limits<std::uint64_t>::max(),
                             "a whole number");
  // Every number of the command line is checked before anything is read or run.
  std::optional<std::uint64_t> runs_given;
  if (!options.runs.empty())
    runs_given = parse_count("--runs", options.runs, 1, kMaxSweepRuns, "a whole number of runs");
  const int threads =
      options.threads.empty()
          ? static_cast<int>(std::clamp<unsigned>(std::thread::hardware_concurrency(), 1u,
                                                  static_cast<unsigned>(kMaxSweepThreads)))
          : static_cast<int>(parse_count("--threads", options.threads, 1, kMaxSweepThreads,
                                         "a number of worker threads"));
  int levels = 0;
  if (!options.levels.empty())
    levels = static_cast<int>(parse_count("--levels", options.levels, kMinGridLevels,
                                          kMaxGridLevels, "a number of grid levels"));
  if (!resuming && !options.shard.empty()) parse_shard(options.shard, 0);
  const auto checkpoint_seconds = std::chrono::milliseconds(
      options.checkpoint.empty() ? kDefaultCheckpointSeconds * 1000
                                 : parse_count("--checkpoint", options.checkpoint, 1,
                                               kMaxCheckpointSeconds, "a number of seconds") *
                                       1000);
  const auto checkpoint_every = options.checkpoint_ms > 0
                                    ? std::chrono::milliseconds(options.checkpoint_ms)
                                    : checkpoint_seconds;

  if (!resuming && options.file.empty())
    option_error("parley sweep", "a scenario FILE (or --resume DIR)", "none");
  // A stakeholder forecast (actors only, or an actor-table CSV): cli/forecast_sweep_command.cpp.
  if (is_forecast_sweep(options.file, options.resume)) {
    ForecastSweepRequest request;
    request.file = options.file;
    request.out = options.out;
    request.resume = options.resume;
    request.runs_csv = options.runs_csv;
    request.vary = options.vary;
    request.design = options.design;
    request.levels = levels;
    request.only_vary = options.only_vary;
    request.seed = seed_given;
    request.runs = runs_given;
    request.threads = threads;
    request.shard = options.shard;
    request.parse_shard = parse_shard;
    request.checkpoint_every = checkpoint_every;
    request.stop_after_blocks = options.stop_after_blocks;
    request.agents_given = !options.agents.empty();
    return forecast_sweep(request, interrupt);
  }
  // The output folder is claimed (and so known to be writable) before the first run: a second
  // job aimed at it, or a folder parley cannot write, is an error now, not hours from now. A
  // resumed sweep claims it before reading its state; a new one once its input is known good,
  // so bad input leaves no folder behind.
  std::string out = options.out;
  if (out.empty())
    out =
        resuming ? options.resume : std::filesystem::path(options.file).stem().string() + "-sweep";
  std::optional<FolderLock> out_lock, resume_lock;
  auto claim_folders = [&] {
    out_lock.emplace(out, options.out.empty() && resuming ? "--resume" : "--out");
    if (resuming && std::filesystem::is_directory(options.resume) &&
        !std::filesystem::equivalent(out, options.resume))
      resume_lock.emplace(options.resume, "--resume", FolderLock::Mode::Shared);
  };
  if (resuming) claim_folders();

  std::optional<SweepState> previous;
  std::string path = options.file;
  if (resuming) {
    previous = read_sweep_state(options.resume);
    if (path.empty()) path = previous->scenario_path;
    if (!options.vary.empty() || !options.design.empty() || levels > 0 || !options.shard.empty() ||
        options.only_vary || !options.agents.empty())
      option_error("--resume",
                   "no --vary, --design, --levels, --shard, --only-vary or --agent: a resumed "
                   "sweep keeps its own",
                   "them given with --resume");
    const std::uint64_t recorded_seed = previous->identity.at("seed").get<std::uint64_t>();
    if (seed_given && *seed_given != recorded_seed)
      option_error("--seed",
                   "the seed the sweep in " + options.resume + " started with (" +
                       std::to_string(recorded_seed) + "), or no --seed",
                   options.seed);
    if (runs_given && *runs_given != previous->runs())
      option_error("--runs",
                   "the runs the sweep in " + options.resume + " started with (" +
                       format_thousands(static_cast<long long>(previous->runs())) +
                       "), or no --runs",
                   options.runs);
  }

  const std::string bytes = read_text_file(path);
  std::vector<std::string> agent_texts = options.agents;
  if (resuming && previous->identity.contains("agents"))
    agent_texts = previous->identity.at("agents").get<std::vector<std::string>>();
  const std::vector<AgentOverride> agents = parse_agent_overrides(agent_texts);
  const ScenarioPtr scenario = apply_agent_overrides(
      load_scenario_text(bytes, path, registry, LoadOptions{options.allow_programs}), agents,
      registry);
  const Simulator simulator(scenario, registry);

  UncertaintySpec spec;
  std::uint64_t seed = seed_given.value_or(1);
  std::uint64_t runs = runs_given.value_or(0);
  if (resuming) {
    const std::string origin = (std::filesystem::path(options.resume) / kStateFile).string();
    spec = uncertainty_from_identity(previous->identity, origin);
    seed = previous->identity.at("seed").get<std::uint64_t>();
    runs = previous->runs();
  } else {
    // The file's uncertainty block, then the command line's additions and overrides.
    if (!options.only_vary) spec = scenario->uncertainty;
    if (!options.design.empty() && !parse_design(options.design, spec.design))
      option_error("--design", "monte-carlo, latin-hypercube or grid", "'" + options.design + "'");
    if (!options.design.empty()) spec.declared = Declaration{"--design", 0, 0, ""};
    if (levels > 0) spec.grid_levels = levels;
    for (const std::string& v : options.vary) spec.set(parse_vary(v));
    if (runs == 0) {
      if (spec.design != DesignKind::Grid)
        option_error("--runs", "a number of runs >= 1 (only a grid design has a default)", "none");
      runs = SamplingDesign::grid_size(spec);
    }
  }
  const std::vector<ParameterSlot> slots = bind_parameters(spec, *scenario, registry);
  const SamplingDesign design(spec, seed, runs);
  if (!resuming) claim_folders();
  if (!resuming && std::filesystem::exists(std::filesystem::path(out) / kStateFile))
    option_error(
        "--out",
        "a directory without a sweep in it (use --resume " + out + " to continue that sweep)", out);
  const std::uint64_t blocks = sweep_block_count(runs, kSweepBlockSize);

  SweepState state;
  std::vector<std::string> override_texts;
  for (const AgentOverride& a : agents) override_texts.push_back(a.text);
  state.identity = sweep_identity(*scenario, path, bytes, seed, runs, spec, slots, override_texts);
  state.scenario_path = std::filesystem::absolute(path).string();
  state.layout = std::make_shared<const SweepLayout>(make_sweep_layout(simulator, slots, spec));
  if (resuming) {
    if (!same_sweep(previous->identity, state.identity))
      throw InputError(options.resume, 0, 0, "",
                       "the scenario file the sweep started from (its fingerprint differs: the "
                       "file changed since)",
                       path);
    state.identity = previous->identity;  // the same bytes, perhaps under another name
    state.shard = previous->shard;
    state.done = previous->done;
    state.statistics = std::move(previous->statistics);
  } else {
    state.shard = parse_shard(options.shard, blocks);
    state.statistics.emplace(state.layout);
  }
  SweepOptions run_options;
  run_options.seed = seed;
  run_options.threads = threads;
  run_options.blocks = state.done.missing(state.shard.first_block, state.shard.last_block);
  run_options.stop_after_blocks = options.stop_after_blocks;
  // A finished sweep resumed: nothing to run and nothing to rewrite; say so, and succeed.
  if (resuming && run_options.blocks.empty()) {
    std::cerr << runner.name << ": the sweep in " << options.resume << " is already complete ("
              << format_count(static_cast<long long>(
                                  std::min(runs, state.shard.last_block * kSweepBlockSize) -
                                  state.shard.first_block * kSweepBlockSize),
                              "run")
              << "); nothing to do\n";
    std::cout << (std::filesystem::path(options.resume) / kSummaryFile).string() << "\n";
    return 0;
  }
  std::uint64_t todo = 0;
  for (std::uint64_t b : run_options.blocks)
    todo += std::min(runs, (b + 1) * kSweepBlockSize) - b * kSweepBlockSize;

  std::optional<OutputFile> csv;
  if (!options.runs_csv.empty()) {
    // A resumed sweep keeps the rows of its finished blocks: from the file a stopped sweep
    // committed, and from the partial file a killed one flushed at each checkpoint.
    std::string kept;
    if (resuming) {
      std::vector<std::string> texts;
      for (const std::string& file :
           {options.runs_csv, OutputFile::partial_path_for(options.runs_csv)})
        if (!file.empty() && std::filesystem::is_regular_file(file))
          texts.push_back(read_text_file(file));
      const std::vector<std::string_view> views(texts.begin(), texts.end());
      kept = runs_csv_kept_rows(views, [&state](std::uint64_t run) {
        return state.done.contains(run / kSweepBlockSize);
      });
    }
    csv.emplace(options.runs_csv);
    csv->keep_partial_on_failure();
    csv->stream() << runs_csv_header(*state.layout) << kept;
    run_options.ordered_output = [&csv](const std::string& rows) { csv->stream() << rows; };
  }

  const auto references = efficiency_references(simulator);
  std::vector<std::unique_ptr<SweepRecorder>> recorders;
  for (int t = 0; t < run_options.threads; ++t)
    recorders.push_back(std::make_unique<SweepRecorder>(simulator, state.layout, slots, references,
                                                        csv.has_value()));

  run_options.stop = &interrupt.flag();
  ProgressBar bar(std::cerr, isatty(STDERR_FILENO) != 0, todo, runner.name);
  run_options.progress = [&bar](std::uint64_t done) { bar.update(done); };
  // Durable checkpoints: state.json and summary.json of the blocks done so far, each written
  // whole (write, fsync, rename, fsync of the folder), so a kill or a power cut loses at most
  // the blocks of the last interval. The first is written before any run.
  run_options.checkpoint_every = checkpoint_every;
  run_options.checkpoint = [&](std::size_t finished) {
    // The rows of the finished blocks reach the disk before the state that counts them done.
    if (csv) csv->flush_to_disk();
    SweepState snapshot = state;
    for (const auto& recorder : recorders) snapshot.statistics->merge(recorder->statistics());
    for (std::size_t k = 0; k < finished; ++k)
      snapshot.done.add(run_options.blocks[k], run_options.blocks[k] + 1);
    write_sweep_directory(out, snapshot);
  };
  write_sweep_directory(out, state);
  const SweepJob job{simulator,
                     design,
                     slots,
                     state,
                     SweepDefinition{state.identity, path, bytes, options.allow_programs},
                     out};
  const SweepProgress progress =
      runner.run
          ? runner.run(job, run_options,
                       [&recorders](int thread) -> SweepWorker& { return *recorders[thread]; })
          : run_sweep(simulator, design, slots, run_options,
                      [&recorders](int thread) -> SweepWorker& { return *recorders[thread]; });

  for (const auto& recorder : recorders) state.statistics->merge(recorder->statistics());
  for (std::size_t k = 0; k < progress.completed; ++k)
    state.done.add(run_options.blocks[k], run_options.blocks[k] + 1);
  if (csv) csv->flush_to_disk();  // the rows before the state that counts them done
  write_sweep_directory(out, state);
  if (csv) {
    csv->commit();
    OutputFile columns(runs_csv_columns_path(options.runs_csv));
    columns.stream() << runs_csv_columns(*state.layout);
    columns.commit();
  }

  std::string note = runner.describe ? runner.describe(run_options.threads)
                                     : std::to_string(run_options.threads) + " thread" +
                                           (run_options.threads == 1 ? "" : "s");
  if (progress.stopped)
    note += "; stopped early, summary marked partial (resume with --resume " + out + ")";
  bar.finish(progress.runs, note);
  std::cout << (std::filesystem::path(out) / kSummaryFile).string() << "\n";
  if (interrupt.interrupted()) return 128 + interrupt.signal_number();
  return 0;
}

}  // namespace

void add_sweep_command(CLI::App& app, Action& action) {
  add_sweep_command(app, action, SweepBlockRunner{});
}

void add_sweep_command(CLI::App& app, Action& action, SweepBlockRunner runner) {
  auto options = std::make_shared<SweepCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run a scenario many times under uncertain parameters and summarise the outcomes");
  cmd->add_option("file", options->file, "Scenario file (its uncertainty block, if any, applies)");
  cmd->add_option("--runs", options->runs,
                  "Number of runs, 1 to " +
                      format_thousands(static_cast<long long>(kMaxSweepRuns)) +
                      " (a grid defaults to one pass)");
  cmd->add_option("--seed", options->seed,
                  "Master seed, 0 to 2^64 - 1 (default 1): run i depends only on (seed, i)");
  cmd->add_option(
      "--threads", options->threads,
      "Worker threads, 1 to " + std::to_string(kMaxSweepThreads) + " (default: every core)");
  cmd->add_option("--out", options->out,
                  "Directory for summary.json and state.json (default: FILE's name + -sweep)");
  cmd->add_option("--shard", options->shard,
                  "Run slice k of n (1-based) of the sweep; combine with parley merge");
  cmd->add_option(
      "--resume", options->resume,
      "Continue the interrupted sweep in this directory (a finished one: nothing to do)");
  cmd->add_option("--runs-csv", options->runs_csv,
                  "Also write one CSV row per run, in run order, to this file, and what each "
                  "column is (with units) to FILE.columns.csv (runs.csv: runs.columns.csv)");
  cmd->add_option("--vary", options->vary,
                  "Make a number uncertain: POINTER=DISTRIBUTION, e.g. "
                  "/parties/0/preferences/discount=uniform(0.9,0.99); repeatable; overrides the "
                  "file's entry for the same pointer");
  cmd->add_flag("--only-vary", options->only_vary,
                "Ignore the file's uncertainty block: only the --vary parameters vary");
  cmd->add_option("--design", options->design,
                  "monte-carlo (default), latin-hypercube or grid (1-3 varying parameters)");
  cmd->add_option("--levels", options->levels,
                  "Grid design: levels per continuous parameter (default 5)");
  cmd->add_option("--agent", options->agents, kAgentHelp);
  cmd->add_flag("--allow-programs", options->allow_programs, kAllowProgramsHelp);
  cmd->add_option("--checkpoint", options->checkpoint,
                  "Seconds between durable checkpoints of the finished blocks, 1 to " +
                      std::to_string(kMaxCheckpointSeconds) + " (default " +
                      std::to_string(kDefaultCheckpointSeconds) +
                      "): a killed sweep resumes from the last one");
  cmd->add_option("--checkpoint-ms", options->checkpoint_ms)->group("");  // hidden: tests
  cmd->add_option("--stop-after-blocks", options->stop_after_blocks)->group("");
  cmd->footer(
      "Examples:\n"
      "  parley sweep scenarios/istanbul-2025-06.json --runs 100000 --out istanbul\n"
      "  parley sweep s.json --runs 10000 --vary '/protocol/breakdown_probability=beta(2,30)'\n"
      "  parley sweep s.json --runs 1000000 --shard 3/8 --out part3   (then parley merge)\n"
      "  parley sweep --resume istanbul   (after Ctrl-C)\n"
      "  parley sweep scenarios/istanbul-2025-06.json --runs 10000 --agent RU=hardliner\n"
      "A forecast scenario (actors only, or an actor-table CSV) varies its actors' numbers,\n"
      "e.g. --vary '/actors/members/1/positions/standard=triangular(5,7,9)', and summarises\n"
      "the distribution of the forecast (docs/sweep.md, \"Forecast scenarios\").\n"
      "A scenario with a history block adds summary.json's \"history\": the share of runs\n"
      "matching what really happened, per track and for the whole pattern (docs/sweep.md).\n"
      "Ctrl-C stops cleanly: blocks under way finish, the summary is written marked partial\n"
      "(exit status 130), and --resume DIR continues to exactly the uninterrupted summary;\n"
      "resuming a finished sweep says it is already complete and exits 0.");
  cmd->callback([options, runner, &action] {
    action = [options, runner] { return sweep(*options, runner); };
  });
}

}  // namespace parley::cli
