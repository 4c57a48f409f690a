#include "interop/actor_table_csv.hpp"

#include <gtest/gtest.h>

#include "engine/input_error.hpp"

namespace parley {
namespace {

std::string error_of(const std::string& text) {
  try {
    read_actor_table_csv_text(text, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ActorTableCsv, ReadsTheCommonForm) {
  const forecast::ActorTable t = read_actor_table_csv_text(
      "Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2\r\n"
      "US,\"Washington, the White House\",100,60,90,10,50\r\n"
      "\r\n"
      "\"EU \"\"27\"\"\",Brussels,80,30,70,0,100\r\n",
      "t.csv");
  ASSERT_EQ(t.dimensions.size(), 2u);
  ASSERT_EQ(t.actors.size(), 2u);
  EXPECT_EQ(t.actors[0].description, "Washington, the White House");
  EXPECT_EQ(t.actors[1].name, "EU \"27\"");
  EXPECT_DOUBLE_EQ(t.actors[0].capability, 100);
  EXPECT_EQ(t.actors[1].positions, (std::vector<double>{30, 0}));
  EXPECT_EQ(t.actors[0].saliences, (std::vector<double>{0.9, 0.5}));
  // The scale is the range of the positions.
  EXPECT_DOUBLE_EQ(t.dimensions[0].low, 30);
  EXPECT_DOUBLE_EQ(t.dimensions[0].high, 60);
  EXPECT_EQ(forecast::check_actor_table(t), "");
}

TEST(ActorTableCsv, NamesFileLineAndColumn) {
  EXPECT_EQ(error_of("Actor,Description,Power,Pstn1,Sal1\nA,,1,2,50\nB,,2,x,50\n"),
            "t.csv:3:6: error at Pstn1: expected a number, found \"x\"");
  EXPECT_EQ(error_of("Actor,Description,Power,Pstn1,Sal1\nA,,1,2,50\nB,,2,3,120\n"),
            "t.csv:3:8: error at Sal1: expected a salience from 0 to 100 (per cent), found 120");
  EXPECT_EQ(error_of("Actor,Description,Power,Pstn1,Sal1\nA,,1,2,50\nB,,0,3,20\n"),
            "t.csv:3:4: error at Power: expected a positive number, found 0");
  EXPECT_EQ(error_of("Actor,Description,Power,Pstn1,Salience1\nA,,1,2,50\n"),
            "t.csv:1:31: error at header: expected the column \"Sal1\", found \"Salience1\"");
  EXPECT_EQ(error_of("Actor,Description,Power,Pstn1,Sal1\nA,,1,2,50\nB,,1,2\n"),
            "t.csv:3:6: error at row: expected 5 fields, as in the header, found 4");
  EXPECT_EQ(error_of("Actor,Description,Power,Pstn1,Sal1\nA,,1,2,50\nA,,1,3,50\n"),
            "t.csv:3:1: error at Actor: expected a name not used before, found \"A\", used twice");
  EXPECT_NE(error_of("Actor,Description,Power,Pstn1,Sal1\nA,\"open,1,2,50\n").find("t.csv:2:3:"),
            std::string::npos);
  EXPECT_NE(error_of("Actor,Description,Power,Pstn1,Sal1\nA,,1,2,50\n").find("at least two"),
            std::string::npos);
  EXPECT_NE(error_of("").find("empty file"), std::string::npos);
  EXPECT_NE(error_of("Actor,Description,Power,Pstn1,Sal1\nA,,1,2,50\nB,,1,2,50\n")
                .find("positions that differ"),
            std::string::npos);
}

TEST(ActorTableCsv, MissingFileIsBadInput) {
  EXPECT_THROW(read_actor_table_csv("/nonexistent/actors.csv"), InputError);
}

}  // namespace
}  // namespace parley
