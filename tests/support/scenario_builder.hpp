#pragma once
// Builds typed Scenarios in code for tests, without the loader: issues, tracks, parties with
// their agents and preferences, and the protocol. Whatever a test leaves out gets a plain
// default (weight 1, increasing linear value function, reservation 0, discount 1, no costs, one
// track "all" holding every issue). Header-only.
//
//   ScenarioBuilder b;
//   b.share("x", 0, 1, 101);
//   b.party("A", "rubinstein").points("x", {{0, 0}, {1, 1}}).discount(0.9);
//   b.party("B", "rubinstein").points("x", {{0, 1}, {1, 0}}).discount(0.9);
//   b.complete_information();
//   ScenarioPtr s = b.build();
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace parley::test {

class PartyBuilder {
 public:
  PartyBuilder(std::string id, std::string model, std::map<std::string, double> params)
      : id_(std::move(id)), model_(std::move(model)), params_(std::move(params)) {}

  PartyBuilder& param(const std::string& name, double value) {
    params_[name] = value;
    return *this;
  }
  PartyBuilder& weight(const std::string& issue, double w) {
    weights_[issue] = w;
    return *this;
  }
  PartyBuilder& points(const std::string& issue, std::vector<std::pair<double, double>> pts) {
    values_.insert_or_assign(issue, ValueFunction::piecewise_linear(std::move(pts)));
    return *this;
  }
  PartyBuilder& table(const std::string& issue, std::vector<double> values) {
    values_.insert_or_assign(issue, ValueFunction::table(std::move(values)));
    return *this;
  }
  // The same reservation value on every track.
  PartyBuilder& reservation(double r) {
    all_tracks_reservation_ = r;
    return *this;
  }
  PartyBuilder& reservation(const std::string& track, double r) {
    track_reservation_[track] = r;
    return *this;
  }
  PartyBuilder& discount(double d) {
    discount_ = d;
    return *this;
  }
  PartyBuilder& cost(double c) {
    cost_ = c;
    return *this;
  }
  PartyBuilder& name(std::string n) {
    name_ = std::move(n);
    return *this;
  }
  const std::string& id() const { return id_; }

 private:
  friend class ScenarioBuilder;
  std::string id_;
  std::string model_;
  std::map<std::string, double> params_;
  std::optional<std::string> name_;
  std::map<std::string, double> weights_;
  std::map<std::string, ValueFunction> values_;
  double all_tracks_reservation_ = 0.0;
  std::map<std::string, double> track_reservation_;
  double discount_ = 1.0;
  double cost_ = 0.0;
};

class ScenarioBuilder {
 public:
  explicit ScenarioBuilder(std::string name = "test scenario") { meta_.name = std::move(name); }

  ScenarioBuilder& share(const std::string& id, double min, double max, int resolution = 11) {
    Issue issue = make_issue(id, IssueKind::Share);
    issue.min = min;
    issue.max = max;
    issue.resolution = resolution;
    issues_.push_back(std::move(issue));
    return *this;
  }
  ScenarioBuilder& quantity(const std::string& id, double min, double max, double step = 1) {
    Issue issue = make_issue(id, IssueKind::Quantity);
    issue.min = min;
    issue.max = max;
    issue.step = step;
    issues_.push_back(std::move(issue));
    return *this;
  }
  ScenarioBuilder& options(const std::string& id, std::vector<std::string> choices) {
    Issue issue = make_issue(id, IssueKind::Options);
    issue.options = std::move(choices);
    issues_.push_back(std::move(issue));
    return *this;
  }
  ScenarioBuilder& flag(const std::string& id) {
    Issue issue = make_issue(id, IssueKind::Flag);
    issue.options = {"no", "yes"};
    issues_.push_back(std::move(issue));
    return *this;
  }
  ScenarioBuilder& track(const std::string& id, std::vector<std::string> issue_ids) {
    tracks_.emplace_back(id, std::move(issue_ids));
    return *this;
  }

  // Adds a party (in call order), or returns the one already added under `id`.
  PartyBuilder& party(const std::string& id, const std::string& model = "",
                      std::map<std::string, double> params = {}) {
    for (PartyBuilder& p : parties_)
      if (p.id() == id) return p;
    if (model.empty()) throw std::invalid_argument("party '" + id + "' needs an agent model");
    return parties_.emplace_back(id, model, std::move(params));
  }

  ScenarioBuilder& opener(const std::string& party_id) {
    opener_ = party_id;
    return *this;
  }
  ScenarioBuilder& deadline(int rounds) {
    protocol_.deadline_rounds = rounds;
    return *this;
  }
  ScenarioBuilder& breakdown(double p) {
    protocol_.breakdown_probability = p;
    return *this;
  }
  ScenarioBuilder& walk_away(bool allowed = true) {
    protocol_.walk_away = allowed;
    return *this;
  }
  ScenarioBuilder& complete_information(bool complete = true) {
    protocol_.complete_information = complete;
    return *this;
  }
  ScenarioBuilder& stacked() {
    protocol_.kind = ProtocolKind::Stacked;
    return *this;
  }
  ScenarioBuilder& max_rounds(int rounds) {
    protocol_.max_rounds = rounds;
    return *this;
  }

  ScenarioPtr build() const {
    auto s = std::make_shared<Scenario>();
    s->file = "<built in code: " + meta_.name + ">";
    s->meta = meta_;
    if (s->meta.date.empty()) s->meta.date = "2025-01-01";
    Date::parse(s->meta.date, s->clock.start);
    s->issues = issues_;
    if (tracks_.empty()) {
      Track all{"all", "All issues", {}, {}};
      for (std::size_t k = 0; k < issues_.size(); ++k) all.issues.push_back(static_cast<int>(k));
      s->tracks.push_back(std::move(all));
    }
    for (const auto& [id, issue_ids] : tracks_) {
      Track t{id, id, {}, {}};
      for (const std::string& issue : issue_ids) t.issues.push_back(index_of_issue(*s, issue));
      s->tracks.push_back(std::move(t));
    }
    for (const PartyBuilder& pb : parties_) s->parties.push_back(make_party(*s, pb));
    s->protocol = protocol_;
    if (opener_) {
      s->protocol.opener = s->party_index(*opener_);
      if (s->protocol.opener < 0) throw std::invalid_argument("unknown opener " + *opener_);
    }
    return s;
  }

 private:
  static Issue make_issue(const std::string& id, IssueKind kind) {
    Issue issue;
    issue.id = id;
    issue.label = id;
    issue.kind = kind;
    return issue;
  }

  static int index_of_issue(const Scenario& s, const std::string& id) {
    const int k = s.issue_index(id);
    if (k < 0) throw std::invalid_argument("unknown issue " + id);
    return k;
  }

  // The increasing linear value function of an issue: worst at its low end, best at its high end.
  static ValueFunction default_value(const Issue& issue) {
    if (issue.kind == IssueKind::Quantity || issue.kind == IssueKind::Share)
      return ValueFunction::piecewise_linear({{issue.min, 0.0}, {issue.max, 1.0}});
    const int n = issue.levels();
    std::vector<double> table(static_cast<std::size_t>(n));
    for (int level = 0; level < n; ++level) table[level] = static_cast<double>(level) / (n - 1);
    return ValueFunction::table(std::move(table));
  }

  static Party make_party(const Scenario& s, const PartyBuilder& pb) {
    Party party;
    party.id = pb.id_;
    party.name = pb.name_.value_or(pb.id_);
    party.agent.model = pb.model_;
    party.agent.params = pb.params_;
    Preferences& prefs = party.preferences;
    for (const auto& [issue, w] : pb.weights_) index_of_issue(s, issue);
    for (const auto& [issue, v] : pb.values_) index_of_issue(s, issue);
    for (const Issue& issue : s.issues) {
      const auto w = pb.weights_.find(issue.id);
      prefs.weights.push_back(w == pb.weights_.end() ? 1.0 : w->second);
      const auto v = pb.values_.find(issue.id);
      prefs.values.push_back(v == pb.values_.end() ? default_value(issue) : v->second);
    }
    for (const Track& track : s.tracks) {
      const auto r = pb.track_reservation_.find(track.id);
      prefs.reservation.push_back(r == pb.track_reservation_.end() ? pb.all_tracks_reservation_
                                                                   : r->second);
    }
    prefs.discount = pb.discount_;
    prefs.cost_per_round = pb.cost_;
    prefs.salience_source = "test";
    return party;
  }

  ScenarioMeta meta_;
  std::vector<Issue> issues_;
  std::vector<std::pair<std::string, std::vector<std::string>>> tracks_;
  std::deque<PartyBuilder> parties_;
  std::optional<std::string> opener_;
  ProtocolSpec protocol_;
};

// theory.md's pie: one share issue x in [0, 1] (player 1's share), player "A" (the opener)
// values x, player "B" values 1 - x, both played by `model`, with complete information.
inline ScenarioBuilder split_the_pie(const std::string& model, double d1, double d2,
                                     int resolution = 101) {
  ScenarioBuilder b("split the pie");
  b.share("x", 0.0, 1.0, resolution);
  b.party("A", model).points("x", {{0.0, 0.0}, {1.0, 1.0}}).discount(d1);
  b.party("B", model).points("x", {{0.0, 1.0}, {1.0, 0.0}}).discount(d2);
  b.opener("A").complete_information();
  return b;
}

}  // namespace parley::test
