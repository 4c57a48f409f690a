#pragma once
#include <string>
#include <string_view>

namespace parley {

// A secret that names one seat of a classroom, or the instructor: 160 bits from the kernel's
// random source (/dev/urandom), written as 40 lowercase hex digits. Unguessable, so a join
// link can carry it and nothing else identifies the seat.
std::string new_token();

// Are the two the same token? Compares every character whatever the first difference, so the
// time taken says nothing about how much of a guess was right.
bool same_token(std::string_view a, std::string_view b);

// Is `text` shaped like a token (40 lowercase hex digits)?
bool looks_like_token(std::string_view text);

}  // namespace parley
