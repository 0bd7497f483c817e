// Internal: a matcher of our own for the RE2 expressions of the lexicons, that needs no RE2
// compilation, and says when it cannot answer as RE2 would.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace sayso::detail {

namespace blob {
struct writer;
}  // namespace blob

/// An RE2 pattern (compiled case-insensitively, as the lexicons' are) run by a small
/// backtracking machine, for the searches of the stance stage.
///
/// Why: RE2 has no saved compiled form, and compiling the expressions a process needs (a
/// term's whole expression for the document counts, the alternatives the word screen lets
/// through, the contexts' conditions) took about a third of a whole run over a few hundred
/// kilobytes. This machine is compiled from the pattern in microseconds. It answers as RE2's
/// leftmost-first search: the leftmost place where the pattern matches, and there the match of
/// the first branch (in priority order: alternatives in order, repeats greedy) that matches,
/// as Perl would; RE2 gives the same except for empty loops, which are not accepted here.
///
/// What it follows: literals (ASCII, and non-ASCII ones that have no other case: quotation
/// marks, apostrophes, dashes), groups ((?:), (?i:), (?-i:), plain parentheses), alternation,
/// repeats (*, +, ?, {m,n}, greedy or lazy; not of what can match nothing, unless bounded),
/// classes of ASCII characters ([...], [^...], \w \W \d \D \s \S, .) and \b \B ^ $. Anything
/// else makes ok() false (the caller uses RE2). A search that meets what it cannot decide as
/// RE2 would (invalid UTF-8 where a class reads a character, the Kelvin sign or the long s,
/// which RE2 folds to k and s; or too long a backtracking) answers `unknown`.
///
/// Thread safety: immutable after construction; search() uses a per-thread stack.
class native_re {
 public:
  native_re() = default;
  explicit native_re(std::string_view pattern);

  [[nodiscard]] bool ok() const noexcept { return ok_; }
  /// Whether every match starts at a word boundary (each branch starts with \b).
  [[nodiscard]] bool bounded() const noexcept { return bounded_; }

  /// The compiled machine as bytes (native_re_io.cpp), and back: the built-in lexicons' machines
  /// are compiled at build time (lexgen, prebuilt.hpp) and read from the library's data on first
  /// use. load() of what save() wrote searches as the machine saved; it throws
  /// std::runtime_error on bytes that are not such a machine.
  void save(blob::writer& w) const;
  static std::unique_ptr<native_re> load(std::string_view bytes);

  enum class result : std::uint8_t { none, match, unknown };
  /// The leftmost-first match of the pattern in `text` starting at `from` or later, as
  /// RE2::Match(text, from, text.size(), UNANCHORED) with one submatch gives it ([begin, end)
  /// offsets in `text`; \b, ^ and $ see all of `text`). With `limit`, as RE2::Match(text, from,
  /// limit, ...): the match lies in [from, limit) (\b and $ still see the text after it).
  /// With `work`, adds to it how much the search did (bytes read and steps of the machine).
  /// `boundaries`: those of `text` (null: none known); where every match starts at a word
  /// boundary (each branch starts with \b), only those with a byte a match may start with are
  /// tried.
  struct boundary_index;
  result search(std::string_view text, std::size_t from, std::size_t& begin, std::size_t& end,
                std::size_t limit = std::string_view::npos, std::size_t* work = nullptr,
                const boundary_index* boundaries = nullptr) const;

  /// The places of a text (0 to its size) where RE2's \b holds, by the byte there (256: the
  /// end of the text), each byte's ascending: for searching one text again and again.
  struct boundary_index {
    std::array<std::uint32_t, 258> start{};  // byte c's places: at[start[c], start[c + 1])
    std::vector<std::uint32_t> at;
    void build(std::string_view text);
  };

  struct inst {
    enum op_t : std::uint8_t { byte, klass, split, dispatch, jump, boundary, not_boundary, begin_text, end_text, match };
    op_t op = match;
    bool fold = false;      // byte: compare in ASCII lower case (the byte is lower case)
    std::uint8_t c = 0;     // byte
    std::uint32_t x = 0;    // split: preferred; jump: target; klass: class index; dispatch: its index
    std::uint32_t y = 0;    // split: the other
    // split: 1 + the index in guards_ of the bytes the preferred path's match must start with
    // (it matches nothing else), or 0: then the other path is taken at once on any other byte.
    std::uint32_t guard = 0;
  };
  struct char_class {
    std::array<std::uint64_t, 2> ascii{};  // bit c: ASCII character c matches
    bool other = false;                    // every non-ASCII character matches
  };

  // An alternation of many branches, none of which matches nothing: per byte, the branches (their
  // first instructions, in priority order) that may start with it: targets[start[c], start[c + 1]).
  struct dispatch_table {
    std::array<std::uint32_t, 257> start{};
    std::vector<std::uint32_t> targets;
  };

 private:
  using stack_t = std::vector<std::pair<std::uint32_t, std::size_t>>;
  result run(std::uint32_t pc, std::string_view text, std::size_t limit, std::size_t p, std::size_t& end,
             stack_t& stack, std::size_t& steps) const;

  bool ok_ = false;
  std::vector<inst> prog_;
  std::vector<char_class> classes_;
  std::vector<std::array<std::uint64_t, 4>> guards_;
  std::vector<dispatch_table> dispatches_;
  std::vector<std::uint32_t> branches_;  // the first instruction of each branch, in priority order
  // Per byte at a start (256: the end of the text): the branches that may match there, at a word
  // boundary (all) and elsewhere (those that do not start with \b). A branch that starts with
  // \b is run from its next instruction (the boundary is checked once for all).
  std::array<std::vector<std::uint16_t>, 257> at_boundary_;
  std::array<std::vector<std::uint16_t>, 257> inside_;
  std::vector<std::uint8_t> skip_;  // per branch: 1 if it starts with \b
  // Per byte: 1 if a branch may start with it at a word boundary, 2 elsewhere (so that the
  // search passes over the other bytes at once).
  std::array<std::uint8_t, 257> starts_{};
  // The bytes (before the end of the text) where a match may start, when there are at most four
  // of them ("m" and "M"): search() finds the next of them with memchr. 0: more (or none).
  std::array<unsigned char, 4> first_{};
  std::uint8_t first_count_ = 0;
  bool bounded_ = false;  // every match starts at a word boundary (each branch starts with \b)
  // For a small bounded machine, per ASCII first byte c of a match: 1 + the index in seconds_ of
  // the bytes that may follow it in a match (a superset), or 0 (any).
  std::array<std::uint16_t, 128> second_of_{};
  std::vector<std::array<std::uint64_t, 4>> seconds_;
  // Whether a match may start with byte c, then d (true where not known).
  [[nodiscard]] bool may_follow(unsigned c, unsigned d) const noexcept {
    if (c >= 128 || second_of_[c] == 0) return true;
    return ((seconds_[second_of_[c] - 1][d >> 6] >> (d & 63)) & 1U) != 0;
  }
  // The bytes that may follow c in a match of the branches that start with it (an over-estimate),
  // into `out`; false if any may.
  bool follow_set(unsigned c, std::array<std::uint64_t, 4>& out) const;
  void index_starts();  // first_, bounded_ and seconds_ from the program (after compiling or loading)
};

}  // namespace sayso::detail
