#include "classroom/classroom.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "analysis/report/brief.hpp"
#include "analysis/report/output_file.hpp"
#include "classroom/token.hpp"

namespace parley {

using nlohmann::json;

namespace {
std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + file.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}
}  // namespace

Classroom::Clock Classroom::system_clock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

Classroom::Classroom(ScenarioPtr scenario, const std::filesystem::path& scenario_file,
                     const std::filesystem::path& dir, int tables, std::uint64_t first_seed,
                     const AgentRegistry& registry, Clock clock)
    : scenario_(std::move(scenario)),
      registry_(&registry),
      dir_(dir),
      clock_(std::move(clock)),
      next_seed_(first_seed) {
  // A folder made here is its owner's only: the store and its write-ahead log hold the tokens.
  if (!std::filesystem::exists(dir_)) {
    std::filesystem::create_directories(dir_);
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all);
  }
  std::filesystem::create_directories(dir_ / "tables");
  const std::string bytes = read_bytes(scenario_file);
  const std::filesystem::path copy = dir_ / "scenario.json";
  if (std::filesystem::exists(copy)) {
    if (read_bytes(copy) != bytes)
      throw std::invalid_argument("the class folder " + dir_.string() +
                                  " holds another scenario (" + copy.string() +
                                  "): start with that file, or choose a new --class-dir");
  } else {
    cli::OutputFile out(copy.string());
    out.stream() << bytes;
    out.commit();
  }
  // Each party's public and confidential brief, the same text `parley brief` prints.
  const Simulator simulator(scenario_, *registry_);
  for (std::size_t p = 0; p < scenario_->parties.size(); ++p)
    briefs_.push_back(party_brief(simulator, static_cast<int>(p)).html_body());
  const std::filesystem::path store_file = dir_ / "class.sqlite";
  store_ = std::make_unique<ClassStore>(store_file);
  // The store holds the tokens: only its owner may read it.
  std::filesystem::permissions(
      store_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const std::vector<ClassRecord> records = store_->records();
  resumed_ = !records.empty();
  for (const ClassRecord& r : records) apply(r);
  if (!resumed_) {
    commit("class", {{"instructor", new_token()}});
    for (int t = 0; t < tables; ++t) create_table(json::object());
  }
}

Classroom::~Classroom() = default;

void Classroom::commit(const std::string& kind, json body) {
  ClassRecord r;
  r.at_ms = clock_();
  r.kind = kind;
  r.body = std::move(body);
  store_->append(r);  // durable before it takes effect
  apply(r);
}

void Classroom::apply(const ClassRecord& r) {
  const json& b = r.body;
  if (r.kind == "class") {
    instructor_token_ = b.at("instructor").get<std::string>();
  } else if (r.kind == "table") {
    std::vector<Seat> seats(scenario_->parties.size());
    for (const json& s : b.at("seats")) {
      Seat& seat = seats.at(static_cast<std::size_t>(scenario_->party_index(s.at("party"))));
      seat = {s.at("person").get<bool>(), s.at("model").get<std::string>(),
              s.at("token").get<std::string>()};
    }
    const auto seed = b.at("seed").get<std::uint64_t>();
    tables_.push_back(std::make_unique<Table>(b.at("id").get<std::string>(), scenario_, *registry_,
                                              seed, std::move(seats)));
    next_seed_ = std::max(next_seed_, seed + 1);
  } else if (r.kind == "seat") {
    tables_[static_cast<std::size_t>(table_index(b.at("table")))]->assign(
        scenario_->party_index(b.at("party")),
        {b.at("person").get<bool>(), b.at("model").get<std::string>(),
         b.at("token").get<std::string>()});
  } else if (r.kind == "clock") {
    Table& table = *tables_[static_cast<std::size_t>(table_index(b.at("table")))];
    table.set_clock(b.at("running").get<bool>(), r.at_ms);
    if (table.status() == TableStatus::Over) save_trace(table);  // agents only: over at once
  } else if (r.kind == "inject") {
    tables_[static_cast<std::size_t>(table_index(b.at("table")))]->apply_inject(
        b.at("event").get<int>(), b.at("round").get<int>());
  } else if (r.kind == "move") {
    Table& table = *tables_[static_cast<std::size_t>(table_index(b.at("table")))];
    table.apply_move(scenario_->party_index(b.at("party")), b.at("move").get<std::int64_t>(),
                     r.at_ms);
    if (table.status() == TableStatus::Over) save_trace(table);
  } else {
    throw std::runtime_error("class store: unknown record \"" + r.kind + "\"");
  }
}

