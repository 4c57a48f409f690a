// A party's brief never gives the history away (analysis/report/brief.hpp): on every shipped
// scenario, no sentence of the history block, nor of meta.description or the issues'
// descriptions (unless the student texts say it too), appears in any party's brief, Markdown or
// HTML; the history's outcome (the dates it ended or was agreed, how, the agreed quantities and
// options) is stated nowhere in the texts a student reads. The instructor's brief, as a control,
// does hold the history.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "analysis/charts/report_page.hpp"
#include "analysis/report/brief.hpp"
#include "engine/format.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

std::vector<std::string> shipped_negotiations() {
  std::vector<std::string> files;
  for (const char* dir : {"scenarios", "scenarios/textbook"})
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(PARLEY_SOURCE_DIR) + "/" + dir))
      if (entry.path().extension() == ".json" &&
          entry.path().filename() != "scenario.schema.json" &&
          !is_forecast_only(entry.path().string()))
        files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// The sentences of a text: split after ". ", "; " and ": ", trimmed, the short ones (a few
// words, which any text may share) left out.
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    current += text[i];
    const bool end = (text[i] == '.' || text[i] == ';' || text[i] == ':') &&
                     (i + 1 == text.size() || text[i + 1] == ' ');
    if (end || i + 1 == text.size()) {
      while (!current.empty() && (current.back() == '.' || current.back() == ';' ||
                                  current.back() == ':' || current.back() == ' '))
        current.pop_back();
      const std::size_t first = current.find_first_not_of(' ');
      if (first != std::string::npos) current = current.substr(first);
      if (current.size() >= 24) out.push_back(current);
      current.clear();
    }
  }
  return out;
}

// The texts a student reads that the scenario writes in words.
std::string student_texts(const Scenario& s) {
  std::string all = s.meta.name + "\n" + s.meta.situation + "\n";
  for (const Issue& issue : s.issues) all += issue.label + "\n" + issue.brief + "\n";
  for (const Track& t : s.tracks) all += t.label + "\n";
  for (const Party& p : s.parties) {
    all += p.name + "\n";
    for (const PartyType& type : p.types) all += type.label + "\n";
  }
  for (const Mediator& m : s.mediators) all += m.name + "\n";
  return all;
}

