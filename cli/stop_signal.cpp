#include "cli/stop_signal.hpp"

#include <csignal>

namespace parley::cli {

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free,
              "a signal handler may only touch lock-free atomics");

struct sigaction g_previous;

extern "C" void on_interrupt(int) {
  g_stop.store(true);
  // A second Ctrl-C is the user insisting: let it kill the process.
  std::signal(SIGINT, SIG_DFL);
}

}  // namespace

StopOnInterrupt::StopOnInterrupt() {
  g_stop.store(false);
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_previous);
}

StopOnInterrupt::~StopOnInterrupt() {
  sigaction(SIGINT, &g_previous, nullptr);
}

const std::atomic<bool>& StopOnInterrupt::flag() const {
  return g_stop;
}

}  // namespace parley::cli
