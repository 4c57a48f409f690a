#include "engine/load/scenario_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "engine/format.hpp"
#include "engine/load/history_loader.hpp"
#include "engine/load/mediation_loader.hpp"
#include "engine/load/message_text.hpp"
#include "engine/load/text_pattern.hpp"
#include "engine/load/track_links_loader.hpp"
#include "engine/load/type_loader.hpp"
#include "engine/load/world_loader.hpp"
#include "engine/scenario/deal.hpp"
#include "engine/scenario/outcome_space.hpp"

namespace parley {

namespace {
using Json = nlohmann::json;

constexpr std::size_t kListedIds = 12;  // a longer "known:" list stops helping

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

int index_of(const std::vector<std::string>& ids, const std::string& id) {
  const auto it = std::find(ids.begin(), ids.end(), id);
  return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
}

// "(known: a, b, c)", shortened for long lists.
std::string known(const std::vector<std::string>& ids) {
  if (ids.empty()) return "(none are declared)";
  if (ids.size() <= kListedIds) return "(known: " + plain_list(ids) + ")";
  const std::vector<std::string> first(ids.begin(), ids.begin() + kListedIds);
  return "(known: " + plain_list(first) + " and " + std::to_string(ids.size() - kListedIds) +
         " more)";
}

bool looks_like_id(const std::string& text) {
  return is_id(text);
}

// The number of values an issue takes in the outcome space, without int overflow.
std::int64_t level_count(const Issue& issue) {
  switch (issue.kind) {
    case IssueKind::Options:
      return static_cast<std::int64_t>(issue.options.size());
    case IssueKind::Flag:
      return 2;
    case IssueKind::Quantity:
      return std::llround((issue.max - issue.min) / issue.step) + 1;
    case IssueKind::Share:
      return issue.resolution;
  }
  return 0;
}

std::string a_kind(IssueKind kind) {
  return std::string(kind == IssueKind::Options ? "an " : "a ") + to_string(kind) + " issue";
}

class Builder {
 public:
  Builder(const JsonDocument& document, const AgentRegistry& registry, const LoadOptions& options)
      : doc_(document), registry_(registry), options_(options) {}

  Scenario build() {
    s_.format_version = 1;
    s_.file = doc_.name();
    read_meta();
    read_clock();
    read_issues();
    read_tracks();
    read_parties();
    read_mediators();
    read_protocol();
    check_agent_requirements();
    read_world(doc_, s_);  // world, pressure, events, implementation (engine/load/world_loader.hpp)
    // Private types, mediation and history (docs/scenario-format.md), after the world they use.
    read_private_types(doc_, s_);
    read_track_links(doc_, s_);  // after every track, so conditions may name any of them
    read_mediation(doc_, s_);    // after the links: an ultimatum's belief covers its package
    read_history(doc_, s_);
    return std::move(s_);
  }

 private:
  const JsonDocument& doc_;
  const AgentRegistry& registry_;
  LoadOptions options_;
  Scenario s_;
  std::vector<std::string> source_ids_;
  std::vector<std::string> issue_ids_;
  std::vector<std::string> track_ids_;
  std::vector<std::string> party_ids_;
  std::vector<std::string> actor_ids_;  // parties, then mediators: one id space
  std::vector<std::string> actor_owners_;

  bool has(const std::string& p) const { return doc_.contains(p); }
  const Json& at(const std::string& p) const { return doc_.at(p); }
  std::string text(const std::string& p, std::string fallback = {}) const {
    return has(p) ? at(p).get<std::string>() : fallback;
  }
  double number(const std::string& p, double fallback) const {
    return has(p) ? at(p).get<double>() : fallback;
  }
  std::int64_t integer(const std::string& p, std::int64_t fallback) const {
    return has(p) ? at(p).get<std::int64_t>() : fallback;
  }
  std::size_t size(const std::string& p) const { return has(p) ? at(p).size() : 0; }

  [[noreturn]] void fail(const std::string& p, std::string expected, std::string found) const {
    throw doc_.error(p, std::move(expected), std::move(found));
  }
  [[noreturn]] void fail_key(const std::string& p, std::string expected, std::string found) const {
    throw doc_.key_error(p, std::move(expected), std::move(found));
  }

