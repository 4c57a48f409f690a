// Gambit export: the .efg text is read back by a small parser written here from Gambit's
// format description (doc/formats.efg.rst: prologue, then nodes in prefix order, "c"/"p"/"t"
// entries, optional declarations of information sets and outcomes), and the tree is checked
// against the game it should be: its shape, its node counts and the payoff at every leaf.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "interop/gambit_export.hpp"

namespace parley {
namespace {

// ---- A parser for Gambit's extensive-form format --------------------------------------------

struct Token {
  std::string text;
  bool quoted = false;
};

std::vector<Token> tokenize(const std::string& text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '"') {
      Token t{"", true};
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;  // an escaped character
        t.text += text[i];
      }
      ++i;
      tokens.push_back(t);
    } else if (c == '{' || c == '}') {
      tokens.push_back({std::string(1, c), false});
      ++i;
    } else {
      Token t;
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) &&
             text[i] != '{' && text[i] != '}' && text[i] != '"')
        t.text += text[i++];
      tokens.push_back(t);
    }
  }
  return tokens;
}

// A number of the file: a decimal or a fraction a/b.
double number(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::stod(text);
  return std::stod(text.substr(0, slash)) / std::stod(text.substr(slash + 1));
}

struct Node {
  char type = 0;
  int player = 0;   // p
  int infoset = 0;  // p; event number for c
  int outcome = 0;
  std::vector<std::string> actions;
  std::vector<std::string> probabilities;  // c, as written
  std::vector<double> payoffs;             // of the outcome, when declared here
  std::vector<std::unique_ptr<Node>> children;
};

class EfgParser {
 public:
  explicit EfgParser(const std::string& text) : tokens_(tokenize(text)) {}

  std::string title;
  std::vector<std::string> players;
  std::map<int, std::vector<double>> outcomes;  // declared payoffs by outcome number

  std::unique_ptr<Node> parse() {
    expect("EFG");
    expect("2");
    expect("R");
    title = quoted();
    expect("{");
    while (peek().text != "}" || peek().quoted) players.push_back(quoted());
    expect("}");
    if (peek().quoted) quoted();  // the optional comment
    std::unique_ptr<Node> root = node();
    EXPECT_EQ(at_, tokens_.size()) << "text after the tree";
    return root;
  }

 private:
  std::vector<Token> tokens_;
  std::size_t at_ = 0;

  const Token& peek() {
    static const Token end{"<end>", false};
    return at_ < tokens_.size() ? tokens_[at_] : end;
  }
  Token next() {
    const Token t = peek();
    ++at_;
    return t;
  }
  void expect(const std::string& text) {
    const Token t = next();
    EXPECT_TRUE(t.text == text && !t.quoted) << "expected " << text << ", found " << t.text;
  }
  std::string quoted() {
    const Token t = next();
    EXPECT_TRUE(t.quoted) << "expected a quoted label, found " << t.text;
    return t.text;
  }
  int integer() { return std::stoi(next().text); }

  void outcome(Node& n) {
    n.outcome = integer();
    if (n.outcome != 0 && peek().quoted) {  // the outcome's first appearance declares it
      quoted();
      expect("{");
      while (peek().text != "}") {
        const std::string payoff = next().text;
        EXPECT_EQ(payoff.find_first_of("eE"), std::string::npos) << "an exponent: " << payoff;
        n.payoffs.push_back(number(payoff));
      }
      expect("}");
      EXPECT_EQ(outcomes.count(n.outcome), 0u) << "outcome " << n.outcome << " declared twice";
      outcomes[n.outcome] = n.payoffs;
    }
  }

  std::unique_ptr<Node> node() {
    auto n = std::make_unique<Node>();
    const std::string type = next().text;
    EXPECT_EQ(type.size(), 1u);
    n->type = type[0];
    quoted();  // node name
    if (n->type == 't') {
      outcome(*n);
      return n;
    }
    if (n->type == 'p') n->player = integer();
    n->infoset = integer();
    if (peek().quoted) {  // first appearance: name and actions
      quoted();
      expect("{");
      while (peek().text != "}") {
        n->actions.push_back(quoted());
        if (n->type == 'c') n->probabilities.push_back(next().text);
      }
      expect("}");
    }
    outcome(*n);
    EXPECT_FALSE(n->actions.empty()) << "a decision node without declared actions";
    for (std::size_t a = 0; a < n->actions.size(); ++a) n->children.push_back(node());
    return n;
  }
};

