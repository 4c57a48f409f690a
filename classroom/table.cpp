#include "classroom/table.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "analysis/report/trace_writer.hpp"
#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/load/agent_override.hpp"
#include "engine/move.hpp"

namespace parley {

using nlohmann::json;

const char* to_string(TableStatus status) {
  switch (status) {
    case TableStatus::Setup:
      return "setup";
    case TableStatus::Running:
      return "running";
    case TableStatus::Paused:
      return "paused";
    case TableStatus::Over:
      return "over";
  }
  return "?";
}

namespace {
// One public happening at a table, as the seats' pages show it.
struct Entry {
  enum class Type { Move, Event, Closed } type = Type::Move;
  int round = 0;
  int track = 0;
  int party = -1;
  Action action = Action::Offer;
  Deal deal;
  int event = -1;
  TrackStatus status = TrackStatus::Open;
  // Per party: the deal's utility with the weights in force when it happened (a change_weights
  // event changes a party's points from its round on, not before).
  std::vector<double> utility;
};

// Writes the standard trace and keeps the public record of the table for its pages.
class TableSink final : public TraceSink {
 public:
  TableSink(const Simulator& simulator, std::ostream& out) : writer_(simulator, out) {}
  void on_move(const Move& move) override {
    writer_.on_move(move);
    Entry e;
    e.round = move.round;
    e.track = move.track;
    e.party = move.party;
    e.action = move.action;
    e.deal = move.deal;
    e.utility = utilities(move.track, move.deal);
    entries.push_back(std::move(e));
  }
  void on_track_closed(int track, const TrackResult& result) override {
    writer_.on_track_closed(track, result);
    Entry e;
    e.type = Entry::Type::Closed;
    e.round = result.round;
    e.track = track;
    e.party = result.actor;
    e.status = result.status;
    if (result.status == TrackStatus::Agreed) e.deal = result.deal;
    if (e.deal.size > 0) e.utility = utilities(track, e.deal);
    entries.push_back(e);
  }
  void on_run_end(const RunResult& result) override { writer_.on_run_end(result); }
  void on_event(int round, int event) override {
    writer_.on_event(round, event);
    Entry e;
    e.type = Entry::Type::Event;
    e.round = round;
    e.event = event;
    entries.push_back(e);
  }
  void on_world_round(int round, const WorldState& world) override {
    writer_.on_world_round(round, world);
  }
  void on_track_condition(int round, int track, LinkChange change, int cause) override {
    writer_.on_track_condition(round, track, change, cause);
  }

  std::vector<Entry> entries;
  const SteppedNegotiation* game = nullptr;  // the run being recorded, for its weights now

