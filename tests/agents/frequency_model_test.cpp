// The frequency opponent model (Baarslag et al. 2016; HardHeaded's variant): issue weights grow
// for issues the opponent keeps, value scores are offer counts over the most offered value's.
#include "agents/frequency_model.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

struct Space {
  ScenarioPtr scenario;
  OutcomeSpace space;
  explicit Space(ScenarioPtr s) : scenario(std::move(s)), space(*scenario, 0) {}
  std::int64_t at(int x, int y, int z) const {
    const int levels[3] = {x, y, z};
    return space.outcome_of_levels(levels);
  }
};

Space three_issues() {
  test::ScenarioBuilder b("three issues");
  b.options("x", {"a", "b", "c"});
  b.options("y", {"a", "b"});
  b.options("z", {"a", "b", "c", "d"});
  b.party("A", "hardliner");
  b.party("B", "hardliner");
  return Space(b.build());
}

TEST(FrequencyOpponentModel, StartsUninformed) {
  const Space s = three_issues();
  const FrequencyOpponentModel model(s.space);
  EXPECT_EQ(model.offers(), 0);
  for (int k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(model.weight(k), 1.0 / 3);
  for (std::int64_t o = 0; o < s.space.size(); ++o) EXPECT_EQ(model.utility(o), 0.0);
}

TEST(FrequencyOpponentModel, LearnsWeightsFromKeptValuesAndScoresFromCounts) {
  const Space s = three_issues();
  FrequencyOpponentModel model(s.space);
  // x kept at c, y kept at a, z changes every time.
  model.observe(s.at(2, 0, 0));
  model.observe(s.at(2, 0, 1));
  model.observe(s.at(2, 0, 2));
  // Written out: weights start at 1/3; after each of the two later offers x and y gain 0.2 and
  // all are renormalised.
  double w[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
  for (int step = 0; step < 2; ++step) {
    w[0] += 0.2;
    w[1] += 0.2;
    const double sum = w[0] + w[1] + w[2];
    for (double& x : w) x /= sum;
  }
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(model.weight(k), w[k], 1e-12);
  EXPECT_GT(model.weight(0), model.weight(2));
  EXPECT_DOUBLE_EQ(model.score(0, 2), 1.0);
  EXPECT_DOUBLE_EQ(model.score(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(model.score(2, 1), 1.0);  // z: each value once, the most offered count is 1
  EXPECT_DOUBLE_EQ(model.score(2, 3), 0.0);
  EXPECT_NEAR(model.utility(s.at(2, 0, 3)), w[0] + w[1], 1e-12);
  EXPECT_NEAR(model.utility(s.at(2, 0, 0)), 1.0, 1e-12);
  EXPECT_NEAR(model.utility(s.at(0, 1, 3)), 0.0, 1e-12);
  EXPECT_EQ(model.offers(), 3);
  // Offers it has made rank above outcomes it never went near.
  EXPECT_GT(model.utility(s.at(2, 0, 1)), model.utility(s.at(1, 0, 1)));
}

TEST(FrequencyOpponentModel, ValueScoresAreRelativeToTheMostOfferedValue) {
  const Space s = three_issues();
  FrequencyOpponentModel model(s.space);
  model.observe(s.at(0, 0, 0));
  model.observe(s.at(0, 0, 0));
  model.observe(s.at(0, 0, 0));
  model.observe(s.at(1, 1, 0));
  EXPECT_DOUBLE_EQ(model.score(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(model.score(0, 1), 1.0 / 3);
  EXPECT_DOUBLE_EQ(model.score(1, 1), 1.0 / 3);
  model.observe(-1);  // not on the grid: ignored
  EXPECT_EQ(model.offers(), 4);
}

// The model as first written: counts only, scores and utilities computed at each look-up, levels
// by division. The incremental model (score table, shared level table) must give the same bits.
class ReferenceModel {
 public:
  explicit ReferenceModel(const OutcomeSpace& space) : space_(&space) {
    const auto n = static_cast<std::size_t>(space.issue_count());
    first_.resize(n);
    std::size_t total = 0;
    for (std::size_t k = 0; k < n; ++k) {
      first_[k] = total;
      total += static_cast<std::size_t>(space.levels(static_cast<int>(k)));
    }
    count_.assign(total, 0.0);
    max_count_.assign(n, 0.0);
    weight_.assign(n, 1.0 / static_cast<double>(n));
  }
  void observe(std::int64_t outcome) {
    double sum = 0.0;
    for (std::size_t k = 0; k < weight_.size(); ++k) {
      const int v = space_->level(outcome, static_cast<int>(k));
      double& c = count_[first_[k] + static_cast<std::size_t>(v)];
      c += 1.0;
      if (c > max_count_[k]) max_count_[k] = c;
      if (last_ >= 0 && space_->level(last_, static_cast<int>(k)) == v)
        weight_[k] += FrequencyOpponentModel::kLearningRate;
      sum += weight_[k];
    }
    for (double& w : weight_) w /= sum;
    last_ = outcome;
  }
  double utility(std::int64_t outcome) const {
    double u = 0.0;
    for (std::size_t k = 0; k < weight_.size(); ++k) {
      const int v = space_->level(outcome, static_cast<int>(k));
      const double score = max_count_[k] <= 0.0
                               ? 0.0
                               : count_[first_[k] + static_cast<std::size_t>(v)] / max_count_[k];
      u += weight_[k] * score;
    }
    return u;
  }

 private:
  const OutcomeSpace* space_;
  std::vector<std::size_t> first_;
  std::vector<double> count_, max_count_, weight_;
  std::int64_t last_ = -1;
};

TEST(FrequencyOpponentModel, IncrementalScoresGiveTheSameBitsAsCountingAtEachLookUp) {
  const Space s = three_issues();
  const OutcomeLevels shared(s.space);
  ASSERT_TRUE(shared.tabulated());
  FrequencyOpponentModel model(s.space, &shared);
  FrequencyOpponentModel own(s.space);  // builds its own level table
  std::mt19937_64 rng(42);
  for (int trial = 0; trial < 3; ++trial) {
    ReferenceModel reference(s.space);
    model.reset();
    own.reset();
    // Offers that drift and repeat, as a conceding opponent's do.
    std::int64_t offer = 0;
    for (int step = 0; step < 60; ++step) {
      if (rng() % 3 == 0)
        offer = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(s.space.size()));
      reference.observe(offer);
      model.observe(offer);
      own.observe(offer);
      for (std::int64_t o = 0; o < s.space.size(); ++o) {
        ASSERT_EQ(model.utility(o), reference.utility(o)) << "trial " << trial << " step " << step;
        ASSERT_EQ(own.utility(o), reference.utility(o)) << "trial " << trial << " step " << step;
      }
    }
  }
}

TEST(FrequencyOpponentModel, ResetForgetsEveryOffer) {
  const Space s = three_issues();
  FrequencyOpponentModel model(s.space);
  model.observe(s.at(2, 1, 3));
  model.observe(s.at(2, 1, 3));
  model.reset();
  EXPECT_EQ(model.offers(), 0);
  for (int k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(model.weight(k), 1.0 / 3);
  for (std::int64_t o = 0; o < s.space.size(); ++o) EXPECT_EQ(model.utility(o), 0.0);
}

}  // namespace
}  // namespace parley
