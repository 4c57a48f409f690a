#pragma once
#include <string>
#include <vector>

namespace parley {

// A line split into words at white space, with "double" or 'single' quotes grouping words that
// hold spaces (the quotes themselves dropped): what a person types for a deal at a terminal
// (repatriation="neutral commission") and a program's command after --agent ...,cmd=.
// `unclosed` (if given) receives the quote left open at the end of the line, or 0.
std::vector<std::string> split_quoted_words(const std::string& line, char* unclosed = nullptr);

}  // namespace parley
