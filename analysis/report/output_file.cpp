#include "analysis/report/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace parley::cli {

namespace {

// The file a symbolic link names (one level, relative to the link's folder), or `path` itself.
std::string follow_link(const std::string& path) {
  std::error_code error;
  const std::filesystem::path link(path);
  if (!std::filesystem::is_symlink(std::filesystem::symlink_status(link, error))) return path;
  const std::filesystem::path canonical = std::filesystem::canonical(link, error);
  if (!error) return canonical.string();
  std::filesystem::path named = std::filesystem::read_symlink(link, error);  // dangling
  if (error) return path;
  if (named.is_relative()) named = link.parent_path() / named;
  return named.string();
}

// Makes a rename in `folder` durable; a file system that cannot sync folders is no error.
void sync_folder(const std::string& file) {
  std::filesystem::path folder = std::filesystem::path(file).parent_path();
  if (folder.empty()) folder = std::filesystem::current_path();
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

bool OutputFile::Buffer::write_all(const char* data, std::size_t size) {
  while (size > 0 && error_ == 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
    } else if (n == 0) {
      error_ = EIO;
    } else {
      data += n;
      size -= static_cast<std::size_t>(n);
    }
  }
  return error_ == 0;
}

bool OutputFile::Buffer::flush_all() {
  if (!started_) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    started_ = true;
    return error_ == 0;
  }
  const auto size = static_cast<std::size_t>(pptr() - pbase());
  const bool ok = write_all(pbase(), size);
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return ok;
}

OutputFile::Buffer::int_type OutputFile::Buffer::overflow(int_type c) {
  if (!flush_all()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize OutputFile::Buffer::xsputn(const char* s, std::streamsize n) {
  if (!started_) flush_all();
  if (n <= epptr() - pptr()) {
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  if (!flush_all() || !write_all(s, static_cast<std::size_t>(n))) return 0;
  return n;
}

OutputFile::OutputFile(std::string path)
    : path_(std::move(path)), target_(follow_link(path_)), stream_(&buffer_) {
  struct stat existing {};
  const bool exists = ::stat(target_.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) fail("it is a folder", 0);
  if (exists && !S_ISREG(existing.st_mode)) {
    // A device, FIFO or socket: written in place (O_TRUNC would mean nothing to it).
    fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) fail("", errno);
  } else {
    partial_ = target_ + ".partial";
    // Whatever a crash left under the partial name goes; O_EXCL with O_NOFOLLOW then makes
    // sure the data lands in a new regular file, never through a link or into a device.
    ::unlink(partial_.c_str());
    fd_ = ::open(partial_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd_ < 0) fail("", errno);
    if (exists) ::fchmod(fd_, existing.st_mode & 07777);  // the replacement keeps the mode
  }
  buffer_.attach(fd_);
}

OutputFile::~OutputFile() {
  if (committed_) return;
  if (fd_ >= 0) ::close(fd_);
  if (!partial_.empty() && !keep_partial_) ::unlink(partial_.c_str());
}

std::string OutputFile::partial_path_for(const std::string& path) {
  const std::string target = follow_link(path);
  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) return "";
  return target + ".partial";
}

void OutputFile::fail(const std::string& what, int error) {
  std::string message = "cannot write " + path_;
  if (target_ != path_) message += " (" + target_ + ")";
  message += ": " + (error != 0 ? std::string(std::strerror(error)) : what);
  if (!partial_.empty() && std::filesystem::exists(target_))
    message += "; the previous " + target_ + " is unchanged";
  throw std::runtime_error(message);
}

void OutputFile::flush_to_disk() {
  if (!buffer_.flush_all() || buffer_.error() != 0) fail("", buffer_.error());
  if (!stream_) fail("the output stream failed", 0);
  if (!partial_.empty() && ::fsync(fd_) != 0) fail("", errno);
}

void OutputFile::commit() {
  if (!buffer_.flush_all() || buffer_.error() != 0) fail("", buffer_.error());
  if (!stream_) fail("the output stream failed", 0);
  if (!partial_.empty() && ::fsync(fd_) != 0) fail("", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("", errno);
  if (partial_.empty()) {
    committed_ = true;
    return;
  }
  if (std::rename(partial_.c_str(), target_.c_str()) != 0) fail("", errno);
  committed_ = true;
  sync_folder(target_);
}

}  // namespace parley::cli
