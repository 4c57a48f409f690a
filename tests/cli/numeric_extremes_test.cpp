// A property of every numeric field of the scenario format: whatever extreme number a file
// holds there, parley refuses it with a message (exit 2) or handles it by design (exit 0),
// through validate, run, sweep and analyze: never a crash, a hang, an internal error or a
// "nan" or "inf" on screen. The fields come from the schema (scenarios/scenario.schema.json);
// the files are the shipped scenarios and the valid test scenarios, each field mutated where
// it first occurs (tests/data/extremes holds the numbers no other file has, so every field is
// reached; a field added to the schema must be added there too). JSON cannot hold NaN or infinity:
// the nearest things are numbers that overflow a double (1e309, a huge exponent), and -0 and the
// smallest denormal.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using Ordered = nlohmann::ordered_json;

// The extremes, as literals in the file.
const std::vector<std::string> kExtremes = {"1e309",  "-1e309", "1e999999", "1e308",
                                            "-1e308", "0",      "-0",       "5e-324"};

struct Result {
  int status = -1;  // the shell's: 128 + signal for a crash, 137 for the timeout's kill
  std::string out;  // stdout and stderr
};

// Runs parley with a time limit (a hang is killed and reported as status 137).
Result run_limited(const std::string& args, int seconds) {
  const std::string command = std::string("cd '") + PARLEY_SOURCE_DIR + "' && timeout -s KILL " +
                              std::to_string(seconds) + " '" + PARLEY_BINARY + "' " + args +
                              " 2>&1; echo \"#status=$?\"";
  Result result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  pclose(pipe);
  const std::size_t mark = result.out.rfind("#status=");
  if (mark != std::string::npos) {
    result.status = std::stoi(result.out.substr(mark + 8));
    result.out.resize(mark);
  }
  return result;
}

// "nan" or "inf" as a word of its own (not "financial", "infantry").
bool shows_non_number(const std::string& text) {
  const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const std::string word : {"nan", "inf"}) {
    for (std::size_t at = lower.find(word); at != std::string::npos;
         at = lower.find(word, at + 1)) {
      const bool before = at > 0 && letter(lower[at - 1]);
      const bool after = at + word.size() < lower.size() && letter(lower[at + word.size()]);
      if (!before && !after) return true;
    }
  }
  return false;
}

// The names of the schema's numeric fields: properties whose type allows a number, "NAME/*"
// for maps and arrays of numbers (weights, tables, points).
std::set<std::string> numeric_fields(const Json& schema) {
  std::set<std::string> names;
  std::function<bool(const Json&, int)> numeric = [&](const Json& s, int depth) {
    if (!s.is_object() || depth > 8) return false;
    if (s.contains("$ref")) {
      const std::string ref = s["$ref"].get<std::string>();
      return numeric(schema.at(Json::json_pointer(ref.substr(1))), depth + 1);
    }
    if (s.contains("type")) {
      const Json& t = s["type"];
      for (const std::string kind : {"number", "integer"})
        if ((t.is_string() && t == kind) ||
            (t.is_array() && std::find(t.begin(), t.end(), kind) != t.end()))
          return true;
    }
    for (const char* group : {"oneOf", "anyOf"})
      if (s.contains(group))
        for (const Json& branch : s[group])
          if (numeric(branch, depth + 1)) return true;
    return false;
  };
  std::function<bool(const Json&, int)> holds_numbers = [&](const Json& s, int depth) {
    if (!s.is_object() || depth > 8) return false;
    if (s.contains("$ref"))
      return holds_numbers(schema.at(Json::json_pointer(s["$ref"].get<std::string>().substr(1))),
                           depth + 1);
    if (s.contains("additionalProperties") && numeric(s["additionalProperties"], 0)) return true;
    if (s.contains("items")) {
      const Json& items = s["items"];
      if (items.is_array()) {
        for (const Json& item : items)
          if (numeric(item, 0)) return true;
      } else if (numeric(items, 0) || holds_numbers(items, depth + 1)) {
        return true;
      }
    }
    return false;
  };
  std::function<void(const Json&)> walk = [&](const Json& node) {
    if (node.is_object()) {
      if (node.contains("properties") && node["properties"].is_object())
        for (const auto& [name, sub] : node["properties"].items()) {
          if (numeric(sub, 0)) names.insert(name);
          if (holds_numbers(sub, 0)) names.insert(name + "/*");
        }
      for (const auto& [key, child] : node.items()) walk(child);
    } else if (node.is_array()) {
      for (const Json& child : node) walk(child);
    }
  };
  walk(schema);
  return names;
}

