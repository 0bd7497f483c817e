// Internal: a quick test that a set of regular expressions cannot match a text, so that the
// stance labeller runs RE2 only on the few short quotes that may hold an evaluation.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace re2 {
class FilteredRE2;
}

namespace sayso::detail {

/// Literal strings ("atoms") of which any match of the expressions holds at least one, found
/// with RE2's prefilter analysis (FilteredRE2): a text that holds none, compared without regard
/// to ASCII case, matches none of the expressions. Scanning for the atoms reads each byte once
/// (about 5 ns a byte: no faster than RE2's DFA once warm, so it pays only where it saves RE2
/// searches that cost more than their bytes, such as the three searches with submatches of
/// every short quote). An expression without atoms disables the filter (every text passes).
/// Thread safety: immutable after construction; safe for concurrent use.
class literal_filter {
 public:
  /// A filter that passes every text.
  literal_filter() = default;
  /// The filter of the expressions added to `expressions` (with case-insensitive options).
  /// Calls expressions.Compile().
  static literal_filter of(re2::FilteredRE2& expressions);

  /// False if no expression can match `text`; true if one may.
  [[nodiscard]] bool may_match(std::string_view text) const noexcept;

  /// The atoms scanned for (lower case; none is a substring of another). Empty when disabled.
  [[nodiscard]] const std::vector<std::string>& atoms() const noexcept { return atoms_; }
  [[nodiscard]] bool enabled() const noexcept { return enabled_; }

 private:
  static bool test(const std::array<std::uint64_t, 1024>& bits, std::uint32_t k) noexcept {
    return ((bits[k >> 6] >> (k & 63U)) & 1U) != 0;
  }
  static void set(std::array<std::uint64_t, 1024>& bits, std::uint32_t k) noexcept {
    bits[k >> 6] |= std::uint64_t{1} << (k & 63U);
  }
  // The atoms of three bytes or more that start with the lower-cased bytes `key` (24 bits).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> starting(std::uint32_t key) const noexcept;
  // Whether an atom of three bytes or more starts at p (`left` >= 3 bytes from p to the end; its
  // first two bytes, lowered, are k2).
  [[nodiscard]] bool holds_at(const unsigned char* p, std::size_t left, std::uint32_t k2) const noexcept;

  bool enabled_ = false;
  std::vector<std::string> atoms_;
  // Bits over two lower-cased bytes: the first two of an atom; bytes two and three of an atom of
  // three bytes or more; a whole two-byte atom. (8 KiB each: a position's test reads a line.)
  std::array<std::uint64_t, 1024> first2_{};
  std::array<std::uint64_t, 1024> next2_{};
  std::array<std::uint64_t, 1024> whole2_{};
  // Open addressing from an atom's first three bytes to the range of `by_start_` holding the
  // atoms that start with them.
  struct bucket {
    std::uint32_t key = 0;  // the three bytes + 1; 0: empty
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  std::vector<bucket> buckets_;
  std::vector<std::uint32_t> by_start_;  // atom indices, grouped by first three bytes
};

}  // namespace sayso::detail
