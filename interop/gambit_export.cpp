#include "interop/gambit_export.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "interop/import_support.hpp"

namespace parley {

namespace {

// A label between double quotes, with embedded quotes and backslashes escaped.
std::string label(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A payoff in plain decimal notation, as Gambit's own files write numbers (no exponent), with as
// few digits as read back to the same double.
std::string decimal(double x) {
  std::array<char, 512> buffer{};
  const auto [end, problem] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), x, std::chars_format::fixed);
  if (problem != std::errc()) return shortest_decimal(x);
  return std::string(buffer.data(), end);
}

// p as an exact fraction of a power of ten ("15/100"), so that p and 1 - p sum to exactly 1 in
// Gambit's rational arithmetic. Falls back to decimals for p with more than 18 decimal digits.
std::array<std::string, 2> probabilities(double p) {
  std::array<char, 400> buffer{};
  const auto [end, problem] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), p, std::chars_format::fixed);
  const std::string text = problem == std::errc() ? std::string(buffer.data(), end) : "";
  const auto point = text.find('.');
  const std::size_t decimals = point == std::string::npos ? 0 : text.size() - point - 1;
  if (text.empty() || decimals > 18) return {decimal(p), decimal(1.0 - p)};
  std::string digits = text;
  if (point != std::string::npos) digits.erase(point, 1);
  const long long numerator = std::stoll(digits);
  long long denominator = 1;
  for (std::size_t i = 0; i < decimals; ++i) denominator *= 10;
  return {std::to_string(numerator) + "/" + std::to_string(denominator),
          std::to_string(denominator - numerator) + "/" + std::to_string(denominator)};
}

class EfgWriter {
 public:
  EfgWriter(const Scenario& scenario, const OutcomeSpace& space, int rounds, std::ostream& out)
      : scenario_(scenario), space_(space), rounds_(rounds), out_(out) {
    const ProtocolSpec& protocol = scenario.protocol;
    walk_away_ = protocol.walk_away;
    breakdown_ = protocol.breakdown_probability;
    for (std::int64_t k = 0; k < space.size(); ++k) offer_labels_.push_back(describe(k));
    responses_ =
        walk_away_ ? "{ \"accept\" \"reject\" \"walk away\" }" : "{ \"accept\" \"reject\" }";
    chance_ = probabilities(breakdown_);
  }

  void write() {
    out_ << "EFG 2 R "
         << label("parley: " + scenario_.meta.name + ", alternating offers for " +
                  std::to_string(rounds_) + " rounds")
         << " { " << label(scenario_.parties[0].name) << " " << label(scenario_.parties[1].name)
         << " }\n"
         << label("Exported by parley from " + scenario_.file +
                  ". Payoffs: discount^t * utility - cost * t (docs/model.md).")
         << "\n\n";
    round(0);
  }

 private:
  const Scenario& scenario_;
  const OutcomeSpace& space_;
  int rounds_;
  std::ostream& out_;
  bool walk_away_ = false;
  double breakdown_ = 0.0;
  std::vector<std::string> offer_labels_;
  std::string responses_;
  std::array<std::string, 2> chance_;
  std::array<int, 2> infosets_{};
  int events_ = 0;
  int outcomes_ = 0;

  std::string describe(std::int64_t outcome) const {
    const Deal deal = space_.deal(outcome);
    std::string text = concat("#", std::to_string(outcome), " ");
    for (int k = 0; k < space_.issue_count(); ++k) {
      const Issue& issue = scenario_.issues[static_cast<std::size_t>(space_.issue(k))];
      if (k) text += "; ";
      text += issue.label + ": " + issue.describe(deal.values[static_cast<std::size_t>(k)]);
    }
    return text;
  }

  int proposer(int t) const {
    const int opener = scenario_.protocol.opener;
    return t % 2 == 0 ? opener : 1 - opener;
  }

  double payoff(int party, int t, double utility) const {
    const Preferences& p = scenario_.parties[static_cast<std::size_t>(party)].preferences;
    return std::pow(p.discount, t) * utility - p.cost_per_round * t;
  }

  double reservation(int party) const {
    return scenario_.parties[static_cast<std::size_t>(party)]
        .preferences.reservation[static_cast<std::size_t>(space_.track())];
  }

  void terminal(const std::string& what, int t, double u0, double u1) {
    const int number = ++outcomes_;
    out_ << "t \"\" " << number << " "
         << label(concat("o", std::to_string(number), " round ", std::to_string(t), ": ", what))
         << " { " << decimal(payoff(0, t, u0)) << " " << decimal(payoff(1, t, u1)) << " }\n";
  }