 private:
  std::vector<double> utilities(int track, const Deal& deal) const {
    std::vector<double> u;
    if (!game || deal.size == 0) return u;
    const OutcomeSpace& space = game->space_now(track);
    for (std::size_t p = 0; p < game->scenario().parties.size(); ++p)
      u.push_back(space.utility(static_cast<int>(p), deal));
    return u;
  }
  JsonlTraceWriter writer_;
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The level of `issue` a person means by `given`: a level number, the value in the issue's
// words, an option's text, or a number on the issue's scale; -1 when none.
int level_of(const Issue& issue, const json& given) {
  const int levels = issue.levels();
  if (given.is_number_integer()) {
    const auto level = given.get<std::int64_t>();
    return level >= 0 && level < levels ? static_cast<int>(level) : -1;
  }
  if (!given.is_string()) return -1;
  const std::string text = lower(given.get<std::string>());
  for (int l = 0; l < levels; ++l) {
    if (lower(issue.describe(issue.value_at(l))) == text) return l;
    if (l < static_cast<int>(issue.options.size()) && lower(issue.options[l]) == text) return l;
  }
  // A number: the quantity or share itself, or (for options) the option's position.
  std::string digits;
  for (char c : text)
    if (c != ',' && c != ' ') digits.push_back(c);
  char* end = nullptr;
  const double value = std::strtod(digits.c_str(), &end);
  if (digits.empty() || end != digits.c_str() + digits.size()) return -1;
  for (int l = 0; l < levels; ++l)
    if (std::abs(issue.value_at(l) - value) <= 1e-9 * std::max(1.0, std::abs(value))) return l;
  return -1;
}
}  // namespace

struct Table::Game {
  std::unique_ptr<SteppedNegotiation> stepped;
  std::ostringstream trace;
  std::unique_ptr<TableSink> sink;
};

Table::Table(std::string id, ScenarioPtr scenario, const AgentRegistry& registry,
             std::uint64_t seed, std::vector<Seat> seats)
    : id_(std::move(id)),
      scenario_(std::move(scenario)),
      registry_(&registry),
      seed_(seed),
      seats_(std::move(seats)) {
  if (seats_.size() != scenario_->parties.size())
    throw std::invalid_argument("a table needs one seat per party");
}

Table::~Table() = default;

void Table::check_assign(int party, const Seat& seat) const {
  if (status_ != TableStatus::Setup)
    throw TableError(409, "table " + id_ + " has started: its seats are fixed");
  if (party < 0 || party >= static_cast<int>(seats_.size()))
    throw TableError(404, "no such party at table " + id_);
  if (seat.person || seat.model.empty()) return;
  try {
    const std::string& pid = scenario_->parties[static_cast<std::size_t>(party)].id;
    apply_agent_overrides(scenario_, {parse_agent_override(pid + "=" + seat.model, "model")},
                          *registry_, "model");
  } catch (const InputError& e) {
    throw TableError(400, e.what());
  }
}

void Table::assign(int party, Seat seat) {
  seats_[static_cast<std::size_t>(party)] = std::move(seat);
}

std::unique_ptr<Table::Game> Table::build(const std::vector<Inject>& injects) const {
  std::vector<AgentOverride> overrides;
  std::vector<int> people;
  for (std::size_t p = 0; p < seats_.size(); ++p) {
    if (seats_[p].person)
      people.push_back(static_cast<int>(p));
    else if (!seats_[p].model.empty())
      overrides.push_back(parse_agent_override(scenario_->parties[p].id + "=" + seats_[p].model));
  }
  auto scenario = std::make_shared<Scenario>(
      *(overrides.empty() ? scenario_ : apply_agent_overrides(scenario_, overrides, *registry_)));
  // An inject is the declared event again, scheduled at the round it was pushed for: appended,
  // so the declared events keep their indices and random draws, and nothing before that round
  // changes (the replay below checks it).
  for (const Inject& inject : injects) {
    EventSpec e = scenario_->world.events[static_cast<std::size_t>(inject.event)];
    e.round = inject.round;
    e.date.clear();
    e.hazard = 0.0;
    scenario->world.events.push_back(std::move(e));
  }
  auto game = std::make_unique<Game>();
  game->stepped = std::make_unique<SteppedNegotiation>(scenario, *registry_, people);
  game->sink = std::make_unique<TableSink>(game->stepped->simulator(), game->trace);
  game->sink->game = game->stepped.get();
  game->stepped->reset(seed_, 0, game->sink.get());
  for (const auto& [party, move] : moves_) {
    SteppedNegotiation& s = *game->stepped;
    if (s.done() || s.decision().party != party || !s.legal(move))
      throw TableError(409, "table " + id_ + ": the moves made so far no longer fit this game");
    s.step(move);
  }
  return game;
}

void Table::check_clock(bool running) const {
  if (status_ == TableStatus::Over) throw TableError(409, "the game at table " + id_ + " is over");
  if (running && status_ == TableStatus::Running)
    throw TableError(409, "the clock of table " + id_ + " is already running");
  if (!running && status_ != TableStatus::Running)
    throw TableError(409, "the clock of table " + id_ + " is not running");
}

void Table::set_clock(bool running, std::int64_t at_ms) {
  if (running) {
    if (!game_) game_ = build(injects_);
    running_since_ = at_ms;
    status_ = TableStatus::Running;
    if (game_->stepped->done()) stop_clock(at_ms);  // agents only: played out at once
  } else {
    stop_clock(at_ms);
  }
}

std::int64_t Table::running_ms(std::int64_t now_ms) const {
  return clock_ms_ + (running_since_ >= 0 ? std::max<std::int64_t>(0, now_ms - running_since_) : 0);
}

void Table::check_move(int party, std::int64_t move) const {
  if (party < 0 || party >= static_cast<int>(seats_.size()) ||
      !seats_[static_cast<std::size_t>(party)].person)
    throw TableError(403, "this seat is not played by a person");
  switch (status_) {
    case TableStatus::Setup:
      throw TableError(409, "the instructor has not started this table yet");
    case TableStatus::Paused:
      throw TableError(409, "the clock is paused: wait for the instructor");
    case TableStatus::Over:
      throw TableError(409, "the game is over");
    case TableStatus::Running:
      break;
  }
  const SteppedNegotiation& s = *game_->stepped;
  if (s.done()) throw TableError(409, "the game is over");
  if (s.decision().party != party)
    throw TableError(409,
                     "it is not your turn: waiting for " +
                         scenario_->parties[static_cast<std::size_t>(s.decision().party)].name);
  if (!s.legal(move)) throw TableError(400, "that move is not allowed now");
}

void Table::apply_move(int party, std::int64_t move, std::int64_t at_ms) {
  moves_.emplace_back(party, move);
  game_->stepped->step(move);
  if (game_->stepped->done()) stop_clock(at_ms);
}

void Table::stop_clock(std::int64_t at_ms) {
  if (running_since_ >= 0) clock_ms_ += std::max<std::int64_t>(0, at_ms - running_since_);
  running_since_ = -1;
  status_ = game_ && game_->stepped->done() ? TableStatus::Over : TableStatus::Paused;
}

std::int64_t Table::move_of(int party, const json& request) const {
  if (!request.is_object() || !request.contains("action") || !request["action"].is_string())
    throw TableError(400,
                     "expected {\"action\": \"propose\" | \"accept\" | \"reject\" | "
                     "\"walk_away\"}");
  if (status_ != TableStatus::Running) check_move(party, -1);  // says why not now
  const SteppedNegotiation& s = *game_->stepped;
  if (s.done()) throw TableError(409, "the game is over");
  const std::string action = request["action"].get<std::string>();
  const bool responding = s.decision().phase == SteppedNegotiation::Phase::Respond;
  if (action == "accept" || action == "reject" || action == "walk_away") {
    if (!responding) throw TableError(409, "there is no offer to answer: make an offer");
    if (action == "walk_away" && !s.decision().view.setup->walk_away_allowed)
      throw TableError(409, "the rules of these talks do not let a party walk away");
    return action == "accept"   ? s.accept_move()
           : action == "reject" ? s.reject_move()
                                : s.walk_away_move();
  }
  if (action != "propose")
    throw TableError(
        400, "unknown action \"" + action + "\": expected propose, accept, reject or walk_away");
  if (responding) throw TableError(409, "an offer is on the table: accept, reject or walk away");
  const int track = s.decision().track;
  const OutcomeSpace& space = s.simulator().space(track);
  json terms = request.value("terms", json::object());
  if (request.contains("text")) {
    if (!request["text"].is_string()) throw TableError(400, "\"text\" must be a string");
    // issue=value pairs separated by spaces, commas or semicolons; a value may hold spaces
    // until the next "issue=".
    std::string text = request["text"].get<std::string>();
    for (char& c : text)
      if (c == ';' || c == '\n') c = ' ';
    std::vector<std::pair<std::string, std::string>> pairs;
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
      const auto eq = word.find('=');
      if (eq != std::string::npos && scenario_->issue_index(word.substr(0, eq)) >= 0)
        pairs.emplace_back(word.substr(0, eq), word.substr(eq + 1));
      else if (!pairs.empty())
        pairs.back().second += " " + word;
      else
        throw TableError(400, "expected issue=value, found \"" + word + "\"");
    }
    for (auto& [issue, value] : pairs) {
      while (!value.empty() && (value.back() == ',' || value.back() == ' ')) value.pop_back();
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
          value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      terms[issue] = value;
    }
  }
  if (!terms.is_object()) throw TableError(400, "\"terms\" must map each issue to its value");
  std::vector<int> levels(static_cast<std::size_t>(space.issue_count()), -1);
  std::string names;
  for (int k = 0; k < space.issue_count(); ++k)
    names += (k ? ", " : "") + scenario_->issues[static_cast<std::size_t>(space.issue(k))].id;
  for (const auto& [key, value] : terms.items()) {
    int k = 0;
    while (k < space.issue_count() &&
           scenario_->issues[static_cast<std::size_t>(space.issue(k))].id != key)
      ++k;
    if (k == space.issue_count())
      throw TableError(400,
                       "\"" + key + "\" is not an issue of this track (its issues: " + names + ")");
    const Issue& issue = scenario_->issues[static_cast<std::size_t>(space.issue(k))];
    levels[static_cast<std::size_t>(k)] = level_of(issue, value);
    if (levels[static_cast<std::size_t>(k)] < 0) {
      std::string allowed;
      for (int l = 0; l < issue.levels() && l < 12; ++l)
        allowed += (l ? "; " : "") + issue.describe(issue.value_at(l));
      if (issue.levels() > 12) allowed += "; ...";
      throw TableError(400, "\"" + value.dump() + "\" is not a value of " + issue.id +
                                " (its values: " + allowed + ")");
    }
  }
  for (int k = 0; k < space.issue_count(); ++k)
    if (levels[static_cast<std::size_t>(k)] < 0)
      throw TableError(400, "the offer must give every issue of this track a value: " + names);
  return s.offset(track) + space.outcome_of_levels(levels.data());
}

int Table::check_inject(int event) const {
  if (event < 0 || event >= static_cast<int>(scenario_->world.events.size()))
    throw TableError(404, "the scenario declares no such event");
  if (status_ == TableStatus::Setup) throw TableError(409, "start table " + id_ + " first");
  if (status_ == TableStatus::Over) throw TableError(409, "the game at table " + id_ + " is over");
  const int round = game_->stepped->decision().view.round.round + 1;
  std::vector<Inject> injects = injects_;
  injects.push_back({event, round});
  build(injects);  // throws when the game could not take it
  return round;
}

void Table::apply_inject(int event, int round) {
  injects_.push_back({event, round});
  if (status_ == TableStatus::Setup) return;
  game_ = build(injects_);
}

double Table::points(int party, int track, const Deal& deal) const {
  // The weights in force now (a change_weights event changes them from its round on).
  const double u = game_->stepped->space_now(track).utility(party, deal);
  return std::round(1000.0 * u) / 10.0;
}

json Table::deal_json(int track, const Deal& deal, int viewer,
                      const std::vector<double>* utility) const {
  const auto points_of = [&](int party) {
    if (utility && static_cast<std::size_t>(party) < utility->size())
      return std::round(1000.0 * (*utility)[static_cast<std::size_t>(party)]) / 10.0;
    return points(party, track, deal);
  };
  json terms = json::array();
  const OutcomeSpace& space = game_->stepped->simulator().space(track);
  for (int k = 0; k < space.issue_count() && k < deal.size; ++k) {
    const Issue& issue = scenario_->issues[static_cast<std::size_t>(space.issue(k))];
    terms.push_back({{"issue", issue.id},
                     {"label", issue.label},
                     {"value", issue.describe(deal.values[static_cast<std::size_t>(k)])}});
  }
  json out = {{"terms", terms}};
  if (viewer >= 0) {
    out["points"] = points_of(viewer);
  } else {
    json all = json::object();
    for (std::size_t p = 0; p < scenario_->parties.size(); ++p)
      all[scenario_->parties[p].id] = points_of(static_cast<int>(p));
    out["points"] = all;
  }
  return out;
}

json Table::timeline(int viewer) const {
  json out = json::array();
  if (!game_) return out;
  const Scenario& played = game_->stepped->scenario();
  const std::size_t declared = scenario_->world.events.size();
  for (const Entry& e : game_->sink->entries) {
    json item = {{"round", e.round}, {"date", scenario_->clock.date_of(e.round).to_string()}};
    if (e.type == Entry::Type::Event) {
      const EventSpec& spec = played.world.events[static_cast<std::size_t>(e.event)];
      item["type"] = "event";
      item["label"] = spec.label.empty() ? spec.id : spec.label;
      item["inject"] = static_cast<std::size_t>(e.event) >= declared;
    } else {
      item["type"] = e.type == Entry::Type::Move ? "move" : "closed";
      item["track"] = scenario_->tracks[static_cast<std::size_t>(e.track)].label.empty()
                          ? scenario_->tracks[static_cast<std::size_t>(e.track)].id
                          : scenario_->tracks[static_cast<std::size_t>(e.track)].label;
      item["party"] = e.party >= 0 ? json(scenario_->parties[static_cast<std::size_t>(e.party)].id)
                                   : json(nullptr);
      item["action"] = e.type == Entry::Type::Move ? to_string(e.action) : to_string(e.status);
      if (e.deal.size > 0) item["deal"] = deal_json(e.track, e.deal, viewer, &e.utility);
    }
    out.push_back(std::move(item));
  }
  return out;
}

json Table::round_json() const {
  int round = 0;
  if (game_ && !game_->stepped->done()) round = game_->stepped->decision().view.round.round;
  if (game_ && game_->stepped->done()) round = game_->stepped->result().rounds;
  return {{"index", round},
          {"date", scenario_->clock.date_of(round).to_string()},
          {"name", scenario_->clock.round_name},
          {"deadline", scenario_->protocol.deadline_rounds},
          {"max_rounds", scenario_->protocol.max_rounds}};
}

namespace {
json turn_json(const SteppedNegotiation& s, const Scenario& scenario) {
  const auto& d = s.decision();
  return {{"party", scenario.parties[static_cast<std::size_t>(d.party)].id},
          {"party_name", scenario.parties[static_cast<std::size_t>(d.party)].name},
          {"track", scenario.tracks[static_cast<std::size_t>(d.track)].id},
          {"phase", d.phase == SteppedNegotiation::Phase::Propose ? "propose" : "respond"},
          {"walk_away", d.view.setup->walk_away_allowed}};
}
}  // namespace

namespace {
// A party's weights in words, to tell its page when its schedule changed.
std::string weights_key(const std::vector<double>& weights) {
  std::string key;
  for (double w : weights) key += format_number(w, 12) + ";";
  return key;
}
}  // namespace

const std::vector<double>& Table::weights_now(int party) const {
  const std::size_t p = static_cast<std::size_t>(party);
  if (game_ && p < game_->stepped->state().preferences.size())
    return game_->stepped->state().preferences[p].weights;
  return scenario_->parties[p].preferences.weights;
}

json Table::seat_brief(int party) const {
  const Scenario& s = *scenario_;
  const Party& me = s.parties[static_cast<std::size_t>(party)];
  // The confidential brief: this party's own point schedule and no-deal score per track, with
  // the weights in force now (a change_weights event changes them from its round on).
  json tracks = json::array();
  const Preferences& prefs = me.preferences;
  const std::vector<double>& weights = weights_now(party);
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const Track& track = s.tracks[t];
    double weight = 0.0;
    for (int i : track.issues) weight += weights[static_cast<std::size_t>(i)];
    json issues = json::array();
    for (int i : track.issues) {
      const Issue& issue = s.issues[static_cast<std::size_t>(i)];
      json options = json::array();
      for (int l = 0; l < issue.levels(); ++l) {
        const double v = prefs.values[static_cast<std::size_t>(i)](issue.value_at(l));
        options.push_back(
            {{"level", l},
             {"text", issue.describe(issue.value_at(l))},
             {"points",
              std::round(1000.0 * weights[static_cast<std::size_t>(i)] * v / weight) / 10.0}});
      }
      issues.push_back(
          {{"id", issue.id}, {"label", issue.label}, {"brief", issue.brief}, {"options", options}});
    }
    tracks.push_back({{"id", track.id},
                      {"label", track.label.empty() ? track.id : track.label},
                      {"no_deal_points", std::round(1000.0 * prefs.reservation[t]) / 10.0},
                      {"issues", issues}});
  }
  return {{"tracks", tracks},
          {"schedule_key", weights_key(weights)},
          {"schedule_changed", weights != prefs.weights},
          {"discount", prefs.discount},
          {"cost_per_round", prefs.cost_per_round},
          {"complete_information", s.protocol.complete_information}};
}

