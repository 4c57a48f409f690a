// A person at a terminal, simulated with streams: every kind of bad input gets a message and
// another try, the end of input ends the game cleanly, and a finished game is a standard trace.
#include "play/terminal_game.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "analysis/report/trace_reader.hpp"
#include "analysis/report/trace_writer.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

ScenarioPtr load(const std::string& name) {
  return load_scenario(std::string(PARLEY_SOURCE_DIR) + "/scenarios/" + name, builtin_agents());
}

struct Played {
  bool finished = false;
  std::string screen;
  std::string trace;
};

Played play(const ScenarioPtr& s, std::vector<int> players, const std::string& input,
            std::uint64_t seed = 1) {
  TerminalGame game(s, builtin_agents(), {std::move(players), seed, true});
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream trace;
  JsonlTraceWriter writer(game.simulator(), trace);
  Played p;
  p.finished = game.play(in, out, &writer);
  p.screen = out.str();
  p.trace = trace.str();
  return p;
}

std::string repeat(const std::string& line, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += line;
  return s;
}

TEST(TerminalGame, BadInputGetsAMessageAndAnotherTry) {
  const auto s = load("textbook/stahl-finite-horizon.json");
  const std::string input =
      "?\nnonsense\naccept\nwalk\npropose\npropose pie=2\npropose nothing=1\n9\n\"open\n" +
      repeat("1\n", 40);
  const Played p = play(s, {0}, input);
  EXPECT_TRUE(p.finished) << p.screen;
  EXPECT_NE(p.screen.find("Commands (the first letter is enough)"), std::string::npos);
  EXPECT_NE(p.screen.find("I did not understand \"nonsense\""), std::string::npos);
  EXPECT_NE(p.screen.find("There is no offer for you to answer now"), std::string::npos);
  EXPECT_NE(p.screen.find("You can walk away only when answering an offer"), std::string::npos);
  EXPECT_NE(p.screen.find("Propose what?"), std::string::npos);
  EXPECT_NE(p.screen.find("Not a valid proposal"), std::string::npos);
  EXPECT_NE(p.screen.find("an issue id"), std::string::npos);
  EXPECT_NE(p.screen.find("There is no suggestion 9"), std::string::npos);
  EXPECT_NE(p.screen.find("The talks are over"), std::string::npos);
  // The trace is a whole standard trace.
  EXPECT_NO_THROW(parse_trace(p.trace, "game"));
}

TEST(TerminalGame, TheEndOfInputEndsTheGameCleanly) {
  const auto s = load("korea-1951-53.json");
  const Played p = play(s, {1}, "walk\n?\n");
  EXPECT_FALSE(p.finished);
  EXPECT_NE(p.screen.find("The rules of this scenario do not let a party walk away"),
            std::string::npos);
  EXPECT_NE(
      p.screen.find("  repatriation (Repatriation of prisoners of war): \n    0  all returned"),
      std::string::npos);
  EXPECT_NE(p.screen.find("The game stopped before the end"), std::string::npos);
}

TEST(TerminalGame, TheScreenShowsDateOffersPointsAndTimeLeftButNoOtherPartysPoints) {
  const auto s = load("korea-1951-53.json");
  const Played p = play(s, {1}, "show\n");
  // COM answers the UNC's opening offer on the armistice in week 1.
  EXPECT_NE(p.screen.find("You play Korean People's Army"), std::string::npos);
  EXPECT_NE(p.screen.find("Week 1, 1951-07-10"), std::string::npos) << p.screen;
  EXPECT_NE(p.screen.find("Time left: no deadline; the talks stop after at most 156 more weeks"),
            std::string::npos);
  EXPECT_NE(p.screen.find("On the table, worth 0 points to you: \n    repatriation=voluntary"),
            std::string::npos);
  EXPECT_NE(p.screen.find("The front: 10 on a scale from 0"), std::string::npos);
  // Nothing of the other side's schedule: their points never appear.
  EXPECT_EQ(p.screen.find("UNC points"), std::string::npos);
  EXPECT_EQ(p.screen.find("utility"), std::string::npos);
}

TEST(TerminalGame, SameSeedAndMovesGiveTheSameTrace) {
  const auto s = load("istanbul-2022.json");
  const std::string input = repeat("2\n", 60);  // while answering: reject, then propose it
  const Played a = play(s, {1}, input, 5);
  const Played b = play(s, {1}, input, 5);
  ASSERT_TRUE(a.finished) << a.screen;
  EXPECT_EQ(a.trace, b.trace);
  EXPECT_NE(a.trace.find("\"event\":\"run-end\""), std::string::npos);
}

TEST(TerminalGame, ACounterOfferIsProposedAtTheNextTurn) {
  const auto s = load("istanbul-2022.json");
  // UA opens; answering RU's offer, suggestion 1 rejects it and is UA's next offer.
  const Played p = play(s, {1}, repeat("1\n", 40));
  EXPECT_NE(p.screen.find("You reject the offer. At your next turn on this track you propose"),
            std::string::npos)
      << p.screen.substr(0, 3000);
  EXPECT_NE(p.trace.find("\"party\":\"UA\",\"action\":\"offer\""), std::string::npos);
}

TEST(TerminalGame, TwoPlayersTakeTurnsWithTheScreenCleared) {
  const auto s = load("istanbul-2022.json");
  const Played p = play(s, {0, 1}, repeat("\n1\n", 80));
  EXPECT_TRUE(p.finished);
  EXPECT_NE(p.screen.find("\x1b[2J\x1b[HPass the keyboard to Ukraine"), std::string::npos);
  EXPECT_NE(p.screen.find("Pass the keyboard to Russia"), std::string::npos);
}

// News that changes the player's priorities (change_weights) is said once, and from its round
// on `schedule` shows the new points; the player's drawn type is on every turn's screen.
TEST(TerminalGame, ChangedWeightsShowInTheScheduleAndTheTypeOnTheScreen) {
  auto s = std::make_shared<Scenario>(*load("korea-1951-53.json"));
  EventSpec e;
  e.id = "com-priorities";
  e.kind = "change_weights";
  e.label = "The COM cares less about repatriation";
  e.round = 1;
  e.args = {{"party", 1.0}, {"issue", 2.0}, {"weight", 0.1}, {"scale", 1.0}};
  s->world.events.push_back(e);
  const Played p = play(s, {1}, "schedule\nreject\n" + repeat("schedule\nr\n1\n", 3));
  const std::size_t said = p.screen.find("Your priorities have changed: the points below");
  ASSERT_NE(said, std::string::npos) << p.screen;
  EXPECT_EQ(p.screen.find("Your priorities have changed: the points below", said + 1),
            std::string::npos)
      << "said once";
  // Before: repatriation's option 1 gives 0.8 * 0.6 of 100 = 48 points; after, 0.1 * 0.6 / 0.3.
  const std::size_t first = p.screen.find("non-repatriates to a neutral commission (NNRC)  48");
  EXPECT_NE(first, std::string::npos) << p.screen;
  EXPECT_NE(p.screen.find("non-repatriates to a neutral commission (NNRC)  20", said),
            std::string::npos)
      << p.screen;
  EXPECT_NE(p.screen.find("Your priorities have changed since the talks began"), std::string::npos);
  EXPECT_NE(p.screen.find("; your type, drawn in secret: "), std::string::npos);
}

}  // namespace
}  // namespace parley
