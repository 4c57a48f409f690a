#include "classroom/class_store.hpp"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>

namespace parley {

namespace {
struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};
}  // namespace

ClassStore::ClassStore(const std::filesystem::path& file) : file_(file) {
  // SQLite allocates a handle even when opening fails, and a constructor that throws runs no
  // destructor: close it here on every failure (the message is built before).
  try {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK)
      fail("cannot open");
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA journal_mode=WAL");
    // FULL: the write-ahead log is fsync'd at every commit, so a committed record survives a
    // crash of the process and of the machine
    // (https://www.sqlite.org/pragma.html#pragma_synchronous).
    exec("PRAGMA synchronous=FULL");
    exec(
        "CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL,"
        " kind TEXT NOT NULL, body TEXT NOT NULL)");
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

ClassStore::~ClassStore() {
  sqlite3_close(db_);
}

void ClassStore::fail(const std::string& what) const {
  throw std::runtime_error("class store " + file_.string() + ": " + what + ": " +
                           (db_ ? sqlite3_errmsg(db_) : "out of memory"));
}

void ClassStore::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string why = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("class store " + file_.string() + ": " + why);
  }
}

std::vector<ClassRecord> ClassStore::records() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s;
  if (sqlite3_prepare_v2(db_, "SELECT seq, at_ms, kind, body FROM records ORDER BY seq", -1,
                         &s.stmt, nullptr) != SQLITE_OK)
    fail("cannot read");
  std::vector<ClassRecord> out;
  int rc = 0;
  while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) {
    ClassRecord r;
    r.seq = sqlite3_column_int64(s.stmt, 0);
    r.at_ms = sqlite3_column_int64(s.stmt, 1);
    r.kind = reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, 2));
    r.body = nlohmann::json::parse(reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, 3)));
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) fail("cannot read");
  return out;
}

void ClassStore::append(ClassRecord& record) {
  std::vector<ClassRecord> one{record};
  append(one);
  record = one.front();
}

void ClassStore::append(std::vector<ClassRecord>& records) {
  std::lock_guard<std::mutex> lock(mutex_);
  exec("BEGIN IMMEDIATE");
  try {
    Statement s;
    if (sqlite3_prepare_v2(db_, "INSERT INTO records (at_ms, kind, body) VALUES (?, ?, ?)", -1,
                           &s.stmt, nullptr) != SQLITE_OK)
      fail("cannot write");
    for (ClassRecord& r : records) {
      const std::string body = r.body.dump();
      sqlite3_reset(s.stmt);
      sqlite3_bind_int64(s.stmt, 1, r.at_ms);
      sqlite3_bind_text(s.stmt, 2, r.kind.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s.stmt, 3, body.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(s.stmt) != SQLITE_DONE) fail("cannot write");
      r.seq = sqlite3_last_insert_rowid(db_);
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace parley
