// Packages and cycles of tracks waiting for each other (engine/scenario/track_links.hpp).
#include "engine/scenario/track_links.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TrackCondition agreed(int track) {
  return {track, TrackState::Agreed};
}

TEST(TrackLinks, PackagesAreSymmetricAndTransitive) {
  std::vector<TrackLinks> links(4);
  links[0].package = {1};
  links[2].package = {1};
  const std::vector<int> group = package_groups(links);
  EXPECT_EQ(group, (std::vector<int>{0, 0, 0, -1}));
}

TEST(TrackLinks, AChainIsNoCycle) {
  std::vector<TrackLinks> links(3);
  links[1].opens_when = {agreed(0)};
  links[2].opens_when = {agreed(1), {0, TrackState::CarriedOut}};
  EXPECT_TRUE(find_waiting_cycle(links).empty());
}

TEST(TrackLinks, FindsACycleOfOpeningConditions) {
  std::vector<TrackLinks> links(3);
  links[0].opens_when = {agreed(2)};
  links[1].opens_when = {agreed(0)};
  links[2].opens_when = {agreed(1)};
  EXPECT_EQ(find_waiting_cycle(links), (std::vector<int>{0, 2, 1, 0}));
}

TEST(TrackLinks, APackageMemberWaitingForItsPartnerIsACycle) {
  std::vector<TrackLinks> links(2);
  links[0].package = {1};
  links[1].opens_when = {agreed(0)};
  EXPECT_EQ(find_waiting_cycle(links), (std::vector<int>{1, 0, 1}));
}

TEST(TrackLinks, APackageAloneOrAClosingConditionIsNoCycle) {
  std::vector<TrackLinks> links(2);
  links[0].package = {1};
  links[1].package = {0};
  links[0].closes_when = {{1, TrackState::Failed}};
  links[1].closes_when = {{0, TrackState::Failed}};
  EXPECT_TRUE(find_waiting_cycle(links).empty());
}

TEST(TrackLinks, StatesAreSpelledAsInTheFile) {
  EXPECT_STREQ(to_string(TrackState::CarriedOut), "carried_out");
  EXPECT_STREQ(to_string(TrackState::NotCarriedOut), "not_carried_out");
  EXPECT_STREQ(to_string(LinkChange::PackageFell), "package-fell");
}

}  // namespace
}  // namespace parley
