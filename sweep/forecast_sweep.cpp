#include "sweep/forecast_sweep.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include "analysis/report/text_table.hpp"
#include "analysis/statistics/json_number.hpp"
#include "analysis/statistics/proportion.hpp"
#include "engine/forecast/forecast.hpp"
#include "engine/format.hpp"

namespace parley {

namespace {
constexpr int kForecastStateFormat = 1;

std::uint64_t block_first(std::uint64_t block) {
  return block * kForecastBlockSize;
}
std::uint64_t block_last(std::uint64_t block, std::uint64_t runs) {
  return std::min(runs, (block + 1) * kForecastBlockSize);
}
}  // namespace

ForecastSweepStatistics::ForecastSweepStatistics(const forecast::ActorTable& table,
                                                 std::size_t parameters)
    : drawn(parameters) {
  for (const forecast::PolicyDimension& d : table.dimensions) {
    ForecastDimensionStatistics s;
    s.median_histogram = Histogram(d.low, d.high, kForecastHistogramBins);
    s.weighted_mean_histogram = Histogram(d.low, d.high, kForecastHistogramBins);
    s.near.assign(table.actors.size(), 0);
    dimensions.push_back(std::move(s));
  }
}

void ForecastSweepStatistics::merge(const ForecastSweepStatistics& other) {
  if (other.drawn.size() != drawn.size() || other.dimensions.size() != dimensions.size())
    throw std::invalid_argument("forecast statistics of different shapes");
  runs += other.runs;
  for (std::size_t j = 0; j < drawn.size(); ++j) drawn[j].merge(other.drawn[j]);
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    ForecastDimensionStatistics& a = dimensions[d];
    const ForecastDimensionStatistics& b = other.dimensions[d];
    if (a.near.size() != b.near.size())
      throw std::invalid_argument("forecast statistics of different shapes");
    a.median.merge(b.median);
    a.weighted_mean.merge(b.weighted_mean);
    a.median_histogram.merge(b.median_histogram);
    a.weighted_mean_histogram.merge(b.weighted_mean_histogram);
    a.settled += b.settled;
    for (std::size_t k = 0; k < a.near.size(); ++k) a.near[k] += b.near[k];
  }
}

nlohmann::json ForecastSweepStatistics::state() const {
  nlohmann::json dims = nlohmann::json::array();
  for (const ForecastDimensionStatistics& s : dimensions)
    dims.push_back({{"median", s.median},
                    {"weighted_mean", s.weighted_mean},
                    {"median_histogram", s.median_histogram},
                    {"weighted_mean_histogram", s.weighted_mean_histogram},
                    {"settled", s.settled},
                    {"near", s.near}});
  nlohmann::json moments = nlohmann::json::array();
  for (const Moments& m : drawn) moments.push_back(m);
  return {{"runs", runs}, {"drawn", moments}, {"dimensions", dims}};
}

ForecastSweepStatistics ForecastSweepStatistics::from_state(const nlohmann::json& json) {
  ForecastSweepStatistics s;
  s.runs = json.at("runs").get<std::uint64_t>();
  for (const auto& m : json.at("drawn")) s.drawn.push_back(m.get<Moments>());
  for (const auto& d : json.at("dimensions")) {
    ForecastDimensionStatistics t;
    t.median = d.at("median").get<Moments>();
    t.weighted_mean = d.at("weighted_mean").get<Moments>();
    t.median_histogram = d.at("median_histogram").get<Histogram>();
    t.weighted_mean_histogram = d.at("weighted_mean_histogram").get<Histogram>();
    t.settled = d.at("settled").get<std::uint64_t>();
    t.near = d.at("near").get<std::vector<std::uint64_t>>();
    if (t.median.count() != s.runs || t.weighted_mean.count() != s.runs ||
        t.median_histogram.count() != s.runs || t.settled > s.runs)
      throw std::invalid_argument("the forecast statistics count another number of runs than " +
                                  std::to_string(s.runs));
    for (std::uint64_t n : t.near)
      if (n > s.runs)
        throw std::invalid_argument(
            "an actor is near the forecast in more runs "
            "than were run");
    s.dimensions.push_back(std::move(t));
  }
  for (const Moments& m : s.drawn)
    if (m.count() != s.runs)
      throw std::invalid_argument("a parameter counts another number of runs than " +
                                  std::to_string(s.runs));
  return s;
}

