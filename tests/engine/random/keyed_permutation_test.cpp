// The Latin hypercube's strata come from a keyed bijection computed point by point: it must be
// a permutation of [0, n) for every n, with an inverse, and different keys must shuffle
// differently.
#include "engine/random/keyed_permutation.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace parley {
namespace {

TEST(KeyedPermutation, IsABijectionOfZeroToN) {
  for (std::uint64_t n : {1u, 2u, 3u, 5u, 16u, 17u, 1000u, 4097u, 65536u, 100003u}) {
    const KeyedPermutation p(n, 0x1234u + n);
    std::vector<bool> seen(n, false);
    for (std::uint64_t x = 0; x < n; ++x) {
      const std::uint64_t y = p(x);
      ASSERT_LT(y, n);
      ASSERT_FALSE(seen[y]) << "n=" << n << " x=" << x;
      seen[y] = true;
      ASSERT_EQ(p.inverse(y), x);
    }
  }
}

TEST(KeyedPermutation, KeysShuffleDifferently) {
  const std::uint64_t n = 1000;
  const KeyedPermutation a(n, 1), b(n, 2);
  int same = 0, fixed_points = 0;
  for (std::uint64_t x = 0; x < n; ++x) {
    same += a(x) == b(x);
    fixed_points += a(x) == x;
  }
  // A random pair of permutations agrees at about one point; allow a few.
  EXPECT_LT(same, 10);
  EXPECT_LT(fixed_points, 10);
}

TEST(KeyedPermutation, LargeDomainsNeedNoMemory) {
  const std::uint64_t n = std::uint64_t{1} << 40;
  const KeyedPermutation p(n, 99);
  for (std::uint64_t x : {std::uint64_t{0}, std::uint64_t{12345}, n - 1}) {
    EXPECT_LT(p(x), n);
    EXPECT_EQ(p.inverse(p(x)), x);
  }
}

}  // namespace
}  // namespace parley
