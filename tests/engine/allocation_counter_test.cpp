// The program-wide operator new of the test binary, counting per thread when asked
// (tests/engine/allocation_counter.hpp), and a test that the counter counts.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>
#include <vector>

#include "tests/engine/allocation_counter.hpp"

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

namespace {
void* counted_allocation(std::size_t size) {
  if (parley::testing::counting_on_this_thread()) ++parley::testing::allocations_on_this_thread();
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) {
  return counted_allocation(size);
}
void* operator new[](std::size_t size) {
  return counted_allocation(size);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}

namespace parley::testing {
namespace {

TEST(AllocationCounter, CountsThisThreadsAllocations) {
  CountAllocations counter;
  std::vector<int> v(100);
  EXPECT_GE(counter.count(), 1u);
  const std::uint64_t before = counter.count();
  v[0] = 1;
  EXPECT_EQ(counter.count(), before);
}

}  // namespace
}  // namespace parley::testing
