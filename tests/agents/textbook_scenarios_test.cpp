// Every file in scenarios/textbook/ is loaded, run with its own agents, and checked against the
// closed form it illustrates. The expected numbers are computed here from the file's own
// parameters with theory.md's formulas, so editing a file's numbers keeps the test meaningful;
// a new file must be given its closed form below.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"
#include "tests/support/recording_trace.hpp"

namespace parley {
namespace {

constexpr double kTheoryTolerance = 1e-9;
const std::string kDir = std::string(PARLEY_SOURCE_DIR) + "/scenarios/textbook/";

enum class ClosedForm {
  Rubinstein,
  FiniteHorizon,
  FixedCosts,
  OutsideOption,
  Breakdown,
  ZeuthenNash,
  TimeDependent
};

ClosedForm closed_form_of(const std::string& file) {
  const auto starts = [&](const char* prefix) { return file.rfind(prefix, 0) == 0; };
  if (starts("rubinstein-")) return ClosedForm::Rubinstein;
  if (starts("stahl-")) return ClosedForm::FiniteHorizon;
  if (starts("fixed-costs-")) return ClosedForm::FixedCosts;
  if (starts("outside-option-")) return ClosedForm::OutsideOption;
  if (starts("breakdown-")) return ClosedForm::Breakdown;
  if (starts("zeuthen-")) return ClosedForm::ZeuthenNash;
  if (starts("time-dependent-")) return ClosedForm::TimeDependent;
  ADD_FAILURE() << file << " has no closed form in this test: add one";
  return ClosedForm::Rubinstein;
}

double rubinstein_share(double d1, double d2) {
  return (1 - d2) / (1 - d1 * d2);
}

const TrackResult& run_once(const ScenarioPtr& scenario, RunResult& storage,
                            test::RecordingTrace* trace = nullptr) {
  const Simulator simulator(scenario, builtin_agents());
  storage = simulator.run(1, 0, trace);
  return storage.tracks.at(0);
}

double immediate_share(const ScenarioPtr& scenario) {
  RunResult result;
  const TrackResult& track = run_once(scenario, result);
  EXPECT_EQ(track.status, TrackStatus::Agreed);
  EXPECT_EQ(track.round, 0);
  return track.deal.values[0];
}

void check_file(const std::string& file) {
  SCOPED_TRACE(file);
  const ScenarioPtr s = load_scenario(kDir + file, builtin_agents());
  const Preferences& a = s->parties.at(0).preferences;
  const Preferences& b = s->parties.at(1).preferences;
  const ProtocolSpec& rules = s->protocol;
  switch (closed_form_of(file)) {
    case ClosedForm::Rubinstein:
      ASSERT_EQ(rules.deadline_rounds, 0);
      EXPECT_NEAR(immediate_share(s), rubinstein_share(a.discount, b.discount), kTheoryTolerance);
      break;
    case ClosedForm::FiniteHorizon: {
      ASSERT_EQ(a.discount, b.discount) << "the closed form is for a common d";
      const double d = a.discount;
      for (int T = 1; T <= 5; ++T) {
        auto copy = std::make_shared<Scenario>(*s);
        copy->protocol.deadline_rounds = T;
        EXPECT_NEAR(immediate_share(copy), (1 - std::pow(-d, T)) / (1 + d), kTheoryTolerance)
            << "T = " << T;
      }
      break;
    }
    case ClosedForm::FixedCosts: {
      ASSERT_EQ(a.discount, 1.0);
      ASSERT_EQ(b.discount, 1.0);
      const double c1 = a.cost_per_round, c2 = b.cost_per_round;
      const double x = immediate_share(s);
      if (c1 < c2) {
        EXPECT_NEAR(x, 1.0, kTheoryTolerance);
      }
      if (c1 > c2) {
        EXPECT_NEAR(x, c2, kTheoryTolerance);
      }
      if (c1 == c2) {
        EXPECT_GE(x, c1 - kTheoryTolerance);
        EXPECT_NEAR(x, 1.0, kTheoryTolerance) << "docs/agents.md: the documented selection";
      }
      break;
    }
    case ClosedForm::OutsideOption: {
      ASSERT_TRUE(rules.walk_away);
      const double x_star = rubinstein_share(a.discount, b.discount);
      const double option = b.reservation.at(0);
      const bool binds = option > 1 - x_star;
      EXPECT_EQ(binds, file.find("not-binding") == std::string::npos) << "the file's name says";
      EXPECT_NEAR(immediate_share(s), binds ? 1 - option : x_star, kTheoryTolerance);
      break;
    }
    case ClosedForm::Breakdown: {
      ASSERT_EQ(a.discount, 1.0);
      ASSERT_EQ(b.discount, 1.0);
      const double p = rules.breakdown_probability;
      const double b1 = a.reservation.at(0), b2 = b.reservation.at(0);
      EXPECT_NEAR(immediate_share(s), (1 - b2 + (1 - p) * b1) / (2 - p), kTheoryTolerance);
      break;
    }
    case ClosedForm::ZeuthenNash: {
      const OutcomeSpace space(*s, 0);
      std::int64_t argmax = -1;
      double best = -1, runner_up = -1;
      for (std::int64_t o = 0; o < space.size(); ++o) {
        const double ga = space.utilities(0)[o] - a.reservation.at(0);
        const double gb = space.utilities(1)[o] - b.reservation.at(0);
        if (ga < 0 || gb < 0) continue;
        if (ga * gb > best) {
          runner_up = best;
          best = ga * gb;
          argmax = o;
        } else {
          runner_up = std::max(runner_up, ga * gb);
        }
      }
      ASSERT_GT(best - runner_up, 1e-9) << "the Nash maximiser must be unique";
      RunResult result;
      const TrackResult& track = run_once(s, result);
      ASSERT_EQ(track.status, TrackStatus::Agreed);
      EXPECT_EQ(track.deal.outcome, argmax);
      break;
    }
    case ClosedForm::TimeDependent: {
      const std::string& model = s->parties.at(0).agent.model;
      std::map<std::string, double> params;
      ASSERT_FALSE(
          builtin_agents().resolve(model, s->parties.at(0).agent.params, params).has_value());
      const double e = params.count("e") ? params.at("e") : 1.0;  // linear: e = 1
      const double floor = params.at("floor");
      const int deadline = rules.deadline_rounds;
      ASSERT_GT(deadline, 1);
      test::RecordingTrace trace;
      RunResult result;
      run_once(s, result, &trace);
      const OutcomeSpace space(*s, 0);
      const Eigen::ArrayXd& u = space.utilities(0);
      const double p_max = u.maxCoeff();
      const double p_min = std::max(a.reservation.at(0), floor);
      int checked = 0;
      for (const Move& m : trace.offers(0)) {
        const double t = static_cast<double>(m.round) / (deadline - 1);
        const double target = p_min + (p_max - p_min) * (1 - std::pow(t, 1 / e));
        double smallest = 2;
        for (Eigen::Index o = 0; o < u.size(); ++o)
          if (u[o] >= target) smallest = std::min(smallest, u[o]);
        EXPECT_EQ(u[m.deal.outcome], smallest) << "round " << m.round;
        ++checked;
      }
      EXPECT_EQ(checked, (deadline + 1) / 2);
      break;
    }
  }
}

TEST(TextbookScenarios, EachFileReproducesItsClosedForm) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    if (entry.path().extension() != ".json") continue;
    check_file(entry.path().filename().string());
    ++files;
  }
  EXPECT_GE(files, 16);
}

}  // namespace
}  // namespace parley
