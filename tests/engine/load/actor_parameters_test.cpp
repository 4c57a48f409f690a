#include "engine/load/actor_parameters.hpp"

#include <gtest/gtest.h>

#include "engine/input_error.hpp"
#include "engine/load/vary_option.hpp"
#include "tests/support/ec_car_emissions.hpp"

namespace parley {
namespace {

std::vector<ActorSlot> bind(const std::vector<std::string>& vary) {
  UncertaintySpec spec;
  for (const std::string& v : vary) spec.set(parse_vary(v));
  return bind_actor_parameters(spec, forecast::ec_car_emissions_table());
}

std::string error_of(const std::vector<std::string>& vary) {
  try {
    bind(vary);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ActorParameters, BindsCapabilityPositionAndSalience) {
  const std::vector<ActorSlot> slots =
      bind({"/actors/members/1/positions/standard=triangular(5, 7, 9)",
            "/actors/members/6/saliences/standard=beta(9, 1)",
            "/actors/members/4/capability=lognormal(2.77, 0.2)"});
  ASSERT_EQ(slots.size(), 3u);
  EXPECT_EQ(slots[0].kind, ActorSlotKind::Position);
  EXPECT_EQ(slots[0].actor, 1);
  EXPECT_EQ(slots[0].dimension, 0);
  EXPECT_EQ(slots[0].column, "/actors/members/Belgium/positions/standard");
  EXPECT_EQ(slots[1].kind, ActorSlotKind::Salience);
  EXPECT_EQ(slots[2].kind, ActorSlotKind::Capability);

  forecast::ActorTable table = forecast::ec_car_emissions_table();
  const double values[] = {8.5, 0.25, 20};
  apply_actor_parameters(slots, values, table);
  EXPECT_EQ(table.actors[1].positions[0], 8.5);
  EXPECT_EQ(table.actors[6].saliences[0], 0.25);
  EXPECT_EQ(table.actors[4].capability, 20);
}

TEST(ActorParameters, RefusesWhatCannotVary) {
  EXPECT_NE(
      error_of({"/actors/members/10/capability=fixed(1)"}).find("an actor's index from 0 to 9"),
      std::string::npos);
  EXPECT_NE(error_of({"/actors/members/0/positions/speed=fixed(5)"})
                .find("a dimension id after /positions/ (standard)"),
            std::string::npos);
  EXPECT_NE(error_of({"/actors/members/0/risk=fixed(1)"}).find("/actors/members/P/capability"),
            std::string::npos);
  EXPECT_NE(error_of({"/parties/0/preferences/discount=fixed(0.9)"}).find("forecast sweep"),
            std::string::npos);
}

TEST(ActorParameters, RefusesDistributionsThatLeaveTheLegalRange) {
  // A position off the scale, a salience past 1, a capability that can be 0: parley neither
  // truncates nor redraws.
  EXPECT_NE(error_of({"/actors/members/0/positions/standard=uniform(3, 5)"})
                .find("legal range [4, 10] of the position of Netherlands on standard"),
            std::string::npos);
  EXPECT_NE(error_of({"/actors/members/0/saliences/standard=normal(0.8, 0.1)"})
                .find("legal range [0, 1]"),
            std::string::npos);
  EXPECT_NE(error_of({"/actors/members/0/capability=uniform(0, 10)"}).find("(0, inf)"),
            std::string::npos);
}

TEST(ActorParameters, RefusesANumberVariedTwice) {
  UncertaintySpec spec;
  spec.parameters.push_back(parse_vary("/actors/members/0/capability=fixed(1)"));
  spec.parameters.push_back(parse_vary("/actors/members/0/capability=fixed(2)"));
  EXPECT_THROW(bind_actor_parameters(spec, forecast::ec_car_emissions_table()), InputError);
}

}  // namespace
}  // namespace parley
