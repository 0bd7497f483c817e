// Internal: the compiled form of a term lexicon (term_lexicon's private implementation), and the
// library's access to it.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include <sayso/stance.hpp>

namespace sayso::detail {

struct compiled_terms {
  // Expressions of a term that count only in some contexts ("withdrew" of troops, not of a
  // proposal; a peace "deal", not a minerals deal): [[term.contexts]] in a lexicon file.
  struct context {
    std::size_t term = 0;
    std::unique_ptr<RE2> expressions;   // \b(?:e1|e2|...)\b, case-insensitive
    std::unique_ptr<RE2> sentence_has;  // the mention's sentence must hold one (null: no condition)
    std::unique_ptr<RE2> before;        // the words right before the mention must end with one
    std::unique_ptr<RE2> not_before;    // ... must not end with one
    std::unique_ptr<RE2> not_after;     // the words right after it must not start with one
    std::unique_ptr<RE2> after;         // the words right after it must start with one
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
  std::vector<std::unique_ptr<RE2>> patterns;  // one per term: \b(?:e1|e2|...)\b, case-insensitive
  std::unique_ptr<RE2::Set> any_term;          // all terms (with their context expressions), to find
                                               // which occur in one pass
  std::vector<std::unique_ptr<RE2>> opposites; // per term (or null): expressions for its contrary
                                               // ("continue fighting" for a ceasefire)
  std::unique_ptr<RE2::Set> any_opposite;      // all opposites (null if there are none)
  // All terms' expressions and opposites as one expression: does a text hold any? Set::Match runs
  // to the end of the text to say which; this stops at the first, and is about three times as
  // fast on the many quotes that hold none. Null if it would not compile (then unused).
  std::unique_ptr<RE2> any_mention;
  std::unique_ptr<RE2> support;
  std::unique_ptr<RE2> oppose;
  std::unique_ptr<RE2> praise;   // evaluations that support the term they are said of
  std::unique_ptr<RE2> condemn;  // evaluations that oppose it
  std::unique_ptr<RE2> undermine;  // working against it: the agent opposes, a speaker accusing them supports
  std::unique_ptr<RE2> conditional;
  std::unique_ptr<RE2> neutral;
  std::unique_ptr<RE2> negation;
  std::unique_ptr<RE2> pseudo_negation;
  std::unique_ptr<RE2> uncertain;  // "not clear whether": the rest of the sentence is asked about
  std::unique_ptr<RE2> terminators;
  // The stance lists above as one set, in the order of cue_lists(): which lists occur in a
  // sentence, in one pass, so that only those are searched. Null if it would not compile.
  std::unique_ptr<RE2::Set> any_cue;

  // The stance lists, in a fixed order (the order of any_cue's patterns).
  static constexpr std::size_t kCueLists = 11;
  [[nodiscard]] std::array<const RE2*, kCueLists> cue_lists() const {
    return {support.get(), oppose.get(),   praise.get(),          condemn.get(),   undermine.get(),  conditional.get(),
            neutral.get(), negation.get(), pseudo_negation.get(), uncertain.get(), terminators.get()};
  }
};

/// How the library reaches a term_lexicon's compiled form (a friend of term_lexicon).
struct term_lexicon_access {
  static const compiled_terms& compiled(const term_lexicon& t) noexcept { return *t.impl_; }
};

}  // namespace sayso::detail