ForecastSweepStatistics run_forecast_block(const ForecastSweepSetup& setup, std::uint64_t block) {
  ForecastSweepStatistics stats(setup.table, setup.slots.size());
  std::vector<double> values(setup.slots.size());
  for (std::uint64_t run = block_first(block); run < block_last(block, setup.runs); ++run) {
    setup.design->draw(run, values.data());
    forecast::ActorTable table = setup.table;
    apply_actor_parameters(setup.slots, values.data(), table);
    const std::vector<forecast::DimensionForecast> f = forecast::run_forecast(table, setup.model);
    ++stats.runs;
    for (std::size_t j = 0; j < values.size(); ++j) stats.drawn[j].add(values[j]);
    for (std::size_t d = 0; d < f.size(); ++d) {
      ForecastDimensionStatistics& s = stats.dimensions[d];
      const double median = f[d].median();
      s.median.add(median);
      s.weighted_mean.add(f[d].weighted_mean());
      s.median_histogram.add(median);
      s.weighted_mean_histogram.add(f[d].weighted_mean());
      s.settled += f[d].settled ? 1 : 0;
      const double near = kForecastNearShare * table.dimensions[d].width();
      const std::vector<double>& final_positions = f[d].rounds.back().positions;
      for (std::size_t k = 0; k < final_positions.size(); ++k)
        s.near[k] += std::abs(final_positions[k] - median) <= near ? 1 : 0;
    }
  }
  return stats;
}

nlohmann::json forecast_sweep_identity(const std::string& scenario_name, const std::string& path,
                                       const std::string& bytes, std::uint64_t seed,
                                       std::uint64_t runs, const UncertaintySpec& spec,
                                       const forecast::ModelParameters& /*model*/) {
  nlohmann::json parameters = nlohmann::json::array();
  for (const UncertainParameter& p : spec.parameters) {
    nlohmann::json entry = {{"pointer", p.pointer}, {"distribution", describe(p.distribution)}};
    if (spec.design == DesignKind::Grid && p.levels > 0) entry["levels"] = p.levels;
    parameters.push_back(std::move(entry));
  }
  nlohmann::json identity = {{"kind", "forecast"},
                             {"scenario",
                              {{"name", scenario_name},
                               {"file", std::filesystem::path(path).filename().string()},
                               {"fingerprint", fingerprint(bytes)}}},
                             {"seed", seed},
                             {"runs", runs},
                             {"block_size", kForecastBlockSize},
                             {"design", to_string(spec.design)},
                             {"parameters", parameters}};
  if (spec.design == DesignKind::Grid) identity["grid_levels"] = spec.grid_levels;
  return identity;
}

nlohmann::json forecast_sweep_layout(const forecast::ActorTable& table,
                                     const forecast::ModelParameters& model,
                                     const std::vector<ActorSlot>& slots) {
  const std::vector<forecast::DimensionForecast> given = forecast::run_forecast(table, model);
  nlohmann::json dims = nlohmann::json::array();
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    const forecast::PolicyDimension& dim = table.dimensions[d];
    dims.push_back({{"id", dim.id},
                    {"name", dim.name},
                    {"unit", dim.unit},
                    {"scale", {dim.low, dim.high}},
                    {"as_given",
                     {{"median", given[d].median()},
                      {"weighted_mean", given[d].weighted_mean()},
                      {"settled", given[d].settled}}}});
  }
  nlohmann::json actors = nlohmann::json::array();
  for (const forecast::Stakeholder& a : table.actors)
    actors.push_back({{"id", a.id}, {"name", a.name}});
  nlohmann::json columns = nlohmann::json::array();
  for (const ActorSlot& s : slots) columns.push_back({{"pointer", s.pointer}, {"name", s.column}});
  return {{"dimensions", dims},
          {"actors", actors},
          {"parameters", columns},
          {"near_share", kForecastNearShare}};
}

bool is_forecast_sweep_state(const nlohmann::json& json) {
  return json.is_object() && json.value("kind", "") == kForecastStateKind;
}

nlohmann::json to_json(const ForecastSweepState& state) {
  nlohmann::json done = nlohmann::json::array();
  for (const auto& [first, last] : state.done.ranges()) done.push_back({first, last});
  nlohmann::json json = {{"kind", kForecastStateKind},
                         {"version", kForecastStateFormat},
                         {"parley_version", parley_version()},
                         {"identity", state.identity},
                         {"scenario_path", state.scenario_path},
                         {"shard",
                          {{"index", state.shard.index},
                           {"count", state.shard.count},
                           {"first_block", state.shard.first_block},
                           {"last_block", state.shard.last_block}}},
                         {"done", done},
                         {"layout", state.layout},
                         {"statistics", state.statistics.state()}};
  seal(json);
  return json;
}

