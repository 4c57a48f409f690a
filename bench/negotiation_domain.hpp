#pragma once
// The round-loop benchmarks' negotiation: a 3-issue discrete domain of 10 x 10 x 4 outcomes,
// linear-additive preferences with opposed value tables (A prefers high levels, B low ones) and
// different weights, so the parties can trade across issues (an integrative domain, as in the
// ANAC domains); reservation 0.2, at most 100 rounds, no world.
#include <memory>
#include <string>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace parley::bench {

inline Issue options_issue(const std::string& id, int count) {
  Issue issue;
  issue.id = id;
  issue.label = id;
  issue.kind = IssueKind::Options;
  for (int i = 0; i < count; ++i) issue.options.push_back(id + std::to_string(i));
  return issue;
}

inline std::shared_ptr<Scenario> negotiation_domain(const std::string& model,
                                                    const std::string& name) {
  auto s = std::make_shared<Scenario>();
  s->meta.name = name;
  s->issues = {options_issue("a", 10), options_issue("b", 10), options_issue("c", 4)};
  s->tracks = {Track{"all", "All issues", {0, 1, 2}, {}}};
  const double weights[2][3] = {{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}};
  for (int p = 0; p < 2; ++p) {
    Party party;
    party.id = p == 0 ? "A" : "B";
    party.name = party.id;
    party.agent.model = model;
    Preferences& prefs = party.preferences;
    for (int k = 0; k < 3; ++k) {
      const int n = s->issues[k].levels();
      std::vector<double> table(n);
      for (int level = 0; level < n; ++level)
        table[level] = p == 0 ? double(level) / (n - 1) : double(n - 1 - level) / (n - 1);
      prefs.weights.push_back(weights[p][k]);
      prefs.values.push_back(ValueFunction::table(table));
    }
    prefs.reservation = {0.2};
    s->parties.push_back(party);
  }
  s->protocol.deadline_rounds = 100;
  return s;
}

}  // namespace parley::bench
