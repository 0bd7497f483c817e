// Internal: a hash table from short strings (words, keys of a few words) to values, for the
// look-ups the rules make per token and per name.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sayso::detail {

/// Eight (four) bytes from p, unaligned, as one integer in the machine's byte order: a
/// fixed-size memcpy, which compilers turn into one load.
inline std::uint64_t load_u64(const char* p) noexcept {
  std::uint64_t w = 0;
  std::memcpy(&w, p, 8);
  return w;
}
inline std::uint64_t load_u32(const char* p) noexcept {
  std::uint32_t w = 0;
  std::memcpy(&w, p, 4);
  return std::uint64_t{w};
}

/// A hash of a short string: a few multiplications per eight bytes (std::hash runs a byte loop
/// and the table behind std::unordered_map chases a pointer per entry). Short tails are read
/// with overlapping fixed-size loads, not a memcpy of variable length (a library call).
inline std::uint64_t word_hash(std::string_view s) noexcept {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  const auto mix = [&h](std::uint64_t w) {
    h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  };
  if (n > 8) {
    for (; n > 8; p += 8, n -= 8) mix(load_u64(p));
    mix(load_u64(p + n - 8));  // the last eight bytes, overlapping those before
  } else if (n >= 4) {
    mix(load_u32(p) | (load_u32(p + n - 4) << 32));
  } else if (n > 0) {
    const auto byte = [p](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    mix(byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16));
  }
  h *= 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 29);
}

/// A set of hashes that says "surely absent" for most words a table does not hold, without
/// touching the table: one bit per hash value's top 16 bits (8 KiB).
class word_filter {
 public:
  void add(std::uint64_t h) noexcept { bits_[h >> 54] |= std::uint64_t{1} << ((h >> 48) & 63); }
  [[nodiscard]] bool may_hold(std::uint64_t h) const noexcept {
    return ((bits_[h >> 54] >> ((h >> 48) & 63)) & 1U) != 0;
  }

 private:
  std::array<std::uint64_t, 1024> bits_{};
};

/// Strings to values: open addressing over an array of slots, the entries (key and value) in
/// insertion order in a vector. clear() keeps every buffer (the slots, the keys' strings, and a
/// value's own buffers when it has a clear()), so a table filled anew for each document stops
/// allocating once it has seen a document as large. Not iterable in any meaningful order (no
/// rule may depend on one). Thread-compatible. Look-ups and insertions cost one hash and
/// usually one slot; pointers and references to values stay valid until the next insertion.
template <class V>
class word_table {
 public:
  /// The value of `key`, or null.
  [[nodiscard]] V* find(std::string_view key) noexcept {
    const std::uint32_t i = locate(key, word_hash(key));
    return i == kNone ? nullptr : &entries_[i].value;
  }
  [[nodiscard]] const V* find(std::string_view key) const noexcept {
    const std::uint32_t i = locate(key, word_hash(key));
    return i == kNone ? nullptr : &entries_[i].value;
  }
  /// find(key), `h` being word_hash(key).
  [[nodiscard]] const V* find(std::string_view key, std::uint64_t h) const noexcept {
    const std::uint32_t i = locate(key, h);
    return i == kNone ? nullptr : &entries_[i].value;
  }
  [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }

  /// The value of `key`, inserted (value-initialised, or cleared) if absent.
  V& operator[](std::string_view key) { return emplace(key).first; }

  /// The value of `key` and whether it was inserted; an inserted value is value-initialised (or
  /// a kept one, cleared).
  std::pair<V&, bool> emplace(std::string_view key) {
    const std::uint64_t h = word_hash(key);
    if (const std::uint32_t i = locate(key, h); i != kNone) return {entries_[i].value, false};
    if (2 * (size_ + 1) > slots_.size()) grow();
    const auto index = static_cast<std::uint32_t>(size_);
    if (index < entries_.size()) {
      entry& e = entries_[index];
      e.key.assign(key);
      if constexpr (requires(V& v) { v.clear(); }) {
        e.value.clear();
      } else {
        e.value = V{};
      }
    } else {
      entries_.push_back({std::string(key), V{}, 0});
    }
    ++size_;
    place(index, h);
    return {entries_[index].value, true};
  }

  /// Inserts `key` with `value` unless present (std::unordered_map::emplace): false if present.
  bool try_emplace(std::string_view key, const V& value) {
    auto [v, inserted] = emplace(key);
    if (inserted) v = value;
    return inserted;
  }

  /// Empties the table, keeping its buffers (a table that grew very large is shrunk).
  void clear() noexcept {
    if (slots_.size() > kKeepSlots && size_ * 16 < slots_.size()) {
      slots_.clear();
      slots_.shrink_to_fit();
      entries_.clear();
      entries_.shrink_to_fit();
    } else {
      for (std::size_t i = 0; i < size_; ++i) slots_[entries_[i].at] = {};
    }
    size_ = 0;
  }
  /// Calls f(key, value) for every entry, in the order of insertion.
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < size_; ++i) f(std::string_view(entries_[i].key), entries_[i].value);
  }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  static constexpr std::size_t kKeepSlots = 1U << 14;
  struct slot {
    std::uint32_t entry = 0;  // index + 1; 0: empty
    std::uint32_t tag = 0;    // the hash's high half
  };
  struct entry {
    std::string key;
    V value;
    std::uint32_t at = 0;  // its slot
  };

  [[nodiscard]] std::uint32_t locate(std::string_view key, std::uint64_t h) const noexcept {
    if (slots_.empty()) return kNone;
    const std::size_t mask = slots_.size() - 1;
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask; slots_[i].entry != 0; i = (i + 1) & mask) {
      if (slots_[i].tag == tag && entries_[slots_[i].entry - 1].key == key) return slots_[i].entry - 1;
    }
    return kNone;
  }
  void place(std::uint32_t index, std::uint64_t h) noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].entry != 0) i = (i + 1) & mask;
    slots_[i] = {index + 1, static_cast<std::uint32_t>(h >> 32)};
    entries_[index].at = static_cast<std::uint32_t>(i);
  }
  void grow() {
    slots_.assign(slots_.empty() ? 16 : 2 * slots_.size(), slot{});
    for (std::uint32_t i = 0; i < size_; ++i) place(i, word_hash(entries_[i].key));
  }

  std::vector<slot> slots_;     // power-of-two size, at most half full
  std::vector<entry> entries_;  // [0, size_) in use; the rest kept for their buffers
  std::size_t size_ = 0;
};

}  // namespace sayso::detail
