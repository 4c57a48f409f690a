// The output-folder lock: one writer at a time, readers beside readers, nothing left locked.
#include "sweep/folder_lock.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/input_error.hpp"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

class FolderLockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley-lock-test-" + std::to_string(getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FolderLockTest, CreatesTheFolderAndRefusesASecondWriter) {
  const std::string folder = (dir_ / "out").string();
  {
    const FolderLock first(folder, "--out");
    EXPECT_TRUE(fs::exists(dir_ / "out" / kLockFile));
    try {
      const FolderLock second(folder, "--out");
      FAIL() << "a second exclusive lock was granted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("in use by another parley job"), std::string::npos)
          << e.what();
    }
    EXPECT_THROW(FolderLock(folder, "merge", FolderLock::Mode::Shared), InputError);
  }
  // Released with its owner.
  EXPECT_NO_THROW(FolderLock(folder, "--out"));
}

TEST_F(FolderLockTest, ReadersShareAndKeepWritersOut) {
  const std::string folder = (dir_ / "in").string();
  { const FolderLock made(folder, "--out"); }
  const FolderLock a(folder, "a", FolderLock::Mode::Shared);
  const FolderLock b(folder, "b", FolderLock::Mode::Shared);
  EXPECT_THROW(FolderLock(folder, "--out"), InputError);
}

TEST_F(FolderLockTest, AFolderThatCannotBeCreatedIsAnInputError) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "x";
  try {
    const FolderLock lock((dir_ / "file" / "sub").string(), "--out");
    FAIL() << "a folder under a file was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--out: error: expected a folder parley can create and "
                                         "write to"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace parley::cli
