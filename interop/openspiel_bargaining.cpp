#include "interop/openspiel_bargaining.hpp"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>

#include "engine/input_error.hpp"

namespace parley {

namespace {

using OrderedJson = nlohmann::ordered_json;

const char* kPartNames[3] = {"the item pool", "player 0's values", "player 1's values"};

// One whitespace-separated part of the line, with the column it starts at (1-based).
struct Part {
  std::string text;
  int column = 0;
};

std::vector<Part> split_parts(const std::string& line) {
  std::vector<Part> parts;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i == line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    parts.push_back({line.substr(start, i - start), static_cast<int>(start) + 1});
  }
  return parts;
}

std::array<int, 3> parse_triple(const Part& part, const std::string& path, int line,
                                const char* what) {
  std::array<int, 3> out{};
  std::size_t start = 0;
  for (int k = 0; k < 3; ++k) {
    const std::size_t comma = part.text.find(',', start);
    const std::size_t end = (k < 2) ? comma : part.text.size();
    const int column = part.column + static_cast<int>(start);
    if (k < 2 && comma == std::string::npos)
      throw InputError(path, line, part.column, "",
                       std::string(what) + " as three comma-separated integers",
                       "\"" + part.text + "\"");
    const std::string field = part.text.substr(start, end - start);
    int value = -1;
    const auto [stop, problem] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (field.empty() || problem != std::errc() || stop != field.data() + field.size() || value < 0)
      throw InputError(path, line, column, "", std::string("an integer >= 0 in ") + what,
                       "\"" + field + "\"");
    out[static_cast<std::size_t>(k)] = value;
    start = end + 1;
  }
  return out;
}

}  // namespace

BargainingInstance read_bargaining_instance(const std::string& path, int line) {
  std::ifstream in(path);
  if (!in) throw InputError(path, 0, 0, "", "a readable instances file", "it cannot be opened");
  if (line < 1)
    throw InputError(path, 0, 0, "", "a line number of 1 or more", std::to_string(line));
  std::string text;
  int number = 0;
  while (number < line && std::getline(in, text)) ++number;
  if (number < line)
    throw InputError(path, 0, 0, "", "a line " + std::to_string(line),
                     "a file of " + std::to_string(number) + " lines");
  if (!text.empty() && text.back() == '\r') text.pop_back();

  const std::vector<Part> parts = split_parts(text);
  if (parts.size() != 3)
    throw InputError(path, line, 1, "",
                     "an instance \"pool values0 values1\" (three groups separated by spaces)",
                     std::to_string(parts.size()) + " groups");
  BargainingInstance instance;
  instance.pool = parse_triple(parts[0], path, line, kPartNames[0]);
  instance.values[0] = parse_triple(parts[1], path, line, kPartNames[1]);
  instance.values[1] = parse_triple(parts[2], path, line, kPartNames[2]);
  for (int k = 0; k < 3; ++k)
    if (instance.pool[static_cast<std::size_t>(k)] < 1)
      throw InputError(path, line, parts[0].column, "",
                       "at least one item of every type in the pool (as OpenSpiel generates)",
                       "none of type " + std::to_string(k));
  return instance;
}

