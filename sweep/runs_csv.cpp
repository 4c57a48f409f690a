#include "sweep/runs_csv.hpp"

#include <charconv>
#include <cmath>

namespace parley {

namespace {

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The shortest text that reads back to the same double.
void append_number(std::string& out, double x) {
  if (!std::isfinite(x)) {
    out += std::isnan(x) ? "NaN" : (x > 0 ? "Inf" : "-Inf");
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  out.append(buffer, result.ptr);
}

void append_integer(std::string& out, std::uint64_t x) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  out.append(buffer, result.ptr);
}

}  // namespace

std::string runs_csv_header(const SweepLayout& layout) {
  std::string out = "run";
  for (const auto& p : layout.parameters) out.append(",").append(quoted(p.pointer));
  for (const auto& t : layout.tracks) {
    out.append(",").append(quoted(t.id + ".status"));
    out.append(",").append(quoted(t.id + ".round"));
    for (const auto& i : t.issues) out.append(",").append(quoted(t.id + "." + i.id));
  }
  for (const auto& p : layout.parties) {
    out.append(",").append(quoted(p.id + ".utility"));
    out.append(",").append(quoted(p.id + ".costs"));
  }
  return out + "\n";
}

void append_runs_csv_row(std::string& out, const SweepLayout& layout, std::uint64_t run,
                         const double* drawn, const RunResult& result) {
  append_integer(out, run);
  for (std::size_t j = 0; j < layout.parameters.size(); ++j) {
    out += ',';
    append_number(out, drawn[j]);
  }
  for (std::size_t t = 0; t < layout.tracks.size(); ++t) {
    const TrackResult& track = result.tracks[t];
    out += ',';
    out += to_string(track.status);
    out += ',';
    append_integer(out, static_cast<std::uint64_t>(std::max(track.round, 0)));
    const bool agreed = track.status == TrackStatus::Agreed;
    for (std::size_t k = 0; k < layout.tracks[t].issues.size(); ++k) {
      out += ',';
      if (agreed) append_number(out, track.deal.values[k]);
    }
  }
  for (const PartyResult& party : result.parties) {
    out += ',';
    append_number(out, party.utility);
    out += ',';
    append_number(out, party.costs);
  }
  out += '\n';
}

}  // namespace parley
