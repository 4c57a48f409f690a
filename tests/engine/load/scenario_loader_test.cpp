#include "engine/load/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "engine/input_error.hpp"
#include "tests/support/sanitizer.hpp"

namespace parley {
namespace {

// Models shaped like the real ones, so these tests do not depend on agents/.
AgentRegistry test_registry() {
  AgentRegistry registry;
  registry.add(AgentModel{"rubinstein", "equilibrium player", {}, {true, true, true}, {}, {}});
  registry.add(AgentModel{
      "boulware", "time-dependent", {{"e", 0.2, 0.0, 50.0, "concession exponent"}}, {}, {}, {}});
  registry.add(AgentModel{"zeuthen", "Zeuthen concession", {}, {true, false, true}, {}, {}});
  registry.add(AgentModel{"patient",
                          "a model with an integer parameter",
                          {{"rounds", 3, 1, 10, "how long it waits", true}},
                          {},
                          {},
                          {}});
  return registry;
}

std::string source_path(const std::string& relative) {
  return std::string(PARLEY_SOURCE_DIR) + "/" + relative;
}

// A small valid scenario; tests change one thing at a time.
const char* const kMinimal = R"({
  "parley": 1,
  "meta": {"name": "Minimal", "date": "2025-06-02"},
  "issues": [
    {"id": "truce", "kind": "options", "label": "Truce", "options": ["none", "local", "full"]},
    {"id": "pows", "kind": "quantity", "label": "Prisoners", "unit": "prisoners", "min": 0, "max": 2000, "step": 100},
    {"id": "cap", "kind": "share", "label": "Troop cap", "min": 0, "max": 1},
    {"id": "neutral", "kind": "flag", "label": "Neutrality"}
  ],
  "parties": [
    {"id": "A", "name": "Alpha", "agent": {"model": "boulware"},
     "preferences": {
       "weights": {"truce": 1, "pows": 2, "cap": 3, "neutral": 4},
       "values": {"truce": {"table": [0, 0.5, 1]}, "pows": {"points": [[0, 0], [2000, 1]]},
                  "cap": {"points": [[0, 1], [1, 0]]}, "neutral": {"table": [1, 0]}}}},
    {"id": "B", "name": "Beta", "agent": {"model": "boulware", "params": {"e": 1}},
     "preferences": {
       "weights": {"truce": 1, "pows": 1, "cap": 1, "neutral": 1},
       "values": {"truce": {"table": [1, 0.5, 0]}, "pows": {"points": [[0, 1], [2000, 0]]},
                  "cap": {"points": [[0, 0], [1, 1]]}, "neutral": {"table": [0, 1]}},
       "reservation": 0.25}}
  ],
  "protocol": {}
})";

ScenarioPtr load_text(const std::string& text) {
  return load_scenario_text(text, "mem.json", test_registry());
}

