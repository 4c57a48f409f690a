// The layers of docs/architecture.md, held by a test: every `#include "..."` of the project's
// sources is read and its folder checked against the rule below. An include that points upward
// (engine/ reading analysis/), across to a sibling (agents/ reading analysis/), into the loading
// room from the model, or into cli/ from anywhere fails here with the file and line.
//
// The same pass checks that every parameterised GoogleTest suite names its cases, so CTest
// lists `GeniusBadInput.IsRefused/nested_domain` rather than `136-byte object <B0-12 ...>`.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace parley {
namespace {

namespace fs = std::filesystem;

// Each folder (layer or room) and the folders its files may include: "engine" is the folder
// itself, "engine/*" the folder with every room below it. A folder not named here takes its rule
// from the nearest named parent. Keep this table and docs/architecture.md in step.
const std::map<std::string, std::set<std::string>>& include_rule() {
  static const std::map<std::string, std::set<std::string>> rule = {
      // The engine's top: the interfaces (Agent, Protocol, Event), registries, the Simulator and
      // RunState. It assembles the rooms, so it may read every room but the loaders.
      {"engine",
       {"engine", "engine/scenario", "engine/protocols", "engine/world", "engine/random"}},
      // The immutable model. A Scenario holds the world as written and the declared uncertainty.
      {"engine/scenario", {"engine", "engine/scenario", "engine/world", "engine/random"}},
      // Protocols implement the Protocol interface and see nothing else.
      {"engine/protocols", {"engine", "engine/protocols"}},
      {"engine/world", {"engine", "engine/world", "engine/scenario", "engine/random"}},
      {"engine/random", {"engine", "engine/random", "engine/scenario"}},
      // The stakeholder forecast: computation over an actor table, and random streams for runs
      // under an uncertain table.
      {"engine/forecast", {"engine", "engine/forecast", "engine/random"}},
      // Loading reads JSON into every room's types; no other room knows how it is read.
      {"engine/load", {"engine/*"}},
      {"agents", {"engine/*", "agents/*"}},
      {"interop", {"engine/*", "interop/*"}},
      // Statistics are pure: numbers in, numbers out, nothing of the engine.
      {"analysis/statistics", {"analysis/statistics"}},
      {"analysis/solutions", {"analysis/solutions", "engine/*"}},
      // Charts are pure too: data in, Vega specifications and an HTML page out.
      {"analysis/charts", {"analysis/charts"}},
      {"analysis/report",
       {"analysis/report", "analysis/charts", "analysis/statistics", "analysis/solutions",
        "engine/*"}},
      {"analysis", {"analysis/*", "engine/*"}},
      {"sweep", {"sweep/*", "analysis/*", "agents/*", "engine/*"}},
      {"play", {"play/*", "sweep/*", "analysis/*", "agents/*", "engine/*"}},
      {"python",
       {"python/*", "play/*", "sweep/*", "analysis/*", "agents/*", "interop/*", "engine/*"}},
      // The browser classroom: tables stepped by play/, served over HTTP; only the CLI above it.
      {"classroom", {"classroom/*", "play/*", "sweep/*", "analysis/*", "agents/*", "engine/*"}},
      {"cli",
       {"cli/*", "classroom/*", "play/*", "sweep/*", "analysis/*", "agents/*", "interop/*",
        "engine/*"}},
      // parley-mpi: the sweep command of the CLI, its blocks dealt to the ranks of an MPI job.
      {"mpi", {"mpi/*", "cli/*", "play/*", "sweep/*", "analysis/*", "agents/*", "engine/*"}},
      {"bench", {"bench/*", "sweep/*", "analysis/*", "agents/*", "interop/*", "engine/*"}},
      // The fuzz targets feed outside input to the readers of every layer below the front ends.
      {"fuzz", {"fuzz/*", "sweep/*", "analysis/*", "agents/*", "interop/*", "engine/*"}},
  };
  return rule;
}

// The most specific folder of the rule that holds `path` ("engine/world/events/x.hpp" ->
// "engine/world"); "" when none does.
std::string folder_of(const std::string& path) {
  std::string best;
  for (const auto& [folder, allowed] : include_rule()) {
    (void)allowed;
    if (path.rfind(folder + "/", 0) == 0 && folder.size() > best.size()) best = folder;
  }
  return best;
}

// Whether a file in `from` may include `target` (a path as written in the include).
bool allowed(const std::string& from, const std::string& target) {
  const std::string to = folder_of(target);
  if (to.empty()) return false;
  for (const auto& may : include_rule().at(from)) {
    if (may.size() > 2 && may.compare(may.size() - 2, 2, "/*") == 0) {
      const std::string layer = may.substr(0, may.size() - 2);
      if (to == layer || to.rfind(layer + "/", 0) == 0) return true;
    } else if (to == may) {
      return true;
    }
  }
  return false;
}

struct Violation {
  std::string file;
  int line = 0;
  std::string target;
};

std::vector<Violation> check(const std::string& file, const std::string& text) {
  std::vector<Violation> found;
  const std::string from = folder_of(file);
  if (from.empty()) return found;
  static const std::regex include_line(R"re(^\s*#\s*include\s+"([^"]+)")re");
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    std::smatch m;
    if (std::regex_search(line, m, include_line) && !allowed(from, m[1].str()))
      found.push_back({file, number, m[1].str()});
  }
  return found;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> project_sources(const std::vector<std::string>& top_folders) {
  std::vector<std::string> files;
  const fs::path root = PARLEY_SOURCE_DIR;
  for (const auto& top : top_folders) {
    if (!fs::exists(root / top)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp"))
        files.push_back(fs::relative(entry.path(), root).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(IncludeRule, EveryIncludeOfTheSourcesPointsDownOrWithin) {
  const auto files = project_sources({"engine", "agents", "analysis", "interop", "sweep", "play",
                                      "classroom", "python", "cli", "mpi", "bench", "fuzz"});
  ASSERT_GT(files.size(), 100u) << "sources not found under " << PARLEY_SOURCE_DIR;
  std::ostringstream report;
  int count = 0;
  for (const auto& file : files) {
    for (const auto& v : check(file, read(fs::path(PARLEY_SOURCE_DIR) / file))) {
      report << "  " << v.file << ":" << v.line << " includes \"" << v.target << "\"\n";
      ++count;
    }
  }
  EXPECT_EQ(count, 0) << "includes that break the layers of docs/architecture.md:\n"
                      << report.str();
}

TEST(IncludeRule, RefusesUpwardAcrossAndIntoTheLoaders) {
  // The checker itself, on includes it must refuse and accept.
  EXPECT_EQ(check("engine/simulator.cpp", "#include \"analysis/report/run_report.hpp\"").size(),
            1u);
  EXPECT_EQ(check("agents/zeuthen.cpp", "#include \"analysis/solutions/pareto.hpp\"").size(), 1u);
  EXPECT_EQ(check("engine/world/world.cpp", "#include \"engine/load/json_document.hpp\"").size(),
            1u);
  EXPECT_EQ(check("engine/protocols/single_text.cpp", "#include \"engine/world/world.hpp\"").size(),
            1u);
  EXPECT_EQ(check("analysis/statistics/moments.cpp", "#include \"engine/format.hpp\"").size(), 1u);
  EXPECT_EQ(check("sweep/runner.cpp", "#include \"cli/commands.hpp\"").size(), 1u);
  EXPECT_EQ(check("engine/world/events/open_track.cpp", "#include \"sweep/runner.hpp\"").size(),
            1u);
  EXPECT_EQ(check("engine/world/events/open_track.cpp", "#include \"engine/run_state.hpp\"").size(),
            0u);
  EXPECT_EQ(check("cli/run_command.cpp", "  #  include \"sweep/runner.hpp\"").size(), 0u);
  EXPECT_EQ(check("sweep/summary.cpp", "#include \"analysis/statistics/moments.hpp\"").size(), 0u);
  EXPECT_EQ(check("play/stepped_negotiation.cpp", "#include \"classroom/table.hpp\"").size(), 1u);
  EXPECT_EQ(check("classroom/server.cpp", "#include \"cli/commands.hpp\"").size(), 1u);
  EXPECT_EQ(check("python/bind_play.cpp", "#include \"classroom/table.hpp\"").size(), 1u);
  EXPECT_EQ(check("classroom/table.cpp", "#include \"play/stepped_negotiation.hpp\"").size(), 0u);
  EXPECT_EQ(check("cli/classroom_command.cpp", "#include \"classroom/server.hpp\"").size(), 0u);
  EXPECT_EQ(check("mpi/coordinator.cpp", "#include \"cli/sweep_command.hpp\"").size(), 0u);
  EXPECT_EQ(check("cli/sweep_command.cpp", "#include \"mpi/coordinator.hpp\"").size(), 1u);
  EXPECT_EQ(check("mpi/worker.cpp", "#include \"classroom/table.hpp\"").size(), 1u);
}

// The arguments of every INSTANTIATE_TEST_SUITE_P(...) call in `text`, counted at the call's
// top level (commas inside brackets, braces and strings do not count).
std::vector<int> instantiation_argument_counts(const std::string& text) {
  std::vector<int> counts;
  const std::string macro = "INSTANTIATE_TEST_SUITE_P(";
  for (auto at = text.find(macro); at != std::string::npos; at = text.find(macro, at + 1)) {
    int depth = 0, arguments = 1;
    bool in_string = false;
    for (std::size_t i = at + macro.size() - 1; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
        continue;
      }
      if (c == '"')
        in_string = true;
      else if (c == '(' || c == '{' || c == '[')
        ++depth;
      else if (c == ')' || c == '}' || c == ']') {
        if (--depth == 0) break;
      } else if (c == ',' && depth == 1)
        ++arguments;
    }
    counts.push_back(arguments);
  }
  return counts;
}

TEST(TestNames, EveryParameterisedSuiteNamesItsCases) {
  EXPECT_EQ(instantiation_argument_counts("INSTANTIATE_TEST_SUITE_P(A, B, Values(1, 2));"),
            std::vector<int>{3});
  EXPECT_EQ(instantiation_argument_counts(
                "INSTANTIATE_TEST_SUITE_P(A, B, Values(C{\"a,b\", 1}), [](auto& i) { f(i, 2); });"),
            std::vector<int>{4});
  std::ostringstream unnamed;
  for (const auto& file : project_sources({"tests"})) {
    if (file == "tests/architecture/include_rule_test.cpp") continue;  // its own examples
    for (int arguments : instantiation_argument_counts(read(fs::path(PARLEY_SOURCE_DIR) / file))) {
      if (arguments < 4) unnamed << "  " << file << "\n";
    }
  }
  EXPECT_EQ(unnamed.str(), "") << "parameterised suites without a name generator (CTest would "
                                  "list their cases as bytes):\n"
                               << unnamed.str();
}

}  // namespace
}  // namespace parley
