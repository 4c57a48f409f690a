// Golden text: what a user reads in the terminal (parley run, summary, analyze, agents,
// forecast, tournament, validate's warnings), pinned byte for byte so that a change of wording
// or of number style is seen in review. The commands are listed in tests/golden/text/commands.txt;
// after an intended change, regenerate with scripts/update-golden.sh and read the diff.
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "cli_test_support.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;

struct GoldenCommand {
  std::string name;     // the golden file under tests/golden/text/
  std::string command;  // a bash command line with $PARLEY and $TMP
};

// CTest lists a case by its golden file, not by the struct's bytes.
void PrintTo(const GoldenCommand& g, std::ostream* os) {
  *os << g.name;
}

std::vector<GoldenCommand> golden_commands() {
  std::vector<GoldenCommand> out;
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/golden/text/commands.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto bar = line.find(" | ");
    if (bar == std::string::npos) continue;
    out.push_back({line.substr(0, bar), line.substr(bar + 3)});
  }
  return out;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs one command as scripts/update-golden.sh does: bash, repository root, a fresh $TMP.
std::string output_of(const GoldenCommand& g) {
  const fs::path tmp =
      fs::temp_directory_path() / ("parley-golden-text-" + std::to_string(getpid()) + "-" + g.name);
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  const std::string command = "cd '" + std::string(PARLEY_SOURCE_DIR) + "' && PARLEY='" +
                              PARLEY_BINARY + "' TMP='" + tmp.string() + "' bash -c " +
                              shell_quote(g.command);
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    pclose(pipe);
  }
  fs::remove_all(tmp);
  return out;
}

class GoldenText : public ::testing::TestWithParam<GoldenCommand> {};

TEST_P(GoldenText, PrintsItsGoldenFileByteForByte) {
  const GoldenCommand& g = GetParam();
  const std::string golden =
      read_file(std::string(PARLEY_SOURCE_DIR) + "/tests/golden/text/" + g.name);
  ASSERT_FALSE(golden.empty()) << "tests/golden/text/" << g.name
                               << " is missing: run scripts/update-golden.sh";
  EXPECT_EQ(output_of(g), golden) << "the text of `" << g.command
                                  << "` changed; if intended, run scripts/update-golden.sh "
                                  << "and review git diff tests/golden/text";
}

TEST(GoldenTextList, CoversEveryTextCommand) {
  std::string all;
  for (const GoldenCommand& g : golden_commands()) all += g.command + "\n";
  for (const char* command :
       {" run ", " summary ", " analyze ", " agents", " forecast ", " tournament ", " validate "})
    EXPECT_NE(all.find(std::string("$PARLEY") + command), std::string::npos) << command;
}

std::string test_name(const ::testing::TestParamInfo<GoldenCommand>& info) {
  std::string name;
  for (const char c : info.param.name.substr(0, info.param.name.size() - 4))
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Commands, GoldenText, ::testing::ValuesIn(golden_commands()), test_name);

}  // namespace
}  // namespace parley::testing