  void no_deal(const std::string& what, int t) {
    terminal(what, t, reservation(0), reservation(1));
  }

  void round(int t) {
    const int p = proposer(t);
    out_ << "p " << label("round " + std::to_string(t)) << " " << (p + 1) << " "
         << ++infosets_[static_cast<std::size_t>(p)] << " \"\" {";
    for (const std::string& offer : offer_labels_) out_ << " " << label(offer);
    out_ << " } 0\n";
    for (std::int64_t k = 0; k < space_.size(); ++k) respond(t, k);
  }

  void respond(int t, std::int64_t k) {
    const int r = 1 - proposer(t);
    out_ << "p \"\" " << (r + 1) << " " << ++infosets_[static_cast<std::size_t>(r)] << " \"\" "
         << responses_ << " 0\n";
    terminal("agreement on #" + std::to_string(k), t, space_.utilities(0)(k),
             space_.utilities(1)(k));
    if (t == rounds_ - 1) {
      no_deal("deadline", t);
    } else if (breakdown_ > 0.0) {
      out_ << "c \"\" " << ++events_ << " \"\" { \"breakdown\" " << chance_[0] << " \"continue\" "
           << chance_[1] << " } 0\n";
      no_deal("breakdown", t);
      round(t + 1);
    } else {
      round(t + 1);
    }
    if (walk_away_) no_deal("walk-away", t);
  }
};

InputError export_error(const Scenario& scenario, std::string expected, std::string found) {
  return InputError(scenario.file, 0, 0, "", std::move(expected), std::move(found));
}

int resolve_rounds(const Scenario& scenario, int rounds) {
  const int deadline = scenario.protocol.deadline_rounds;
  if (rounds <= 0) {
    if (deadline == 0)
      throw export_error(scenario, "--rounds R (the scenario has no deadline to take it from)",
                         "none");
    return deadline;
  }
  if (deadline > 0 && rounds > deadline)
    throw export_error(
        scenario,
        "at most the scenario's deadline_rounds (" + std::to_string(deadline) + ") rounds",
        std::to_string(rounds));
  return rounds;
}

}  // namespace

std::int64_t gambit_tree_nodes(const Scenario& scenario, int rounds) {
  const OutcomeSpace space(scenario, 0);
  const double n = static_cast<double>(space.size());
  const double chance = scenario.protocol.breakdown_probability > 0.0 ? 1.0 : 0.0;
  const double walk = scenario.protocol.walk_away ? 1.0 : 0.0;
  double total = 0.0;
  double paths = 1.0;  // histories reaching round t: n^t
  for (int t = 0; t < rounds; ++t) {
    const double offers = paths * n;
    // proposer; per offer: responder, agreement, walk-away, and then either the breakdown
    // chance node and its terminal or, in the last round, the deadline terminal.
    total += paths + offers * (2.0 + walk + (t == rounds - 1 ? 1.0 : 2.0 * chance));
    if (total > static_cast<double>(kMaxGambitNodes)) return kMaxGambitNodes + 1;
    paths = offers;
  }
  return static_cast<std::int64_t>(total);
}

void write_gambit_efg(const Scenario& scenario, int rounds, std::ostream& out) {
  if (scenario.parties.size() != 2)
    throw export_error(scenario, "a bilateral scenario (two parties) for a Gambit game",
                       std::to_string(scenario.parties.size()) + " parties");
  if (scenario.tracks.size() != 1)
    throw export_error(scenario,
                       "a scenario with one track (tracks run side by side; export each as its "
                       "own scenario)",
                       std::to_string(scenario.tracks.size()) + " tracks");
  rounds = resolve_rounds(scenario, rounds);
  const std::int64_t nodes = gambit_tree_nodes(scenario, rounds);
  const OutcomeSpace space(scenario, 0);
  if (nodes > kMaxGambitNodes)
    throw export_error(
        scenario,
        "a game tree of at most " + format_thousands(kMaxGambitNodes) +
            " nodes (fewer rounds or fewer outcomes)",
        concat(format_thousands(space.size()), " outcomes over ", std::to_string(rounds),
               " rounds: more than ", format_thousands(kMaxGambitNodes), " nodes"));
  EfgWriter(scenario, space, rounds, out).write();
}

}  // namespace parley
