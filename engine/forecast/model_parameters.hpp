#pragma once
#include <optional>
#include <string>

namespace parley::forecast {

// The choices the published descriptions of Bueno de Mesquita's expected-utility model leave
// open (Bueno de Mesquita 1994, 2002; Scholz, Calbert & Smith 2011), each made explicit. The
// defaults follow the text of Scholz, Calbert & Smith (2011); docs/forecast.md explains each.

// The denominator of the probability that i's position beats j's.
enum class WinProbability {
  kPair,      // votes on this pair only: P_ij + P_ji = 1 (Bueno de Mesquita 1994)
  kAllVotes,  // the absolute votes over every pair of positions, as in Scholz et al.'s program
};

// Which of the offers an actor received it acts on.
enum class OfferChoice {
  kClosest,    // the one that asks it to move least (Bueno de Mesquita; Scholz et al., sec. 6)
  kStrongest,  // the one whose sender expects the most from it; ties: the closest
};

// Whose risk exponent the other side's expected utility is computed with.
enum class Perspective {
  kOwn,       // each side's own exponent: j's expected utility uses r_j
  kObserver,  // i judges j's expected utility with i's exponent (Scholz et al., sec. 5)
};

// How an actor's security (the sum of what the others expect from challenging it) adds up.
enum class SecurityWeighting {
  kNone,        // a plain sum over challengers (Scholz et al., sec. 5)
  kCapability,  // each challenger weighted by its share of capability: splitting an actor in
                // two with half the capability each leaves every risk exponent unchanged
};

struct ModelParameters {
  // Q: probability the status quo persists if i does not challenge j. With Q = 1 the
  // "better"/"worse" terms drop out.
  double q = 1.0;
  // T: probability that, if the status quo does not persist, things move i's way.
  double t = 1.0;
  WinProbability win_probability = WinProbability::kPair;
  OfferChoice offer_choice = OfferChoice::kClosest;
  Perspective perspective = Perspective::kOwn;
  SecurityWeighting security = SecurityWeighting::kNone;
  // Rounds stop early once no position moves by more than this share of the scale's width.
  double settle_tolerance = 1e-3;
  int max_rounds = 50;
  // Ideal-point adjustment (docs/forecast.md, "Ideal points"; the KAPSARC Toolkit for
  // Behavioral Analysis): the share of the way each actor's ideal moves each round toward the
  // position it has come to hold, for actors that set none of their own. Absent and no actor
  // with ideals or a rate of its own: ideals are the positions (the published model).
  std::optional<double> ideal_adjustment;
};

// Names as written in scenario files and JSON output.
const char* to_string(WinProbability v);
const char* to_string(OfferChoice v);
const char* to_string(Perspective v);
const char* to_string(SecurityWeighting v);
bool parse(const std::string& text, WinProbability& out);
bool parse(const std::string& text, OfferChoice& out);
bool parse(const std::string& text, Perspective& out);
bool parse(const std::string& text, SecurityWeighting& out);

}  // namespace parley::forecast
