// Internal: source phrases (who speaks) and where a reported content ends, read around a cue.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "attribution/claims.hpp"
#include "attribution/reader.hpp"

namespace sayso::detail {

/// Source phrases: the speaker phrase before or after a cue, the subject of a clause, and what
/// may stand between a subject and its verb (adjuncts, asides, brackets). Reads the quotes
/// committed so far (`committed`, for the subject of a participle clause hanging on an earlier
/// attribution). Thread-compatible; each scan is bounded by a few dozen tokens.
class phrase_scanner : public reader {
 public:
  phrase_scanner(const reader& r, const std::vector<quote_record>& committed)
      : reader(r), committed_(committed) {}

  // ---- source_phrase.cpp ------------------------------------------------------------------
  /// The speaker phrase ending just before token `before`, scanning left within the unit;
  /// adverbs and auxiliaries between it and `before` are skipped. {first, end} or std::nullopt.
  [[nodiscard]] std::optional<token_span> scan_left_np(std::uint32_t before, std::uint32_t first,
                                                       std::uint32_t max_words = 10) const;
  /// The speaker phrase starting at token `from`, scanning right to a comma, quotation, verb or
  /// the end of the unit.
  [[nodiscard]] std::optional<token_span> scan_right_np(std::uint32_t from, std::uint32_t end,
                                                        std::uint32_t max_words = 12,
                                                        bool lenient = false) const;
  /// Does [first, end) look like a speaker: a name, pronoun, role, organisation or group?
  [[nodiscard]] bool speakerish(std::uint32_t first, std::uint32_t end) const;
  /// "quoted him as saying", "quotes the minister as saying": after a quoting cue [first, end),
  /// the person quoted (who the quote is of) and the token after "saying", or std::nullopt.
  [[nodiscard]] std::optional<std::pair<token_span, std::uint32_t>> quoted_as_saying(
      std::uint32_t cue_first, std::uint32_t cue_end, std::uint32_t end) const;
  /// In [first, end), a verb after a name: the phrase is a clause, not a source.
  [[nodiscard]] bool verb_after_name(std::uint32_t first, std::uint32_t end) const;
  /// Moves left from token j over adverbs and time adjuncts between a subject and its verb.
  [[nodiscard]] std::uint32_t skip_back_adjuncts(std::uint32_t j, std::uint32_t first) const;
  /// Moves left from p over adverbs and approximators before a subject ("only", "about").
  [[nodiscard]] std::uint32_t skip_back_quantifiers(std::uint32_t p, std::uint32_t first) const;
  /// Does a subject phrase starting at `first` start a clause?
  [[nodiscard]] bool clause_start(const unit& u, std::uint32_t first) const;

  // ---- subjects.cpp -----------------------------------------------------------------------
  /// The subject of a cue in the forward frame, skipping an appositive or relative clause set
  /// off by commas ("X, a close ally, insisted"; "X, who met Y, has said").
  [[nodiscard]] std::optional<token_span> forward_subject(const unit& u,
                                                          std::uint32_t cue_first) const;
  /// Is the participle at `cue_first` preceded by "a statement", "a letter", "a video"?
  [[nodiscard]] bool is_statement_object(const unit& u, std::uint32_t cue_first) const {
    return statement_article(u, cue_first) != npos;
  }
  /// The subject of the verb taking "a statement …" before a participle cue, else of the clause.
  [[nodiscard]] std::optional<token_span> statement_subject(const unit& u,
                                                            std::uint32_t cue_first) const;
  /// The subject of the clause a participle hangs on: the source of an attribution earlier in
  /// the unit, or the phrase that opens the unit.
  [[nodiscard]] std::optional<token_span> clause_subject(const unit& u, std::uint32_t before) const;
  [[nodiscard]] bool nested_clause_subject(const unit& u, std::uint32_t first) const;
  [[nodiscard]] bool adjunct_source(const unit& u, std::uint32_t first, std::uint32_t cue_first) const;
  /// "Officials who spoke on condition of anonymity said": a subject with a relative clause and
  /// no comma before a verb of saying, whole.
  [[nodiscard]] std::optional<token_span> subject_before_relative(const unit& u,
                                                                  std::uint32_t cue_first) const;

 private:
  [[nodiscard]] bool np_token_left(std::uint32_t i) const;
  [[nodiscard]] bool numeral_after_modifier(std::uint32_t start, std::uint32_t k,
                                            std::uint32_t first) const;
  [[nodiscard]] std::optional<token_span> forward_subject_rules(const unit& u,
                                                                std::uint32_t cue_first) const;
  [[nodiscard]] std::optional<token_span> clause_initial_subject(const unit& u,
                                                                 std::uint32_t cue_first) const;
  [[nodiscard]] std::optional<token_span> aside_subject(const unit& u, std::uint32_t j,
                                                        std::uint32_t k, bool dash) const;
  [[nodiscard]] std::uint32_t statement_article(const unit& u, std::uint32_t cue_first) const;

  const std::vector<quote_record>& committed_;
};

/// Where a reported content ends, and what may follow a cue before its content (adjuncts).
/// Thread-compatible; each call reads the unit from its start token once.
class content_scanner : public phrase_scanner {
 public:
  using phrase_scanner::phrase_scanner;

  /// Skips adjuncts after a cue: adverbs, times ("on Tuesday"), channels ("in a statement",
  /// "in an interview with CNN"), and "to reporters". Returns the first token after them.
  [[nodiscard]] std::uint32_t skip_adjuncts(std::uint32_t k, std::uint32_t end) const;
  /// Where a forward content starting at `from` ends: the end of the unit, or before a dash, a
  /// semicolon, another attribution (", he said", ", adding", "and added", ", according to").
  /// npos when it holds no token.
  [[nodiscard]] std::uint32_t content_end(const unit& u, std::uint32_t from,
                                          const std::vector<cue_hit>& hits,
                                          bool relative_source = false) const;
  /// Does an attribution start at token n ("he said", "said X", "adding", "according to")?
  [[nodiscard]] bool starts_attribution(const unit& u, std::uint32_t n,
                                        const std::vector<cue_hit>& hits) const;
  /// A final adjunct that comments on the report rather than belonging to it.
  [[nodiscard]] bool writer_adjunct(const unit& u, std::uint32_t n) const;
  /// ", an explosive move that could …" closing the sentence (n: the article).
  [[nodiscard]] bool closing_comment(const unit& u, std::uint32_t n) const;
  /// A participle telling the outcome of the clause before it (", killing three").
  [[nodiscard]] bool result_participle(std::uint32_t n) const;

 private:
  [[nodiscard]] bool subordinate_attribution(const unit& u, std::uint32_t k,
                                             const std::vector<cue_hit>& hits) const;
  [[nodiscard]] bool main_verb_after_relative(std::uint32_t n) const;
  [[nodiscard]] bool subject_then_verb(std::uint32_t k, std::uint32_t end) const;
  // "though she acknowledged …", "even as they celebrated …" at k (see content_end.cpp).
  [[nodiscard]] bool pronoun_concession(const unit& u, std::uint32_t k) const;
  // "though it is unclear …", "but it was not clear …" at k (see content_end.cpp).
  [[nodiscard]] bool writer_uncertainty(const unit& u, std::uint32_t k) const;
  [[nodiscard]] bool present_content(std::uint32_t from, std::uint32_t k) const;
  [[nodiscard]] bool negated_past_aux(std::uint32_t n, std::uint32_t end) const;
};

}  // namespace sayso::detail
