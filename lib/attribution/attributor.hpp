// Internal: finds quotes (direct, mixed, indirect) with their cues and source mentions, and hands
// them to speaker resolution and stance as attributed_quote.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <sayso/attribution.hpp>
#include <sayso/quotes.hpp>
#include <sayso/text.hpp>

#include "quotes/quotation_index.hpp"
#include "text/lexicon.hpp"
#include "text/token_view.hpp"

namespace sayso::detail {

/// A quote as attribution hands it on: what was said, by which cue, and the tokens that name the
/// source (speaker resolution turns them into an entity). Plain data; the attributor's working
/// state (cue tokens, the quotations each quote holds) stays behind.
struct attributed_quote {
  quote_kind kind = quote_kind::direct;
  std::vector<byte_range> spans;     // the content, in text order
  std::optional<reporting_cue> cue;  // none for a quotation that continues an attribution
  cue_type type = cue_type::speech;  // how the cue takes its content (an act: "called for …")
  std::optional<token_span> source;  // the source mention, when the text names one here
  std::uint32_t paragraph = 0;
  // A floating quote (a quotation after an attributed one, without a cue of its own): the index
  // of the earlier quote whose speaker it takes, or npos.
  std::uint32_t continues = npos;
  bool belief = false;
  bool closed = true;
  float confidence = 0.5F;
};

struct attribution_input {
  const document& doc;
  const std::vector<token_info>& info;
  const lexicon& lex;
  const quotation_index& quotations;
  bool beliefs = true;
};

/// Finds the document's quotes, in text order. Cost: linear in the document (each rule reads a
/// bounded stretch around a cue); per-call memory only.
std::vector<attributed_quote> attribute(const attribution_input& in);

}  // namespace sayso::detail
