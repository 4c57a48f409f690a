#include "analysis/charts/vega_runtime.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

namespace parley {
namespace {

TEST(VegaRuntime, AssemblesEveryModuleAndTheVegaObject) {
  if (!std::filesystem::exists(vega_directory() + "/vega-util.min.js"))
    GTEST_SKIP() << "libjs-vega is not installed (scripts/install-deps.sh installs it)";
  const std::string js = vega_runtime_script();
  for (const char* m : {"'vega-util'", "'vega-parser'", "'vega-view'", "'topojson-client'"})
    EXPECT_NE(js.find(std::string("__parleyModules[") + m + "]="), std::string::npos) << m;
  EXPECT_NE(js.find("window.vega=v"), std::string::npos);
  EXPECT_GT(js.size(), 300'000u);
}

TEST(VegaRuntime, AMissingFolderNamesTheDebianPackage) {
  try {
    vega_runtime_script("/nonexistent/vega");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("libjs-vega"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("PARLEY_VEGA_DIR"), std::string::npos);
  }
}

}  // namespace
}  // namespace parley
