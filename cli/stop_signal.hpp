#pragma once
#include <atomic>

namespace parley::cli {

// Ctrl-C (SIGINT) or SIGTERM during a sweep: the first sets the flag (the sweep finishes its
// blocks under way and writes what it has, marked partial); a second one ends the process at
// once. The guard restores the previous handlers.
class StopOnInterrupt {
 public:
  StopOnInterrupt();
  ~StopOnInterrupt();
  StopOnInterrupt(const StopOnInterrupt&) = delete;
  StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;

  const std::atomic<bool>& flag() const;
  bool interrupted() const { return flag().load(); }
  // The signal that stopped the sweep (SIGINT or SIGTERM), 0 if none.
  int signal_number() const;
};

}  // namespace parley::cli
