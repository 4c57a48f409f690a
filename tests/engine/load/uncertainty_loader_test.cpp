// The scenario file's uncertainty block (docs/scenario-format.md, "uncertainty";
// docs/sweep.md): both ways of writing a distribution load, and every mistake is reported at
// its file:line:column and JSON pointer.
#include "engine/load/uncertainty_loader.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

// A two-party split with the uncertainty block `block` (a JSON object text) on line 20.
std::string scenario_with(const std::string& block) {
  return R"J({
  "parley": 1,
  "meta": {"name": "u", "date": "2025-06-02"},
  "issues": [{"id": "x", "kind": "share", "label": "X", "min": 0, "max": 1}],
  "parties": [
    {"id": "A", "name": "A", "agent": {"model": "boulware"},
     "preferences": {"weights": {"x": 1}, "values": {"x": {"points": [[0, 0], [1, 1]]}},
                     "reservation": 0.2, "discount": 0.95}},
    {"id": "B", "name": "B", "agent": {"model": "linear"},
     "preferences": {"weights": {"x": 1}, "values": {"x": {"points": [[0, 1], [1, 0]]}},
                     "reservation": {"all": 0.2}}}
  ],
  "protocol": {"deadline_rounds": 20},







  "uncertainty": )J" +
         block + "\n}\n";
}

ScenarioPtr load(const std::string& block) {
  return load_scenario_text(scenario_with(block), "u.json", builtin_agents());
}

std::string load_error(const std::string& block) {
  try {
    load(block);
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "loaded: " << block;
  return "";
}

TEST(UncertaintyLoader, ReadsBothWaysOfWritingADistribution) {
  const ScenarioPtr s = load(R"J({"design": "latin-hypercube", "parameters": [
    {"pointer": "/parties/0/preferences/discount", "distribution": "uniform", "min": 0.9, "max": 0.99,
     "source": "judgement", "note": "why"},
    {"pointer": "/protocol/breakdown_probability", "distribution": "beta(2, 60)"},
    {"pointer": "/parties/0/agent/params/e", "distribution": "discrete", "values": [0.3, 0.1], "weights": [1, 3]},
    {"pointer": "/parties/1/preferences/reservation/all", "distribution": "truncated_normal",
     "mean": 0.2, "sd": 0.1, "min": 0, "max": 0.5}]
})J");
  const UncertaintySpec& u = s->uncertainty;
  EXPECT_EQ(u.design, DesignKind::LatinHypercube);
  ASSERT_EQ(u.parameters.size(), 4u);
  EXPECT_EQ(describe(u.parameters[0].distribution), "uniform(0.9, 0.99)");
  EXPECT_EQ(describe(u.parameters[1].distribution), "beta(2, 60, 0, 1)");
  EXPECT_EQ(describe(u.parameters[2].distribution), "discrete(0.1:3, 0.3:1)");
  EXPECT_EQ(u.parameters[3].pointer, "/parties/1/preferences/reservation/all");
  EXPECT_EQ(u.parameters[0].declared.file, "u.json");
  EXPECT_EQ(u.parameters[0].declared.line, 22);
  // No block: nothing uncertain.
  const std::string plain = scenario_with("{\"parameters\": []}");
  EXPECT_TRUE(
      load_scenario_text(plain, "p.json", builtin_agents())->uncertainty.parameters.empty());
}

TEST(UncertaintyLoader, ErrorsNameTheLineColumnAndPointer) {
  // The pointer names nothing that can vary.
  EXPECT_NE(
      load_error(R"J({"parameters": [{"pointer": "/issues/0/max", "distribution": "uniform(0, 1)"}]
})J")
          .find("u.json:21:46: error at /uncertainty/parameters/0/pointer: expected a number a "
                "sweep can vary"),
      std::string::npos);
  // The pointer exists but is not a number.
  EXPECT_NE(load_error(R"J({"parameters": [{"pointer": "/meta/name", "distribution": "fixed(1)"
  }]
  })J")
                .find("error at /uncertainty/parameters/0/pointer: expected a pointer to a number"),
            std::string::npos);
  // A field of the distribution that makes no sense: reported at that field.
  EXPECT_NE(
      load_error(R"J({"parameters": [
    {"pointer": "/parties/0/preferences/discount", "distribution": "uniform", "min": 0.99, "max": 0.9}]})J")
          .find(
              "u.json:22:99: error at /uncertainty/parameters/0/max: expected a number above min, "
              "found 0.9"),
      std::string::npos);
  // A missing field.
  EXPECT_NE(load_error(R"J({"parameters": [
    {"pointer": "/parties/0/preferences/discount", "distribution": "uniform", "min": 0.9}]})J")
                .find("expected \"max\" for a uniform distribution"),
            std::string::npos);
  // Out of the legal range.
  EXPECT_NE(load_error(R"J({"parameters": [
    {"pointer": "/parties/0/preferences/discount", "distribution": "normal", "mean": 0.95, "sd": 0.01}]})J")
                .find("legal range (0, 1] of a discount"),
            std::string::npos);
  // A bad short form, an unknown distribution, an unknown design, a field of another kind.
  EXPECT_NE(
      load_error(
          R"J({"parameters": [{"pointer": "/parties/0/preferences/discount", "distribution": "uniform(0.9)"
  }]
  })J")
          .find("error at /uncertainty/parameters/0/distribution: expected uniform needs max"),
      std::string::npos);
  EXPECT_NE(
      load_error(
          R"J({"parameters": [{"pointer": "/parties/0/preferences/discount", "distribution": "gauss"}]})J")
          .find("expected a distribution name"),
      std::string::npos);
  EXPECT_NE(load_error(R"J({"design": "sobol", "parameters": []})J").find("/uncertainty/design"),
            std::string::npos);
  EXPECT_NE(
      load_error(R"J({"parameters": [
    {"pointer": "/parties/0/preferences/discount", "distribution": "uniform", "min": 0.9, "max": 0.99, "sd": 1}]})J")
          .find("error at /uncertainty/parameters/0/sd: expected one of pointer, distribution"),
      std::string::npos);
  // The same number twice.
  EXPECT_NE(load_error(R"J({"parameters": [
    {"pointer": "/protocol/breakdown_probability", "distribution": "fixed(0.1)"
  },
    {"pointer": "/protocol/breakdown_probability", "distribution": "fixed(0.2)"}]
  })J")
                .find("each number varied once"),
            std::string::npos);
}

TEST(UncertaintyLoader, TheShippedScenarioLoadsWithItsBlock) {
  const ScenarioPtr s = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/istanbul-2025-06.json", builtin_agents());
  for (const UncertainParameter& p : s->uncertainty.parameters)
    EXPECT_GT(p.declared.line, 0) << p.pointer;
}

}  // namespace
}  // namespace parley
