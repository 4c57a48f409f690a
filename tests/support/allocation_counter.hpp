#pragma once
// Counts heap allocations made by the current thread while a CountAllocations is alive
// (the interposed malloc lives in allocation_counter_test.cpp). Tests use it to prove
// that a sweep's per-run path allocates nothing.
#include <cstdint>

// A sanitizer (AddressSanitizer, ThreadSanitizer, MemorySanitizer) brings its own allocator and
// owns malloc and free: a test binary built with one cannot interpose malloc, and counts through
// the sanitizer's allocation hook instead (README, "Sanitizers and fuzzing").
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PARLEY_SANITIZER_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define PARLEY_SANITIZER_ALLOCATOR 1
#endif
#endif

namespace parley::testing {

std::uint64_t& allocations_on_this_thread();
bool& counting_on_this_thread();

class CountAllocations {
 public:
  CountAllocations() : start_(allocations_on_this_thread()) { counting_on_this_thread() = true; }
  ~CountAllocations() { counting_on_this_thread() = false; }
  std::uint64_t count() const { return allocations_on_this_thread() - start_; }

 private:
  std::uint64_t start_;
};

}  // namespace parley::testing
