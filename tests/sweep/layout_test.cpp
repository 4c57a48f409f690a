// The sweep's layout (sweep/layout.hpp): the partial-dependence bin of a value, and the war and
// implementation outline surviving state.json's round trip, so merge and summary need no
// scenario file.
#include "sweep/layout.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

SweepLayout::ParameterInfo parameter(const std::string& text, int bins) {
  std::string error;
  const auto d = parse_distribution(text, error);
  EXPECT_TRUE(d) << error;
  return {"/protocol/breakdown_probability", *d, true, bins};
}

TEST(SweepLayout, BinsAreEquallyLikelyOrTheDiscreteValues) {
  SweepLayout l;
  l.parameters.push_back(parameter("uniform(0, 1)", 4));
  l.parameters.push_back(parameter("discrete(1.5, 2, 3)", 3));
  EXPECT_EQ(l.bin(0, 0.1), 0);
  EXPECT_EQ(l.bin(0, 0.3), 1);
  EXPECT_EQ(l.bin(0, 0.875), 3);  // a grid level at the middle of its stratum
  EXPECT_EQ(l.bin(0, 1.0), 3);
  EXPECT_EQ(l.bin(1, 1.5), 0);
  EXPECT_EQ(l.bin(1, 2.0), 1);
  EXPECT_EQ(l.bin(1, 3.0), 2);
}

TEST(SweepLayout, TheWarAndImplementationRoundTrip) {
  SweepLayout l;
  l.parties.push_back({"RU", "Russia", 0.0, 1.0});
  l.parties.push_back({"UA", "Ukraine", 0.0, 1.0});
  l.parameters.push_back(parameter("uniform(0, 0.1)", 10));
  l.grid = true;
  l.war.battlefield = true;
  l.war.up = 1;
  l.war.down = 0;
  l.war.kinds = {{"casualties", "Casualties", "people"}};
  l.war.costs = {{0, 0, 123456.5}};
  l.implementation.push_back({"bodies", "Bodies", "humanitarian", "pows"});
  const SweepLayout back = sweep_layout_from_json(to_json(l));
  EXPECT_EQ(back, l);
  EXPECT_EQ(back.parameters[0].bins, 10);
  EXPECT_TRUE(back.grid);
  EXPECT_EQ(back.war.costs[0].upper, 123456.5);
  EXPECT_EQ(back.implementation[0].issue, "pows");
}

}  // namespace
}  // namespace parley
