// Internal: a parse of the RE2 syntax the lexicons use, for word_screen's analysis (which
// words every match of an expression holds).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sayso::detail::pattern_syntax {

/// RE2's \w: ASCII letters, digits and '_'.
constexpr bool word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// ---- a parse of the RE2 syntax the lexicons use -------------------------------------------------
//
// Only what the analysis needs: which characters a piece may match, as word characters (lower
// case) or "some non-word character" (' '). Anything else (anchors, Unicode classes, flags
// groups other than (?i:) and (?-i:), back-references) fails the parse of its alternative.

struct node {
  enum kind_t { literal, klass, concat, alternate, repeat, boundary };
  explicit node(kind_t k = literal, char ch = ' ') : kind(k), text(1, ch) {}
  kind_t kind = literal;
  std::string text;           // literal: lower-case word characters, ' ' for a non-word one
  std::string words;          // klass: the word characters it matches (lower case)
  bool nonword = false;       // klass: it matches non-word characters too (or only)
  std::vector<node> children; // concat, alternate, repeat (one)
  int min = 0;
  int max = 0;                // repeat: -1 unbounded
  // Where the piece is written in the pattern, and whether (?-i:) holds there: its text.
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  bool sensitive = false;
  // strings(): computed once (null: infinitely or too many).
  mutable bool strings_known = false;
  mutable std::shared_ptr<const std::vector<std::string>> strings_memo;
};

struct parse_error {};

/// The parse of `pattern` (RE2 syntax); throws parse_error where the analysis cannot follow it.
/// Cost: linear in the pattern. Thread-safe (no shared state).
node parse(std::string_view pattern);

}  // namespace sayso::detail::pattern_syntax
