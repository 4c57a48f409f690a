#include "sweep/tournament.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <memory>
#include <sstream>
#include <thread>

#include "analysis/report/text_table.hpp"
#include "analysis/solutions/efficiency.hpp"
#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/load/agent_override.hpp"
#include "engine/load/message_text.hpp"
#include "engine/simulator.hpp"
#include "sweep/recorder.hpp"

namespace parley {

namespace {

constexpr const char* kOption = "--models";
constexpr std::uint64_t kChunk = 16;  // games a thread takes at once

// One scenario with one model per party, ready to play.
struct Pairing {
  std::size_t scenario = 0;
  std::vector<std::size_t> models;  // per party, indices into the options' models
  std::unique_ptr<Simulator> simulator;
  std::shared_ptr<const std::vector<EfficiencyReference>> references;
};

void check_model(const std::string& text, const AgentRegistry& registry) {
  const AgentOverride o = parse_agent_override("party=" + text, kOption);
  const AgentModel* model = registry.find(o.model);
  if (!model)
    throw InputError(kOption, 0, 0, "",
                     "registered agent models (known: " + plain_list(registry.names()) + ")",
                     "'" + o.model + "'");
  std::map<std::string, double> resolved;
  if (const auto error = registry.resolve(o.model, o.params, resolved))
    throw InputError(kOption, 0, 0, "", "valid parameters of model '" + o.model + "'", *error);
}

std::string plain(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void play(const Pairing& pairing, std::uint64_t seed, std::vector<ModelRecord>& records,
          Eigen::VectorXd& utilities) {
  const Simulator& simulator = *pairing.simulator;
  const RunResult result = simulator.run(seed, 0);
  const Scenario& s = simulator.scenario();
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    ModelRecord& r = records[pairing.models[p]];
    ++r.games;
    r.utility.add(result.parties[p].utility);
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
      const TrackResult& track = result.tracks[t];
      const bool agreed = track.status == TrackStatus::Agreed;
      r.agreement.add(agreed);
      if (!agreed) continue;
      const OutcomeSpace& space = simulator.space(static_cast<int>(t));
      for (Eigen::Index q = 0; q < utilities.size(); ++q)
        utilities[q] = space.utility(static_cast<int>(q), track.deal);
      const DealEfficiency e = measure_deal((*pairing.references)[t], utilities);
      r.pareto_optimal.add(e.pareto_optimal);
      if (e.distance_to_nash) r.distance_to_nash.add(*e.distance_to_nash);
    }
  }
}

std::string interval_text(double mean, double half, int digits) {
  if (!std::isfinite(mean)) return "-";
  return format_number(mean, digits) + " ± " + format_number(half, digits);
}

double half_width(const Moments& m) {
  return m.count() > 1 ? kZ95 * m.standard_deviation() / std::sqrt(static_cast<double>(m.count()))
                       : std::numeric_limits<double>::quiet_NaN();
}

nlohmann::ordered_json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json mean_json(const Moments& m) {
  const double half = half_width(m);
  return {{"count", m.count()},
          {"mean", number_or_null(m.mean())},
          {"sd", number_or_null(m.standard_deviation())},
          {"ci95", std::isfinite(half)
                       ? nlohmann::ordered_json::array({m.mean() - half, m.mean() + half})
                       : nlohmann::ordered_json(nullptr)}};
}

nlohmann::ordered_json proportion_json(const Proportion& p) {
  const Interval w = p.wilson();
  return {{"successes", p.successes()},
          {"trials", p.trials()},
          {"estimate",
           p.estimate() ? nlohmann::ordered_json(*p.estimate()) : nlohmann::ordered_json(nullptr)},
          {"wilson95", nlohmann::ordered_json::array({w.lower, w.upper})}};
}

std::string percent_text(const Proportion& p) {
  if (!p.estimate()) return "-";
  const Interval w = p.wilson();
  return format_share(*p.estimate(), w.lower, w.upper);
}
}  // namespace