bool is_index(const std::string& token) {
  return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// A numeric value in a file: where it is, and the schema field it belongs to.
struct Site {
  std::string file;
  std::string pointer;
  std::string field;
};

// The first site of each field in `file`: the field is the value's own property name when the
// schema has it, else its nearest named ancestor's "NAME/*".
void collect_sites(const std::string& file, const std::set<std::string>& fields,
                   std::map<std::string, Site>& first) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/" + file);
  const Json doc = Json::parse(in);
  std::function<void(const Json&, std::vector<std::string>&)> walk =
      [&](const Json& v, std::vector<std::string>& tokens) {
        if (v.is_number()) {
          std::string pointer;
          for (const std::string& t : tokens) pointer += "/" + t;
          std::string field;
          if (!tokens.empty() && !is_index(tokens.back()) && fields.count(tokens.back()))
            field = tokens.back();
          for (std::size_t k = tokens.size(); field.empty() && k-- > 0;)
            if (!is_index(tokens[k]) && fields.count(tokens[k] + "/*")) field = tokens[k] + "/*";
          if (!field.empty() && !first.count(field)) first[field] = Site{file, pointer, field};
          return;
        }
        if (v.is_object()) {
          for (const auto& [key, child] : v.items()) {
            tokens.push_back(key);
            walk(child, tokens);
            tokens.pop_back();
          }
        } else if (v.is_array()) {
          for (std::size_t i = 0; i < v.size(); ++i) {
            tokens.push_back(std::to_string(i));
            walk(v[i], tokens);
            tokens.pop_back();
          }
        }
      };
  std::vector<std::string> tokens;
  walk(doc, tokens);
}

// `file` with the number at `pointer` written as `literal` (which JSON libraries may not
// hold: 1e309 overflows a double).
std::string mutated(const Site& site, const std::string& literal) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/" + site.file);
  Ordered doc = Ordered::parse(in);
  const std::string marker = "@@EXTREME@@";
  doc[Ordered::json_pointer(site.pointer)] = marker;
  std::string text = doc.dump(1);
  const std::size_t at = text.find("\"" + marker + "\"");
  text.replace(at, marker.size() + 2, literal);
  return text;
}

TEST(NumericExtremes, EveryNumericFieldIsRefusedOrHandledThroughEveryCommand) {
  std::ifstream schema_in(std::string(PARLEY_SOURCE_DIR) + "/scenarios/scenario.schema.json");
  const std::set<std::string> fields = numeric_fields(Json::parse(schema_in));
  ASSERT_GT(fields.size(), 40u);

  // Small files first: each field is mutated in the smallest file that has it.
  std::vector<std::string> files;
  for (const char* folder :
       {"scenarios/textbook", "tests/data/world", "tests/data/history", "tests/data/mediation",
        "tests/data/phased", "tests/data/extremes", "scenarios"})
    for (const auto& entry : fs::directory_iterator(fs::path(PARLEY_SOURCE_DIR) / folder))
      if (entry.path().extension() == ".json" && entry.path().filename() != "scenario.schema.json")
        files.push_back(fs::relative(entry.path(), PARLEY_SOURCE_DIR).string());
  std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    return fs::file_size(fs::path(PARLEY_SOURCE_DIR) / a) <
           fs::file_size(fs::path(PARLEY_SOURCE_DIR) / b);
  });
  std::map<std::string, Site> sites;
  for (const std::string& file : files) collect_sites(file, fields, sites);
  // Every field is found in some file (a new one belongs in tests/data/extremes).
  std::string uncovered;
  for (const std::string& f : fields)
    if (!sites.count(f)) uncovered += " " + f;
  EXPECT_EQ(uncovered, "") << "numeric fields in no file:" << uncovered;
  std::cout << "numeric fields mutated: " << sites.size() << " of " << fields.size() << "\n";

  const fs::path dir = fs::temp_directory_path() / ("parley-extremes-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  int accepted = 0;
  int refused = 0;
  for (const auto& [field, site] : sites) {
    for (const std::string& literal : kExtremes) {
      const std::string path = (dir / "mutated.json").string();
      {
        std::ofstream out(path);
        out << mutated(site, literal);
      }
      const std::string what = site.file + " " + site.pointer + " = " + literal;
      const Result validate = run_limited("validate '" + path + "'", 20);
      ASSERT_TRUE(validate.status == 0 || validate.status == 2)
          << what << ": validate exit " << validate.status << "\n"
          << validate.out;
      EXPECT_FALSE(shows_non_number(validate.out)) << what << "\n" << validate.out;
      if (validate.status == 2) {
        EXPECT_NE(validate.out.find("mutated.json:"), std::string::npos) << what << validate.out;
        ++refused;
        continue;
      }
      ++accepted;
      fs::remove_all(dir / "sweep");
      std::vector<std::pair<std::string, std::string>> commands = {
          {"run", "run '" + path + "' --seed 1"},
          {"analyze", "analyze '" + path + "'"},
          {"sweep",
           "sweep '" + path + "' --runs 6 --threads 1 --out '" + (dir / "sweep").string() + "'"}};
      // A forecast scenario's numbers (actors, the model's choices) are read by forecast.
      if (site.pointer.rfind("/actors", 0) == 0)
        commands.push_back({"forecast", "forecast '" + path + "'"});
      for (const auto& [name, args] : commands) {
        const Result r = run_limited(args, 60);
        EXPECT_TRUE(r.status == 0 || r.status == 2)
            << what << ": " << name << " exit " << r.status << "\n"
            << r.out.substr(0, 2000);
        EXPECT_FALSE(shows_non_number(r.out)) << what << ": " << name << "\n"
                                              << r.out.substr(0, 4000);
        if (r.status == 2) {
          EXPECT_NE(r.out.find("error"), std::string::npos) << what << ": " << name << r.out;
        }
      }
      const std::string summary = testing::read_file((dir / "sweep" / "summary.json").string());
      EXPECT_FALSE(shows_non_number(summary)) << what << ": summary.json";
    }
  }
  std::cout << "extremes refused: " << refused << ", accepted and run: " << accepted << "\n";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley
