// GENIUS import: the fixtures in tests/data/genius (written for these tests from the GENIUS file
// format) become scenarios whose utilities are GENIUS's, computed here by hand; what parley
// cannot represent is refused with the file, line and element.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "interop/genius_folder.hpp"
#include "interop/genius_import.hpp"
#include "interop/scenario_source.hpp"
#include "tests/support/sanitizer.hpp"

namespace parley {
namespace {

const std::string kData = std::string(PARLEY_SOURCE_DIR) + "/tests/data/genius/";
const std::string kDomain = kData + "fixture/fixture_domain.xml";
const std::string kAlice = kData + "fixture/fixture_alice.xml";
const std::string kBob = kData + "fixture/fixture_bob.xml";

ScenarioPtr load(const nlohmann::ordered_json& scenario) {
  return load_scenario_text(scenario.dump(2), "imported", builtin_agents());
}

ScenarioPtr fixture(const GeniusImportOptions& options = {}) {
  return load(import_genius(kDomain, {kAlice, kBob}, options));
}

// Outcome of (colour index, crates, price) in the fixture's single track: first issue slowest.
std::int64_t outcome(const OutcomeSpace& space, int colour, int crates, int price) {
  const int levels[3] = {colour, crates, price};
  return space.outcome_of_levels(levels);
}

TEST(GeniusImport, FixtureIssuesBecomeOptionsQuantityAndShare) {
  GeniusImportOptions options;
  options.share_resolution = 11;
  const ScenarioPtr s = fixture(options);
  ASSERT_EQ(s->issues.size(), 3u);
  EXPECT_EQ(s->issues[0].kind, IssueKind::Options);
  EXPECT_EQ(s->issues[0].label, "Colour");
  EXPECT_EQ(s->issues[0].options, (std::vector<std::string>{"red", "green", "blue"}));
  EXPECT_EQ(s->issues[1].kind, IssueKind::Quantity);
  EXPECT_EQ(s->issues[1].min, 0.0);
  EXPECT_EQ(s->issues[1].max, 4.0);
  EXPECT_EQ(s->issues[2].kind, IssueKind::Share);
  EXPECT_EQ(s->issues[2].max, 10.0);
  EXPECT_EQ(s->issues[2].resolution, 11);
  ASSERT_EQ(s->parties.size(), 2u);
  EXPECT_EQ(s->parties[0].name, "fixture_alice");
  EXPECT_EQ(s->parties[0].agent.model, kDefaultImportAgent);
  EXPECT_EQ(s->protocol.kind, ProtocolKind::Alternating);
  // 100 GENIUS rounds of two turns: 200 offers, the last of which nobody can answer.
  EXPECT_EQ(s->protocol.deadline_rounds, 199);
  EXPECT_EQ(s->parties[0].agent.params.at("genius"), 1.0);
  EXPECT_FALSE(s->protocol.complete_information);
}

// Hand-computed GENIUS utilities: Alice 0.5 colour + 0.3 crates/4 + 0.2 (1 - price/10) with
// colour evaluations 2, 5, 10 over 10; Bob 0.2 colour + 0.3 clamp(1.2 - 0.4 crates) +
// 0.5 clamp(0.2 price - 0.5) with colour evaluations 8, 4, 1 over 8.
TEST(GeniusImport, UtilitiesEqualHandComputedGeniusUtilities) {
  const ScenarioPtr s = fixture();
  const OutcomeSpace space(*s, 0);
  ASSERT_EQ(space.size(), 3 * 5 * 11);
  struct Case {
    int colour, crates, price;
    double alice, bob;
  };
  const Case cases[] = {
      {2, 4, 0, 0.5 * 1.0 + 0.3 * 1.0 + 0.2 * 1.0, 0.2 * 0.125 + 0.3 * 0.0 + 0.5 * 0.0},
      {1, 2, 5, 0.5 * 0.5 + 0.3 * 0.5 + 0.2 * 0.5, 0.2 * 0.5 + 0.3 * 0.4 + 0.5 * 0.5},
      {0, 1, 10, 0.5 * 0.2 + 0.3 * 0.25 + 0.2 * 0.0, 0.2 * 1.0 + 0.3 * 0.8 + 0.5 * 1.0},
      {0, 0, 3, 0.5 * 0.2 + 0.3 * 0.0 + 0.2 * 0.7, 0.2 * 1.0 + 0.3 * 1.0 + 0.5 * 0.1},
      {1, 3, 8, 0.5 * 0.5 + 0.3 * 0.75 + 0.2 * 0.2, 0.2 * 0.5 + 0.3 * 0.0 + 0.5 * 1.0},
  };
  for (const Case& c : cases) {
    const std::int64_t k = outcome(space, c.colour, c.crates, c.price);
    EXPECT_NEAR(space.utilities(0)(k), c.alice, 1e-12) << c.colour << c.crates << c.price;
    EXPECT_NEAR(space.utilities(1)(k), c.bob, 1e-12) << c.colour << c.crates << c.price;
  }
  for (int p = 0; p < 2; ++p) {
    EXPECT_GE(space.utilities(p).minCoeff(), 0.0);
    EXPECT_LE(space.utilities(p).maxCoeff(), 1.0 + 1e-12);
  }
}

// Real issues are continuous: between grid points the value is GENIUS's clamped line too.
TEST(GeniusImport, OffGridPricesFollowTheClampedLine) {
  const ScenarioPtr s = fixture();
  const OutcomeSpace space(*s, 0);
  Deal deal = space.deal(outcome(space, 0, 0, 0));
  for (const double price : {2.5, 6.5, 7.5, 9.25}) {
    deal.outcome = -1;
    deal.values[2] = price;
    const double bob_price = std::clamp(0.2 * price - 0.5, 0.0, 1.0);
    EXPECT_NEAR(space.utility(1, deal), 0.2 * 1.0 + 0.3 * 1.0 + 0.5 * bob_price, 1e-12) << price;
    EXPECT_NEAR(space.utility(0, deal), 0.5 * 0.2 + 0.2 * (1.0 - price / 10.0), 1e-12) << price;
  }
}

TEST(GeniusImport, DiscountSpreadsOverTheDeadlineAndReservationCarriesOver) {
  GeniusImportOptions options;
  options.deadline_rounds = 40;
  const ScenarioPtr s = fixture(options);
  // GENIUS: d^t with relative time t = g / 41 in its round g; a GENIUS round is two parley
  // rounds (two turns), so after 2g parley rounds the factor is d^(g / 41).
  EXPECT_NEAR(std::pow(s->parties[0].preferences.discount, 2 * 41), 0.9, 1e-12);
  EXPECT_NEAR(std::pow(s->parties[0].preferences.discount, 2 * 10), std::pow(0.9, 10.0 / 41),
              1e-12);
  EXPECT_EQ(s->parties[1].preferences.discount, 1.0);  // no <discount_factor>
  EXPECT_EQ(s->parties[0].preferences.reservation[0], 0.3);
  EXPECT_EQ(s->parties[1].preferences.reservation[0], 0.1);
  EXPECT_EQ(s->protocol.deadline_rounds, 79);
}

TEST(GeniusImport, AgentsAndResolutionAreOptions) {
  GeniusImportOptions options;
  options.agents.models = {"conceder", "linear"};
  options.share_resolution = 21;
  const ScenarioPtr s = fixture(options);
  EXPECT_EQ(s->parties[0].agent.model, "conceder");
  EXPECT_EQ(s->parties[1].agent.model, "linear");
  EXPECT_EQ(s->issues[2].resolution, 21);
  options.agents.models = {"micro"};  // not of the time-dependent family: no GENIUS convention
  EXPECT_TRUE(fixture(options)->parties[0].agent.params.count("genius") == 0);
  options.agents.models = {"conceder", "linear", "boulware"};
  EXPECT_THROW(import_genius(kDomain, {kAlice, kBob}, options), InputError);
}

TEST(GeniusImport, ThreeProfilesMakeAStackedProtocol) {
  const ScenarioPtr s = load(import_genius(kDomain, {kAlice, kBob, kAlice}));
  EXPECT_EQ(s->protocol.kind, ProtocolKind::Stacked);
  ASSERT_EQ(s->parties.size(), 3u);
  EXPECT_NE(s->parties[0].id, s->parties[2].id);  // the same profile twice gets two ids
}

// The line of the first line of `file` holding `marker`, 1-based.
int line_of(const std::string& file, const std::string& marker) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find(marker) != std::string::npos) return n;
  return -1;
}

