// Internal: the frames a cue is read in. Each frame looks at one cue (or one quotation) and
// returns the candidate quote it finds, which the orchestrator (attributor.cpp) commits to the
// claims; a frame never changes the claims itself.
//
//   according    "According to X, C." / "C, according to X." / "A, according to X, B."
//   inverted     "“Q,” X said." / "C, said X." / "A, X said, B." (the source follows the content)
//   forward      "X said (that) C." / "X said: “Q”" / "X called for C." / "X urged Y to C."
//   punctuation  "X: “Q”" / "“Q” — X" / "X said:" ending a paragraph, the quotation (or a block
//                quotation) in the next one
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "attribution/claims.hpp"
#include "attribution/phrases.hpp"

namespace sayso::detail {

/// What a frame reads besides the cue: the document's units, the cues of the current unit, and
/// the quotes found so far.
struct frame_input {
  const std::vector<unit>& units;
  const std::vector<cue_hit>& hits;
  const claims& found;
};

/// "According to X, C.", "C, according to X.", "A, according to X, B." (according.cpp)
class according_frame : public content_scanner {
 public:
  explicit according_frame(const content_scanner& scanner) : content_scanner(scanner) {}
  [[nodiscard]] std::optional<candidate> read(std::uint32_t ui, const cue_hit& h,
                                              const frame_input& in) const;
};

/// The source after the content: "“Q,” X said.", "C, said X.", "A, X said, B." (inverted.cpp)
class inverted_frame : public content_scanner {
 public:
  explicit inverted_frame(const content_scanner& scanner) : content_scanner(scanner) {}
  [[nodiscard]] std::optional<candidate> read(std::uint32_t ui, const cue_hit& h,
                                              const frame_input& in) const;

 private:
  struct inverted_source {
    std::optional<token_span> src;  // std::nullopt: none
    std::uint32_t separator;        // comma, closing mark or dash between content and source
    std::uint32_t after;            // the token after the attribution
    bool verb_first;                // "…, said X"
  };
  [[nodiscard]] inverted_source find_source(const unit& u, const cue_hit& h) const;
  [[nodiscard]] std::uint32_t after_inverted_cue(const unit& u, const cue_hit& h) const;
  [[nodiscard]] bool ends_attribution(const unit& u, std::uint32_t k) const;
  [[nodiscard]] bool writers_continuation(std::uint32_t n) const;
  [[nodiscard]] bool only_lead_in(std::uint32_t first, std::uint32_t end) const;
};

/// Punctuation as the cue, and a colon announcing the next paragraph (punctuation.cpp).
class punctuation_frame : public content_scanner {
 public:
  explicit punctuation_frame(const content_scanner& scanner) : content_scanner(scanner) {}
  /// "X said:" closing unit ui's paragraph: the next paragraph's opening quotation, or the whole
  /// paragraph as a block quotation, is the content.
  [[nodiscard]] std::optional<candidate> next_paragraph(std::uint32_t ui, const cue_hit& h,
                                                        std::optional<token_span> src,
                                                        const frame_input& in) const;
  /// "X: “Q”", "“Q” — X", and a colon ending the previous paragraph, for quotation qi in unit u
  /// (an element of in.units).
  [[nodiscard]] std::optional<candidate> colon_or_dash(const unit& u, std::uint32_t qi,
                                                       const frame_input& in) const;

 private:
  // A quote of quotation qi attributed by a punctuation cue (colon or dash) at token `cue`.
  [[nodiscard]] candidate punctuated(const unit& u, std::uint32_t qi, std::uint32_t cue,
                                     cue_kind kind, std::optional<token_span> src, float confidence,
                                     const claims& found) const;
};

/// The source before the cue: "X said (that) C.", "X called for C." (forward.cpp, and the
/// content of speech acts and naming verbs in forward_objects.cpp).
class forward_frame : public content_scanner {
 public:
  forward_frame(const content_scanner& scanner, const punctuation_frame& punctuation, bool beliefs)
      : content_scanner(scanner), punctuation_(punctuation), beliefs_(beliefs) {}
  [[nodiscard]] std::optional<candidate> read(std::uint32_t ui, const cue_hit& h,
                                              const frame_input& in) const;
  /// A report nested in another's content ("The ministry said Lind reiterated that C"): read
  /// like any forward cue, kept only when its content is a clause ("that C", or a subject and
  /// its verb), not an object ("reported strikes on …"), unless `any_content`.
  [[nodiscard]] std::optional<candidate> read_nested(std::uint32_t ui, const cue_hit& h,
                                                     const frame_input& in,
                                                     bool any_content) const;

 private:
  // forward.cpp
  [[nodiscard]] std::optional<token_span> source(const unit& u, const cue_hit& h,
                                                 std::uint32_t& k) const;
  [[nodiscard]] std::uint32_t content_start(const unit& u, const cue_hit& h, std::uint32_t k,
                                            std::optional<token_span> src) const;
  [[nodiscard]] bool verb_within(std::uint32_t k, std::uint32_t end, int n) const;
  [[nodiscard]] bool bare_attitude_noun(std::uint32_t j) const;
  [[nodiscard]] bool as_source_opening(const unit& u, std::uint32_t as) const;
  [[nodiscard]] bool writers_participle_before(const unit& u, std::uint32_t and_tok) const;
  // forward_objects.cpp
  [[nodiscard]] bool predicative(const cue_entry& ce, std::uint32_t from, std::uint32_t end) const;
  [[nodiscard]] std::uint32_t act_object_end(std::uint32_t from, std::uint32_t end) const;
  [[nodiscard]] bool list_continues(std::uint32_t k, std::uint32_t end) const;
  [[nodiscard]] bool new_clause_after(std::uint32_t k, std::uint32_t end) const;

  const punctuation_frame& punctuation_;
  bool beliefs_;
};

}  // namespace sayso::detail
