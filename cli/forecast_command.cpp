#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "analysis/report/forecast_report.hpp"
#include "cli/commands.hpp"
#include "engine/forecast/forecast.hpp"
#include "engine/forecast/forecast_ensemble.hpp"
#include "engine/format.hpp"
#include "engine/load/scenario_loader.hpp"
#include "interop/actor_table_csv.hpp"

namespace parley::cli {

namespace {
struct ForecastOptions {
  std::string file;
  int rounds = 0;  // 0: the file's max_rounds (default 50)
  std::string format = "text";
  std::string win_probability, offer_choice, perspective, security;
  double q = -1, t = -1;
  int runs = 0;
  std::uint64_t seed = 1;
  int threads = 0;
  forecast::TableUncertainty uncertainty;
};

// The distribution of one forecast statistic over the runs.
nlohmann::json spread_json(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  const double mean = sum / static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return {{"mean", mean},
          {"sd", v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : 0.0},
          {"p05", forecast::quantile(v, 0.05)},
          {"p50", forecast::quantile(v, 0.5)},
          {"p95", forecast::quantile(v, 0.95)}};
}

std::string spread_text(const nlohmann::json& s, const std::string& unit) {
  const auto n = [](const nlohmann::json& x) { return format_number(x.get<double>(), 2); };
  return "mean " + n(s["mean"]) + ", sd " + n(s["sd"]) + "; 5% " + n(s["p05"]) + ", median " +
         n(s["p50"]) + ", 95% " + n(s["p95"]) + (unit.empty() ? "" : " " + unit);
}

int run_forecast_command(const ForecastOptions& o) {
  ForecastScenario s;
  if (std::filesystem::path(o.file).extension() == ".csv") {
    s.table = read_actor_table_csv(o.file);
    s.name = std::filesystem::path(o.file).filename().string();
  } else {
    s = load_forecast(o.file);
  }
  forecast::ModelParameters& m = s.model;
  if (o.rounds > 0) m.max_rounds = o.rounds;
  if (!o.win_probability.empty()) forecast::parse(o.win_probability, m.win_probability);
  if (!o.offer_choice.empty()) forecast::parse(o.offer_choice, m.offer_choice);
  if (!o.perspective.empty()) forecast::parse(o.perspective, m.perspective);
  if (!o.security.empty()) forecast::parse(o.security, m.security);
  if (o.q >= 0) m.q = o.q;
  if (o.t >= 0) m.t = o.t;
  const std::vector<forecast::DimensionForecast> result = forecast::run_forecast(s.table, m);
  const ForecastReport report{s.name, s.table, m, result};
  nlohmann::json json = forecast_json(report);
  std::string text = forecast_text(report);
  if (o.runs > 0) {
    const int threads = o.threads > 0
                            ? o.threads
                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    const forecast::EnsembleResult e =
        forecast::run_ensemble(s.table, m, o.uncertainty, o.runs, o.seed, threads);
    nlohmann::json dims = nlohmann::json::array();
    std::ostringstream words;
    words << "\nUnder uncertainty: " << o.runs << " runs, seed " << o.seed
          << "; each run draws positions (sd " << format_number(o.uncertainty.position_sd, 4)
          << " of the scale), saliences (sd " << format_number(o.uncertainty.salience_sd, 4)
          << ") and capabilities (log sd " << format_number(o.uncertainty.capability_sd, 4)
          << ") afresh.\n";
    for (std::size_t d = 0; d < e.median.size(); ++d) {
      const nlohmann::json med = spread_json(e.median[d]);
      const nlohmann::json wm = spread_json(e.weighted_mean[d]);
      dims.push_back({{"id", s.table.dimensions[d].id}, {"median", med}, {"weighted_mean", wm}});
      words << "  " << s.table.dimensions[d].name << ":\n"
            << "    median voter position   " << spread_text(med, s.table.dimensions[d].unit)
            << "\n"
            << "    weighted mean           " << spread_text(wm, s.table.dimensions[d].unit)
            << "\n";
    }
    json["uncertainty"] = {{"runs", o.runs},
                           {"seed", o.seed},
                           {"position_sd", o.uncertainty.position_sd},
                           {"salience_sd", o.uncertainty.salience_sd},
                           {"capability_sd", o.uncertainty.capability_sd},
                           {"dimensions", dims}};
    text += words.str();
  }
  if (o.format == "json")
    std::cout << json.dump(2) << "\n";
  else
    std::cout << text;
  return 0;
}
}  // namespace

void add_forecast_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<ForecastOptions>();
  CLI::App* cmd = app.add_subcommand(
      "forecast",
      "Forecast a contest among many stakeholders with Bueno de Mesquita's expected-utility "
      "model");
  cmd->add_option("file", o->file,
                  "Scenario file with an \"actors\" block, or an actor-table CSV "
                  "(Actor,Description,Power,Pstn1,Sal1,...)")
      ->required();
  cmd->add_option("--rounds", o->rounds,
                  "At most this many rounds (default: the file's, else 50); fewer if positions "
                  "settle")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--format", o->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--win-probability", o->win_probability,
                  "pair (default): the votes on the pair; all_votes: every pair's votes")
      ->check(CLI::IsMember({"pair", "all_votes"}));
  cmd->add_option("--offer-choice", o->offer_choice,
                  "closest (default): the offer asking the least movement; strongest: the "
                  "sender expecting most")
      ->check(CLI::IsMember({"closest", "strongest"}));
  cmd->add_option("--perspective", o->perspective,
                  "own (default): each side's risk exponent; observer: the receiver's")
      ->check(CLI::IsMember({"own", "observer"}));
  cmd->add_option("--security", o->security,
                  "none (default): security is a plain sum; capability: weighted by capability")
      ->check(CLI::IsMember({"none", "capability"}));
  cmd->add_option("--q", o->q, "Probability the status quo persists without a challenge (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--t", o->t, "Probability an unchallenged change goes one's way (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--runs", o->runs,
                  "Also forecast this many tables drawn around the given one, and report the "
                  "forecast's distribution")
      ->check(CLI::Range(1, 10000000));
  cmd->add_option("--seed", o->seed, "Seed of the draws (default 1); run i depends on it alone");
  cmd->add_option("--threads", o->threads,
                  "Threads for --runs (default: all cores); any count "
                  "gives the same numbers")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--position-sd", o->uncertainty.position_sd,
                  "With --runs: sd of each position, as a share of the scale's width")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--salience-sd", o->uncertainty.salience_sd,
                  "With --runs: sd of each salience (clamped to 0-1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--capability-sd", o->uncertainty.capability_sd,
                  "With --runs: sd of the logarithm of each capability (mean kept)")
      ->check(CLI::Range(0.0, 5.0));
  cmd->footer(
      "Prints each round's positions, the forecast (the median voter position and the\n"
      "capability x salience weighted mean) and the baselines (mean, weighted mean, weighted\n"
      "median of the positions as given). Options override the file's \"model\" block.\n"
      "Exits 2 on bad input, naming the file, line:column and what was expected.\n"
      "Examples:\n"
      "  parley forecast scenarios/ec-car-emissions-1994.json\n"
      "  parley forecast scenarios/ec-car-emissions-1994.json --rounds 5 --format json\n"
      "  parley forecast actors.csv --offer-choice strongest\n"
      "  parley forecast scenarios/ec-car-emissions-1994.json --runs 1000 --position-sd 0.05\n"
      "Documentation: docs/forecast.md.");
  cmd->callback([o, &action] { action = [o] { return run_forecast_command(*o); }; });
}

}  // namespace parley::cli
