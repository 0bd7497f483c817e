// Internal: the compiled form of a term lexicon (term_lexicon's private implementation), and the
// library's access to it.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include <sayso/stance.hpp>

#include "stance/lazy.hpp"
#include "stance/screened.hpp"
#include "stance/word_screen.hpp"

namespace sayso::detail {

struct compiled_terms {
  // Expressions of a term that count only in some contexts ("withdrew" of troops, not of a
  // proposal; a peace "deal", not a minerals deal): [[term.contexts]] in a lexicon file.
  struct context {
    std::size_t term = 0;
    detail::lazy_re2 expressions;   // \b(?:e1|e2|...)\b, case-insensitive
    detail::lazy_re2 sentence_has;  // the mention's sentence must hold one (null: no condition)
    // The quote must hold one, in its content or in the sentences that hold it and its cue (the
    // reporting clause): "hostages" is a prisoner exchange where the quote speaks of freeing them.
    detail::lazy_re2 quote_has;
    detail::lazy_re2 before;        // the words right before the mention must end with one
    detail::lazy_re2 not_before;    // ... must not end with one
    detail::lazy_re2 not_after;     // the words right after it must not start with one
    detail::lazy_re2 after;         // the words right after it must start with one
    bool opposite = false;          // its expressions name the term's contrary ("the sanctions")
    // Document conditions, for words that name whatever the document is about ("the deal", "the
    // meeting", "free him"): the term must be named (by its plain expressions) at least this
    // often in the whole document (0: no condition) ...
    std::uint32_t document_mentions = 0;
    // ... and at least once, and more often than each of these other terms (ties go to the term
    // defined first in the lexicon); empty: no condition.
    std::vector<std::size_t> document_first_of;
    // Whether its expressions name its term in a document (see named): its only condition is on
    // the quote.
    [[nodiscard]] bool names_term() const noexcept {
      return quote_has && !sentence_has && !before && !not_before && !after && !not_after && document_mentions == 0 &&
             document_first_of.empty();
    }
  };

  std::vector<term_info> terms;
  std::vector<context> contexts;     // in file order; several may belong to one term
  std::vector<detail::lazy_re2> patterns;  // one per term: \b(?:e1|e2|...)\b, case-insensitive
  // Per term: what counts as the document naming it (the document conditions of contexts): its
  // expressions, and those of its contexts whose only condition is on the quote ("the hostages"
  // name the subject of a story about captives wherever a quote stands on their release).
  std::vector<detail::lazy_re2> named;
  std::vector<detail::lazy_re2> opposites; // per term (or null): expressions for its contrary
                                               // ("continue fighting" for a ceasefire)
  // Every term's expressions (with its context expressions) at index t, and its opposites at
  // terms.size() + t (a pattern that never matches where it has none). The labeller does not
  // search this set (it reads the screen below, and orders what it finds as this set would list
  // it: order_as_set); its patterns are the screen's entries, and a lexicon read with checks
  // compiles it once to say which term's expressions cannot be combined.
  detail::lazy_set mentions;
  // A screen of the term lists (see screened_lists): entry t is term t's expressions
  // (patterns[t]), entry T + t its opposites (T = patterns.size()), entry 2T + c the expressions
  // of contexts[c]. Mentions' entry t is the screen's entries t and 2T + c for each context c of
  // term t (set_entry). The labeller finds the terms a span mentions, and where, through the
  // alternatives the screen lets through: small automata, where a term's whole expression is
  // large (and finding where its matches start takes RE2 a reverse program as large again).
  using mention_screen = screened_lists;
  [[nodiscard]] const mention_screen& screen() const {
    return screen_.get([this] {
      auto s = std::make_unique<mention_screen>();
      const auto t_count = static_cast<std::uint32_t>(patterns.size());
      for (std::uint32_t t = 0; t < t_count; ++t) s->words.add(t, patterns[t].pattern(), false);
      for (std::uint32_t t = 0; t < t_count; ++t) {
        if (opposites[t]) s->words.add(t_count + t, opposites[t].pattern(), false);
      }
      for (std::uint32_t k = 0; k < contexts.size(); ++k) s->words.add(2 * t_count + k, contexts[k].expressions.pattern(), false);
      s->words.build();
      s->compile_with(options());
      return s;
    });
  }
  /// The entry of `mentions` that screen() entry `e` belongs to.
  [[nodiscard]] std::uint32_t set_entry(std::uint32_t e) const noexcept {
    const auto t_count = static_cast<std::uint32_t>(patterns.size());
    return e < 2 * t_count ? e : static_cast<std::uint32_t>(contexts[e - 2 * t_count].term);
  }
  /// The screen() entry of contexts[k].
  [[nodiscard]] std::uint32_t context_entry(std::size_t k) const noexcept {
    return static_cast<std::uint32_t>(2 * patterns.size() + k);
  }
  // The options every expression is compiled with (case-insensitive).
  static RE2::Options options() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    return o;
  }
  detail::lazy_re2 support;
  detail::lazy_re2 oppose;
  detail::lazy_re2 praise;   // evaluations that support the term they are said of
  detail::lazy_re2 condemn;  // evaluations that oppose it
  detail::lazy_re2 undermine;  // working against it: the agent opposes, a speaker accusing them supports
  detail::lazy_re2 conditional;
  detail::lazy_re2 neutral;
  detail::lazy_re2 negation;
  detail::lazy_re2 pseudo_negation;
  detail::lazy_re2 uncertain;  // "not clear whether": the rest of the sentence is asked about
  detail::lazy_re2 terminators;
  // Which of the stance lists above (in the order of cue_lists()) a sentence may match, from its
  // words, so that only those are searched, and only through the alternatives its words let
  // through (see screened_lists; built on first use).
  [[nodiscard]] const screened_lists& cue_screen() const {
    return cue_screen_.get([this] {
      auto s = std::make_unique<screened_lists>();
      const auto lists = cue_lists();
      for (std::size_t i = 0; i < lists.size(); ++i) {
        if (*lists[i]) s->words.add(static_cast<std::uint32_t>(i), lists[i]->pattern(), false);
      }
      s->words.build();
      s->compile_with(options());
      return s;
    });
  }

  detail::once_built<mention_screen> screen_;
  detail::once_built<screened_lists> cue_screen_;

  // The stance lists, in a fixed order (the order of cue_screen()'s entries).
  static constexpr std::size_t kCueLists = 11;
  [[nodiscard]] std::array<const detail::lazy_re2*, kCueLists> cue_lists() const {
    return {&support, &oppose,   &praise,          &condemn,   &undermine,  &conditional,
            &neutral, &negation, &pseudo_negation, &uncertain, &terminators};
  }
};

/// A term lexicon's compiled form from its TOML `text` (`name` for messages); with `check`, each
/// expression is compiled at once to report errors by line (term_lexicon.cpp).
std::shared_ptr<compiled_terms> build_terms(std::string_view text, std::string_view name, bool check);

/// How the library reaches a term_lexicon's compiled form (a friend of term_lexicon).
struct term_lexicon_access {
  static const compiled_terms& compiled(const term_lexicon& t) noexcept { return *t.impl_; }
};

}  // namespace sayso::detail
