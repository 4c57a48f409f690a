#include "engine/format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace parley {

std::string format_thousands(long long value) {
  std::string digits = std::to_string(std::llabs(value));
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[static_cast<std::size_t>(i)];
  }
  return value < 0 ? "-" + out : out;
}

std::string format_number(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string format_amount(double value) {
  if (!std::isfinite(value)) return value != value ? "-" : (value > 0 ? "inf" : "-inf");
  const double a = std::abs(value);
  // Rounded first, so 999.7 reads "1,000" and not "1000".
  if (a >= 999.5) return format_thousands(std::llround(value));
  if (a > 0 && a < 0.0001) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);  // 1.3e-07 and 1.04e-06, not 0
    return buffer;
  }
  if (a >= 99.95) return format_number(value, 0);
  if (a >= 9.995) return format_number(value, 1);
  if (a >= 0.9995) return format_number(value, 2);
  // Three significant digits below 1: 0.765, 0.0765, 0.00765.
  const int digits = a == 0 ? 0 : 2 - static_cast<int>(std::floor(std::log10(a)));
  return format_number(value, digits);
}

std::string format_quantity(double value, const std::string& unit) {
  std::string out = format_amount(value);
  if (!unit.empty()) out += " " + unit;
  return out;
}

std::string format_count(long long n, const std::string& singular, const std::string& plural) {
  const std::string& noun = n == 1 ? singular : (plural.empty() ? singular + "s" : plural);
  std::string out = format_thousands(n);
  out += " ";
  out += noun;
  return out;
}

std::string format_utility(double value) {
  return format_number(value, 3);
}

std::string format_percent(double share) {
  if (share != share) return "-";
  const double p = 100.0 * share;
  if (p > 0 && p < 0.05) return "<0.1%";
  if (p < 100 && p >= 99.95) return ">99.9%";
  std::string out = format_number(p, 1);
  out += "%";
  return out;
}

std::string format_percent_interval(double low, double high) {
  // Appended piece by piece: GCC 12's -Wrestrict misreads "[" + std::string&&.
  std::string out = "[";
  out += format_percent(low);
  out += ", ";
  out += format_percent(high);
  out += "]";
  return out;
}

std::string format_share(double share, double low, double high) {
  std::string out = format_percent(share);
  out += " ";
  out += format_percent_interval(low, high);
  return out;
}

std::string format_legend(const std::vector<std::pair<std::string, std::string>>& ids_and_names) {
  std::string out;
  for (const auto& [id, name] : ids_and_names) {
    if (!out.empty()) out += "; ";
    out += id;
    if (id != name && !name.empty()) {
      out += " = ";
      out += name;
    }
  }
  return out;
}

}  // namespace parley
