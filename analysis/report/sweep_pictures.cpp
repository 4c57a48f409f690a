#include "analysis/report/sweep_pictures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

#include "analysis/statistics/json_number.hpp"
#include "engine/format.hpp"

namespace parley {

namespace {

using Json = nlohmann::json;

std::string percent(double share) {
  return format_percent(share);
}

// "83.2% [80.1%, 86%]": a share and its 95% interval, in percent (engine/format.hpp).
// A proportion's point estimate: `estimate` in agreement and history blocks, `share` in the
// closing and frequency tables.
double estimate(const Json& p) {
  return number_or(p.contains("estimate") ? p["estimate"] : p.value("share", Json()), 0.0);
}

std::string share_text(const Json& proportion) {
  const double est = estimate(proportion);
  std::string text = percent(est);
  const Json& w = proportion.contains("wilson95") ? proportion["wilson95"] : Json();
  if (w.is_array() && w.size() == 2)
    text += " " + format_percent_interval(number_or(w[0]), number_or(w[1]));
  return text;
}

IntervalBar share_bar(const std::string& label, const std::string& group, const Json& p) {
  IntervalBar bar;
  bar.label = label;
  bar.group = group;
  bar.value = estimate(p);
  if (p.contains("wilson95") && p["wilson95"].is_array() && p["wilson95"].size() == 2) {
    bar.lower = number_or(p["wilson95"][0]);
    bar.upper = number_or(p["wilson95"][1]);
  }
  bar.text = share_text(p);
  return bar;
}

std::string track_name(const Json& t) {
  const std::string label = t.value("label", "");
  return label.empty() ? t.value("id", "") : label;
}

std::string round_name(const Json& s) {
  if (s.contains("history") && s["history"].is_object())
    return s["history"].value("round_name", "round");
  return "round";
}

// -- one function per block of summary.json ---------------------------------------------------

std::optional<ReportSection> agreement_block(const Json& s) {
  if (!s.contains("tracks") || s["tracks"].empty()) return std::nullopt;
  ReportSection section{"Agreement per track", "", {}};
  IntervalChart agree;
  agree.title = "Agreement per track";
  agree.caption =
      "Share of runs that agreed each track, with its 95% Wilson interval: a short whisker means "
      "enough runs to trust the difference between tracks.";
  agree.value_title = "runs agreeing (%)";
  agree.domain = std::make_pair(0.0, 1.0);
  agree.format = "%";
  IntervalChart closing;
  closing.title = "How each track closed";
  closing.caption =
      "Share of runs ending each track each way: a deadline or breakdown share is the chance "
      "the talks fail that way.";
  closing.value_title = "runs (%)";
  closing.group_title = "how it closed";
  closing.domain = std::make_pair(0.0, 1.0);
  closing.format = "%";
  for (const auto& t : s["tracks"]) {
    agree.bars.push_back(share_bar(track_name(t), "", t["agreement"]));
    if (!t.contains("closing")) continue;
    for (const auto& [status, p] : t["closing"].items())
      if (p.value("count", 0) > 0)
        closing.bars.push_back(share_bar(t.value("id", "") + ": " + status, status, p));
  }
  section.charts.push_back(interval_chart(agree));
  if (!closing.bars.empty()) section.charts.push_back(interval_chart(closing));
  return section;
}

std::optional<ReportSection> survival_block(const Json& s) {
  if (!s.contains("tracks")) return std::nullopt;
  XYChart c;
  c.title = "Time to agreement";
  c.caption =
      "Share of runs not yet agreed by each " + round_name(s) +
      " (Kaplan–Meier): a steep drop is when deals happen; where a curve levels off, the rest "
      "never agree.";
  c.x_title = round_name(s) + " of the talks";
  c.y_title = "runs not yet agreed (%)";
  c.series_title = "track";
  c.step = true;
  c.line_points = false;
  c.x_integer = true;
  c.y_domain = std::make_pair(0.0, 1.0);
  c.y_format = "%";
  for (const auto& t : s["tracks"]) {
    const Json& steps = t["round_of_agreement"]["survival"]["steps"];
    if (!steps.is_array() || steps.empty()) continue;
    const std::string name = track_name(t);
    c.lines.push_back({0.0, 1.0, name, "", "before any agreement"});
    for (const auto& st : steps)
      c.lines.push_back(
          {number_or(st["round"]), number_or(st["survival"]), name, "",
           format_thousands(st.value("events", 0LL)) + " agreed this " + round_name(s)});
  }
  if (c.lines.empty()) return std::nullopt;
  return ReportSection{"Time to agreement", "", {xy_chart(c)}};
}

std::optional<ReportSection> terms_block(const Json& s) {
  if (!s.contains("tracks")) return std::nullopt;
  ReportSection section{
      "Agreed terms", "Over the runs that agreed each track: which terms they agreed.", {}};
  for (const auto& t : s["tracks"]) {
    if (!t.contains("terms")) continue;
    IntervalChart shares;  // share issues of the track: median and 5-95% range
    for (const auto& term : t["terms"]) {
      if (term.value("agreements", 0) == 0) continue;
      const std::string kind = term.value("kind", "");
      const std::string unit = term.value("unit", "");
      const std::string label = term.value("label", term.value("issue", ""));
      if (term.contains("frequencies")) {
        IntervalChart c;
        c.title = track_name(t) + ": " + label;
        c.caption = "Share of the " + format_thousands(term.value("agreements", 0LL)) +
                    " agreements on each " + (kind == "quantity" ? "value" : "option") +
                    ", with 95% intervals: one long bar means the runs agree on the term.";
        c.value_title = "agreements (%)";
        c.domain = std::make_pair(0.0, 1.0);
        c.format = "%";
        for (const auto& f : term["frequencies"]) {
          std::string level;
          if (f.contains("level"))
            level = f["level"].get<std::string>();
          else {
            const double v = number_or(f["value"]);
            level = v == std::floor(v) && std::fabs(v) < 1e15
                        ? format_thousands(static_cast<long long>(v))
                        : format_number(v, 4);
            if (!unit.empty()) level += " " + unit;
          }
          if (kind == "quantity" && f.value("count", 0) == 0) continue;  // many empty levels
          c.bars.push_back(share_bar(level, "", f));
        }
        if (!c.bars.empty()) section.charts.push_back(interval_chart(c));
      } else if (term.contains("quantiles")) {
        const Json& q = term["quantiles"];
        IntervalBar bar;
        bar.label = label;
        bar.value = number_or(q.value("p50", Json()));
        bar.lower = number_or(q.value("p05", Json()));
        bar.upper = number_or(q.value("p95", Json()));
        bar.text = "median " + format_number(bar.value, 3) +
                   " (5\u201395%: " + format_number(*bar.lower, 3) + "\u2013" +
                   format_number(*bar.upper, 3) + ")";
        shares.bars.push_back(bar);
      }
    }
    if (!shares.bars.empty()) {
      shares.title = track_name(t) + ": shares agreed";
      shares.caption =
          "Median share agreed, with the range of the middle 90% of agreements: a wide range "
          "means the split depends on the draw.";
      shares.value_title = "share agreed (0\u20131)";
      shares.domain = std::make_pair(0.0, 1.0);
      section.charts.push_back(interval_chart(shares));
    }
  }
  if (section.charts.empty()) return std::nullopt;
  return section;
}

// A 400-bin histogram trimmed to its occupied range and merged to about 40 bars.
std::vector<Bin> readable_bins(const Json& h) {
  std::vector<Bin> bins;
  const auto& counts = h["counts"];
  const std::size_t n = counts.size();
  if (n == 0) return bins;
  const double lower = number_or(h["lower"]), upper = number_or(h["upper"]);
  const double width = (upper - lower) / static_cast<double>(n);
  std::size_t first = n, last = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (number_or(counts[i]) > 0) {
      first = std::min(first, i);
      last = i;
    }
  if (first == n) return bins;
  const std::size_t span = last - first + 1;
  const std::size_t group = std::max<std::size_t>(1, (span + 39) / 40);
  for (std::size_t i = first; i <= last; i += group) {
    Bin b;
    b.lower = lower + width * static_cast<double>(i);
    const std::size_t end = std::min(i + group, last + 1);
    b.upper = lower + width * static_cast<double>(end);
    for (std::size_t k = i; k < end; ++k) b.count += number_or(counts[k]);
    bins.push_back(b);
  }
  return bins;
}

std::optional<ReportSection> parties_block(const Json& s) {
  if (!s.contains("parties") || s["parties"].empty()) return std::nullopt;
  ReportSection section{"Utilities and costs",
                        "Each party's payoff over every run (stake-weighted over the tracks, on "
                        "the 0\u20131 utility scale) and the costs per round it accrued, in the "
                        "same units.",
                        {}};
  for (const auto& p : s["parties"]) {
    const std::string name = p.value("name", p.value("id", ""));
    for (const char* what : {"utility", "costs"}) {
      if (!p.contains(what) || !p[what].contains("histogram")) continue;
      const Json& stat = p[what];
      HistogramChart c;
      c.bins = readable_bins(stat["histogram"]);
      if (c.bins.size() < 2 && std::string(what) == "costs") continue;  // no costs at all
      if (c.bins.empty()) continue;
      const bool utility = std::string(what) == "utility";
      c.title = name + ": " + (utility ? "utility" : "costs of talking");
      c.x_title = utility ? "utility (0\u20131)" : "costs (utility units)";
      c.y_title = "runs";
      c.caption = std::string(utility ? "Payoff" : "Costs") + " over the runs; mean " +
                  format_number(number_or(stat["mean"]), 3) + ", 5\u201395% " +
                  format_number(number_or(stat["quantiles"].value("p05", Json())), 3) + "\u2013" +
                  format_number(number_or(stat["quantiles"].value("p95", Json())), 3) +
                  (utility ? ": several peaks mean distinct ways the talks end."
                           : ": a long right tail is talks that drag on.");
      section.charts.push_back(histogram_chart(c));
    }
  }
  if (section.charts.empty()) return std::nullopt;
  return section;
}

std::optional<ReportSection> history_block(const Json& s) {
  if (!s.contains("history") || !s["history"].is_object()) return std::nullopt;
  const Json& h = s["history"];
  IntervalChart c;
  c.title = "As in history";
  c.caption =
      "Share of runs that did what really happened, with 95% intervals: a low share means the "
      "model rarely reproduces the record.";
  c.value_title = "runs matching history (%)";
  c.group_title = "what is compared";
  c.domain = std::make_pair(0.0, 1.0);
  c.format = "%";
  if (h.contains("pattern_match"))
    c.bars.push_back(share_bar("every track as in history", "the whole run", h["pattern_match"]));
  if (h.contains("order_match"))
    c.bars.push_back(share_bar("agreements in history's order", "the whole run", h["order_match"]));
  if (h.contains("last_match") && h["last_match"].is_object())
    c.bars.push_back(share_bar("last agreement as in history", "the whole run", h["last_match"]));
  if (h.contains("tracks"))
    for (const auto& t : h["tracks"]) {
      const std::string id = t.value("id", "");
      c.bars.push_back(share_bar(id + ": agreed as in history", "per track", t["status_match"]));
      if (t.contains("terms_match") && t["terms_match"].is_object())
        c.bars.push_back(share_bar(id + ": historical terms", "per track", t["terms_match"]));
    }
  if (c.bars.empty()) return std::nullopt;
  return ReportSection{"History matched", h.value("summary", ""), {interval_chart(c)}};
}

std::optional<ReportSection> drivers_block(const Json& s) {
  if (!s.contains("drivers") || s["drivers"].empty()) return std::nullopt;
  HeatmapChart c;
  c.title = "What drives each outcome";
  c.caption =
      "First-order Sobol index of each uncertain parameter (share of the outcome's variance it "
      "explains alone): the brightest cells are the parameters that matter.";
  c.x_title = "uncertain parameter";
  c.y_title = "";  // the outcomes name themselves; a title would crowd their labels
  c.value_title = "Sobol index";
  for (const auto& d : s["drivers"]) {
    if (d.contains("label")) {
      for (const auto& p : d["parameters"])
        if (p.contains("sobol") && p["sobol"].is_number())
          c.cells.push_back({p.value("pointer", ""), d["label"].get<std::string>(),
                             p["sobol"].get<double>(), format_number(p["sobol"].get<double>(), 2)});
      continue;
    }
    const std::string what = d.value("outcome", "");
    std::string outcome = what == "round_of_agreement" ? "round of agreement" : what;
    if (d.contains("track")) {
      std::string name = d["track"].get<std::string>();
      for (const auto& t : s["tracks"])
        if (t.value("id", "") == name) name = track_name(t);
      outcome += ": " + name;
    }
    if (d.contains("party")) outcome += " to " + d["party"].get<std::string>();
    for (const auto& p : d["parameters"]) {
      if (!p.contains("sobol") || !p["sobol"].is_number()) continue;
      const double v = p["sobol"].get<double>();
      c.cells.push_back({p.value("pointer", ""), outcome, v, format_number(v, 2)});
    }
  }
  if (c.cells.empty()) return std::nullopt;
  return ReportSection{"Drivers", "", {heatmap_chart(c)}};
}

bool is_share(const Json& outcome) {
  return outcome.value("unit", "") == "share of runs";
}

std::string outcome_label(const Json& outcome) {
  return outcome.value("label", outcome.value("key", ""));
}

// The war's end: ceasefire, each side's victory, still fighting; and each cost's total.
std::optional<ReportSection> war_block(const Json& s) {
  if (!s.contains("war") || !s["war"].is_object()) return std::nullopt;
  const Json& w = s["war"];
  ReportSection section{"The war", "", {}};
  if (w.contains("end") && w["end"].is_object()) {
    const Json& end = w["end"];
    IntervalChart c;
    c.title = "How the war ended";
    c.caption =
        "Share of runs by how the fighting stood at the end, with 95% intervals: the "
        "ceasefire bar is the chance the talks stopped the war.";
    c.value_title = "runs (%)";
    c.domain = std::make_pair(0.0, 1.0);
    c.format = "%";
    if (end.contains("ceasefire")) c.bars.push_back(share_bar("ceasefire", "", end["ceasefire"]));
    if (end.contains("victory"))
      for (const auto& [party, p] : end["victory"].items())
        c.bars.push_back(share_bar("victory of " + party, "", p));
    if (end.contains("still_fighting"))
      c.bars.push_back(share_bar("still fighting at the end", "", end["still_fighting"]));
    if (!c.bars.empty()) section.charts.push_back(interval_chart(c));
  }
  if (w.contains("costs"))
    for (const auto& cost : w["costs"]) {
      if (!cost.contains("total") || !cost["total"].contains("histogram")) continue;
      HistogramChart h;
      h.bins = readable_bins(cost["total"]["histogram"]);
      if (h.bins.empty()) continue;
      const std::string unit = cost.value("unit", "");
      h.title =
          cost.value("party", "") + ": " + cost.value("label", cost.value("kind", "")) + ", total";
      h.x_title = "total over the run" + (unit.empty() ? std::string() : " (" + unit + ")");
      h.y_title = "runs";
      h.caption = "The run's total cost of this kind; mean " +
                  format_number(number_or(cost["total"]["mean"]), 0) + " " + unit +
                  ": a second hump is the runs where the war went on.";
      section.charts.push_back(histogram_chart(h));
    }
  if (section.charts.empty()) return std::nullopt;
  return section;
}

// Implementation of what was signed: per item, how often it was signed and carried out, and
// each side's mean share of its own part (in runs that signed the item), so that an item one
// side carried out and the other did not stands out.
std::optional<ReportSection> implementation_block(const Json& s) {
  if (!s.contains("implementation") || !s["implementation"].is_array() ||
      s["implementation"].empty())
    return std::nullopt;
  ReportSection section{"Implementation", "", {}};
  IntervalChart done;
  done.title = "Signed and carried out, per item";
  done.caption =
      "Share of all runs in which each item was signed and in which it went ahead, with 95% "
      "intervals: the gap between the two is what was signed and never carried out.";
  done.value_title = "runs (%)";
  done.group_title = "stage";
  done.domain = std::make_pair(0.0, 1.0);
  done.format = "%";
  IntervalChart sides;
  sides.title = "Each side's part carried out, per item";
  sides.caption =
      "Mean share of its own part each side carried out, in runs that signed the item, with a "
      "95% interval of the mean: a long bar beside a short one is an item one side kept and "
      "the other did not.";
  sides.value_title = "share of its part carried out (%)";
  sides.group_title = "side";
  sides.domain = std::make_pair(0.0, 1.0);
  sides.format = "%";
  for (const auto& item : s["implementation"]) {
    const std::string label =
        item.value("label", "").empty() ? item.value("id", "") : item.value("label", "");
    if (item.contains("signed"))
      done.bars.push_back(share_bar(label + ": signed", "signed", item["signed"]));
    if (item.contains("carried_out"))
      done.bars.push_back(share_bar(label + ": carried out", "carried out", item["carried_out"]));
    if (!item.contains("parties")) continue;
    for (const auto& part : item["parties"]) {
      const Json& m = part.value("share_carried_out", Json::object());
      const double n = number_or(m.value("count", Json()), 0.0);
      if (n <= 0 || !m.value("mean", Json()).is_number()) continue;
      IntervalBar bar;
      bar.group = part.value("party", "");
      bar.label = label + ": " + bar.group;
      bar.value = number_or(m["mean"]);
      // The mean's normal 95% interval, kept inside [0, 1].
      const double half = 1.96 * number_or(m.value("sd", Json()), 0.0) / std::sqrt(n);
      bar.lower = std::max(0.0, bar.value - half);
      bar.upper = std::min(1.0, bar.value + half);
      bar.text = format_share(bar.value, *bar.lower, *bar.upper);
      sides.bars.push_back(bar);
    }
  }
  if (!done.bars.empty()) section.charts.push_back(interval_chart(done));
  if (!sides.bars.empty()) section.charts.push_back(interval_chart(sides));
  if (section.charts.empty()) return std::nullopt;
  return section;
}

// Partial dependence: per varying parameter, each share outcome's mean bin by bin with its
// 95% interval.
std::optional<ReportSection> partial_dependence_block(const Json& s) {
  if (!s.contains("drivers")) return std::nullopt;
  std::vector<std::string> pointers;
  for (const auto& d : s["drivers"])
    if (d.contains("partial_dependence") && d["partial_dependence"].is_array())
      for (const auto& pd : d["partial_dependence"]) {
        const std::string ptr = pd.value("pointer", "");
        if (std::find(pointers.begin(), pointers.end(), ptr) == pointers.end())
          pointers.push_back(ptr);
      }
  ReportSection section{"Partial dependence",
                        "How each share of runs moves along each uncertain parameter, averaged "
                        "over the others.",
                        {}};
  for (const auto& ptr : pointers) {
    XYChart c;
    c.title = "Along " + ptr;
    c.caption =
        "Share of runs for each outcome, bin by bin along the parameter, with 95% "
        "intervals: a curve that rises then falls is an effect no single coefficient "
        "describes.";
    c.x_title = ptr + " (bin mean)";
    c.y_title = "runs (%)";
    c.series_title = "outcome";
    c.y_domain = std::make_pair(0.0, 1.0);
    c.y_format = "%";
    for (const auto& d : s["drivers"]) {
      if (!is_share(d) || !d.contains("partial_dependence")) continue;
      for (const auto& pd : d["partial_dependence"]) {
        if (pd.value("pointer", "") != ptr) continue;
        for (const auto& bin : pd["bins"]) {
          if (!bin["mean"].is_number()) continue;
          const std::string label = outcome_label(d);
          c.lines.push_back({number_or(bin["x"]), number_or(bin["mean"]), label, "",
                             format_thousands(bin.value("runs", 0LL)) + " runs"});
          if (bin.contains("ci95") && bin["ci95"].is_array() && bin["ci95"].size() == 2)
            c.error_bars.push_back(
                {number_or(bin["x"]), number_or(bin["ci95"][0]), number_or(bin["ci95"][1]), label});
        }
      }
    }
    if (!c.lines.empty()) section.charts.push_back(xy_chart(c));
  }
  if (section.charts.empty()) return std::nullopt;
  return section;
}

// Tornado: per share outcome, each parameter's effect from its lowest to its highest bin.
std::optional<ReportSection> tornado_block(const Json& s) {
  if (!s.contains("drivers")) return std::nullopt;
  ReportSection section{"Tornado", "", {}};
  for (const auto& d : s["drivers"]) {
    if (!is_share(d) || !d.contains("tornado") || !d["tornado"].is_array()) continue;
    IntervalChart c;
    c.title = "Tornado: " + outcome_label(d);
    c.caption =
        "Each parameter's bar runs from the outcome's share at its lowest bin to its "
        "share at its highest, widest first: the widest bar is the lever that matters.";
    c.value_title = "runs (%)";
    c.domain = std::make_pair(0.0, 1.0);
    c.format = "%";
    c.span_bars = true;
    for (const auto& t : d["tornado"]) {
      if (!t.contains("low") || !t.contains("high") || !t["low"]["mean"].is_number() ||
          !t["high"]["mean"].is_number())
        continue;
      const double lo = number_or(t["low"]["mean"]), hi = number_or(t["high"]["mean"]);
      IntervalBar bar;
      bar.label = t.value("pointer", "");
      bar.value = hi;
      bar.lower = std::min(lo, hi);
      bar.upper = std::max(lo, hi);
      bar.text = percent(lo) + " \u2192 " + percent(hi);
      c.bars.push_back(bar);
    }
    bool moves = false;
    for (const auto& b : c.bars) moves = moves || *b.upper - *b.lower > 1e-12;
    if (moves) section.charts.push_back(interval_chart(c));
  }
  if (section.charts.empty()) return std::nullopt;
  return section;
}

// A parameter's level in three significant digits: 0.35, 1.3e-07, 2,500.
std::string level_text(double v) {
  if (std::fabs(v) >= 1000 && std::fabs(v) < 1e15 && v == std::floor(v))
    return format_thousands(static_cast<long long>(v));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", v);
  return buffer;
}

// A grid design over two parameters: each share outcome cell by cell.
std::optional<ReportSection> grid_block(const Json& s) {
  if (!s.contains("grid") || !s["grid"].is_object()) return std::nullopt;
  const Json& g = s["grid"];
  if (!g.contains("parameters") || g["parameters"].size() != 2) return std::nullopt;
  const std::string slow = g["parameters"][0].get<std::string>();
  const std::string fast = g["parameters"][1].get<std::string>();
  ReportSection section{"The grid",
                        "Every cell of the grid design: the share of runs for each "
                        "outcome at each combination of the two parameters.",
                        {}};
  for (const auto& o : g["outcomes"]) {
    if (!is_share(o)) continue;
    const std::string key = o.value("key", "");
    HeatmapChart c;
    c.title = "By cell: " + outcome_label(o);
    c.caption =
        "Share of runs in each cell of the grid: read along a row or a column to see "
        "whether the effect is monotone, and where it peaks.";
    c.x_title = fast;
    c.y_title = slow;
    c.value_title = "runs (%)";
    c.format = "%";
    bool varies = false;
    double first = -1.0;
    for (const auto& cell : g["cells"]) {
      if (!cell.contains("outcomes") || !cell["outcomes"].contains(key)) continue;
      const Json& v = cell["outcomes"][key];
      if (!v["mean"].is_number()) continue;
      const double mean = v["mean"].get<double>();
      if (first < 0) first = mean;
      varies = varies || mean != first;
      c.cells.push_back({level_text(number_or(cell["levels"][1])),
                         level_text(number_or(cell["levels"][0])), mean, percent(mean)});
    }
    if (varies) section.charts.push_back(heatmap_chart(c));
  }
  if (section.charts.empty()) return std::nullopt;
  return section;
}

// The blocks in page order. A new block of summary.json (partial dependence, a tornado, a grid
// design's table by cell) is one more function here.
using Block = std::optional<ReportSection> (*)(const Json&);
constexpr Block kBlocks[] = {agreement_block, survival_block, terms_block,
                             parties_block,   war_block,      implementation_block,
                             history_block,   grid_block,     partial_dependence_block,
                             tornado_block,   drivers_block};

}  // namespace

ReportPage sweep_pictures(const nlohmann::json& summary) {
  if (!summary.is_object() || !summary.contains("parley_summary"))
    throw std::invalid_argument("not a parley summary.json (no parley_summary key)");
  ReportPage page;
  const Json& sweep = summary.value("sweep", Json::object());
  const std::string name =
      sweep.contains("scenario") ? sweep["scenario"].value("name", "") : std::string();
  page.title = "Sweep: " + name;
  page.subtitle = "parley report of a sweep's summary.json";
  const Json& runs = summary.value("runs", Json::object());
  page.facts.push_back(
      {"runs", format_thousands(runs.value("completed", 0LL)) + " of " +
                   format_thousands(runs.value("planned", 0LL)) +
                   (summary.value("partial", false) ? " (partial: some runs missing)" : "")});
  if (sweep.contains("scenario"))
    page.facts.push_back({"scenario file", sweep["scenario"].value("file", "")});
  page.facts.push_back({"seed", std::to_string(sweep.value("seed", 0LL))});
  page.facts.push_back({"design", sweep.value("design", "")});
  if (sweep.contains("parameters"))
    page.facts.push_back({"uncertain parameters", std::to_string(sweep["parameters"].size())});
  for (Block block : kBlocks)
    if (auto section = block(summary)) page.sections.push_back(std::move(*section));
  return page;
}

}  // namespace parley
