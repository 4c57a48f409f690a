#include "engine/load/history_loader.hpp"

#include <algorithm>
#include <cmath>

#include "engine/format.hpp"
#include "engine/load/block_reader.hpp"
#include "engine/load/message_text.hpp"

namespace parley {

namespace {
HistoricalTerm read_term(const BlockReader& r, const Scenario& s, const Track& track,
                         const std::string& q, const std::string& id) {
  const int issue = s.issue_index(id);
  const bool on_track = issue >= 0 && std::find(track.issues.begin(), track.issues.end(), issue) !=
                                          track.issues.end();
  if (!on_track) {
    std::vector<std::string> ids;
    for (const int i : track.issues) ids.push_back(s.issues[i].id);
    r.fail_key(
        q, "the id of an issue on track " + quote(track.id) + " (known: " + plain_list(ids) + ")",
        with_suggestion(quote(id), id, ids));
  }
  const Issue& is = s.issues[issue];
  const nlohmann::json& v = r.at(q);
  HistoricalTerm term;
  term.issue = issue;
  switch (is.kind) {
    case IssueKind::Options: {
      if (v.is_string()) {
        const auto it = std::find(is.options.begin(), is.options.end(), v.get<std::string>());
        if (it == is.options.end())
          r.fail(q, "one of the options of " + quote(is.id) + ": " + quoted_list(is.options),
                 with_suggestion(r.doc().literal(q), v.get<std::string>(), is.options));
        term.value = static_cast<double>(it - is.options.begin());
      } else if (v.is_number_integer() && v.get<long long>() >= 0 &&
                 v.get<long long>() < static_cast<long long>(is.options.size())) {
        term.value = static_cast<double>(v.get<long long>());
      } else {
        r.fail(q, "an option of " + quote(is.id) + " (its text, or its index from 0)",
               r.doc().describe(q));
      }
      term.text = is.options[static_cast<std::size_t>(term.value)];
      break;
    }
    case IssueKind::Flag:
      if (!v.is_boolean()) r.fail(q, "true or false for flag " + quote(is.id), r.doc().describe(q));
      term.value = v.get<bool>() ? 1.0 : 0.0;
      term.text = v.get<bool>() ? "yes" : "no";
      break;
    case IssueKind::Quantity:
    case IssueKind::Share:
      if (!v.is_number() || v.get<double>() < is.min || v.get<double>() > is.max)
        r.fail(q,
               "a number in the range of " + quote(is.id) + ", [" + format_number(is.min, 6) +
                   ", " + format_number(is.max, 6) + "]",
               r.doc().describe(q));
      term.value = v.get<double>();
      term.text = is.describe(term.value);
      break;
  }
  return term;
}
}  // namespace

void read_history(const JsonDocument& document, Scenario& s) {
  if (!document.contains("/history")) return;
  const BlockReader r(document, s);
  HistorySpec& h = s.history;
  h.present = true;
  h.summary = r.text("/history/summary");
  h.source = r.text("/history/source");
  r.check_source("/history/source");
  if (r.has("/history/end")) {
    r.round_of("/history/end");  // a real date on the clock
    h.end_date = r.text("/history/end");
  }
  std::vector<int> seen;
  for (std::size_t k = 0; k < r.size("/history/tracks"); ++k) {
    const std::string p = child_pointer("/history/tracks", k);
    HistoricalTrack ht;
    ht.track = r.track(p + "/track");
    if (std::find(seen.begin(), seen.end(), ht.track) != seen.end())
      r.fail(p + "/track", "each track once in /history/tracks",
             quote(s.tracks[ht.track].id) + " again");
    seen.push_back(ht.track);
    ht.agreed = r.at(p + "/agreed").get<bool>();
    if (ht.agreed && !r.has(p + "/date"))
      r.fail(p, "the date the track was agreed (\"date\": \"YYYY-MM-DD\")", "none");
    if (!ht.agreed && r.has(p + "/date"))
      r.fail_key(p + "/date", "no date for a track that was not agreed",
                 r.doc().literal(p + "/date"));
    if (!ht.agreed && r.has(p + "/terms"))
      r.fail_key(p + "/terms", "no terms for a track that was not agreed", "terms");
    if (ht.agreed) {
      ht.round = r.round_of(p + "/date");
      ht.date = r.text(p + "/date");
    }
    const Track& track = s.tracks[ht.track];
    for (const std::string& id : document.keys(p + "/terms"))
      ht.terms.push_back(read_term(r, s, track, child_pointer(p + "/terms", id), id));
    ht.how = r.text(p + "/how");
    ht.source = r.text(p + "/source");
    r.check_source(p + "/source");
    ht.note = r.text(p + "/note");
    h.tracks.push_back(std::move(ht));
  }
  for (std::size_t k = 0; k < r.size("/history/facts"); ++k) {
    const std::string p = child_pointer("/history/facts", k);
    r.check_source(p + "/source");
    h.facts.push_back(HistoricalFact{r.text(p + "/text"), r.text(p + "/source")});
  }
}

}  // namespace parley
