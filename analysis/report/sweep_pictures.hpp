#pragma once
#include <nlohmann/json.hpp>

#include "analysis/charts/report_page.hpp"

namespace parley {

// The pictures of a sweep, drawn from its summary.json (docs/sweep.md) alone: agreement per
// track with its 95% Wilson interval, survival curves of the round of agreement, the agreed
// terms, each party's utility and costs, how often history was matched, and what drives each
// outcome. Each block of summary.json is drawn by one function (sweep_pictures.cpp, kBlocks);
// a block the summary lacks draws nothing. Throws std::invalid_argument when the JSON is not a
// parley summary.
ReportPage sweep_pictures(const nlohmann::json& summary);

}  // namespace parley
