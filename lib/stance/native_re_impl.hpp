// Internal to native_re (native_re.cpp compiles, native_re_search.cpp runs): what both read.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

#include "stance/native_re.hpp"
#include "text/unicode.hpp"

namespace sayso::detail::native_re_internal {

// RE2's \w (ASCII letters, digits, '_').
constexpr bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The same by byte.
inline constexpr std::array<bool, 256> kWord = [] {
  std::array<bool, 256> w{};
  for (unsigned c = 0; c < 256; ++c) w[c] = word_byte(static_cast<unsigned char>(c));
  return w;
}();

inline bool has_bit(const native_re::char_class& k, unsigned char c) { return (k.ascii[c >> 6] >> (c & 63)) & 1U; }

// The code point of the UTF-8 sequence at text[p] and its length; 0 length if the bytes there
// are not well-formed UTF-8 (decode_next reads them as U+FFFD, which the text did not hold).
inline std::pair<std::uint32_t, std::size_t> decode(std::string_view text, std::size_t p) {
  std::size_t i = p;
  const char32_t cp = decode_next(text, i);
  if (cp == 0xFFFD && text.substr(p, 3) != "\xEF\xBF\xBD") return {0, 0};
  return {static_cast<std::uint32_t>(cp), i - p};
}

}  // namespace sayso::detail::native_re_internal
