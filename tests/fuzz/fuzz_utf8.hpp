// A reference UTF-8 decoder for the fuzz targets, written from the Unicode Standard (table 3-7,
// "Well-Formed UTF-8 Byte Sequences", and section 3.9's "maximal subpart" practice, which is
// what ICU's U8_NEXT_OR_FFFD and Python's errors="replace" do). Deliberately simple and
// independent of the library, so that the fuzzers compare two implementations.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace sayso_fuzz {

/// One decoded unit: where it starts, how many bytes it takes, the code point it reads as
/// (U+FFFD for an ill-formed subpart) and whether it was well formed.
struct decoded {
  std::size_t begin;
  std::size_t length;
  char32_t code_point;
  bool well_formed;
};

inline std::vector<decoded> decode(std::string_view text) {
  std::vector<decoded> out;
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
      out.push_back({i, 1, b0, true});
      ++i;
      continue;
    }
    std::size_t need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    char32_t cp = 0;
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
      out.push_back({i, 1, 0xFFFD, false});
      ++i;
      continue;
    }
    std::size_t k = 1;
    for (; k <= need; ++k) {
      if (i + k >= text.size()) break;
      const unsigned char b = byte(i + k);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) break;
      cp = (cp << 6U) | (b & 0x3FU);
    }
    if (k > need) {
      out.push_back({i, need + 1, cp, true});
      i += need + 1;
    } else {
      out.push_back({i, k, 0xFFFD, false});
      i += k;
    }
  }
  return out;
}

inline bool is_valid_utf8(std::string_view text) {
  for (const decoded& d : decode(text)) {
    if (!d.well_formed) return false;
  }
  return true;
}

}  // namespace sayso_fuzz
