#include "engine/load/block_reader.hpp"

#include <algorithm>
#include <cmath>

#include "engine/load/message_text.hpp"
#include "engine/load/text_pattern.hpp"

namespace parley {

std::string BlockReader::text(const std::string& p, std::string fallback) const {
  return has(p) ? at(p).get<std::string>() : fallback;
}

double BlockReader::number(const std::string& p, double fallback) const {
  return has(p) ? at(p).get<double>() : fallback;
}

void BlockReader::fail(const std::string& p, std::string expected, std::string found) const {
  throw doc_.error(p, std::move(expected), std::move(found));
}

void BlockReader::fail_key(const std::string& p, std::string expected, std::string found) const {
  throw doc_.key_error(p, std::move(expected), std::move(found));
}

int BlockReader::find(const std::string& p, const std::vector<std::string>& ids,
                      const char* what) const {
  const std::string id = at(p).get<std::string>();
  const auto it = std::find(ids.begin(), ids.end(), id);
  if (it != ids.end()) return static_cast<int>(it - ids.begin());
  const std::string known =
      ids.empty() ? std::string("(none are declared)") : "(known: " + plain_list(ids) + ")";
  fail(p, std::string("the id of ") + what + " " + known, with_suggestion(quote(id), id, ids));
}

int BlockReader::track(const std::string& p) const {
  std::vector<std::string> ids;
  for (const Track& t : s_.tracks) ids.push_back(t.id);
  return find(p, ids, "a track");
}

int BlockReader::party(const std::string& p) const {
  std::vector<std::string> ids;
  for (const Party& q : s_.parties) ids.push_back(q.id);
  return find(p, ids, "a party");
}

int BlockReader::mediator(const std::string& p) const {
  std::vector<std::string> ids;
  for (const Mediator& m : s_.mediators) ids.push_back(m.id);
  return find(p, ids, "a mediator");
}

int BlockReader::lever(const std::string& p) const {
  std::vector<std::string> ids;
  for (const PressureLever& l : s_.world.pressure) ids.push_back(l.id);
  return find(p, ids, "a pressure lever in /world/pressure");
}

void BlockReader::check_source(const std::string& p) const {
  if (!has(p) || s_.meta.sources.empty()) return;
  const std::string source = at(p).get<std::string>();
  std::vector<std::string> ids;
  for (const Source& src : s_.meta.sources) ids.push_back(src.id);
  if (is_id(source) && std::find(ids.begin(), ids.end(), source) == ids.end())
    fail(p,
         "the id of a source in /meta/sources (known: " + plain_list(ids) +
             ") or a citation in words",
         with_suggestion(quote(source), source, ids));
}

int BlockReader::round_of_date(const RoundClock& clock, const Date& date) {
  const long days = date.days_since_epoch() - clock.start.days_since_epoch();
  return static_cast<int>(std::floor(static_cast<double>(days) / clock.days_per_round));
}

int BlockReader::round_of(const std::string& p) const {
  const nlohmann::json& v = at(p);
  if (v.is_number_integer()) {
    const auto round = v.get<long long>();
    if (round < 0) fail(p, "a round >= 0 or a date", doc_.literal(p));
    return static_cast<int>(round);
  }
  Date date;
  if (!v.is_string() || !Date::parse(v.get<std::string>(), date))
    fail(p, "a round (integer) or a real calendar date, YYYY-MM-DD", doc_.literal(p));
  if (date.days_since_epoch() < s_.clock.start.days_since_epoch())
    fail(p, "a date on or after the clock's start, " + s_.clock.start.to_string(), doc_.literal(p));
  return round_of_date(s_.clock, date);
}

}  // namespace parley
