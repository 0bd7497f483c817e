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
  while (i < utf8.size()) {
    while (i >= next_block) {
      checkpoints_.push_back({static_cast<std::uint32_t>(i), cps, u16});
      next_block += kBlock;
    }
    // A whole block of ASCII: one code point and one UTF-16 unit per byte.
    if (i + kBlock == next_block && next_block <= utf8.size() && all_ascii(utf8, i, next_block)) {
      i = next_block;
      cps += kBlock;
      u16 += kBlock;
      continue;
    }
    u16 += step(utf8, i);
    ++cps;
  }
  // A final checkpoint at the end keeps lookups for offset == size() short.
  checkpoints_.push_back({static_cast<std::uint32_t>(i), cps, u16});
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
