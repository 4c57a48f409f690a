#pragma once
#include <fstream>
#include <string>

namespace parley::cli {

// A file written all or nothing (docs/architecture.md, rule 3): content goes to FILE.partial, which
// is renamed over FILE by commit(); destroyed without commit, the partial file is removed.
class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return stream_; }
  void commit();

 private:
  std::string path_;
  std::string partial_;
  std::ofstream stream_;
  bool committed_ = false;
};

}  // namespace parley::cli
