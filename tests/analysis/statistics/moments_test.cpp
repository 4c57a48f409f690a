#include "analysis/statistics/moments.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "merge_check.hpp"

namespace parley {
namespace {

Moments moments_of(const std::vector<double>& values) {
  Moments m;
  for (double v : values) m.add(v);
  return m;
}

TEST(Moments, KnownValues) {
  // 2 4 4 4 5 5 7 9: mean 5, squared deviations sum to 32, sample variance 32/7.
  const Moments m = moments_of({2, 4, 4, 4, 5, 5, 7, 9});
  EXPECT_EQ(m.count(), 8u);
  EXPECT_EQ(m.mean(), 5.0);
  EXPECT_DOUBLE_EQ(m.variance(), 32.0 / 7.0);
  EXPECT_DOUBLE_EQ(m.standard_deviation(), std::sqrt(32.0 / 7.0));
  EXPECT_EQ(m.min(), 2.0);
  EXPECT_EQ(m.max(), 9.0);
}

TEST(Moments, NoCancellationWithALargeMean) {
  // 1e9 + {1, 2, 3}: variance 1. Naive S2 - S1^2/n in doubles loses it entirely.
  const Moments m = moments_of({1e9 + 1, 1e9 + 2, 1e9 + 3});
  EXPECT_EQ(m.mean(), 1e9 + 2);
  EXPECT_DOUBLE_EQ(m.variance(), 1.0);
}

TEST(Moments, EmptyAndSingle) {
  const Moments empty;
  EXPECT_TRUE(std::isnan(empty.mean()));
  EXPECT_TRUE(std::isnan(empty.variance()));
  const nlohmann::json summary = summarize(empty);
  EXPECT_TRUE(summary["mean"].is_null());
  EXPECT_TRUE(summary["min"].is_null());
  const Moments one = moments_of({3.5});
  EXPECT_EQ(one.mean(), 3.5);
  EXPECT_TRUE(std::isnan(one.variance()));
}

TEST(Moments, MergeOfShardsIsBitIdenticalToOnePassForAnySplitAndOrder) {
  std::mt19937_64 rng(11);
  std::lognormal_distribution<double> draw(0.0, 3.0);
  std::vector<double> values(20000);
  for (double& v : values) v = (rng() % 2 == 0 ? 1 : -1) * draw(rng);
  values[7] = 0.0;
  values[9] = -0.0;  // signed zeros: min/max must not depend on order
  auto make = [] { return Moments{}; };
  auto feed = [&](Moments& m, std::size_t i) { m.add(values[i]); };
  const std::string reference = testing::single_pass<Moments>(values.size(), make, feed);
  for (std::size_t shards : {2u, 5u, 64u}) {
    EXPECT_EQ(
        testing::merged_in_random_order<Moments>(values.size(), shards, 100 + shards, make, feed),
        reference);
  }
  // And the derived numbers, not only the state.
  Moments a = moments_of({values.begin(), values.begin() + 1234});
  const Moments b = moments_of({values.begin() + 1234, values.end()});
  a.merge(b);
  const Moments whole = moments_of(values);
  EXPECT_EQ(a.mean(), whole.mean());
  EXPECT_EQ(a.variance(), whole.variance());
  EXPECT_EQ(summarize(a).dump(), summarize(whole).dump());
}

TEST(Moments, JsonRoundTripKeepsEverything) {
  Moments m = moments_of({0.1, -2.5, 1e-300, 7e200});
  const Moments back = nlohmann::json::parse(nlohmann::json(m).dump()).get<Moments>();
  EXPECT_EQ(back, m);
  EXPECT_EQ(nlohmann::json(back).dump(), nlohmann::json(m).dump());
  const Moments empty_back = nlohmann::json::parse(nlohmann::json(Moments{}).dump()).get<Moments>();
  EXPECT_EQ(empty_back, Moments{});
  nlohmann::json wrong = nlohmann::json(m);
  wrong["kind"] = "histogram";
  EXPECT_THROW(wrong.get<Moments>(), std::invalid_argument);
}

TEST(Moments, ABlockOfShortValuesAddsExactlyAsOneByOne) {
  // Eighths below 1000: squares and sums are exact in a double-double, so a block's share is
  // the exact sum and the state is the same bits as adding one by one.
  Moments one_by_one, blocked;
  for (int i = 0; i < 5000; ++i) {
    const double x = (i * 7919 % 8000) / 8.0 - 300.0;
    one_by_one.add(x);
    blocked.add_in_block(x);
    if (i % 4096 == 4095) blocked.end_block();
  }
  EXPECT_TRUE(blocked.in_block());
  EXPECT_THROW(nlohmann::json(blocked).dump(), std::logic_error);
  Moments other;
  EXPECT_THROW(other.merge(blocked), std::logic_error);
  blocked.end_block();
  EXPECT_EQ(nlohmann::json(blocked).dump(), nlohmann::json(one_by_one).dump());
  EXPECT_EQ(blocked.min(), one_by_one.min());
  EXPECT_EQ(blocked.max(), one_by_one.max());
}

TEST(Moments, AConstantHasAVarianceOfExactlyZero) {
  // 0.1 has no short binary form: S2 - S1^2/n in double-double leaves a residue of ~1e-33.
  for (const double c : {0.1, -2.0 / 3.0, 123456.789, 0.0}) {
    Moments one_by_one, blocked;
    for (int i = 0; i < 10000; ++i) {
      one_by_one.add(c);
      blocked.add_in_block(c);
      if (i % 4096 == 4095) blocked.end_block();
    }
    blocked.end_block();
    EXPECT_EQ(one_by_one.variance(), 0.0) << c;
    EXPECT_EQ(blocked.standard_deviation(), 0.0) << c;
  }
  Moments zeros;
  zeros.add(0.0);
  zeros.add(-0.0);
  EXPECT_EQ(zeros.variance(), 0.0);
  // Not constant: the variance stays the formula's, however small.
  Moments close;
  close.add(1.0);
  close.add(std::nextafter(1.0, 2.0));
  EXPECT_GT(close.variance(), 0.0);
}

TEST(Moments, ASquaredValueAddsTheSameBits) {
  std::mt19937_64 rng(29);
  std::uniform_real_distribution<double> u(-5.0, 5.0);
  Moments plain, squared;
  for (int i = 0; i < 3 * 4096; ++i) {
    const double x = i % 4 == 0 ? 0.0 : std::ldexp(u(rng), i % 9 == 0 ? 460 : 0);
    plain.add_in_block(x);
    squared.add_in_block(SquaredValue(x));
    if (i % 4096 == 4095) {
      plain.end_block();
      squared.end_block();
    }
  }
  EXPECT_EQ(nlohmann::json(squared).dump(), nlohmann::json(plain).dump());
}

}  // namespace
}  // namespace parley
