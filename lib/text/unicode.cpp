#include "text/unicode.hpp"

#include <memory>
#include <mutex>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <sayso/error.hpp>

namespace sayso::detail {

char32_t decode_next(std::string_view s, std::size_t& i) noexcept {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  auto pos = static_cast<std::int32_t>(i);
  UChar32 c = 0;
  U8_NEXT_OR_FFFD(p, pos, length, c);
  i = static_cast<std::size_t>(pos);
  return static_cast<char32_t>(c);
}

char32_t decode_previous(std::string_view s, std::size_t& i) noexcept {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  auto pos = static_cast<std::int32_t>(i);
  UChar32 c = 0;
  U8_PREV_OR_FFFD(p, 0, pos, c);
  i = static_cast<std::size_t>(pos);
  return static_cast<char32_t>(c);
}

char32_t last_code_point(std::string_view s) noexcept {
  if (s.empty()) return 0;
  if (static_cast<unsigned char>(s.back()) < 0x80) return static_cast<char32_t>(s.back());
  std::size_t i = s.size();
  return decode_previous(s, i);
}

bool is_white_space_beyond_ascii(char32_t c) noexcept {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0;
}

bool is_quotation_mark(char32_t c) noexcept {
  if (c < 0x80) return c == '"' || c == '\'' || c == '`';
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_QUOTATION_MARK) != 0;
}

bool is_upper_beyond_ascii(char32_t c) noexcept {
  return u_isUUppercase(static_cast<UChar32>(c)) != 0 || u_istitle(static_cast<UChar32>(c)) != 0;
}

bool is_lower_beyond_ascii(char32_t c) noexcept {
  return u_isULowercase(static_cast<UChar32>(c)) != 0;
}

bool is_letter(char32_t c) noexcept {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c)) != 0;
}

bool is_digit(char32_t c) noexcept {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(static_cast<UChar32>(c)) != 0;
}

bool is_dash(char32_t c) noexcept {
  switch (c) {
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
    case 0xFE58: case 0xFF0D:
      return true;
    default:
      return false;
  }
}

namespace {

std::unique_ptr<icu::BreakIterator> make_prototype() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !it) {
    throw error(errc::invalid_argument,
                std::string("ICU could not create a word break iterator: ") + u_errorName(status));
  }
  return it;
}

}  // namespace

icu::BreakIterator& thread_word_iterator() {
  static std::mutex mutex;
  static const std::unique_ptr<icu::BreakIterator> prototype = make_prototype();
  thread_local std::unique_ptr<icu::BreakIterator> mine;
  if (!mine) {
    const std::lock_guard lock(mutex);
    mine.reset(prototype->clone());
  }
  return *mine;
}

}  // namespace sayso::detail
