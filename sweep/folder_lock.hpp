#pragma once
#include <string>

namespace parley::cli {

// The lock file parley keeps in a sweep's output folder (docs/sweep.md).
inline constexpr const char* kLockFile = ".parley.lock";

// An exclusive claim on a sweep's output folder for the life of one sweep, resume or merge:
// flock(2) on FOLDER/.parley.lock, released by the kernel when the process ends however it
// ends (exit, Ctrl-C, SIGKILL), so a crash never leaves a stale lock. Creating the folder and
// the lock file is also the check that the folder is writable, made before any run.
class FolderLock {
 public:
  enum class Mode { Exclusive, Shared };
  // `option` names what the user gave the folder with (--out, --resume, a merge input), for
  // the messages. Throws InputError when the folder cannot be created or written, or when
  // another parley job holds it (a shared lock only conflicts with an exclusive one).
  FolderLock(const std::string& folder, const std::string& option, Mode mode = Mode::Exclusive);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace parley::cli
