// The battlefield cache returns exactly what solving gives, for every key, including after it
// has replaced old entries; runs of one scenario then read solutions instead of solving again.
#include "engine/world/battlefield_cache.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

BattlefieldState field(int n, double q, double d, int m) {
  BattlefieldState f;
  f.present = true;
  f.states = n;
  f.position = n / 2;
  f.win_probability = q;
  f.decisive_probability = d;
  f.battles_per_round = m;
  f.fighting = true;
  return f;
}

void expect_same(const BattlefieldSolution& a, const BattlefieldSolution& b) {
  EXPECT_EQ(a.up, b.up);
  EXPECT_EQ(a.down, b.down);
  EXPECT_EQ(a.duration, b.duration);
}

TEST(BattlefieldCache, ReturnsExactlyTheSolvedNumbersForEveryKey) {
  BattlefieldCache cache;
  std::vector<double> scratch;
  // More keys than the cache holds, visited twice, so entries are replaced and solved again.
  for (int pass = 0; pass < 2; ++pass) {
    for (int i = 0; i < 40; ++i) {
      const BattlefieldState f = field(6 + i % 5, 0.3 + 0.01 * i, 0.5 + 0.01 * (i % 7), 1 + i % 3);
      const double delta = i % 2 == 0 ? 1.0 : 0.97;
      BattlefieldSolution direct;
      solve_battlefield(f, delta, direct, scratch);
      expect_same(cache.solve(f, delta, scratch), direct);
      expect_same(cache.solve(f, delta, scratch), direct);  // now from the cache
    }
  }
}

TEST(BattlefieldCache, TheDiscountIsPartOfTheKey) {
  BattlefieldCache cache;
  std::vector<double> scratch;
  const BattlefieldState f = field(10, 0.55, 0.8, 2);
  const std::vector<double> patient = cache.solve(f, 1.0, scratch).duration;
  const std::vector<double> impatient = cache.solve(f, 0.9, scratch).duration;
  EXPECT_GT(patient[5], impatient[5]);
  EXPECT_EQ(cache.solve(f, 1.0, scratch).duration, patient);
}

}  // namespace
}  // namespace parley
