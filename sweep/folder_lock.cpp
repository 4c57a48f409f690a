#include "sweep/folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "engine/input_error.hpp"

namespace parley::cli {

FolderLock::FolderLock(const std::string& folder, const std::string& option, Mode mode) {
  const bool exclusive = mode == Mode::Exclusive;
  const std::string expected =
      exclusive ? "a folder parley can create and write to" : "a sweep folder parley can read";
  std::error_code error;
  if (exclusive) std::filesystem::create_directories(folder, error);
  if (error) throw InputError(option, 0, 0, "", expected, folder + ": " + error.message());
  const std::string path = (std::filesystem::path(folder) / kLockFile).string();
  // A reader that cannot create the lock file (a read-only copy of a sweep) goes without it.
  fd_ = ::open(path.c_str(), (exclusive ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW,
               0644);
  if (fd_ < 0) {
    if (!exclusive && errno == ENOENT) return;
    throw InputError(option, 0, 0, "", expected, path + ": " + std::strerror(errno));
  }
  if (::flock(fd_, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
    const int code = errno;
    ::close(fd_);
    fd_ = -1;
    if (code == EWOULDBLOCK)
      throw InputError(
          option, 0, 0, "", "a folder no other parley sweep, resume or merge is using",
          folder + ", in use by another parley job (it holds " + path + "; wait for it to end)");
    throw InputError(option, 0, 0, "", expected, path + ": " + std::strerror(code));
  }
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace parley::cli