ForecastSweepState forecast_sweep_state_from_json(nlohmann::json json) {
  if (!is_forecast_sweep_state(json))
    throw std::invalid_argument("not a parley forecast sweep state (state.json)");
  StateBlocks blocks =
      read_state_blocks(json, "forecast sweep state", kForecastStateFormat, kForecastBlockSize);
  const std::uint64_t runs_done = blocks.runs_done;
  ForecastSweepState state;
  state.identity = std::move(blocks.identity);
  state.scenario_path = std::move(blocks.scenario_path);
  state.shard = blocks.shard;
  state.done = std::move(blocks.done);
  state.layout = json.at("layout");
  state.statistics = ForecastSweepStatistics::from_state(json.at("statistics"));
  if (state.statistics.runs != runs_done)
    throw std::invalid_argument("the statistics count " + std::to_string(state.statistics.runs) +
                                " runs, the blocks done hold " + std::to_string(runs_done));
  if (state.statistics.dimensions.size() != state.layout.at("dimensions").size() ||
      state.statistics.drawn.size() != state.identity.at("parameters").size())
    throw std::invalid_argument(
        "the statistics do not match the sweep's dimensions and "
        "parameters");
  for (const ForecastDimensionStatistics& d : state.statistics.dimensions)
    if (d.near.size() != state.layout.at("actors").size())
      throw std::invalid_argument("the statistics do not match the sweep's actors");
  return state;
}

void merge_states(ForecastSweepState& into, const ForecastSweepState& other) {
  if (!same_sweep(into.identity, other.identity))
    throw std::invalid_argument(
        "the directories hold different sweeps (scenario, seed, runs, design or parameters "
        "differ)");
  if (into.done.intersects(other.done))
    throw std::invalid_argument("the directories overlap: some blocks were run twice");
  for (const auto& [first, last] : other.done.ranges()) into.done.add(first, last);
  into.statistics.merge(other.statistics);
  into.shard.first_block = std::min(into.shard.first_block, other.shard.first_block);
  into.shard.last_block = std::max(into.shard.last_block, other.shard.last_block);
  if (into.shard.first_block == 0 && into.shard.last_block == into.blocks())
    into.shard = {1, 1, 0, into.blocks()};
}

namespace {
// Mean, sd, min, max, quantiles and histogram of a forecast over the runs. The mean is kept
// inside [min, max] and the sd is 0 when every run agrees, so a sweep without uncertainty
// reports the single forecast exactly rather than off by a rounding.
nlohmann::json distribution_json(const Moments& m, const Histogram& h) {
  nlohmann::json out = summarize(m);
  if (m.count() > 0) out["mean"] = std::clamp(m.mean(), m.min(), m.max());
  if (m.count() > 1 && m.min() == m.max()) out["sd"] = 0.0;
  const nlohmann::json hist = summarize(h);
  out["quantiles"] = hist.at("quantiles");
  out["histogram"] = hist.at("bins");
  return out;
}
}  // namespace

nlohmann::json forecast_summary_json(const ForecastSweepState& state) {
  const ForecastSweepStatistics& s = state.statistics;
  nlohmann::json out = {{"parley_summary", 2},
                        {"partial", !state.complete()},
                        {"runs", {{"planned", state.runs()}, {"completed", s.runs}}},
                        {"sweep", state.identity}};
  if (state.shard.count > 1)
    out["shard"] = {{"index", state.shard.index},
                    {"count", state.shard.count},
                    {"first_block", state.shard.first_block},
                    {"last_block", state.shard.last_block}};
  nlohmann::json parameters = nlohmann::json::array();
  const nlohmann::json& declared = state.identity.at("parameters");
  for (std::size_t j = 0; j < s.drawn.size(); ++j)
    parameters.push_back({{"pointer", declared[j].at("pointer")},
                          {"name", state.layout.at("parameters")[j].at("name")},
                          {"distribution", declared[j].at("distribution")},
                          {"drawn", summarize(s.drawn[j])}});
  out["parameters"] = parameters;
  nlohmann::json dims = nlohmann::json::array();
  const nlohmann::json& actors = state.layout.at("actors");
  for (std::size_t d = 0; d < s.dimensions.size(); ++d) {
    const ForecastDimensionStatistics& t = s.dimensions[d];
    const nlohmann::json& dim = state.layout.at("dimensions")[d];
    nlohmann::json near = nlohmann::json::array();
    for (std::size_t k = 0; k < t.near.size(); ++k)
      near.push_back({{"id", actors[k].at("id")},
                      {"name", actors[k].at("name")},
                      {"near_median", summarize(Proportion(t.near[k], s.runs))}});
    dims.push_back(
        {{"id", dim.at("id")},
         {"name", dim.at("name")},
         {"unit", dim.at("unit")},
         {"scale", dim.at("scale")},
         {"as_given", dim.at("as_given")},
         {"median", distribution_json(t.median, t.median_histogram)},
         {"weighted_mean", distribution_json(t.weighted_mean, t.weighted_mean_histogram)},
         {"settled", summarize(Proportion(t.settled, s.runs))},
         {"actors", near}});
  }
  out["forecast"] = {{"near_share", state.layout.at("near_share")}, {"dimensions", dims}};
  seal(out);
  return out;
}