std::string load_error(const std::string& text) {
  try {
    load_text(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// kMinimal with `from` replaced by `to` (exactly once).
std::string edited(const std::string& from, const std::string& to) {
  std::string text = kMinimal;
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from << " occurs twice";
  return text.replace(at, from.size(), to);
}

TEST(ScenarioLoader, LoadsTheRubinsteinSampleFieldByField) {
  const ScenarioPtr s =
      load_scenario(source_path("scenarios/textbook/rubinstein-0.9-0.9.json"), test_registry());
  EXPECT_EQ(s->format_version, 1);
  EXPECT_EQ(s->file, source_path("scenarios/textbook/rubinstein-0.9-0.9.json"));
  EXPECT_EQ(s->meta.name, "Rubinstein alternating offers, d1 = d2 = 0.9");
  EXPECT_NE(s->meta.description.find("10/19"), std::string::npos);
  EXPECT_EQ(s->meta.date, "1982-01-01");
  ASSERT_EQ(s->meta.sources.size(), 1u);
  EXPECT_EQ(s->meta.sources[0].id, "rubinstein1982");
  EXPECT_NE(s->meta.sources[0].citation.find("Econometrica"), std::string::npos);
  EXPECT_EQ(s->meta.sources[0].url, "");

  EXPECT_EQ(s->clock.start.to_string(), "1982-01-01");
  EXPECT_EQ(s->clock.days_per_round, 1);
  EXPECT_EQ(s->clock.round_name, "period");

  ASSERT_EQ(s->issues.size(), 1u);
  const Issue& x = s->issues[0];
  EXPECT_EQ(x.id, "x");
  EXPECT_EQ(x.kind, IssueKind::Share);
  EXPECT_EQ(x.label, "Share of the pie to A");
  EXPECT_EQ(x.unit, "of the pie");
  EXPECT_EQ(x.min, 0.0);
  EXPECT_EQ(x.max, 1.0);
  EXPECT_EQ(x.resolution, 101);
  EXPECT_EQ(x.levels(), 101);

  ASSERT_EQ(s->tracks.size(), 1u);
  EXPECT_EQ(s->tracks[0].id, "all");
  EXPECT_EQ(s->tracks[0].issues, std::vector<int>{0});

  ASSERT_EQ(s->parties.size(), 2u);
  for (const Party& p : s->parties) {
    EXPECT_EQ(p.agent.model, "rubinstein");
    EXPECT_TRUE(p.agent.params.empty());
    EXPECT_EQ(p.preferences.weights, std::vector<double>{1.0});
    EXPECT_EQ(p.preferences.reservation, std::vector<double>{0.0});
    EXPECT_EQ(p.preferences.discount, 0.9);
    EXPECT_EQ(p.preferences.cost_per_round, 0.0);
    ASSERT_EQ(p.preferences.values.size(), 1u);
    EXPECT_FALSE(p.preferences.values[0].is_table());
  }
  EXPECT_EQ(s->parties[0].id, "A");
  EXPECT_EQ(s->parties[0].name, "Player 1");
  EXPECT_EQ(s->parties[1].id, "B");
  EXPECT_EQ(s->parties[0].preferences.values[0](0.25), 0.25);
  EXPECT_EQ(s->parties[1].preferences.values[0](0.25), 0.75);
  EXPECT_TRUE(s->mediators.empty());

  EXPECT_EQ(s->protocol.kind, ProtocolKind::Alternating);
  EXPECT_EQ(s->protocol.opener, 0);
  EXPECT_EQ(s->protocol.deadline_rounds, 0);
  EXPECT_EQ(s->protocol.breakdown_probability, 0.0);
  EXPECT_FALSE(s->protocol.walk_away);
  EXPECT_TRUE(s->protocol.complete_information);
  EXPECT_EQ(s->protocol.max_rounds, 10000);
}

TEST(ScenarioLoader, FillsTheDocumentedDefaults) {
  const ScenarioPtr s = load_text(kMinimal);
  EXPECT_EQ(s->file, "mem.json");
  EXPECT_EQ(s->meta.description, "");
  EXPECT_TRUE(s->meta.sources.empty());
  // clock: a day per round from meta.date
  EXPECT_EQ(s->clock.start.to_string(), "2025-06-02");
  EXPECT_EQ(s->clock.days_per_round, 1);
  EXPECT_EQ(s->clock.round_name, "day");
  // issues by kind
  EXPECT_EQ(s->issues[0].options, (std::vector<std::string>{"none", "local", "full"}));
  EXPECT_EQ(s->issues[1].kind, IssueKind::Quantity);
  EXPECT_EQ(s->issues[1].step, 100.0);
  EXPECT_EQ(s->issues[1].levels(), 21);
  EXPECT_EQ(s->issues[2].resolution, 11);  // share default
  EXPECT_EQ(s->issues[3].kind, IssueKind::Flag);
  EXPECT_EQ(s->issues[3].options, (std::vector<std::string>{"no", "yes"}));
  EXPECT_EQ(s->issues[3].unit, "");
  // no tracks: one track "all" with every issue in file order
  ASSERT_EQ(s->tracks.size(), 1u);
  EXPECT_EQ(s->tracks[0].id, "all");
  EXPECT_EQ(s->tracks[0].label, "all");
  EXPECT_EQ(s->tracks[0].issues, (std::vector<int>{0, 1, 2, 3}));
  // preferences in scenario issue order, whatever the key order in the file
  const Preferences& a = s->parties[0].preferences;
  EXPECT_EQ(a.weights, (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(a.reservation, std::vector<double>{0.0});
  EXPECT_EQ(a.discount, 1.0);
  EXPECT_EQ(a.cost_per_round, 0.0);
  EXPECT_EQ(a.values[0].table_values(), (std::vector<double>{0, 0.5, 1}));
  EXPECT_EQ(a.values[1](1000), 0.5);
  EXPECT_EQ(s->parties[1].preferences.reservation, std::vector<double>{0.25});
  // only the parameters the file sets; defaults stay with the registry
  EXPECT_TRUE(s->parties[0].agent.params.empty());
  EXPECT_EQ(s->parties[1].agent.params, (std::map<std::string, double>{{"e", 1.0}}));
  // protocol defaults: alternating, first party opens, private information
  EXPECT_EQ(s->protocol.kind, ProtocolKind::Alternating);
  EXPECT_EQ(s->protocol.opener, 0);
  EXPECT_FALSE(s->protocol.complete_information);
  EXPECT_FALSE(s->protocol.walk_away);
  EXPECT_EQ(s->protocol.deadline_rounds, 0);
  EXPECT_EQ(s->protocol.max_rounds, 10000);
}

TEST(ScenarioLoader, ReadsTracksReservationsAndProtocol) {
  std::string text = edited(R"("protocol": {})",
                            R"("tracks": [
    {"id": "humanitarian", "label": "Humanitarian", "issues": ["pows"]},
    {"id": "political", "issues": ["neutral", "truce", "cap"]}
  ],
  "mediators": [{"id": "TR", "name": "Turkey", "role": "chair"}],
  "clock": {"start": "2025-06-03", "days_per_round": 7, "round_name": "week"},
  "protocol": {"kind": "stacked", "opener": "B", "deadline_rounds": 52, "breakdown_probability": 0.03,
               "walk_away": true, "information": "complete", "max_rounds": 99})");
  text = text.replace(
      text.find(R"("reservation": 0.25)"), 19,
      R"("reservation": {"political": 0.5, "humanitarian": 0.1}, "discount": 0.99, "cost_per_round": 0.001)");
  const ScenarioPtr s = load_text(text);
  ASSERT_EQ(s->tracks.size(), 2u);
  EXPECT_EQ(s->tracks[0].label, "Humanitarian");
  EXPECT_EQ(s->tracks[0].issues, std::vector<int>{1});
  EXPECT_EQ(s->tracks[1].label, "political");                   // default: the id
  EXPECT_EQ(s->tracks[1].issues, (std::vector<int>{3, 0, 2}));  // the track's own order
  EXPECT_EQ(s->track_index("political"), 1);
  const Preferences& b = s->parties[1].preferences;
  EXPECT_EQ(b.reservation, (std::vector<double>{0.1, 0.5}));  // track order, not key order
  EXPECT_EQ(b.discount, 0.99);
  EXPECT_EQ(b.cost_per_round, 0.001);
  EXPECT_EQ(s->parties[0].preferences.reservation, (std::vector<double>{0.0, 0.0}));
  ASSERT_EQ(s->mediators.size(), 1u);
  EXPECT_EQ(s->mediators[0].role, "chair");
  EXPECT_EQ(s->clock.start.to_string(), "2025-06-03");
  EXPECT_EQ(s->clock.days_per_round, 7);
  EXPECT_EQ(s->clock.round_name, "week");
  EXPECT_EQ(s->protocol.kind, ProtocolKind::Stacked);
  EXPECT_EQ(s->protocol.opener, 1);
  EXPECT_EQ(s->protocol.deadline_rounds, 52);
  EXPECT_EQ(s->protocol.breakdown_probability, 0.03);
  EXPECT_TRUE(s->protocol.walk_away);
  EXPECT_TRUE(s->protocol.complete_information);
  EXPECT_EQ(s->protocol.max_rounds, 99);
}

TEST(ScenarioLoader, NamesTheLineAndColumnOfTheOffendingValue) {
  // "discount" sits on line 21, column 41 of kMinimal once inserted after "reservation".
  const std::string text =
      edited(R"("reservation": 0.25})", R"("reservation": 0.25, "discount": 1.5})");
  EXPECT_EQ(load_error(text),
            "mem.json:21:41: error at /parties/1/preferences/discount: expected property "
            "\"discount\" to be at most 1, found 1.5");
  try {
    load_text(text);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "mem.json");
    EXPECT_EQ(e.line(), 21);
    EXPECT_EQ(e.column(), 41);
    EXPECT_EQ(e.pointer(), "/parties/1/preferences/discount");
    EXPECT_EQ(e.expected(), "property \"discount\" to be at most 1");
    EXPECT_EQ(e.found(), "1.5");
  }
}

TEST(ScenarioLoader, ExplainsSchemaErrorsInWords) {
  EXPECT_EQ(load_error(edited(R"("kind": "flag")", R"("kind": "range")")),
            "mem.json:8:31: error at /issues/3/kind: expected one of \"options\", \"quantity\", "
            "\"share\", \"flag\", found \"range\"");
  EXPECT_EQ(load_error(edited(R"("reservation": 0.25)", R"("reservation": "0.9")")),
            "mem.json:21:23: error at /parties/1/preferences/reservation: expected a number or "
            "an object, found a string \"0.9\"");
  EXPECT_EQ(load_error(edited(R"("label": "Truce")", R"("lable": "Truce")")),
            "mem.json:5:40: error at /issues/0/lable: expected one of the properties \"id\", "
            "\"kind\", \"label\", \"unit\", \"description\", \"brief\", \"options\", found "
            "\"lable\" (did you mean \"label\"?)");
  EXPECT_EQ(load_error(edited(R"("name": "Minimal", )", "")),
            "mem.json:3:11: error at /meta: expected a property \"name\", found none");
  EXPECT_EQ(load_error(edited(R"("min": 0, "max": 2000)", R"("min": 0.5, "max": 2000)")),
            "mem.json:6:90: error at /issues/1/min: expected an integer, found a number 0.5");
}

TEST(ScenarioLoader, ChecksParametersAndRequirementsAgainstTheRegistry) {
  EXPECT_EQ(load_error(edited(R"("params": {"e": 1})", R"("params": {"e": 60})")),
            "mem.json:16:80: error at /parties/1/agent/params/e: expected parameter \"e\" of model "
            "\"boulware\" to be a number in [0, 50], found 60");
  EXPECT_EQ(load_error(edited(R"("params": {"e": 1})", R"("params": {"f": 1})")),
            "mem.json:16:75: error at /parties/1/agent/params/f: expected a parameter of model "
            "\"boulware\" (known: e), found \"f\"");
  EXPECT_EQ(
      load_error(edited(R"("model": "boulware", "params": {"e": 1})",
                        R"("model": "patient", "params": {"rounds": 2.5})")),
      "mem.json:16:84: error at /parties/1/agent/params/rounds: expected parameter \"rounds\" of "
      "model \"patient\" to be an integer in [1, 10], found 2.5");
  EXPECT_EQ(
      load_error(edited(R"("model": "boulware", "params": {"e": 1})", R"("model": "bulware")")),
      "mem.json:16:52: error at /parties/1/agent/model: expected a registered agent model "
      "(known: boulware, patient, rubinstein, zeuthen), found \"bulware\" (did you mean "
      "\"boulware\"?)");
  // zeuthen needs complete information; this scenario keeps the default, private.
  EXPECT_EQ(
      load_error(edited(R"("model": "boulware", "params": {"e": 1})", R"("model": "zeuthen")")),
      "mem.json:16:52: error at /parties/1/agent/model: expected a model that plays with "
      "private information, or /protocol/information \"complete\", found \"zeuthen\", which "
      "needs complete information");
}

TEST(ScenarioLoader, ReportsAMissingFileWithoutALine) {
  try {
    load_scenario("no/such/scenario.json", test_registry());
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "no/such/scenario.json: error: expected a scenario file, found no file at this path");
    EXPECT_EQ(e.line(), 0);
  }
  EXPECT_THROW(load_scenario(std::string(PARLEY_SOURCE_DIR) + "/scenarios", test_registry()),
               InputError);
}

// A 32,768-letter id or source crashed the loader (SIGSEGV: std::regex's recursive matcher
// overflowed the stack, in the schema's pattern check and in the source-id check). Ids are now
// matched linearly and capped at 100 characters; any string at 65,536 bytes.
TEST(ScenarioLoader, RefusesLongIdsAndMatchesLongTextsWithoutRecursion) {
  const std::string letters(32'768, 'a');
  EXPECT_EQ(load_error(edited(R"("id": "truce")", "\"id\": \"" + letters + "\"")).substr(0, 106),
            "mem.json:5:12: error at /issues/0/id: expected a string of at most 100 characters, "
            "found \"aaaaaaaaaaaaaaaa");
  // An id-shaped source (not a declared one) of 32,768 letters: the check is a scan, and the
  // typo check skips ids whose length is too far off.
  const std::string with_sources =
      edited(R"("date": "2025-06-02"})",
             R"("date": "2025-06-02", "sources": [{"id": "tass", "citation": "TASS"}]})");
  std::string text = with_sources;
  const std::string table = R"("truce": {"table": [0, 0.5, 1]})";
  text.replace(text.find(table), table.size(),
               R"("truce": {"table": [0, 0.5, 1], "source": ")" + letters + "\"}");
  EXPECT_EQ(load_error(text), "");  // no declared id is a typo away: a citation in words
  // A citation of 60,000 characters with spaces is words, not an id: accepted.
  std::string words;
  while (words.size() < 60'000) words += "TASS, 2 June. ";
  text = with_sources;
  text.replace(text.find(table), table.size(),
               R"("truce": {"table": [0, 0.5, 1], "source": ")" + words + "\"}");
  EXPECT_EQ(load_error(text), "");
  // Past the string limit: refused where the string starts.
  text = edited(R"("name": "Minimal")", "\"name\": \"" + std::string(70'000, 'x') + "\"");
  EXPECT_EQ(load_error(text),
            "mem.json:3:20: error at /meta/name: expected a string of at most 65,536 bytes, "
            "found a longer string");
  // A key too.
  EXPECT_NE(load_error(edited(R"("protocol": {})",
                              "\"protocol\": {\"" + std::string(70'000, 'k') + "\": 1}"))
                .find("expected a string of at most 65,536 bytes"),
            std::string::npos);
}

TEST(ScenarioLoader, RefusesAFileOverTheSizeLimitBeforeParsingIt) {
  const std::string big(64u * 1024 * 1024 + 1, ' ');
  EXPECT_EQ(load_error(big),
            "mem.json: error: expected a file of at most 64 MiB, found a larger file");
}

// An options issue of 30,000 options took 23 s to validate: the schema's uniqueItems compared
// every pair. The check is now one pass with a hash table, and still names both positions.
TEST(ScenarioLoader, ChecksUniqueOptionsInLinearTime) {
  const int n = 30'000;
  std::string options;
  std::string up;
  std::string down;
  for (int k = 0; k < n; ++k) {
    if (k > 0) {
      options.append(", ");
      up.append(", ");
      down.append(", ");
    }
    options.append("\"o").append(std::to_string(k)).append("\"");
    up.append(std::to_string(static_cast<double>(k) / (n - 1)));
    down.append(std::to_string(1.0 - static_cast<double>(k) / (n - 1)));
  }
  std::string text =
      edited(R"("options": ["none", "local", "full"])", "\"options\": [" + options + "]");
  text.replace(text.find(R"("truce": {"table": [0, 0.5, 1]})"), 31,
               "\"truce\": {\"table\": [" + up + "]}");
  text.replace(text.find(R"("truce": {"table": [1, 0.5, 0]})"), 31,
               "\"truce\": {\"table\": [" + down + "]}");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(load_error(text), "");
  EXPECT_LT(std::chrono::steady_clock::now() - start,
            std::chrono::seconds(10 * testing::kSanitizerSlowdown));
  // A duplicate far apart: named with both positions.
  const std::string duplicated = [&] {
    std::string t = text;
    const std::string last = "\"o" + std::to_string(n - 1) + "\"]";
    t.replace(t.find(last), last.size(), "\"o17\"]");
    return t;
  }();
  const std::string error = load_error(duplicated);
  EXPECT_NE(error.find("error at /issues/0/options/29999: expected items that differ from each "
                       "other, found \"o17\" again (the same as item 17)"),
            std::string::npos)
      << error;
}

// Ranges and sums that overflow a double were accepted, then looped forever (analyze, sweep)
// or printed "utility -nan".
TEST(ScenarioLoader, RefusesRangesAndWeightSumsThatOverflow) {
  EXPECT_EQ(load_error(edited(R"("min": 0, "max": 1})", R"("min": -1e308, "max": 1e308})")),
            "mem.json:7:65: error at /issues/2/min: expected property \"min\" to be at least "
            "-1000000000000000, found -1e308");
  EXPECT_EQ(
      load_error(edited(R"("weights": {"truce": 1, "pows": 2, "cap": 3, "neutral": 4})",
                        R"("weights": {"truce": 1e308, "pows": 1e308, "cap": 3, "neutral": 4})")),
      "mem.json:13:29: error at /parties/0/preferences/weights/truce: expected a number within "
      "-10^15 to 10^15 (parley's limit on any number in a scenario, so that sums and products "
      "over a run stay finite), found 1e308");
  EXPECT_EQ(load_error(edited(R"("reservation": 0.25})",
                              R"("reservation": 0.25, "cost_per_round": 1e308})")),
            "mem.json:21:47: error at /parties/1/preferences/cost_per_round: expected property "
            "\"cost_per_round\" to be at most 1, found 1e308");
}

}  // namespace
}  // namespace parley
