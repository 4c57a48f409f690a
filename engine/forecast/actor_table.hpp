#pragma once
#include <optional>
#include <string>
#include <vector>

namespace parley::forecast {

// One policy dimension of a stakeholder forecast: a line from `low` to `high` (the scale the
// positions are written on, e.g. 4 to 10 for the strictness of an emission standard). The
// model measures every distance as a share of this scale's width.
struct PolicyDimension {
  std::string id;
  std::string name;
  std::string unit;  // e.g. "points"; may be empty
  double low = 0.0;
  double high = 1.0;
  double width() const { return high - low; }
};

// A stakeholder: how much it can bring to bear (capability, any positive unit: only ratios
// matter), and per dimension where it stands and how much it cares (salience, 0 to 1). Its risk
// attitude is either fixed (a risk exponent, 0.5 risk-acceptant to 2 risk-averse) or, when
// absent, derived each round from how threatened its position is.
struct Stakeholder {
  std::string id;
  std::string name;
  std::string description;
  double capability = 1.0;
  std::vector<double> positions;  // one per dimension
  std::vector<double> saliences;  // one per dimension, in [0, 1]
  std::optional<double> risk_exponent;
  // Ideal points (docs/forecast.md, "Ideal points"): per dimension where the actor really wants
  // the outcome, when that differs from the position it states; empty: its stated positions.
  std::vector<double> ideals;
  // How far its ideal moves each round toward the position it has come to hold, 0 (never) to 1
  // (the ideal is the position); absent: the model's ideal_adjustment.
  std::optional<double> ideal_adjustment;
};

// The actors of a forecast and the dimensions they take positions on.
struct ActorTable {
  std::vector<PolicyDimension> dimensions;
  std::vector<Stakeholder> actors;
  std::string source;  // where the table comes from, in words
};

// Risk exponents are kept within the range the model's formula can produce.
inline constexpr double kMinRiskExponent = 0.5;
inline constexpr double kMaxRiskExponent = 2.0;

// What is wrong with the table, in words, or "" when it is usable: at least two actors, at
// least one dimension, positive capabilities, a position and a salience per dimension,
// positions on the scale, saliences in [0, 1], distinct actor ids. Loaders check the same
// things earlier, with line and column; this guards tables built in code.
std::string check_actor_table(const ActorTable& table);

}  // namespace parley::forecast
