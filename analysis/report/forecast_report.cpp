#include "analysis/report/forecast_report.hpp"

#include <sstream>

#include "analysis/report/text_table.hpp"
#include "engine/format.hpp"

namespace parley {

namespace {
using forecast::DimensionForecast;
using forecast::RoundRecord;

nlohmann::json model_json(const forecast::ModelParameters& m) {
  nlohmann::json out = {{"q", m.q},
                        {"t", m.t},
                        {"win_probability", forecast::to_string(m.win_probability)},
                        {"offer_choice", forecast::to_string(m.offer_choice)},
                        {"perspective", forecast::to_string(m.perspective)},
                        {"security", forecast::to_string(m.security)},
                        {"settle_tolerance", m.settle_tolerance},
                        {"max_rounds", m.max_rounds}};
  if (m.ideal_adjustment) out["ideal_adjustment"] = *m.ideal_adjustment;
  return out;
}

std::string model_words(const forecast::ModelParameters& m) {
  std::ostringstream out;
  // Q and T in words (docs/forecast.md, step 5), the letters kept for readers of the papers.
  out << "chance the status quo holds unchallenged (Q) " << format_percent(m.q)
      << ", chance a change is for the better (T) " << format_percent(m.t) << "; win probability "
      << (m.win_probability == forecast::WinProbability::kPair ? "over the pair's votes"
                                                               : "over all votes")
      << "; each actor takes the offer "
      << (m.offer_choice == forecast::OfferChoice::kClosest ? "asking the least movement"
                                                            : "whose sender gains most")
      << "; risk exponents "
      << (m.perspective == forecast::Perspective::kOwn ? "each side's own" : "the observer's")
      << ", security "
      << (m.security == forecast::SecurityWeighting::kNone ? "a plain sum"
                                                           : "weighted by capability");
  if (m.ideal_adjustment)
    out << "; ideal points move " << format_percent(*m.ideal_adjustment)
        << " of the way to the position held each round";
  return out.str();
}

// "7.39 points" with the dimension's unit.
std::string with_unit(double x, const forecast::PolicyDimension& d) {
  return format_number(x, 2) + (d.unit.empty() ? "" : " " + d.unit);
}

// The rounds shown as columns: all when few, else the first six and the last two.
std::vector<std::size_t> shown_rounds(std::size_t count) {
  std::vector<std::size_t> out;
  if (count <= 9) {
    for (std::size_t r = 0; r < count; ++r) out.push_back(r);
    return out;
  }
  for (std::size_t r = 0; r < 7; ++r) out.push_back(r);
  out.push_back(count - 2);
  out.push_back(count - 1);
  return out;
}
}  // namespace

nlohmann::json forecast_json(const ForecastReport& report) {
  nlohmann::json dims = nlohmann::json::array();
  for (std::size_t d = 0; d < report.dimensions.size(); ++d) {
    const forecast::PolicyDimension& dim = report.table.dimensions[d];
    const DimensionForecast& f = report.dimensions[d];
    nlohmann::json rounds = nlohmann::json::array();
    for (const RoundRecord& r : f.rounds) {
      nlohmann::json positions = nlohmann::json::object();
      nlohmann::json risk = nlohmann::json::object();
      nlohmann::json ideals = nlohmann::json::object();
      for (std::size_t k = 0; k < report.table.actors.size(); ++k) {
        positions[report.table.actors[k].id] = r.positions[k];
        if (!r.ideals.empty()) ideals[report.table.actors[k].id] = r.ideals[k];
        if (!r.risk_exponents.empty()) risk[report.table.actors[k].id] = r.risk_exponents[k];
      }
      nlohmann::json round = {{"round", r.round},
                              {"median", r.median},
                              {"weighted_mean", r.weighted_mean},
                              {"positions", positions}};
      if (!r.ideals.empty()) round["ideals"] = ideals;
      if (r.round > 0) {
        round["risk_exponents"] = risk;
        round["conflicts"] = r.conflicts;
        round["compromises"] = r.compromises;
        round["capitulations"] = r.capitulations;
      }
      rounds.push_back(round);
    }
    dims.push_back({{"id", dim.id},
                    {"name", dim.name},
                    {"unit", dim.unit},
                    {"scale", {dim.low, dim.high}},
                    {"forecast",
                     {{"median", f.median()},
                      {"weighted_mean", f.weighted_mean()},
                      {"rounds", f.rounds.size() - 1},
                      {"settled", f.settled}}},
                    {"baselines",
                     {{"mean", f.baselines.mean},
                      {"weighted_mean", f.baselines.weighted_mean},
                      {"weighted_median", f.baselines.weighted_median}}},
                    {"rounds", rounds}});
  }
  nlohmann::json actors = nlohmann::json::array();
  for (const forecast::Stakeholder& a : report.table.actors) {
    nlohmann::json entry = {{"id", a.id}, {"name", a.name}, {"capability", a.capability}};
    if (a.risk_exponent) entry["risk_exponent"] = *a.risk_exponent;
    if (a.ideal_adjustment) entry["ideal_adjustment"] = *a.ideal_adjustment;
    actors.push_back(entry);
  }
  return {{"scenario", report.name},
          {"model", model_json(report.model)},
          {"actors", actors},
          {"dimensions", dims}};
}

std::string forecast_text(const ForecastReport& report) {
  std::ostringstream out;
  const std::size_t n = report.table.actors.size();
  out << report.name << ": " << n << " actors, " << report.table.dimensions.size()
      << (report.table.dimensions.size() == 1 ? " dimension" : " dimensions") << "\n";
  out << wrap_text("Model: " + model_words(report.model) + ".", "", "  ");
  for (std::size_t d = 0; d < report.dimensions.size(); ++d) {
    const forecast::PolicyDimension& dim = report.table.dimensions[d];
    const DimensionForecast& f = report.dimensions[d];
    out << "\n"
        << dim.name << " (scale " << format_number(dim.low, 6) << " to "
        << format_number(dim.high, 6) << (dim.unit.empty() ? "" : " " + dim.unit) << ")\n";

    const std::vector<std::size_t> shown = shown_rounds(f.rounds.size());
    std::vector<std::string> header{"Position by round"};
    for (std::size_t k = 0; k < shown.size(); ++k) {
      if (k > 0 && shown[k] != shown[k - 1] + 1) header.push_back("...");
      header.push_back(shown[k] == 0 ? "start" : std::to_string(shown[k]));
    }
    TextTable positions(header);
    for (std::size_t a = 0; a < n; ++a) {
      std::vector<std::string> row{report.table.actors[a].name};
      for (std::size_t k = 0; k < shown.size(); ++k) {
        if (k > 0 && shown[k] != shown[k - 1] + 1) row.push_back("");
        row.push_back(format_number(f.rounds[shown[k]].positions[a], 2));
      }
      positions.row(row);
    }
    out << positions.text();
    if (!f.rounds.front().ideals.empty()) {
      // Ideal points (docs/forecast.md): where each actor really wants the outcome, by round.
      header.front() = "Ideal point by round";
      TextTable ideals(header);
      for (std::size_t a = 0; a < n; ++a) {
        std::vector<std::string> row{report.table.actors[a].name};
        for (std::size_t k = 0; k < shown.size(); ++k) {
          if (k > 0 && shown[k] != shown[k - 1] + 1) row.push_back("");
          row.push_back(format_number(f.rounds[shown[k]].ideals[a], 2));
        }
        ideals.row(row);
      }
      out << "\n" << ideals.text();
    }

    TextTable rounds(
        {"Round", "median", "weighted mean", "conflicts lost", "compromises", "capitulations"});
    for (std::size_t k = 0; k < shown.size(); ++k) {
      if (k > 0 && shown[k] != shown[k - 1] + 1) rounds.row({"...", "", "", "", "", ""});
      const RoundRecord& r = f.rounds[shown[k]];
      rounds.row({r.round == 0 ? "start" : std::to_string(r.round), format_number(r.median, 2),
                  format_number(r.weighted_mean, 2),
                  r.round == 0 ? "" : std::to_string(r.conflicts),
                  r.round == 0 ? "" : std::to_string(r.compromises),
                  r.round == 0 ? "" : std::to_string(r.capitulations)});
    }
    out << "\n" << rounds.text();

    const std::size_t played = f.rounds.size() - 1;
    out << "\n  Forecast after " << played << (played == 1 ? " round" : " rounds")
        << (f.settled ? " (positions settled)" : " (round limit reached; positions still moving)")
        << ":\n"
        << "    median voter position   " << with_unit(f.median(), dim) << "\n"
        << "    weighted mean           " << with_unit(f.weighted_mean(), dim)
        << "  (capability x salience)\n"
        << "  Baselines, from the positions as given:\n"
        << "    mean                    " << with_unit(f.baselines.mean, dim) << "\n"
        << "    weighted mean           " << with_unit(f.baselines.weighted_mean, dim) << "\n"
        << "    weighted median         " << with_unit(f.baselines.weighted_median, dim) << "\n";
  }
  return out.str();
}

}  // namespace parley
