#pragma once
#include <string>
#include <utility>
#include <vector>

namespace parley {

// The house style of every text parley prints (docs/output.md, "How text output is written"):
// numbers with thousands separators and digits by size, a unit beside every quantity, shares in
// percent with their intervals in percent too, short party ids with a legend, one word per thing.
// Every text report (run, summary, analyze, agents, forecast, tournament, warnings) uses these.

// 6000 -> "6,000": how people write counts of prisoners and bodies.
std::string format_thousands(long long value);
// Shortest fixed notation with at most `digits` decimals, trailing zeros removed: 0.5, 0.5263.
std::string format_number(double value, int digits);

// A measured amount with digits by size: 57,651 (thousands separated from 1,000 up), 765,
// 76.5, 7.65, 0.765, 0.0765 (three significant digits below 1), 1.04e-06 below 0.0001.
std::string format_amount(double value);
// An amount and its unit: "57,651 people", "7.65 $bn". A count of one takes the singular only
// when the caller gives it (format_count).
std::string format_quantity(double value, const std::string& unit);
// A whole count with its noun, singular or plural: "1 run", "2,000 runs", "3 days".
std::string format_count(long long n, const std::string& singular, const std::string& plural = "");
// A utility (0..1 on a party's own scale): three decimals at most, "0.654", "1", "-0.05".
std::string format_utility(double value);
// A share (0..1) in percent with one decimal: "83.2%", "0%", "100%"; shares that would round to
// 0% or 100% without being so read "<0.1%" and ">99.9%".
std::string format_percent(double share);
// A 95% interval of a share, in percent like the share: "[82.9%, 83.5%]".
std::string format_percent_interval(double low, double high);
// The share and its interval: "83.2% [82.9%, 83.5%]".
std::string format_share(double share, double low, double high);
// "RU = Russia; UA = Ukraine": the legend that lets tables use short party ids.
std::string format_legend(const std::vector<std::pair<std::string, std::string>>& ids_and_names);

}  // namespace parley