std::vector<std::size_t> TournamentResult::ranking() const {
  std::vector<std::size_t> order(records.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  const auto key = [](double x) { return std::isfinite(x) ? x : -1e300; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const ModelRecord &x = records[a], &y = records[b];
    if (key(x.utility.mean()) != key(y.utility.mean()))
      return key(x.utility.mean()) > key(y.utility.mean());
    const double ax = x.agreement.estimate().value_or(-1), ay = y.agreement.estimate().value_or(-1);
    if (ax != ay) return ax > ay;
    return x.model < y.model;
  });
  return order;
}

TournamentResult run_tournament(const std::vector<ScenarioPtr>& scenarios,
                                const TournamentOptions& options, const AgentRegistry& registry) {
  if (options.models.empty())
    throw InputError(kOption, 0, 0, "", "at least one model, e.g. --models boulware,conceder",
                     "none");
  if (options.seeds == 0) throw InputError("--seeds", 0, 0, "", "a number of seeds >= 1", "0");
  for (const std::string& m : options.models) check_model(m, registry);
  const std::size_t n_models = options.models.size();

  TournamentResult result;
  std::vector<Pairing> pairings;
  std::uint64_t planned = 0;
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const Scenario& scenario = *scenarios[s];
    result.scenarios.push_back(scenario.file);
    const std::size_t parties = scenario.parties.size();
    const double count = std::pow(static_cast<double>(n_models), static_cast<double>(parties));
    planned += static_cast<std::uint64_t>(std::min(count, 1e18)) * options.seeds;
    if (count * static_cast<double>(options.seeds) > static_cast<double>(options.max_games) ||
        planned > options.max_games)
      throw InputError(kOption, 0, 0, "",
                       "a tournament of at most " +
                           format_thousands(static_cast<long long>(options.max_games)) +
                           " games (models^parties x seeds per scenario)",
                       "more with " + std::to_string(parties) + " parties in " + scenario.file);
    // Every assignment of models to parties, the first party's model varying slowest.
    std::vector<std::size_t> digits(parties, 0);
    for (std::size_t a = 0; a < static_cast<std::size_t>(count); ++a) {
      std::size_t rest = a;
      for (std::size_t p = parties; p-- > 0;) {
        digits[p] = rest % n_models;
        rest /= n_models;
      }
      std::vector<AgentOverride> overrides;
      std::vector<std::string> names;
      for (std::size_t p = 0; p < parties; ++p) {
        overrides.push_back(parse_agent_override(
            scenario.parties[p].id + "=" + options.models[digits[p]], kOption));
        names.push_back(options.models[digits[p]]);
      }
      try {
        Pairing pairing;
        pairing.scenario = s;
        pairing.models = digits;
        pairing.simulator = std::make_unique<Simulator>(
            apply_agent_overrides(scenarios[s], overrides, registry, kOption), registry);
        pairing.references = efficiency_references(*pairing.simulator);
        pairings.push_back(std::move(pairing));
      } catch (const InputError& e) {
        result.skipped.push_back({scenario.file, names, e.found()});
      }
    }
  }

  // Games in a fixed order (pairing, then seed); threads take chunks; each thread's records
  // hold exact sums and counts, so merging them gives the same bytes for any thread count.
  const std::uint64_t games = pairings.size() * options.seeds;
  const int threads = std::max(1, options.threads);
  std::vector<std::vector<ModelRecord>> per_thread(static_cast<std::size_t>(threads),
                                                   std::vector<ModelRecord>(n_models));
  std::atomic<std::uint64_t> next{0};
  const auto worker = [&](int t) {
    std::vector<ModelRecord>& records = per_thread[static_cast<std::size_t>(t)];
    Eigen::VectorXd utilities;
    for (;;) {
      const std::uint64_t first = next.fetch_add(kChunk);
      if (first >= games) return;
      for (std::uint64_t g = first; g < std::min(games, first + kChunk); ++g) {
        const Pairing& pairing = pairings[g / options.seeds];
        utilities.resize(static_cast<Eigen::Index>(pairing.simulator->scenario().parties.size()));
        play(pairing, 1 + g % options.seeds, records, utilities);
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (std::thread& t : pool) t.join();

  result.records.resize(n_models);
  for (std::size_t m = 0; m < n_models; ++m) {
    ModelRecord& r = result.records[m];
    r.model = options.models[m];
    for (const auto& records : per_thread) {
      r.games += records[m].games;
      r.utility.merge(records[m].utility);
      r.agreement.merge(records[m].agreement);
      r.pareto_optimal.merge(records[m].pareto_optimal);
      r.distance_to_nash.merge(records[m].distance_to_nash);
    }
  }
  result.games = games;
  return result;
}

nlohmann::ordered_json tournament_json(const TournamentResult& result,
                                       const TournamentOptions& options) {
  nlohmann::ordered_json out;
  out["report"] = "parley-tournament";
  out["version"] = 1;
  out["scenarios"] = result.scenarios;
  out["models"] = options.models;
  out["seeds"] = options.seeds;
  out["games"] = result.games;
  nlohmann::ordered_json ranking = nlohmann::ordered_json::array();
  std::size_t rank = 0;
  for (std::size_t k : result.ranking()) {
    const ModelRecord& r = result.records[k];
    ranking.push_back({{"rank", ++rank},
                       {"model", r.model},
                       {"roles_played", r.games},
                       {"utility", mean_json(r.utility)},
                       {"agreement", proportion_json(r.agreement)},
                       {"pareto_optimal", proportion_json(r.pareto_optimal)},
                       {"distance_to_nash", mean_json(r.distance_to_nash)}});
  }
  out["ranking"] = std::move(ranking);
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  for (const SkippedPairing& s : result.skipped)
    skipped.push_back({{"scenario", s.scenario}, {"models", s.models}, {"reason", s.reason}});
  out["skipped"] = std::move(skipped);
  return out;
}

std::string tournament_text(const TournamentResult& result, const TournamentOptions& options) {
  std::ostringstream out;
  out << "Tournament: " << options.models.size() << " model"
      << (options.models.size() == 1 ? "" : "s") << ", " << result.scenarios.size() << " scenario"
      << (result.scenarios.size() == 1 ? "" : "s") << ", seeds 1-" << options.seeds << ", "
      << format_thousands(static_cast<long long>(result.games)) << " games\n\n";
  TextTable table({"rank", "model", "roles", "utility (mean ± 95%)", "agreement [95%]",
                   "Pareto-optimal [95%]", "distance to Nash (± 95%)"},
                  2);
  std::size_t rank = 0;
  for (std::size_t k : result.ranking()) {
    const ModelRecord& r = result.records[k];
    table.row({std::to_string(++rank), r.model, format_thousands(static_cast<long long>(r.games)),
               interval_text(r.utility.mean(), half_width(r.utility), 3), percent_text(r.agreement),
               percent_text(r.pareto_optimal),
               interval_text(r.distance_to_nash.mean(), half_width(r.distance_to_nash), 3)});
  }
  out << table.text();
  out << "\nUtility: the model's party's payoff over all tracks, net of its costs (utility "
         "units; below 0\nwhen long talks cost more than the deal). Agreement: share of tracks "
         "agreed. Pareto-optimal\nand distance to Nash (utility space): over agreed tracks.\n";
  if (!result.skipped.empty()) {
    out << "\n"
        << result.skipped.size() << " pairing" << (result.skipped.size() == 1 ? "" : "s")
        << " not played (a model cannot play the scenario):\n";
    std::size_t shown = 0;
    for (const SkippedPairing& s : result.skipped) {
      if (++shown > 10) {
        out << "  ... and " << result.skipped.size() - 10 << " more (see --format json)\n";
        break;
      }
      out << "  " << std::filesystem::path(s.scenario).filename().string() << " ["
          << plain(s.models) << "]: " << s.reason << "\n";
    }
  }
  return out.str();
}

}  // namespace parley
