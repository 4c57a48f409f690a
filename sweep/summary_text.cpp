#include "sweep/summary_text.hpp"

#include <algorithm>
#include <initializer_list>
#include <sstream>
#include <vector>

#include "analysis/report/text_table.hpp"
#include "engine/format.hpp"

namespace parley {

namespace {

using nlohmann::json;

// Concatenation that GCC 12's -Wrestrict does not misread.
std::string join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

std::string num(const json& x, int digits = 3) {
  if (!x.is_number()) return "-";
  return format_number(x.get<double>(), digits);
}

std::string count(const json& x) {
  if (!x.is_number()) return "-";
  return format_thousands(x.get<long long>());
}

std::string percent(const json& x) {
  if (!x.is_number()) return "-";
  return format_percent(x.get<double>());
}
std::string percent(double x) {
  return format_percent(x);
}

// A 95% interval of a share, in percent like the share beside it.
std::string interval(const json& w) {
  if (!w.is_array() || w.size() != 2 || !w[0].is_number() || !w[1].is_number()) return "-";
  return format_percent_interval(w[0].get<double>(), w[1].get<double>());
}

// A quantity people read, in the house style (engine/format.hpp).
std::string amount(const json& x) {
  if (!x.is_number()) return "-";
  return format_amount(x.get<double>());
}

// An outcome's value in its own unit (sweep/outcomes.hpp): shares in percent, rounds with one
// decimal, utilities with three, costs as amounts with their unit.
std::string in_unit(const json& x, const json& outcome, const std::string& round) {
  if (!x.is_number()) return "-";
  const std::string unit = outcome.at("unit").get<std::string>();
  if (unit == "share of runs" || outcome.at("outcome") == "implemented") return percent(x);
  if (unit == "round") return join({round, " ", num(x, 1)});
  if (unit == "utility") return num(x, 3);
  return join({amount(x), " ", unit});
}

std::string interval_in_unit(const json& w, const json& outcome, const std::string& round) {
  if (!w.is_array() || w.size() != 2 || !w[0].is_number() || !w[1].is_number()) return "-";
  return join({"[", in_unit(w[0], outcome, round), ", ", in_unit(w[1], outcome, round), "]"});
}

// An outcome's label with the scenario's word for a round: "day of agreement on political".
std::string outcome_label(const json& outcome, const std::string& round) {
  std::string label = outcome.at("label").get<std::string>();
  if (label.rfind("round ", 0) == 0) label = join({round, label.substr(5)});
  return label;
}

std::string clip(const std::string& text, std::size_t most) {
  return text.size() <= most ? text : text.substr(0, most - 3) + "...";
}

// How a track closed, in words (summary.json's keys are the trace's status names).
std::string status_words(const std::string& status) {
  if (status == "breakdown") return "talks broke down";
  if (status == "deadline") return "deadline reached";
  if (status == "walk-away") return "a party walked away";
  if (status == "military-victory") return "a side won the war";
  if (status == "closed") return "closed by an event or a condition";
  if (status == "suspended") return "suspended at the end";
  return status;
}

// The scenario's word for a round ("day", "week"): summary.json carries it with the history
// block; without one, "round".
std::string round_word(const json& s) {
  if (s.contains("history") && s.at("history").is_object())
    return s.at("history").value("round_name", std::string("round"));
  return "round";
}

// The summary's `history` object: how often the runs did what really happened.
std::string history_table(const json& h) {
  std::ostringstream out;
  out << "\nAs in history (" << count(h.at("runs")) << " runs)\n";
  if (!h.at("summary").get<std::string>().empty())
    out << wrap_text(h.at("summary").get<std::string>(), "  ", "  ") << "\n";
  const std::string unit = h.value("round_name", std::string("round"));
  TextTable table({"track", "in history", "status as in history", "95% CI", "terms as in history",
                   "95% CI", unit + "s later than history: mean", "sd"},
                  2);
  auto share = [](const json& p) {
    return p.is_null()
               ? std::vector<std::string>{"-", "-"}
               : std::vector<std::string>{percent(p.at("estimate")), interval(p.at("wilson95"))};
  };
  for (const json& t : h.at("tracks")) {
    const json& hist = t.at("historical");
    std::vector<std::string> row{t.at("id").get<std::string>(),
                                 hist.at("agreed").get<bool>()
                                     ? join({"agreed ", hist.at("date").get<std::string>(), " (",
                                             unit, " ", hist.at("round").dump(), ")"})
                                     : std::string("not agreed")};
    for (const char* key : {"status_match", "terms_match"})
      for (std::string& cell : share(t.at(key))) row.push_back(std::move(cell));
    const json& d = t.at("round_difference");
    row.push_back(d.is_null() ? "-" : num(d.at("mean"), 2));
    row.push_back(d.is_null() ? "-" : num(d.at("sd"), 2));
    table.row(row);
  }
  std::vector<std::string> pattern{"every track", "(whole pattern)"};
  for (std::string& cell : share(h.at("pattern_match"))) pattern.push_back(std::move(cell));
  table.row(pattern);
  out << table.text();
  out << "  order of agreements as in history: " << percent(h.at("order_match").at("estimate"))
      << " " << interval(h.at("order_match").at("wilson95")) << "\n";
  if (!h.at("last_agreed").is_null())
    out << "  " << h.at("last_agreed").get<std::string>()
        << " (agreed last in history) agreed last: " << percent(h.at("last_match").at("estimate"))
        << " " << interval(h.at("last_match").at("wilson95")) << "\n";
  out << "  (terms: runs that agreed the track on every recorded term, at the issue's grid level;\n"
         "   "
      << unit << "s later: the simulated " << unit << " minus the historical one, among runs that "
      << "agreed the track; negative: earlier)\n";
  return out.str();
}

// The war's end, its round and each party's costs (summary.json's `war`).
std::string war_text(const json& w, const std::string& round) {
  std::ostringstream out;
  if (w.at("battlefield").get<bool>()) {
    out << "\nHow the war ended (" << count(w.at("runs")) << " runs)\n";
    TextTable ends({"end", "share", "95% CI"});
    auto row = [&](const std::string& name, const json& p) {
      ends.row({name, percent(p.at("estimate")), interval(p.at("wilson95"))});
    };
    const json& e = w.at("end");
    row("ceasefire", e.at("ceasefire"));
    for (const auto& [party, p] : e.at("victory").items()) row(party + " won", p);
    row("still fighting at the end", e.at("still_fighting"));
    out << ends.text();
    const json& surv = w.at("end_round").at("survival");
    const json& given = w.at("end_round").at("given_end");
    out << "  " << round << " the fighting stopped: median " << num(surv.at("median"), 0)
        << ", p25 " << num(surv.at("quantiles").at("p25"), 0) << ", p75 "
        << num(surv.at("quantiles").at("p75"), 0) << "; mean " << round << " "
        << num(given.at("mean"), 1) << " among the " << count(given.at("count"))
        << " runs where it stopped\n";
  }
  if (!w.at("costs").empty()) {
    out << "\nWar costs per run (each party's total until the fighting stopped or the run "
           "ended)\n";
    TextTable costs({"party", "cost", "mean", "sd", "p05", "median", "p95",
                     "mean until a ceasefire", "ceasefires"},
                    2);
    for (const json& c : w.at("costs")) {
      const json& t = c.at("total");
      const std::string unit = c.at("unit").get<std::string>();
      auto with_unit = [&](const json& x) {
        return x.is_number() ? join({amount(x), " ", unit}) : std::string("-");
      };
      const json& q = t.at("quantiles");
      costs.row({c.at("party").get<std::string>(), c.at("kind").get<std::string>(),
                 with_unit(t.at("mean")), with_unit(t.at("sd")), with_unit(q.at("p05")),
                 with_unit(q.at("p50")), with_unit(q.at("p95")),
                 with_unit(c.at("until_ceasefire").at("mean")),
                 count(c.at("until_ceasefire").at("count"))});
    }
    out << costs.text();
    out << "  (cost kinds:";
    std::vector<std::string> seen;
    for (const json& c : w.at("costs")) {
      const std::string kind = c.at("kind").get<std::string>();
      if (std::find(seen.begin(), seen.end(), kind) != seen.end()) continue;
      seen.push_back(kind);
      out << (seen.size() > 1 ? ";" : "") << " " << kind << " = "
          << c.at("label").get<std::string>() << ", in " << c.at("unit").get<std::string>();
    }
    out << ")\n";
  }
  return out.str();
}

// What became of what was signed (summary.json's `implementation`).
std::string implementation_text(const json& items) {
  std::ostringstream out;
  out << "\nImplementation of what was signed\n";
  // "Went ahead" (some side did some of its part) is not "carried out": each side's own share
  // says who did what.
  std::vector<std::string> header{"item", "signed", "95% CI", "went ahead", "95% CI"};
  for (const json& p : items.at(0).at("parties"))
    header.push_back(p.at("party").get<std::string>() + "'s part done");
  TextTable table(header);
  for (const json& i : items) {
    std::vector<std::string> row{
        i.at("id").get<std::string>(), percent(i.at("signed").at("estimate")),
        interval(i.at("signed").at("wilson95")), percent(i.at("carried_out").at("estimate")),
        interval(i.at("carried_out").at("wilson95"))};
    for (const json& p : i.at("parties"))
      row.push_back(percent(p.at("share_carried_out").at("mean")));
    table.row(row);
  }
  out << table.text();
  out << wrap_text(
      "(shares of all runs; went ahead: at least one side did some of its part; a side's part "
      "done: the mean share of its own part it carried out, in runs that signed the item)",
      "  ", "   ");
  return out.str();
}

// What drives one outcome: regression, Sobol indices and the tornado, then the partial
// dependence along each parameter and the notes in words.
std::string driver_text(const json& d, const std::string& round) {
  std::ostringstream out;
  const std::string label = outcome_label(d, round);
  out << "\nWhat drives " << label << " (" << count(d.at("runs")) << " runs";
  if (d.at("r_squared").is_number()) out << ", R² " << num(d.at("r_squared"));
  out << ")\n";
  if (d.at("runs").get<long long>() == 0 || d.at("parameters").empty()) {
    out << "  (no runs where it is defined, or no parameter varies)\n";
    return out.str();
  }
  bool varies = false;
  for (const json& r : d.at("parameters")) varies = varies || r.at("src").is_number();
  if (!varies) {
    out << "  (the same in every run where it is defined: nothing drives it)\n";
    return out.str();
  }
  TextTable table(
      {"parameter", "SRC", "± se", "Sobol S1", "± se", "lowest bin", "highest bin", "shape"});
  std::vector<json> rows;
  for (const json& t : d.at("tornado")) {
    for (std::size_t k = 0; k < d.at("parameters").size(); ++k)
      if (d.at("parameters")[k].at("pointer") == t.at("pointer")) {
        const json& r = d.at("parameters")[k];
        const json& pd = d.at("partial_dependence")[k];
        std::string shape = pd.at("shape").is_string() ? pd.at("shape").get<std::string>() : "-";
        if (pd.contains("at")) shape += join({" (near ", amount(pd.at("at")), ")"});
        table.row({r.at("pointer").get<std::string>(), num(r.at("src")), num(r.at("src_se")),
                   num(r.at("sobol")), num(r.at("sobol_se")),
                   t.at("low").is_null() ? "-" : in_unit(t.at("low").at("mean"), d, round),
                   t.at("high").is_null() ? "-" : in_unit(t.at("high").at("mean"), d, round),
                   shape});
      }
  }
  out << table.text();
  out << "  (parameters by the width of their effect, widest first; lowest / highest bin: the "
         "mean in the parameter's lowest and highest bin)\n";
  for (const json& pd : d.at("partial_dependence")) {
    out << "  along " << pd.at("pointer").get<std::string>() << ":\n";
    TextTable bins({"value", "runs", "mean", "95% CI"}, 0);
    for (const json& b : pd.at("bins")) {
      if (b.at("runs").get<long long>() == 0) continue;
      bins.row({amount(b.at("x")), count(b.at("runs")), in_unit(b.at("mean"), d, round),
                interval_in_unit(b.at("ci95"), d, round)});
    }
    out << bins.text("    ");
  }
  for (const json& note : d.at("notes")) out << wrap_text(note.get<std::string>(), "  ", "  ");
  return out.str();
}

// The grid design's table: every outcome in every cell, the last parameter across.
std::string grid_text(const json& g, const std::string& round) {
  std::ostringstream out;
  const std::size_t n = g.at("parameters").size();
  const json& cells = g.at("cells");
  if (n == 0 || cells.empty()) return "";
  // Levels of the last parameter, in the order the cells give them.
  // The cells that share the first cell's levels of the other parameters make one row.
  std::vector<std::string> across;
  for (const json& c : cells) {
    bool same_row = true;
    for (std::size_t k = 0; k + 1 < n; ++k)
      same_row = same_row && c.at("levels")[k] == cells[0].at("levels")[k];
    if (!same_row) break;
    across.push_back(amount(c.at("levels")[n - 1]));
  }
  out << "\nGrid: every outcome in every cell (mean; across: "
      << g.at("parameters")[n - 1].get<std::string>();
  for (std::size_t k = 0; k + 1 < n; ++k)
    out << (k == 0 ? "; down: " : ", ") << g.at("parameters")[k].get<std::string>();
  out << ")\n";
  for (const json& outcome : g.at("outcomes")) {
    const std::string key = outcome.at("key").get<std::string>();
    const std::string unit = outcome.at("unit").get<std::string>();
    out << "  " << outcome_label(outcome, round) << " (" << (unit == "round" ? round : unit)
        << ")\n";
    std::vector<std::string> header;
    for (std::size_t k = 0; k + 1 < n; ++k) header.push_back(k == 0 ? "down" : "");
    header.insert(header.end(), across.begin(), across.end());
    if (n == 1) header.insert(header.begin(), "");
    TextTable table(header, n == 1 ? 1 : n - 1);
    std::vector<std::string> row;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const json& cell = cells[c];
      if (c % across.size() == 0) {
        row.clear();
        if (n == 1) row.push_back("mean");
        for (std::size_t k = 0; k + 1 < n; ++k) row.push_back(amount(cell.at("levels")[k]));
      }
      row.push_back(in_unit(cell.at("outcomes").at(key).at("mean"), outcome, round));
      if (c % across.size() == across.size() - 1) table.row(row);
    }
    out << table.text("    ");
  }
  out << "  (95% intervals of every cell are in summary.json, grid.cells[].outcomes)\n";
  return out.str();
}

}  // namespace

