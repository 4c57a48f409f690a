#include "sweep/layout.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/solutions/disagreement_point.hpp"
#include "analysis/statistics/json_number.hpp"

namespace parley {

std::size_t SweepLayout::IssueInfo::nearest_level(double x) const {
  const auto it = std::lower_bound(level_values.begin(), level_values.end(), x);
  if (it == level_values.begin()) return 0;
  if (it == level_values.end()) return level_values.size() - 1;
  const auto below = it - 1;
  return static_cast<std::size_t>((x - *below <= *it - x) ? below - level_values.begin()
                                                          : it - level_values.begin());
}

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

// How far the total of one party's cost of one kind can reach over `horizon` rounds: the
// per-round mean (or its bound) plus four standard deviations, as large as any swept value,
// pressure lever or change_costs event can make it. Totals beyond count in the overflow.
double cost_reach(const Scenario& s, const std::vector<ParameterSlot>& slots,
                  const UncertaintySpec& spec, int party, int kind, double horizon) {
  const CostDistribution& d = s.world.parties[party].costs[kind].per_round;
  double mean = d.kind == CostDistributionKind::Uniform ? d.max : d.mean;
  double sd = d.kind == CostDistributionKind::Poisson ? std::sqrt(d.mean) : d.sd;
  for (std::size_t j = 0; j < slots.size(); ++j) {
    if (slots[j].party != party || slots[j].cost_kind != kind) continue;
    const double r = reach(spec.parameters[j].distribution);
    if (slots[j].kind == SlotKind::CostMean || slots[j].kind == SlotKind::CostMax)
      mean = std::max(mean, r);
    if (slots[j].kind == SlotKind::CostSd) sd = std::max(sd, r);
  }
  double per_round = mean + 4.0 * sd;
  for (const PressureLever& lever : s.world.pressure)
    if (lever.party == party && lever.cost_kind == kind)
      per_round = per_round * std::max(1.0, lever.cost_multiplier) + std::max(0.0, lever.cost_add);
  for (const EventSpec& e : s.world.events) {
    if (e.kind != "change_costs" || static_cast<int>(e.args.at("party")) != party ||
        static_cast<int>(e.args.at("cost")) != kind)
      continue;
    per_round =
        per_round * std::max(1.0, e.args.at("multiplier")) + std::max(0.0, e.args.at("add"));
  }
  return per_round * horizon;
}

// Can the party bear a cost of this kind at all? Not when the file gives it none (a fixed 0)
// and nothing — a swept value, a lever, an event — can change that.
bool bears_cost(const Scenario& s, const std::vector<ParameterSlot>& slots, int party, int kind) {
  const CostDistribution& d = s.world.parties[party].costs[kind].per_round;
  if (d.kind != CostDistributionKind::Fixed || d.mean != 0.0) return true;
  for (const ParameterSlot& slot : slots)
    if (slot.party == party && slot.cost_kind == kind &&
        (slot.kind == SlotKind::CostMean || slot.kind == SlotKind::CostMax ||
         slot.kind == SlotKind::CostMin))
      return true;
  for (const PressureLever& lever : s.world.pressure)
    if (lever.party == party && lever.cost_kind == kind && lever.cost_add > 0.0) return true;
  for (const EventSpec& e : s.world.events)
    if (e.kind == "change_costs" && static_cast<int>(e.args.at("party")) == party &&
        static_cast<int>(e.args.at("cost")) == kind && e.args.at("add") > 0.0)
      return true;
  return false;
}

}  // namespace

int SweepLayout::bin(std::size_t j, double x) const {
  const ParameterInfo& p = parameters[j];
  if (p.bins <= 1 || p.distribution.kind == DistributionKind::Discrete) return bin(j, x, 0.0);
  return bin(j, x, cdf(p.distribution, x));
}

int SweepLayout::bin(std::size_t j, double x, double u) const {
  const ParameterInfo& p = parameters[j];
  const Distribution& d = p.distribution;
  if (p.bins <= 1) return 0;
  if (d.kind == DistributionKind::Discrete) {
    // The nearest value: a run's value is one of them.
    const auto it = std::lower_bound(d.values.begin(), d.values.end(), x);
    if (it == d.values.begin()) return 0;
    if (it == d.values.end()) return p.bins - 1;
    const auto k = it - d.values.begin();
    return static_cast<int>(x - *(it - 1) <= *it - x ? k - 1 : k);
  }
  return std::clamp(static_cast<int>(std::floor(u * p.bins)), 0, p.bins - 1);
}

