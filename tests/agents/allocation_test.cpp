// The round loop must not allocate (docs/architecture.md, "The path of data"). This file replaces
// the global operator new of the test binary with a counting one (under a sanitizer, it counts
// through the sanitizer's allocation hook instead), then compares the allocations of runs that
// differ only in how many rounds they last: any per-round allocation shows up as a difference.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/scenario_builder.hpp"

namespace {
std::atomic<long> g_allocations{0};
}

#if PARLEY_SANITIZER_ALLOCATOR
// A sanitizer owns the allocator (and its operator new sees type mismatches): count through its
// allocation hook, which sees every allocation, operator new's included.
#include <sanitizer/allocator_interface.h>
namespace {
void count_allocation(const volatile void*, std::size_t) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
}
void ignore_free(const volatile void*) {}
const int hook_installed = __sanitizer_install_malloc_and_free_hooks(count_allocation, ignore_free);
}  // namespace
#else
// GCC cannot tell that this operator new and these deletes are a matching malloc/free pair.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

#endif

namespace parley {
namespace {

using test::ScenarioBuilder;

// The benchmark's domain: three options issues of 10 x 10 x 4 levels, opposed linear values with
// different weights. Reservations of 0.9 leave no deal both sides accept, so runs last until
// `max_rounds`.
ScenarioBuilder bench_domain(const std::string& model, std::map<std::string, double> params) {
  ScenarioBuilder b("allocation");
  const auto options = [](const std::string& id, int n) {
    std::vector<std::string> out;
    for (int k = 0; k < n; ++k) out.push_back(id + std::to_string(k));
    return out;
  };
  b.options("a", options("a", 10)).options("b", options("b", 10)).options("c", options("c", 4));
  const double weights[2][3] = {{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}};
  for (int p = 0; p < 2; ++p) {
    test::PartyBuilder& party = b.party(p == 0 ? "A" : "B", model, params);
    const char* ids[] = {"a", "b", "c"};
    const int levels[] = {10, 10, 4};
    for (int k = 0; k < 3; ++k) {
      std::vector<double> table(levels[k]);
      for (int l = 0; l < levels[k]; ++l)
        table[l] =
            p == 0 ? double(l) / (levels[k] - 1) : double(levels[k] - 1 - l) / (levels[k] - 1);
      party.weight(ids[k], weights[p][k]).table(ids[k], table);
    }
    party.reservation(0.9);
  }
  return b;
}

long allocations_of_run(const ScenarioBuilder& b, int rounds) {
  ScenarioBuilder copy = b;
  copy.max_rounds(rounds);
  const Simulator simulator(copy.build(), builtin_agents());
  simulator.run(7);  // warm up anything lazily built once
  const long before = g_allocations.load();
  const RunResult result = simulator.run(7);
  const long after = g_allocations.load();
  EXPECT_EQ(result.rounds, rounds);
  EXPECT_EQ(result.tracks[0].status, TrackStatus::Deadline);
  return after - before;
}

TEST(RoundLoopAllocations, AgentsAllocateNothingPerRound) {
  const std::pair<std::string, std::map<std::string, double>> models[] = {
      {"linear", {{"horizon", 1e6}}},
      {"boulware", {}},
      {"conceder", {}},
      {"hardliner", {}},
      {"tit-for-tat", {}},
      {"random", {}},
      {"micro", {}},
  };
  for (const auto& [model, params] : models) {
    const ScenarioBuilder b = bench_domain(model, params);
    EXPECT_EQ(allocations_of_run(b, 10), allocations_of_run(b, 1000)) << model;
  }
}

TEST(RoundLoopAllocations, TheCounterSeesAllocations) {
#if PARLEY_SANITIZER_ALLOCATOR
  ASSERT_NE(hook_installed, 0) << "the sanitizer refused the allocation hook";
#endif
  const long before = g_allocations.load();
  std::vector<int> v(100);
  int* volatile kept = v.data();  // keeps the allocation from being optimised away
  EXPECT_NE(kept, nullptr);
  EXPECT_GE(g_allocations.load() - before, 1);
}

}  // namespace
}  // namespace parley
