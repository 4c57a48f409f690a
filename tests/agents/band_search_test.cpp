// The band's best-rated outcome: branch and bound gives the scan's answer, position for position,
// ties included, on random domains, preferences, models and bands.
#include "agents/band_search.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

std::string name(const char* prefix, std::size_t i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

// A random track of `issues` issues and `parties` parties: few distinct values per level, so that
// own utilities tie (the ranking's tie order matters) and so do the models' ratings.
ScenarioPtr random_scenario(std::mt19937_64& rng, int issues, int parties, bool coarse) {
  test::ScenarioBuilder b("random band");
  std::uniform_int_distribution<int> level_count(1, 6);
  std::vector<int> levels;
  for (int k = 0; k < issues; ++k) {
    const int count = level_count(rng);
    levels.push_back(count);
    std::vector<std::string> choices;
    for (int l = 0; l < count; ++l) choices.push_back(name("v", static_cast<std::size_t>(l)));
    b.options(name("i", static_cast<std::size_t>(k)), choices);
  }
  std::uniform_int_distribution<int> step(0, 4);
  std::uniform_real_distribution<double> real(0.0, 1.0);
  for (int p = 0; p < parties; ++p) {
    test::PartyBuilder& party = b.party(name("P", static_cast<std::size_t>(p)), "hardliner");
    for (int k = 0; k < issues; ++k) {
      const std::string issue = name("i", static_cast<std::size_t>(k));
      std::vector<double> values;
      for (int l = 0; l < levels[static_cast<std::size_t>(k)]; ++l)
        values.push_back(coarse ? step(rng) / 4.0 : real(rng));
      party.table(issue, values);
      party.weight(issue, coarse ? 1.0 + step(rng) : 0.1 + real(rng));
    }
  }
  return b.build();
}

// Models of every party but `party`, fed a few offers each: random ones, or one offer repeated
// (flat ratings, ties everywhere), or none at all for some.
std::vector<FrequencyOpponentModel> random_models(std::mt19937_64& rng, const OutcomeSpace& space,
                                                  const OutcomeLevels& levels, int parties,
                                                  int party) {
  std::vector<FrequencyOpponentModel> models;
  std::uniform_int_distribution<std::int64_t> outcome(0, space.size() - 1);
  std::uniform_int_distribution<int> offers(0, 12);
  std::uniform_int_distribution<int> kind(0, 3);
  for (int q = 0; q < parties; ++q) {
    if (q == party) continue;
    FrequencyOpponentModel model(space, &levels);
    const int count = q == (party == 0 ? 1 : 0) ? 1 + offers(rng) : offers(rng);
    const int how = kind(rng);
    const std::int64_t fixed = outcome(rng);
    for (int i = 0; i < count; ++i) model.observe(how == 0 ? fixed : outcome(rng));
    models.push_back(model);
  }
  return models;
}

TEST(BandSearch, BranchAndBoundEqualsTheScanOnRandomDomainsModelsAndBands) {
  std::mt19937_64 rng(20261203);
  std::uniform_int_distribution<int> issue_count(2, 8);  // 8: past the scan's unrolled cases
  std::uniform_int_distribution<int> party_count(2, 3);
  std::uniform_int_distribution<int> coin(0, 1);
  int compared = 0;
  int ties = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const int parties = party_count(rng);
    const ScenarioPtr scenario = random_scenario(rng, issue_count(rng), parties, coin(rng) == 1);
    const OutcomeSpace space(*scenario, 0);
    const OutcomeLevels levels(space);
    std::uniform_int_distribution<int> pick_party(0, parties - 1);
    const int party = pick_party(rng);
    const std::vector<FrequencyOpponentModel> models =
        random_models(rng, space, levels, parties, party);
    std::vector<const FrequencyOpponentModel*> raters;
    for (const FrequencyOpponentModel& m : models) raters.push_back(&m);
    const std::vector<std::int32_t>& ranking = space.ranking(party);
    const Eigen::ArrayXd& utility = space.utilities(party);
    BandSearch search;
    search.prepare(space);
    const auto size = ranking.size();
    std::uniform_int_distribution<std::size_t> position(0, size - 1);
    for (int band = 0; band < 20; ++band) {
      std::size_t a = position(rng), b = position(rng);
      if (a > b) std::swap(a, b);
      if (band == 0) a = 0, b = size - 1;  // the whole ranking
      const std::size_t scanned = BandSearch::scan(ranking, a, b, raters.data(), raters.size());
      const std::size_t searched =
          search.branch_and_bound(space, utility, ranking, a, b, raters.data(), raters.size());
      ASSERT_EQ(searched, scanned) << "trial " << trial << ", positions " << a << ".." << b;
      EXPECT_EQ(search.best(space, utility, ranking, a, b, raters.data(), raters.size()), scanned);
      ++compared;
      // Count the bands whose winner ties with another outcome of the band (the tie rule at work).
      double top = -1.0;
      int at_top = 0;
      for (std::size_t k = a; k <= b; ++k) {
        double r = 0.0;
        for (const auto* m : raters) r += m->utility(ranking[k]);
        if (r > top) top = r, at_top = 0;
        if (r == top) ++at_top;
      }
      if (at_top > 1) ++ties;
    }
  }
  EXPECT_EQ(compared, 400 * 20);
  EXPECT_GT(ties, 500);  // the tie rule was exercised, not only unique maxima
}

