#include "sweep/summary_text.hpp"

#include <algorithm>
#include <cmath>
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
  return join({format_number(100.0 * x.get<double>(), 1), "%"});
}

std::string interval(const json& w) {
  if (!w.is_array() || w.size() != 2) return "-";
  return join({"[", num(w[0]), ", ", num(w[1]), "]"});
}

std::string clip(const std::string& text, std::size_t most) {
  return text.size() <= most ? text : text.substr(0, most - 3) + "...";
}

// The summary's `history` object: how often the runs did what really happened.
std::string history_table(const json& h) {
  std::ostringstream out;
  out << "\nAs in history (" << count(h.at("runs")) << " runs)\n";
  if (!h.at("summary").get<std::string>().empty())
    out << wrap_text(h.at("summary").get<std::string>(), "  ", "  ") << "\n";
  TextTable table({"track", "in history", "status as in history", "95% CI", "terms as in history",
                   "95% CI", "rounds vs history: mean", "sd"},
                  2);
  auto share = [](const json& p) {
    return p.is_null()
               ? std::vector<std::string>{"-", "-"}
               : std::vector<std::string>{percent(p.at("estimate")), interval(p.at("wilson95"))};
  };
  const std::string unit = h.value("round_name", std::string("round"));
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
         "   rounds: simulated minus historical round, among runs that agreed the track)\n";
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
      << sweep.at("seed").dump() << " · " << sweep.at("parameters").size()
      << " uncertain parameters\n";
  if (s.contains("shard"))
    out << "shard " << s.at("shard").at("index").dump() << " of "
        << s.at("shard").at("count").dump() << " (blocks " << s.at("shard").at("first_block")
        << " to " << s.at("shard").at("last_block") << ")\n";

  out << "\nAgreement per track\n";
  TextTable agreement(
      {"track", "P(agree)", "95% CI", "median round", "p25", "p75", "p95", "mean round if agreed"});
  for (const json& t : s.at("tracks")) {
    const json& a = t.at("agreement");
    const json& surv = t.at("round_of_agreement").at("survival");
    agreement.row({t.at("id").get<std::string>(), num(a.at("estimate")), interval(a.at("wilson95")),
                   num(surv.at("median"), 0), num(surv.at("quantiles").at("p25"), 0),
                   num(surv.at("quantiles").at("p75"), 0), num(surv.at("quantiles").at("p95"), 0),
                   num(t.at("round_of_agreement").at("given_agreement").at("mean"), 1)});
  }
  out << agreement.text();
  out << "  (rounds from the survival curve: '-' where too few runs agree to reach the "
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
  header.insert(header.end(), statuses.begin(), statuses.end());
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
        const int digits = term.at("kind") == "quantity" ? 1 : 4;
        text = join({"mean ", num(m.at("mean"), digits), "  sd ", num(m.at("sd"), digits), "  p05 ",
                     num(q.at("p05"), digits), "  median ", num(q.at("p50"), digits), "  p95 ",
                     num(q.at("p95"), digits)});
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

  out << "\nParties\n";
  TextTable parties({"party", "utility mean", "sd", "p05", "median", "p95", "costs mean", "p95"});
  for (const json& p : s.at("parties")) {
    const json& u = p.at("utility");
    const json& c = p.at("costs");
    parties.row({p.at("id").get<std::string>(), num(u.at("mean")), num(u.at("sd")),
                 num(u.at("quantiles").at("p05")), num(u.at("quantiles").at("p50")),
                 num(u.at("quantiles").at("p95")), num(c.at("mean"), 4),
                 num(c.at("quantiles").at("p95"), 4)});
  }
  out << parties.text();

  for (const json& d : s.at("drivers")) {
    const std::string outcome = d.at("outcome").get<std::string>();
    const std::string about = d.contains("track") ? join({"on ", d.at("track").get<std::string>()})
                                                  : join({"of ", d.at("party").get<std::string>()});
    out << "\nDrivers of " << (outcome == "round_of_agreement" ? "the round of agreement" : outcome)
        << " " << about << " (" << count(d.at("runs")) << " runs, R² " << num(d.at("r_squared"))
        << ")\n";
    TextTable table({"parameter", "SRC", "± se", "Sobol S1", "± se"});
    std::vector<json> rows(d.at("parameters").begin(), d.at("parameters").end());
    auto magnitude = [](const json& r) {
      return r.at("sobol").is_number() ? std::abs(r.at("sobol").get<double>()) : -1.0;
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const json& a, const json& b) { return magnitude(a) > magnitude(b); });
    for (const json& r : rows)
      table.row({r.at("pointer").get<std::string>(), num(r.at("src")), num(r.at("src_se")),
                 num(r.at("sobol")), num(r.at("sobol_se"))});
    out << table.text();
  }
  return out.str();
}

}  // namespace parley