  // An id must differ from the ids before it; `ids` holds them, with `owners` their pointers.
  void claim_id(const std::string& p, const char* what, std::vector<std::string>& ids,
                std::vector<std::string>& owners) {
    const std::string id = at(p).get<std::string>();
    const int earlier = index_of(ids, id);
    if (earlier >= 0)
      fail(p, std::string(what) + " not used before",
           quote(id) + " (already the id of " + owners[static_cast<std::size_t>(earlier)] + ")");
    ids.push_back(id);
    owners.push_back(parent_pointer(p));
  }

  Date read_date(const std::string& p) const {
    Date date;
    if (!Date::parse(at(p).get<std::string>(), date))
      fail(p, "a real calendar date, YYYY-MM-DD", doc_.literal(p));
    return date;
  }

  // A `source` names a declared source or is a citation in words ("judgement", "TASS, 2
  // June"). A single id-shaped word a typo away from a declared id is taken for that typo.
  void check_source(const std::string& p) const {
    if (!has(p)) return;
    const std::string source = at(p).get<std::string>();
    if (!looks_like_id(source) || contains(source_ids_, source)) return;
    const std::string match = closest_match(source, source_ids_);
    if (!match.empty())
      fail(p,
           "the id of a source in /meta/sources " + known(source_ids_) + " or a citation in words",
           quote(source) + " (did you mean " + quote(match) + "?)");
  }

  void read_meta() {
    s_.meta.name = text("/meta/name");
    s_.meta.description = text("/meta/description");
    s_.meta.situation = text("/meta/situation");
    s_.meta.date = read_date("/meta/date").to_string();
    std::vector<std::string> owners;
    for (std::size_t k = 0; k < size("/meta/sources"); ++k) {
      const std::string p = child_pointer("/meta/sources", k);
      claim_id(p + "/id", "a source id", source_ids_, owners);
      s_.meta.sources.push_back(Source{text(p + "/id"), text(p + "/citation"), text(p + "/url")});
    }
  }

  void read_clock() {
    s_.clock.start = has("/clock/start") ? read_date("/clock/start") : read_date("/meta/date");
    s_.clock.days_per_round = static_cast<int>(integer("/clock/days_per_round", 1));
    s_.clock.round_name = text("/clock/round_name", "day");
  }

  void read_issues() {
    std::vector<std::string> owners;
    for (std::size_t k = 0; k < size("/issues"); ++k) {
      const std::string p = child_pointer("/issues", k);
      claim_id(p + "/id", "an issue id", issue_ids_, owners);
      Issue issue;
      issue.id = text(p + "/id");
      issue.label = text(p + "/label");
      issue.unit = text(p + "/unit");
      issue.description = text(p + "/description");
      issue.brief = text(p + "/brief");
      const std::string kind = text(p + "/kind");
      if (kind == "options") {
        issue.kind = IssueKind::Options;
        issue.options = at(p + "/options").get<std::vector<std::string>>();
      } else if (kind == "flag") {
        issue.kind = IssueKind::Flag;
        issue.options = {"no", "yes"};
      } else {
        issue.kind = kind == "quantity" ? IssueKind::Quantity : IssueKind::Share;
        issue.min = number(p + "/min", 0);
        issue.max = number(p + "/max", 0);
        if (!(issue.min < issue.max))
          fail(p + "/max", "a maximum greater than min (" + doc_.literal(p + "/min") + ")",
               doc_.literal(p + "/max"));
      }
      if (issue.kind == IssueKind::Quantity) {
        const std::int64_t step = integer(p + "/step", 1);
        const std::int64_t span =
            at(p + "/max").get<std::int64_t>() - at(p + "/min").get<std::int64_t>();
        if (span % step != 0)
          fail(has(p + "/step") ? p + "/step" : p + "/max",
               "a step that divides max - min (" + format_thousands(span) + ")",
               std::to_string(step));
        issue.step = static_cast<double>(step);
      }
      if (issue.kind == IssueKind::Share)
        issue.resolution = static_cast<int>(integer(p + "/resolution", 11));
      s_.issues.push_back(std::move(issue));
    }
  }

