#pragma once
#include <atomic>

namespace parley::cli {

// Ctrl-C during a sweep: the first SIGINT sets the flag (the sweep finishes its blocks under
// way and writes what it has, marked partial); a second one ends the process at once. The
// guard restores the previous handler.
class StopOnInterrupt {
 public:
  StopOnInterrupt();
  ~StopOnInterrupt();
  StopOnInterrupt(const StopOnInterrupt&) = delete;
  StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;

  const std::atomic<bool>& flag() const;
  bool interrupted() const { return flag().load(); }
};

}  // namespace parley::cli