json Table::seat_view(int party, std::int64_t now_ms) const {
  const Scenario& s = *scenario_;
  const Party& me = s.parties[static_cast<std::size_t>(party)];
  json view = {{"table", id_},
               {"status", to_string(status_)},
               {"clock_seconds", running_ms(now_ms) / 1000},
               {"scenario", s.meta.name},
               {"you", {{"id", me.id}, {"name", me.name}}},
               {"round", round_json()},
               {"schedule_key", weights_key(weights_now(party))}};
  // The party's own private type, drawn when the game starts: it may know it (rule 2).
  if (game_) {
    const std::vector<int>& drawn = game_->stepped->state().drawn_types;
    const std::size_t p = static_cast<std::size_t>(party);
    if (p < drawn.size() && drawn[p] >= 0 && static_cast<std::size_t>(drawn[p]) < me.types.size()) {
      const PartyType& type = me.types[static_cast<std::size_t>(drawn[p])];
      view["you"]["type"] = type.label.empty() ? type.id : type.label;
    }
  } else if (!me.types.empty()) {
    view["you"]["type_pending"] = true;
  }
  json parties = json::array();
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    parties.push_back({{"id", s.parties[p].id},
                       {"name", s.parties[p].name},
                       {"played_by", seats_[p].person ? "a person" : "an agent"}});
  view["parties"] = parties;
  view["timeline"] = timeline(party);
  if (game_ && !game_->stepped->done()) {
    const auto& d = game_->stepped->decision();
    json turn = turn_json(*game_->stepped, s);
    turn["yours"] = d.party == party;
    if (d.party == party) {
      // What no deal on this track is worth to the mover now: in a war, the value of fighting
      // on, which the world recomputes every round (docs/world.md).
      turn["no_deal_points"] = std::round(1000.0 * d.view.setup->current_reservation()) / 10.0;
      if (d.phase == SteppedNegotiation::Phase::Respond && d.view.offer)
        turn["offer"] = deal_json(d.track, *d.view.offer, party);
    }
    view["turn"] = turn;
  }
  if (game_ && game_->stepped->done()) view["result"] = result_json(party);
  return view;
}

