// Files written all or nothing, and special files written in place: a device is never replaced,
// a full disk is an error that leaves the previous file as it was.
#include "analysis/report/output_file.hpp"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string commit_error(OutputFile& file) {
  try {
    file.commit();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley-output-file-test-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(OutputFileTest, ARegularFileIsReplacedWholeOrNotAtAll) {
  const std::string path = (dir_ / "out.txt").string();
  {
    OutputFile file(path);
    file.stream() << "first\n";
    file.commit();
  }
  EXPECT_EQ(read(path), "first\n");
  {
    OutputFile file(path);
    file.stream() << std::string(200000, 'x');  // beyond the buffer
    EXPECT_TRUE(fs::exists(path + ".partial"));
  }  // never committed
  EXPECT_EQ(read(path), "first\n");
  EXPECT_FALSE(fs::exists(path + ".partial"));
  {
    OutputFile file(path);
    file.stream() << std::string(200000, 'y') << "end";
    file.commit();
  }
  EXPECT_EQ(read(path), std::string(200000, 'y') + "end");
}

TEST_F(OutputFileTest, DevicesAreWrittenInPlaceAndNeverReplaced) {
  OutputFile null("/dev/null");
  null.stream() << "nothing";
  null.commit();
  struct stat s {};
  ASSERT_EQ(stat("/dev/null", &s), 0);
  EXPECT_TRUE(S_ISCHR(s.st_mode));
  EXPECT_FALSE(fs::exists("/dev/null.partial"));
}

TEST_F(OutputFileTest, AFullDeviceIsAnErrorNamingTheFile) {
  OutputFile full("/dev/full");
  full.stream() << "x";
  const std::string error = commit_error(full);
  EXPECT_NE(error.find("cannot write /dev/full: No space left on device"), std::string::npos)
      << error;
  struct stat s {};
  ASSERT_EQ(stat("/dev/full", &s), 0);
  EXPECT_TRUE(S_ISCHR(s.st_mode));
}

TEST_F(OutputFileTest, AFifoIsWrittenInPlace) {
  const std::string fifo = (dir_ / "fifo").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read(fifo); });
  {
    OutputFile file(fifo);
    file.stream() << "through the pipe\n";
    file.commit();
  }
  reader.join();
  EXPECT_EQ(received, "through the pipe\n");
  EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST_F(OutputFileTest, ASymbolicLinkIsFollowedAndKept) {
  { std::ofstream(dir_ / "real") << "old"; }
  fs::create_symlink("real", dir_ / "link");
  OutputFile file((dir_ / "link").string());
  file.stream() << "new";
  file.commit();
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
  EXPECT_EQ(read(dir_ / "real"), "new");
  EXPECT_FALSE(fs::exists(dir_ / "real.partial"));
}

// A small tmpfs fills up: the write fails, the error names the file and the reason, and the
// earlier version of the file is untouched. Needs the right to mount (root in a container).
TEST_F(OutputFileTest, AFullDiskKeepsThePreviousFile) {
  const fs::path disk = dir_ / "disk";
  fs::create_directories(disk);
  if (mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=64k") != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here (" << std::strerror(errno)
                 << "); the full-disk case is covered by /dev/full only";
  const std::string path = (disk / "trace.jsonl").string();
  std::string error;
  {
    OutputFile small(path);
    small.stream() << "earlier output\n";
    small.commit();
    OutputFile big(path);
    big.stream() << std::string(1 << 20, 'z');
    error = commit_error(big);
  }
  const std::string kept = read(path);
  const bool partial_left = fs::exists(path + ".partial");
  umount(disk.c_str());
  EXPECT_NE(error.find("No space left on device"), std::string::npos) << error;
  EXPECT_NE(error.find("is unchanged"), std::string::npos) << error;
  EXPECT_EQ(kept, "earlier output\n");
  EXPECT_FALSE(partial_left);
}

}  // namespace
}  // namespace parley::cli
