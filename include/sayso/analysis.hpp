// The result of analysing one document: its quotes and the entities that speak them.
#pragma once

#include <optional>
#include <vector>

#include <sayso/attribution.hpp>
#include <sayso/entities.hpp>
#include <sayso/export.hpp>
#include <sayso/quotes.hpp>
#include <sayso/stance.hpp>
#include <sayso/text.hpp>

SAYSO_BEGIN_NAMESPACE

/// One quote: what was said (content spans), how (kind, cue), by whom (speaker) and where the
/// speaker stands (stances). All ranges are byte ranges into the analysed text.
struct quote {
  quote_kind kind = quote_kind::direct;
  /// The content, quotation marks and surrounding space excluded. Several spans when the
  /// attribution interrupts the quotation (“A,” he said, “B.”) or it runs over paragraphs.
  std::vector<byte_range> content;
  /// The words that report it. A floating quote (no attribution of its own, continuing the
  /// previous speaker's words) carries the cue and speaker mention of the quote it continues.
  std::optional<reporting_cue> cue;
  std::optional<speaker_mention> speaker;  ///< absent when no source can be found
  std::vector<stance> stances;             ///< one per term the quote concerns (and holder)
  bool closed = true;   ///< false when a quotation mark was never closed
  bool belief = false;  ///< an attributed belief or intention ("X believes ...")
  float confidence = 0.0F;  ///< in [0, 1]: how sure the extractor is this is a quote
};

/// Everything found in one document.
struct analysis {
  std::vector<quote> quotes;      ///< in text order of their first span
  std::vector<entity> entities;   ///< speakers and the entities they refer to
};

SAYSO_END_NAMESPACE  // sayso::v1
