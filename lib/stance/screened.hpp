// Internal: searches of a lexicon's lists through the alternatives a word screen lets through,
// each compiled alone, instead of each list's whole expression.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "stance/lazy.hpp"
#include "stance/word_screen.hpp"

namespace sayso::detail {

/// One alternative of a list (a branch of its \b(?:e1|e2|...)\b), for the searches below: its
/// expression alone, and whether each of its matches starts at a word boundary.
struct alternative_ref {
  const lazy_re2* re = nullptr;  // compiled by the first search that needs it
  bool at_boundary = false;
  // A spelled alternative of `words` (one word, no RE2 needed) in a text the screen decided.
  const word_screen* words = nullptr;
  std::uint32_t alternative = 0;
};

/// What a screen lets through for one text: the entries and alternatives that may match it, and
/// whether its words decided that (see word_screen::candidates).
struct screened_text {
  std::vector<std::uint32_t> entries;
  std::vector<std::uint32_t> alternatives;
  bool decided = true;
};

/// A word screen (entries: lists) with each of its alternatives compiled alone, on first use.
///
/// Why: compiling a list's whole expression (a few hundred alternatives) costs RE2 millions of
/// instructions, and finding where its matches start costs as much again (RE2 compiles a reverse
/// program for that). The words of a text let through only a few alternatives of a list, which
/// are small to compile; and where a match starts is found by anchored matches at the word
/// boundaries, which need no reverse program. The searches give what the whole expression gives
/// (tables_tests compares them on random texts): RE2's leftmost-first match of an alternation is
/// at the leftmost place any branch matches, by the first branch (in the list's order) that
/// matches there.
///
/// Thread safety: immutable after construction (the alternatives compile under once_built).
/// Cost: see word_screen; each alternative is compiled by the first search that needs it.
struct screened_lists {
  word_screen words;
  std::vector<lazy_re2> alternatives;  // per alternative of `words`: its pattern alone

  /// Fills `alternatives` from `words` (once every list is added), compiled with `options`.
  void compile_with(const RE2::Options& options);
  /// What the screen lets through for `text`, into `out`.
  void read(std::string_view text, screened_text& out) const {
    out.decided = words.candidates(text, out.entries, &out.alternatives);
  }
  /// The alternatives of `entry` that `seen` (read() of a text) lets through, appended to `out`
  /// in the list's order.
  void refs_of(std::uint32_t entry, const screened_text& seen, std::vector<alternative_ref>& out) const;
};

/// Every match of the alternation of `alts` (in priority order) in `text`, as successive
/// unanchored RE2 searches give them, each from the end of the last (one byte further after an
/// empty match): [begin, end) offsets in `text`, appended to `out`. `text` is the whole context
/// (a \b at its start sees no character before it).
void find_all(std::span<const alternative_ref> alts, std::string_view text,
              std::vector<std::pair<std::uint32_t, std::uint32_t>>& out);

/// How many times the alternation of `alts` matches `text` (at most `most`), as successive
/// searches that each read the rest of the text after the last match as a whole text count them
/// (RE2::FindAndConsume): a count from find_all's matches, which read the whole text. Nullopt
/// where the two readings may differ: an empty match, or a match ending in a word byte where
/// the next one starts or a word byte follows (a \b at the rest's start sees no character
/// before it). The alternatives must hold no \B, ^ or \A (which read the rest's start too).
/// `boundaries`: those of `text` (or null), for its searches (see native_re::search).
std::optional<std::uint32_t> count_consumed(std::span<const alternative_ref> alts, std::string_view text,
                                           std::uint32_t most, const native_re::boundary_index* boundaries = nullptr);

}  // namespace sayso::detail