json Table::instructor_view(std::int64_t now_ms) const {
  const Scenario& s = *scenario_;
  json seats = json::array();
  for (std::size_t p = 0; p < seats_.size(); ++p)
    seats.push_back(
        {{"party", s.parties[p].id},
         {"name", s.parties[p].name},
         {"person", seats_[p].person},
         {"model", seats_[p].person
                       ? ""
                       : (seats_[p].model.empty() ? s.parties[p].agent.model : seats_[p].model)},
         {"token", seats_[p].person ? seats_[p].token : ""}});
  json view = {{"id", id_},
               {"seed", seed_},
               {"status", to_string(status_)},
               {"clock_seconds", running_ms(now_ms) / 1000},
               {"seats", seats},
               {"round", round_json()},
               {"timeline", timeline(-1)}};
  json injects = json::array();
  for (const Inject& i : injects_)
    injects.push_back(
        {{"event", s.world.events[static_cast<std::size_t>(i.event)].id}, {"round", i.round}});
  view["injects"] = injects;
  if (game_ && !game_->stepped->done()) view["turn"] = turn_json(*game_->stepped, s);
  if (game_ && game_->stepped->done()) view["result"] = result_json(-1);
  return view;
}

json Table::result_json(int viewer) const {
  const Scenario& s = *scenario_;
  const RunResult& r = game_->stepped->result();
  json result = json::array();
  for (std::size_t t = 0; t < r.tracks.size(); ++t) {
    json item = {{"track", s.tracks[t].label.empty() ? s.tracks[t].id : s.tracks[t].label},
                 {"status", to_string(r.tracks[t].status)}};
    if (r.tracks[t].status == TrackStatus::Agreed)
      item["deal"] = deal_json(static_cast<int>(t), r.tracks[t].deal, viewer);
    result.push_back(item);
  }
  return result;
}

std::string Table::trace() const {
  return game_ ? game_->trace.str() : std::string();
}

const RunResult& Table::result() const {
  if (!game_) throw std::logic_error("the game has not started");
  return game_->stepped->result();
}

}  // namespace parley
