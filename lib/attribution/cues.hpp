// Internal: the reporting cues of a unit, found through the lexicon and filtered of the uses
// of cue words that are not reports (nouns, infinitives, adjectives, names, predictions).
#pragma once

#include <vector>

#include "attribution/reader.hpp"

namespace sayso::detail {

/// Appends to `hits` (cleared first) the cues of unit `u` outside quotations, in text order: at
/// each word, the longest lexicon form that matches and passes every filter of cue_filter.cpp.
/// Cost: one look-up per cue word, and a few token comparisons per candidate.
void find_cues(const reader& r, const unit& u, std::vector<cue_hit>& hits);

}  // namespace sayso::detail
