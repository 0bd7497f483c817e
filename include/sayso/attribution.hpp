// Stage 3, attribution: the cue that reports a quote and the mention of its source.
#pragma once

#include <cstdint>
#include <string_view>

#include <sayso/export.hpp>
#include <sayso/text.hpp>

SAYSO_BEGIN_NAMESPACE

/// What kind of cue reports a quote.
enum class cue_kind : std::uint8_t {
  verb,    ///< a reporting verb: "said", "told", "insisted", "called for"
  phrase,  ///< a phrase: "according to"
  colon,   ///< "X: “...”"
  dash,    ///< "“...” — X"
};

/// "verb", "phrase", "colon" or "dash".
SAYSO_EXPORT std::string_view to_string(cue_kind kind) noexcept;

/// The words that report a quote ("said", "according to", ":").
struct reporting_cue {
  byte_range range;
  cue_kind kind = cue_kind::verb;
};

/// Index of an entity in analysis::entities, or no_entity.
using entity_id = std::uint32_t;
inline constexpr entity_id no_entity = UINT32_MAX;

/// Who a quote is attributed to: the mention in the text ("he", "one senior U.S. official",
/// "Russian Foreign Minister Sergei Lavrov") and the entity it resolves to.
struct speaker_mention {
  byte_range mention;        ///< may be empty when the speaker comes from context (floating quote)
  entity_id entity = no_entity;
};

SAYSO_END_NAMESPACE  // sayso::v1
