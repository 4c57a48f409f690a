#include "interop/actor_table_csv.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/input_error.hpp"

namespace parley {

namespace {
struct Field {
  std::string text;
  int column = 1;  // 1-based character column where the field starts
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Splits one line into fields (RFC 4180 quoting within the line).
std::vector<Field> split(const std::string& line, const std::string& file, int line_no) {
  std::vector<Field> out;
  std::size_t k = 0;
  while (true) {
    Field f;
    f.column = static_cast<int>(k) + 1;
    std::size_t start = k;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    if (start < line.size() && line[start] == '"') {
      std::size_t m = start + 1;
      bool closed = false;
      while (m < line.size()) {
        if (line[m] == '"') {
          if (m + 1 < line.size() && line[m + 1] == '"') {
            f.text += '"';
            m += 2;
            continue;
          }
          closed = true;
          ++m;
          break;
        }
        f.text += line[m++];
      }
      if (!closed)
        throw InputError(file, line_no, static_cast<int>(start) + 1, "field", "a closing quote",
                         "the end of the line");
      while (m < line.size() && (line[m] == ' ' || line[m] == '\t')) ++m;
      if (m < line.size() && line[m] != ',')
        throw InputError(file, line_no, static_cast<int>(m) + 1, "field",
                         "a comma after the quoted field", std::string("\"") + line[m] + "\"");
      k = m;
    } else {
      const std::size_t comma = line.find(',', k);
      f.text = trim(line.substr(k, comma == std::string::npos ? std::string::npos : comma - k));
      k = comma == std::string::npos ? line.size() : comma;
    }
    out.push_back(f);
    if (k >= line.size()) break;
    ++k;  // past the comma
  }
  return out;
}

double number(const Field& f, const std::string& header, const std::string& file, int line,
              const std::string& what) {
  double v = 0;
  const char* b = f.text.data();
  const char* e = b + f.text.size();
  const auto [ptr, ec] = std::from_chars(b, e, v);
  if (f.text.empty() || ec != std::errc() || ptr != e || !std::isfinite(v))
    throw InputError(file, line, f.column, header, what,
                     f.text.empty() ? "an empty field" : "\"" + f.text + "\"");
  return v;
}
}  // namespace

forecast::ActorTable read_actor_table_csv(const std::string& path) {
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(path, ignored))
    throw InputError(path, 0, 0, "", "an actor-table CSV file", "no file at this path");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof())
    throw InputError(path, 0, 0, "", "a readable file", "a file that cannot be read");
  return read_actor_table_csv_text(text.str(), path);
}

forecast::ActorTable read_actor_table_csv_text(const std::string& text, const std::string& name) {
  std::vector<std::pair<int, std::string>> lines;
  {
    std::istringstream in(text);
    std::string line;
    int no = 0;
    while (std::getline(in, line)) {
      ++no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a UTF-8 mark
      if (trim(line).empty()) continue;
      lines.emplace_back(no, line);
    }
  }
  if (lines.empty())
    throw InputError(name, 0, 0, "", "a header Actor,Description,Power,Pstn1,Sal1,...",
                     "an empty file");

  const auto [header_line, header_text] = lines.front();
  const std::vector<Field> header = split(header_text, name, header_line);
  const char* fixed[] = {"actor", "description", "power"};
  for (int c = 0; c < 3; ++c)
    if (static_cast<int>(header.size()) <= c || lower(header[c].text) != fixed[c])
      throw InputError(name, header_line,
                       c < static_cast<int>(header.size()) ? header[c].column : 1, "header",
                       std::string("the column \"") +
                           (c == 0   ? "Actor"
                            : c == 1 ? "Description"
                                     : "Power") +
                           "\"",
                       c < static_cast<int>(header.size()) ? "\"" + header[c].text + "\""
                                                           : "the end of the header");
  const std::size_t dims = (header.size() - 3) / 2;
  if (dims == 0 || (header.size() - 3) % 2 != 0)
    throw InputError(
        name, header_line, header.back().column, "header",
        "pairs of columns Pstn<k>,Sal<k> after Power",
        std::to_string(header.size() - 3) + " column" + (header.size() - 3 == 1 ? "" : "s"));
  for (std::size_t d = 0; d < dims; ++d) {
    const std::string k = std::to_string(d + 1);
    const Field& p = header[3 + 2 * d];
    const Field& s = header[4 + 2 * d];
    if (lower(p.text) != "pstn" + k && lower(p.text) != "pos" + k)
      throw InputError(name, header_line, p.column, "header", "the column \"Pstn" + k + "\"",
                       "\"" + p.text + "\"");
    if (lower(s.text) != "sal" + k)
      throw InputError(name, header_line, s.column, "header", "the column \"Sal" + k + "\"",
                       "\"" + s.text + "\"");
  }

  forecast::ActorTable t;
  for (std::size_t d = 0; d < dims; ++d) {
    forecast::PolicyDimension dim;
    dim.id = "dimension" + std::to_string(d + 1);
    dim.name = "Dimension " + std::to_string(d + 1);
    t.dimensions.push_back(dim);
  }
  for (std::size_t r = 1; r < lines.size(); ++r) {
    const auto& [no, text_line] = lines[r];
    const std::vector<Field> f = split(text_line, name, no);
    if (f.size() != header.size())
      throw InputError(name, no, f.back().column, "row",
                       std::to_string(header.size()) + " fields, as in the header",
                       std::to_string(f.size()));
    forecast::Stakeholder a;
    a.id = a.name = f[0].text;
    if (a.name.empty())
      throw InputError(name, no, f[0].column, "Actor", "a name", "an empty field");
    for (const forecast::Stakeholder& other : t.actors)
      if (other.name == a.name)
        throw InputError(name, no, f[0].column, "Actor", "a name not used before",
                         "\"" + a.name + "\", used twice");
    a.description = f[1].text;
    a.capability = number(f[2], header[2].text, name, no, "a positive number");
    if (!(a.capability > 0))
      throw InputError(name, no, f[2].column, header[2].text, "a positive number", f[2].text);
    for (std::size_t d = 0; d < dims; ++d) {
      const Field& p = f[3 + 2 * d];
      const Field& s = f[4 + 2 * d];
      a.positions.push_back(number(p, header[3 + 2 * d].text, name, no, "a number"));
      const double sal =
          number(s, header[4 + 2 * d].text, name, no, "a salience from 0 to 100 (per cent)");
      if (sal < 0 || sal > 100)
        throw InputError(name, no, s.column, header[4 + 2 * d].text,
                         "a salience from 0 to 100 (per cent)", s.text);
      a.saliences.push_back(sal / 100.0);
    }
    t.actors.push_back(std::move(a));
  }
  if (t.actors.size() < 2)
    throw InputError(name, lines.back().first, 1, "rows", "at least two actors",
                     std::to_string(t.actors.size()));
  for (std::size_t d = 0; d < dims; ++d) {
    double lo = t.actors[0].positions[d], hi = lo;
    for (const auto& a : t.actors) {
      lo = std::min(lo, a.positions[d]);
      hi = std::max(hi, a.positions[d]);
    }
    if (!(hi > lo))
      throw InputError(name, header_line, header[3 + 2 * d].column, header[3 + 2 * d].text,
                       "positions that differ (the scale is their range)",
                       "every actor at one position");
    t.dimensions[d].low = lo;
    t.dimensions[d].high = hi;
  }
  t.source = name;
  return t;
}

}  // namespace parley
