#include "engine/forecast/actor_table.hpp"

#include <gtest/gtest.h>

#include "tests/support/ec_car_emissions.hpp"

namespace parley::forecast {
namespace {

TEST(ForecastActorTable, ShippedTableIsUsable) {
  EXPECT_EQ(check_actor_table(ec_car_emissions_table()), "");
}

TEST(ForecastActorTable, NamesWhatIsWrong) {
  ActorTable t = ec_car_emissions_table();
  t.actors[2].positions[0] = 11;
  EXPECT_NE(check_actor_table(t).find("off the scale"), std::string::npos);
  t = ec_car_emissions_table();
  t.actors[2].saliences[0] = 1.5;
  EXPECT_NE(check_actor_table(t).find("salience"), std::string::npos);
  t = ec_car_emissions_table();
  t.actors[3].id = t.actors[2].id;
  EXPECT_NE(check_actor_table(t).find("twice"), std::string::npos);
  t = ec_car_emissions_table();
  t.actors[0].risk_exponent = 3.0;
  EXPECT_NE(check_actor_table(t).find("risk exponent"), std::string::npos);
  t = ec_car_emissions_table();
  t.actors.resize(1);
  EXPECT_NE(check_actor_table(t).find("two actors"), std::string::npos);
  t = ec_car_emissions_table();
  t.dimensions[0].high = t.dimensions[0].low;
  EXPECT_NE(check_actor_table(t).find("no scale"), std::string::npos);
}

}  // namespace
}  // namespace parley::forecast
