#pragma once
#include <mpi.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace parley::mpi {

// The messages of an MPI sweep (docs/cluster.md, "How parley-mpi works"), all between rank 0
// (the coordinator) and one worker rank, on MPI_COMM_WORLD. MPI keeps the order of the messages
// between two ranks, so a worker's results arrive before its next request.
enum Tag : int {
  kJob = 1,      // 0 -> worker: the sweep (definition, threads per rank, rows or not)
  kQuit = 2,     // 0 -> worker: no sweep to run (bad input, --help, nothing left to do)
  kRequest = 3,  // worker -> 0: up to N more blocks, please (N as 8 bytes)
  kDeal = 4,     // 0 -> worker: blocks to run (8 bytes each)
  kDone = 5,     // 0 -> worker: every block is dealt; finish what you hold and end
  kResult = 6,   // worker -> 0: one block's result (sweep/block_result.hpp)
  kFailed = 7,   // worker -> 0: the worker cannot go on (the message as text)
  kAlive = 8,    // worker -> 0: still here (sent when nothing else was for a second)
};

// An MPI call that failed (the communicator returns errors instead of aborting), with MPI's
// own words.
class MpiError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Message {
  int source = 0;
  int tag = 0;
  std::string bytes;
};

void send(int destination, Tag tag, const std::string& bytes);
// A message waiting from `source` (MPI_ANY_SOURCE: anyone), received; nullopt when none is.
std::optional<Message> try_receive(int source);
// Waits for the next message from `source`.
Message receive(int source);

std::string encode_counts(const std::vector<std::uint64_t>& counts);
std::vector<std::uint64_t> decode_counts(const std::string& bytes);

}  // namespace parley::mpi
