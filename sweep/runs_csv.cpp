#include "sweep/runs_csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace parley {

namespace {

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The shortest text that reads back to the same double.
void append_number(std::string& out, double x) {
  if (!std::isfinite(x)) {
    out += std::isnan(x) ? "NaN" : (x > 0 ? "Inf" : "-Inf");
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  out.append(buffer, result.ptr);
}

void append_integer(std::string& out, std::uint64_t x) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  out.append(buffer, result.ptr);
}

bool labelled(const SweepLayout::IssueInfo& issue) {
  return issue.kind == IssueKind::Options || issue.kind == IssueKind::Flag;
}

// One column: its name, what it is and its unit.
struct Column {
  std::string name, meaning, unit;
};

std::vector<Column> columns(const SweepLayout& l) {
  std::vector<Column> out;
  out.push_back({"run",
                 "the run's index in the sweep (0-based; its random streams derive from "
                 "the seed and this index)",
                 ""});
  for (const auto& p : l.parameters)
    out.push_back({parameter_column(l, p.pointer),
                   "the run's value of the uncertain parameter " + p.pointer + " (" +
                       describe(p.distribution) + ")",
                   "as in the scenario file"});
  for (const auto& t : l.tracks) {
    out.push_back({t.id + ".status",
                   "how track " + t.id + " (" + t.label +
                       ") closed: agreed, breakdown, deadline, walk-away, closed, "
                       "military-victory, suspended or open",
                   ""});
    out.push_back(
        {t.id + ".round", "the round track " + t.id + " closed in (0 if it never did)", "round"});
    for (const auto& i : t.issues)
      out.push_back({t.id + "." + i.id,
                     "agreed term of " + i.id + " (" + i.label + ")" +
                         (labelled(i) ? ", by its option's label" : "") +
                         "; empty without agreement",
                     labelled(i) ? "" : i.unit});
  }
  for (const auto& p : l.parties) {
    out.push_back({p.id + ".utility",
                   p.id + "'s utility: stake-weighted payoff over the tracks (" + p.name + ")",
                   "utility (0 to 1 scale)"});
    out.push_back({p.id + ".costs", p.id + "'s costs per round of talks accrued", "utility"});
  }
  if (l.war.battlefield) {
    out.push_back({"war.end",
                   "how the war ended: ceasefire, victory " + l.parties[l.war.up].id +
                       ", victory " + l.parties[l.war.down].id + " or still fighting",
                   ""});
    out.push_back(
        {"war.end_round", "the round the fighting stopped; empty if it never did", "round"});
  }
  for (const auto& c : l.war.costs) {
    const auto& kind = l.war.kinds[c.kind];
    out.push_back({l.parties[c.party].id + ".war_cost." + kind.id,
                   l.parties[c.party].id + "'s " + kind.label +
                       ": total until the fighting stopped or the run ended",
                   kind.unit});
  }
  for (const auto& i : l.implementation) {
    out.push_back({i.id + ".signed", "1 if " + i.id + " (" + i.label + ") was signed, else 0", ""});
    out.push_back(
        {i.id + ".carried_out", "1 if " + i.id + " went ahead (a side did its part), else 0", ""});
    for (const auto& p : l.parties)
      out.push_back(
          {i.id + "." + p.id + ".done",
           "share of " + p.id + "'s part of " + i.id + " carried out (0 to 1); empty if not signed",
           "share"});
  }
  return out;
}

}  // namespace

std::string parameter_column(const SweepLayout& l, const std::string& pointer) {
  const std::string prefix = "/parties/";
  if (pointer.rfind(prefix, 0) != 0) return pointer;
  const std::size_t end = pointer.find('/', prefix.size());
  const std::string index = pointer.substr(prefix.size(), end - prefix.size());
  if (index.empty() || !std::all_of(index.begin(), index.end(), ::isdigit)) return pointer;
  const auto p = std::stoul(index);
  if (p >= l.parties.size()) return pointer;
  return prefix + l.parties[p].id + (end == std::string::npos ? "" : pointer.substr(end));
}

