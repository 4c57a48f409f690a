#pragma once
#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <string>

namespace parley::testing {

// The result of running the real `parley` executable, as a user would.
struct CommandResult {
  int status = -1;
  std::string out;  // stdout
};

// Runs `parley ARGS` from the repository root with stderr folded into stdout when
// `merge_stderr` is set.
inline CommandResult run_parley(const std::string& args, bool merge_stderr = false) {
  const std::string command = std::string("cd '") + PARLEY_SOURCE_DIR + "' && '" + PARLEY_BINARY +
                              "' " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

inline std::string read_file(const std::string& path) {
  std::string text;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), f)) > 0) text.append(buffer.data(), n);
    std::fclose(f);
  }
  return text;
}

}  // namespace parley::testing
