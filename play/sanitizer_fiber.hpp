#pragma once
#include <cstddef>

// Which sanitizer, if any, this file is compiled under.
#if defined(__SANITIZE_ADDRESS__)
#define PARLEY_FIBER_ASAN 1
#endif
#if defined(__SANITIZE_THREAD__)
#define PARLEY_FIBER_TSAN 1
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PARLEY_FIBER_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define PARLEY_FIBER_TSAN 1
#endif
#endif
#ifdef PARLEY_FIBER_ASAN
#include <sanitizer/common_interface_defs.h>
#endif
#ifdef PARLEY_FIBER_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace parley {

// A stepped run lives on a stack of its own and switches to and from its caller's with
// swapcontext. AddressSanitizer and ThreadSanitizer track one stack per thread: unless told of
// each switch (their fiber interface), ASan takes the other stack's frames for stale ones (false
// stack-use-after-return reports, and a crash unwinding them) and TSan mixes the two stacks'
// histories. This object tells them, around every swapcontext; without a sanitizer each call is
// empty. The order is the sanitizers' own: announce right before the switch, confirm right after.
class SanitizerFiber {
 public:
  SanitizerFiber(const void* run_stack, std::size_t run_stack_size)
      : run_stack_(run_stack), run_stack_size_(run_stack_size) {
#ifdef PARLEY_FIBER_TSAN
    run_fiber_ = __tsan_create_fiber(0);
#endif
  }
  ~SanitizerFiber() {
#ifdef PARLEY_FIBER_TSAN
    __tsan_destroy_fiber(run_fiber_);
#endif
  }
  SanitizerFiber(const SanitizerFiber&) = delete;
  SanitizerFiber& operator=(const SanitizerFiber&) = delete;

  // On the caller's stack, right before switching to the run's.
  void leaving_caller() {
#ifdef PARLEY_FIBER_ASAN
    __sanitizer_start_switch_fiber(&caller_fake_stack_, run_stack_, run_stack_size_);
#endif
#ifdef PARLEY_FIBER_TSAN
    caller_fiber_ = __tsan_get_current_fiber();
    __tsan_switch_to_fiber(run_fiber_, 0);
#endif
  }
  // On the caller's stack, right after the run switched back to it.
  void back_on_caller() {
#ifdef PARLEY_FIBER_ASAN
    __sanitizer_finish_switch_fiber(caller_fake_stack_, nullptr, nullptr);
#endif
  }
  // First thing on the run's stack when it starts: learns where the caller's stack is.
  void run_started() {
#ifdef PARLEY_FIBER_ASAN
    __sanitizer_finish_switch_fiber(nullptr, &caller_stack_, &caller_stack_size_);
#endif
  }
  // On the run's stack, right before switching back to the caller; `for_good` when the run's
  // function returns and its stack is never resumed.
  void leaving_run(bool for_good) {
#ifdef PARLEY_FIBER_ASAN
    __sanitizer_start_switch_fiber(for_good ? nullptr : &run_fake_stack_, caller_stack_,
                                   caller_stack_size_);
#else
    (void)for_good;
#endif
#ifdef PARLEY_FIBER_TSAN
    __tsan_switch_to_fiber(caller_fiber_, 0);
#endif
  }
  // On the run's stack, right after the caller switched back to it.
  void back_on_run() {
#ifdef PARLEY_FIBER_ASAN
    __sanitizer_finish_switch_fiber(run_fake_stack_, &caller_stack_, &caller_stack_size_);
#endif
  }

 private:
  [[maybe_unused]] const void* run_stack_;
  [[maybe_unused]] std::size_t run_stack_size_;
  [[maybe_unused]] const void* caller_stack_ = nullptr;
  [[maybe_unused]] std::size_t caller_stack_size_ = 0;
  [[maybe_unused]] void* caller_fake_stack_ = nullptr;
  [[maybe_unused]] void* run_fake_stack_ = nullptr;
  [[maybe_unused]] void* caller_fiber_ = nullptr;
  [[maybe_unused]] void* run_fiber_ = nullptr;
};

}  // namespace parley
