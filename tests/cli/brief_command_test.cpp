// parley brief as a user runs it.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

using testing::read_file;
using testing::run_parley;

TEST(BriefCommand, WritesAPartysBriefInMarkdown) {
  const auto r = run_parley("brief scenarios/korea-1951-53.json --party COM");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("# Korea 1951-53"), std::string::npos);
  EXPECT_NE(r.out.find("## Confidential brief: Korean People's Army"), std::string::npos);
  EXPECT_EQ(r.out.find("Confidential brief: United Nations Command"), std::string::npos);
}

TEST(BriefCommand, WritesTheInstructorsBriefAsHtml) {
  const std::string out = ::testing::TempDir() + "/instructor-brief.html";
  std::filesystem::remove(out);
  const auto r = run_parley(
      "brief scenarios/korea-1951-53.json --instructor --format html --out " + out, true);
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string html = read_file(out);
  EXPECT_NE(html.find("<h2>Analysis (instructor only)</h2>"), std::string::npos);
  EXPECT_NE(html.find("Kalai–Smorodinsky"), std::string::npos);
  EXPECT_NE(html.find("<h3>What happened</h3>"), std::string::npos);
}

TEST(BriefCommand, AnUnknownPartyIsBadInputListingTheParties) {
  const auto r = run_parley("brief scenarios/korea-1951-53.json --party XX", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("UNC, COM"), std::string::npos) << r.out;
  const auto none = run_parley("brief scenarios/korea-1951-53.json", true);
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.out.find("--party"), std::string::npos) << none.out;
}

}  // namespace
}  // namespace parley
