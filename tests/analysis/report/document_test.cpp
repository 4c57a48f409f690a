#include "analysis/report/document.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(Document, RendersMarkdownAndEscapedHtml) {
  Document d("A <title>");
  d.heading(2, "Part")
      .paragraph("a & b")
      .list({"one", "two"})
      .table({{"x", "points"}, {"a|b", "12.5"}});
  d.page_break();
  const std::string md = d.markdown();
  EXPECT_EQ(md,
            "# A <title>\n\n## Part\n\na & b\n\n- one\n- two\n\n| x | points |\n|---|---|\n"
            "| a\\|b | 12.5 |\n\n---\n");
  const std::string html = d.html();
  EXPECT_NE(html.find("<h1>A &lt;title&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("<p>a &amp; b</p>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">12.5</td>"), std::string::npos);
  EXPECT_NE(html.find("<hr class=\"page-break\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace parley
