#include "engine/load/deal_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/load/quoted_words.hpp"

namespace parley {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim_text(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string in_quotes(const std::string& s) {
  return "\"" + s + "\"";
}

std::string issue_ids(const Scenario& s) {
  std::string ids;
  for (std::size_t i = 0; i < s.issues.size(); ++i) ids += (i ? ", " : "") + s.issues[i].id;
  return ids;
}

// What a value of the issue may be, for messages.
std::string expected_value(const Issue& issue) {
  switch (issue.kind) {
    case IssueKind::Options: {
      std::string text = "one of the options of " + in_quotes(issue.label) + ": ";
      for (std::size_t i = 0; i < issue.options.size(); ++i)
        text += (i ? ", " : "") + std::to_string(i) + " " + in_quotes(issue.options[i]);
      return text;
    }
    case IssueKind::Flag:
      return "yes or no for " + in_quotes(issue.label);
    case IssueKind::Quantity:
      return "a number from " + format_number(issue.min, 6) + " to " + format_number(issue.max, 6) +
             " for " + in_quotes(issue.label) + (issue.unit.empty() ? "" : " (" + issue.unit + ")");
    case IssueKind::Share:
      return "a number from " + format_number(issue.min, 6) + " to " + format_number(issue.max, 6) +
             " for " + in_quotes(issue.label);
  }
  return {};
}

// A number as people type it: digits with optional thousands commas, a sign, a decimal point.
std::optional<double> read_number(const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c != ',' && c != '_') digits += c;
  if (digits.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    const double v = std::stod(digits, &used);
    if (used != digits.size() || !std::isfinite(v)) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

double read_value(const Issue& issue, const std::string& raw, const std::string& where) {
  const std::string text = trim_text(raw);
  const std::string pointer = "/" + issue.id;
  auto fail = [&]() -> double {
    throw InputError(where, 0, 0, pointer, expected_value(issue), in_quotes(text));
  };
  switch (issue.kind) {
    case IssueKind::Options: {
      const std::string want = lower(text);
      for (std::size_t i = 0; i < issue.options.size(); ++i)
        if (lower(issue.options[i]) == want) return static_cast<double>(i);
      if (const auto n = read_number(text)) {
        if (issue.contains(*n)) return *n;
        return fail();
      }
      int found = -1;
      int matches = 0;
      for (std::size_t i = 0; i < issue.options.size() && !want.empty(); ++i)
        if (lower(issue.options[i]).rfind(want, 0) == 0) {
          found = static_cast<int>(i);
          ++matches;
        }
      if (matches == 1) return found;
      if (matches == 0) {  // then a word inside one option only: "neutral"
        for (std::size_t i = 0; i < issue.options.size() && !want.empty(); ++i)
          if (lower(issue.options[i]).find(want) != std::string::npos) {
            found = static_cast<int>(i);
            ++matches;
          }
        if (matches == 1) return found;
      }
      return fail();
    }
    case IssueKind::Flag: {
      const std::string want = lower(text);
      if (want == "yes" || want == "true" || want == "1") return 1.0;
      if (want == "no" || want == "false" || want == "0") return 0.0;
      return fail();
    }
    case IssueKind::Quantity:
    case IssueKind::Share: {
      const auto n = read_number(text);
      if (!n || !issue.contains(*n)) return fail();
      return *n;
    }
  }
  return fail();
}

// (issue id, value text) pairs from assignments or a JSON object.
std::vector<std::pair<std::string, std::string>> pairs_of(const std::vector<std::string>& text,
                                                          const std::string& where) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string joined;
  for (const std::string& t : text) joined += (joined.empty() ? "" : " ") + t;
  if (trim_text(joined).rfind('{', 0) == 0) {
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(trim_text(joined));
    } catch (const nlohmann::json::parse_error& e) {
      throw InputError(where, 0, 0, "", "a JSON object {\"issue\": value, ...}",
                       std::string("invalid JSON (") + e.what() + ")");
    }
    if (!object.is_object())
      throw InputError(where, 0, 0, "", "a JSON object {\"issue\": value, ...}", object.dump());
    for (const auto& [key, value] : object.items()) {
      if (value.is_string())
        pairs.emplace_back(key, value.get<std::string>());
      else if (value.is_boolean())
        pairs.emplace_back(key, value.get<bool>() ? "yes" : "no");
      else if (value.is_number())
        pairs.emplace_back(key, format_number(value.get<double>(), 12));
      else
        throw InputError(where, 0, 0, "/" + key, "a text, a number or true/false", value.dump());
    }
    return pairs;
  }
  for (const std::string& t : text) {
    const auto eq = t.find('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError(where, 0, 0, "", "issue=value", in_quotes(t));
    pairs.emplace_back(trim_text(t.substr(0, eq)), t.substr(eq + 1));
  }
  if (pairs.empty())
    throw InputError(where, 0, 0, "", "issue=value for each issue of a track", "nothing");
  return pairs;
}

std::map<int, Deal> parse_into(const Scenario& s, const std::vector<std::string>& text,
                               const std::string& where, int only_track) {
  std::map<int, Deal> deals;
  std::map<int, std::vector<bool>> given;
  for (const auto& [id, value] : pairs_of(text, where)) {
    const int issue = s.issue_index(id);
    if (issue < 0) {
      std::string ids;
      if (only_track >= 0) {
        for (int i : s.tracks[static_cast<std::size_t>(only_track)].issues)
          ids += (ids.empty() ? "" : ", ") + s.issues[static_cast<std::size_t>(i)].id;
      } else {
        ids = issue_ids(s);
      }
      throw InputError(where, 0, 0, "", "an issue id (" + ids + ")", in_quotes(id));
    }
    int track = -1;
    int k = -1;
    for (std::size_t t = 0; t < s.tracks.size() && track < 0; ++t) {
      const auto& issues = s.tracks[t].issues;
      const auto it = std::find(issues.begin(), issues.end(), issue);
      if (it != issues.end()) {
        track = static_cast<int>(t);
        k = static_cast<int>(it - issues.begin());
      }
    }
    if (track < 0)
      throw InputError(where, 0, 0, "/" + id, "an issue on a track", "an issue on none");
    if (only_track >= 0 && track != only_track)
      throw InputError(
          where, 0, 0, "/" + id,
          "an issue of " + s.tracks[static_cast<std::size_t>(only_track)].label,
          in_quotes(id) + ", an issue of " + s.tracks[static_cast<std::size_t>(track)].label);
    Deal& deal = deals[track];
    auto& seen = given[track];
    if (seen.empty()) {
      deal.size = static_cast<int>(s.tracks[static_cast<std::size_t>(track)].issues.size());
      seen.assign(static_cast<std::size_t>(deal.size), false);
    }
    if (seen[static_cast<std::size_t>(k)])
      throw InputError(where, 0, 0, "/" + id, "each issue once", in_quotes(id) + " twice");
    seen[static_cast<std::size_t>(k)] = true;
    deal.values[static_cast<std::size_t>(k)] =
        read_value(s.issues[static_cast<std::size_t>(issue)], value, where);
  }
  for (const auto& [track, seen] : given) {
    std::string missing;
    const Track& t = s.tracks[static_cast<std::size_t>(track)];
    for (std::size_t k = 0; k < seen.size(); ++k)
      if (!seen[k])
        missing +=
            (missing.empty() ? "" : ", ") + s.issues[static_cast<std::size_t>(t.issues[k])].id;
    if (!missing.empty())
      throw InputError(where, 0, 0, "",
                       "a value for every issue of " + t.label + ", also " + missing,
                       "no " + missing);
  }
  return deals;
}

}  // namespace

std::vector<std::string> split_assignments(const std::string& line, const std::string& where) {
  char open = 0;
  std::vector<std::string> words = split_quoted_words(line, &open);
  if (open)
    throw InputError(where, 0, 0, "", std::string("a closing ") + open, "the end of the line");
  return words;
}

std::map<int, Deal> parse_deal(const Scenario& scenario, const std::vector<std::string>& text,
                               const std::string& where) {
  return parse_into(scenario, text, where, -1);
}

Deal parse_track_deal(const Scenario& scenario, int track, const std::vector<std::string>& text,
                      const std::string& where) {
  return parse_into(scenario, text, where, track).at(track);
}

Deal snap_to_grid(const OutcomeSpace& space, const Deal& deal) {
  const std::int64_t k = space.nearest_outcome(deal);
  return space.deal(k);
}

}  // namespace parley