TEST(BandSearch, RatesFewerOutcomesThanTheBandHoldsOnALargeTrack) {
  // Seven issues of 6 x 4 x 4 x 3 x 4 x 3 x 2 = 6,912 outcomes, the size of the Istanbul
  // scenario's political track; opposed preferences; a model fed offers near the opponent's best.
  test::ScenarioBuilder b("large");
  const std::vector<int> counts = {6, 4, 4, 3, 4, 3, 2};
  for (std::size_t k = 0; k < counts.size(); ++k) {
    std::vector<std::string> choices;
    for (int l = 0; l < counts[k]; ++l) choices.push_back(name("v", static_cast<std::size_t>(l)));
    b.options(name("i", static_cast<std::size_t>(k)), choices);
  }
  b.party("A", "hardliner");
  test::PartyBuilder& other = b.party("B", "hardliner");
  for (std::size_t k = 0; k < counts.size(); ++k) {
    std::vector<double> down;
    for (int l = 0; l < counts[k]; ++l) down.push_back(1.0 - l / (counts[k] - 1.0));
    other.table(name("i", static_cast<std::size_t>(k)), down)
        .weight(name("i", static_cast<std::size_t>(k)), 1.0 + static_cast<double>(k));
  }
  const ScenarioPtr scenario = b.build();
  const OutcomeSpace space(*scenario, 0);
  const OutcomeLevels levels(space);
  FrequencyOpponentModel model(space, &levels);
  for (int i = 0; i < 10; ++i) model.observe(space.ranking(1)[static_cast<std::size_t>(i * 3)]);
  const FrequencyOpponentModel* raters[1] = {&model};
  const std::vector<std::int32_t>& ranking = space.ranking(0);
  BandSearch search;
  search.prepare(space);
  // The band of own utility [0.5, 0.55]: hundreds of outcomes.
  std::size_t first = 0, cheapest = 0;
  for (std::size_t k = 0; k < ranking.size(); ++k) {
    const double u = space.utilities(0)[ranking[k]];
    if (u >= 0.55) first = k + 1;
    if (u >= 0.5) cheapest = k;
  }
  ASSERT_GT(cheapest + 1 - first, 300u);
  const std::size_t searched =
      search.branch_and_bound(space, space.utilities(0), ranking, first, cheapest, raters, 1);
  EXPECT_EQ(searched, BandSearch::scan(ranking, first, cheapest, raters, 1));
  EXPECT_LT(search.last_rated(), (cheapest + 1 - first) / 4);
}

}  // namespace
}  // namespace parley