  void read_tracks() {
    if (!has("/tracks")) {
      // Without tracks every issue is agreed together, on one track.
      Track all{"all", "all", {}, {}};
      for (std::size_t i = 0; i < s_.issues.size(); ++i) all.issues.push_back(static_cast<int>(i));
      if (all.issues.size() > static_cast<std::size_t>(kMaxTrackIssues))
        fail("/issues",
             "at most " + std::to_string(kMaxTrackIssues) +
                 " issues on one track (declare \"tracks\" to split them)",
             std::to_string(all.issues.size()) + " issues and no \"tracks\"");
      check_track_size("/issues", all);
      track_ids_.push_back(all.id);
      s_.tracks.push_back(std::move(all));
      return;
    }
    std::vector<std::string> owners;
    std::vector<int> track_of_issue(s_.issues.size(), -1);
    for (std::size_t t = 0; t < size("/tracks"); ++t) {
      const std::string p = child_pointer("/tracks", t);
      claim_id(p + "/id", "a track id", track_ids_, owners);
      Track track{text(p + "/id"), text(p + "/label", text(p + "/id")), {}, {}};
      for (std::size_t j = 0; j < size(p + "/issues"); ++j) {
        const std::string q = child_pointer(p + "/issues", j);
        const std::string id = at(q).get<std::string>();
        const int issue = index_of(issue_ids_, id);
        if (issue < 0)
          fail(q, "the id of an issue " + known(issue_ids_),
               with_suggestion(quote(id), id, issue_ids_));
        const int owner = track_of_issue[static_cast<std::size_t>(issue)];
        if (owner == static_cast<int>(t))
          fail(q, "each issue once on a track", quote(id) + " again");
        if (owner >= 0)
          fail(q, "an issue on no other track (each issue belongs to exactly one)",
               quote(id) + ", already on track " + quote(s_.tracks[owner].id));
        track_of_issue[static_cast<std::size_t>(issue)] = static_cast<int>(t);
        track.issues.push_back(issue);
      }
      check_track_size(p, track);
      s_.tracks.push_back(std::move(track));
    }
    for (std::size_t i = 0; i < s_.issues.size(); ++i)
      if (track_of_issue[i] < 0)
        fail("/tracks", "every issue on a track", "issue " + quote(s_.issues[i].id) + " on none");
  }

  void check_track_size(const std::string& p, const Track& track) const {
    long double deals = 1;
    std::string factors;
    for (const int i : track.issues) {
      const std::int64_t levels = level_count(s_.issues[static_cast<std::size_t>(i)]);
      deals *= static_cast<long double>(levels);
      factors += (factors.empty() ? "" : " x ") + format_thousands(levels);
    }
    if (deals <= static_cast<long double>(kMaxOutcomes)) return;
    const std::string total =
        deals < 1e18L ? format_thousands(static_cast<long long>(deals)) : "over 10^18";
    fail(p,
         "at most " + format_thousands(kMaxOutcomes) + " deals on track " + quote(track.id) +
             " (split it, or use fewer levels)",
         factors + " = " + total + " deals");
  }

  void read_parties() {
    for (std::size_t k = 0; k < size("/parties"); ++k) {
      const std::string p = child_pointer("/parties", k);
      claim_id(p + "/id", "a party id", actor_ids_, actor_owners_);
      party_ids_.push_back(text(p + "/id"));
      Party party;
      party.id = text(p + "/id");
      party.name = text(p + "/name");
      party.agent = read_agent(p + "/agent");
      party.preferences = read_preferences(p + "/preferences");
      s_.parties.push_back(std::move(party));
    }
  }

