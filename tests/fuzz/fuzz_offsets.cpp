// Fuzz target: offset conversion (sayso::offset_map) between UTF-8 bytes, code points and
// UTF-16 code units, against the reference decoder of fuzz_utf8.hpp.
//
// For every byte offset: from_byte gives the count of decoded units (code points, UTF-16 units)
// before the sequence holding it (a byte inside a sequence maps to the sequence's start); the
// conversion is monotonic; to_byte inverts it exactly at sequence boundaries (bytes -> code
// points -> bytes and bytes -> UTF-16 -> bytes round-trip); offsets inside a surrogate pair
// and past the end map to the character's start and to the text's size.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/text.hpp>

#include "fuzz_check.hpp"
#include "fuzz_utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using sayso::offset_unit;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sayso::offset_map map(text);
  const std::vector<sayso_fuzz::decoded> units = sayso_fuzz::decode(text);

  // Reference counts at each sequence start.
  std::vector<std::uint32_t> start_of(size + 1, 0);   // byte -> start of its sequence
  std::vector<std::uint64_t> cps_before(size + 1, 0);  // code points before that start
  std::vector<std::uint64_t> u16_before(size + 1, 0);  // UTF-16 units before that start
  std::uint64_t cps = 0;
  std::uint64_t u16 = 0;
  for (const sayso_fuzz::decoded& d : units) {
    for (std::size_t b = d.begin; b < d.begin + d.length; ++b) {
      start_of[b] = static_cast<std::uint32_t>(d.begin);
      cps_before[b] = cps;
      u16_before[b] = u16;
    }
    ++cps;
    u16 += d.code_point > 0xFFFF ? 2 : 1;
  }
  start_of[size] = static_cast<std::uint32_t>(size);
  cps_before[size] = cps;
  u16_before[size] = u16;

  SAYSO_FUZZ_CHECK(map.length(offset_unit::utf8) == size, "length in bytes");
  SAYSO_FUZZ_CHECK(map.length(offset_unit::code_point) == cps,
                   "length in code points " + std::to_string(map.length(offset_unit::code_point)) +
                       ", reference " + std::to_string(cps));
  SAYSO_FUZZ_CHECK(map.length(offset_unit::utf16) == u16, "length in UTF-16 units");

  std::uint64_t previous_cp = 0;
  std::uint64_t previous_u16 = 0;
  for (std::size_t b = 0; b <= size; ++b) {
    const auto byte = static_cast<std::uint32_t>(b);
    const std::uint64_t cp = map.from_byte(byte, offset_unit::code_point);
    const std::uint64_t u = map.from_byte(byte, offset_unit::utf16);
    SAYSO_FUZZ_CHECK(cp == cps_before[b], "byte " + std::to_string(b) + " -> code point " + std::to_string(cp) +
                                              ", reference " + std::to_string(cps_before[b]));
    SAYSO_FUZZ_CHECK(u == u16_before[b], "byte " + std::to_string(b) + " -> UTF-16 " + std::to_string(u) +
                                             ", reference " + std::to_string(u16_before[b]));
    SAYSO_FUZZ_CHECK(cp >= previous_cp && u >= previous_u16, "conversion must be monotonic");
    SAYSO_FUZZ_CHECK(map.from_byte(byte, offset_unit::utf8) == b, "bytes -> bytes");
    // Round trips: back to the start of the sequence holding the byte.
    SAYSO_FUZZ_CHECK(map.to_byte(cp, offset_unit::code_point) == start_of[b],
                     "byte " + std::to_string(b) + " -> code point -> byte " +
                         std::to_string(map.to_byte(cp, offset_unit::code_point)));
    SAYSO_FUZZ_CHECK(map.to_byte(u, offset_unit::utf16) == start_of[b],
                     "byte " + std::to_string(b) + " -> UTF-16 -> byte");
    previous_cp = cp;
    previous_u16 = u;
  }
  // Every code point and UTF-16 offset maps to a byte and back (inside a surrogate pair: to the
  // character's start); offsets past the end give the size.
  for (std::size_t k = 0; k < units.size(); ++k) {
    SAYSO_FUZZ_CHECK(map.to_byte(k, offset_unit::code_point) == units[k].begin, "code point -> byte");
    SAYSO_FUZZ_CHECK(map.from_byte(static_cast<std::uint32_t>(units[k].begin), offset_unit::code_point) == k,
                     "code point -> byte -> code point");
  }
  for (std::uint64_t k = 0; k < u16; ++k) {
    const std::uint32_t b = map.to_byte(k, offset_unit::utf16);
    SAYSO_FUZZ_CHECK(b < size && start_of[b] == b, "UTF-16 -> byte must give a sequence start");
    const std::uint64_t back = map.from_byte(b, offset_unit::utf16);
    SAYSO_FUZZ_CHECK(back == k || back + 1 == k, "UTF-16 -> byte -> UTF-16");
  }
  SAYSO_FUZZ_CHECK(map.to_byte(cps + 1, offset_unit::code_point) == size, "past the end (code points)");
  SAYSO_FUZZ_CHECK(map.to_byte(u16 + 7, offset_unit::utf16) == size, "past the end (UTF-16)");
  SAYSO_FUZZ_CHECK(map.to_byte(UINT64_MAX, offset_unit::utf16) == size, "far past the end");
  SAYSO_FUZZ_CHECK(map.to_byte(size + 5, offset_unit::utf8) == size, "past the end (bytes)");
  return 0;
}
