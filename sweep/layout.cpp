#include "sweep/layout.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/solutions/disagreement_point.hpp"
#include "analysis/statistics/json_number.hpp"

namespace parley {

namespace {

// The largest value a parameter can take: its support's upper end, or a far quantile for an
// unbounded distribution (values beyond it still count, in the histogram's overflow).
double reach(const Distribution& d) {
  const ValueRange r = support(d);
  return std::isfinite(r.hi) ? r.hi : quantile(d, 0.9999);
}

IssueKind issue_kind(const std::string& name) {
  for (auto kind : {IssueKind::Options, IssueKind::Quantity, IssueKind::Share, IssueKind::Flag})
    if (name == to_string(kind)) return kind;
  throw std::invalid_argument("unknown issue kind '" + name + "'");
}

}  // namespace

std::vector<int> SweepLayout::varying() const {
  std::vector<int> out;
  for (std::size_t j = 0; j < parameters.size(); ++j)
    if (parameters[j].varies) out.push_back(static_cast<int>(j));
  return out;
}

bool operator==(const SweepLayout& a, const SweepLayout& b) {
  return to_json(a) == to_json(b);
}

SweepLayout make_sweep_layout(const Simulator& simulator, const std::vector<ParameterSlot>& slots,
                              const UncertaintySpec& spec) {
  const Scenario& s = simulator.scenario();
  SweepLayout layout;
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    SweepLayout::TrackInfo track{s.tracks[t].id, s.tracks[t].label, {}};
    track.disagreement = json_name(run_disagreement_point(simulator, static_cast<int>(t)).source);
    for (int index : s.tracks[t].issues) {
      const Issue& issue = s.issues[index];
      SweepLayout::IssueInfo info;
      info.id = issue.id;
      info.label = issue.label;
      info.unit = issue.unit;
      info.kind = issue.kind;
      info.min = issue.min;
      info.max = issue.max;
      for (int level = 0; level < issue.levels(); ++level) {
        info.level_values.push_back(issue.value_at(level));
        if (issue.kind == IssueKind::Options || issue.kind == IssueKind::Flag)
          info.level_names.push_back(issue.options.at(static_cast<std::size_t>(level)));
      }
      track.issues.push_back(std::move(info));
    }
    layout.tracks.push_back(std::move(track));
  }
  // Horizon: the most rounds a track can stay open, over every deadline the sweep can draw.
  double deadline = s.protocol.deadline_rounds;
  for (std::size_t j = 0; j < slots.size(); ++j)
    if (slots[j].kind == SlotKind::DeadlineRounds)
      deadline = reach(spec.parameters[j].distribution);
  const double horizon = deadline > 0 ? deadline : s.protocol.max_rounds;
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    double cost = s.parties[p].preferences.cost_per_round;
    for (std::size_t j = 0; j < slots.size(); ++j)
      if (slots[j].kind == SlotKind::CostPerRound && slots[j].party == static_cast<int>(p))
        cost = reach(spec.parameters[j].distribution);
    const double most = cost * horizon;
    layout.parties.push_back(
        {s.parties[p].id, s.parties[p].name, most > 0 ? -most : 0.0, most > 0 ? most : 1.0});
  }
  for (const UncertainParameter& p : spec.parameters)
    layout.parameters.push_back(
        {p.pointer, p.distribution, p.distribution.kind != DistributionKind::Fixed});
  for (std::size_t j = 0; j < slots.size(); ++j) layout.parameters[j].pointer = slots[j].pointer;
  layout.history = history_outline(s);
  return layout;
}

nlohmann::json to_json(const SweepLayout& layout) {
  nlohmann::json tracks = nlohmann::json::array();
  for (const auto& t : layout.tracks) {
    nlohmann::json issues = nlohmann::json::array();
    for (const auto& i : t.issues) {
      nlohmann::json values = nlohmann::json::array();
      for (double v : i.level_values) values.push_back(exact_json_number(v));
      issues.push_back({{"id", i.id},
                        {"label", i.label},
                        {"unit", i.unit},
                        {"kind", to_string(i.kind)},
                        {"level_names", i.level_names},
                        {"level_values", values},
                        {"min", exact_json_number(i.min)},
                        {"max", exact_json_number(i.max)}});
    }
    nlohmann::json track = {{"id", t.id}, {"label", t.label}, {"issues", issues}};
    // Written only for war tracks, so the state of a sweep without war reads as before.
    if (t.disagreement != "reservation") track["disagreement"] = t.disagreement;
    tracks.push_back(std::move(track));
  }
  nlohmann::json parties = nlohmann::json::array();
  for (const auto& p : layout.parties)
    parties.push_back({{"id", p.id},
                       {"name", p.name},
                       {"utility_lower", exact_json_number(p.utility_lower)},
                       {"costs_upper", exact_json_number(p.costs_upper)}});
  nlohmann::json parameters = nlohmann::json::array();
  for (const auto& p : layout.parameters)
    parameters.push_back({{"pointer", p.pointer}, {"distribution", describe(p.distribution)}});
  nlohmann::json out = {{"tracks", tracks}, {"parties", parties}, {"parameters", parameters}};
  // Only with a history block, so the states of other scenarios keep their bytes.
  if (layout.history.present) out["history"] = to_json(layout.history);
  return out;
}

SweepLayout sweep_layout_from_json(const nlohmann::json& json) {
  SweepLayout layout;
  for (const auto& t : json.at("tracks")) {
    SweepLayout::TrackInfo track{t.at("id"), t.at("label"), {}};
    track.disagreement = t.value("disagreement", std::string("reservation"));
    for (const auto& i : t.at("issues")) {
      SweepLayout::IssueInfo info;
      info.id = i.at("id");
      info.label = i.at("label");
      info.unit = i.at("unit");
      info.kind = issue_kind(i.at("kind"));
      info.level_names = i.at("level_names").get<std::vector<std::string>>();
      for (const auto& v : i.at("level_values"))
        info.level_values.push_back(exact_number_from_json(v));
      info.min = exact_number_from_json(i.at("min"));
      info.max = exact_number_from_json(i.at("max"));
      track.issues.push_back(std::move(info));
    }
    layout.tracks.push_back(std::move(track));
  }
  for (const auto& p : json.at("parties"))
    layout.parties.push_back({p.at("id"), p.at("name"),
                              exact_number_from_json(p.at("utility_lower")),
                              exact_number_from_json(p.at("costs_upper"))});
  for (const auto& p : json.at("parameters")) {
    std::string error;
    const auto d = parse_distribution(p.at("distribution").get<std::string>(), error);
    if (!d) throw std::invalid_argument("bad distribution in sweep state: " + error);
    layout.parameters.push_back({p.at("pointer"), *d, d->kind != DistributionKind::Fixed});
  }
  if (json.contains("history")) layout.history = history_outline_from_json(json.at("history"));
  return layout;
}

}  // namespace parley
