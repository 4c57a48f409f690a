// The test binary's malloc, counting per thread when asked (tests/support/allocation_counter.hpp),
// and a test that the counter counts.
#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "tests/support/allocation_counter.hpp"

namespace parley::testing {

std::uint64_t& allocations_on_this_thread() {
  thread_local std::uint64_t count = 0;
  return count;
}

bool& counting_on_this_thread() {
  thread_local bool counting = false;
  return counting;
}

}  // namespace parley::testing

#if PARLEY_SANITIZER_ALLOCATOR
#include <sanitizer/allocator_interface.h>

// Under a sanitizer, its allocator calls this for every allocation (malloc and operator new
// alike), on the allocating thread.
namespace {
void count_allocation(const volatile void*, std::size_t) {
  if (parley::testing::counting_on_this_thread()) ++parley::testing::allocations_on_this_thread();
}
void ignore_free(const volatile void*) {}
const int installed = __sanitizer_install_malloc_and_free_hooks(count_allocation, ignore_free);
}  // namespace
#else
// Interposes malloc rather than operator new, so it coexists with test files that replace
// operator new themselves (their operator new ends in malloc too). glibc exports its own
// allocator as __libc_malloc; free, calloc and realloc stay glibc's, which is consistent.
extern "C" void* __libc_malloc(std::size_t size) noexcept;
extern "C" void* malloc(std::size_t size) noexcept {
  if (parley::testing::counting_on_this_thread()) ++parley::testing::allocations_on_this_thread();
  return __libc_malloc(size);
}
#endif

namespace parley::testing {
namespace {

TEST(AllocationCounter, CountsThisThreadsAllocations) {
#if PARLEY_SANITIZER_ALLOCATOR
  ASSERT_NE(installed, 0) << "the sanitizer refused the allocation hook";
#endif
  CountAllocations counter;
  std::vector<int> v(100);
  EXPECT_GE(counter.count(), 1u);
  const std::uint64_t before = counter.count();
  v[0] = 1;
  EXPECT_EQ(counter.count(), before);
}

}  // namespace
}  // namespace parley::testing
