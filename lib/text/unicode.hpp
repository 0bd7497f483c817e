// Internal: small Unicode helpers shared by the stages (decoding with U+FFFD, character
// classes), and the per-thread ICU word iterator.
#pragma once

#include <cstdint>
#include <string_view>

#include <unicode/brkiter.h>

namespace sayso::detail {

/// Decodes the code point at byte `i` of `s` (i < s.size()) and advances `i` past it.
/// Ill-formed sequences give U+FFFD, one per maximal subpart (ICU's U8_NEXT_OR_FFFD).
char32_t decode_next(std::string_view s, std::size_t& i) noexcept;

/// Decodes the code point that ends at byte `i` (i > 0) and moves `i` back to its start.
char32_t decode_previous(std::string_view s, std::size_t& i) noexcept;

/// The first code point of `s`, or 0 if empty.
inline char32_t first_code_point(std::string_view s) noexcept;
/// The last code point of `s`, or 0 if empty.
char32_t last_code_point(std::string_view s) noexcept;

// Inline for ASCII (nearly every call), out of line beyond.
inline bool is_white_space(char32_t c) noexcept;
bool is_quotation_mark(char32_t c) noexcept;
inline bool is_upper(char32_t c) noexcept;
inline bool is_lower(char32_t c) noexcept;
bool is_letter(char32_t c) noexcept;
bool is_digit(char32_t c) noexcept;
/// Dashes: hyphen-minus excluded; en dash, em dash, horizontal bar, and similar.
bool is_dash(char32_t c) noexcept;

/// A word-boundary iterator for the calling thread, cloned once per thread from a shared
/// prototype (creating one costs far more than cloning). Never null.
icu::BreakIterator& thread_word_iterator();

// ---- inline definitions ----------------------------------------------------------------------

bool is_white_space_beyond_ascii(char32_t c) noexcept;
bool is_upper_beyond_ascii(char32_t c) noexcept;
bool is_lower_beyond_ascii(char32_t c) noexcept;

inline char32_t first_code_point(std::string_view s) noexcept {
  if (s.empty()) return 0;
  if (static_cast<unsigned char>(s[0]) < 0x80) return static_cast<char32_t>(s[0]);
  std::size_t i = 0;
  return decode_next(s, i);
}

inline bool is_white_space(char32_t c) noexcept {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return is_white_space_beyond_ascii(c);
}

inline bool is_upper(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return is_upper_beyond_ascii(c);
}

inline bool is_lower(char32_t c) noexcept {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return is_lower_beyond_ascii(c);
}

}  // namespace sayso::detail
