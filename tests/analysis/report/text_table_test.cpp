// Plain-text layout of the terminal reports: column widths and alignment, and word wrapping.
#include "analysis/report/text_table.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(TextTable, ColumnsAreAsWideAsTheirWidestCellAndNumbersAlignRight) {
  TextTable t({"track", "share"});
  t.row({"humanitarian", "81.8%"});
  t.row({"political", "5%"});
  EXPECT_EQ(t.text(),
            "  track         share\n"
            "  humanitarian  81.8%\n"
            "  political        5%\n");
  // UTF-8 counts by characters, and trailing spaces are dropped.
  TextTable u({"x", "y"}, 2);
  u.row({"±", ""});
  EXPECT_EQ(u.text(""), "x  y\n±\n");
}

TEST(WrapText, BreaksAtSpacesWithinTheWidth) {
  EXPECT_EQ(wrap_text("aa bb cc dd", "> ", "  ", 8), "> aa bb\n  cc dd\n");
  // Exactly the width fits; one more column breaks.
  EXPECT_EQ(wrap_text("abc def", "", "", 7), "abc def\n");
  EXPECT_EQ(wrap_text("abc def", "", "", 6), "abc\ndef\n");
  // A word longer than the width gets a line of its own; repeated spaces collapse.
  EXPECT_EQ(wrap_text("a  verylongword b", "- ", "  ", 6), "- a\n  verylongword\n  b\n");
  EXPECT_EQ(wrap_text("", "- ", "  ", 6), "- \n");
}

}  // namespace
}  // namespace parley
