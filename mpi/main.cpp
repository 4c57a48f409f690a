// parley-mpi: one parley sweep across the ranks of an MPI job (docs/cluster.md). A separate
// executable, so that parley and the Python module never link MPI: rank 0 reads the command line
// and runs `parley sweep`'s code with a runner that deals the blocks to the other ranks.
#include <mpi.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/report/output_file.hpp"
#include "cli/sweep_command.hpp"
#include "engine/input_error.hpp"
#include "mpi/coordinator.hpp"
#include "mpi/messages.hpp"
#include "mpi/worker.hpp"

namespace {

void write_report(const std::string& path, int ranks, const parley::mpi::CoordinatorRecord& r) {
  nlohmann::json blocks = nlohmann::json::object();
  std::uint64_t total = 0;
  for (const auto& [rank, count] : r.blocks_by_rank) {
    blocks[std::to_string(rank)] = count;
    total += count;
  }
  const nlohmann::json json = {
      {"ranks", ranks},
      {"blocks_by_rank", blocks},
      {"blocks", total},
      {"messages", r.messages},
      {"result_bytes", r.result_bytes},
      {"result_bytes_per_block",
       total == 0 ? 0.0 : static_cast<double>(r.result_bytes) / static_cast<double>(total)},
      {"merge_seconds", r.merge_seconds},
      {"merge_seconds_per_block", total == 0 ? 0.0 : r.merge_seconds / static_cast<double>(total)},
      {"seconds", r.seconds},
      {"stopped", r.stopped}};
  parley::cli::OutputFile out(path);
  out.stream() << json.dump(2) << "\n";
  out.commit();
}

// Rank 0's whole life: the command line, the sweep, and the word to the workers when no sweep
// was started. Returns the exit status.
int run_rank_zero(int argc, char** argv, int ranks, parley::mpi::CoordinatorRecord& record) {
  std::string report;
  CLI::App app{
      "parley-mpi runs one parley sweep across the ranks of an MPI job: start it with mpirun or "
      "srun. Rank 0 deals blocks of runs to the other ranks as they ask, merges their statistics "
      "in run order and writes the same summary.json, byte for byte, as parley sweep on one "
      "machine with the same seed.",
      "parley-mpi"};
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  mpirun -np 4 parley-mpi sweep scenarios/istanbul-2025-06.json --runs 1000000 --threads 2\n"
      "  srun parley-mpi sweep s.json --runs 100000000 --threads 32 --checkpoint 300 --out s\n"
      "  mpirun -np 4 parley-mpi sweep --resume s   (or parley sweep --resume s)\n"
      "With more than one rank, rank 0 coordinates and the others run the blocks, each on\n"
      "--threads threads. Exit status: 0 success, 1 failure, 2 bad input, 128 + signal when\n"
      "stopped. Documentation: docs/cluster.md.");
  app.set_version_flag("--version", "parley-mpi 0.1.0");
  parley::cli::Action action;
  std::chrono::seconds rank_timeout{60};
  parley::cli::add_sweep_command(app, action,
                                 parley::mpi::mpi_block_runner(ranks, rank_timeout, record));
  std::uint64_t timeout_seconds = 60;
  app.get_subcommand("sweep")
      ->add_option("--rank-timeout", timeout_seconds,
                   "Seconds a worker rank may stay silent (it speaks every second) before rank 0 "
                   "takes it for lost, saves the finished blocks and ends the job (default 60)")
      ->check(CLI::Range(std::uint64_t{2}, std::uint64_t{86'400}));
  app.get_subcommand("sweep")->add_option(
      "--coordinator-report", report,
      "Also write what rank 0 measured to this JSON file: blocks per rank, bytes received, "
      "seconds spent decoding and merging results (docs/cluster.md, \"Scaling\")");

  int status = 0;
  try {
    app.parse(argc, argv);
    rank_timeout = std::chrono::seconds(static_cast<long long>(timeout_seconds));
    status = action ? action() : 0;
    if (!report.empty() && record.job_sent) write_report(report, ranks, record);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    status = code == 0 ? 0 : 2;
  } catch (const parley::InputError& e) {
    std::cerr << e.what() << "\n";
    status = 2;
  } catch (const std::exception& e) {
    std::cerr << "parley-mpi: error: " << e.what() << "\n";
    status = 1;
    record.stopped = true;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  int provided = 0;
  // Only each rank's main thread calls MPI; the sweep's threads never do.
  if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    std::cerr << "parley-mpi: error: MPI could not start (run it with mpirun or srun)\n";
    return 1;
  }
  // Errors come back as codes, turned into messages, instead of MPI's own abort.
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);

  if (rank != 0) {
    // Ctrl-C at mpirun reaches every rank: rank 0 decides what stops, and ends the job.
    std::signal(SIGINT, SIG_IGN);
    int status = 0;
    try {
      status = parley::mpi::run_worker(rank);
    } catch (const std::exception& e) {
      std::cerr << "parley-mpi: error: rank " << rank << ": " << e.what() << "\n";
      MPI_Abort(MPI_COMM_WORLD, 1);
    }
    MPI_Finalize();
    return status;
  }

  parley::mpi::CoordinatorRecord record;
  const int status = run_rank_zero(argc, argv, ranks, record);
  if (!record.job_sent) {
    // No sweep started (bad input, --help, a finished sweep resumed): the workers may go.
    try {
      for (int r = 1; r < ranks; ++r) parley::mpi::send(r, parley::mpi::kQuit, "");
    } catch (const std::exception& e) {
      std::cerr << "parley-mpi: error: " << e.what() << "\n";
      MPI_Abort(MPI_COMM_WORLD, status == 0 ? 1 : status);
    }
  } else if (record.stopped) {
    // Workers may still hold blocks, or be gone: the state is written, end the whole job.
    if (!record.why.empty())
      std::cerr << "parley-mpi: error: " << record.why << "\n";
    else if (status == 128 + SIGTERM)
      std::cerr << "parley-mpi: rank 0 was sent SIGTERM: a rank of the job ended (killed, out "
                   "of memory, its node lost) or the job was cancelled\n";
    std::cerr << "parley-mpi: the job stopped before the end of the sweep; the blocks finished "
                 "so far are saved (resume with --resume as above)\n";
    std::cerr.flush();
    MPI_Abort(MPI_COMM_WORLD, status == 0 ? 1 : status);
  }
  MPI_Finalize();
  return status;
}
