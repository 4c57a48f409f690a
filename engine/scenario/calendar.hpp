#pragma once
#include <string>

namespace parley {

// A civil date, for the round clock.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // Parses "YYYY-MM-DD"; returns false on anything else (including impossible dates).
  static bool parse(const std::string& text, Date& out);
  std::string to_string() const;
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  Date plus_days(long days) const { return from_days_since_epoch(days_since_epoch() + days); }
};

// The round clock: round t begins on start + t * days_per_round.
struct RoundClock {
  Date start;
  int days_per_round = 1;
  std::string round_name = "day";  // what one round means to people: "day", "week", "session"

  Date date_of(int round) const {
    return start.plus_days(static_cast<long>(round) * days_per_round);
  }
};

}  // namespace parley
