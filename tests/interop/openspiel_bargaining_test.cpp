// OpenSpiel bargaining instances: every outcome's utilities, times the party's total weight,
// reproduce OpenSpiel's returns (the value of the items the player receives), and the rules
// map as documented (docs/interop.md).
#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "interop/openspiel_bargaining.hpp"

namespace parley {
namespace {

const std::string kData = std::string(PARLEY_SOURCE_DIR) + "/tests/data/openspiel/";

ScenarioPtr import_line(int line, const OpenSpielBargainingOptions& options = {}) {
  const auto json = import_openspiel_bargaining(kData + "instances.txt", line, options);
  return load_scenario_text(json.dump(2), "openspiel", builtin_agents());
}

TEST(OpenSpielBargaining, ReadsPoolAndValues) {
  const BargainingInstance i = read_bargaining_instance(kData + "instances.txt", 1);
  EXPECT_EQ(i.pool, (std::array<int, 3>{1, 2, 3}));
  EXPECT_EQ(i.values[0], (std::array<int, 3>{8, 1, 0}));
  EXPECT_EQ(i.values[1], (std::array<int, 3>{4, 0, 2}));
  const BargainingInstance j = read_bargaining_instance(kData + "instances.txt", 4);
  EXPECT_EQ(j.values[1], (std::array<int, 3>{10, 0, 0}));
}

// OpenSpiel's returns for a deal giving player 0 x_k items of type k: player 0 gets
// sum_k v0_k x_k, player 1 sum_k v1_k (pool_k - x_k).
TEST(OpenSpielBargaining, UtilitiesReproduceOpenSpielReturnsOnEveryOutcome) {
  for (int line = 1; line <= 4; ++line) {
    SCOPED_TRACE(line);
    const BargainingInstance inst = read_bargaining_instance(kData + "instances.txt", line);
    const ScenarioPtr s = import_line(line);
    ASSERT_EQ(s->issues.size(), 3u);
    const OutcomeSpace space(*s, 0);
    EXPECT_EQ(space.size(), (inst.pool[0] + 1) * (inst.pool[1] + 1) * (inst.pool[2] + 1));
    double scale[2] = {0.0, 0.0};
    for (int p = 0; p < 2; ++p)
      for (double w : s->parties[static_cast<std::size_t>(p)].preferences.weights) scale[p] += w;
    for (std::int64_t k = 0; k < space.size(); ++k) {
      const Deal deal = space.deal(k);
      double returns[2] = {0.0, 0.0};
      for (std::size_t t = 0; t < 3; ++t) {
        returns[0] += inst.values[0][t] * deal.values[t];
        returns[1] += inst.values[1][t] * (inst.pool[t] - deal.values[t]);
      }
      for (int p = 0; p < 2; ++p)
        EXPECT_NEAR(space.utilities(p)(k) * scale[p], returns[p], 1e-9) << "outcome " << k;
    }
    // The scale is the pool's worth to the player (10 in OpenSpiel's instances) plus the
    // documented small weight of each worthless item type.
    for (int p = 0; p < 2; ++p) {
      double worth = 0.0;
      int worthless = 0;
      for (std::size_t t = 0; t < 3; ++t) {
        worth += inst.values[static_cast<std::size_t>(p)][t] * inst.pool[t];
        worthless += inst.values[static_cast<std::size_t>(p)][t] == 0;
      }
      EXPECT_EQ(worth, 10.0);
      EXPECT_NEAR(scale[p], worth + worthless * kWorthlessItemWeight, 1e-12);
    }
  }
}

TEST(OpenSpielBargaining, RulesMapToTheProtocol) {
  OpenSpielBargainingOptions options;
  options.max_turns = 6;
  options.discount = 0.95;
  options.prob_end = 0.1;
  options.agents.models = {"conceder"};
  const ScenarioPtr s = import_line(2, options);
  EXPECT_EQ(s->protocol.kind, ProtocolKind::Alternating);
  EXPECT_EQ(s->protocol.opener, 0);
  EXPECT_EQ(s->protocol.deadline_rounds, 5);  // the 6th offer could not be answered
  EXPECT_EQ(s->protocol.breakdown_probability, 0.1);
  EXPECT_FALSE(s->protocol.walk_away);
  EXPECT_FALSE(s->protocol.complete_information);
  for (const Party& p : s->parties) {
    EXPECT_EQ(p.preferences.discount, 0.95);
    EXPECT_EQ(p.preferences.reservation[0], 0.0);  // no deal is worth 0
    EXPECT_EQ(p.agent.model, "conceder");
  }
  const ScenarioPtr d = import_line(2);
  EXPECT_EQ(d->protocol.deadline_rounds, 9);  // OpenSpiel's default max_turns = 10
  EXPECT_EQ(d->parties[0].preferences.discount, 1.0);
}

TEST(OpenSpielBargaining, BadLinesNameLineAndColumn) {
  const std::string path = kData + "bad_instances.txt";
  EXPECT_NO_THROW(read_bargaining_instance(path, 1));
  struct Case {
    int line;
    int column;
  };
  // 2: "1,2" (short pool); 3: two groups; 4: "x"; 5: an empty item type; 6: "-1".
  for (const Case c : {Case{2, 1}, Case{3, 1}, Case{4, 5}, Case{5, 1}, Case{6, 9}}) {
    try {
      read_bargaining_instance(path, c.line);
      ADD_FAILURE() << "line " << c.line << " was read";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), path);
      EXPECT_EQ(e.line(), c.line) << e.what();
      EXPECT_EQ(e.column(), c.column) << e.what();
    }
  }
  EXPECT_THROW(read_bargaining_instance(path, 7), InputError);  // past the end
  EXPECT_THROW(read_bargaining_instance(path, 0), InputError);  // lines count from 1
  EXPECT_THROW(read_bargaining_instance(kData + "absent.txt", 1), InputError);
}

TEST(OpenSpielBargaining, OptionsOutOfRangeAreRefused) {
  OpenSpielBargainingOptions options;
  options.max_turns = 1;
  EXPECT_THROW(import_openspiel_bargaining(kData + "instances.txt", 1, options), InputError);
  options = {};
  options.discount = 0.0;
  EXPECT_THROW(import_openspiel_bargaining(kData + "instances.txt", 1, options), InputError);
  options = {};
  options.prob_end = 1.0;
  EXPECT_THROW(import_openspiel_bargaining(kData + "instances.txt", 1, options), InputError);
}

}  // namespace
}  // namespace parley
