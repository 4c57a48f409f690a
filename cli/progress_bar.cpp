#include "cli/progress_bar.hpp"

#include <cmath>
#include <cstdio>

#include "engine/format.hpp"

namespace parley::cli {

namespace {
constexpr int kBarWidth = 30;
}

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto total = static_cast<long long>(std::llround(seconds));
  const long long h = total / 3600, m = (total / 60) % 60, s = total % 60;
  char text[32];
  if (h > 0)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", h, m, s);
  else if (m > 0)
    std::snprintf(text, sizeof text, "%lld:%02lld", m, s);
  else
    std::snprintf(text, sizeof text, "%llds", s);
  return text;
}

ProgressBar::ProgressBar(std::ostream& out, bool terminal, std::uint64_t total, std::string label)
    : out_(&out),
      terminal_(terminal),
      total_(total),
      label_(std::move(label)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

double ProgressBar::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressBar::update(std::uint64_t done) {
  if (!terminal_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done < total_) return;
  last_draw_ = now;
  drawn_ = true;
  const double elapsed = elapsed_seconds();
  const double fraction = total_ ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const double left = rate > 0 ? static_cast<double>(total_ - done) / rate : -1.0;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kBarWidth, '.');
  char percent[16];
  std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100));
  *out_ << "\r" << label_ << " [" << bar << "] " << percent << "  "
        << format_thousands(static_cast<long long>(done)) << "/"
        << format_thousands(static_cast<long long>(total_)) << " runs  "
        << format_thousands(std::llround(rate)) << " runs/s  ETA "
        << (done > 0 ? format_duration(left) : std::string("?")) << "   " << std::flush;
}

void ProgressBar::finish(std::uint64_t done, const std::string& note) {
  const double elapsed = elapsed_seconds();
  if (terminal_ && drawn_) *out_ << "\r\033[K";
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  *out_ << label_ << ": " << format_thousands(static_cast<long long>(done)) << " runs in "
        << format_number(elapsed, 1) << " s (" << format_thousands(std::llround(rate)) << " runs/s)"
        << (note.empty() ? "" : ", ") << note << "\n"
        << std::flush;
}

}  // namespace parley::cli
