// Stage 2, quotes: quotation marks paired into quotations, and the kinds of quote sayso reports.
//
// Every convention is recognised: “…” ‘…’ "…" '…' «…» »…« „…“ ‚…‘ ‹…› 「…」 『…』 and ``…''.
// Straight marks are paired by context; apostrophes (don’t, Jones’, ’90s, ’Tis, rock ’n’ roll)
// never open or close a quotation. A quotation opened and not closed before its paragraph ends
// is unclosed, unless the next paragraph reopens it (the newspaper convention for a quotation
// running over several paragraphs), in which case it continues there. Pairing is linear in the
// number of marks: nesting is followed to a depth of 8.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <sayso/export.hpp>
#include <sayso/text.hpp>

SAYSO_BEGIN_NAMESPACE

/// How a quote reports what its source said (GUIDELINES.md).
enum class quote_kind : std::uint8_t {
  direct,    ///< the content is wholly inside quotation marks
  mixed,     ///< reported speech holding a quoted fragment
  indirect,  ///< reported speech without quotation marks
};

/// "direct", "mixed" or "indirect".
SAYSO_EXPORT std::string_view to_string(quote_kind kind) noexcept;

/// A stretch of text between paired quotation marks, in one paragraph.
struct quotation {
  static constexpr std::uint32_t none = UINT32_MAX;

  byte_range open_mark;     ///< the opening mark
  byte_range close_mark;    ///< the closing mark; empty when unclosed
  byte_range inner;         ///< between the marks, without surrounding white space
  std::uint32_t depth = 0;  ///< 0 for an outermost quotation, 1 inside another, ...
  std::uint32_t continues = none;  ///< index of the quotation this one continues (next paragraph)
  bool closed = true;       ///< false when the paragraph ended before a closing mark
};

/// Finds and pairs the quotation marks of `doc`, in text order of the opening marks.
/// Never throws on content. Cost: one pass over the tokens.
SAYSO_EXPORT std::vector<quotation> find_quotations(const document& doc);

SAYSO_END_NAMESPACE  // sayso::v1
