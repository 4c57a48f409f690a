#pragma once
// What the fuzz targets (fuzz/*_fuzz.cpp, docs/fuzzing.md) share: the input as text, a scratch
// folder for readers that take paths, and the input cap that keeps a target on its own reader.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace parley::fuzz {

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Inputs larger than this are skipped: every shipped file and test input is smaller, and a
// reader's work grows with its input, so larger inputs only slow the search down.
inline constexpr std::size_t kMaxInput = 64 * 1024;

// A folder of this process's own, removed when the process ends normally.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parley-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ::abort();
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `bytes` to `name` in the folder and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) ::abort();
    return file.string();
  }
  // Empties the folder.
  void clear() const {
    for (const auto& entry : std::filesystem::directory_iterator(path_))
      std::filesystem::remove_all(entry.path());
  }

 private:
  std::filesystem::path path_;
};

// The parts of an input that holds several files, separated by lines of exactly kFileSeparator.
inline constexpr const char* kFileSeparator = "=====";
inline std::vector<std::string> split_files(const std::string& text) {
  std::vector<std::string> parts(1);
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    const bool last = end == std::string::npos;
    if (last) end = text.size();
    const std::string line = text.substr(at, end - at);
    if (line == kFileSeparator)
      parts.emplace_back();
    else
      parts.back() += line + (last ? "" : "\n");
    at = end + 1;
  }
  return parts;
}

}  // namespace parley::fuzz
