// GENIUS parity (docs/interop.md, "The GENIUS convention"): on every ANAC domain in
// ../shared/data/genius (skipped, with a message, when absent), two imported time-dependent
// agents make exactly the offers GENIUS's TimeDependentAgent makes, and end the same way. The
// reference is written here from GENIUS's rules, as one plain loop over GENIUS rounds (its
// SessionManager): in round g = 1..R every party takes one turn at relative time g / (R + 1)
// (DiscreteTimeline); a turn computes the target P_min + (P_max - P_min)(1 - t^(1/e)) with
// P_min = max(worst, reservation), takes the bid nearest to it in GENIUS's sorted outcome space
// (SortedOutcomeSpace.getBidNearUtility), and accepts the standing offer when it is worth at
// least that bid (BilateralAgent, isAcceptable), else offers the bid.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"
#include "interop/genius_folder.hpp"
#include "interop/genius_import.hpp"
#include "tests/support/recording_trace.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

const fs::path kShared = fs::path(PARLEY_SOURCE_DIR) / ".." / "shared" / "data" / "genius";

// One GENIUS TimeDependentAgent, rebuilt from its rules.
struct ReferenceAgent {
  std::vector<std::int64_t> sorted;  // outcomes, best first (equal utilities: by outcome index)
  std::vector<double> u;             // utility of each sorted entry
  double p_min = 0, p_max = 0, e = 1;

  ReferenceAgent(const Eigen::ArrayXd& utility, double reservation, double exponent) : e(exponent) {
    sorted.resize(static_cast<std::size_t>(utility.size()));
    std::iota(sorted.begin(), sorted.end(), 0);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](std::int64_t a, std::int64_t b) { return utility[a] > utility[b]; });
    for (std::int64_t o : sorted) u.push_back(utility[o]);
    p_max = u.front();
    p_min = std::max(u.back(), reservation);
  }

  double target(double t) const {
    const double f = e == 0 ? 0.0 : std::pow(t, 1.0 / e);
    return p_min + (p_max - p_min) * (1.0 - f);
  }

  // SortedOutcomeSpace.searchIndexWith and getIndexOfBidNearUtility, as GENIUS has them.
  std::int64_t near(double goal) const {
    int low = 0, high = static_cast<int>(u.size()) - 1, middle = -1, last = 0;
    int found = -1;
    while (found < 0 && last != middle) {
      last = middle;
      middle = (low + high) / 2;
      if (u[middle] == goal)
        found = middle;
      else if (u[middle] < goal)
        high = middle;
      else
        low = middle;
    }
    const int index = found >= 0 ? found : middle;
    double closest = std::abs(u[index] - goal);
    if (index > 0 && std::abs(u[index - 1] - goal) < closest)
      closest = std::abs(u[index - 1] - goal);
    const bool next =
        index + 1 < static_cast<int>(u.size()) && std::abs(u[index + 1] - goal) < closest;
    return sorted[static_cast<std::size_t>(next ? index + 1 : index)];
  }
};

struct Session {
  std::vector<std::int64_t> offers;  // in order, both parties
  bool agreed = false;
  std::int64_t deal = -1;
};

// GENIUS's session: R rounds, every party one turn per round, first party opens.
Session genius_session(const ReferenceAgent& a, const ReferenceAgent& b, const Eigen::ArrayXd& ua,
                       const Eigen::ArrayXd& ub, int rounds) {
  Session s;
  const ReferenceAgent* agent[2] = {&a, &b};
  const Eigen::ArrayXd* utility[2] = {&ua, &ub};
  std::int64_t standing = -1;
  for (int g = 1; g <= rounds; ++g) {
    const double t = static_cast<double>(g) / (rounds + 1);
    for (int p = 0; p < 2; ++p) {
      const std::int64_t planned = agent[p]->near(agent[p]->target(t));
      if (standing >= 0 && (*utility[p])[standing] >= (*utility[p])[planned]) {
        s.agreed = true;
        s.deal = standing;
        return s;
      }
      s.offers.push_back(planned);
      standing = planned;
    }
  }
  return s;
}

std::string param_text(double e) {
  std::ostringstream out;
  out << e;
  return out.str();
}

TEST(GeniusParity, TimeDependentAgentsOfferAsGeniusOnEveryAnacDomain) {
  if (!fs::is_directory(kShared)) GTEST_SKIP() << "no GENIUS domains at " << kShared;
  int domains = 0;
  for (const auto& entry : fs::directory_iterator(kShared)) {
    if (!entry.is_directory()) continue;
    for (const int rounds : {10, 30}) {
      GeniusFolder folder;
      nlohmann::ordered_json imported;
      GeniusImportOptions options;
      options.deadline_rounds = rounds;
      options.agents.models = {"time-dependent"};
      try {
        folder = scan_genius_folder(entry.path().string());
        folder.profiles.resize(2);  // a bilateral session of the first two profiles
        imported = import_genius(folder.domain, folder.profiles, options);
      } catch (const InputError& error) {
        std::cout << "[ skipped  ] " << entry.path().filename().string()
                  << ": parley refuses it: " << error.what() << "\n";
        continue;
      }
      if (rounds == 30) ++domains;
      EXPECT_EQ(imported["protocol"]["deadline_rounds"], 2 * rounds - 1);
      for (const double ea : {0.2, 1.0, 2.0})
        for (const double eb : {0.2, 1.0, 2.0}) {
          nlohmann::ordered_json scenario = imported;
          scenario["parties"][0]["agent"]["params"]["e"] = ea;
          scenario["parties"][1]["agent"]["params"]["e"] = eb;
          ASSERT_EQ(scenario["parties"][0]["agent"]["params"]["genius"], 1);
          const Simulator simulator(load_scenario_text(scenario.dump(), "parity", builtin_agents()),
                                    builtin_agents());
          test::RecordingTrace trace;
          const RunResult result = simulator.run(1, 0, &trace);
          const OutcomeSpace& space = simulator.space(0);
          const ReferenceAgent a(space.utilities(0),
                                 simulator.scenario().parties[0].preferences.reservation[0], ea);
          const ReferenceAgent b(space.utilities(1),
                                 simulator.scenario().parties[1].preferences.reservation[0], eb);
          const Session expected =
              genius_session(a, b, space.utilities(0), space.utilities(1), rounds);
          const std::string where = entry.path().filename().string() +
                                    ", R = " + std::to_string(rounds) + ", e = " + param_text(ea) +
                                    " vs " + param_text(eb);
          std::vector<std::int64_t> offers;
          for (const Move& m : trace.offers()) offers.push_back(m.deal.outcome);
          // GENIUS's last offer (of its round R) can never be answered; parley stops before it.
          std::vector<std::int64_t> answerable = expected.offers;
          if (!expected.agreed && !answerable.empty()) answerable.pop_back();
          EXPECT_EQ(offers, answerable) << where;
          EXPECT_EQ(result.tracks[0].status == TrackStatus::Agreed, expected.agreed) << where;
          if (expected.agreed) {
            EXPECT_EQ(result.tracks[0].deal.outcome, expected.deal) << where;
          }
        }
    }
  }
  EXPECT_GE(domains, 2) << "Laptop and EnglandZimbabwe at least";
}

}  // namespace
}  // namespace parley
