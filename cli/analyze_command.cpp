#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "analysis/report/terms_json.hpp"
#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/disagreement_point.hpp"
#include "analysis/solutions/opposition.hpp"
#include "analysis/solutions/pareto.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "cli/commands.hpp"
#include "engine/format.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "engine/simulator.hpp"
#include "interop/scenario_source.hpp"

namespace parley::cli {

namespace {

using nlohmann::ordered_json;

struct AnalyzeOptions {
  std::string file;
  std::string format = "text";
};

// One track's outcome space, analysed with analysis/'s pure functions.
struct TrackAnalysis {
  const OutcomeSpace* space = nullptr;
  UtilitySet set;
  DisagreementSource disagreement = DisagreementSource::Reservation;
  std::vector<std::int64_t> frontier;
  std::optional<Eigen::VectorXd> ideal;
  std::vector<std::pair<const char*, std::optional<std::int64_t>>> solutions;
  std::optional<double> opposition;
  struct Correlation {
    int a = 0;
    int b = 0;
    std::optional<double> value;
  };
  std::vector<Correlation> correlations;
};

TrackAnalysis analyse(const Scenario& scenario, const OutcomeSpace& space,
                      const DisagreementPoint& disagreement) {
  TrackAnalysis a;
  a.space = &space;
  a.set = utility_set(space, scenario);
  // What a run starts from: on a war track the value of fighting on, not the file's reservation.
  a.set.disagreement = disagreement.values;
  a.disagreement = disagreement.source;
  a.frontier = pareto_frontier(a.set);
  a.ideal = ideal_point(a.set, a.frontier);
  a.solutions = {{"nash", nash_solution(a.set, a.frontier)},
                 {"kalai_smorodinsky", kalai_smorodinsky_solution(a.set, a.frontier)},
                 {"egalitarian", egalitarian_solution(a.set, a.frontier)},
                 {"utilitarian", utilitarian_solution(a.set, a.frontier)}};
  a.opposition = opposition(a.set);
  for (int i = 0; i < a.set.parties(); ++i)
    for (int j = i + 1; j < a.set.parties(); ++j)
      a.correlations.push_back({i, j, utility_correlation(a.set, i, j)});
  return a;
}

const char* solution_title(const std::string& key) {
  if (key == "nash") return "Nash";
  if (key == "kalai_smorodinsky") return "Kalai-Smorodinsky";
  if (key == "egalitarian") return "Egalitarian";
  return "Utilitarian";
}

ordered_json point_json(const Scenario& scenario, const OutcomeSpace& space, std::int64_t k) {
  const Deal deal = space.deal(k);
  return {{"outcome", k},
          {"terms", terms_json(scenario, space, deal)},
          {"utilities", utilities_json(scenario, space, deal)}};
}

ordered_json per_party(const Scenario& scenario, const Eigen::VectorXd& values) {
  ordered_json out = ordered_json::object();
  for (std::size_t p = 0; p < scenario.parties.size(); ++p)
    out[scenario.parties[p].id] = tidy(values[static_cast<Eigen::Index>(p)]);
  return out;
}

ordered_json analysis_json(const Scenario& scenario, const std::vector<TrackAnalysis>& tracks) {
  ordered_json out;
  out["scenario"] = scenario.meta.name;
  out["file"] = scenario.file;
  ordered_json parties = ordered_json::array();
  for (const Party& p : scenario.parties) parties.push_back({{"id", p.id}, {"name", p.name}});
  out["parties"] = std::move(parties);
  ordered_json list = ordered_json::array();
  for (std::size_t t = 0; t < tracks.size(); ++t) {
    const TrackAnalysis& a = tracks[t];
    ordered_json track;
    track["id"] = scenario.tracks[t].id;
    track["label"] = scenario.tracks[t].label;
    track["outcomes"] = a.space->size();
    track["disagreement"] = per_party(scenario, a.set.disagreement);
    track["disagreement_source"] = json_name(a.disagreement);
    track["ideal"] = a.ideal ? per_party(scenario, *a.ideal) : ordered_json(nullptr);
    ordered_json points = ordered_json::array();
    for (std::int64_t k : a.frontier) points.push_back(point_json(scenario, *a.space, k));
    track["pareto_frontier"] = {{"size", a.frontier.size()}, {"points", std::move(points)}};
    ordered_json solutions = ordered_json::object();
    for (const auto& [key, outcome] : a.solutions)
      solutions[key] = outcome ? point_json(scenario, *a.space, *outcome) : ordered_json(nullptr);
    track["solutions"] = std::move(solutions);
    ordered_json correlations = ordered_json::array();
    for (const auto& c : a.correlations)
      correlations.push_back(
          {{"parties",
            {scenario.parties[static_cast<std::size_t>(c.a)].id,
             scenario.parties[static_cast<std::size_t>(c.b)].id}},
           {"correlation", c.value ? ordered_json(tidy(*c.value)) : ordered_json(nullptr)}});
    track["opposition"] = {
        {"distance_to_complete_satisfaction",
         a.opposition ? ordered_json(tidy(*a.opposition)) : ordered_json(nullptr)},
        {"utility_correlations", std::move(correlations)}};
    list.push_back(std::move(track));
  }
  out["tracks"] = std::move(list);
  return out;
}

std::string utilities_text(const Scenario& scenario, const Eigen::VectorXd& u) {
  std::string text;
  for (std::size_t p = 0; p < scenario.parties.size(); ++p)
    text += (p ? ", " : "") + scenario.parties[p].id + " " +
            format_number(u[static_cast<Eigen::Index>(p)], 3);
  return text;
}

std::string analysis_text(const Scenario& scenario, const std::vector<TrackAnalysis>& tracks) {
  std::ostringstream out;
  out << scenario.meta.name << "\n"
      << scenario.parties.size() << " parties, " << scenario.issues.size()
      << (scenario.issues.size() == 1 ? " issue, " : " issues, ") << scenario.tracks.size()
      << " track" << (scenario.tracks.size() == 1 ? "" : "s") << "\n";
  // Short party ids below; their names once, here.
  out << "Parties: ";
  for (std::size_t p = 0; p < scenario.parties.size(); ++p)
    out << (p ? "; " : "") << scenario.parties[p].id << " = " << scenario.parties[p].name;
  out << "\nUtilities are each party's own, from 0 (its worst outcome) to 1 (its best)\n";
  for (std::size_t t = 0; t < tracks.size(); ++t) {
    const TrackAnalysis& a = tracks[t];
    const Track& track = scenario.tracks[t];
    out << "\n"
        << (track.label.empty() ? track.id : track.label) << ": "
        << format_thousands(a.space->size()) << " outcomes, "
        << format_thousands(static_cast<long long>(a.frontier.size()))
        << " on the Pareto frontier\n";
    out << "  no deal:      " << utilities_text(scenario, a.set.disagreement) << " ("
        << describe(a.disagreement) << ")\n";
    if (a.ideal) out << "  ideal point:  " << utilities_text(scenario, *a.ideal) << "\n";
    if (a.opposition)
      out << "  opposition:   " << format_number(*a.opposition, 3)
          << " (distance from the nearest outcome to everyone's best, 0 = no conflict)\n";
    for (const auto& c : a.correlations)
      out << "  correlation:  " << scenario.parties[static_cast<std::size_t>(c.a)].id << " / "
          << scenario.parties[static_cast<std::size_t>(c.b)].id << " "
          << (c.value ? format_number(*c.value, 3) : std::string("undefined (a flat utility)"))
          << " (-1 = pure conflict, +1 = same wishes)\n";
    for (const auto& [key, outcome] : a.solutions) {
      out << "  " << solution_title(key) << ": ";
      if (!outcome) {
        out << "none (no outcome is worth its reservation value to every party)\n";
        continue;
      }
      const Deal deal = a.space->deal(*outcome);
      out << utilities_text(scenario, a.set.utilities.row(*outcome).transpose()) << "\n";
      std::size_t width = 0;
      for (int k = 0; k < a.space->issue_count(); ++k)
        width = std::max(width, scenario.issues[a.space->issue(k)].label.size());
      for (int k = 0; k < a.space->issue_count(); ++k) {
        const Issue& issue = scenario.issues[a.space->issue(k)];
        out << "    " << issue.label << std::string(width - issue.label.size() + 2, ' ')
            << issue.describe(deal.values[k]) << "\n";
      }
    }
  }
  return out.str();
}

int analyze(const AnalyzeOptions& options) {
  const ScenarioPtr scenario = load_scenario_or_genius_folder(options.file, builtin_agents());
  const Simulator simulator(scenario, builtin_agents());
  std::vector<TrackAnalysis> tracks;
  for (std::size_t t = 0; t < scenario->tracks.size(); ++t) {
    const int track = static_cast<int>(t);
    tracks.push_back(
        analyse(*scenario, simulator.space(track), run_disagreement_point(simulator, track)));
  }
  if (options.format == "json")
    std::cout << analysis_json(*scenario, tracks).dump(2) << "\n";
  else
    std::cout << analysis_text(*scenario, tracks);
  return 0;
}

}  // namespace

void add_analyze_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "The outcome space of a scenario: Pareto frontier, bargaining solutions, opposition");
  cmd->add_option("file", options->file, "Scenario file or GENIUS folder")->required();
  cmd->add_option("--format", options->format,
                  "Readable text, or JSON with every Pareto-optimal outcome")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Per track: the number of outcomes, the Pareto frontier, the Nash, Kalai-Smorodinsky,\n"
      "egalitarian and utilitarian outcomes (terms and utilities) and how opposed the parties\n"
      "are. The disagreement point is what a run starts from: the reservation values, or on a\n"
      "war track each party's value of fighting on at the start (docs/world.md); the output\n"
      "says which. See docs/interop.md.\n"
      "Example:\n"
      "  parley analyze scenarios/istanbul-2025-06.json\n"
      "  parley analyze path/to/GENIUS/Laptop --format json");
  cmd->callback([options, &action] { action = [options] { return analyze(*options); }; });
}

}  // namespace parley::cli