OrderedJson bargaining_scenario(const BargainingInstance& instance, const std::string& source,
                                const OpenSpielBargainingOptions& options) {
  if (options.max_turns < 2)
    throw InputError(source, 0, 0, "", "max_turns of at least 2 (one offer that can be answered)",
                     std::to_string(options.max_turns));
  if (!(options.discount > 0.0 && options.discount <= 1.0))
    throw InputError(source, 0, 0, "", "a discount in (0, 1]", shortest_decimal(options.discount));
  if (!(options.prob_end >= 0.0 && options.prob_end < 1.0))
    throw InputError(source, 0, 0, "", "prob_end in [0, 1)", shortest_decimal(options.prob_end));

  OrderedJson issues = OrderedJson::array();
  for (std::size_t k = 0; k < 3; ++k) {
    const std::string name = kBargainingItemNames[k];
    issues.push_back(
        {{"id", name},
         {"kind", "quantity"},
         {"label", "Items of type " + std::to_string(k) + " (" + name + ") to player 0"},
         {"unit", name},
         {"min", 0},
         {"max", instance.pool[k]},
         {"step", 1}});
  }

  OrderedJson parties = OrderedJson::array();
  for (std::size_t p = 0; p < 2; ++p) {
    OrderedJson weights = OrderedJson::object();
    OrderedJson values = OrderedJson::object();
    for (std::size_t k = 0; k < 3; ++k) {
      const std::string name = kBargainingItemNames[k];
      const int pool = instance.pool[k];
      const int worth = instance.values[p][k] * pool;
      weights[name] = worth > 0 ? static_cast<double>(worth) : kWorthlessItemWeight;
      // Player 0 receives x items, player 1 the other pool - x.
      const double at_zero = (worth == 0 || p == 0) ? 0.0 : 1.0;
      const double at_pool = (worth == 0 || p == 1) ? 0.0 : 1.0;
      values[name] = {{"points", OrderedJson::array({OrderedJson::array({0, at_zero}),
                                                     OrderedJson::array({pool, at_pool})})},
                      {"source", "openspiel"}};
    }
    OrderedJson party;
    party["id"] = "player" + std::to_string(p);
    party["name"] = "Player " + std::to_string(p);
    party["agent"] = {{"model", options.agents.model_for(static_cast<int>(p), 2, source)}};
    party["preferences"] = {{"weights", std::move(weights)},
                            {"salience_source", "openspiel"},
                            {"values", std::move(values)},
                            {"reservation", 0},
                            {"discount", options.discount}};
    parties.push_back(std::move(party));
  }

  auto values_text = [&](std::size_t p) {
    return std::to_string(instance.values[p][0]) + "," + std::to_string(instance.values[p][1]) +
           "," + std::to_string(instance.values[p][2]);
  };
  const std::string pool_text = std::to_string(instance.pool[0]) + "," +
                                std::to_string(instance.pool[1]) + "," +
                                std::to_string(instance.pool[2]);

  OrderedJson scenario;
  scenario["parley"] = 1;
  scenario["meta"] = {
      {"name", "OpenSpiel bargaining " + pool_text + " " + values_text(0) + " " + values_text(1)},
      {"description",
       "OpenSpiel's bargaining game (deal or no deal) on the instance " + source + ": pool " +
           pool_text + ", values " + values_text(0) + " and " + values_text(1) + ", max_turns " +
           std::to_string(options.max_turns) + ", discount " + shortest_decimal(options.discount) +
           ", prob_end " + shortest_decimal(options.prob_end) +
           ". A party's OpenSpiel return is its utility times the sum of its weights "
           "(docs/interop.md)."},
      {"date", options.date},
      {"sources",
       OrderedJson::array({{{"id", "openspiel"},
                            {"citation", "OpenSpiel bargaining instance " + source +
                                             " (open_spiel/games/bargaining; Lewis et al. "
                                             "2017, Deal or no deal?)"}}})}};
  scenario["clock"] = {{"start", options.date}, {"days_per_round", 1}, {"round_name", "turn"}};
  scenario["issues"] = std::move(issues);
  scenario["parties"] = std::move(parties);
  scenario["protocol"] = {{"kind", "alternating"},
                          {"opener", "player0"},
                          {"deadline_rounds", options.max_turns - 1},
                          {"breakdown_probability", options.prob_end},
                          {"walk_away", false},
                          {"information", "private"}};
  return scenario;
}

OrderedJson import_openspiel_bargaining(const std::string& path, int line,
                                        const OpenSpielBargainingOptions& options) {
  const BargainingInstance instance = read_bargaining_instance(path, line);
  const std::string source =
      std::filesystem::path(path).filename().string() + " line " + std::to_string(line);
  return bargaining_scenario(instance, source, options);
}

}  // namespace parley
