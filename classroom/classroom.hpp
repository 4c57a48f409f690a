#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "classroom/class_store.hpp"
#include "classroom/table.hpp"
#include "engine/agent_registry.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Who a request comes from, by its token: the instructor, one seat (a table and a party), or
// nobody (no token, a wrong one, or one no longer in use).
struct Caller {
  enum class Role { Nobody, Instructor, Seat };
  Role role = Role::Nobody;
  int table = -1;
  int party = -1;
};

// A class: the tables of one scenario, their seats and tokens, kept in a class folder:
//   CLASS_DIR/scenario.json             a byte copy of the scenario file
//   CLASS_DIR/class.sqlite              the class store (classroom/class_store.hpp)
//   CLASS_DIR/tables/<table>.trace.json each finished game's trace, as `parley run --trace`
// Every change is written to the store before it is applied and answered, and opening the
// folder again replays the store, so a server killed mid-class resumes where it was.
// Not thread-safe: the server calls it from one thread (classroom/serial_executor.hpp).
class Classroom {
 public:
  using Clock = std::function<std::int64_t()>;  // milliseconds since 1970
  static Clock system_clock();

  // Opens the class in `dir`: a new folder gets a copy of `scenario_file` and `tables` tables
  // (every seat a person, seeds first_seed, first_seed + 1, ...); an existing one must hold
  // the same scenario file (else std::invalid_argument says so) and is replayed.
  Classroom(ScenarioPtr scenario, const std::filesystem::path& scenario_file,
            const std::filesystem::path& dir, int tables, std::uint64_t first_seed,
            const AgentRegistry& registry, Clock clock = system_clock());
  ~Classroom();

  const std::string& instructor_token() const { return instructor_token_; }
  const std::filesystem::path& dir() const { return dir_; }
  int table_count() const { return static_cast<int>(tables_.size()); }
  const Table& table(int index) const { return *tables_[static_cast<std::size_t>(index)]; }
  bool resumed() const { return resumed_; }

  Caller identify(std::string_view token) const;

  // The instructor's requests (throw TableError with the status and reason when refused).
  nlohmann::json class_view() const;
  // {"seats": {"PARTY": "person" | "agent" | "agent:MODEL[:param=value,...]"}} (all optional).
  nlohmann::json create_table(const nlohmann::json& request);
  nlohmann::json assign_seat(const std::string& table, const std::string& party,
                             const nlohmann::json& request);
  // `table` empty: every table whose clock can change so.
  nlohmann::json set_clock(const std::string& table, bool running);
  nlohmann::json inject(const std::string& table, const std::string& event);

  // A seat's requests.
  nlohmann::json seat_view(const Caller& caller) const;
  // The caller's brief, once per page: the point schedule (JSON) and the text `parley brief`
  // prints for its party (HTML).
  nlohmann::json seat_brief(const Caller& caller) const;
  nlohmann::json move(const Caller& caller, const nlohmann::json& request);

 private:
  int table_index(const std::string& id) const;  // TableError 404 when absent
  Seat seat_of(const nlohmann::json& given, int party) const;
  nlohmann::json seat_json(int party, const Seat& seat) const;
  void commit(const std::string& kind, nlohmann::json body);
  void apply(const ClassRecord& record);
  void save_trace(const Table& table) const;

  ScenarioPtr scenario_;
  const AgentRegistry* registry_;
  std::filesystem::path dir_;
  Clock clock_;
  std::unique_ptr<ClassStore> store_;
  std::vector<std::unique_ptr<Table>> tables_;
  std::string instructor_token_;
  std::vector<std::string> briefs_;  // per party: its brief as `parley brief` writes it (HTML)
  std::uint64_t next_seed_ = 1;
  bool resumed_ = false;
};

}  // namespace parley
