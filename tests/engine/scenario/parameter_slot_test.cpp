// Binding uncertain parameters (docs/sweep.md, "What can vary"): every kind of number binds
// to its typed slot, and every mistake is an InputError that says where and what.
#include "engine/scenario/parameter_slot.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "tests/support/sweep_fixture.hpp"

namespace parley {
namespace {

using testing::sweep_fixture_scenario;
using testing::vary;

ParameterSlot bind(const std::string& pointer, const std::string& distribution) {
  return bind_parameter(vary(pointer, distribution), *sweep_fixture_scenario(), builtin_agents());
}

std::string bind_error(const std::string& pointer, const std::string& distribution) {
  try {
    bind(pointer, distribution);
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << pointer << " bound";
  return "";
}

TEST(ParameterSlot, BindsEveryKindOfNumber) {
  const ParameterSlot discount = bind("/parties/1/preferences/discount", "uniform(0.9, 1)");
  EXPECT_EQ(discount.kind, SlotKind::Discount);
  EXPECT_EQ(discount.party, 1);
  EXPECT_EQ(discount.baseline, 0.99);
  EXPECT_EQ(bind("/parties/0/preferences/cost_per_round", "fixed(0)").kind, SlotKind::CostPerRound);
  const ParameterSlot all = bind("/parties/0/preferences/reservation", "uniform(0, 1)");
  EXPECT_EQ(all.kind, SlotKind::Reservation);
  EXPECT_EQ(all.track, -1);
  EXPECT_EQ(bind("/parties/0/preferences/reservation/terms", "uniform(0, 1)").track, 1);
  EXPECT_EQ(bind("/protocol/breakdown_probability", "beta(2, 30)").kind,
            SlotKind::BreakdownProbability);
  const ParameterSlot deadline = bind("/protocol/deadline_rounds", "discrete(10, 20, 30)");
  EXPECT_TRUE(deadline.integer);
  // Agent parameters: the file need not set them (defaults count); the slot knows the
  // parameter's place in the model's table, in name order (band, e, exponential, floor, genius,
  // horizon, kappa, negmas_clock).
  const ParameterSlot e = bind("/parties/0/agent/params/e", "uniform(0.1, 0.5)");
  EXPECT_EQ(e.kind, SlotKind::AgentParameter);
  EXPECT_EQ(e.agent_parameter, 1);
  EXPECT_EQ(e.baseline, 0.2);
  EXPECT_EQ(bind("/parties/0/agent/params/horizon", "fixed(50)").agent_parameter, 5);
}

TEST(ParameterSlot, RefusesPointersToNothingThatCanVary) {
  EXPECT_NE(bind_error("/parties/2/preferences/discount", "uniform(0.9, 1)")
                .find("a party index at /parties/2 (0 = A, 1 = B)"),
            std::string::npos);
  EXPECT_NE(bind_error("/parties/0/preferences/discount/x", "uniform(0.9, 1)")
                .find("a number a sweep can vary"),
            std::string::npos);
  EXPECT_NE(bind_error("/issues/0/max", "uniform(0.9, 1)").find("a number a sweep can vary"),
            std::string::npos);
  EXPECT_NE(bind_error("parties/0/preferences/discount", "uniform(0.9, 1)")
                .find("a JSON pointer starting with '/'"),
            std::string::npos);
  EXPECT_NE(bind_error("/parties/0/preferences/reservation/war", "uniform(0, 1)")
                .find("a track id after /reservation/ (money, terms)"),
            std::string::npos);
  EXPECT_NE(bind_error("/parties/1/agent/params/e", "uniform(0, 1)")
                .find("a parameter of agent model 'linear' (floor, horizon, kappa, exponential, "
                      "negmas_clock, band, genius)"),
            std::string::npos);
}

TEST(ParameterSlot, RefusesDistributionsThatLeaveTheLegalRange) {
  const std::string normal = bind_error("/parties/0/preferences/discount", "normal(0.95, 0.02)");
  EXPECT_NE(normal.find("--vary: error at /parties/0/preferences/discount"), std::string::npos);
  EXPECT_NE(normal.find("legal range (0, 1] of a discount"), std::string::npos);
  EXPECT_NE(normal.find("found normal(0.95, 0.02), which reaches (-inf, inf)"), std::string::npos);
  EXPECT_NE(bind_error("/protocol/breakdown_probability", "uniform(0, 1)").find("[0, 1)"),
            std::string::npos);
  EXPECT_NE(bind_error("/parties/0/agent/params/e", "uniform(0.5, 2)").find("[0, 1]"),
            std::string::npos);
  EXPECT_NE(bind_error("/protocol/deadline_rounds", "uniform(10, 30)").find("whole numbers"),
            std::string::npos);
  EXPECT_NE(bind_error("/protocol/deadline_rounds", "discrete(10, 20.5)").find("whole numbers"),
            std::string::npos);
  EXPECT_NE(bind_error("/parties/0/preferences/discount", "uniform(0.99, 0.9)")
                .find("max a number above min"),
            std::string::npos);
}

TEST(ParameterSlot, EachNumberVariesOnce) {
  UncertaintySpec spec;
  spec.parameters = {vary("/parties/0/preferences/reservation", "uniform(0, 1)"),
                     vary("/parties/0/preferences/reservation/money", "uniform(0, 1)")};
  EXPECT_THROW(bind_parameters(spec, *sweep_fixture_scenario(), builtin_agents()), InputError);
}

TEST(ParameterSlot, ErrorsFromAFileNameTheEntry) {
  UncertainParameter p = vary("/parties/0/preferences/discount", "uniform(0, 1)");
  p.declared = {"s.json", 12, 7, "/uncertainty/parameters/0"};
  try {
    bind_parameter(p, *sweep_fixture_scenario(), builtin_agents());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "s.json");
    EXPECT_EQ(e.line(), 12);
    EXPECT_EQ(e.column(), 7);
    EXPECT_EQ(e.pointer(), "/uncertainty/parameters/0");
  }
}

}  // namespace
}  // namespace parley
