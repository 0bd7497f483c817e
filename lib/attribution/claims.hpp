// Internal: the quotes a document's frames have found, which quotations each holds, and which
// tokens of the current unit are taken. Frames read it and propose candidates; only the
// orchestrator (attributor.cpp) and the leftover pass commit.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "attribution/attributor.hpp"
#include "attribution/reader.hpp"

namespace sayso::detail {

/// A quote while the attributor works on it: what attributed_quote hands on, and where in the
/// tokens its content starts, its cue lies and which quote a floating quote continues.
struct quote_record {
  quote_kind kind = quote_kind::direct;
  std::vector<byte_range> spans;
  std::optional<reporting_cue> cue;
  std::uint32_t cue_first = npos;  // cue tokens [cue_first, cue_end)
  std::uint32_t cue_end = npos;
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

/// A quote a frame proposes, not yet taken: the quote as it would be, the quotations it would
/// hold, and the tokens of the unit it would cover.
struct candidate {
  /// What committing does.
  enum class verdict : std::uint8_t {
    take,        // the quote is added and holds its quotations
    claim_only,  // no quote (its content came out empty), but its tokens are covered
    give_back,   // no quote, and the quotations it would have held are freed, even from a quote
                 // that held them before (the attributor has always done so)
  };
  quote_record quote;
  std::vector<std::uint32_t> taken;       // quotations, in the order taken
  std::vector<std::uint32_t> given_back;  // quotations freed when it is taken
  std::optional<token_span> claim;        // tokens of the unit it covers
  verdict outcome = verdict::take;
};

/// The quotes found so far and what they hold. One per document; not thread-safe (a document is
/// attributed on one thread). Long documents stay linear: quotation ownership is an array, and
/// what a quote holds is found through the quotation index, not by scans.
class claims {
 public:
  explicit claims(const reader& r);

  [[nodiscard]] const std::vector<quote_record>& quotes() const noexcept { return out_; }
  [[nodiscard]] quote_record& quote(std::uint32_t i) { return out_[i]; }
  [[nodiscard]] std::uint32_t size() const noexcept {
    return static_cast<std::uint32_t>(out_.size());
  }
  /// Hands the quotes over (the claims are spent).
  std::vector<quote_record> release_quotes() { return std::move(out_); }

  // ---- quotations -------------------------------------------------------------------------
  /// The quote holding quotation qi, or npos.
  [[nodiscard]] std::uint32_t owner(std::uint32_t qi) const { return quotation_used_[qi]; }
  [[nodiscard]] bool is_free(std::uint32_t qi) const { return quotation_used_[qi] == npos; }
  /// Free, and not held by candidate c either.
  [[nodiscard]] bool is_free(std::uint32_t qi, const candidate& c) const;

  // ---- the current unit's covered tokens ---------------------------------------------------
  void begin_unit() { claimed_.clear(); }
  [[nodiscard]] bool inside_claimed(std::uint32_t t) const;
  /// The quote, committed from index `first` on, whose content holds byte `b`, or npos.
  [[nodiscard]] std::uint32_t content_holding(std::uint32_t first, std::uint32_t b) const;
  /// The first token of the unit not yet claimed by an attribution before `t`.
  [[nodiscard]] std::uint32_t free_start(const unit& u, std::uint32_t t) const;

  // ---- building a candidate ----------------------------------------------------------------
  /// A candidate in unit u, with cue `hit` (or none) and source tokens `source` (or none).
  [[nodiscard]] candidate start(const unit& u, const cue_hit* hit,
                                std::optional<token_span> source) const;
  /// Adds a content stretch [first, end): a whole quotation gives a direct span, anything else an
  /// indirect or mixed one.
  void add_content(candidate& c, std::uint32_t first, std::uint32_t end) const;
  void add_quotation(candidate& c, std::uint32_t qi) const;
  /// Adds the pieces of a quotation running over several paragraphs: the first free quotation
  /// after qi that continues it, then the first free one after that continuing it, and so on.
  void follow_continuations(candidate& c, std::uint32_t qi) const;

  // ---- committing --------------------------------------------------------------------------
  /// Does what c.outcome says; returns the new quote's index, or npos when no quote was added.
  std::uint32_t commit(candidate&& c);
  /// A floating quote found to be no quote after all: its first quotation is freed (the
  /// pieces it continues into stay held, as the attributor has always left them).
  void drop(const candidate& c, std::uint32_t qi);
  /// Gives quotation qi to committed quote `index`, then the pieces continuing it.
  void extend(std::uint32_t index, std::uint32_t qi);
  /// Gives quotation qi to committed quote `index` without adding it to its content.
  void hold(std::uint32_t qi, std::uint32_t index) { quotation_used_[qi] = index; }
  /// The pieces continuing qi, given to committed quote `index`.
  void follow_continuations(std::uint32_t index, std::uint32_t qi);

 private:
  // Appends quotation qi's inner text to q (the first span opens a direct quote).
  void append_quotation(quote_record& q, std::uint32_t qi) const;
  // The first quotation after `from` continuing qi for which free(quotation) holds, or npos.
  template <class Free>
  [[nodiscard]] std::uint32_t next_piece(std::uint32_t qi, Free free) const;

  const reader& r_;
  std::vector<quote_record> out_;
  std::vector<std::uint32_t> quotation_used_;  // quote index holding each quotation, or npos
  std::vector<token_span> claimed_;            // the tokens covered in the unit
};

}  // namespace sayso::detail