std::string summary_text(const json& s) {
  std::ostringstream out;
  const json& sweep = s.at("sweep");
  out << sweep.at("scenario").at("name").get<std::string>() << "\n";
  out << count(s.at("runs").at("completed")) << " runs";
  if (s.at("partial").get<bool>())
    out << " of " << count(s.at("runs").at("planned")) << " planned (PARTIAL)";
  out << " · design " << sweep.at("design").get<std::string>() << " · seed "
      << sweep.at("seed").dump() << " · "
      << (sweep.at("parameters").empty()
              ? std::string("no uncertain parameters")
              : format_count(static_cast<long long>(sweep.at("parameters").size()),
                             "uncertain parameter"))
      << "\n";
  // Tables name parties by their short ids; their names once, here.
  out << "Parties: ";
  for (std::size_t p = 0; p < s.at("parties").size(); ++p) {
    const json& party = s.at("parties")[p];
    out << (p ? "; " : "") << party.at("id").get<std::string>();
    if (party.contains("name") && party.at("name") != party.at("id"))
      out << " = " << party.at("name").get<std::string>();
  }
  out << "\n";
  if (s.contains("shard"))
    out << "shard " << s.at("shard").at("index").dump() << " of "
        << s.at("shard").at("count").dump() << " (blocks " << s.at("shard").at("first_block")
        << " to " << s.at("shard").at("last_block") << ")\n";

  out << "\nAgreement per track\n";
  const std::string round = round_word(s);
  TextTable agreement({"track", "agreed", "95% CI", "median " + round, "p25", "p75", "p95",
                       "mean " + round + " if agreed"});
  for (const json& t : s.at("tracks")) {
    const json& a = t.at("agreement");
    const json& surv = t.at("round_of_agreement").at("survival");
    agreement.row({t.at("id").get<std::string>(), percent(a.at("estimate")),
                   interval(a.at("wilson95")), num(surv.at("median"), 0),
                   num(surv.at("quantiles").at("p25"), 0), num(surv.at("quantiles").at("p75"), 0),
                   num(surv.at("quantiles").at("p95"), 0),
                   num(t.at("round_of_agreement").at("given_agreement").at("mean"), 1)});
  }
  out << agreement.text();
  out << "  (" << round
      << "s from the survival curve: '-' where too few runs agree to reach the "
         "quantile)\n";

  out << "\nHow tracks closed\n";
  // Only the ways of closing that happened somewhere (the JSON lists them all).
  std::vector<std::string> statuses;
  for (const auto& [status, value] : s.at("tracks").at(0).at("closing").items()) {
    bool seen = false;
    for (const json& t : s.at("tracks")) seen = seen || t.at("closing").at(status).at("count") > 0;
    if (seen) statuses.push_back(status);
  }
  std::vector<std::string> header{"track"};
  for (const std::string& status : statuses) header.push_back(status_words(status));
  TextTable closing(header);
  for (const json& t : s.at("tracks")) {
    std::vector<std::string> row{t.at("id").get<std::string>()};
    for (const std::string& status : statuses)
      row.push_back(percent(t.at("closing").at(status).at("share")));
    closing.row(row);
  }
  out << closing.text();

  if (s.contains("history")) out << history_table(s.at("history"));

  for (const json& t : s.at("tracks")) {
    const json& terms = t.at("terms");
    const auto agreements = terms.empty() ? json(0) : terms.at(0).at("agreements");
    out << "\nAgreed terms: " << t.at("id").get<std::string>() << " (" << count(agreements)
        << " agreements)\n";
    TextTable table({"issue", "distribution"}, 2);
    for (const json& term : terms) {
      std::string text;
      if (term.contains("moments") && term.at("moments").at("count").get<long long>() > 0) {
        const json& m = term.at("moments");
        const json& q = term.at("quantiles");
        // House style: 1,100 rather than 1100, the unit once at the end of the line.
        text = join({"mean ", amount(m.at("mean")), "  sd ", amount(m.at("sd")), "  p05 ",
                     amount(q.at("p05")), "  median ", amount(q.at("p50")), "  p95 ",
                     amount(q.at("p95"))});
        if (term.contains("unit")) text.append(" ").append(term.at("unit").get<std::string>());
      } else if (term.contains("frequencies") && !term.contains("moments")) {
        std::vector<std::pair<double, std::string>> levels;
        for (const json& f : term.at("frequencies"))
          if (f.at("share").is_number() && f.at("share").get<double>() > 0)
            levels.push_back(
                {f.at("share").get<double>(), clip(f.at("level").get<std::string>(), 40)});
        std::stable_sort(levels.begin(), levels.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t k = 0; k < levels.size() && k < 3; ++k)
          text.append(k ? "; " : "")
              .append(levels[k].second)
              .append(" ")
              .append(percent(levels[k].first));
        if (levels.size() > 3) text += "; ...";
      }
      table.row({term.at("issue").get<std::string>(), text.empty() ? "-" : text});
    }
    out << table.text();
  }

  out << "\nEfficiency of agreements (against the scenario's nominal values)\n";
  TextTable efficiency({"track", "agreements", "Pareto-optimal", "Nash product / max",
                        "distance to Nash", "distance to KS"});
  for (const json& t : s.at("tracks")) {
    const json& e = t.at("efficiency");
    efficiency.row({t.at("id").get<std::string>(), count(e.at("agreements")),
                    percent(e.at("pareto_optimal").at("estimate")),
                    num(e.at("nash_product_fraction").at("mean")),
                    num(e.at("distance_to_nash").at("mean")),
                    num(e.at("distance_to_kalai_smorodinsky").at("mean"))});
  }
  out << efficiency.text();
  std::string war;
  for (const json& t : s.at("tracks"))
    if (t.at("efficiency").value("disagreement", "reservation") == "value_of_fighting_on")
      war += (war.empty() ? "" : ", ") + t.at("id").get<std::string>();
  out << "  no deal = "
      << (war.empty() ? "the reservation values"
                      : "the reservation values; on war tracks (" + war +
                            ") the value of fighting on at the start")
      << "\n";

  out << "\nUtility per party (each party's own scale, 0 to 1)\n";
  // The cost of talking (per round, from the preferences) only where some party has one; the
  // war's costs, in their own units, have their own table below.
  bool talk_costs = false;
  for (const json& p : s.at("parties"))
    talk_costs = talk_costs || (p.at("costs").at("mean").is_number() &&
                                p.at("costs").at("mean").get<double>() != 0.0);
  std::vector<std::string> party_header{"party", "mean", "sd", "p05", "median", "p95"};
  if (talk_costs) {
    party_header.push_back("cost of talking: mean");
    party_header.push_back("p95");
  }
  TextTable parties(party_header);
  for (const json& p : s.at("parties")) {
    const json& u = p.at("utility");
    const json& c = p.at("costs");
    std::vector<std::string> row{p.at("id").get<std::string>(),
                                 num(u.at("mean")),
                                 num(u.at("sd")),
                                 num(u.at("quantiles").at("p05")),
                                 num(u.at("quantiles").at("p50")),
                                 num(u.at("quantiles").at("p95"))};
    if (talk_costs) {
      row.push_back(num(c.at("mean"), 4));
      row.push_back(num(c.at("quantiles").at("p95"), 4));
    }
    parties.row(row);
  }
  out << parties.text();

  if (s.contains("war")) out << war_text(s.at("war"), round_word(s));
  if (s.contains("implementation")) out << implementation_text(s.at("implementation"));
  for (const json& d : s.at("drivers")) out << driver_text(d, round_word(s));
  if (s.contains("grid")) out << grid_text(s.at("grid"), round_word(s));
  return out.str();
}

}  // namespace parley