bool is_forecast_summary(const nlohmann::json& summary) {
  return summary.is_object() && summary.contains("forecast") && summary.contains("sweep") &&
         summary["sweep"].value("kind", "") == "forecast";
}

namespace {
std::string number_text(const nlohmann::json& x, int digits = 2) {
  return x.is_number() ? format_number(x.get<double>(), digits) : "-";
}

std::string share_text(const nlohmann::json& p) {
  if (!p.at("estimate").is_number()) return "-";
  return format_share(p.at("estimate").get<double>(), p.at("wilson95")[0].get<double>(),
                      p.at("wilson95")[1].get<double>());
}
}  // namespace

std::string forecast_summary_text(const nlohmann::json& summary) {
  std::ostringstream out;
  const nlohmann::json& sweep = summary.at("sweep");
  const auto completed = summary.at("runs").at("completed").get<long long>();
  const auto planned = summary.at("runs").at("planned").get<long long>();
  out << "Forecast sweep of " << sweep.at("scenario").at("name").get<std::string>() << ": "
      << format_count(completed, "run");
  if (summary.at("partial").get<bool>())
    out << " of " << format_thousands(planned) << " planned (partial)";
  out << ", seed " << sweep.at("seed").get<std::uint64_t>() << ", "
      << sweep.at("design").get<std::string>() << " design\n";

  const nlohmann::json& parameters = summary.at("parameters");
  if (parameters.empty()) {
    out << "\nNo uncertain numbers: every run forecasts the table as given.\n";
  } else {
    TextTable table({"Uncertain number", "distribution", "drawn mean", "sd", "min", "max"}, 2);
    for (const auto& p : parameters) {
      const nlohmann::json& d = p.at("drawn");
      table.row({p.at("name").get<std::string>(), p.at("distribution").get<std::string>(),
                 number_text(d.at("mean"), 3), number_text(d.at("sd"), 3),
                 number_text(d.at("min"), 3), number_text(d.at("max"), 3)});
    }
    out << "\n" << table.text();
  }

  const nlohmann::json& forecast = summary.at("forecast");
  const double near_share = forecast.at("near_share").get<double>();
  for (const auto& dim : forecast.at("dimensions")) {
    const std::string unit = dim.at("unit").get<std::string>();
    const std::string u = unit.empty() ? "" : " " + unit;
    const double low = dim.at("scale")[0].get<double>(), high = dim.at("scale")[1].get<double>();
    out << "\n"
        << dim.at("name").get<std::string>() << " (scale " << format_number(low, 6) << " to "
        << format_number(high, 6) << u << ")\n";
    out << "  Forecast of the table as given: median voter position "
        << number_text(dim.at("as_given").at("median")) << u << ", weighted mean "
        << number_text(dim.at("as_given").at("weighted_mean")) << u << "\n";
    TextTable table({"Forecast over the runs (" + (unit.empty() ? "position" : unit) + ")", "mean",
                     "sd", "5%", "25%", "50%", "75%", "95%"});
    for (const auto& [key, label] : {std::pair{"median", "median voter position"},
                                     std::pair{"weighted_mean", "weighted mean"}}) {
      const nlohmann::json& d = dim.at(key);
      const nlohmann::json& q = d.at("quantiles");
      table.row({label, number_text(d.at("mean")), number_text(d.at("sd")),
                 number_text(q.at("p05")), number_text(q.at("p25")), number_text(q.at("p50")),
                 number_text(q.at("p75")), number_text(q.at("p95"))});
    }
    out << table.text();
    out << "  Positions settled before the round limit in " << share_text(dim.at("settled"))
        << " of runs\n";

    // The median voter position's histogram in ten bars of equal width.
    const nlohmann::json& hist = dim.at("median").at("histogram");
    const auto counts = hist.at("counts").get<std::vector<std::uint64_t>>();
    if (completed > 0 && !counts.empty()) {
      out << "\n  Median voter position over the runs:\n";
      const std::size_t groups = 10, per = (counts.size() + groups - 1) / groups;
      TextTable bars({"from", "to", "runs", "share"}, 0);
      std::vector<std::string> marks;  // a bar of # per 2.5% of the runs, drawn beside the table
      for (std::size_t g = 0; g * per < counts.size(); ++g) {
        std::uint64_t n = 0;
        for (std::size_t k = g * per; k < std::min(counts.size(), (g + 1) * per); ++k)
          n += counts[k];
        const double share = static_cast<double>(n) / static_cast<double>(completed);
        const auto at = [&](std::size_t k) {
          return low + (high - low) * static_cast<double>(k) / static_cast<double>(counts.size());
        };
        bars.row({format_number(at(g * per), 3),
                  format_number(at(std::min(counts.size(), (g + 1) * per)), 3) + u,
                  format_thousands(static_cast<long long>(n)), format_percent(share)});
        marks.push_back(std::string(static_cast<std::size_t>(std::lround(share * 40)), '#'));
      }
      std::istringstream lines(bars.text("    "));
      std::string line;
      for (std::size_t k = 0; std::getline(lines, line); ++k)
        out << line << (k > 0 && !marks[k - 1].empty() ? "  " + marks[k - 1] : "") << "\n";
    }

    out << "\n  Actors ending within " << format_number(near_share * (high - low), 3) << u << " ("
        << format_percent(near_share) << " of the scale) of the run's median voter position:\n";
    TextTable actors({"Actor", "share of runs"});
    for (const auto& a : dim.at("actors"))
      actors.row({a.at("name").get<std::string>(), share_text(a.at("near_median"))});
    out << actors.text("    ");
  }
  return out.str();
}

