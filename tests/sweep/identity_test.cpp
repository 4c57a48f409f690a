#include "sweep/identity.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/random/distribution.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

TEST(SweepIdentity, NamesTheScenarioFileSeedRunsAndParameters) {
  test::ScenarioBuilder b("identity");
  b.share("x", 0, 1);
  b.party("A", "hardliner");
  b.party("B", "hardliner");
  const ScenarioPtr scenario = b.build();
  UncertaintySpec spec;
  UncertainParameter p;
  p.pointer = "/protocol/breakdown_probability";
  std::string error;
  p.distribution = *parse_distribution("uniform(0,0.1)", error);
  spec.set(p);
  const auto slots = bind_parameters(spec, *scenario, builtin_agents());
  const nlohmann::json id =
      sweep_identity(*scenario, "some/dir/file.json", "bytes", 7, 100, spec, slots);
  EXPECT_EQ(id["scenario"]["file"], "file.json");
  EXPECT_EQ(id["scenario"]["name"], "identity");
  EXPECT_EQ(id["seed"], 7);
  EXPECT_EQ(id["runs"], 100);
  EXPECT_EQ(id["design"], "monte-carlo");
  ASSERT_EQ(id["parameters"].size(), 1u);
  EXPECT_EQ(id["parameters"][0]["pointer"], "/protocol/breakdown_probability");
  EXPECT_NE(id["scenario"]["fingerprint"],
            sweep_identity(*scenario, "file.json", "other bytes", 7, 100, spec,
                           slots)["scenario"]["fingerprint"]);
  EXPECT_FALSE(id.contains("grid_levels"));
}

TEST(SweepIdentity, ItsUncertaintyRebuildsASpecWithTheSameIdentity) {
  test::ScenarioBuilder b("identity");
  b.share("x", 0, 1);
  b.party("A", "hardliner");
  b.party("B", "hardliner");
  const ScenarioPtr scenario = b.build();
  UncertaintySpec spec;
  spec.design = DesignKind::Grid;
  spec.grid_levels = 3;
  std::string error;
  for (const char* pointer :
       {"/protocol/breakdown_probability", "/parties/0/preferences/discount"}) {
    UncertainParameter p;
    p.pointer = pointer;
    p.distribution = *parse_distribution("uniform(0.5,0.9)", error);
    spec.set(p);
  }
  const auto slots = bind_parameters(spec, *scenario, builtin_agents());
  const nlohmann::json id = sweep_identity(*scenario, "f.json", "bytes", 7, 9, spec, slots);
  const UncertaintySpec again = uncertainty_from_identity(id, "state.json");
  EXPECT_EQ(again.design, DesignKind::Grid);
  EXPECT_EQ(again.grid_levels, 3);
  EXPECT_EQ(sweep_identity(*scenario, "f.json", "bytes", 7, 9, again,
                           bind_parameters(again, *scenario, builtin_agents())),
            id);
  nlohmann::json bad = id;
  bad["parameters"][0]["distribution"] = "uniform(";
  EXPECT_THROW(uncertainty_from_identity(bad, "state.json"), InputError);
}

}  // namespace
}  // namespace parley
