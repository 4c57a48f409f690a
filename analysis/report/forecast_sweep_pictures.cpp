#include "analysis/report/forecast_sweep_pictures.hpp"

#include <stdexcept>

#include "analysis/charts/chart.hpp"
#include "engine/format.hpp"

namespace parley {

namespace {
using Json = nlohmann::json;

std::string number_text(const Json& x, int digits = 2) {
  return x.is_number() ? format_number(x.get<double>(), digits) : "-";
}

Chart histogram_of(const Json& distribution, const std::string& title, const std::string& unit,
                   const std::string& what) {
  HistogramChart c;
  c.title = title;
  c.x_title = what + (unit.empty() ? "" : " (" + unit + ")");
  c.y_title = "runs";
  const Json& h = distribution.at("histogram");
  const double lower = h.at("lower").get<double>(), upper = h.at("upper").get<double>();
  const auto counts = h.at("counts").get<std::vector<double>>();
  const double width = (upper - lower) / static_cast<double>(counts.size());
  for (std::size_t k = 0; k < counts.size(); ++k)
    c.bins.push_back({lower + width * static_cast<double>(k),
                      lower + width * static_cast<double>(k + 1), counts[k]});
  c.caption = what + " over the runs; mean " + number_text(distribution.at("mean")) +
              ", 5\u201395% " + number_text(distribution.at("quantiles").at("p05")) + "\u2013" +
              number_text(distribution.at("quantiles").at("p95")) +
              (unit.empty() ? "" : " " + unit) + ".";
  return histogram_chart(c);
}
}  // namespace

ReportPage forecast_sweep_pictures(const Json& summary) {
  if (!summary.is_object() || !summary.contains("forecast") || !summary.contains("sweep"))
    throw std::invalid_argument("not the summary.json of a forecast sweep (no forecast key)");
  ReportPage page;
  const Json& sweep = summary.at("sweep");
  page.title = "Forecast sweep: " + sweep.at("scenario").value("name", "");
  page.subtitle = "parley report of a forecast sweep's summary.json";
  const Json& runs = summary.at("runs");
  page.facts.push_back(
      {"runs", format_thousands(runs.value("completed", 0LL)) + " of " +
                   format_thousands(runs.value("planned", 0LL)) +
                   (summary.value("partial", false) ? " (partial: some runs missing)" : "")});
  page.facts.push_back({"scenario file", sweep.at("scenario").value("file", "")});
  page.facts.push_back({"seed", std::to_string(sweep.value("seed", 0ULL))});
  page.facts.push_back({"design", sweep.value("design", "")});
  page.facts.push_back({"uncertain numbers", std::to_string(sweep.at("parameters").size())});
  for (const Json& dim : summary.at("forecast").at("dimensions")) {
    const std::string unit = dim.value("unit", "");
    const std::string name = dim.value("name", "");
    ReportSection section;
    section.heading = name;
    section.text = "The forecast of the table as given: median voter position " +
                   number_text(dim.at("as_given").at("median")) + (unit.empty() ? "" : " " + unit) +
                   ", weighted mean " + number_text(dim.at("as_given").at("weighted_mean")) +
                   (unit.empty() ? "" : " " + unit) + ".";
    section.charts.push_back(histogram_of(dim.at("median"), name + ": median voter position", unit,
                                          "median voter position"));
    section.charts.push_back(
        histogram_of(dim.at("weighted_mean"), name + ": weighted mean", unit, "weighted mean"));
    page.sections.push_back(std::move(section));
    PageTable table;
    table.section = page.sections.size() - 1;
    table.header = {"forecast", "mean", "sd", "5%", "25%", "50%", "75%", "95%"};
    for (const auto& [key, label] : {std::pair{"median", "median voter position"},
                                     std::pair{"weighted_mean", "weighted mean"}}) {
      const Json& d = dim.at(key);
      const Json& q = d.at("quantiles");
      table.rows.push_back({label, number_text(d.at("mean")), number_text(d.at("sd")),
                            number_text(q.at("p05")), number_text(q.at("p25")),
                            number_text(q.at("p50")), number_text(q.at("p75")),
                            number_text(q.at("p95"))});
    }
    page.tables.push_back(std::move(table));
    PageTable near;
    near.section = page.sections.size() - 1;
    near.header = {"actor", "runs ending near the median voter position"};
    for (const Json& a : dim.at("actors")) {
      const Json& p = a.at("near_median");
      near.rows.push_back({a.value("name", ""), p.at("estimate").is_number()
                                                    ? format_percent(p.at("estimate").get<double>())
                                                    : "-"});
    }
    page.tables.push_back(std::move(near));
  }
  return page;
}

}  // namespace parley