// Dates as a text may write them: 1953-07-27, 27 July 1953, July 27, 1953.
std::vector<std::string> date_forms(const std::string& iso) {
  static const char* months[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
  if (iso.size() != 10) return {iso};
  const std::string year = iso.substr(0, 4);
  const int month = std::stoi(iso.substr(5, 2));
  const int day = std::stoi(iso.substr(8, 2));
  const std::string m = months[month - 1];
  return {iso, std::to_string(day) + " " + m + " " + year,
          m + " " + std::to_string(day) + ", " + year};
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A party's brief in lower case: a sentence may start a text in one and follow a ";" in the
// other.
struct Briefs {
  std::string markdown;
  std::string html;
};

class BriefHistory : public testing::TestWithParam<std::string> {};

TEST_P(BriefHistory, NoPartysBriefGivesTheHistoryAway) {
  const ScenarioPtr scenario = load_scenario(GetParam(), builtin_agents());
  const Scenario& s = *scenario;
  EXPECT_FALSE(s.meta.situation.empty()) << "every shipped scenario has a situation for students";
  for (const Issue& issue : s.issues)
    EXPECT_FALSE(issue.brief.empty()) << "issue " << issue.id << " has no brief text";
  EXPECT_TRUE(brief_warnings(s).empty());

  const Simulator simulator(scenario, builtin_agents());
  std::vector<Briefs> briefs;
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    const Brief b = party_brief(simulator, static_cast<int>(p));
    briefs.push_back({lower(b.markdown()), lower(b.html())});
  }
  const std::string texts = student_texts(s);

  // Sentences that must not appear: the history's, and the instructor-only descriptions'.
  std::vector<std::string> secret;
  const auto add = [&](const std::string& text, bool unless_in_student_texts) {
    for (const std::string& sentence : sentences(text))
      if (!unless_in_student_texts || lower(texts).find(lower(sentence)) == std::string::npos)
        secret.push_back(lower(sentence));
  };
  add(s.meta.description, true);
  for (const Issue& issue : s.issues) add(issue.description, true);
  if (s.history.present) {
    add(s.history.summary, false);
    for (const HistoricalTrack& h : s.history.tracks) {
      add(h.how, false);
      add(h.note, false);
    }
    for (const HistoricalFact& f : s.history.facts) add(f.text, false);
  }
  for (const std::string& sentence : secret)
    for (std::size_t p = 0; p < briefs.size(); ++p) {
      EXPECT_EQ(briefs[p].markdown.find(sentence), std::string::npos)
          << s.parties[p].id << "'s brief (Markdown) holds \"" << sentence << "\"";
      EXPECT_EQ(briefs[p].html.find(html_escape(sentence)), std::string::npos)
          << s.parties[p].id << "'s brief (HTML) holds \"" << sentence << "\"";
    }

  if (!s.history.present) return;
  // The outcome's facts. Dates: when the talks ended and each track was agreed.
  std::vector<std::string> dates{s.history.end_date};
  for (const HistoricalTrack& h : s.history.tracks)
    if (h.agreed) dates.push_back(h.date);
  // The rules' own dates are no outcome: the talks begin, and the deadline or the last round.
  const std::string start = s.clock.start.to_string();
  const int last =
      s.protocol.deadline_rounds > 0 ? s.protocol.deadline_rounds : s.protocol.max_rounds;
  const std::string end = s.clock.date_of(last).to_string();
  for (const std::string& date : dates) {
    if (date.empty() || date == start || date == end) continue;
    for (const std::string& form : date_forms(date)) {
      EXPECT_EQ(texts.find(form), std::string::npos) << "the student texts date the outcome";
      for (std::size_t p = 0; p < briefs.size(); ++p)
        EXPECT_EQ(briefs[p].markdown.find(lower(form)), std::string::npos)
            << s.parties[p].id << "'s brief holds the outcome's date " << form;
    }
  }
  // The agreed terms: an agreed quantity is in no brief unless the schedule lists it as a
  // choice; an agreed option (which the schedule lists with the others) is never named in the
  // student texts, which would single it out.
  for (const HistoricalTrack& h : s.history.tracks) {
    if (!h.agreed) continue;
    for (const HistoricalTerm& term : h.terms) {
      const Issue& issue = s.issues[static_cast<std::size_t>(term.issue)];
      if (issue.kind == IssueKind::Options || issue.kind == IssueKind::Flag) {
        // Named only where every option is: a text that lists the choices singles none out.
        const std::string option = issue.options[static_cast<std::size_t>(term.value)];
        bool all_named = true;
        for (const std::string& o : issue.options)
          all_named = all_named && texts.find(o) != std::string::npos;
        if (!all_named) {
          EXPECT_EQ(texts.find(option), std::string::npos)
              << "the student texts name the agreed option \"" << option << "\"";
        }
        continue;
      }
      const std::string plain = format_thousands(std::llround(term.value));
      EXPECT_EQ(issue.brief.find(plain), std::string::npos)
          << "the brief of " << issue.id << " states the agreed value (" << plain << ")";
      const bool a_choice =
          issue.contains(term.value) &&
          std::abs(issue.value_at(issue.nearest_level(term.value)) - term.value) < 1e-9;
      if (a_choice) continue;  // listed in the schedule among the other choices
      EXPECT_EQ(texts.find(plain), std::string::npos)
          << "the student texts state the agreed " << issue.id << " (" << plain << ")";
      for (std::size_t p = 0; p < briefs.size(); ++p)
        EXPECT_EQ(briefs[p].markdown.find(lower(issue.describe(term.value))), std::string::npos)
            << s.parties[p].id << "'s brief states the agreed " << issue.id;
    }
  }
}

// The control: the instructor's brief holds the history and the description.
TEST_P(BriefHistory, TheInstructorsBriefHoldsTheHistory) {
  const ScenarioPtr scenario = load_scenario(GetParam(), builtin_agents());
  const Scenario& s = *scenario;
  const Simulator simulator(scenario, builtin_agents());
  const std::string md = instructor_brief(simulator).markdown();
  if (!s.meta.description.empty()) {
    EXPECT_NE(md.find(s.meta.description), std::string::npos);
  }
  if (!s.history.present) return;
  EXPECT_NE(md.find("What happened"), std::string::npos);
  EXPECT_NE(md.find(s.history.summary), std::string::npos);
  for (const HistoricalTrack& h : s.history.tracks)
    if (!h.how.empty()) {
      EXPECT_NE(md.find(h.how), std::string::npos) << h.how;
    }
  for (const HistoricalFact& f : s.history.facts) EXPECT_NE(md.find(f.text), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Shipped, BriefHistory, testing::ValuesIn(shipped_negotiations()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string name = std::filesystem::path(param.param).stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

// A scenario without student texts: the brief says it has none and shows neither the
// description nor the issues' descriptions; validate and brief have a warning to print.
TEST(BriefHistory, WithoutASituationTheBriefSaysSoAndFallsBackOnNothing) {
  const std::string file = std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json";
  auto bare = std::make_shared<Scenario>(*load_scenario(file, builtin_agents()));
  bare->meta.situation.clear();
  for (Issue& issue : bare->issues) issue.brief.clear();
  const Simulator simulator(bare, builtin_agents());
  const std::string md = party_brief(simulator, 0).markdown();
  EXPECT_NE(md.find("This scenario has no description of the situation"), std::string::npos);
  for (const std::string& sentence : sentences(bare->meta.description))
    EXPECT_EQ(md.find(sentence), std::string::npos) << sentence;
  for (const Issue& issue : bare->issues)
    for (const std::string& sentence : sentences(issue.description))
      EXPECT_EQ(md.find(sentence), std::string::npos) << sentence;
  const std::vector<std::string> warnings = brief_warnings(*bare);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("warning: no meta.situation"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("sw_unc, sw_com, repatriation, line"), std::string::npos)
      << warnings[1];
}

}  // namespace
}  // namespace parley
