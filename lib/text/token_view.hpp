// Internal: what the rules of the later stages ask of a token (its text, kind, word classes,
// capitalisation, neighbours), shared by attribution and speaker resolution.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include <sayso/text.hpp>

#include "text/lexicon.hpp"
#include "text/unicode.hpp"

namespace sayso::detail {

/// "No token": what prev() returns at the start of a stretch.
inline constexpr std::uint32_t npos = UINT32_MAX;

/// Tokens [first, end) of a document: a speaker mention, a cue, a content.
struct token_span {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  [[nodiscard]] std::uint32_t last() const noexcept { return end - 1; }
  friend bool operator==(const token_span&, const token_span&) = default;
};

/// The tokens of one document with their lexicon features, and the questions the rules ask of
/// them. A view: the document and the features must outlive it. Thread-compatible; cheap to
/// copy (three pointers and a size); every function is O(1) except where noted.
class token_view {
 public:
  token_view(const document& doc, const std::vector<token_info>& info) noexcept
      : text_(doc.text()), tok_(doc.tokens()), info_(info) {}

  /// The token's text.
  [[nodiscard]] std::string_view s(std::uint32_t i) const { return tok_[i].range.of(text_); }
  [[nodiscard]] bool is_word(std::uint32_t i) const { return tok_[i].kind == token_kind::word; }
  [[nodiscard]] bool is_wordish(std::uint32_t i) const {
    return tok_[i].kind == token_kind::word || tok_[i].kind == token_kind::number;
  }
  /// Word classes (lexicon.hpp's word_class bits).
  [[nodiscard]] std::uint32_t cls(std::uint32_t i) const { return info_[i].classes; }
  /// Starts with a capital letter.
  [[nodiscard]] bool cap(std::uint32_t i) const { return info_[i].starts_upper(); }
  /// Is word i, lower-cased as the lexicon reads it (lookup_key), the word `w`?
  [[nodiscard]] bool lower_is(std::uint32_t i, std::string_view w) const {
    // (Not a word, or a word whose key starts with another byte: most calls end here, without
    // reading the token or its text.)
    const std::uint8_t first = info_[i].first;
    if (!w.empty() && first != token_info::kAnyFirst && first != static_cast<unsigned char>(w[0])) return false;
    if (!is_word(i)) return false;
    const std::string_view t = s(i);
    // lookup_key(t) == w without building the key (this runs for most tokens, many times):
    // the key is never longer than the word, and a word without ’ (E2 80 99, read as ') has for
    // key the word itself with its ASCII letters lowered.
    if (t.size() < w.size()) return false;
    const auto lowered = [](unsigned char c) {
      return static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    };
    // The first byte decides most calls: unless it starts a ’, it is the key's first byte.
    if (!w.empty() && t[0] != '\xE2' && lowered(static_cast<unsigned char>(t[0])) != w[0])
      return false;
    if (t.size() <= 32) {
      if (t.size() == w.size()) {
        // As long as the key only if the word holds no ’ (each makes the key two bytes shorter):
        // then the key is the word lowered.
        bool e2 = false;
        for (std::size_t k = 0; k < t.size(); ++k) {
          if (lowered(static_cast<unsigned char>(t[k])) != w[k]) return false;
          e2 = e2 || t[k] == '\xE2';
        }
        if (!e2) return true;
      }
      // Longer than w: only its ’ could make the key as short, two bytes each.
      if ((t.size() - w.size()) % 2 != 0 || std::none_of(t.begin(), t.end(), [](char c) { return c == '\xE2'; })) {
        return false;
      }
    }
    std::array<char, 32> buf{};
    return lookup_key(t, buf) == w;
  }
  [[nodiscard]] bool punct_is(std::uint32_t i, std::string_view p) const {
    return tok_[i].kind == token_kind::punctuation && s(i) == p;
  }
  [[nodiscard]] bool is_comma(std::uint32_t i) const { return punct_is(i, ","); }
  /// A dash: a dash character, or hyphens with space on both sides (" - ", " -- ").
  [[nodiscard]] bool is_dash(std::uint32_t i) const {
    if (tok_[i].kind != token_kind::punctuation) return false;
    const std::string_view t = s(i);
    if (t == "-" || t == "--") {
      std::uint32_t a = i;
      std::uint32_t b = i;
      while (a > 0 && s(a - 1) == "-") --a;
      while (b + 1 < tok_.size() && s(b + 1) == "-") ++b;
      return a > 0 && b + 1 < tok_.size() && b - a < 3 && tok_[a - 1].kind == token_kind::space &&
             tok_[b + 1].kind == token_kind::space;
    }
    return detail::is_dash(first_code_point(t));
  }
  /// Sentence-final punctuation: . ! ? …
  [[nodiscard]] bool is_terminal(std::uint32_t i) const {
    if (tok_[i].kind != token_kind::punctuation) return false;
    const std::string_view t = s(i);
    return t == "." || t == "!" || t == "?" || first_code_point(t) == 0x2026;
  }
  /// The next token after i that is not space, or `end`.
  [[nodiscard]] std::uint32_t next(std::uint32_t i, std::uint32_t end) const {
    ++i;
    while (i < end && tok_[i].kind == token_kind::space) ++i;
    return std::min(i, end);
  }
  /// The token before i that is not space, not before `first`; npos if none.
  [[nodiscard]] std::uint32_t prev(std::uint32_t i, std::uint32_t first) const {
    while (i > first) {
      --i;
      if (tok_[i].kind != token_kind::space) return i;
    }
    return npos;
  }
  /// "hasn't", "didn’t", "won't": an auxiliary with its negation in one token.
  [[nodiscard]] bool negated_auxiliary(std::uint32_t i) const {
    if (!is_word(i)) return false;
    const std::string_view w = s(i);
    const auto tail = [w](std::string_view e) {
      return w.size() >= e.size() + 2 && w.substr(w.size() - e.size()) == e;
    };
    return tail("n't") || tail("n\xE2\x80\x99t");
  }
  /// "it’s", "they’re", "we’ll", "he’d": a pronoun and a verb in one token.
  [[nodiscard]] bool has_contraction(std::uint32_t i) const;

  /// "Trump's", "Rubio’s": a word ending in a possessive 's.
  [[nodiscard]] static bool possessive_s(std::string_view w) {
    return (w.size() > 2 && w.substr(w.size() - 2) == "'s") ||
           (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s");
  }
  /// Does `w` end with `e` after at least three more bytes ("-ed" in "said" does not count)?
  [[nodiscard]] static bool ends_with(std::string_view w, std::string_view e) {
    return w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e;
  }

 protected:
  std::string_view text_;
  std::span<const token> tok_;
  std::span<const token_info> info_;
};

inline bool token_view::has_contraction(std::uint32_t i) const {
  const std::string_view w = s(i);
  for (const std::string_view a : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    const std::size_t at = w.find(a);
    if (at == std::string_view::npos || at == 0) continue;
    // Only after a pronoun: "week’s" is a possessive.
    std::array<char, 32> buf{};
    const std::string_view base = lookup_key(w.substr(0, at), buf);
    static constexpr std::array<std::string_view, 12> kBases = {
        "it", "he", "she", "they", "we", "you", "i", "that", "there", "what", "who", "here"};
    if (std::find(kBases.begin(), kBases.end(), base) == kBases.end()) continue;
    const std::string_view rest = w.substr(at + a.size());
    if (rest == "s" || rest == "re" || rest == "ll" || rest == "d" || rest == "ve" || rest == "m")
      return true;
  }
  return false;
}

}  // namespace sayso::detail
