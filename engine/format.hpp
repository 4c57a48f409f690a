#pragma once
#include <string>

namespace parley {

// 6000 -> "6,000": how people write counts of prisoners and bodies.
std::string format_thousands(long long value);
// Shortest fixed notation with at most `digits` decimals, trailing zeros removed: 0.5, 0.5263.
std::string format_number(double value, int digits);

}  // namespace parley