void Classroom::save_trace(const Table& table) const {
  cli::OutputFile out((dir_ / "tables" / (table.id() + ".trace.json")).string());
  out.stream() << table.trace();
  out.commit();
}

int Classroom::table_index(const std::string& id) const {
  for (std::size_t t = 0; t < tables_.size(); ++t)
    if (tables_[t]->id() == id) return static_cast<int>(t);
  throw TableError(404, "no table " + id);
}

Caller Classroom::identify(std::string_view token) const {
  Caller caller;
  if (!looks_like_token(token)) return caller;
  // Every token is compared in full, so the time taken does not tell which one came close.
  if (same_token(token, instructor_token_)) caller.role = Caller::Role::Instructor;
  for (std::size_t t = 0; t < tables_.size(); ++t) {
    const auto& seats = tables_[t]->seats();
    for (std::size_t p = 0; p < seats.size(); ++p)
      if (seats[p].person && same_token(token, seats[p].token)) {
        caller.role = Caller::Role::Seat;
        caller.table = static_cast<int>(t);
        caller.party = static_cast<int>(p);
      }
  }
  return caller;
}

Seat Classroom::seat_of(const json& given, int party) const {
  if (!given.is_string())
    throw TableError(400, "a seat is \"person\", \"agent\" or \"agent:MODEL[:param=value,...]\"");
  const std::string text = given.get<std::string>();
  Seat seat;
  if (text == "person") {
    seat.token = new_token();
  } else if (text == "agent" || text.rfind("agent:", 0) == 0) {
    seat.person = false;
    seat.model = text.size() > 6 ? text.substr(6) : "";
  } else {
    throw TableError(400,
                     "a seat is \"person\", \"agent\" or \"agent:MODEL[:param=value,...]\", "
                     "found \"" +
                         text + "\"");
  }
  (void)party;
  return seat;
}

json Classroom::seat_json(int party, const Seat& seat) const {
  return {{"party", scenario_->parties[static_cast<std::size_t>(party)].id},
          {"person", seat.person},
          {"model", seat.model},
          {"token", seat.token}};
}

json Classroom::create_table(const json& request) {
  if (!request.is_object()) throw TableError(400, "expected a JSON object");
  const json given = request.value("seats", json::object());
  if (!given.is_object()) throw TableError(400, "\"seats\" maps party ids to seats");
  std::vector<Seat> seats(scenario_->parties.size());
  for (std::size_t p = 0; p < seats.size(); ++p) seats[p].token = new_token();
  for (const auto& [party, seat] : given.items()) {
    const int p = scenario_->party_index(party);
    if (p < 0) throw TableError(400, "no party \"" + party + "\" in this scenario");
    seats[static_cast<std::size_t>(p)] = seat_of(seat, p);
  }
  // Built in two steps: GCC 12 warns falsely (-Wrestrict) on "t" + std::to_string(n).
  std::string id = std::to_string(tables_.size() + 1);
  id.insert(id.begin(), 't');
  Table probe(id, scenario_, *registry_, next_seed_, seats);
  for (std::size_t p = 0; p < seats.size(); ++p) probe.check_assign(static_cast<int>(p), seats[p]);
  json list = json::array();
  for (std::size_t p = 0; p < seats.size(); ++p)
    list.push_back(seat_json(static_cast<int>(p), seats[p]));
  commit("table", {{"id", id}, {"seed", next_seed_}, {"seats", list}});
  return tables_.back()->instructor_view(clock_());
}

