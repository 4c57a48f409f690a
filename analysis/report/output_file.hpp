#pragma once
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace parley::cli {

// A file written all or nothing (docs/architecture.md, rule 3). A regular file (or one that does
// not exist yet) is written to FILE.partial, which commit() flushes to disk (fsync) and renames
// over FILE, so a crash, a kill or a full disk leaves the previous FILE as it was; destroyed
// without commit, the partial file is removed. A symbolic link is followed: the file it names is
// replaced and the link stays. A device, FIFO or socket (/dev/null, /dev/stdout on a pipe) is
// written in place, never replaced. Every write and the close are checked: commit() throws
// std::runtime_error naming the file and the system's reason (a full disk, an I/O error).
class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return stream_; }
  // Writes what the stream holds so far to the partial file and flushes it to disk (fsync),
  // without committing: a file written over hours (a sweep's runs) keeps its rows through a
  // kill or a power cut in FILE.partial. Throws as commit() does.
  void flush_to_disk();
  // Leave FILE.partial in place if this object is destroyed without commit (after an error):
  // for a journal whose flushed part a later run reads back (a sweep's --runs-csv).
  void keep_partial_on_failure() { keep_partial_ = true; }
  // Where OutputFile(path) would write before commit: FILE.partial ("" for a special file).
  static std::string partial_path_for(const std::string& path);
  void commit();

 private:
  // A buffer over a file descriptor that remembers the first failed write's errno.
  class Buffer : public std::streambuf {
   public:
    void attach(int fd) { fd_ = fd; }
    bool flush_all();
    int error() const { return error_; }

   protected:
    int_type overflow(int_type c) override;
    int sync() override { return flush_all() ? 0 : -1; }
    std::streamsize xsputn(const char* s, std::streamsize n) override;

   private:
    bool write_all(const char* data, std::size_t size);
    int fd_ = -1;
    int error_ = 0;
    std::vector<char> buffer_ = std::vector<char>(1 << 16);
    bool started_ = false;
  };

  [[noreturn]] void fail(const std::string& what, int error);

  std::string path_;     // as the user gave it
  std::string target_;   // the file replaced: path_, or the file a symbolic link names
  std::string partial_;  // empty when written in place
  int fd_ = -1;
  Buffer buffer_;
  std::ostream stream_;
  bool committed_ = false;
  bool keep_partial_ = false;
};

}  // namespace parley::cli