std::string runs_csv_header(const SweepLayout& layout) {
  std::string out;
  for (const Column& c : columns(layout)) out.append(out.empty() ? "" : ",").append(quoted(c.name));
  return out + "\n";
}

std::string runs_csv_kept_rows(const std::vector<std::string_view>& texts,
                               const std::function<bool(std::uint64_t run)>& keep) {
  std::map<std::uint64_t, std::string_view> rows;
  for (const std::string_view text : texts) {
    // Records end at a line break outside quotes (RFC 4180: a quoted label may hold one).
    bool quoted_field = false;
    std::size_t start = 0;
    bool header = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '"') quoted_field = !quoted_field;
      if (text[i] != '\n' || quoted_field) continue;
      const std::string_view record = text.substr(start, i + 1 - start);
      start = i + 1;
      if (header) {  // the first record names the columns
        header = false;
        continue;
      }
      std::uint64_t run = 0;
      const auto [end, error] = std::from_chars(record.data(), record.data() + record.size(), run);
      if (error != std::errc() || end == record.data() || *end != ',') continue;
      if (keep(run)) rows.emplace(run, record);
    }
  }
  std::string out;
  for (const auto& [run, record] : rows) out.append(record);
  return out;
}

std::string runs_csv_columns(const SweepLayout& layout) {
  std::string out = "column,meaning,unit\n";
  for (const Column& c : columns(layout))
    out.append(quoted(c.name))
        .append(",")
        .append(quoted(c.meaning))
        .append(",")
        .append(quoted(c.unit))
        .append("\n");
  return out;
}

std::string runs_csv_columns_path(const std::string& path) {
  const std::string ext = ".csv";
  if (path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
    return path.substr(0, path.size() - ext.size()) + ".columns.csv";
  return path + ".columns.csv";
}

void append_runs_csv_row(std::string& out, const SweepLayout& layout, std::uint64_t run,
                         const double* drawn, const RunResult& result) {
  append_integer(out, run);
  for (std::size_t j = 0; j < layout.parameters.size(); ++j) {
    out += ',';
    append_number(out, drawn[j]);
  }
  for (std::size_t t = 0; t < layout.tracks.size(); ++t) {
    const TrackResult& track = result.tracks[t];
    out += ',';
    out += to_string(track.status);
    out += ',';
    append_integer(out, static_cast<std::uint64_t>(std::max(track.round, 0)));
    const bool agreed = track.status == TrackStatus::Agreed;
    for (std::size_t k = 0; k < layout.tracks[t].issues.size(); ++k) {
      out += ',';
      if (!agreed) continue;
      const auto& issue = layout.tracks[t].issues[k];
      if (labelled(issue))
        out += quoted(issue.level_names[issue.nearest_level(track.deal.values[k])]);
      else
        append_number(out, track.deal.values[k]);
    }
  }
  for (const PartyResult& party : result.parties) {
    out += ',';
    append_number(out, party.utility);
    out += ',';
    append_number(out, party.costs);
  }
  if (layout.war.battlefield) {
    const WorldResult& w = result.world;
    out += ',';
    if (w.ceasefire)
      out += "ceasefire";
    else if (w.victor >= 0)
      out += quoted("victory " + layout.parties[w.victor].id);
    else
      out += "still fighting";
    out += ',';
    if (w.end_round >= 0) append_integer(out, static_cast<std::uint64_t>(w.end_round));
  }
  for (const auto& c : layout.war.costs) {
    out += ',';
    const auto& costs = result.parties[c.party].war_costs;
    append_number(out, static_cast<std::size_t>(c.kind) < costs.size() ? costs[c.kind] : 0.0);
  }
  for (const ImplementationResult& item : result.implementation) {
    out += item.signed_ ? ",1" : ",0";
    out += item.carried_out ? ",1" : ",0";
    for (double f : item.fraction) {
      out += ',';
      if (item.signed_) append_number(out, f);
    }
  }
  out += '\n';
}

}  // namespace parley
