#include "analysis/charts/report_page.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(ReportPage, SpecsRoundTripThroughThePageAndTextIsEscaped) {
  ReportPage page;
  page.title = "Run: <Istanbul> & co";
  XYChart c;
  c.title = "a </script> title";
  c.lines = {{1, 0.5, "RU", "", "note </script>"}};
  page.sections.push_back({"Dance", "text", {xy_chart(c)}});
  page.sections.push_back({"Empty", "", {}});
  EXPECT_EQ(page.chart_count(), 1u);
  const std::string html = html_page(page, "window.vega = {};");
  EXPECT_NE(html.find("Run: &lt;Istanbul&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(html.find("</script> title"), std::string::npos);  // would end the element early
  const auto specs = embedded_specs(html);
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0], xy_chart(c).spec);
  EXPECT_NE(html.find("window.vega = {};"), std::string::npos);
  EXPECT_NE(html.find("figure class=\"chart\" id=\"chart-1\""), std::string::npos);
}

TEST(ReportPage, TheRuntimeIsInlinedUntouchedButForClosingScriptTags) {
  const std::string html = html_page({}, "s.replace(/</g, '&lt;'); var t = '</SCRIPT>';");
  EXPECT_NE(html.find("s.replace(/</g, '&lt;');"), std::string::npos);
  EXPECT_NE(html.find("var t = '<\\/SCRIPT>';"), std::string::npos);
}

TEST(ReportPage, HtmlEscapeCoversTheFiveCharacters) {
  EXPECT_EQ(html_escape("a<b>&\"c"), "a&lt;b&gt;&amp;&quot;c");
}

}  // namespace
}  // namespace parley