namespace {

int bins_of(const UncertainParameter& p, const UncertaintySpec& spec) {
  const Distribution& d = p.distribution;
  if (d.kind == DistributionKind::Fixed) return 1;
  if (d.kind == DistributionKind::Discrete) return static_cast<int>(d.values.size());
  if (spec.design == DesignKind::Grid) return p.levels > 0 ? p.levels : spec.grid_levels;
  return SweepLayout::kContinuousBins;
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
    layout.parameters.push_back({p.pointer, p.distribution,
                                 p.distribution.kind != DistributionKind::Fixed, bins_of(p, spec)});
  for (std::size_t j = 0; j < slots.size(); ++j) layout.parameters[j].pointer = slots[j].pointer;
  layout.grid = spec.design == DesignKind::Grid;
  layout.history = history_outline(s);

  const WorldSpec& w = s.world;
  layout.war.battlefield = w.battlefield.present;
  if (w.battlefield.present) {
    layout.war.up = w.battlefield.up_party;
    layout.war.down = w.battlefield.down_party;
  }
  if (!w.parties.empty()) {
    for (const CostKind& k : w.cost_kinds) layout.war.kinds.push_back({k.id, k.label, k.unit});
    for (std::size_t p = 0; p < s.parties.size(); ++p)
      for (std::size_t k = 0; k < w.cost_kinds.size(); ++k) {
        if (!bears_cost(s, slots, static_cast<int>(p), static_cast<int>(k))) continue;
        const double most =
            cost_reach(s, slots, spec, static_cast<int>(p), static_cast<int>(k), horizon);
        layout.war.costs.push_back({static_cast<int>(p), static_cast<int>(k),
                                    most > 0 && std::isfinite(most) ? most : 1.0});
      }
  }
  for (const ImplementationSpec& item : w.implementation)
    layout.implementation.push_back({item.id, item.label, s.tracks[item.track].id,
                                     item.issue >= 0 ? s.issues[item.issue].id : std::string()});
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
    parameters.push_back(
        {{"pointer", p.pointer}, {"distribution", describe(p.distribution)}, {"bins", p.bins}});
  nlohmann::json out = {
      {"tracks", tracks}, {"parties", parties}, {"parameters", parameters}, {"grid", layout.grid}};
  if (layout.war.battlefield || !layout.war.costs.empty()) {
    nlohmann::json kinds = nlohmann::json::array();
    for (const auto& k : layout.war.kinds)
      kinds.push_back({{"id", k.id}, {"label", k.label}, {"unit", k.unit}});
    nlohmann::json costs = nlohmann::json::array();
    for (const auto& c : layout.war.costs)
      costs.push_back(
          {{"party", c.party}, {"kind", c.kind}, {"upper", exact_json_number(c.upper)}});
    out["war"] = {{"battlefield", layout.war.battlefield},
                  {"up", layout.war.up},
                  {"down", layout.war.down},
                  {"kinds", kinds},
                  {"costs", costs}};
  }
  if (!layout.implementation.empty()) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : layout.implementation)
      items.push_back({{"id", i.id}, {"label", i.label}, {"track", i.track}, {"issue", i.issue}});
    out["implementation"] = items;
  }
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
    layout.parameters.push_back(
        {p.at("pointer"), *d, d->kind != DistributionKind::Fixed, p.value("bins", 1)});
  }
  layout.grid = json.value("grid", false);
  if (json.contains("history")) layout.history = history_outline_from_json(json.at("history"));
  if (json.contains("war")) {
    const auto& w = json.at("war");
    layout.war.battlefield = w.at("battlefield");
    layout.war.up = w.at("up");
    layout.war.down = w.at("down");
    for (const auto& k : w.at("kinds"))
      layout.war.kinds.push_back({k.at("id"), k.at("label"), k.at("unit")});
    for (const auto& c : w.at("costs"))
      layout.war.costs.push_back(
          {c.at("party"), c.at("kind"), exact_number_from_json(c.at("upper"))});
  }
  if (json.contains("implementation"))
    for (const auto& i : json.at("implementation"))
      layout.implementation.push_back({i.at("id"), i.at("label"), i.at("track"), i.at("issue")});
  return layout;
}

}  // namespace parley