  AgentSpec read_agent(const std::string& p) const {
    AgentSpec spec;
    spec.model = text(p + "/model");
    if (has(p + "/command")) {
      if (spec.model != "program")
        fail_key(p + "/command", "a command only with \"model\": \"program\"",
                 "\"model\": " + quote(spec.model));
      for (std::size_t k = 0; k < size(p + "/command"); ++k)
        spec.command.push_back(text(child_pointer(p + "/command", k)));
    }
    if (spec.model == "program") {
      if (spec.command.empty())
        fail(p, "a \"command\" (the program and its arguments) for model \"program\"", "none");
      std::string line;
      for (const std::string& word : spec.command) line += (line.empty() ? "" : " ") + word;
      // A scenario file that runs a program is code; it runs only when the user says so.
      if (!options_.allow_programs)
        fail(p + "/model",
             "permission to run the program this party names (parley run, sweep or tournament "
             "--allow-programs; parley.load(path, allow_programs=True))",
             "\"program\" running '" + line + "'");
    }
    const AgentModel* model = registry_.find(spec.model);
    if (!model) {
      // "program" is not picked by name alone (it needs a command): not offered here.
      std::vector<std::string> names = registry_.names();
      names.erase(std::remove(names.begin(), names.end(), "program"), names.end());
      fail(p + "/model",
           "a registered agent model " + (names.empty() ? std::string("(none are registered)")
                                                        : "(known: " + plain_list(names) + ")"),
           with_suggestion(quote(spec.model), spec.model, names));
    }
    std::vector<std::string> param_names;
    for (const ParamSpec& param : model->params) param_names.push_back(param.name);
    for (const std::string& name : doc_.keys(p + "/params")) {
      const std::string q = child_pointer(p + "/params", name);
      const auto param = std::find_if(model->params.begin(), model->params.end(),
                                      [&](const ParamSpec& ps) { return ps.name == name; });
      if (param == model->params.end())
        fail_key(q,
                 "a parameter of model " + quote(spec.model) + " " +
                     (param_names.empty() ? std::string("(it takes none)")
                                          : "(known: " + plain_list(param_names) + ")"),
                 with_suggestion(quote(name), name, param_names));
      const double value = at(q).get<double>();
      if (!(value >= param->min && value <= param->max) ||
          (param->integer && value != std::floor(value)))
        fail(q,
             "parameter " + quote(name) + " of model " + quote(spec.model) + " to be " +
                 (param->integer ? "an integer" : "a number") + " in [" +
                 format_number(param->min, 6) + ", " + format_number(param->max, 6) + "]",
             doc_.literal(q));
      spec.params[name] = value;
    }
    // The registry is the authority on parameters; the checks above only place the error.
    std::map<std::string, double> resolved;
    if (const auto problem = registry_.resolve(spec.model, spec.params, resolved))
      fail(p, "parameters model " + quote(spec.model) + " accepts", *problem);
    return spec;
  }

  Preferences read_preferences(const std::string& p) const {
    Preferences prefs;
    const std::size_t n = s_.issues.size();

    // Keys first in file order (a misspelt id), then the issues nobody gave a weight.
    for (const std::string& id : doc_.keys(p + "/weights"))
      if (!contains(issue_ids_, id))
        fail_key(child_pointer(p + "/weights", id), "the id of an issue " + known(issue_ids_),
                 with_suggestion(quote(id), id, issue_ids_));
    for (std::size_t i = 0; i < n; ++i) {
      const std::string q = child_pointer(p + "/weights", issue_ids_[i]);
      if (!has(q)) fail(p + "/weights", "a weight for issue " + quote(issue_ids_[i]), "none");
      prefs.weights.push_back(at(q).get<double>());
    }
    prefs.salience_source = text(p + "/salience_source");
    check_source(p + "/salience_source");

    for (const std::string& id : doc_.keys(p + "/values"))
      if (!contains(issue_ids_, id))
        fail_key(child_pointer(p + "/values", id), "the id of an issue " + known(issue_ids_),
                 with_suggestion(quote(id), id, issue_ids_));
    for (std::size_t i = 0; i < n; ++i) {
      const std::string q = child_pointer(p + "/values", issue_ids_[i]);
      if (!has(q))
        fail(p + "/values", "a value function for issue " + quote(issue_ids_[i]), "none");
      prefs.values.push_back(read_value_function(q, s_.issues[i]));
    }

    const std::string r = p + "/reservation";
    if (has(r) && at(r).is_object()) {
      for (const std::string& id : doc_.keys(r))
        if (!contains(track_ids_, id))
          fail_key(child_pointer(r, id), "the id of a track " + known(track_ids_),
                   with_suggestion(quote(id), id, track_ids_));
      for (const std::string& id : track_ids_) {
        if (!has(child_pointer(r, id)))
          fail(r, "a reservation value for track " + quote(id), "none");
        prefs.reservation.push_back(at(child_pointer(r, id)).get<double>());
      }
    } else {
      prefs.reservation.assign(track_ids_.size(), number(r, 0.0));
    }
    prefs.discount = number(p + "/discount", 1.0);
    prefs.cost_per_round = number(p + "/cost_per_round", 0.0);
    return prefs;
  }

