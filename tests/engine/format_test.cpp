#include "engine/format.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace parley {
namespace {

TEST(Format, ThousandsSeparated) {
  EXPECT_EQ(format_thousands(0), "0");
  EXPECT_EQ(format_thousands(999), "999");
  EXPECT_EQ(format_thousands(6000), "6,000");
  EXPECT_EQ(format_thousands(-1234567), "-1,234,567");
}

TEST(Format, NumberDropsTrailingZeros) {
  EXPECT_EQ(format_number(0.5, 3), "0.5");
  EXPECT_EQ(format_number(2.0, 3), "2");
  EXPECT_EQ(format_number(-0.0001, 3), "0");
}

TEST(Format, AmountDigitsBySize) {
  // The analyst's `57651.216414 people`.
  EXPECT_EQ(format_amount(57651.216414), "57,651");
  EXPECT_EQ(format_amount(999.7), "1,000");
  EXPECT_EQ(format_amount(765.4), "765");
  EXPECT_EQ(format_amount(76.54), "76.5");
  EXPECT_EQ(format_amount(7.648), "7.65");
  EXPECT_EQ(format_amount(0.7654), "0.765");
  EXPECT_EQ(format_amount(0.07654), "0.0765");
  EXPECT_EQ(format_amount(0.0), "0");
  EXPECT_EQ(format_amount(1.3e-07), "1.3e-07");
  EXPECT_EQ(format_amount(1.04e-06), "1.04e-06");
  EXPECT_EQ(format_amount(-22471.9), "-22,472");
  EXPECT_EQ(format_amount(std::numeric_limits<double>::quiet_NaN()), "-");
}

TEST(Format, QuantityCarriesItsUnit) {
  EXPECT_EQ(format_quantity(57651.216414, "people"), "57,651 people");
  EXPECT_EQ(format_quantity(9.75, "$bn"), "9.75 $bn");
  EXPECT_EQ(format_quantity(3, ""), "3");
}

TEST(Format, CountTakesSingularOrPlural) {
  EXPECT_EQ(format_count(1, "run"), "1 run");
  EXPECT_EQ(format_count(2000, "run"), "2,000 runs");
  EXPECT_EQ(format_count(2, "party", "parties"), "2 parties");
}

TEST(Format, PercentAndItsIntervalInPercent) {
  EXPECT_EQ(format_percent(0.832), "83.2%");
  EXPECT_EQ(format_percent(0), "0%");
  EXPECT_EQ(format_percent(1), "100%");
  EXPECT_EQ(format_percent(0.0002), "<0.1%");
  EXPECT_EQ(format_percent(0.9998), ">99.9%");
  // Never 83.2% beside [0.83, 0.835].
  EXPECT_EQ(format_share(0.832, 0.829, 0.835), "83.2% [82.9%, 83.5%]");
  EXPECT_EQ(format_percent_interval(0, 0.05), "[0%, 5%]");
}

TEST(Format, UtilityHasThreeDecimals) {
  EXPECT_EQ(format_utility(0.65432), "0.654");
  EXPECT_EQ(format_utility(1.0), "1");
}

TEST(Format, LegendNamesEachShortId) {
  EXPECT_EQ(format_legend({{"RU", "Russia"}, {"UA", "Ukraine"}}), "RU = Russia; UA = Ukraine");
  EXPECT_EQ(format_legend({{"A", "A"}}), "A");
}

}  // namespace
}  // namespace parley
