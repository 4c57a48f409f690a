#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Small helpers that phrase the "expected X, found Y" parts of InputError messages the same
// way everywhere (JSON syntax, schema and semantic errors).

// `text` in double quotes with JSON escapes, cut to 40 characters: "Share of the pie".
std::string quote(std::string_view text);
// "a", "b", "c" — each quoted, comma separated.
std::string quoted_list(const std::vector<std::string>& items);
// a, b, c — comma separated as they are (for ids).
std::string plain_list(const std::vector<std::string>& items);
// The candidate closest to `word` by edit distance when it is a likely typo, else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// `found` followed by ` (did you mean "x"?)` when one of the candidates is a likely typo fix.
std::string with_suggestion(std::string found, std::string_view word,
                            const std::vector<std::string>& candidates);
// "1 item", "3 items", "none".
std::string count_of(std::size_t n, std::string_view singular, std::string_view plural);

}  // namespace parley
