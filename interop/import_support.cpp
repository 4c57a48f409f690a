#include "interop/import_support.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include "engine/input_error.hpp"

namespace parley {

std::string ImportAgents::model_for(int party, int parties, const std::string& source) const {
  if (models.size() == 1) return models.front();
  if (static_cast<int>(models.size()) == parties) return models[static_cast<std::size_t>(party)];
  throw InputError(source, 0, 0, "",
                   "one --agent for every party or " + std::to_string(parties) + " (one each)",
                   std::to_string(models.size()));
}

std::string make_id(const std::string& name, std::set<std::string>& taken,
                    const std::string& fallback) {
  std::string id;
  bool gap = false;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '_' || c == '-') {
      if (gap && !id.empty()) id += '_';
      id += c;
      gap = false;
    } else {
      gap = true;  // spaces, punctuation and non-ASCII letters become one '_'
    }
  }
  if (id.empty()) id = fallback;
  if (id.size() > 80) id.resize(80);  // the schema allows 100 characters; room for "_2"
  if (!std::isalpha(static_cast<unsigned char>(id.front()))) id = "i" + id;
  std::string unique = id;
  for (int n = 2; taken.count(unique) != 0; ++n) unique = id + "_" + std::to_string(n);
  taken.insert(unique);
  return unique;
}

std::string shortest_decimal(double x) {
  std::array<char, 64> buffer{};
  const auto [end, problem] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  (void)problem;  // 64 characters always hold a double
  return std::string(buffer.data(), end);
}

}  // namespace parley
