#include "mpi/messages.hpp"

#include <cstring>
#include <limits>

namespace parley::mpi {

namespace {

void check(int code, const char* what) {
  if (code == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  throw MpiError(std::string(what) + ": " + std::string(text, static_cast<std::size_t>(length)));
}

Message receive_probed(const MPI_Status& status) {
  int count = 0;
  check(MPI_Get_count(&status, MPI_BYTE, &count), "MPI_Get_count");
  Message message{status.MPI_SOURCE, status.MPI_TAG,
                  std::string(static_cast<std::size_t>(count), '\0')};
  check(MPI_Recv(message.bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG,
                 MPI_COMM_WORLD, MPI_STATUS_IGNORE),
        "MPI_Recv");
  return message;
}

}  // namespace

void send(int destination, Tag tag, const std::string& bytes) {
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw MpiError("a message of " + std::to_string(bytes.size()) + " bytes is too long for MPI");
  check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, destination, tag,
                 MPI_COMM_WORLD),
        "MPI_Send");
}

std::optional<Message> try_receive(int source) {
  int flag = 0;
  MPI_Status status;
  check(MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status), "MPI_Iprobe");
  if (flag == 0) return std::nullopt;
  return receive_probed(status);
}

Message receive(int source) {
  MPI_Status status;
  check(MPI_Probe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &status), "MPI_Probe");
  return receive_probed(status);
}

std::string encode_counts(const std::vector<std::uint64_t>& counts) {
  std::string bytes(counts.size() * sizeof(std::uint64_t), '\0');
  if (!counts.empty()) std::memcpy(bytes.data(), counts.data(), bytes.size());
  return bytes;
}

std::vector<std::uint64_t> decode_counts(const std::string& bytes) {
  if (bytes.size() % sizeof(std::uint64_t) != 0)
    throw MpiError("a list of blocks of " + std::to_string(bytes.size()) + " bytes");
  std::vector<std::uint64_t> counts(bytes.size() / sizeof(std::uint64_t));
  if (!counts.empty()) std::memcpy(counts.data(), bytes.data(), bytes.size());
  return counts;
}

}  // namespace parley::mpi
