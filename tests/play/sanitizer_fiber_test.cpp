#include "play/sanitizer_fiber.hpp"

#include <gtest/gtest.h>
#include <ucontext.h>

#include <string>
#include <vector>

namespace parley {
namespace {

// A ping-pong between the test's stack and one of its own, as a stepped run does: each side
// keeps objects on its stack across the switches. Under AddressSanitizer (make test-asan) and
// ThreadSanitizer (make test-tsan) the switches must be announced, or the sanitizer reports the
// frames of the other stack (or crashes unwinding them); in other builds this checks the values.
struct PingPong {
  ucontext_t caller{};
  ucontext_t side{};
  std::vector<char> stack = std::vector<char>(256 * 1024);
  SanitizerFiber fiber{stack.data(), stack.size()};
  int turns = 0;
  std::string seen;
};

thread_local PingPong* current = nullptr;

void side_entry() {
  PingPong& p = *current;
  p.fiber.run_started();
  std::vector<std::string> kept;  // lives on this stack across every switch
  for (int k = 0; k < 100; ++k) {
    kept.push_back(std::to_string(k));
    p.seen = kept.back();
    ++p.turns;
    p.fiber.leaving_run(false);
    swapcontext(&p.side, &p.caller);
    p.fiber.back_on_run();
  }
  p.seen = std::to_string(kept.size());
  p.fiber.leaving_run(true);
}

TEST(SanitizerFiber, AHundredSwitchesEachWayKeepBothStacksObjects) {
  PingPong p;
  current = &p;
  getcontext(&p.side);
  p.side.uc_stack.ss_sp = p.stack.data();
  p.side.uc_stack.ss_size = p.stack.size();
  p.side.uc_link = &p.caller;
  makecontext(&p.side, &side_entry, 0);
  std::vector<int> mine;  // lives on the test's stack across every switch
  for (int k = 0; k <= 100; ++k) {
    p.fiber.leaving_caller();
    swapcontext(&p.caller, &p.side);
    p.fiber.back_on_caller();
    mine.push_back(p.turns);
  }
  EXPECT_EQ(p.turns, 100);
  EXPECT_EQ(p.seen, "100");  // the side's stack ran to its end
  ASSERT_EQ(mine.size(), 101u);
  EXPECT_EQ(mine.front(), 1);
  EXPECT_EQ(mine.back(), 100);
}

}  // namespace
}  // namespace parley