  ValueFunction read_value_function(const std::string& p, const Issue& issue) const {
    check_source(p + "/source");
    const bool table = has(p + "/table");
    const bool points = has(p + "/points");
    const bool discrete = issue.kind == IssueKind::Options || issue.kind == IssueKind::Flag;
    const std::string wanted = discrete ? "table" : "points";
    if (table && points)
      fail_key(p + (discrete ? "/points" : "/table"),
               "only \"" + wanted + "\" for " + a_kind(issue.kind),
               "both \"table\" and \"points\"");
    if (!table && !points)
      fail(p, "a \"" + wanted + "\" property for " + a_kind(issue.kind) + " " + quote(issue.id),
           "none");
    if (discrete && points)
      fail_key(p + "/points",
               "\"table\" (one value per option) for " + a_kind(issue.kind) + " " + quote(issue.id),
               "\"points\"");
    if (!discrete && table)
      fail_key(p + "/table",
               "\"points\" ([[x, value], ...]) for " + a_kind(issue.kind) + " " + quote(issue.id),
               "\"table\"");

    if (discrete) {
      const std::vector<double> values = at(p + "/table").get<std::vector<double>>();
      if (values.size() != issue.options.size())
        fail(p + "/table",
             std::to_string(issue.options.size()) + " values, one per option of " +
                 quote(issue.id) + (issue.kind == IssueKind::Flag ? " ([no, yes])" : ""),
             count_of(values.size(), "value", "values"));
      return ValueFunction::table(values);
    }

    std::vector<std::pair<double, double>> curve;
    for (std::size_t j = 0; j < size(p + "/points"); ++j) {
      const std::string x_pointer = child_pointer(child_pointer(p + "/points", j), 0);
      const double x = at(x_pointer).get<double>();
      const double v = at(child_pointer(child_pointer(p + "/points", j), 1)).get<double>();
      if (x < issue.min || x > issue.max)
        fail(x_pointer,
             "an x inside the range of " + quote(issue.id) + ", [" + format_number(issue.min, 6) +
                 ", " + format_number(issue.max, 6) + "]",
             doc_.literal(x_pointer));
      if (!curve.empty() && !(x > curve.back().first))
        fail(x_pointer,
             "an x greater than the previous point's (" + format_number(curve.back().first, 6) +
                 "): points go left to right",
             doc_.literal(x_pointer));
      curve.emplace_back(x, v);
    }
    return ValueFunction::piecewise_linear(std::move(curve));
  }

  void read_mediators() {
    for (std::size_t k = 0; k < size("/mediators"); ++k) {
      const std::string p = child_pointer("/mediators", k);
      claim_id(p + "/id", "a party or mediator id", actor_ids_, actor_owners_);
      s_.mediators.push_back(Mediator{text(p + "/id"), text(p + "/name"), text(p + "/role")});
    }
  }

