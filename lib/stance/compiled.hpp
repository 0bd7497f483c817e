// Internal: the compiled form of a term lexicon (term_lexicon's private implementation), and the
// library's access to it.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include <sayso/stance.hpp>

#include "stance/lazy.hpp"
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
  // The screen of mentions' entries, and each of its alternatives compiled alone (on first use):
  // an entry occurs in a text if one of the alternatives the screen lets through matches it.
  // Most spans that may mention a term may mention it through one or two of its expressions:
  // small automata settle it, where the term's whole expression is large.
  struct mention_screen {
    detail::word_screen words;
    std::vector<detail::lazy_re2> alternatives;
  };
  [[nodiscard]] const mention_screen& screen() const {
    return screen_.get([this] {
      auto s = std::make_unique<mention_screen>();
      const std::vector<std::string>& entries = mentions.patterns();
      for (std::size_t e = 0; e < entries.size(); ++e) {
        if (e < patterns.size() || opposites[e - patterns.size()]) s->words.add(static_cast<std::uint32_t>(e), entries[e]);
      }
      RE2::Options options;
      options.set_case_sensitive(false);
      options.set_log_errors(false);
      options.set_max_mem(64 << 20);
      for (std::uint32_t a = 0; a < s->words.alternatives(); ++a) s->alternatives.emplace_back(s->words.pattern_of(a), options);
      return s;
    });
  }
  // Screens of the praise (condemn) list's words: a short content that cannot match either is no
  // evaluation, and needs no RE2 search (label_evaluated_object).
  detail::lazy_filter praise_filter;
  detail::lazy_filter condemn_filter;
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
  // words, so that only those are searched (see word_screen; built on first use).
  [[nodiscard]] const detail::word_screen& cue_screen() const {
    return cue_screen_.get([this] {
      auto s = std::make_unique<detail::word_screen>();
      const auto lists = cue_lists();
      for (std::size_t i = 0; i < lists.size(); ++i) {
        if (*lists[i]) s->add(static_cast<std::uint32_t>(i), lists[i]->pattern());
      }
      return s;
    });
  }

  detail::once_built<mention_screen> screen_;
  detail::once_built<detail::word_screen> cue_screen_;

  // The stance lists, in a fixed order (the order of cue_screen()'s entries).
  static constexpr std::size_t kCueLists = 11;
  [[nodiscard]] std::array<const detail::lazy_re2*, kCueLists> cue_lists() const {
    return {&support, &oppose,   &praise,          &condemn,   &undermine,  &conditional,
            &neutral, &negation, &pseudo_negation, &uncertain, &terminators};
  }
};

/// How the library reaches a term_lexicon's compiled form (a friend of term_lexicon).
struct term_lexicon_access {
  static const compiled_terms& compiled(const term_lexicon& t) noexcept { return *t.impl_; }
};

}  // namespace sayso::detail
