#include "agents/builtin_agents.hpp"

#include <gtest/gtest.h>

#include <set>

namespace parley {
namespace {

TEST(BuiltinAgents, RegistersEveryBuiltinModel) {
  // The built-in models: concession, learning, equilibrium and stakeholder agents.
  const std::set<std::string> expected = {"time-dependent",
                                          "boulware",
                                          "linear",
                                          "conceder",
                                          "hardliner",
                                          "tit-for-tat",
                                          "rubinstein",
                                          "zeuthen",
                                          "random",
                                          "bayesian",
                                          "war-equilibrium",
                                          "micro",
                                          "expected-utility",
                                          "attrition-equilibrium",
                                          "screening-equilibrium"};
  const auto names = builtin_agents().names();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), expected);
}

TEST(BuiltinAgents, EveryModelIsDocumentedAndItsDefaultsAreValid) {
  for (const AgentModel* model : builtin_agents().models()) {
    SCOPED_TRACE(model->name);
    EXPECT_FALSE(model->summary.empty());
    EXPECT_TRUE(static_cast<bool>(model->create));
    std::set<std::string> seen;
    for (const ParamSpec& p : model->params) {
      SCOPED_TRACE(p.name);
      EXPECT_TRUE(seen.insert(p.name).second) << "parameter names are unique";
      EXPECT_FALSE(p.doc.empty());
      EXPECT_LE(p.min, p.default_value);
      EXPECT_LE(p.default_value, p.max);
    }
    std::map<std::string, double> resolved;
    EXPECT_FALSE(builtin_agents().resolve(model->name, {}, resolved).has_value());
    EXPECT_EQ(resolved.size(), model->params.size());
  }
}

TEST(BuiltinAgents, RegisteringTwiceKeepsOneEntryPerName) {
  AgentRegistry registry;
  register_builtin_agents(registry);
  register_builtin_agents(registry);
  EXPECT_EQ(registry.names(), builtin_agents().names());
}

}  // namespace
}  // namespace parley
