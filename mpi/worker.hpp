#pragma once
#include <string>

namespace parley::mpi {

// The job rank 0 sends each worker: the sweep's definition and how to run it.
struct WorkerJob {
  std::string definition;  // sweep/sweep_definition.hpp, encoded
  int threads = 1;         // threads per rank
  bool rows = false;       // --runs-csv: send each block's rows
};
std::string encode_worker_job(const WorkerJob& job);
WorkerJob decode_worker_job(const std::string& bytes);

// A worker rank of parley-mpi: waits for rank 0's job (or its word that there is none), rebuilds
// the sweep from the definition, then asks for blocks and runs them on its threads, one block
// per thread at a time, sending each block's statistics back as it finishes, until rank 0 says
// every block is dealt. Returns the process's exit status; a failure is sent to rank 0 (which
// ends the job with its message) and returned as 1.
int run_worker(int rank);

}  // namespace parley::mpi
