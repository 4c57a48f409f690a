#include <filesystem>
#include <iostream>
#include <memory>

#include "analysis/report/forecast_report.hpp"
#include "cli/commands.hpp"
#include "engine/forecast/forecast.hpp"
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
};

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
  if (o.format == "json")
    std::cout << forecast_json(report).dump(2) << "\n";
  else
    std::cout << forecast_text(report);
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
  cmd->footer(
      "Prints each round's positions, the forecast (the median voter position and the\n"
      "capability x salience weighted mean) and the baselines (mean, weighted mean, weighted\n"
      "median of the positions as given). Options override the file's \"model\" block.\n"
      "Exits 2 on bad input, naming the file, line:column and what was expected.\n"
      "Examples:\n"
      "  parley forecast scenarios/ec-car-emissions-1994.json\n"
      "  parley forecast scenarios/ec-car-emissions-1994.json --rounds 5 --format json\n"
      "  parley forecast actors.csv --offer-choice strongest\n"
      "Documentation: docs/forecast.md.");
  cmd->callback([o, &action] { action = [o] { return run_forecast_command(*o); }; });
}

}  // namespace parley::cli
