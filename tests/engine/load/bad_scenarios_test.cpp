// Every file in tests/data/bad/ must fail to load with exactly the one-line message in its
// .expected file, both through the library and through `parley validate` (exit status 2).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;
const char* const kBadDir = "tests/data/bad";

// Paths in messages are relative to the repository root, as a user would type them there.
class BadScenarios : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fs::current_path(PARLEY_SOURCE_DIR); }
};

std::vector<std::string> bad_files() {
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(kBadDir))
    if (entry.path().extension() == ".json")
      files.push_back(std::string(kBadDir) + "/" + entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string expected_message(const std::string& json_file) {
  const std::string path = json_file.substr(0, json_file.size() - 5) + ".expected";
  std::ifstream in(path);
  EXPECT_TRUE(in) << "missing " << path;
  std::string line;
  std::getline(in, line);
  return line;
}

TEST_F(BadScenarios, HoldsAtLeastThirtyCasesEachWithItsMessage) {
  const std::vector<std::string> files = bad_files();
  EXPECT_GE(files.size(), 30u);
  for (const std::string& file : files) EXPECT_FALSE(expected_message(file).empty()) << file;
}

TEST_F(BadScenarios, EachFailsToLoadWithItsExactMessage) {
  for (const std::string& file : bad_files()) {
    SCOPED_TRACE(file);
    try {
      load_scenario(file, builtin_agents());
      ADD_FAILURE() << file << " loaded without an error";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), expected_message(file));
      EXPECT_EQ(e.file(), file);
      EXPECT_GT(e.line(), 0);  // every case here is inside the file
    }
  }
}

// Runs `command`, returns its exit status and what it wrote to stderr.
std::pair<int, std::string> run_for_stderr(const std::string& command) {
  std::string err;
  FILE* pipe = popen((command + " 2>&1 >/dev/null").c_str(), "r");
  if (!pipe) return {-1, ""};
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    err.append(buffer.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, err};
}

TEST_F(BadScenarios, ParleyValidateExitsWithStatusTwoAndTheMessage) {
  for (const std::string& file : bad_files()) {
    SCOPED_TRACE(file);
    const auto [status, err] =
        run_for_stderr(std::string("'") + PARLEY_BINARY + "' validate '" + file + "'");
    EXPECT_EQ(status, 2);
    EXPECT_NE(err.find(expected_message(file)), std::string::npos) << "stderr: " << err;
  }
}

TEST_F(BadScenarios, ParleyValidateReportsAMissingFile) {
  const auto [status, err] =
      run_for_stderr(std::string("'") + PARLEY_BINARY + "' validate tests/data/bad/absent.json");
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("tests/data/bad/absent.json: error: expected a scenario file, found no file "
                     "at this path"),
            std::string::npos)
      << err;
}

}  // namespace
}  // namespace parley
