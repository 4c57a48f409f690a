#include "interop/genius_import.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "engine/load/scenario_loader.hpp"
#include "interop/xml_file.hpp"

namespace parley {

namespace {

using OrderedJson = nlohmann::ordered_json;

enum class GeniusKind { Discrete, Integer, Real };

// One issue of the domain file, in the domain's order.
struct DomainIssue {
  int index = 0;  // GENIUS's issue number, which profiles refer to
  std::string name;
  GeniusKind kind = GeniusKind::Discrete;
  std::vector<std::string> values;  // Discrete
  XmlPlace place;                   // the <issue> element
  std::vector<XmlPlace> items;      // Discrete: each <item>
  double lower = 0.0;               // Integer, Real
  double upper = 0.0;
  std::string id;  // the scenario's issue id
};

struct Domain {
  std::string name;
  std::vector<DomainIssue> issues;
  XmlPlace place;  // the root <objective>: where the issues are as a whole
};

std::string lower_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string file_stem(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

const char* kind_name(GeniusKind kind) {
  switch (kind) {
    case GeniusKind::Discrete:
      return "discrete";
    case GeniusKind::Integer:
      return "integer";
    case GeniusKind::Real:
      return "real";
  }
  return "?";
}

// GENIUS reads the issue type from `type`, falling back to `vtype`; no type means discrete.
GeniusKind issue_kind(const XmlFile& file, pugi::xml_node issue) {
  const char* attribute = issue.attribute("type") ? "type" : "vtype";
  const pugi::xml_attribute a = issue.attribute(attribute);
  if (!a) return GeniusKind::Discrete;
  const std::string type = lower_case(a.value());
  if (type == "discrete") return GeniusKind::Discrete;
  if (type == "integer") return GeniusKind::Integer;
  if (type == "real") return GeniusKind::Real;
  throw file.error(issue, attribute,
                   "an issue type parley can represent (discrete, integer or real)",
                   in_quotes(a.value()));
}

// The root objective of a utility space: exactly one, holding issues directly. GENIUS allows
// objectives inside objectives; parley's preferences are one level of weighted issues.
pugi::xml_node root_objective(const XmlFile& file, pugi::xml_node space) {
  pugi::xml_node objective = space.child("objective");
  if (!objective) throw file.error(space, "", "an <objective> holding the issues", "none");
  if (objective.next_sibling("objective"))
    throw file.error(objective.next_sibling("objective"), "", "a single root <objective>",
                     "a second one");
  if (pugi::xml_node nested = objective.child("objective"))
    throw file.error(nested, "",
                     "issues directly under the root objective (parley cannot represent GENIUS "
                     "objective trees deeper than one level)",
                     "a nested <objective>");
  return objective;
}

// Integer bounds sit on the issue (GENIUS 6 and later) or in a <range> child (older files);
// real bounds sit in a <range> child.
void read_bounds(const XmlFile& file, pugi::xml_node issue, DomainIssue& out) {
  pugi::xml_node holder = issue;
  if (!file.has(issue, "lowerbound") && issue.child("range")) holder = issue.child("range");
  if (out.kind == GeniusKind::Integer) {
    out.lower = file.integer(holder, "lowerbound");
    out.upper = file.integer(holder, "upperbound");
  } else {
    out.lower = file.number(holder, "lowerbound");
    out.upper = file.number(holder, "upperbound");
  }
  if (!(out.lower < out.upper))
    throw file.error(
        holder, "upperbound", "an upper bound above the lower bound",
        shortest_decimal(out.upper) + " with lower bound " + shortest_decimal(out.lower));
}

Domain read_domain(const XmlFile& file) {
  pugi::xml_node space = file.root();
  if (std::string(space.name()) == "negotiation_template") space = space.child("utility_space");
  if (!space || std::string(space.name()) != "utility_space")
    throw file.error(file.root(), "",
                     "a GENIUS domain: <negotiation_template> holding a <utility_space>",
                     std::string("<") + file.root().name() + ">");
  const pugi::xml_node objective = root_objective(file, space);

  Domain domain;
  domain.name = objective.attribute("name").value();
  domain.place = file.place(objective);
  std::set<int> indices;
  std::set<std::string> ids;
  for (pugi::xml_node node : objective.children("issue")) {
    DomainIssue issue;
    issue.index = file.integer(node, "index");
    if (!indices.insert(issue.index).second)
      throw file.error(node, "index", "a distinct issue index", std::to_string(issue.index));
    issue.name = file.text(node, "name");
    issue.kind = issue_kind(file, node);
    issue.place = file.place(node);
    if (issue.kind == GeniusKind::Discrete) {
      std::set<std::string> seen;
      for (pugi::xml_node item : node.children("item")) {
        std::string value = file.text(item, "value");
        if (!seen.insert(value).second)
          throw file.error(item, "value", "distinct item values", in_quotes(value) + " twice");
        issue.values.push_back(std::move(value));
        issue.items.push_back(file.place(
            item, issue.place.element + "/item[" + std::to_string(issue.items.size() + 1) + "]"));
      }
      if (issue.values.size() < 2)
        throw file.error(node, "", "a discrete issue with at least 2 items",
                         std::to_string(issue.values.size()));
    } else {
      read_bounds(file, node, issue);
    }
    issue.id = make_id(issue.name, ids, "issue");
    domain.issues.push_back(std::move(issue));
  }
  if (domain.issues.empty()) throw file.error(objective, "", "at least one <issue>", "none");
  return domain;
}

// Points of v(x) = clamp(a + b x, 0, 1) on [lower, upper]: the ends and the kinks where the line
// leaves [0, 1], so the piecewise-linear value function equals GENIUS's clamped line everywhere.
OrderedJson clamped_line_points(double a, double b, double lower, double upper) {
  std::vector<double> xs{lower, upper};
  if (b != 0.0) {
    for (const double level : {0.0, 1.0}) {
      const double x = (level - a) / b;
      if (x > lower && x < upper) xs.push_back(x);
    }
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  OrderedJson points = OrderedJson::array();
  for (const double x : xs) points.push_back({x, std::clamp(a + b * x, 0.0, 1.0)});
  return points;
}

// One party's preferences from its profile.
class ProfileReader {
 public:
  ProfileReader(const XmlFile& file, const Domain& domain, const GeniusImportOptions& options,
                int parties, GeniusOrigins* origins, std::string pointer)
      : file_(file),
        domain_(domain),
        options_(options),
        parties_(parties),
        origins_(origins),
        pointer_(std::move(pointer)) {}

  // Fills preferences (weights, values, reservation, discount) and notes what was assumed.
  OrderedJson read(const std::string& source_id, std::vector<std::string>& notes) {
    const pugi::xml_node space = file_.root();
    if (std::string(space.name()) != "utility_space")
      throw file_.error(space, "", "a GENIUS preference profile: a <utility_space> root",
                        std::string("<") + space.name() + ">");
    check_space_type(space, notes);
    const pugi::xml_node objective = root_objective(file_, space);

    std::map<int, pugi::xml_node> weights;
    for (pugi::xml_node weight : objective.children("weight")) {
      const int index = file_.integer(weight, "index");
      if (!weights.emplace(index, weight).second)
        throw file_.error(weight, "index", "one weight per issue",
                          "a second weight for issue " + std::to_string(index));
    }
    std::map<int, pugi::xml_node> issues;
    for (pugi::xml_node issue : objective.children("issue")) {
      const int index = file_.integer(issue, "index");
      if (!issues.emplace(index, issue).second)
        throw file_.error(issue, "index", "a distinct issue index", std::to_string(index));
    }
    for (const auto& [index, node] : weights)
      if (!known_index(index))
        throw file_.error(node, "index", "the index of an issue of the domain",
                          std::to_string(index));
    for (const auto& [index, node] : issues)
      if (!known_index(index))
        throw file_.error(node, "index", "the index of an issue of the domain",
                          std::to_string(index));

    OrderedJson weight_json = OrderedJson::object();
    OrderedJson value_json = OrderedJson::object();
    double weight_sum = 0.0;
    for (const DomainIssue& issue : domain_.issues) {
      const auto w = weights.find(issue.index);
      if (w == weights.end())
        throw file_.error(objective, "",
                          "a <weight index=\"" + std::to_string(issue.index) + "\"> for issue " +
                              in_quotes(issue.name),
                          "none");
      const double weight = file_.number(w->second, "value");
      if (!(weight > 0.0))
        throw file_.error(w->second, "value",
                          "a weight > 0 (parley weights are saliences; drop the issue instead)",
                          shortest_decimal(weight));
      weight_sum += weight;
      weight_json[issue.id] = weight;
      record("/weights/" + issue.id, w->second);

      const auto node = issues.find(issue.index);
      if (node == issues.end())
        throw file_.error(objective, "",
                          "an <issue index=\"" + std::to_string(issue.index) +
                              "\"> with the evaluations of " + in_quotes(issue.name),
                          "none");
      record("/values/" + issue.id, node->second);
      OrderedJson value = value_function(issue, node->second);
      value["source"] = source_id;
      value_json[issue.id] = std::move(value);
    }
    if (std::abs(weight_sum - 1.0) > kGeniusWeightSumTolerance)
      throw file_.error(objective, "",
                        "weights summing to 1 (GENIUS does not normalise them; parley would, "
                        "and the utilities would differ)",
                        "a sum of " + shortest_decimal(weight_sum));

    OrderedJson preferences;
    preferences["weights"] = std::move(weight_json);
    preferences["salience_source"] = source_id;
    preferences["values"] = std::move(value_json);
    preferences["reservation"] = reservation(space);
    preferences["discount"] = discount(space, notes);
    return preferences;
  }

 private:
  const XmlFile& file_;
  const Domain& domain_;
  const GeniusImportOptions& options_;
  int parties_;
  GeniusOrigins* origins_;
  std::string pointer_;  // the party's preferences in the scenario

  void record(const std::string& below, pugi::xml_node node) const {
    if (origins_) (*origins_)[pointer_ + below] = file_.place(node);
  }

  bool known_index(int index) const {
    return std::any_of(domain_.issues.begin(), domain_.issues.end(),
                       [&](const DomainIssue& issue) { return issue.index == index; });
  }

  // Linear (no type) and UNCERTAIN spaces are additive; UNCERTAIN ones only hide part of the
  // true utility from the agent, which parley does not model (the agent gets it all).
  void check_space_type(pugi::xml_node space, std::vector<std::string>& notes) const {
    const pugi::xml_attribute type = space.attribute("type");
    if (!type) return;
    const std::string kind = lower_case(type.value());
    if (kind == "linear" || kind == "additive") return;
    if (kind == "uncertain") {
      notes.push_back(file_name(file_.path()) +
                      " is a GENIUS preference-uncertainty profile; parley imports its true "
                      "utility and gives the agent all of it");
      return;
    }
    throw file_.error(space, "type",
                      "a linear additive utility space (parley cannot represent GENIUS "
                      "non-linear, hyper-rectangle or constraint utility spaces)",
                      in_quotes(type.value()));
  }

  OrderedJson value_function(const DomainIssue& issue, pugi::xml_node node) const {
    const GeniusKind kind = issue_kind(file_, node);
    if (kind != issue.kind)
      throw file_.error(node, "type",
                        std::string("the domain's type for issue ") + in_quotes(issue.name) + ": " +
                            kind_name(issue.kind),
                        kind_name(kind));
    const std::string name = node.attribute("name").value();
    if (node.attribute("name") && name != issue.name)
      throw file_.error(node, "name",
                        "the domain's name for issue " + std::to_string(issue.index) + ": " +
                            in_quotes(issue.name),
                        in_quotes(name));
    if (kind == GeniusKind::Discrete) return discrete_values(issue, node);
    return linear_values(issue, node);
  }

  // GENIUS divides each evaluation by the issue's largest (0 everywhere when that is ~0).
  OrderedJson discrete_values(const DomainIssue& issue, pugi::xml_node node) const {
    std::map<std::string, double> evaluation;
    // A set, not a scan of the list per item: 10^5 items made the import quadratic.
    const std::set<std::string> known(issue.values.begin(), issue.values.end());
    double largest = 0.0;
    for (pugi::xml_node item : node.children("item")) {
      const std::string value = file_.text(item, "value");
      if (known.count(value) == 0)
        throw file_.error(item, "value", "a value of the domain's issue " + in_quotes(issue.name),
                          in_quotes(value));
      const double e = file_.number(item, "evaluation");
      if (e < 0.0) throw file_.error(item, "evaluation", "an evaluation >= 0", shortest_decimal(e));
      if (!evaluation.emplace(value, e).second)
        throw file_.error(item, "value", "one evaluation per value", in_quotes(value) + " twice");
      largest = std::max(largest, e);
    }
    OrderedJson table = OrderedJson::array();
    for (const std::string& value : issue.values) {
      const auto e = evaluation.find(value);
      if (e == evaluation.end())
        throw file_.error(node, "", "an evaluation for the value " + in_quotes(value), "none");
      table.push_back(largest < 0.00001 ? 0.0 : e->second / largest);
    }
    return OrderedJson{{"table", std::move(table)}};
  }

  // Integer issues: offset + slope (x - lowerbound) (GENIUS 6 and later), or the older
  // parameter1 x + parameter0; real issues: parameter1 x + parameter0. Both clamped to [0, 1];
  // `constant` takes parameter0. No evaluator at all evaluates to 0, as in GENIUS.
  OrderedJson linear_values(const DomainIssue& issue, pugi::xml_node node) const {
    const pugi::xml_node evaluator = node.child("evaluator");
    double a = 0.0;  // v(x) = a + b x before clamping
    double b = 0.0;
    if (evaluator) {
      const std::string ftype =
          evaluator.attribute("ftype") ? lower_case(evaluator.attribute("ftype").value()) : "";
      if (issue.kind == GeniusKind::Integer && file_.has(evaluator, "slope")) {
        const double slope = file_.number(evaluator, "slope");
        const double offset = file_.number(evaluator, "offset");
        const double lower =
            file_.has(node, "lowerbound") ? file_.integer(node, "lowerbound") : issue.lower;
        a = offset - slope * lower;
        b = slope;
      } else if (ftype == "linear") {
        a = file_.number(evaluator, "parameter0");
        b = file_.number(evaluator, "parameter1");
      } else if (ftype == "constant") {
        a = file_.number(evaluator, "parameter0");
        if (a < 0.0 || a > 1.0)
          throw file_.error(evaluator, "parameter0", "a constant evaluation in [0, 1]",
                            shortest_decimal(a));
      } else {
        throw file_.error(evaluator, "ftype",
                          "a linear or constant evaluator (parley cannot represent GENIUS "
                          "triangular or Faratin evaluators)",
                          ftype.empty() ? "none" : in_quotes(ftype));
      }
    }
    return OrderedJson{{"points", clamped_line_points(a, b, issue.lower, issue.upper)}};
  }

  double reservation(pugi::xml_node space) const {
    const pugi::xml_node node = space.child("reservation");
    if (!node) return 0.0;  // GENIUS: no reservation value is worth 0
    const double r = file_.number(node, "value");
    if (r < 0.0 || r > 1.0)
      throw file_.error(node, "value", "a reservation value in [0, 1]", shortest_decimal(r));
    return r;
  }

  // d^t over relative time t = k / R after k rounds is (d^(1/R))^k.
  double discount(pugi::xml_node space, std::vector<std::string>& notes) const {
    const pugi::xml_node node = space.child("discount_factor");
    if (!node) return 1.0;
    double d = file_.number(node, "value");
    if (d <= 0.0 || d > 1.0) {
      // GENIUS discards such factors (AdditiveUtilitySpace.validateDiscount) and uses 1.
      notes.push_back(file_name(file_.path()) + ": discount factor " + shortest_decimal(d) +
                      " is outside (0, 1]; GENIUS discards it, and so does parley");
      d = 1.0;
    }
    if (d == 1.0) return 1.0;
    if (options_.deadline_rounds <= 0)
      throw file_.error(node, "value",
                        "a deadline (rounds > 0) to spread GENIUS's time discount over",
                        "a discount factor " + shortest_decimal(d) + " and no deadline");
    // GENIUS's factor in its round g is d^(g / (R + 1)); a parley round is 1/n of a GENIUS round.
    return std::pow(d, 1.0 / (static_cast<double>(parties_) * (options_.deadline_rounds + 1)));
  }
};

OrderedJson issue_json(const DomainIssue& issue, const GeniusImportOptions& options) {
  OrderedJson json;
  json["id"] = issue.id;
  switch (issue.kind) {
    case GeniusKind::Discrete:
      json["kind"] = "options";
      json["label"] = issue.name;
      json["options"] = issue.values;
      break;
    case GeniusKind::Integer:
      json["kind"] = "quantity";
      json["label"] = issue.name;
      json["min"] = static_cast<long long>(issue.lower);
      json["max"] = static_cast<long long>(issue.upper);
      json["step"] = 1;
      break;
    case GeniusKind::Real:
      json["kind"] = "share";
      json["label"] = issue.name;
      json["min"] = issue.lower;
      json["max"] = issue.upper;
      json["resolution"] = options.share_resolution;
      break;
  }
  return json;
}

}  // namespace

OrderedJson import_genius(const std::string& domain_file,
                          const std::vector<std::string>& profile_files,
                          const GeniusImportOptions& options, GeniusOrigins* origins) {
  if (profile_files.size() < 2)
    throw InputError(domain_file, 0, 0, "", "at least two GENIUS profiles (one per party)",
                     std::to_string(profile_files.size()));
  if (options.share_resolution < 2)
    throw InputError(domain_file, 0, 0, "", "a share resolution of at least 2",
                     std::to_string(options.share_resolution));
  if (options.deadline_rounds < 0)
    throw InputError(domain_file, 0, 0, "", "a deadline of 0 rounds or more",
                     std::to_string(options.deadline_rounds));

  const XmlFile domain_xml(domain_file);
  const Domain domain = read_domain(domain_xml);
  const int parties = static_cast<int>(profile_files.size());
  // R GENIUS rounds hold n R turns; the last offer can never be answered (docs/interop.md).
  const int deadline_offers =
      options.deadline_rounds == 0 ? 0 : parties * options.deadline_rounds - 1;

  std::vector<std::string> notes;
  OrderedJson sources = OrderedJson::array();
  sources.push_back({{"id", "genius-domain"},
                     {"citation", "GENIUS domain file " + file_name(domain_file) +
                                      " (GENIUS negotiation platform, Lin et al. 2014)"}});
  OrderedJson party_list = OrderedJson::array();
  std::set<std::string> party_ids;
  std::vector<std::string> profile_names;
  for (int p = 0; p < parties; ++p) {
    const std::string& path = profile_files[static_cast<std::size_t>(p)];
    const XmlFile profile_xml(path);
    const std::string id = make_id(file_stem(path), party_ids, "party");
    const std::string source_id = "genius-" + id;
    sources.push_back(
        {{"id", source_id}, {"citation", "GENIUS preference profile " + file_name(path)}});
    OrderedJson party;
    party["id"] = id;
    party["name"] = file_stem(path);
    const std::string model = options.agents.model_for(p, parties, path);
    party["agent"] = {{"model", model}};
    if (options.genius_convention_models.count(model)) party["agent"]["params"] = {{"genius", 1}};
    const std::string pointer = "/parties/" + std::to_string(p);
    if (origins) {
      (*origins)[pointer] = profile_xml.place(profile_xml.root());
      (*origins)[pointer + "/agent"] = XmlPlace{};  // from the command line, not a file
    }
    party["preferences"] =
        ProfileReader(profile_xml, domain, options, parties, origins, pointer + "/preferences")
            .read(source_id, notes);
    party_list.push_back(std::move(party));
    profile_names.push_back(file_name(path));
  }

  std::string description =
      "Imported from GENIUS: domain " + file_name(domain_file) + ", profiles ";
  for (std::size_t i = 0; i < profile_names.size(); ++i)
    description += (i ? ", " : "") + profile_names[i];
  description += ". A deadline of " + std::to_string(options.deadline_rounds) +
                 " GENIUS rounds (one turn of every party) is " + std::to_string(deadline_offers) +
                 " parley rounds of one offer each; GENIUS discounts by d^t over relative time t = "
                 "round/" +
                 std::to_string(options.deadline_rounds + 1) + ", here each discount is d^(1/" +
                 std::to_string(parties * (options.deadline_rounds + 1)) +
                 ") per parley round; time-dependent agents play as GENIUS's TimeDependentAgent "
                 "(docs/interop.md).";
  for (const std::string& note : notes) description += " Note: " + note + ".";

  OrderedJson scenario;
  scenario["parley"] = 1;
  // GENIUS names the root objective after the domain, or just "root".
  const std::string title = domain.name.empty() || lower_case(domain.name) == "root"
                                ? file_stem(domain_file)
                                : domain.name;
  scenario["meta"] = {{"name", "GENIUS " + title + " (" + file_name(domain_file) + ")"},
                      {"description", description},
                      {"date", options.date},
                      {"sources", std::move(sources)}};
  scenario["clock"] = {{"start", options.date}, {"days_per_round", 1}, {"round_name", "round"}};
  OrderedJson issues = OrderedJson::array();
  if (origins) (*origins)["/issues"] = domain.place;
  for (const DomainIssue& issue : domain.issues) {
    if (origins) {
      const std::string pointer = "/issues/" + std::to_string(issues.size());
      (*origins)[pointer] = issue.place;
      for (std::size_t j = 0; j < issue.items.size(); ++j)
        (*origins)[pointer + "/options/" + std::to_string(j)] = issue.items[j];
    }
    issues.push_back(issue_json(issue, options));
  }
  scenario["issues"] = std::move(issues);
  scenario["parties"] = std::move(party_list);
  scenario["protocol"] = {{"kind", parties == 2 ? "alternating" : "stacked"},
                          {"opener", scenario["parties"][0]["id"]},
                          {"deadline_rounds", deadline_offers},
                          {"breakdown_probability", 0},
                          {"walk_away", false},
                          {"information", "private"}};
  return scenario;
}

InputError in_genius_files(const InputError& error, const GeniusOrigins& origins) {
  // The nearest recorded ancestor of the pointer (issue ids hold no '/': ids are plain words).
  std::string pointer = error.pointer();
  while (true) {
    const auto it = origins.find(pointer);
    if (it != origins.end()) {
      const XmlPlace& at = it->second;
      if (at.file.empty()) return error;
      std::string expected = error.expected();
      if (!error.pointer().empty())
        expected += " (in the scenario imported from it, at " + error.pointer() + ")";
      return InputError(at.file, at.line, at.column, at.element, expected, error.found());
    }
    if (pointer.empty()) return error;
    pointer = pointer.substr(0, pointer.rfind('/'));
  }
}

ScenarioPtr load_imported_genius(const nlohmann::ordered_json& scenario,
                                 const GeniusOrigins& origins, const std::string& name,
                                 const AgentRegistry& registry) {
  try {
    return load_scenario_text(scenario.dump(2) + "\n", name, registry);
  } catch (const InputError& e) {
    throw in_genius_files(e, origins);
  }
}

}  // namespace parley
