#include "engine/scenario/display_name.hpp"

#include <gtest/gtest.h>

#include "engine/scenario/scenario.hpp"

namespace parley {
namespace {

TEST(DisplayName, TheLabelWhenThereIsOneElseTheId) {
  Track track;
  track.id = "humanitarian";
  EXPECT_EQ(display_name(track), "humanitarian");
  track.label = "Humanitarian track";
  EXPECT_EQ(display_name(track), "Humanitarian track");
}

}  // namespace
}  // namespace parley
