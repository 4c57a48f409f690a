#include "classroom/pages.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

const std::string kPages[] = {join_page_html(), instructor_page_html(), seat_page_html()};

TEST(Pages, WholeDocumentsThatLoadNothingFromElsewhere) {
  for (const std::string& page : kPages) {
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(page.find("</html>"), std::string::npos);
    // Offline on a classroom LAN: no address of another server, no loaded file.
    EXPECT_EQ(page.find("http://"), std::string::npos);
    EXPECT_EQ(page.find("https://"), std::string::npos);
    EXPECT_EQ(page.find(" src="), std::string::npos);
    EXPECT_EQ(page.find("<link"), std::string::npos);
    EXPECT_EQ(page.find("@import"), std::string::npos);
  }
}

TEST(Pages, TokensTravelInTheFragmentAndTheAuthorizationHeaderOnly) {
  for (const char* page : {instructor_page_html(), seat_page_html()}) {
    const std::string text = page;
    EXPECT_NE(text.find("location.hash"), std::string::npos);
    EXPECT_NE(text.find("'Authorization': 'Bearer ' + TOKEN"), std::string::npos);
    EXPECT_EQ(text.find("?token"), std::string::npos);
    EXPECT_EQ(text.find("localStorage"), std::string::npos);
    EXPECT_EQ(text.find("document.cookie"), std::string::npos);
    // Text from the scenario or the server is never parsed as markup, except the brief, which
    // the server renders with every text escaped.
    std::size_t uses = 0;
    for (auto at = text.find("innerHTML"); at != std::string::npos;
         at = text.find("innerHTML", at + 1))
      ++uses;
    EXPECT_LE(uses, 1u);
  }
  EXPECT_NE(std::string(seat_page_html()).find("/api/seat/move"), std::string::npos);
  EXPECT_NE(std::string(instructor_page_html()).find("/api/instructor/class"), std::string::npos);
}

}  // namespace
}  // namespace parley
