// Internal: the attribution rules' view of a document: tokens and word classes (token_view),
// where the quotations lie, the lexicon's cues, and the units the text is read in.
#pragma once

#include <cstdint>
#include <vector>

#include <sayso/quotes.hpp>
#include <sayso/text.hpp>

#include "quotes/quotation_index.hpp"
#include "text/lexicon.hpp"
#include "text/token_view.hpp"

namespace sayso::detail {

/// A stretch of text read on its own: a sentence, or sentences merged where a quotation runs
/// over their boundary (same paragraph only); very long sentences are cut.
struct unit {
  std::uint32_t first;  // first token
  std::uint32_t end;    // one past the last token
  std::uint32_t paragraph;
  bool headline;  // a paragraph without sentence punctuation: only verbs of saying and directives
};

/// A reporting cue found in a unit: tokens [first, end), its lexicon entry.
struct cue_hit {
  std::uint32_t first;
  std::uint32_t end;
  std::uint32_t entry;
  bool done = false;  // a quote was attributed by it
};

/// Word- and quotation-level questions the attribution rules ask. A view of the document, its
/// features, the lexicon and the quotation index, which must outlive it. Thread-compatible;
/// cheap to copy.
class reader : public token_view {
 public:
  reader(const document& doc, const std::vector<token_info>& info, const lexicon& lex,
         const quotation_index& quotations)
      : token_view(doc, info),
        doc_(doc),
        lex_(lex),
        quots_(quotations.quotations()),
        qspans_(quotations.all_marks()),
        qid_(quotations.token_quotations()),
        index_(quotations) {}

  [[nodiscard]] const document& doc() const noexcept { return doc_; }
  [[nodiscard]] const lexicon& lex() const noexcept { return lex_; }
  [[nodiscard]] const quotation_index& quotations() const noexcept { return index_; }

  // ---- quotations -------------------------------------------------------------------------
  [[nodiscard]] std::uint32_t qid(std::uint32_t i) const { return qid_[i]; }
  [[nodiscard]] bool in_quotation(std::uint32_t i) const { return qid_[i] != npos; }
  [[nodiscard]] bool is_open_mark(std::uint32_t i) const {
    return qid_[i] != npos && qspans_[qid_[i]].open_tok == i;
  }
  [[nodiscard]] bool is_close_mark(std::uint32_t i) const {
    return qid_[i] != npos && qspans_[qid_[i]].close_tok == i && quots_[qid_[i]].closed;
  }
  [[nodiscard]] const quotation& quot(std::uint32_t q) const { return quots_[q]; }
  [[nodiscard]] const quotation_index::marks& marks(std::uint32_t q) const { return qspans_[q]; }
  /// A closing mark after a comma inside the quotation (“… the “Golden Week,” saying …”).
  [[nodiscard]] bool comma_inside_close(std::uint32_t p) const;
  /// A quotation reads as a sentence of speech (rather than a scare quote or title).
  [[nodiscard]] bool sentence_like(std::uint32_t qi) const;
  /// Two to six words, all capitalised, no sentence punctuation but a final full stop: a title
  /// ("The Evening Hour.").
  [[nodiscard]] bool title_case(std::uint32_t qi) const;
  /// The outermost quotation exactly covering [first, end), if any, else npos.
  [[nodiscard]] std::uint32_t whole_quotation(std::uint32_t first, std::uint32_t end) const;
  /// The bytes of tokens [first, end) without edge spaces, commas, dashes, colons and marks.
  [[nodiscard]] byte_range tokens_range(std::uint32_t first, std::uint32_t end) const;

  // ---- words ------------------------------------------------------------------------------
  /// An adverb, auxiliary or negation between a subject and its verb ("also", "has", "not").
  [[nodiscard]] bool adverbial(std::uint32_t i) const {
    if (!is_word(i) || cap(i)) return false;
    if ((cls(i) & (wc_auxiliary | wc_negation)) != 0 || negated_auxiliary(i)) return true;
    const std::string_view t = s(i);
    return t.size() > 4 && t.substr(t.size() - 2) == "ly" && (cls(i) & wc_cue) == 0;
  }
  /// An adverb listed with the auxiliaries ("also", "repeatedly"), not a verb.
  [[nodiscard]] bool adverbial_only(std::uint32_t i) const;
  /// "he", "they", "I" as a subject: a personal pronoun that is neither possessive nor an
  /// object form ("him", "them", "us", "me"); "it" too when `with_it`.
  [[nodiscard]] bool subject_pronoun(std::uint32_t i, bool with_it = false) const;
  /// An apostrophe after a plural (“Sanders’ campaign”) that no quotation uses.
  [[nodiscard]] bool possessive_mark(std::uint32_t i) const;
  /// "briefed" in "people briefed on": a lower-case -ed word right after a role noun.
  [[nodiscard]] bool participle_after_role(std::uint32_t i) const;
  /// A number or a number word ("10", "five").
  [[nodiscard]] bool numberish(std::uint32_t i) const;
  /// "in" between two numbers: a ratio ("one in five", "six in 10").
  [[nodiscard]] bool ratio_around(std::uint32_t i) const;
  /// A period after an abbreviation or initial inside a name ("Rep.", "G.K.").
  [[nodiscard]] bool is_abbrev_dot(std::uint32_t k) const;
  /// Punctuation, a quotation mark or a word ("that", "and", "because", "who") before which a
  /// clause may start.
  [[nodiscard]] bool clause_boundary(std::uint32_t p) const;

  // ---- cues and units ---------------------------------------------------------------------
  [[nodiscard]] const cue_entry& entry(const cue_hit& h) const { return lex_.cue(h.entry); }
  /// Verbs whose first object is the addressee ("told reporters that", "assured allies").
  [[nodiscard]] bool is_tell(const cue_hit& h) const;
  /// The lexicon's one-word cue entry for token i ("said", not "called for"), or null.
  [[nodiscard]] const cue_entry* one_word_cue(std::uint32_t i) const;
  /// The document's units, in text order.
  void build_units(std::vector<unit>& units) const;
  /// A short sentence after a quotation closed on its own punctuation, opening with a source and
  /// a verb of saying ("“…?” she asked."): the quotation's attribution (units.cpp).
  [[nodiscard]] bool attribution_after(std::uint32_t end, const sentence& next) const;
  /// The first token after a dateline opening the unit ("KYIV, March 14 — "), or u.first.
  [[nodiscard]] std::uint32_t after_dateline(const unit& u) const;
  /// The first token after a dateline in capitals with no dash ("BEIRUT Syria's ..."), or first.
  [[nodiscard]] std::uint32_t after_bare_dateline(std::uint32_t first, std::uint32_t end) const;
  /// Is token t the first of the unit (after space)?
  [[nodiscard]] bool unit_starts_with(const unit& u, std::uint32_t t) const;

 protected:
  const document& doc_;
  const lexicon& lex_;
  const std::vector<quotation>& quots_;
  const std::vector<quotation_index::marks>& qspans_;
  const std::vector<std::uint32_t>& qid_;  // per token: the outermost quotation it is in, or npos
  const quotation_index& index_;

 private:
  void push_unit(std::vector<unit>& units, std::uint32_t first, std::uint32_t end,
                 std::uint32_t paragraph, bool headline) const;
  [[nodiscard]] bool is_headline(const paragraph& p) const;
};

}  // namespace sayso::detail
