// Internal: a small streaming JSON writer (output only; input is parsed with nlohmann-json).
// Strings are written as valid UTF-8: ill-formed input bytes become U+FFFD.
#pragma once

#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace sayso::detail {

class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}

  void begin_object() { value_prefix(); out_ += '{'; first_ = true; }
  void end_object() { out_ += '}'; first_ = false; }
  void begin_array() { value_prefix(); out_ += '['; first_ = true; }
  void end_array() { out_ += ']'; first_ = false; }
  /// A member's name: one of sayso's own field names, plain ASCII that needs no escaping, so it
  /// is written as it is (a document's JSON holds hundreds of keys).
  void key(std::string_view k) {
    assert(plain_run(k, 0) == k.size());
    // One append (each costs a capacity check and a call): the comma, the quoted name, the colon.
    std::array<char, 48> buf;  // NOLINT(cppcoreguidelines-pro-type-member-init): filled below
    if (k.size() + 4 > buf.size()) {
      if (!first_) out_ += ',';
      out_ += '"';
      out_.append(k);
      out_.append("\":", 2);
    } else {
      std::size_t n = 0;
      if (!first_) buf[n++] = ',';
      buf[n++] = '"';
      std::memcpy(buf.data() + n, k.data(), k.size());
      n += k.size();
      buf[n++] = '"';
      buf[n++] = ':';
      out_.append(buf.data(), n);
    }
    after_key_ = true;
  }
  void string(std::string_view s) { value_prefix(); write_string(s); }
  /// Length of the run of bytes at s[i] that a JSON string holds as they are (printable ASCII
  /// but " and \), read eight bytes at a time; the JSON Lines reader (lib/io) reads with it too.
  static std::size_t plain_run(std::string_view s, std::size_t i) {
    const std::size_t start = i;
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t x = 0;
      std::memcpy(&x, s.data() + i, 8);
      // A byte >= 0x80, < 0x20, '"' or '\\' stops the run.
      const std::uint64_t stop = (x & highs) | has_zero(x & (ones * 0xE0)) | has_zero(x ^ (ones * '"')) |
                                 has_zero(x ^ (ones * '\\'));
      if (stop != 0) break;
    }
    while (i < s.size() && kPlainByte[static_cast<unsigned char>(s[i])]) ++i;
    return i - start;
  }
  /// The bytes plain_run lets through, one at a time.
  static constexpr std::array<bool, 256> kPlainByte = [] {
    std::array<bool, 256> plain{};
    for (unsigned c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
  }();
  void number(std::uint64_t v) {
    // The separator and the digits in one append.
    std::array<char, 24> buf;  // NOLINT(cppcoreguidelines-pro-type-member-init): filled below
    char* p = buf.data();
    if (after_key_) {
      after_key_ = false;
    } else if (!first_) {
      *p++ = ',';
    }
    first_ = false;
    const auto end = std::to_chars(p, buf.data() + buf.size(), v).ptr;
    out_.append(buf.data(), end);
  }
  void number(double v);
  void boolean(bool v) { value_prefix(); out_ += v ? "true" : "false"; }
  void null() { value_prefix(); out_ += "null"; }

 private:
  void value_prefix() {
    if (after_key_) {
      after_key_ = false;
    } else if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }
  void write_string(std::string_view s);
  // Length of the maximal ill-formed subpart at s[i]: the longest prefix of a valid sequence
  // (at least one byte).
  static std::size_t ill_formed_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0U; };
    const unsigned c = b(i);
    std::size_t need = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      lo = c == 0xE0 ? 0xA0U : 0x80U;
      hi = c == 0xED ? 0x9FU : 0xBFU;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      lo = c == 0xF0 ? 0x90U : 0x80U;
      hi = c == 0xF4 ? 0x8FU : 0xBFU;
    } else {
      return 1;
    }
    std::size_t n = 1;
    if (b(i + 1) < lo || b(i + 1) > hi) return 1;
    ++n;
    while (n <= need && (b(i + n) & 0xC0U) == 0x80U) ++n;
    return n;
  }

  // Length of the well-formed UTF-8 sequence at s[i] (a non-ASCII lead byte), or 0.
  static std::size_t well_formed_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0U; };
    const unsigned c = b(i);
    const auto cont = [&](std::size_t k) { return (b(k) & 0xC0U) == 0x80U; };
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      const unsigned lo = c == 0xE0 ? 0xA0U : 0x80U;
      const unsigned hi = c == 0xED ? 0x9FU : 0xBFU;
      return (b(i + 1) >= lo && b(i + 1) <= hi && cont(i + 2)) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      const unsigned lo = c == 0xF0 ? 0x90U : 0x80U;
      const unsigned hi = c == 0xF4 ? 0x8FU : 0xBFU;
      return (b(i + 1) >= lo && b(i + 1) <= hi && cont(i + 2) && cont(i + 3)) ? 4 : 0;
    }
    return 0;
  }

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

inline void json_writer::number(double v) {
  value_prefix();
  // As printf's "%.3g" (the standard defines it so), without printf's cost.
  std::array<char, 32> buf{};
  const auto end = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::general, 3).ptr;
  out_.append(buf.data(), end);
}

inline void json_writer::write_string(std::string_view s) {
  out_ += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      // Fast path: a run of plain ASCII.
      const std::size_t n = plain_run(s, i);
      out_.append(s.substr(i, n));
      i += n;
      continue;
    }
    if (c < 0x80) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        default: {
          std::array<char, 8> buf{};
          std::snprintf(buf.data(), buf.size(), "\\u%04x", c);
          out_ += buf.data();
        }
      }
      ++i;
      continue;
    }
    // Multi-byte: copy well-formed sequences; replace each maximal ill-formed subpart with one
    // U+FFFD, as the offsets count it (and as ICU and Python's "replace" decoding do).
    const std::size_t n = well_formed_length(s, i);
    if (n == 0) {
      out_ += "\xEF\xBF\xBD";
      i += ill_formed_length(s, i);
    } else if (n == 3 && s[i] == '\xE2' && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      out_ += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // JavaScript line terminators
      i += 3;
    } else {
      out_.append(s.substr(i, n));
      i += n;
    }
  }
  out_ += '"';
}


}  // namespace sayso::detail