struct BadCase {
  std::string file;      // under tests/data/genius/bad/
  bool domain;           // the bad file is the domain (else a profile)
  std::string marker;    // text on the line the error must name
  std::string pointer;   // the element path the error must name
  std::string expected;  // part of "expected ..."
};

// How GoogleTest (and so CTest's listing) prints a case: by its file, not as bytes.
void PrintTo(const BadCase& c, std::ostream* out) {
  *out << c.file;
}

class GeniusBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(GeniusBadInput, IsRefusedWithFileLineAndElement) {
  const BadCase& c = GetParam();
  const std::string path = kData + "bad/" + c.file;
  try {
    if (c.domain)
      import_genius(path, {kAlice, kBob});
    else
      import_genius(kDomain, {kAlice, path});
    FAIL() << c.file << " was imported";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_EQ(e.line(), line_of(path, c.marker)) << e.what();
    EXPECT_GT(e.column(), 0) << e.what();
    EXPECT_EQ(e.pointer(), c.pointer) << e.what();
    EXPECT_NE(e.expected().find(c.expected), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, GeniusBadInput,
    ::testing::Values(
        BadCase{"nonlinear_profile.xml", false, "type=\"NONLINEAR\"", "/utility_space/@type",
                "linear additive"},
        BadCase{"nested_objective_profile.xml", false, "name=\"Money\"",
                "/utility_space/objective/objective", "one level"},
        BadCase{"triangular_profile.xml", false, "ftype=\"triangular\"",
                "/utility_space/objective/issue[3]/evaluator/@ftype", "linear or constant"},
        BadCase{"weight_sum_profile.xml", false, "<objective", "/utility_space/objective",
                "weights summing to 1"},
        BadCase{"zero_weight_profile.xml", false, "value=\"0\"",
                "/utility_space/objective/weight[3]/@value", "weight > 0"},
        BadCase{"missing_evaluation_profile.xml", false, "name=\"Colour\"",
                "/utility_space/objective/issue[1]", "evaluation for the value \"green\""},
        BadCase{"negative_evaluation_profile.xml", false, "evaluation=\"-5\"",
                "/utility_space/objective/issue[1]/item[2]/@evaluation", ">= 0"},
        BadCase{"reservation_profile.xml", false, "<reservation",
                "/utility_space/reservation/@value", "[0, 1]"},
        BadCase{"wrong_type_profile.xml", false, "name=\"Crates\"",
                "/utility_space/objective/issue[2]/@type", "integer"},
        BadCase{"not_a_number_profile.xml", false, "0.3x",
                "/utility_space/objective/weight[2]/@value", "a number"},
        BadCase{"unknown_type_domain.xml", true, "name=\"Crates\"",
                "/negotiation_template/utility_space/objective/issue[2]/@type",
                "discrete, integer or real"},
        BadCase{"nested_domain.xml", true, "name=\"Money\"",
                "/negotiation_template/utility_space/objective/objective", "one level"}),
    // CTest lists each case by its file:
    // GeniusBadInput.IsRefusedWithFileLineAndElement/nested_domain
    [](const ::testing::TestParamInfo<BadCase>& param_info) {
      std::string name = param_info.param.file.substr(0, param_info.param.file.find('.'));
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(GeniusImport, MalformedXmlNamesTheLine) {
  const std::string path = kData + "bad/malformed_profile.xml";
  try {
    import_genius(kDomain, {kAlice, path});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_GT(e.line(), 1);
    EXPECT_EQ(e.expected(), "well-formed XML");
  }
}

TEST(GeniusImport, MissingFilesAndTooFewProfilesAreInputErrors) {
  EXPECT_THROW(import_genius(kData + "no-such-domain.xml", {kAlice, kBob}), InputError);
  EXPECT_THROW(import_genius(kDomain, {kAlice}), InputError);
  EXPECT_THROW(import_genius(kDomain, {kAlice, kData + "no-such.xml"}), InputError);
}

TEST(GeniusFolder, PlainProfilesPlayAndUncertaintyVariantsAreLeftOut) {
  const GeniusFolder folder = scan_genius_folder(kData + "fixture");
  EXPECT_EQ(std::filesystem::path(folder.domain).filename(), "fixture_domain.xml");
  ASSERT_EQ(folder.profiles.size(), 2u);
  EXPECT_EQ(std::filesystem::path(folder.profiles[0]).filename(), "fixture_alice.xml");
  EXPECT_EQ(std::filesystem::path(folder.profiles[1]).filename(), "fixture_bob.xml");
  ASSERT_EQ(folder.others.size(), 1u);
  EXPECT_EQ(std::filesystem::path(folder.others[0]).filename(), "fixture_alice_uncertain.xml");
}

TEST(GeniusFolder, ProfilesNamedByTheDomainPlayInItsOrder) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "parley-genius-folder-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // The domain names Bob first, then the uncertainty variant.
  std::ifstream in(kDomain);
  std::stringstream text;
  text << in.rdbuf();
  std::string domain = text.str();
  domain.replace(domain.find("Agent A UtilitySpace"), 20, "fixture_bob.xml");
  domain.replace(domain.find("Agent B UtilitySpace"), 20, "fixture_alice_uncertain.xml");
  std::ofstream(dir / "fixture_domain.xml") << domain;
  for (const char* name : {"fixture_alice.xml", "fixture_bob.xml", "fixture_alice_uncertain.xml"})
    fs::copy_file(kData + "fixture/" + name, dir / name);
  const GeniusFolder folder = scan_genius_folder(dir.string());
  ASSERT_EQ(folder.profiles.size(), 2u);
  EXPECT_EQ(fs::path(folder.profiles[0]).filename(), "fixture_bob.xml");
  EXPECT_EQ(fs::path(folder.profiles[1]).filename(), "fixture_alice_uncertain.xml");
  fs::remove_all(dir);
}

TEST(GeniusFolder, AFolderLoadsAsAScenario) {
  const ScenarioPtr s = load_scenario_or_genius_folder(kData + "fixture", builtin_agents());
  ASSERT_EQ(s->parties.size(), 2u);
  EXPECT_EQ(s->parties[0].name, "fixture_alice");
  EXPECT_EQ(s->parties[1].name, "fixture_bob");
  EXPECT_THROW(load_scenario_or_genius_folder(kData + "bad", builtin_agents()), InputError);
}

// A generated GENIUS domain of discrete issues (`items` values each) with two profiles, in a
// fresh folder; returns {domain, alice, bob}. `value(j)` names item j.
std::vector<std::string> write_discrete_domain(const std::string& folder,
                                               const std::vector<int>& items,
                                               const std::function<std::string(int)>& value) {
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  std::ostringstream domain;
  domain << "<negotiation_template>\n<utility_space>\n<objective index=\"0\" name=\"Big\">\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    domain << "<issue index=\"" << i + 1 << "\" name=\"Issue" << i + 1 << "\" type=\"discrete\">\n";
    for (int j = 0; j < items[i]; ++j)
      domain << "<item index=\"" << j + 1 << "\" value=\"" << value(j) << "\"/>\n";
    domain << "</issue>\n";
  }
  domain << "</objective>\n</utility_space>\n</negotiation_template>\n";
  std::vector<std::string> files = {folder + "/big_domain.xml"};
  std::ofstream(files[0]) << domain.str();
  for (const std::string name : {"alice", "bob"}) {
    std::ostringstream profile;
    profile << "<utility_space>\n<objective index=\"0\" name=\"Big\">\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
      profile << "<issue index=\"" << i + 1 << "\" name=\"Issue" << i + 1
              << "\" type=\"discrete\">\n";
      for (int j = 0; j < items[i]; ++j)
        profile << "<item index=\"" << j + 1 << "\" value=\"" << value(j) << "\" evaluation=\""
                << (name == std::string("alice") ? j + 1 : items[i] - j) << "\"/>\n";
      profile << "</issue>\n";
    }
    for (std::size_t i = 0; i < items.size(); ++i)
      profile << "<weight index=\"" << i + 1 << "\" value=\""
              << 1.0 / static_cast<double>(items.size()) << "\"/>\n";
    profile << "</objective>\n</utility_space>\n";
    files.push_back(folder + "/big_" + name + ".xml");
    std::ofstream(files.back()) << profile.str();
  }
  return files;
}

std::string temp_folder(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("parley-genius-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

// A discrete issue of 10^5 items: the import compared every item with every other (the
// schema's uniqueItems, and a search of the domain's list per evaluation) and hung.
TEST(GeniusImport, ADiscreteIssueOfAHundredThousandItemsImportsInLinearTime) {
  const std::string folder = temp_folder("100k");
  const auto files = write_discrete_domain(
      folder, {100'000}, [](int j) { return std::string("v").append(std::to_string(j)); });
  const auto start = std::chrono::steady_clock::now();
  GeniusOrigins origins;
  const ScenarioPtr s =
      load_imported_genius(import_genius(files[0], {files[1], files[2]}, {}, &origins), origins,
                           "big", builtin_agents());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(s->issues.size(), 1u);
  EXPECT_EQ(s->issues[0].options.size(), 100'000u);
  EXPECT_LT(seconds, 30.0 * testing::kSanitizerSlowdown);
  std::filesystem::remove_all(folder);
}

// What the loader refuses in an imported scenario is reported at the XML it came from: the
// file, the line and the element, not a line:column of the generated JSON.
TEST(GeniusImport, LoaderErrorsNameTheXmlFileLineAndElement) {
  {
    // An item's value over the string limit: refused where the item is written.
    const std::string folder = temp_folder("long");
    const std::string long_value(70'000, 'x');
    const auto files = write_discrete_domain(folder, {3}, [&](int j) {
      return j == 1 ? long_value : std::string("v").append(std::to_string(j));
    });
    GeniusOrigins origins;
    const auto scenario = import_genius(files[0], {files[1], files[2]}, {}, &origins);
    try {
      load_imported_genius(scenario, origins, "imported", builtin_agents());
      FAIL() << "a 70,000-letter value was imported";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), files[0]) << e.what();
      EXPECT_EQ(e.line(), 6) << e.what();  // the second <item>
      EXPECT_EQ(e.column(), 1) << e.what();
      EXPECT_EQ(e.pointer(), "/negotiation_template/utility_space/objective/issue/item[2]")
          << e.what();
      EXPECT_NE(e.expected().find("at most 65,536 bytes"), std::string::npos) << e.what();
      EXPECT_NE(e.expected().find("/issues/0/options/1"), std::string::npos) << e.what();
    }
    std::filesystem::remove_all(folder);
  }
  {
    // Two issues of 5,000 items: 25,000,000 deals, over the limit of one track.
    const std::string folder = temp_folder("deals");
    const auto files = write_discrete_domain(
        folder, {5000, 5000}, [](int j) { return std::string("v").append(std::to_string(j)); });
    GeniusOrigins origins;
    const auto scenario = import_genius(files[0], {files[1], files[2]}, {}, &origins);
    try {
      load_imported_genius(scenario, origins, "imported", builtin_agents());
      FAIL() << "25,000,000 deals were imported";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), files[0]) << e.what();
      EXPECT_EQ(e.line(), 3) << e.what();  // the root <objective>
      EXPECT_EQ(e.pointer(), "/negotiation_template/utility_space/objective") << e.what();
      EXPECT_NE(e.expected().find("20,000,000 deals"), std::string::npos) << e.what();
    }
    std::filesystem::remove_all(folder);
  }
}

}  // namespace
}  // namespace parley