// ---- The game the file should hold -----------------------------------------------------------

const std::string kSmall =
    std::string(PARLEY_SOURCE_DIR) + "/tests/data/interop/small_bilateral.json";

nlohmann::json small_json() {
  std::ifstream in(kSmall);
  return nlohmann::json::parse(in);
}

ScenarioPtr load(const nlohmann::json& j) {
  return load_scenario_text(j.dump(), "small", builtin_agents());
}

struct Counts {
  std::int64_t player = 0, chance = 0, terminal = 0;
};

class TreeChecker {
 public:
  TreeChecker(const Scenario& s, int rounds) : s_(s), space_(s, 0), rounds_(rounds) {}
  Counts counts;

  void round(const Node& n, int t) {
    const int proposer = t % 2 == 0 ? s_.protocol.opener : 1 - s_.protocol.opener;
    ++counts.player;
    ASSERT_EQ(n.type, 'p');
    EXPECT_EQ(n.player, proposer + 1);
    ASSERT_EQ(static_cast<std::int64_t>(n.actions.size()), space_.size());
    for (std::int64_t k = 0; k < space_.size(); ++k) respond(*n.children[k], t, k, proposer);
  }

 private:
  const Scenario& s_;
  OutcomeSpace space_;
  int rounds_;

  double pay(int p, int t, double u) const {
    const Preferences& pr = s_.parties[p].preferences;
    return std::pow(pr.discount, t) * u - pr.cost_per_round * t;
  }

  void leaf(const Node& n, int t, double u0, double u1, const char* what) {
    ++counts.terminal;
    ASSERT_EQ(n.type, 't') << what;
    ASSERT_EQ(n.payoffs.size(), 2u) << what;
    EXPECT_NEAR(n.payoffs[0], pay(0, t, u0), 1e-12) << what << " round " << t;
    EXPECT_NEAR(n.payoffs[1], pay(1, t, u1), 1e-12) << what << " round " << t;
  }

  void no_deal(const Node& n, int t, const char* what) {
    leaf(n, t, s_.parties[0].preferences.reservation[0], s_.parties[1].preferences.reservation[0],
         what);
  }

  void respond(const Node& n, int t, std::int64_t k, int proposer) {
    ++counts.player;
    ASSERT_EQ(n.type, 'p');
    EXPECT_EQ(n.player, 2 - proposer);
    const bool walk = s_.protocol.walk_away;
    ASSERT_EQ(n.actions.size(), walk ? 3u : 2u);
    EXPECT_EQ(n.actions[0], "accept");
    EXPECT_EQ(n.actions[1], "reject");
    leaf(*n.children[0], t, space_.utilities(0)(k), space_.utilities(1)(k), "agreement");
    const Node& reject = *n.children[1];
    const double p = s_.protocol.breakdown_probability;
    if (t == rounds_ - 1) {
      no_deal(reject, t, "deadline");
    } else if (p > 0) {
      ++counts.chance;
      ASSERT_EQ(reject.type, 'c');
      ASSERT_EQ(reject.actions, (std::vector<std::string>{"breakdown", "continue"}));
      EXPECT_NEAR(number(reject.probabilities[0]), p, 1e-15);
      EXPECT_NEAR(number(reject.probabilities[0]) + number(reject.probabilities[1]), 1.0, 1e-15);
      no_deal(*reject.children[0], t, "breakdown");
      round(*reject.children[1], t + 1);
    } else {
      round(reject, t + 1);
    }
    if (walk) no_deal(*n.children[2], t, "walk-away");
  }
};

// Counts from the rules alone: n^t histories reach round t; each offer brings a responder, an
// agreement leaf, a walk-away leaf if allowed, and then a breakdown chance node and its leaf
// (rounds before the last, p > 0) or the deadline leaf (last round).
Counts expected_counts(std::int64_t n, int rounds, bool chance, bool walk) {
  Counts c;
  std::int64_t paths = 1;
  for (int t = 0; t < rounds; ++t) {
    const std::int64_t offers = paths * n;
    c.player += paths + offers;
    c.terminal += offers * (1 + (walk ? 1 : 0));
    if (t == rounds - 1)
      c.terminal += offers;
    else if (chance)
      c.chance += offers, c.terminal += offers;
    paths = offers;
  }
  return c;
}

