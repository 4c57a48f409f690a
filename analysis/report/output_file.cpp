#include "analysis/report/output_file.hpp"

#include <cstdio>
#include <stdexcept>

namespace parley::cli {

OutputFile::OutputFile(std::string path)
    : path_(std::move(path)), partial_(path_ + ".partial"), stream_(partial_) {
  if (!stream_) throw std::runtime_error("cannot write " + path_);
}

OutputFile::~OutputFile() {
  if (committed_) return;
  stream_.close();
  std::remove(partial_.c_str());
}

void OutputFile::commit() {
  stream_.close();
  if (!stream_ || std::rename(partial_.c_str(), path_.c_str()) != 0)
    throw std::runtime_error("cannot write " + path_);
  committed_ = true;
}

}  // namespace parley::cli
