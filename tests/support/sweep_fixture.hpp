#pragma once
// A small two-track, two-party scenario for the sweep tests: a share split (off-grid deals
// possible) on one track, an options issue and a flag on the other; Boulware against linear
// concession with breakdown risk, so runs differ by seed as well as by drawn parameters.
#include <memory>
#include <string>

#include "engine/random/distribution.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/uncertainty.hpp"

namespace parley::testing {

inline ScenarioPtr sweep_fixture_scenario() {
  auto s = std::make_shared<Scenario>();
  s->file = "fixture.json";
  s->meta.name = "sweep fixture";
  s->meta.date = "2025-06-02";
  Issue split;
  split.id = "split";
  split.label = "Split";
  split.kind = IssueKind::Share;
  split.min = 0.0;
  split.max = 1.0;
  split.resolution = 11;
  Issue form;
  form.id = "form";
  form.label = "Form";
  form.kind = IssueKind::Options;
  form.options = {"narrow", "middle", "broad"};
  Issue flag;
  flag.id = "flag";
  flag.label = "Flag";
  flag.kind = IssueKind::Flag;
  flag.options = {"no", "yes"};
  s->issues = {split, form, flag};
  s->tracks = {Track{"money", "Money", {0}, {}}, Track{"terms", "Terms", {1, 2}, {}}};
  const char* models[2] = {"boulware", "linear"};
  for (int p = 0; p < 2; ++p) {
    Party party;
    party.id = p == 0 ? "A" : "B";
    party.name = party.id;
    party.agent.model = models[p];
    Preferences& prefs = party.preferences;
    prefs.weights = {0.5, 0.3, 0.2};
    if (p == 0) {
      prefs.values = {ValueFunction::piecewise_linear({{0, 0}, {1, 1}}),
                      ValueFunction::table({0.0, 0.6, 1.0}), ValueFunction::table({0.2, 1.0})};
    } else {
      prefs.values = {ValueFunction::piecewise_linear({{0, 1}, {1, 0}}),
                      ValueFunction::table({1.0, 0.7, 0.0}), ValueFunction::table({1.0, 0.4})};
    }
    prefs.reservation = {0.3, 0.3};
    prefs.discount = 0.99;
    prefs.cost_per_round = 0.002;
    s->parties.push_back(party);
  }
  s->protocol.deadline_rounds = 20;
  s->protocol.breakdown_probability = 0.05;
  return s;
}

inline UncertainParameter vary(const std::string& pointer, const std::string& text) {
  std::string error;
  UncertainParameter p;
  p.pointer = pointer;
  p.distribution = parse_distribution(text, error).value();
  p.declared.file = "--vary";
  return p;
}

// Uncertainty over the fixture's numbers of every kind a sweep can vary.
inline UncertaintySpec sweep_fixture_uncertainty(DesignKind design = DesignKind::MonteCarlo) {
  UncertaintySpec spec;
  spec.design = design;
  spec.parameters = {
      vary("/parties/0/preferences/discount", "uniform(0.9, 0.999)"),
      vary("/parties/1/preferences/cost_per_round", "triangular(0, 0.002, 0.01)"),
      vary("/parties/0/preferences/reservation/terms", "beta(2, 5, 0, 0.6)"),
      vary("/protocol/breakdown_probability", "truncated_normal(0.05, 0.03, 0, 0.2)"),
      vary("/parties/0/agent/params/e", "discrete(0.1, 0.2, 0.5)"),
  };
  return spec;
}

}  // namespace parley::testing
