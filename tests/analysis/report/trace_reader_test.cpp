#include "analysis/report/trace_reader.hpp"

#include <gtest/gtest.h>

#include "engine/input_error.hpp"

namespace parley {
namespace {

TEST(TraceReader, ReadsEveryLineOfAShippedTrace) {
  const auto lines =
      read_trace(std::string(PARLEY_SOURCE_DIR) + "/tests/golden/istanbul-2025.jsonl");
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back()["event"], "run-end");
}

TEST(TraceReader, ABadLineIsReportedWithItsLineNumber) {
  try {
    parse_trace("{\"event\":\"move\"}\n{not json\n", "t.jsonl");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "t.jsonl");
    EXPECT_EQ(e.line(), 2);
  }
  try {
    parse_trace("{\"x\":1}\n", "t.jsonl");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.pointer(), "/event");
  }
}

TEST(TraceReader, ATraceCutShortIsRefused) {
  EXPECT_THROW(parse_trace("{\"event\":\"move\"}\n", "t.jsonl"), InputError);
  EXPECT_THROW(parse_trace("", "t.jsonl"), InputError);
  EXPECT_NO_THROW(parse_trace("{\"event\":\"run-end\"}\n", "t.jsonl"));
}

}  // namespace
}  // namespace parley