void check_export(const nlohmann::json& j, int rounds) {
  const ScenarioPtr s = load(j);
  std::ostringstream out;
  write_gambit_efg(*s, rounds, out);
  EfgParser parser(out.str());
  const std::unique_ptr<Node> root = parser.parse();
  ASSERT_EQ(parser.players, (std::vector<std::string>{"Party A", "Party \"B\""}));
  const int r = rounds > 0 ? rounds : s->protocol.deadline_rounds;
  TreeChecker checker(*s, r);
  checker.round(*root, 0);
  const Counts want = expected_counts(OutcomeSpace(*s, 0).size(), r,
                                      s->protocol.breakdown_probability > 0, s->protocol.walk_away);
  EXPECT_EQ(checker.counts.player, want.player);
  EXPECT_EQ(checker.counts.chance, want.chance);
  EXPECT_EQ(checker.counts.terminal, want.terminal);
  EXPECT_EQ(gambit_tree_nodes(*s, r), want.player + want.chance + want.terminal);
  // Every terminal has its own outcome, numbered 1, 2, ...
  EXPECT_EQ(static_cast<std::int64_t>(parser.outcomes.size()), want.terminal);
  EXPECT_EQ(parser.outcomes.begin()->first, 1);
}

TEST(GambitExport, AlternatingOffersWithDeadline) {
  check_export(small_json(), 0);  // 3 rounds, the scenario's deadline
  check_export(small_json(), 2);
  check_export(small_json(), 1);
}

TEST(GambitExport, BreakdownChanceNodesAndWalkAway) {
  nlohmann::json j = small_json();
  j["protocol"]["breakdown_probability"] = 0.15;
  j["protocol"]["walk_away"] = true;
  check_export(j, 3);
  j["protocol"]["breakdown_probability"] = 0.3;  // 0.3 = 3/10 exactly: 7/10 is its complement
  j["protocol"]["opener"] = "B";
  check_export(j, 2);
}

TEST(GambitExport, ChanceProbabilitiesAreExactFractions) {
  nlohmann::json j = small_json();
  j["protocol"]["breakdown_probability"] = 0.1;
  std::ostringstream out;
  write_gambit_efg(*load(j), 2, out);
  EXPECT_NE(out.str().find("\"breakdown\" 1/10 \"continue\" 9/10"), std::string::npos);
}

TEST(GambitExport, PerfectInformation) {
  const ScenarioPtr s = load(small_json());
  std::ostringstream out;
  write_gambit_efg(*s, 3, out);
  std::set<std::pair<int, int>> infosets;
  std::istringstream lines(out.str());
  std::string line;
  int decisions = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("p ", 0) != 0) continue;
    const std::vector<Token> t = tokenize(line);
    ++decisions;
    EXPECT_TRUE(infosets.insert({std::stoi(t[2].text), std::stoi(t[3].text)}).second)
        << "information set shared: " << line;
  }
  EXPECT_GT(decisions, 0);
}

TEST(GambitExport, RefusesWhatItCannotWrite) {
  nlohmann::json j = small_json();
  EXPECT_THROW(
      {
        std::ostringstream out;
        write_gambit_efg(*load(j), 4, out);  // beyond the deadline of 3
      },
      InputError);
  j["protocol"]["deadline_rounds"] = 0;
  EXPECT_THROW(
      {
        std::ostringstream out;
        write_gambit_efg(*load(j), 0, out);  // no rounds given, no deadline
      },
      InputError);
  // 6 outcomes over 8 rounds: 6^8 > 1.6 million histories, over the limit.
  EXPECT_GT(gambit_tree_nodes(*load(j), 8), kMaxGambitNodes);
  try {
    std::ostringstream out;
    write_gambit_efg(*load(j), 8, out);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(e.expected().find("1,000,000"), std::string::npos) << e.what();
  }
  nlohmann::json three = small_json();
  three["parties"].push_back(three["parties"][1]);
  three["parties"][2]["id"] = "C";
  three["protocol"]["kind"] = "stacked";
  EXPECT_THROW(
      {
        std::ostringstream out;
        write_gambit_efg(*load(three), 2, out);
      },
      InputError);
  nlohmann::json tracks = small_json();
  tracks["tracks"] = {{{"id", "t1"}, {"label", "Units"}, {"issues", {"x"}}},
                      {{"id", "t2"}, {"label", "Statement"}, {"issues", {"f"}}}};
  EXPECT_THROW(
      {
        std::ostringstream out;
        write_gambit_efg(*load(tracks), 2, out);
      },
      InputError);
}

}  // namespace
}  // namespace parley
