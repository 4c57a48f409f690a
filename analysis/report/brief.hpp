#pragma once
#include <string>
#include <vector>

#include "analysis/report/document.hpp"
#include "engine/simulator.hpp"

namespace parley {

// The classroom's briefs (docs/classroom.md): the public brief everyone reads (the situation,
// the issues in plain words, the rules and the deadline) and one party's confidential brief
// (its point schedule, its no-deal score, its priorities in words, what it knows and does not
// know). The confidential part holds only what the party may know (docs/architecture.md,
// rule 2): another party's preferences, reservation values, costs and private types never
// appear, except preferences the scenario makes public (complete information).
//
// The instructor's brief adds every party's confidential brief, each track's Pareto frontier,
// Nash and Kalai–Smorodinsky points (from the no-deal scores a run starts from), the events
// the scenario can fire, and the history block.
//
// `simulator` supplies the outcome spaces and the no-deal scores a run starts from (on a war
// track, the value of fighting on); any simulator of the scenario will do, its agents do not
// matter. Throws std::out_of_range for a party index out of range.

struct Brief {
  Document document{""};
  std::string markdown() const { return document.markdown(); }
  std::string html() const { return document.html(); }            // a whole printable page
  std::string html_body() const { return document.html_body(); }  // to embed in a page
};

// A party's brief never shows how the talks ended: its situation is meta.situation and its
// issues' texts are their `brief` fields (the situation and the issues as they stood when the
// talks began); meta.description, the issues' descriptions and the history block, which may
// tell the outcome, appear only in the instructor's brief. Without meta.situation the public
// brief says it has none.

// What the briefs of `scenario` lack (no meta.situation, issues with no brief text), one
// "FILE: warning: ..." line each, for `parley validate` and `parley brief`; empty when none.
std::vector<std::string> brief_warnings(const Scenario& scenario);

// The public and confidential brief of `party` (an index into scenario.parties).
Brief party_brief(const Simulator& simulator, int party);

// The instructor's brief: the public brief, then every party's confidential brief and the
// analysis. `party` >= 0 puts that party's confidential brief first; -1 keeps file order.
Brief instructor_brief(const Simulator& simulator, int party = -1);

}  // namespace parley
