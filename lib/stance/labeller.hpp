// Internal: stance of a quote's speaker on the terms its content mentions.
#pragma once

#include <string_view>
#include <vector>

#include <sayso/stance.hpp>

#include "attribution/attributor.hpp"
#include "stance/compiled.hpp"

namespace sayso::detail {

/// Appends to `out` one stance per term that quote `q` concerns, held by `speaker`.
void label_stances(std::string_view text, const term_lexicon::compiled& terms, const raw_quote& q,
                   entity_id speaker, std::vector<stance>& out);

}  // namespace sayso::detail