std::size_t run_forecast_sweep(const ForecastSweepSetup& setup, const ForecastRunOptions& options,
                               ForecastSweepState& state) {
  struct Finished {
    std::uint64_t block;
    ForecastSweepStatistics statistics;
  };
  std::mutex mutex;
  std::condition_variable wake;
  std::vector<Finished> finished;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> halt{false};
  int running = options.threads;
  std::exception_ptr error;

  auto work = [&] {
    try {
      while (!halt.load() && !(options.stop && options.stop->load())) {
        const std::size_t k = next.fetch_add(1);
        if (k >= options.blocks.size()) break;
        ForecastSweepStatistics s = run_forecast_block(setup, options.blocks[k]);
        const std::lock_guard<std::mutex> lock(mutex);
        finished.push_back({options.blocks[k], std::move(s)});
        wake.notify_one();
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(mutex);
      if (!error) error = std::current_exception();
      halt = true;
    }
    const std::lock_guard<std::mutex> lock(mutex);
    --running;
    wake.notify_one();
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < options.threads; ++t) threads.emplace_back(work);

  std::size_t completed = 0;
  std::uint64_t runs_done = 0;
  auto last_checkpoint = std::chrono::steady_clock::now();
  for (;;) {
    std::vector<Finished> batch;
    bool all_stopped = false;
    {
      std::unique_lock<std::mutex> lock(mutex);
      wake.wait_for(lock, std::chrono::milliseconds(200),
                    [&] { return !finished.empty() || running == 0; });
      batch.swap(finished);
      all_stopped = running == 0;
    }
    for (Finished& f : batch) {
      state.statistics.merge(f.statistics);
      state.done.add(f.block, f.block + 1);
      runs_done += f.statistics.runs;
      ++completed;
      if (options.stop_after_blocks > 0 && completed >= options.stop_after_blocks) halt = true;
    }
    if (options.progress) options.progress(runs_done);
    if (all_stopped) break;
    if (options.checkpoint && options.checkpoint_every.count() > 0 &&
        std::chrono::steady_clock::now() - last_checkpoint >= options.checkpoint_every) {
      options.checkpoint();
      last_checkpoint = std::chrono::steady_clock::now();
    }
  }
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return completed;
}

}  // namespace parley
