// Helpers shared by the unit tests: printers for sayso's types (Boost.Test finds them by
// argument-dependent lookup, so they live in namespace sayso), and a reference UTF-8 decoder
// that the offset tests compare the library against.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/sayso.hpp>

namespace sayso {

inline std::ostream& operator<<(std::ostream& os, byte_range r) {
  return os << '[' << r.begin << ", " << r.end << ')';
}

inline std::ostream& operator<<(std::ostream& os, token_kind k) {
  switch (k) {
    case token_kind::word: return os << "word";
    case token_kind::number: return os << "number";
    case token_kind::punctuation: return os << "punctuation";
    case token_kind::quotation_mark: return os << "quotation_mark";
    case token_kind::space: return os << "space";
  }
  return os << "token_kind(" << static_cast<int>(k) << ')';
}

inline std::ostream& operator<<(std::ostream& os, quote_kind k) { return os << to_string(k); }
inline std::ostream& operator<<(std::ostream& os, errc c) { return os << to_string(c); }

}  // namespace sayso

namespace sayso_test {

/// The byte range of the `occurrence`-th (0-based) occurrence of `needle` in `text`; an empty
/// range at text.size() when there is none, so that a comparison fails visibly.
inline sayso::byte_range find_range(std::string_view text, std::string_view needle,
                                    std::size_t occurrence = 0) {
  std::size_t pos = text.find(needle);
  while (pos != std::string_view::npos && occurrence > 0) {
    pos = text.find(needle, pos + 1);
    --occurrence;
  }
  if (pos == std::string_view::npos) {
    const auto end = static_cast<std::uint32_t>(text.size());
    return {end, end};
  }
  return {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + needle.size())};
}

/// One decoded unit of a UTF-8 text: where it starts, how many bytes it takes and the code
/// point it reads as (U+FFFD for a maximal ill-formed subpart).
struct decoded {
  std::size_t begin;
  std::size_t length;
  char32_t code_point;
};

/// A deliberately simple reference decoder written from the Unicode Standard, table 3-7
/// ("Well-Formed UTF-8 Byte Sequences") and section 3.9's "maximal subpart" practice, which is
/// also what Python's bytes.decode("utf-8", errors="replace") does.
inline std::vector<decoded> reference_decode(std::string_view text) {
  std::vector<decoded> out;
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    const unsigned char b0 = byte(i);
    std::size_t need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    char32_t cp = 0;
    if (b0 < 0x80) {
      out.push_back({i, 1, b0});
      ++i;
      continue;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      cp = b0 & 0x1FU;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      cp = b0 & 0x0FU;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      cp = b0 & 0x07U;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      out.push_back({i, 1, 0xFFFD});
      ++i;
      continue;
    }
    std::size_t k = 1;
    for (; k <= need; ++k) {
      if (i + k >= text.size()) break;
      const unsigned char b = byte(i + k);
      const unsigned char min = k == 1 ? lo : 0x80;
      const unsigned char max = k == 1 ? hi : 0xBF;
      if (b < min || b > max) break;
      cp = (cp << 6U) | (b & 0x3FU);
    }
    if (k > need) {
      out.push_back({i, need + 1, cp});
      i += need + 1;
    } else {
      out.push_back({i, k, 0xFFFD});  // the maximal subpart: lead plus the valid continuations
      i += k;
    }
  }
  return out;
}

/// True when `s` is well-formed UTF-8.
inline bool is_valid_utf8(std::string_view s) {
  for (const decoded& d : reference_decode(s)) {
    if (d.code_point == 0xFFFD && !(d.length == 3 && s.substr(d.begin, 3) == "\xEF\xBF\xBD")) {
      return false;
    }
  }
  return true;
}

}  // namespace sayso_test
