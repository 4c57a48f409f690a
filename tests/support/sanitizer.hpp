#pragma once
// Whether this test binary was built with a sanitizer (make test-asan, make test-tsan). Tests
// that run whole sweeps only as a workload (something to interrupt, kill and resume) run fewer
// runs there: a run costs 3 to 15 times the CPU of a Release build, and the suites must fit in
// CI's time. What they check does not depend on the count.
namespace parley::testing {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitizerBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
inline constexpr bool kSanitizerBuild = true;
#else
inline constexpr bool kSanitizerBuild = false;
#endif
#else
inline constexpr bool kSanitizerBuild = false;
#endif

// `release` runs in a Release build, `sanitized` under a sanitizer.
constexpr int workload_runs(int release, int sanitized) {
  return kSanitizerBuild ? sanitized : release;
}

}  // namespace parley::testing
