// The dealer of parley-mpi (docs/cluster.md): blocks dealt in order to whoever asks, within a
// window; results handed back in block order whatever order they arrive in.
#include "sweep/block_dealer.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace parley {
namespace {

TEST(BlockDealer, DealsInOrderAndHandsResultsBackInBlockOrder) {
  BlockDealer dealer({2, 3, 5, 8}, 10);
  EXPECT_EQ(dealer.deal(1, 2), (std::vector<std::uint64_t>{2, 3}));
  EXPECT_EQ(dealer.deal(2, 5), (std::vector<std::uint64_t>{5, 8}));
  EXPECT_TRUE(dealer.all_dealt());
  EXPECT_TRUE(dealer.deal(3, 1).empty());
  dealer.finish(2, 8, "eight");
  dealer.finish(1, 3, "three");
  EXPECT_FALSE(dealer.next_in_order());  // block 2 not back yet: nothing may pass it
  EXPECT_EQ(dealer.held_by(1), (std::vector<std::uint64_t>{2}));
  dealer.finish(1, 2, "two");
  std::vector<std::pair<std::uint64_t, std::string>> order;
  while (auto next = dealer.next_in_order()) order.push_back(*next);
  ASSERT_EQ(order.size(), 2u);
  EXPECT_EQ(order[0], (std::pair<std::uint64_t, std::string>{2, "two"}));
  EXPECT_EQ(order[1], (std::pair<std::uint64_t, std::string>{3, "three"}));
  EXPECT_EQ(dealer.merged(), 2u);
  EXPECT_FALSE(dealer.complete());
  dealer.finish(2, 5, "five");
  while (auto next = dealer.next_in_order()) order.push_back(*next);
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order[3].first, 8u);
  EXPECT_TRUE(dealer.complete());
}

TEST(BlockDealer, DealsNoFurtherThanTheWindowAheadOfTheOldestUnmergedBlock) {
  BlockDealer dealer({0, 1, 2, 3, 4}, 2);
  EXPECT_EQ(dealer.deal(1, 5), (std::vector<std::uint64_t>{0, 1}));
  EXPECT_TRUE(dealer.deal(2, 1).empty());  // a slow block 0 holds the others back
  dealer.finish(1, 1, "");
  EXPECT_TRUE(dealer.deal(2, 1).empty());
  dealer.finish(1, 0, "");
  ASSERT_TRUE(dealer.next_in_order());
  EXPECT_EQ(dealer.deal(2, 5), (std::vector<std::uint64_t>{2}));
  ASSERT_TRUE(dealer.next_in_order());
  EXPECT_EQ(dealer.deal(2, 5), (std::vector<std::uint64_t>{3}));
}

TEST(BlockDealer, RefusesAResultFromAWorkerThatWasNotRunningTheBlock) {
  BlockDealer dealer({0, 1}, 4);
  dealer.deal(1, 1);
  EXPECT_THROW(dealer.finish(2, 0, ""), std::invalid_argument);  // another worker's block
  EXPECT_THROW(dealer.finish(1, 1, ""), std::invalid_argument);  // not dealt
  EXPECT_THROW(dealer.finish(1, 9, ""), std::invalid_argument);  // not in the sweep
  dealer.finish(1, 0, "");
  EXPECT_THROW(dealer.finish(1, 0, ""), std::invalid_argument);  // twice
}

TEST(BlockDealer, WithNothingToRunIsCompleteAtOnce) {
  BlockDealer dealer({}, 4);
  EXPECT_TRUE(dealer.all_dealt());
  EXPECT_TRUE(dealer.complete());
  EXPECT_TRUE(dealer.deal(1, 3).empty());
}

}  // namespace
}  // namespace parley
