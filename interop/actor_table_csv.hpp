#pragma once
#include <string>

#include "engine/forecast/actor_table.hpp"

namespace parley {

// The actor table as forecasting tools commonly exchange it (Bueno de Mesquita's tables, the
// KAPSARC Toolkit for Behavioral Analysis): a CSV file whose header is
//   Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,...
// one row per actor: its name, a description, its capability, and per dimension a position and
// a salience in per cent (0 to 100, read as 0 to 1). Header names match without regard to case;
// fields may be quoted ("a, b" and "" for a quote). Each dimension's scale is the range of the
// positions in the file, as in Scholz, Calbert & Smith (2011); a file whose actors all stand at
// one position on a dimension needs a scale and is refused. Blank lines are skipped.
// Errors are InputError naming the file, line and column and the column's header.
forecast::ActorTable read_actor_table_csv(const std::string& path);
forecast::ActorTable read_actor_table_csv_text(const std::string& text, const std::string& name);

}  // namespace parley