  void read_protocol() {
    ProtocolSpec& protocol = s_.protocol;
    const std::string kind = text("/protocol/kind", "alternating");
    protocol.kind = kind == "stacked"       ? ProtocolKind::Stacked
                    : kind == "single-text" ? ProtocolKind::SingleText
                    : kind == "attrition"   ? ProtocolKind::Attrition
                                            : ProtocolKind::Alternating;
    if (protocol.kind == ProtocolKind::Attrition && s_.parties.size() != 2)
      fail("/protocol/kind",
           "a kind for " + std::to_string(s_.parties.size()) +
               " parties (the war of attrition is for two)",
           "\"attrition\"");
    if (has("/protocol/tie")) {
      if (protocol.kind != ProtocolKind::Attrition)
        fail_key("/protocol/tie", "tie only with \"kind\": \"attrition\"",
                 "\"kind\": " + quote(to_string(protocol.kind)));
      protocol.tie_coin = text("/protocol/tie") == "coin";
    }
    if (has("/protocol/proposer")) {
      const bool opener = text("/protocol/proposer") == "opener";
      if (opener && protocol.kind != ProtocolKind::Alternating)
        fail("/protocol/proposer",
             "\"turns\" with \"kind\": " + quote(to_string(protocol.kind)) +
                 " (only alternating offers can leave every offer to the opener)",
             "\"opener\"");
      protocol.opener_always_proposes = opener;
    }
    if (protocol.kind == ProtocolKind::Alternating && s_.parties.size() != 2) {
      const std::string count = std::to_string(s_.parties.size()) + " parties";
      if (has("/protocol/kind"))
        fail("/protocol/kind", "\"stacked\" for " + count + " (alternating offers is for two)",
             "\"alternating\"");
      fail("/protocol",
           "\"kind\": \"stacked\" for " + count + " (the default, alternating, is for two)",
           "no \"kind\"");
    }
    if (has("/protocol/opener")) {
      const std::string opener = text("/protocol/opener");
      protocol.opener = index_of(party_ids_, opener);
      if (protocol.opener < 0)
        fail("/protocol/opener", "the id of a party " + known(party_ids_),
             with_suggestion(quote(opener), opener, party_ids_));
    }
    protocol.deadline_rounds = static_cast<int>(integer("/protocol/deadline_rounds", 0));
    protocol.breakdown_probability = number("/protocol/breakdown_probability", 0.0);
    protocol.walk_away = has("/protocol/walk_away") && at("/protocol/walk_away").get<bool>();
    protocol.complete_information = text("/protocol/information", "private") == "complete";
    protocol.max_rounds = static_cast<int>(integer("/protocol/max_rounds", 10000));
  }

  // What a model needs of the whole scenario, checked once the protocol is known.
  void check_agent_requirements() const {
    for (std::size_t k = 0; k < s_.parties.size(); ++k) {
      const std::string p = child_pointer("/parties", k) + "/agent/model";
      const std::string& name = s_.parties[k].agent.model;
      const ModelRequirements& needs = registry_.find(name)->requires_;
      if (needs.complete_information && !s_.protocol.complete_information)
        fail(p,
             "a model that plays with private information, or /protocol/information \"complete\"",
             quote(name) + ", which needs complete information");
      if (needs.bilateral && s_.parties.size() != 2)
        fail(p,
             "a model that plays with " + std::to_string(s_.parties.size()) +
                 " parties, or exactly 2 parties",
             quote(name) + ", which needs exactly two parties");
      if (needs.attrition && s_.protocol.kind != ProtocolKind::Attrition)
        fail(p,
             "a model that plays " + quote(to_string(s_.protocol.kind)) +
                 ", or /protocol/kind \"attrition\"",
             quote(name) + ", which plays only the war of attrition");
      if (needs.opener_proposes && !s_.protocol.opener_always_proposes)
        fail(p, "a model for offers in turns, or /protocol/proposer \"opener\"",
             quote(name) + ", which needs the opener to make every offer");
      if (needs.single_share_issue)
        for (const Track& track : s_.tracks) {
          const Issue& first = s_.issues[static_cast<std::size_t>(track.issues[0])];
          if (track.issues.size() == 1 && first.kind == IssueKind::Share) continue;
          const std::string holds = track.issues.size() == 1
                                        ? a_kind(first.kind)
                                        : std::to_string(track.issues.size()) + " issues";
          fail(p,
               "a model that plays track " + quote(track.id) + " (" + holds +
                   "), or a single share issue on every track",
               quote(name) + ", which plays only a single share issue");
        }
    }
  }
};
}  // namespace

Scenario build_scenario(const JsonDocument& document, const AgentRegistry& registry,
                        const LoadOptions& options) {
  return Builder(document, registry, options).build();
}

}  // namespace parley
