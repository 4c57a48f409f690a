#include "engine/load/text_pattern.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>
#include <string>

#include "tests/support/sanitizer.hpp"

namespace parley {
namespace {

TEST(TextPattern, MatchesTheSchemasPatternsLikeARegex) {
  const TextPattern id("^[A-Za-z][A-Za-z0-9_-]*$");
  EXPECT_TRUE(id.search("ceasefire"));
  EXPECT_TRUE(id.search("a"));
  EXPECT_TRUE(id.search("P-1_b"));
  EXPECT_FALSE(id.search(""));
  EXPECT_FALSE(id.search("1a"));
  EXPECT_FALSE(id.search("a b"));
  EXPECT_FALSE(id.search("a\n"));

  const TextPattern date("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  EXPECT_TRUE(date.search("2025-06-02"));
  EXPECT_FALSE(date.search("2025-6-02"));
  EXPECT_FALSE(date.search("12025-06-02"));
  EXPECT_FALSE(date.search("2025-06-021"));

  const TextPattern pointer("^/");
  EXPECT_TRUE(pointer.search("/parties/0"));
  EXPECT_TRUE(pointer.search("/"));
  EXPECT_FALSE(pointer.search("parties/0"));
  EXPECT_FALSE(pointer.search(""));
}

TEST(TextPattern, AgreesWithStdRegexOnQuantifiersAndUnanchoredSearch) {
  const std::vector<std::string> patterns = {"a*a",     "^a?b+$", "x{2,3}y",   "^[^0-9]+$", "b.c",
                                             "^a{2,}$", "\\.js$", "^[a-c-]*z", "ab?c{1,2}"};
  const std::vector<std::string> texts = {"",   "a",    "aa",    "b",    "ab",   "abb",
                                          "xy", "xxy",  "xxxxy", "bxc",  "a.js", "ajs",
                                          "-z", "c-az", "9",     "abcc", "acc",  "aaa"};
  for (const std::string& p : patterns) {
    const TextPattern linear(p);
    const std::regex reference(p);
    for (const std::string& t : texts)
      EXPECT_EQ(linear.search(t), std::regex_search(t, reference)) << p << " on \"" << t << "\"";
  }
}

TEST(TextPattern, RefusesWhatItCannotMatchLinearly) {
  for (const char* p : {"(ab)*", "a|b", "\\d+", "a{3", "[ab", "a*?", "a{1001}"})
    EXPECT_THROW(TextPattern{p}, std::invalid_argument) << p;
}

// Every pattern of the scenario schema compiles: the schema stays within the subset.
TEST(TextPattern, CompilesEveryPatternOfTheScenarioSchema) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/scenarios/scenario.schema.json");
  const nlohmann::json schema = nlohmann::json::parse(in);
  int found = 0;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& node) {
    if (node.is_object()) {
      if (node.contains("pattern") && node["pattern"].is_string()) {
        EXPECT_NO_THROW(TextPattern{node["pattern"].get<std::string>()});
        ++found;
      }
      for (const auto& [key, child] : node.items()) walk(child);
    } else if (node.is_array()) {
      for (const auto& child : node) walk(child);
    }
  };
  walk(schema);
  EXPECT_GE(found, 3);
}

// A 1,000,000-letter text: std::regex's recursive matcher overflows the stack on 32,768.
TEST(TextPattern, MatchesAMillionLettersInLinearTimeAndConstantStack) {
  const std::string letters(1'000'000, 'a');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(TextPattern("^[A-Za-z][A-Za-z0-9_-]*$").search(letters));
  EXPECT_FALSE(TextPattern("^[A-Za-z][A-Za-z0-9_-]*$").search(letters + " "));
  EXPECT_TRUE(is_id(letters));
  EXPECT_LT(std::chrono::steady_clock::now() - start,
            std::chrono::seconds(5 * testing::kSanitizerSlowdown));
}

TEST(TextPattern, IsIdIsTheSchemasIdPattern) {
  EXPECT_TRUE(is_id("a"));
  EXPECT_TRUE(is_id("Ceasefire-2_b"));
  EXPECT_FALSE(is_id(""));
  EXPECT_FALSE(is_id("_a"));
  EXPECT_FALSE(is_id("a.b"));
  EXPECT_FALSE(is_id("Smith 2001, p. 4"));
  EXPECT_FALSE(is_id("é"));
}

}  // namespace
}  // namespace parley
