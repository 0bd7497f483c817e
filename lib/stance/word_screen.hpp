// Internal: which of a lexicon's expressions may match a text, judged from the text's words.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stance/blob.hpp"
#include "text/word_table.hpp"

namespace sayso::detail {

/// Entries (numbered from 0), each a set of RE2 patterns; says which entries may match a text
/// without running RE2, from the words of the text (maximal runs of ASCII letters, digits and
/// '_', RE2's \w, compared in lower case).
///
/// Each alternative of an expression is analysed into sets of words such that every match of
/// it holds, as a whole word, one word of each set: "(?:halt|stop) (?:the )?(?:fighting|war)"
/// gives {halt, stop} and {fighting, war}. The two rarest-looking sets of each alternative are
/// kept (function words look common). A text lacking a word of some kept set of every
/// alternative of an entry cannot match it: the filter is exact in that direction, never
/// dropping an entry that matches. An alternative the analysis does not understand (an anchor,
/// a Unicode class, a wildcard with nothing fixed around it) keeps its entry always possible.
///
/// Why: the stance labeller asks of every span of every quote which terms it mentions. An RE2
/// set of all the terms' expressions answers in one pass, but its automaton is large: slow to
/// build on the first documents and out of the caches by the next document. Most spans hold no
/// word of any term; most others hold one term's words, which its own small expression settles.
///
/// Thread safety: immutable after construction (candidates() uses a per-thread scratch).
class word_screen {
 public:
  /// Adds `pattern` (RE2 syntax, compiled case-insensitively) to entry `entry`; then builds the
  /// table the searches read, unless `then_build` is false (several adds, then one build()).
  void add(std::uint32_t entry, std::string_view pattern, bool then_build = true);
  /// Builds the table the searches read from the patterns added (linear in their words).
  void build();

  /// The entries that may match `text`, ascending, into `entries` (cleared first); with
  /// `alternatives`, also the alternatives that may (ascending; those of one entry follow one
  /// another): the entry matches only if one of them does. False when the words cannot decide
  /// (the text holds a character RE2 folds to an ASCII letter): every entry is then a candidate.
  bool candidates(std::string_view text, std::vector<std::uint32_t>& entries,
                  std::vector<std::uint32_t>* alternatives = nullptr) const;

  /// Whether entry `entry` may match `text`.
  [[nodiscard]] bool may_match(std::uint32_t entry, std::string_view text) const;

  /// Alternative `a`: its entry, and its pattern alone (RE2 syntax, the same options).
  [[nodiscard]] std::uint32_t entry_of(std::uint32_t a) const noexcept { return alternatives_[a].entry; }
  [[nodiscard]] const std::string& pattern_of(std::uint32_t a) const noexcept { return alternatives_[a].pattern; }
  [[nodiscard]] std::size_t alternatives() const noexcept { return alternatives_.size(); }
  /// Whether alternative `a` is one word between word boundaries, which the words decide: where
  /// candidates() lets it through and returned true, it matches.
  [[nodiscard]] bool one_word(std::uint32_t a) const noexcept { return alternatives_[a].one_word; }
  /// Whether alternative `a` is one_word() with its spellings as its only word set: then where it
  /// matches is where next_word() finds one of them.
  [[nodiscard]] bool spelled(std::uint32_t a) const noexcept { return alternatives_[a].one_word && alternatives_[a].sets == 1; }
  /// For a spelled() alternative `a`: the first whole word of `text` (a maximal run of RE2's \w)
  /// that starts at or after `from` and is one of its spellings, ignoring ASCII case, as [begin,
  /// end); false if none. Where candidates() returns true for `text`, that is the first match of
  /// the alternative from `from` (in a text holding the Kelvin sign or the long s it may not be).
  bool next_word(std::uint32_t a, std::string_view text, std::size_t from, std::size_t& begin, std::size_t& end) const;
  /// Whether every match of alternative `a` starts at a word boundary (\b), so that a search for
  /// where its first match starts need only try those.
  [[nodiscard]] bool starts_at_boundary(std::uint32_t a) const noexcept { return alternatives_[a].bounded; }

  /// Writes the screen (what the searches read) to `out`; load() reads it back. A loaded screen
  /// searches as the saved one, but keeps no word list: add() and words_of() need the original.
  void save(blob::writer& out) const;
  static word_screen load(blob::reader& in);

  /// Words kept for entry `entry`'s alternatives (for tests): one vector of word sets per
  /// alternative; empty sets mean the alternative always passes.
  [[nodiscard]] std::vector<std::vector<std::vector<std::string>>> words_of(std::uint32_t entry) const;

 private:
  struct alternative {
    std::uint32_t entry = 0;
    std::uint8_t sets = 0;  // 0: always possible
    bool one_word = false;  // see one_word()
    bool bounded = false;   // see starts_at_boundary()
    std::string pattern;    // the alternative alone
  };
  bool scan(std::string_view text, std::vector<std::uint32_t>& entries, std::vector<std::uint32_t>* alternatives,
            std::uint32_t only) const;

  std::vector<alternative> alternatives_;  // in the order added (an entry's together)
  std::vector<std::uint32_t> always_;      // the alternatives that always pass
  // Word -> the (alternative << 2 | set) it belongs to.
  word_table<std::vector<std::uint32_t>> words_;
  // The same by the word's hash, for scan(): open addressing; codes_[begin, begin + count).
  struct slot {
    std::uint32_t tag = 0;
    std::uint32_t begin = 0;
    std::uint32_t count = 0;  // 0: empty
    std::uint32_t key = 0;    // the word: keys_[key, key + size)
    std::uint32_t size = 0;
  };
  std::vector<slot> slots_;
  // The kept word text[begin, end) (bytes of p, its unfinished hash h), or null.
  const slot* find_word(const unsigned char* p, std::size_t begin, std::size_t end, std::uint64_t h) const;
  std::string keys_;
  std::array<std::uint64_t, 1024> starts_{};  // bit (first letter << 8 | second): a kept word starts so
  std::vector<std::uint32_t> codes_;
  std::uint32_t entries_ = 0;
  std::size_t longest_ = 0;  // longest word kept
};

}  // namespace sayso::detail
