// Internal: the compiled form of a term lexicon.
#pragma once

#include <memory>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include <sayso/stance.hpp>

namespace sayso {

struct term_lexicon::compiled {
  std::vector<term_info> terms;
  std::vector<std::unique_ptr<RE2>> patterns;  // one per term: \b(?:e1|e2|...)\b, case-insensitive
  std::unique_ptr<RE2::Set> any_term;          // all terms, to find which occur in one pass
  std::vector<std::unique_ptr<RE2>> opposites; // per term (or null): expressions for its contrary
                                               // ("continue fighting" for a ceasefire)
  std::unique_ptr<RE2::Set> any_opposite;      // all opposites (null if there are none)
  // All terms' expressions and opposites as one expression: does a text hold any? Set::Match runs
  // to the end of the text to say which; this stops at the first, and is about three times as
  // fast on the many quotes that hold none. Null if it would not compile (then unused).
  std::unique_ptr<RE2> any_mention;
  std::unique_ptr<RE2> support;
  std::unique_ptr<RE2> oppose;
  std::unique_ptr<RE2> conditional;
  std::unique_ptr<RE2> neutral;
  std::unique_ptr<RE2> negation;
  std::unique_ptr<RE2> pseudo_negation;
  std::unique_ptr<RE2> terminators;
};

}  // namespace sayso
