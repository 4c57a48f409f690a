#pragma once
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace parley {

// One thing that happened in a class, in the order it happened: a table made, a seat assigned,
// the clock started or paused, an inject pushed, a move made. Replaying them in order rebuilds
// the class exactly (every table is re-stepped from its seed and its moves).
struct ClassRecord {
  std::int64_t seq = 0;    // 1, 2, ... in the order written (set by append)
  std::int64_t at_ms = 0;  // wall-clock time, milliseconds since 1970 (UTC)
  std::string kind;
  nlohmann::json body;
};

// The class store: one SQLite database in the class folder holding the records, in WAL mode
// with synchronous=FULL, so a record is on disk (the write-ahead log fsync'd) when append()
// returns; only then is a move acknowledged. A killed server loses nothing it acknowledged,
// and a half-written transaction is rolled back by SQLite when the file is opened again.
class ClassStore {
 public:
  explicit ClassStore(const std::filesystem::path& file);
  ~ClassStore();
  ClassStore(const ClassStore&) = delete;
  ClassStore& operator=(const ClassStore&) = delete;

  // Every record, oldest first.
  std::vector<ClassRecord> records() const;
  // Writes the records in one transaction (all or none), numbering them; returns once they are
  // durable. Throws std::runtime_error (the file and SQLite's reason) when they cannot be.
  void append(std::vector<ClassRecord>& records);
  void append(ClassRecord& record);

  const std::filesystem::path& file() const { return file_; }

 private:
  void exec(const char* sql);
  [[noreturn]] void fail(const std::string& what) const;

  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  mutable std::mutex mutex_;
};

}  // namespace parley
