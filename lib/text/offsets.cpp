#include <algorithm>
#include <cstring>

#include <sayso/text.hpp>

#include "text/unicode.hpp"

SAYSO_BEGIN_NAMESPACE

namespace {
constexpr std::uint32_t kBlock = 64;

// Steps over one code point (or one maximal ill-formed subpart, read as U+FFFD) starting at
// byte i; returns the number of UTF-16 units it takes.
inline std::uint32_t step(std::string_view text, std::size_t& i) noexcept {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    ++i;
    return 1;
  }
  const char32_t c = detail::decode_next(text, i);
  return c > 0xFFFF ? 2 : 1;
}
// Are the bytes [begin, end) of `text` all ASCII? Eight at a time.
inline bool all_ascii(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  std::size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, text.data() + i, 8);
    if ((x & 0x8080808080808080ULL) != 0) return false;
  }
  for (; i < end; ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

// The length of the well-formed sequence a lead byte announces (0: not a lead byte).
inline std::size_t announced_length(unsigned char lead) noexcept {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// In well-formed UTF-8 bytes [begin, end): the continuation bytes (10xxxxxx) and the leads of
// four-byte sequences (11110xxx), counted eight bytes at a time.
struct byte_counts {
  std::size_t continuations = 0;
  std::size_t four_byte_leads = 0;
};
inline byte_counts count_bytes(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  // The bytes' top bits (0 or 1 each) summed with one multiplication.
  const auto sum = [](std::uint64_t top_bits) { return static_cast<std::size_t>((((top_bits >> 7) * kOnes) >> 56)); };
  byte_counts c;
  std::size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, text.data() + i, 8);
    if ((x & kHighs) == 0) continue;
    c.continuations += sum(x & ~(x << 1) & kHighs);
    c.four_byte_leads += sum(x & (x << 1) & (x << 2) & (x << 3) & ~(x << 4) & kHighs);
  }
  for (; i < end; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    c.continuations += (b & 0xC0U) == 0x80U ? 1 : 0;
    c.four_byte_leads += (b & 0xF8U) == 0xF0U ? 1 : 0;
  }
  return c;
}

}  // namespace

void offset_map::assign(std::string_view utf8) {
  check_input_size(utf8.size());
  text_ = utf8;
  checkpoints_.clear();
  checkpoints_.reserve(utf8.size() / kBlock + 1);
  std::size_t i = 0;
  std::uint32_t cps = 0;
  std::uint32_t u16 = 0;
  std::uint32_t next_block = 0;
  bool clean = true;  // the block since the last checkpoint
  while (i < utf8.size()) {
    while (i >= next_block) {
      if (!checkpoints_.empty()) checkpoints_.back().clean = clean;
      clean = true;
      checkpoints_.push_back({static_cast<std::uint32_t>(i), cps, u16});
      next_block += kBlock;
    }
    // A run of ASCII (up to the block's end): one code point and one UTF-16 unit per byte,
    // skipped eight bytes at a time.
    const std::size_t block_end = std::min<std::size_t>(next_block, utf8.size());
    std::size_t j = i;
    while (j + 8 <= block_end) {
      std::uint64_t x = 0;
      std::memcpy(&x, utf8.data() + j, 8);
      if ((x & 0x8080808080808080ULL) != 0) break;
      j += 8;
    }
    while (j < block_end && static_cast<unsigned char>(utf8[j]) < 0x80) ++j;
    if (j > i) {
      cps += static_cast<std::uint32_t>(j - i);
      u16 += static_cast<std::uint32_t>(j - i);
      i = j;
      continue;
    }
    const std::size_t at = i;
    u16 += step(utf8, i);
    ++cps;
    // (A maximal ill-formed subpart is shorter than its lead announces, or has no lead.)
    clean = clean && i - at == announced_length(static_cast<unsigned char>(utf8[at]));
  }
  if (!checkpoints_.empty()) checkpoints_.back().clean = clean;
  // A final checkpoint at the end keeps lookups for offset == size() short.
  checkpoints_.push_back({static_cast<std::uint32_t>(i), cps, u16, true});
}