json Classroom::assign_seat(const std::string& table, const std::string& party,
                            const json& request) {
  Table& t = *tables_[static_cast<std::size_t>(table_index(table))];
  const int p = scenario_->party_index(party);
  if (p < 0) throw TableError(404, "no party \"" + party + "\" in this scenario");
  if (!request.is_object() || !request.contains("seat"))
    throw TableError(400, "expected {\"seat\": \"person\" | \"agent\" | \"agent:MODEL\"}");
  Seat seat = seat_of(request["seat"], p);
  // A seat that stays a person keeps its token, so a link already handed out still works.
  const Seat& old = t.seats()[static_cast<std::size_t>(p)];
  if (seat.person && old.person) seat.token = old.token;
  t.check_assign(p, seat);
  json body = seat_json(p, seat);
  body["table"] = table;
  commit("seat", body);
  return t.instructor_view(clock_());
}

json Classroom::set_clock(const std::string& table, bool running) {
  json changed = json::array();
  for (std::size_t i = 0; i < tables_.size(); ++i) {
    Table& t = *tables_[i];
    if (!table.empty() && t.id() != table) continue;
    if (table.empty()) {
      try {
        t.check_clock(running);
      } catch (const TableError&) {
        continue;  // "every table": those that can
      }
    } else {
      t.check_clock(running);
    }
    commit("clock", {{"table", t.id()}, {"running", running}});
    changed.push_back(t.id());
  }
  if (!table.empty() && changed.empty()) table_index(table);  // 404
  return {{"changed", changed}};
}

json Classroom::inject(const std::string& table, const std::string& event) {
  Table& t = *tables_[static_cast<std::size_t>(table_index(table))];
  int e = -1;
  const auto& events = scenario_->world.events;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].id == event) e = static_cast<int>(i);
  if (e < 0) throw TableError(404, "the scenario declares no event \"" + event + "\"");
  const int round = t.check_inject(e);
  commit("inject", {{"table", table}, {"event", e}, {"round", round}});
  return {{"table", table},
          {"event", event},
          {"round", round},
          {"date", scenario_->clock.date_of(round).to_string()}};
}

json Classroom::move(const Caller& caller, const json& request) {
  if (caller.role != Caller::Role::Seat) throw TableError(403, "not a seat");
  Table& t = *tables_[static_cast<std::size_t>(caller.table)];
  const std::int64_t move = t.move_of(caller.party, request);
  t.check_move(caller.party, move);
  commit("move", {{"table", t.id()},
                  {"party", scenario_->parties[static_cast<std::size_t>(caller.party)].id},
                  {"move", move}});
  return seat_view(caller);
}

json Classroom::seat_view(const Caller& caller) const {
  if (caller.role != Caller::Role::Seat) throw TableError(403, "not a seat");
  return tables_[static_cast<std::size_t>(caller.table)]->seat_view(caller.party, clock_());
}

json Classroom::seat_brief(const Caller& caller) const {
  if (caller.role != Caller::Role::Seat) throw TableError(403, "not a seat");
  json brief = tables_[static_cast<std::size_t>(caller.table)]->seat_brief(caller.party);
  brief["html"] = briefs_[static_cast<std::size_t>(caller.party)];
  return brief;
}

json Classroom::class_view() const {
  const Scenario& s = *scenario_;
  json parties = json::array();
  for (const Party& p : s.parties)
    parties.push_back({{"id", p.id}, {"name", p.name}, {"model", p.agent.model}});
  json events = json::array();
  for (const EventSpec& e : s.world.events)
    events.push_back({{"id", e.id}, {"kind", e.kind}, {"label", e.label}});
  json models = json::array();
  for (const std::string& name : registry_->names()) models.push_back(name);
  json tables = json::array();
  const std::int64_t now = clock_();
  for (const auto& t : tables_) tables.push_back(t->instructor_view(now));
  return {{"scenario", s.meta.name}, {"class_dir", dir_.string()}, {"parties", parties},
          {"events", events},        {"models", models},           {"tables", tables}};
}

}  // namespace parley
