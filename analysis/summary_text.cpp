#include "analysis/summary_text.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <sstream>
#include <vector>

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

// A table with left-aligned first column and right-aligned others.
class Table {
 public:
  // The first `left` columns are left-aligned (names, text), the rest right-aligned (numbers).
  explicit Table(std::vector<std::string> header, std::size_t left = 1) : left_(left) {
    rows_.push_back(std::move(header));
  }
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string text(const std::string& indent = "  ") const {
    std::vector<std::size_t> width;
    for (const auto& r : rows_) {
      if (width.size() < r.size()) width.resize(r.size(), 0);
      for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], display(r[c]));
    }
    std::string out;
    for (const auto& r : rows_) {
      std::string line = indent;
      for (std::size_t c = 0; c < r.size(); ++c) {
        const std::string pad(width[c] - display(r[c]), ' ');
        if (c > 0) line += "  ";
        line += c < left_ ? r[c] + pad : pad + r[c];
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    return out;
  }

 private:
  // Characters as a terminal shows them (UTF-8 continuation bytes take no column).
  static std::size_t display(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }
  std::size_t left_;
  std::vector<std::vector<std::string>> rows_;
};

std::string clip(const std::string& text, std::size_t most) {
  return text.size() <= most ? text : text.substr(0, most - 3) + "...";
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
  Table agreement(
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
  Table closing(header);
  for (const json& t : s.at("tracks")) {
    std::vector<std::string> row{t.at("id").get<std::string>()};
    for (const std::string& status : statuses)
      row.push_back(percent(t.at("closing").at(status).at("share")));
    closing.row(row);
  }
  out << closing.text();

  for (const json& t : s.at("tracks")) {
    const json& terms = t.at("terms");
    const auto agreements = terms.empty() ? json(0) : terms.at(0).at("agreements");
    out << "\nAgreed terms: " << t.at("id").get<std::string>() << " (" << count(agreements)
        << " agreements)\n";
    Table table({"issue", "distribution"}, 2);
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
  Table efficiency({"track", "agreements", "Pareto-optimal", "Nash product / max",
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

  out << "\nParties\n";
  Table parties({"party", "utility mean", "sd", "p05", "median", "p95", "costs mean", "p95"});
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
    Table table({"parameter", "SRC", "± se", "Sobol S1", "± se"});
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
