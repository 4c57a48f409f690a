#include "analysis/statistics/categorical.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "merge_check.hpp"

namespace parley {
namespace {

TEST(Categorical, CountsSharesAndUnseenCategories) {
  Categorical c(4);
  for (std::size_t k : {0u, 2u, 2u, 2u, 0u}) c.add(k);
  EXPECT_EQ(c.categories(), 4u);
  EXPECT_EQ(c.total(), 5u);
  EXPECT_EQ(c.count(0), 2u);
  EXPECT_EQ(c.count(1), 0u);
  EXPECT_EQ(c.count(2), 3u);
  EXPECT_EQ(c.count(9), 0u);
  EXPECT_DOUBLE_EQ(*c.share(2).estimate(), 0.6);
  const Interval interval = c.share(2).wilson();
  EXPECT_EQ(interval.lower, wilson_interval(3, 5).lower);
  const nlohmann::json summary = summarize(c);
  EXPECT_EQ(summary["counts"], nlohmann::json({2, 0, 3, 0}));
  EXPECT_DOUBLE_EQ(summary["shares"][1].get<double>(), 0.0);
  EXPECT_TRUE(summarize(Categorical(2))["shares"][0].is_null());
}

TEST(Categorical, GrowsAndMergesExactly) {
  Categorical a(2);
  a.add(5);
  EXPECT_EQ(a.categories(), 6u);
  Categorical b(8);
  b.add(1);
  a.merge(b);
  EXPECT_EQ(a.categories(), 8u);
  EXPECT_EQ(a.total(), 2u);
  auto make = [] { return Categorical(3); };
  auto feed = [](Categorical& c, std::size_t i) { c.add((i * 7) % 5); };
  EXPECT_EQ(testing::merged_in_random_order<Categorical>(999, 4, 3, make, feed),
            testing::single_pass<Categorical>(999, make, feed));
}

TEST(Categorical, JsonRoundTrip) {
  Categorical c(3);
  for (std::size_t k : {0u, 1u, 1u, 2u, 2u, 2u}) c.add(k);
  const Categorical back = nlohmann::json::parse(nlohmann::json(c).dump()).get<Categorical>();
  EXPECT_EQ(back, c);
  EXPECT_EQ(back.total(), 6u);
}

}  // namespace
}  // namespace parley
