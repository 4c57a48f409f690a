#pragma once
// The bounds of a battlefield's parameters that more than one reader enforces: a file's
// world.battlefield (the schema), a varied parameter (engine/scenario/parameter_slot.cpp) and the
// change_odds event.

namespace parley {

// The smallest decisive_probability (d): below it the value of fighting on is a near-singular
// linear system (docs/world.md). The schema's "minimum" is the same number.
inline constexpr double kMinDecisiveProbability = 1e-6;

}  // namespace parley
