#pragma once
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "interop/import_support.hpp"

namespace parley {

// GENIUS (Lin et al. 2014), the platform of the ANAC competitions, describes a negotiation as a
// domain file (the issues and their values) and one preference profile per party (a linear
// additive utility space). This turns them into a parley scenario in format version 1
// (docs/scenario-format.md), as JSON, so that it can be written to a file and loaded by the
// normal loader. docs/interop.md states the mapping; in short:
//   discrete issue -> options; integer issue -> quantity (step 1); real issue -> share at
//   `resolution` grid points; weight -> weight; discrete evaluations / the largest
//   evaluation -> value table (as GENIUS normalises them); linear evaluators -> piecewise-
//   linear points, clamped to [0, 1] as GENIUS clamps them; reservation -> reservation;
//   a deadline of R GENIUS rounds (one turn of every party each) -> n R - 1 parley rounds (one
//   offer each; the last offer of GENIUS round R can never be answered); discount factor d over
//   GENIUS's relative time t = round / (R + 1) -> d^(1 / (n (R + 1))) per parley round; the
//   time-dependent models play under the GENIUS convention (their `genius` parameter).
// What parley cannot represent exactly (non-linear or constraint utility spaces, objective
// trees deeper than one level, evaluator functions other than linear or constant, weights that
// do not sum to 1, evaluations outside [0, 1] after normalisation) is refused with an
// InputError naming the file, line:column and element, never imported approximately.

struct GeniusImportOptions {
  ImportAgents agents;        // models for the parties (one for all, or one per profile)
  int deadline_rounds = 100;  // R: GENIUS rounds (one turn of every party) before talks close
  // Models that take the `genius` parameter (the time-dependent family): imported parties played
  // by one of them get genius = 1, so they behave as GENIUS's TimeDependentAgent.
  std::set<std::string> genius_convention_models{"time-dependent", "boulware", "linear",
                                                 "conceder"};
  int share_resolution = 11;  // grid points of real (continuous) issues
  std::string date = kDefaultImportDate;
};

// GENIUS profiles whose weights sum further from 1 than this are refused: GENIUS multiplies
// weights by evaluations without normalising (and caps the sum at 1), parley normalises, and
// 0.02 is the tolerance of GENIUS's own normalisation check.
inline constexpr double kGeniusWeightSumTolerance = 0.02;

// The scenario for a domain file and its profiles (one party per profile, in the given order;
// at least two). Throws InputError for anything that cannot be imported faithfully.
nlohmann::ordered_json import_genius(const std::string& domain_file,
                                     const std::vector<std::string>& profile_files,
                                     const GeniusImportOptions& options = {});

}  // namespace parley
