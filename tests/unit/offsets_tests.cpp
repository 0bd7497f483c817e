// offset_map: UTF-8 bytes <-> code points <-> UTF-16 code units, on text outside the BMP and
// on ill-formed input (one U+FFFD per maximal ill-formed subpart, as Python's
// bytes.decode("utf-8", errors="replace") counts), checked against a reference decoder.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "test_util.hpp"

using sayso::offset_map;
using sayso::offset_unit;

namespace {

// Every conversion of `text` against the reference decoder: code point and UTF-16 offsets of
// every byte (a byte inside a sequence maps to the sequence's start), the inverse conversions,
// and the lengths.
void check_against_reference(std::string_view text) {
  const offset_map map(text);
  const std::vector<sayso_test::decoded> units = sayso_test::reference_decode(text);
  std::uint64_t cp = 0;
  std::uint64_t u16 = 0;
  for (const sayso_test::decoded& d : units) {
    const std::uint64_t width = d.code_point > 0xFFFF ? 2 : 1;
    for (std::size_t b = d.begin; b < d.begin + d.length; ++b) {
      const auto byte = static_cast<std::uint32_t>(b);
      BOOST_TEST_REQUIRE(map.from_byte(byte, offset_unit::code_point) == cp, "byte " << b);
      BOOST_TEST_REQUIRE(map.from_byte(byte, offset_unit::utf16) == u16, "byte " << b);
      BOOST_TEST_REQUIRE(map.from_byte(byte, offset_unit::utf8) == b);
    }
    BOOST_TEST_REQUIRE(map.to_byte(cp, offset_unit::code_point) == d.begin, "code point " << cp);
    BOOST_TEST_REQUIRE(map.to_byte(u16, offset_unit::utf16) == d.begin, "utf16 " << u16);
    if (width == 2) {
      // The low surrogate's offset is inside the character: it maps to the character's start.
      BOOST_TEST_REQUIRE(map.to_byte(u16 + 1, offset_unit::utf16) == d.begin);
    }
    cp += 1;
    u16 += width;
  }
  const auto size = static_cast<std::uint32_t>(text.size());
  BOOST_TEST(map.from_byte(size, offset_unit::code_point) == cp);
  BOOST_TEST(map.from_byte(size, offset_unit::utf16) == u16);
  BOOST_TEST(map.length(offset_unit::code_point) == cp);
  BOOST_TEST(map.length(offset_unit::utf16) == u16);
  BOOST_TEST(map.length(offset_unit::utf8) == text.size());
  BOOST_TEST(map.to_byte(cp, offset_unit::code_point) == size);
  BOOST_TEST(map.to_byte(u16, offset_unit::utf16) == size);
  BOOST_TEST(map.to_byte(cp + 5, offset_unit::code_point) == size);
  BOOST_TEST(map.to_byte(u16 + 5, offset_unit::utf16) == size);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(offsets_tests)

BOOST_AUTO_TEST_CASE(ascii_is_the_identity) {
  const std::string_view text = "Talks resumed on Monday.";
  const offset_map map(text);
  for (std::uint32_t b = 0; b <= text.size(); ++b) {
    BOOST_TEST(map.from_byte(b, offset_unit::code_point) == b);
    BOOST_TEST(map.from_byte(b, offset_unit::utf16) == b);
    BOOST_TEST(map.to_byte(b, offset_unit::code_point) == b);
    BOOST_TEST(map.to_byte(b, offset_unit::utf16) == b);
  }
}

BOOST_AUTO_TEST_CASE(empty_text) {
  const offset_map map("");
  BOOST_TEST(map.length(offset_unit::code_point) == 0U);
  BOOST_TEST(map.length(offset_unit::utf16) == 0U);
  BOOST_TEST(map.from_byte(0, offset_unit::code_point) == 0U);
  BOOST_TEST(map.to_byte(3, offset_unit::utf16) == 0U);
  const offset_map unassigned;
  BOOST_TEST(unassigned.length(offset_unit::code_point) == 0U);
}

BOOST_AUTO_TEST_CASE(two_three_and_four_byte_characters) {
  // a (1 byte) é (2) € (3) 😀 (4, outside the BMP: a surrogate pair in UTF-16) b (1)
  const std::string_view text = "a\u00E9\u20AC\U0001F600b";
  BOOST_TEST_REQUIRE(text.size() == 11U);
  const offset_map map(text);
  struct row {
    std::uint32_t byte;
    std::uint64_t code_point;
    std::uint64_t utf16;
  };
  for (const row& r :
       {row{0, 0, 0}, row{1, 1, 1}, row{3, 2, 2}, row{6, 3, 3}, row{10, 4, 5}, row{11, 5, 6}}) {
    BOOST_TEST_CONTEXT("byte " << r.byte) {
      BOOST_TEST(map.from_byte(r.byte, offset_unit::code_point) == r.code_point);
      BOOST_TEST(map.from_byte(r.byte, offset_unit::utf16) == r.utf16);
      BOOST_TEST(map.to_byte(r.code_point, offset_unit::code_point) == r.byte);
      BOOST_TEST(map.to_byte(r.utf16, offset_unit::utf16) == r.byte);
    }
  }
  // A byte offset inside a sequence maps to the start of its character.
  BOOST_TEST(map.from_byte(2, offset_unit::code_point) == 1U);
  BOOST_TEST(map.from_byte(8, offset_unit::code_point) == 3U);
  BOOST_TEST(map.from_byte(9, offset_unit::utf16) == 3U);
  // UTF-16 offset 4 is the low surrogate of 😀: it maps to the emoji's first byte.
  BOOST_TEST(map.to_byte(4, offset_unit::utf16) == 6U);
  BOOST_TEST(map.length(offset_unit::code_point) == 5U);
  BOOST_TEST(map.length(offset_unit::utf16) == 6U);
  check_against_reference(text);
}

BOOST_AUTO_TEST_CASE(flags_and_emoji_sequences_count_each_code_point) {
  // 🇺🇳 is two regional indicators, 👩‍👩‍👧 five code points joined by ZWJ: offsets count
  // code points, not grapheme clusters (as Python and FORMAT.md do).
  const std::string_view text =
      "\U0001F1FA\U0001F1F3 x \U0001F469\u200D\U0001F469\u200D\U0001F467!";
  const offset_map map(text);
  BOOST_TEST(map.length(offset_unit::code_point) == 2U + 3U + 5U + 1U);
  BOOST_TEST(map.length(offset_unit::utf16) == 4U + 3U + 8U + 1U);
  check_against_reference(text);
}

BOOST_AUTO_TEST_CASE(ill_formed_input_reads_as_one_replacement_per_maximal_subpart) {
  // Python: b"a\xff\xe2\x82b\xf0\x9f\x98".decode("utf-8", "replace") == "a\ufffd\ufffdb\ufffd"
  const std::string text(
      "a\xFF\xE2\x82"
      "b\xF0\x9F\x98");
  const offset_map map(text);
  BOOST_TEST(map.length(offset_unit::code_point) == 5U);
  BOOST_TEST(map.length(offset_unit::utf16) == 5U);
  BOOST_TEST(map.from_byte(1, offset_unit::code_point) == 1U);  // \xFF
  BOOST_TEST(map.from_byte(2, offset_unit::code_point) == 2U);  // \xE2\x82, a truncated sequence
  BOOST_TEST(map.from_byte(3, offset_unit::code_point) == 2U);  // inside it
  BOOST_TEST(map.from_byte(4, offset_unit::code_point) == 3U);  // b
  BOOST_TEST(map.from_byte(5, offset_unit::code_point) ==
             4U);  // \xF0\x9F\x98, truncated at the end
  BOOST_TEST(map.to_byte(3, offset_unit::code_point) == 4U);
  BOOST_TEST(map.to_byte(4, offset_unit::utf16) == 5U);
  check_against_reference(text);
}

BOOST_AUTO_TEST_CASE(ill_formed_sequences_that_are_never_valid) {
  // Each of these bytes is its own maximal subpart (Python gives 12 replacement characters):
  // overlong C0 AF, surrogate ED A0 80, F4 90 80 80 above U+10FFFF, overlong E0 80 80.
  const std::string text("\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80\xE0\x80\x80");
  const offset_map map(text);
  BOOST_TEST(map.length(offset_unit::code_point) == 12U);
  BOOST_TEST(map.length(offset_unit::utf16) == 12U);
  check_against_reference(text);
  // Lone continuation bytes, a 5-byte lead and the bytes that never occur in UTF-8.
  check_against_reference(std::string("\x80\xBF x \xF8\x88\x80\x80\x80 \xFE\xFF \xC1\xBF"));
}

BOOST_AUTO_TEST_CASE(round_trips_across_checkpoint_blocks) {
  // Longer than the map's 64-byte blocks, with multi-byte characters straddling block edges.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "Peace talks \u00E9\u00E9 \u201Cnow\u201D \U0001F54A\uFE0F ";
    text += std::to_string(i);
  }
  check_against_reference(text);
  const offset_map map(text);
  for (const offset_unit unit : {offset_unit::code_point, offset_unit::utf16}) {
    const std::uint64_t length = map.length(unit);
    for (std::uint64_t o = 0; o <= length; ++o) {
      const std::uint32_t byte = map.to_byte(o, unit);
      const std::uint64_t back = map.from_byte(byte, unit);
      // Exact, except a UTF-16 offset inside a surrogate pair, which moves to the pair's start.
      BOOST_TEST_REQUIRE((back == o || (unit == offset_unit::utf16 && back + 1 == o)));
    }
  }
}

BOOST_AUTO_TEST_CASE(random_bytes_match_the_reference_decoder) {
  // Deterministic pseudo-random texts biased towards lead and continuation bytes, so that
  // every kind of ill-formed sequence turns up.
  std::mt19937 rng(20260101);
  const std::string alphabet("ab \x80\x8F\x90\x9F\xA0\xBF\xC2\xDF\xE0\xED\xEF\xF0\xF4\xF5\xFF\xC0",
                             20);
  for (int n = 0; n < 200; ++n) {
    std::string text;
    const std::size_t size = rng() % 300;
    for (std::size_t i = 0; i < size; ++i) text += alphabet[rng() % alphabet.size()];
    BOOST_TEST_CONTEXT("random text " << n) { check_against_reference(text); }
  }
}

BOOST_AUTO_TEST_CASE(well_formed_blocks_beside_ill_formed_ones_match_the_reference) {
  // Mostly well-formed text (one to four bytes a character) with a rare stray or truncated
  // sequence: some 64-byte blocks are counted eight bytes at a time, their neighbours are not.
  std::mt19937 rng(20260102);
  const std::vector<std::string> pieces = {"a", " ", "talks", "\u00E9", "\u201C", "\u201D", "\U0001F54A",
                                           "\u2019s", "\x80", "\xE2\x80", "\xF0\x9F\x95", "\xC3"};
  for (int n = 0; n < 100; ++n) {
    std::string text;
    const std::size_t size = 50 + rng() % 400;
    while (text.size() < size) {
      const std::size_t k = rng() % 200;
      text += pieces[k < 196 ? k % 8 : 8 + k % 4];
    }
    BOOST_TEST_CONTEXT("text " << n) { check_against_reference(text); }
  }
}

BOOST_AUTO_TEST_CASE(offsets_past_the_end_are_clamped) {
  const std::string_view text = "d\u00E9j\u00E0";  // 6 bytes, 4 code points
  const offset_map map(text);
  BOOST_TEST(map.from_byte(100, offset_unit::code_point) == 4U);
  BOOST_TEST(map.from_byte(100, offset_unit::utf8) == 6U);
  BOOST_TEST(map.to_byte(100, offset_unit::code_point) == 6U);
  BOOST_TEST(map.to_byte(100, offset_unit::utf8) == 6U);
}

BOOST_AUTO_TEST_SUITE_END()
