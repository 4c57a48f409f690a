#pragma once
#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace parley::cli {

// A sweep's progress on stderr: on a terminal, a bar redrawn in place with the rate and the
// time left; elsewhere (a log file, a cluster job) nothing until finish() prints one line.
class ProgressBar {
 public:
  ProgressBar(std::ostream& out, bool terminal, std::uint64_t total, std::string label);

  void update(std::uint64_t done);
  // Ends the bar and prints `done` runs with the elapsed time and rate, plus `note`.
  void finish(std::uint64_t done, const std::string& note);

  double elapsed_seconds() const;

 private:
  std::ostream* out_;
  bool terminal_;
  std::uint64_t total_;
  std::string label_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

// "1:02:03", "4:05" or "7s".
std::string format_duration(double seconds);

}  // namespace parley::cli
