// Internal: the quotations no cue attributed, taken up after all units are read.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "attribution/claims.hpp"
#include "attribution/frames.hpp"

namespace sayso::detail {

/// Quotations without a cue of their own, in text order: pieces of a multi-paragraph quotation
/// join the quote holding one of them; then each free quotation is attributed by a colon or a
/// dash, continues the previous quote (“A,” he said. “B.”), or floats, taking the speaker of the
/// quote before it; short fragments with none of these are scare quotes or titles. Linear in the
/// document (quotes are found through sorted indexes of their first tokens). One per document.
class leftover_pass {
 public:
  leftover_pass(const punctuation_frame& punctuation, const std::vector<unit>& units, claims& found)
      : r_(punctuation), punctuation_(punctuation), units_(units), found_(found) {}
  void run();

 private:
  void join_pieces();
  void index_quote_starts();
  [[nodiscard]] std::uint32_t last_quote_before(std::uint32_t t, bool direct_only = false);
  [[nodiscard]] std::uint32_t last_quote_before_scan(std::uint32_t t, bool direct_only) const;
  [[nodiscard]] bool nothing_between(std::uint32_t qi, const unit& u, std::uint32_t open) const;

  const reader& r_;
  const punctuation_frame& punctuation_;
  const std::vector<unit>& units_;
  claims& found_;
  // (first token, quote index) pairs, sorted; the quotes from indexed_ on are not in them, and
  // are checked up to checked_: last_quote_before.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> starts_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> direct_starts_;
  std::uint32_t indexed_ = npos;
  std::uint32_t checked_ = 0;
};

}  // namespace sayso::detail
