// A party's criticism of a mediator's text (engine/criticism.hpp, docs/mediation.md): the way it
// wants each issue moved or kept, and its issues ranked by what a one-level move would change for
// it, read from its own utilities only.
#include "engine/criticism.hpp"

#include <gtest/gtest.h>

#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

struct Space {
  Space() {
    test::ScenarioBuilder b("criticism");
    b.share("x", 0.0, 1.0, 11);
    b.share("y", 0.0, 1.0, 11);
    b.options("z", {"a", "b", "c"});
    // A wants x high (weight 0.6), y low (0.3), and z at "b" (0.1), a peak in the middle.
    b.party("A", "hardliner")
        .weight("x", 0.6)
        .weight("y", 0.3)
        .weight("z", 0.1)
        .points("x", {{0.0, 0.0}, {1.0, 1.0}})
        .points("y", {{0.0, 1.0}, {1.0, 0.0}})
        .table("z", {0.0, 1.0, 0.0});
    // B cares only for x, and wants it low.
    b.party("B", "hardliner")
        .weight("x", 1.0)
        .weight("y", 0.0)
        .weight("z", 0.0)
        .points("x", {{0.0, 1.0}, {1.0, 0.0}})
        .points("y", {{0.0, 0.0}, {1.0, 1.0}})
        .table("z", {0.0, 0.0, 0.0});
    scenario = b.build();
    space = std::make_unique<OutcomeSpace>(*scenario, 0);
  }
  Deal at(int x, int y, int z) const {
    const int levels[3] = {x, y, z};
    return space->deal(space->outcome_of_levels(levels));
  }
  ScenarioPtr scenario;
  std::unique_ptr<OutcomeSpace> space;
};

TEST(Criticism, ObjectionsPointToTheBetterNeighbourRankedByStake) {
  Space s;
  const Criticism a = criticism_from_preferences(*s.space, 0, s.at(5, 5, 0));
  ASSERT_EQ(a.size, 3);
  EXPECT_EQ(a.direction[0], 1);   // x up: +0.06
  EXPECT_EQ(a.direction[1], -1);  // y down: +0.03
  EXPECT_EQ(a.direction[2], 1);   // z from "a" to "b": +0.1
  EXPECT_EQ(a.rank[2], 0);
  EXPECT_EQ(a.rank[0], 1);
  EXPECT_EQ(a.rank[1], 2);
  EXPECT_EQ(a.objections(), 3);
}

TEST(Criticism, AtItsBestAPartyAsksTheIssueToStay) {
  Space s;
  // x at its top and z at its peak: A objects only on y, and holds x and z.
  const Criticism a = criticism_from_preferences(*s.space, 0, s.at(10, 5, 1));
  EXPECT_EQ(a.direction[0], 0);
  EXPECT_EQ(a.direction[1], -1);
  EXPECT_EQ(a.direction[2], 0);
  EXPECT_EQ(a.rank[2], 0) << "moving z off its peak costs 0.1";
  EXPECT_EQ(a.rank[0], 1) << "moving x down costs 0.06";
  EXPECT_EQ(a.rank[1], 2);
  EXPECT_EQ(a.objections(), 1);
}

TEST(Criticism, IssuesAPartyDoesNotCareAboutAreUnranked) {
  Space s;
  const Criticism b = criticism_from_preferences(*s.space, 1, s.at(5, 5, 1));
  EXPECT_EQ(b.direction[0], -1);
  EXPECT_EQ(b.rank[0], 0);
  EXPECT_EQ(b.direction[1], 0);
  EXPECT_EQ(b.rank[1], -1);
  EXPECT_EQ(b.rank[2], -1);
}

TEST(Criticism, AnOffGridTextDrawsNoObjection) {
  Space s;
  Deal off = s.at(5, 5, 1);
  off.outcome = -1;
  off.values[0] = 0.55;
  const Criticism a = criticism_from_preferences(*s.space, 0, off);
  EXPECT_EQ(a.objections(), 0);
  EXPECT_EQ(a.rank[0], -1);
}

}  // namespace
}  // namespace parley
