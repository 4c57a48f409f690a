#include "engine/forecast/model_parameters.hpp"

#include <gtest/gtest.h>

namespace parley::forecast {
namespace {

TEST(ForecastModelParameters, NamesRoundTrip) {
  for (WinProbability v : {WinProbability::kPair, WinProbability::kAllVotes}) {
    WinProbability back{};
    ASSERT_TRUE(parse(to_string(v), back));
    EXPECT_EQ(back, v);
  }
  for (OfferChoice v : {OfferChoice::kClosest, OfferChoice::kStrongest}) {
    OfferChoice back{};
    ASSERT_TRUE(parse(to_string(v), back));
    EXPECT_EQ(back, v);
  }
  for (Perspective v : {Perspective::kOwn, Perspective::kObserver}) {
    Perspective back{};
    ASSERT_TRUE(parse(to_string(v), back));
    EXPECT_EQ(back, v);
  }
  for (SecurityWeighting v : {SecurityWeighting::kNone, SecurityWeighting::kCapability}) {
    SecurityWeighting back{};
    ASSERT_TRUE(parse(to_string(v), back));
    EXPECT_EQ(back, v);
  }
  WinProbability w{};
  EXPECT_FALSE(parse("median", w));
}

TEST(ForecastModelParameters, DefaultsFollowThePublishedModel) {
  const ModelParameters p;
  EXPECT_EQ(p.q, 1.0);
  EXPECT_EQ(p.t, 1.0);
  EXPECT_EQ(p.win_probability, WinProbability::kPair);
  EXPECT_EQ(p.offer_choice, OfferChoice::kClosest);
}

}  // namespace
}  // namespace parley::forecast
