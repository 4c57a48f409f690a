#pragma once
#include <functional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "engine/random/sampling_design.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "engine/simulator.hpp"
#include "sweep/runner.hpp"
#include "sweep/state.hpp"
#include "sweep/sweep_definition.hpp"

namespace parley::cli {

// A sweep ready to run, as `parley sweep` has prepared it: what run_sweep needs on this machine,
// the state so far (identity, layout, the blocks done), and the definition another process needs
// to run the same blocks (parley-mpi's ranks, docs/cluster.md).
struct SweepJob {
  const Simulator& simulator;
  const SamplingDesign& design;
  const std::vector<ParameterSlot>& slots;
  const SweepState& state;
  SweepDefinition definition;
  std::string out;  // the sweep's folder
};

// How the sweep command runs its blocks. Empty (the default): run_sweep on this machine's
// threads. parley-mpi (mpi/) sets one that deals the blocks to the ranks of an MPI job; it keeps
// run_sweep's contract (SweepOptions: blocks, checkpoints of a finished prefix, progress, stop)
// and merges every block's statistics into worker(0)'s, in block order.
struct SweepBlockRunner {
  std::function<SweepProgress(const SweepJob& job, const SweepOptions& options,
                              const std::function<SweepWorker&(int thread)>& worker)>
      run;
  // How the closing line names the workers ("4 threads"); empty: the threads.
  std::function<std::string(int threads)> describe;
  std::string name = "parley sweep";  // the progress bar's and messages' name
};

// `parley sweep` with the given runner (commands.hpp's add_sweep_command: the default one).
void add_sweep_command(CLI::App& app, Action& action, SweepBlockRunner runner);

}  // namespace parley::cli