std::uint64_t offset_map::from_byte(std::uint32_t byte_offset, offset_unit unit) const noexcept {
  if (unit == offset_unit::utf8) return std::min<std::uint64_t>(byte_offset, text_.size());
  if (checkpoints_.empty()) return 0;
  // Last checkpoint at or before byte_offset: checkpoint k lies at most 3 bytes after byte 64 k
  // (the end of a sequence that straddles it), so it is k or k - 1 for k = byte_offset / 64,
  // found without a search through the (in a long text, cache-missing) checkpoints.
  auto it = checkpoints_.end();
  {
    const std::size_t k = std::min<std::size_t>(byte_offset / kBlock, checkpoints_.size() - 1);
    const std::size_t at = checkpoints_[k].byte <= byte_offset || k == 0 ? k : k - 1;
    if (checkpoints_[at].byte <= byte_offset &&
        (at + 1 == checkpoints_.size() || checkpoints_[at + 1].byte > byte_offset)) {
      it = checkpoints_.begin() + static_cast<std::ptrdiff_t>(at);
    }
  }
  if (it == checkpoints_.end()) {  // (cannot happen with checkpoints made by assign)
    it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte_offset,
                          [](std::uint32_t b, const checkpoint& c) { return b < c.byte; });
    if (it != checkpoints_.begin()) --it;
  }
  std::size_t i = it->byte;
  std::uint32_t cps = it->code_points;
  std::uint32_t u16 = it->utf16;
  const std::size_t target = std::min<std::size_t>(byte_offset, text_.size());
  if (it->clean && i < target) {
    // Well-formed: a code point per byte that is no continuation byte, and a second UTF-16 unit
    // per four-byte sequence. An offset inside a sequence maps to its start (which is in this
    // block: sequences do not straddle checkpoints).
    std::size_t t = target;
    while (t > i && t < text_.size() && (static_cast<unsigned char>(text_[t]) & 0xC0U) == 0x80U) --t;
    const byte_counts c = count_bytes(text_, i, t);
    const auto n = static_cast<std::uint32_t>(t - i - c.continuations);
    return unit == offset_unit::code_point ? cps + n : u16 + n + static_cast<std::uint32_t>(c.four_byte_leads);
  }
  if (i < target && all_ascii(text_, i, target)) {
    const auto n = static_cast<std::uint32_t>(target - i);
    return unit == offset_unit::code_point ? cps + n : u16 + n;
  }
  while (i < target) {
    std::size_t next = i;
    const std::uint32_t units = step(text_, next);
    if (next > target) break;  // target is inside this sequence: map to its start
    i = next;
    u16 += units;
    ++cps;
  }
  return unit == offset_unit::code_point ? cps : u16;
}

std::uint32_t offset_map::to_byte(std::uint64_t offset, offset_unit unit) const noexcept {
  if (unit == offset_unit::utf8) {
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(offset, text_.size()));
  }
  if (checkpoints_.empty()) return 0;
  const bool cp = unit == offset_unit::code_point;
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                             [cp](std::uint64_t o, const checkpoint& c) {
                               return o < (cp ? c.code_points : c.utf16);
                             });
  if (it != checkpoints_.begin()) --it;
  std::size_t i = it->byte;
  std::uint64_t count = cp ? it->code_points : it->utf16;
  while (i < text_.size() && count < offset) {
    std::size_t next = i;
    const std::uint32_t units = step(text_, next);
    const std::uint64_t inc = cp ? 1 : units;
    if (count + inc > offset) break;  // inside a surrogate pair: map to the character's start
    count += inc;
    i = next;
  }
  return static_cast<std::uint32_t>(i);
}

SAYSO_END_NAMESPACE  // sayso::v1
