// parley merge: combine the directories of a sharded (or interrupted and split) sweep into
// the summary of the whole sweep, bit for bit the one a single run would write (docs/sweep.md).
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/forecast_sweep_command.hpp"
#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "sweep/files.hpp"
#include "sweep/folder_lock.hpp"

namespace parley::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> directories;
  std::string out;
};

int merge(const MergeOptions& options) {
  if (is_forecast_sweep_folder(options.directories.front()))
    return forecast_merge(options.directories, options.out);
  // Claim the output folder first: it must be writable, free of other parley jobs, and hold no
  // sweep (a merge never writes over one). The inputs are read under a shared lock, so a sweep
  // still writing one of them is an error rather than a torn read.
  const FolderLock out_lock(options.out, "--out");
  if (std::filesystem::exists(std::filesystem::path(options.out) / kStateFile))
    throw InputError("--out", 0, 0, "",
                     "a folder without a sweep in it (a merge never replaces a sweep; choose a "
                     "new folder)",
                     (std::filesystem::path(options.out) / kStateFile).string());
  std::vector<std::unique_ptr<FolderLock>> input_locks;
  for (const std::string& directory : options.directories)
    if (!std::filesystem::exists(directory) || !std::filesystem::equivalent(directory, options.out))
      input_locks.push_back(
          std::make_unique<FolderLock>(directory, directory, FolderLock::Mode::Shared));
  SweepState merged = read_sweep_state(options.directories.front());
  for (std::size_t k = 1; k < options.directories.size(); ++k) {
    const SweepState next = read_sweep_state(options.directories[k]);
    try {
      merge_states(merged, next);
    } catch (const std::exception& e) {
      throw InputError((std::filesystem::path(options.directories[k]) / kStateFile).string(), 0, 0,
                       "",
                       "a shard of the same sweep as " + options.directories.front() +
                           ", with blocks no other directory holds",
                       e.what());
    }
  }
  if (merged.shard.count > 1 && !merged.complete()) merged.shard.index = 0;
  write_sweep_directory(options.out, merged);
  const std::uint64_t blocks = merged.blocks();
  std::cerr << "parley merge: " << options.directories.size() << " directories, "
            << format_thousands(static_cast<long long>(merged.statistics->runs())) << " of "
            << format_thousands(static_cast<long long>(merged.runs())) << " runs ("
            << merged.done.count() << " of " << blocks << " blocks)"
            << (merged.complete() ? "" : "; blocks are missing: the summary is marked partial")
            << "\n";
  std::cout << options.out << "/" << kSummaryFile << "\n";
  return 0;
}

}  // namespace

void add_merge_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Combine the directories of a sharded sweep into the summary of the whole sweep");
  cmd->add_option("directories", options->directories,
                  "Sweep directories (parley sweep --shard k/n --out DIR)")
      ->required();
  cmd->add_option("--out", options->out, "Directory for the merged summary.json and state.json")
      ->required();
  cmd->footer(
      "The merged summary is byte for byte the one an unsharded sweep writes. Shards must come\n"
      "from the same scenario file, seed, runs, design and parameters.\n"
      "Example:\n"
      "  for k in 1 2 3 4; do parley sweep s.json --runs 1000000 --shard $k/4 --out part$k; done\n"
      "  parley merge part1 part2 part3 part4 --out whole");
  cmd->callback([options, &action] { action = [options] { return merge(*options); }; });
}

}  // namespace parley::cli
