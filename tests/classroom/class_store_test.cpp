#include "classroom/class_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

namespace parley {
namespace {

std::filesystem::path fresh(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("parley-store-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir / "class.sqlite";
}

TEST(ClassStore, RecordsComeBackInOrderAfterReopening) {
  const auto file = fresh("order");
  {
    ClassStore store(file);
    ClassRecord a{0, 1000, "table", {{"id", "t1"}}};
    store.append(a);
    std::vector<ClassRecord> more{{0, 1001, "move", {{"move", 3}}},
                                  {0, 1002, "move", {{"move", 7}}}};
    store.append(more);
    EXPECT_EQ(a.seq, 1);
    EXPECT_EQ(more[1].seq, 3);
  }
  ClassStore again(file);
  const auto records = again.records();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].kind, "table");
  EXPECT_EQ(records[2].body["move"], 7);
  EXPECT_EQ(records[2].at_ms, 1002);
}

TEST(ClassStore, WriteAheadLogWithFullSync) {
  const auto file = fresh("wal");
  ClassStore store(file);
  ClassRecord r{0, 1, "class", {{"x", 1}}};
  store.append(r);
  // Another connection sees the committed record and the database in WAL mode.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "wal");
  sqlite3_finalize(s);
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM records", -1, &s, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), 1);
  sqlite3_finalize(s);
  sqlite3_close(db);
  EXPECT_TRUE(std::filesystem::exists(file.string() + "-wal"));
}

TEST(ClassStore, AnUnwritableFileIsAClearError) {
  EXPECT_THROW(ClassStore("/nonexistent-folder/class.sqlite"), std::runtime_error);
}

}  // namespace
}  // namespace parley
