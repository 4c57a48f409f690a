#include "engine/load/agent_override.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

std::string source_path(const std::string& relative) {
  return std::string(PARLEY_SOURCE_DIR) + "/" + relative;
}

// The message of the InputError `f` throws, or "" when it throws none.
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(AgentOverride, ParsesModelAndParameters) {
  const AgentOverride o = parse_agent_override("UA=boulware:e=0.05, floor=0.1");
  EXPECT_EQ(o.party, "UA");
  EXPECT_EQ(o.model, "boulware");
  ASSERT_EQ(o.params.size(), 2u);
  EXPECT_DOUBLE_EQ(o.params.at("e"), 0.05);
  EXPECT_DOUBLE_EQ(o.params.at("floor"), 0.1);
  EXPECT_TRUE(parse_agent_override("RU=hardliner").params.empty());
}

TEST(AgentOverride, MalformedTextNamesTheShape) {
  for (const char* bad : {"UA", "=boulware", "UA=", "UA=boulware:e", "UA=boulware:e=x",
                          "UA=boulware:e=1,e=2", "UA=boulware:e=inf"}) {
    const std::string message = error_of([&] { parse_agent_override(bad); });
    EXPECT_NE(message.find("--agent: error"), std::string::npos) << bad << ": " << message;
  }
  EXPECT_NE(error_of([] { parse_agent_override("UA"); }).find("ID=MODEL[:param=value,...]"),
            std::string::npos);
}

TEST(AgentOverride, ProgramCommandIsSplitIntoWordsAndAnOpenQuoteIsRefused) {
  const AgentOverride o = parse_agent_override("UA=program:cmd=python3 'my agent.py' --fast");
  EXPECT_EQ(o.command, (std::vector<std::string>{"python3", "my agent.py", "--fast"}));
  EXPECT_NE(error_of([] {
              parse_agent_override("UA=program:cmd=python3 'my agent.py");
            }).find("a closing ' in the command"),
            std::string::npos);
}

TEST(AgentOverride, ReplacesTheModelOfOnePartyOnly) {
  const auto& registry = builtin_agents();
  const auto base = load_scenario(source_path("scenarios/istanbul-2025-06.json"), registry);
  const auto changed =
      apply_agent_overrides(base, {parse_agent_override("UA=boulware:e=0.05")}, registry);
  EXPECT_EQ(changed->parties[1].agent.model, "boulware");
  EXPECT_DOUBLE_EQ(changed->parties[1].agent.params.at("e"), 0.05);
  EXPECT_EQ(changed->parties[0].agent.model, base->parties[0].agent.model);
  EXPECT_EQ(base->parties[1].agent.model, "conceder");  // the loaded scenario is untouched
  EXPECT_EQ(apply_agent_overrides(base, {}, registry), base);
}

TEST(AgentOverride, BadPartyModelOrParameterListsWhatIsValid) {
  const auto& registry = builtin_agents();
  const auto base = load_scenario(source_path("scenarios/istanbul-2025-06.json"), registry);
  auto message = [&](const std::string& text) {
    return error_of([&] { apply_agent_overrides(base, {parse_agent_override(text)}, registry); });
  };
  EXPECT_NE(message("XX=boulware").find("known: RU, UA"), std::string::npos);
  const std::string model = message("UA=bolware");
  EXPECT_NE(model.find("known: attrition-equilibrium, bayesian, boulware"), std::string::npos)
      << model;
  EXPECT_NE(model.find("did you mean \"boulware\""), std::string::npos) << model;
  const std::string param = message("UA=boulware:k=2");
  EXPECT_NE(param.find("e in [0, 1]"), std::string::npos) << param;
  EXPECT_NE(param.find("'k'"), std::string::npos) << param;
  EXPECT_NE(message("UA=boulware:e=7").find("found 7"), std::string::npos);
  // Rubinstein needs complete information and a single share issue.
  const std::string needs = message("UA=rubinstein");
  EXPECT_NE(needs.find("complete information"), std::string::npos) << needs;
  EXPECT_NE(needs.find("boulware"), std::string::npos) << needs;  // a model that can play
  const std::string twice = error_of([&] {
    apply_agent_overrides(base, parse_agent_overrides({"UA=linear", "UA=conceder"}), registry);
  });
  EXPECT_NE(twice.find("one --agent per party"), std::string::npos) << twice;
}

}  // namespace
}  // namespace parley
