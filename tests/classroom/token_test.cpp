#include "classroom/token.hpp"

#include <gtest/gtest.h>

#include <set>

namespace parley {
namespace {

TEST(Token, FortyHexDigitsAndNeverTheSameTwice) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const std::string t = new_token();
    EXPECT_TRUE(looks_like_token(t)) << t;
    EXPECT_TRUE(seen.insert(t).second) << "a repeated token: " << t;
  }
  // 160 bits: every hex digit shows up in every position over many tokens (not a counter).
  std::set<char> first;
  for (const auto& t : seen) first.insert(t[0]);
  EXPECT_EQ(first.size(), 16u);
}

TEST(Token, SameTokenOnlyForEqualNonEmptyText) {
  const std::string t = new_token();
  EXPECT_TRUE(same_token(t, t));
  std::string other = t;
  other.back() = other.back() == 'a' ? 'b' : 'a';
  EXPECT_FALSE(same_token(t, other));
  EXPECT_FALSE(same_token(t, t.substr(0, 39)));
  EXPECT_FALSE(same_token("", ""));
  EXPECT_FALSE(looks_like_token(t.substr(1)));
  EXPECT_FALSE(looks_like_token(std::string(40, 'g')));
  EXPECT_FALSE(looks_like_token(std::string(40, 'A')));
}

}  // namespace
}  // namespace parley
