#include "engine/scenario/calendar.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(Date, ParsesAndPrintsIsoDates) {
  Date d;
  ASSERT_TRUE(Date::parse("2025-06-02", d));
  EXPECT_EQ(d.to_string(), "2025-06-02");
  EXPECT_FALSE(Date::parse("2025-02-29", d));
  EXPECT_TRUE(Date::parse("2024-02-29", d));
  EXPECT_FALSE(Date::parse("2025-6-2", d));
  EXPECT_FALSE(Date::parse("2025-13-01", d));
}

TEST(Date, AddsDaysAcrossMonthsAndYears) {
  Date d;
  ASSERT_TRUE(Date::parse("2025-05-16", d));
  EXPECT_EQ(d.plus_days(17).to_string(), "2025-06-02");
  EXPECT_EQ(d.plus_days(68).to_string(), "2025-07-23");
  ASSERT_TRUE(Date::parse("1951-07-10", d));
  EXPECT_EQ(d.plus_days(748).to_string(), "1953-07-27");
}

TEST(RoundClock, DatesEachRound) {
  RoundClock clock;
  ASSERT_TRUE(Date::parse("2025-06-02", clock.start));
  clock.days_per_round = 7;
  EXPECT_EQ(clock.date_of(0).to_string(), "2025-06-02");
  EXPECT_EQ(clock.date_of(3).to_string(), "2025-06-23");
}

}  // namespace
}  // namespace parley
