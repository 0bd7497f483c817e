// Stage 1, text: a read-only view of a UTF-8 document as paragraphs, sentences and tokens, and
// conversion of offsets between UTF-8 bytes, code points and UTF-16 code units.
//
// All ranges are half-open byte ranges into the caller's text, with the guarantee
// `text.substr(r.begin, r.size()) == surface`. Ill-formed UTF-8 is read as U+FFFD, as ICU
// does (one U+FFFD per maximal ill-formed subpart), and offsets still index the caller's bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include <sayso/export.hpp>

SAYSO_BEGIN_NAMESPACE

/// A half-open range [begin, end) of byte offsets into a UTF-8 text.
struct byte_range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  [[nodiscard]] constexpr std::uint32_t size() const noexcept { return end - begin; }
  [[nodiscard]] constexpr bool empty() const noexcept { return end <= begin; }
  /// The bytes of `text` this range covers. `text` must be the text the range was made for.
  [[nodiscard]] constexpr std::string_view of(std::string_view text) const noexcept {
    return text.substr(begin, end - begin);
  }
  friend constexpr bool operator==(byte_range, byte_range) = default;
};

/// Largest input sayso accepts: offsets are 32-bit and ICU indexes with int32_t, so texts of
/// 2 GiB (2^31 bytes) or more are refused with sayso::error(errc::input_too_large).
inline constexpr std::size_t max_input_bytes = (std::size_t{1} << 31) - 1;

/// Throws sayso::error(errc::input_too_large) when `size` exceeds max_input_bytes.
SAYSO_EXPORT void check_input_size(std::size_t size);

/// What a token is. Tokens come from ICU word boundaries (UAX #29); quotation marks are told
/// apart from other punctuation because quote detection works on them.
enum class token_kind : std::uint8_t {
  word,            ///< letters (possibly with inner apostrophes or periods: "don't", "U.S")
  number,          ///< digits, possibly with separators ("1,000", "3.5")
  punctuation,     ///< anything else that is not space, one code point or a run ICU keeps
  quotation_mark,  ///< a code point with the Unicode Quotation_Mark property, or a backtick
  space,           ///< white space, including line ends
};

/// One token: a range and a kind. Spaces are tokens too, so tokens tile the text.
struct token {
  byte_range range;
  token_kind kind = token_kind::word;
};

/// A sentence: its byte range (without surrounding space) and its tokens [first_token, end_token).
struct sentence {
  byte_range range;
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;
  std::uint32_t paragraph = 0;  ///< index of the paragraph holding it
};

/// A paragraph: text separated by a blank line, or a line of its own when the line before it
/// ends a sentence (texts written one paragraph per line). A single line break inside a
/// sentence (hard-wrapped text) does not end a paragraph.
struct paragraph {
  byte_range range;
  std::uint32_t first_sentence = 0;
  std::uint32_t end_sentence = 0;
};

/// A segmented view of a UTF-8 text: tokens, sentences and paragraphs.
///
/// Thread safety: thread-compatible (const methods may be called concurrently).
/// Ownership: does not own the text; the caller keeps it alive while the document is used.
/// Cost: one ICU word-boundary pass plus one linear pass for sentences and paragraphs; memory
/// about 12 bytes per token. `assign` reuses the storage of a previous text.
class SAYSO_EXPORT document {
 public:
  document() = default;
  /// Segments `utf8`. Throws sayso::error(errc::input_too_large) above max_input_bytes; never
  /// throws on content.
  explicit document(std::string_view utf8) { assign(utf8); }

  /// Segments a new text, reusing this document's memory.
  void assign(std::string_view utf8);

  [[nodiscard]] std::string_view text() const noexcept { return text_; }
  [[nodiscard]] std::span<const token> tokens() const noexcept { return tokens_; }
  [[nodiscard]] std::span<const sentence> sentences() const noexcept { return sentences_; }
  [[nodiscard]] std::span<const paragraph> paragraphs() const noexcept { return paragraphs_; }

  /// The text a token or range covers.
  [[nodiscard]] std::string_view text_of(byte_range r) const noexcept { return r.of(text_); }
  /// Index of the token holding byte `offset` (the last token if offset == text().size()).
  [[nodiscard]] std::uint32_t token_at(std::uint32_t offset) const noexcept;
  /// Index of the sentence holding token `token_index`.
  [[nodiscard]] std::uint32_t sentence_of_token(std::uint32_t token_index) const noexcept;

 private:
  std::string_view text_;
  std::vector<token> tokens_;
  std::vector<sentence> sentences_;
  std::vector<paragraph> paragraphs_;
};

/// Units in which offsets are written out.
enum class offset_unit : std::uint8_t {
  utf8,        ///< bytes (sayso's own unit)
  code_point,  ///< Unicode code points (Python string indices; FORMAT.md's unit)
  utf16,       ///< UTF-16 code units (JavaScript, Java, ICU)
};

/// Converts offsets between UTF-8 bytes, code points and UTF-16 code units for one text.
///
/// Ill-formed UTF-8 counts as U+FFFD per maximal ill-formed subpart (one code point, one UTF-16
/// unit), as ICU and Python's "replace" decoding count it. A byte offset inside a multi-byte
/// sequence maps to the start of that sequence.
///
/// Thread safety: thread-compatible. Ownership: does not own the text. Cost: one linear pass to
/// build (16 bytes of checkpoints per 64 input bytes); each conversion is O(64), eight bytes at a
/// time where the text is well-formed.
class SAYSO_EXPORT offset_map {
 public:
  offset_map() = default;
  explicit offset_map(std::string_view utf8) { assign(utf8); }
  void assign(std::string_view utf8);

  /// Converts a byte offset (0..size) into `unit`.
  [[nodiscard]] std::uint64_t from_byte(std::uint32_t byte_offset, offset_unit unit) const noexcept;
  /// Converts an offset in `unit` into a byte offset; offsets past the end give the text size.
  [[nodiscard]] std::uint32_t to_byte(std::uint64_t offset, offset_unit unit) const noexcept;
  /// Length of the text in `unit`.
  [[nodiscard]] std::uint64_t length(offset_unit unit) const noexcept {
    return from_byte(static_cast<std::uint32_t>(text_.size()), unit);
  }

 private:
  struct checkpoint {
    std::uint32_t byte;        // a sequence boundary at or after block * 64
    std::uint32_t code_points; // code points before `byte`
    std::uint32_t utf16;       // UTF-16 units before `byte`
    bool clean = false;        // the bytes up to the next checkpoint are well-formed UTF-8
  };
  std::string_view text_;
  std::vector<checkpoint> checkpoints_;
};

SAYSO_END_NAMESPACE  // sayso::v1
