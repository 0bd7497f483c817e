// Internal: resolves speaker mentions to document entities.
#pragma once

#include <vector>

#include <sayso/analysis.hpp>
#include <sayso/entities.hpp>
#include <sayso/text.hpp>

#include "attribution/attributor.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail {

struct resolution {
  std::vector<entity> entities;
  std::vector<entity_id> speakers;  // per raw quote: its speaker's entity, or no_entity
  // Per raw quote: its source is no speaker ("history teaches", "the data show"; GUIDELINES.md:
  // a speaker is a person, group, organisation, state or document), so it is no quote.
  std::vector<bool> not_quotes;
};

/// Finds the people and organisations the document names, then resolves each quote's source
/// mention (name, short name, title, description, pronoun) to one of them, creating anonymous
/// and group entities for unnamed sources. Floating quotes take the speaker of the quote they
/// continue. `words` is the lexicon that gave `info` its word classes.
resolution resolve_speakers(const document& doc, const std::vector<token_info>& info, const lexicon& words,
                            const std::vector<quotation>& quotations,
                            const std::vector<raw_quote>& quotes);

}  // namespace sayso::detail
