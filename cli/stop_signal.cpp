#include "cli/stop_signal.hpp"

#include <csignal>

namespace parley::cli {

namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free,
              "a signal handler may only touch lock-free atomics");

struct sigaction g_previous_int, g_previous_term;

extern "C" void on_interrupt(int signal) {
  g_signal.store(signal);
  g_stop.store(true);
  // A second Ctrl-C or SIGTERM is the user insisting: let it kill the process.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

}  // namespace

StopOnInterrupt::StopOnInterrupt() {
  g_stop.store(false);
  g_signal.store(0);
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
}

StopOnInterrupt::~StopOnInterrupt() {
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
}

int StopOnInterrupt::signal_number() const {
  return g_signal.load();
}

const std::atomic<bool>& StopOnInterrupt::flag() const {
  return g_stop;
}

}  // namespace parley::cli
