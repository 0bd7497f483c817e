// Internal: resolves speaker mentions to document entities.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <sayso/analysis.hpp>
#include <sayso/entities.hpp>
#include <sayso/text.hpp>

#include "attribution/attributor.hpp"
#include "quotes/quotation_index.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail {

struct resolution {
  std::vector<entity> entities;
  std::vector<entity_id> speakers;  // per quote: its speaker's entity, or no_entity
  // Per quote: the speaker as the analysis reports it (the mention of the quote's source, or of
  // the source of the quote a floating quote continues), and its cue (a floating quote's: that
  // of the attribution it continues).
  std::vector<std::optional<speaker_mention>> speaker_mentions;
  std::vector<std::optional<reporting_cue>> cues;
  // Per quote: its source is no speaker ("history teaches", "the data show"; GUIDELINES.md:
  // a speaker is a person, group, organisation, state or document), so it is no quote.
  std::vector<bool> not_quotes;
};

/// Finds the people and organisations the document names, then resolves each quote's source
/// mention (name, short name, title, description, pronoun) to one of them, creating anonymous
/// and group entities for unnamed sources. Floating quotes take the speaker of the quote they
/// continue. `words` is the lexicon that gave `info` its word classes.
resolution resolve_speakers(const document& doc, const std::vector<token_info>& info, const lexicon& words,
                            const quotation_index& quotations, const std::vector<attributed_quote>& quotes);

/// The entity for a party a quote reports on ("Russia"), found among `entities` by name or added
/// as an organisation.
entity_id party_entity(std::vector<entity>& entities, std::string_view text, byte_range mention);

}  // namespace sayso::detail
