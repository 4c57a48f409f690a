#include "engine/load/quoted_words.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

using Words = std::vector<std::string>;

TEST(QuotedWords, SplitsAtWhiteSpaceAndGroupsQuotedWords) {
  EXPECT_EQ(split_quoted_words("  a=1\tb=\"two words\" 'c d'  "),
            (Words{"a=1", "b=two words", "c d"}));
  EXPECT_EQ(split_quoted_words("python3 'my agent.py' --fast"),
            (Words{"python3", "my agent.py", "--fast"}));
  EXPECT_EQ(split_quoted_words(""), Words{});
  EXPECT_EQ(split_quoted_words("x=\"\""), Words{"x="});
}

TEST(QuotedWords, ReportsAQuoteLeftOpen) {
  char open = 'x';
  EXPECT_EQ(split_quoted_words("a \"b c", &open), (Words{"a", "b c"}));
  EXPECT_EQ(open, '"');
  split_quoted_words("a 'b' c", &open);
  EXPECT_EQ(open, 0);
}

}  // namespace
}  // namespace parley
