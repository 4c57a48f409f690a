// Every GENIUS domain in ../shared/data/genius (the ANAC domains, when present next to the
// source tree): each profile imports, its utilities lie in [0, 1], and at a spread of outcomes
// they reproduce the profile's own numbers, computed here straight from the XML the way GENIUS
// does (weight x evaluation / the issue's largest evaluation, or the clamped linear evaluator).
// Profiles holding what parley cannot represent must be refused with an InputError instead.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "interop/genius_import.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

const fs::path kShared = fs::path(PARLEY_SOURCE_DIR) / ".." / "shared" / "data" / "genius";

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// One issue of the domain, read independently of the importer.
struct DomainIssue {
  int index = 0;
  std::string type;                 // discrete, integer, real
  std::vector<std::string> values;  // discrete
};

std::vector<DomainIssue> read_domain(const pugi::xml_document& doc) {
  pugi::xml_node space = doc.document_element();
  if (std::string(space.name()) == "negotiation_template") space = space.child("utility_space");
  std::vector<DomainIssue> issues;
  for (pugi::xml_node issue : space.child("objective").children("issue")) {
    DomainIssue d;
    d.index = issue.attribute("index").as_int();
    d.type = lower(issue.attribute("type") ? issue.attribute("type").value() : "discrete");
    for (pugi::xml_node item : issue.children("item"))
      d.values.push_back(item.attribute("value").value());
    issues.push_back(d);
  }
  return issues;
}

// GENIUS's additive utility of one profile (AdditiveUtilitySpace.getUtility), before the cap.
struct GeniusProfile {
  std::map<int, double> weight;
  std::map<int, std::map<std::string, double>> evaluation;  // discrete: raw evaluations
  std::map<int, pugi::xml_node> issue;
  double weight_sum = 0.0;
  double reservation = 0.0;
  double discount = 1.0;
  std::string unsupported;  // why parley must refuse it, if it must

  explicit GeniusProfile(const pugi::xml_document& doc) {
    const pugi::xml_node space = doc.document_element();
    const std::string type = lower(space.attribute("type").value());
    if (!type.empty() && type != "uncertain" && type != "linear")
      unsupported = "utility space type " + type;
    const pugi::xml_node objective = space.child("objective");
    if (objective.child("objective")) unsupported = "nested objectives";
    for (pugi::xml_node w : objective.children("weight")) {
      weight[w.attribute("index").as_int()] = w.attribute("value").as_double();
      weight_sum += w.attribute("value").as_double();
      if (!(w.attribute("value").as_double() > 0)) unsupported = "a weight <= 0";
    }
    if (std::abs(weight_sum - 1.0) > 0.02) unsupported = "weights not summing to 1";
    for (pugi::xml_node i : objective.children("issue")) {
      const int index = i.attribute("index").as_int();
      issue[index] = i;
      for (pugi::xml_node item : i.children("item"))
        evaluation[index][item.attribute("value").value()] =
            item.attribute("evaluation").as_double();
      if (pugi::xml_node e = i.child("evaluator")) {
        const std::string f = lower(e.attribute("ftype").value());
        if (!e.attribute("slope") && f != "linear" && f != "constant")
          unsupported = "evaluator " + f;
      }
    }
    if (pugi::xml_node r = space.child("reservation"))
      reservation = r.attribute("value").as_double();
    if (pugi::xml_node d = space.child("discount_factor"))
      discount = d.attribute("value").as_double();
    if (discount <= 0 || discount > 1) discount = 1;  // GENIUS discards such factors
  }

  double evaluate(const DomainIssue& d, const std::string& discrete_value, double x) const {
    const pugi::xml_node node = issue.at(d.index);
    if (d.type == "discrete") {
      const auto& evals = evaluation.at(d.index);
      double max = 0;
      for (const auto& [v, e] : evals) max = std::max(max, e);
      return max < 0.00001 ? 0.0 : evals.at(discrete_value) / max;
    }
    const pugi::xml_node e = node.child("evaluator");
    double v = 0;
    if (!e) return 0.0;
    if (d.type == "integer" && e.attribute("slope"))
      v = e.attribute("offset").as_double() +
          e.attribute("slope").as_double() * (x - node.attribute("lowerbound").as_double());
    else if (lower(e.attribute("ftype").value()) == "constant")
      return e.attribute("parameter0").as_double();
    else
      v = e.attribute("parameter0").as_double() + e.attribute("parameter1").as_double() * x;
    return std::clamp(v, 0.0, 1.0);
  }
};

