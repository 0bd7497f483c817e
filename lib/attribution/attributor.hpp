// Internal: finds quotes (direct, mixed, indirect) with their cues and source mentions.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <sayso/attribution.hpp>
#include <sayso/quotes.hpp>
#include <sayso/text.hpp>

#include "text/lexicon.hpp"
#include "text/token_view.hpp"

namespace sayso::detail {

/// A quote before entity resolution.
struct raw_quote {
  quote_kind kind = quote_kind::direct;
  std::vector<byte_range> spans;
  std::optional<reporting_cue> cue;
  std::uint32_t cue_first = npos;  // cue tokens [cue_first, cue_end)
  std::uint32_t cue_end = npos;
  std::uint16_t lemma = 0;
  cue_type type = cue_type::speech;
  std::uint32_t source_first = npos;  // source mention tokens [source_first, source_end)
  std::uint32_t source_end = npos;
  std::uint32_t first_token = 0;  // first token of the content
  std::uint32_t paragraph = 0;
  std::uint32_t speaker_from = npos;  // floating quote: index of the quote whose speaker it takes
  bool belief = false;
  bool closed = true;
  float confidence = 0.5F;
};

struct attribution_input {
  const document& doc;
  const std::vector<token_info>& info;
  const lexicon& lex;
  const std::vector<quotation>& quotations;
  bool beliefs = true;
};

/// Finds the document's quotes, in text order.
std::vector<raw_quote> attribute(const attribution_input& in);

}  // namespace sayso::detail
