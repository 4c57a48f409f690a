#include "engine/load/json_document.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

// The message parse() throws for `text`, or "" when it parses.
std::string parse_error(const std::string& text) {
  try {
    JsonDocument::parse(text, "t.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(JsonDocument, KeepsValuesAndTheirPositions) {
  const std::string text =
      "{\n"
      "  \"a\": [1, 2.50, \"x\"],\n"
      "  \"b\": {\"c\": true, \"d/e~f\": null}\n"
      "}\n";
  const JsonDocument doc = JsonDocument::parse(text, "t.json");
  EXPECT_EQ(doc.root()["a"][1].get<double>(), 2.5);
  EXPECT_TRUE(doc.root()["a"][0].is_number_integer());
  EXPECT_EQ(doc.at("/b/c"), true);

  EXPECT_EQ(doc.position("").line, 1);
  EXPECT_EQ(doc.position("/a").line, 2);
  EXPECT_EQ(doc.position("/a").column, 8);
  EXPECT_EQ(doc.key_position("/a").column, 3);
  EXPECT_EQ(doc.position("/a/2").column, 18);
  EXPECT_EQ(doc.position("/b/c").line, 3);
  EXPECT_EQ(doc.position("/b/c").column, 14);
  // ~ and / in keys are escaped in pointers (RFC 6901).
  EXPECT_TRUE(doc.contains("/b/d~1e~0f"));
  EXPECT_EQ(doc.position("/b/d~1e~0f").column, 29);
  // An absent pointer falls back to its nearest present ancestor.
  EXPECT_EQ(doc.position("/b/missing").column, 8);
}

TEST(JsonDocument, CountsColumnsInCharactersNotBytes) {
  const JsonDocument doc = JsonDocument::parse("{\"é\": \"ü\", \"n\": 1}", "t.json");
  EXPECT_EQ(doc.position("/n").column, 17);
  EXPECT_EQ(doc.at("/é"), "ü");
}

TEST(JsonDocument, KeepsKeysInFileOrder) {
  const JsonDocument doc = JsonDocument::parse(R"({"z": 1, "a": 2, "m": {"y": 1, "b": 2}})", "t");
  EXPECT_EQ(doc.keys(""), (std::vector<std::string>{"z", "a", "m"}));
  EXPECT_EQ(doc.keys("/m"), (std::vector<std::string>{"y", "b"}));
  EXPECT_TRUE(doc.keys("/z").empty());
}

TEST(JsonDocument, DescribesValuesForMessages) {
  const JsonDocument doc = JsonDocument::parse(
      R"({"s": "0.9", "n": 1.50, "o": {}, "a": [1], "t": true, "z": null})", "t");
  EXPECT_EQ(doc.describe("/s"), "a string \"0.9\"");
  EXPECT_EQ(doc.describe("/n"), "a number 1.50");  // as written, not reformatted
  EXPECT_EQ(doc.literal("/n"), "1.50");
  EXPECT_EQ(doc.describe("/o"), "an empty object");
  EXPECT_EQ(doc.describe("/a"), "an array");
  EXPECT_EQ(doc.describe("/t"), "true");
  EXPECT_EQ(doc.describe("/z"), "null");
}

TEST(JsonDocument, DecodesEscapes) {
  const JsonDocument doc =
      JsonDocument::parse(R"(["a\"b\\c\/d\n", "\u00e9\ud83d\ude00", "\t"])", "t");
  EXPECT_EQ(doc.at("/0"), "a\"b\\c/d\n");
  EXPECT_EQ(doc.at("/1"), "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(doc.at("/2"), "\t");
}

TEST(JsonDocument, ParsesNumbersByJsonGrammar) {
  const JsonDocument doc =
      JsonDocument::parse("[0, -7, 1e3, 2.5E-1, 9223372036854775807, 18446744073709551616]", "t");
  EXPECT_EQ(doc.at("/1").get<long long>(), -7);
  EXPECT_EQ(doc.at("/2").get<double>(), 1000.0);
  EXPECT_EQ(doc.at("/3").get<double>(), 0.25);
  EXPECT_TRUE(doc.at("/4").is_number_integer());
  EXPECT_TRUE(doc.at("/5").is_number_float());  // too large for an integer: kept as a double
}

TEST(JsonDocument, SkipsAByteOrderMark) {
  EXPECT_EQ(JsonDocument::parse("\xEF\xBB\xBF{\"a\": 1}", "t").position("/a").column, 7);
}

TEST(JsonDocument, ReportsSyntaxErrorsWithLineColumnAndPointer) {
  EXPECT_EQ(parse_error("{\"a\": [1, 2,]}"),
            "t.json:1:13: error at /a/2: expected a value after \",\" (JSON allows no trailing "
            "comma), found \"]\"");
  EXPECT_EQ(parse_error("{\"a\": 1,\n}"),
            "t.json:2:1: error at /: expected a property name after \",\" (JSON allows no "
            "trailing comma), found \"}\"");
  EXPECT_EQ(parse_error("{\"a\": {\"b\": 1"),
            "t.json:1:14: error at /a: expected \",\" or \"}\" after a property of the object, "
            "found the end of the file");
  EXPECT_EQ(parse_error(""),
            "t.json:1:1: error at /: expected a JSON value, found the end of the file");
  EXPECT_EQ(parse_error("{'a': 1}"),
            "t.json:1:2: error at /: expected a property name in double quotes, found \"'\" (JSON "
            "strings use double quotes)");
  EXPECT_EQ(parse_error("{\"a\": 1} // note"),
            "t.json:1:10: error at /: expected the end of the file after the top-level value, "
            "found \"/\" (JSON has no comments)");
  EXPECT_EQ(parse_error("{\"a\" 1}"),
            "t.json:1:6: error at /a: expected \":\" after the property name, found 1");
  EXPECT_EQ(parse_error("[True]"),
            "t.json:1:2: error at /0: expected a JSON value, found True (JSON writes true, false "
            "and null in lower case)");
  EXPECT_EQ(parse_error("[NaN]"),
            "t.json:1:2: error at /0: expected a JSON value, found NaN (JSON has no NaN or "
            "Infinity)");
  EXPECT_EQ(parse_error("[1 2]"),
            "t.json:1:4: error at /: expected \",\" or \"]\" after an item of the array, found 2");
}

TEST(JsonDocument, RejectsBadNumbers) {
  EXPECT_EQ(parse_error("[007]"),
            "t.json:1:2: error at /0: expected a number without leading zeros, found 007");
  EXPECT_EQ(parse_error("[1.]"),
            "t.json:1:4: error at /0: expected a digit after the decimal point, found \"]\"");
  EXPECT_EQ(parse_error("[-x]"), "t.json:1:3: error at /0: expected a digit after \"-\", found x");
  EXPECT_EQ(parse_error("[1e]"),
            "t.json:1:4: error at /0: expected a digit in the exponent, found \"]\"");
  EXPECT_EQ(parse_error("[1e999]"),
            "t.json:1:2: error at /0: expected a number of magnitude below 1.8e308, found 1e999");
}

TEST(JsonDocument, RejectsBadStrings) {
  EXPECT_EQ(parse_error("{\"name\": \"abc\n\"}"),
            "t.json:1:14: error at /name: expected a closing quote (\") before the end of the "
            "line, found a line break");
  EXPECT_EQ(parse_error("[\"abc"),
            "t.json:1:6: error at /0: expected a closing quote (\") for the string, found the "
            "end of the file");
  EXPECT_EQ(parse_error("[\"a\\qb\"]"),
            "t.json:1:5: error at /0: expected an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or "
            "\\uXXXX, found \\q");
  EXPECT_EQ(parse_error("[\"\\u12G4\"]"),
            "t.json:1:7: error at /0: expected 4 hexadecimal digits after \\u, found G4");
  EXPECT_EQ(parse_error("[\"\\udc00\"]"),
            "t.json:1:9: error at /0: expected a Unicode escape that is not a lone low "
            "surrogate, found a lone low surrogate");
  EXPECT_EQ(parse_error("[\"caf\xE9\"]"),
            "t.json:1:6: error at /0: expected text encoded in UTF-8, found the byte 0xE9 (not "
            "UTF-8)");
  EXPECT_EQ(parse_error("[\"a\tb\"]"),
            "t.json:1:4: error at /0: expected a character or an escape such as \\t inside the "
            "string, found the control character U+0009");
}

TEST(JsonDocument, RejectsDuplicateKeysAtTheSecondOne) {
  EXPECT_EQ(parse_error("{\n  \"a\": 1,\n  \"b\": {\"x\": 1, \"x\": 2}\n}"),
            "t.json:3:17: error at /b/x: expected each property name once in an object, found "
            "\"x\" again (first at 3:9)");
}

TEST(JsonDocument, LimitsNesting) {
  const std::string deep(1000, '[');
  EXPECT_NE(parse_error(deep).find("expected at most 200 nested arrays and objects"),
            std::string::npos);
}

TEST(JsonPointer, EscapesAndSplits) {
  EXPECT_EQ(child_pointer("/a", "b/c~d"), "/a/b~1c~0d");
  EXPECT_EQ(child_pointer("", std::size_t{3}), "/3");
  EXPECT_EQ(last_token("/a/b~1c~0d"), "b/c~d");
  EXPECT_EQ(parent_pointer("/a/b"), "/a");
  EXPECT_EQ(parent_pointer("/a"), "");
}

}  // namespace
}  // namespace parley