TEST(GeniusSharedData, EveryProfileOfEveryDomainReproducesGenius) {
  if (!fs::is_directory(kShared))
    GTEST_SKIP() << "no GENIUS domains at " << kShared.string()
                 << " (the shared data sits next to the source tree on the project machine only)";
  int domains = 0;
  int imported = 0;
  int refused = 0;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(kShared))
    if (entry.is_directory()) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  for (const fs::path& folder : folders) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
      if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    fs::path domain_file;
    std::vector<fs::path> profile_files;
    for (const fs::path& f : files) {
      pugi::xml_document doc;
      ASSERT_TRUE(doc.load_file(f.c_str())) << f;
      const std::string root = doc.document_element().name();
      if (root == "negotiation_template")
        domain_file = f;
      else if (doc.document_element().child("objective").child("weight"))
        profile_files.push_back(f);
    }
    ASSERT_FALSE(domain_file.empty()) << folder;
    ASSERT_FALSE(profile_files.empty()) << folder;
    ++domains;
    pugi::xml_document domain_doc;
    domain_doc.load_file(domain_file.c_str());
    const std::vector<DomainIssue> issues = read_domain(domain_doc);

    for (const fs::path& profile_file : profile_files) {
      SCOPED_TRACE(profile_file.string());
      pugi::xml_document profile_doc;
      profile_doc.load_file(profile_file.c_str());
      const GeniusProfile genius(profile_doc);
      GeniusImportOptions options;
      options.deadline_rounds = 50;
      if (!genius.unsupported.empty()) {
        EXPECT_THROW(import_genius(domain_file.string(),
                                   {profile_file.string(), profile_file.string()}, options),
                     InputError)
            << genius.unsupported;
        ++refused;
        continue;
      }
      // The profile plays both parties, so the scenario is a valid two-party one.
      const auto json = import_genius(domain_file.string(),
                                      {profile_file.string(), profile_file.string()}, options);
      const ScenarioPtr s =
          load_scenario_text(json.dump(), profile_file.string(), builtin_agents());
      ++imported;
      ASSERT_EQ(s->issues.size(), issues.size());
      const OutcomeSpace space(*s, 0);
      const Eigen::ArrayXd& u = space.utilities(0);
      EXPECT_GE(u.minCoeff(), 0.0);
      EXPECT_LE(u.maxCoeff(), 1.0 + 1e-12);
      EXPECT_DOUBLE_EQ(s->parties[0].preferences.reservation[0], genius.reservation);
      // Two parties: a GENIUS round is two parley rounds, and GENIUS's t = g / (R + 1).
      EXPECT_NEAR(std::pow(s->parties[0].preferences.discount, 2 * (options.deadline_rounds + 1)),
                  genius.discount, 1e-12);

      // A spread of outcomes: the first, the last and a stride through the middle.
      std::vector<std::int64_t> outcomes{0, space.size() - 1, space.size() / 2};
      for (std::int64_t i = 1; i <= 12; ++i) outcomes.push_back((i * 7919) % space.size());
      for (const std::int64_t k : outcomes) {
        const Deal deal = space.deal(k);
        double sum = 0.0;  // GENIUS: sum of weight x evaluation
        for (std::size_t j = 0; j < issues.size(); ++j) {
          const DomainIssue& d = issues[j];
          const double x = deal.values[j];
          const std::string value =
              d.type == "discrete" ? d.values.at(static_cast<std::size_t>(x)) : std::string();
          sum += genius.weight.at(d.index) * genius.evaluate(d, value, x);
        }
        // parley normalises the weights, GENIUS does not (and caps at 1): exactly
        // u = sum / weight_sum, within |1 - weight_sum| of GENIUS's number.
        EXPECT_NEAR(u(k) * genius.weight_sum, sum, 1e-12) << "outcome " << k;
        EXPECT_NEAR(u(k), std::min(1.0, sum), std::abs(1.0 - genius.weight_sum) + 1e-12)
            << "outcome " << k;
      }
    }
  }
  EXPECT_GT(domains, 0);
  std::cout << "[ GENIUS  ] " << domains << " domains, " << imported << " profiles imported, "
            << refused << " refused as unrepresentable\n";
}

}  // namespace
}  // namespace parley
