// Internal: the weights of the span model (a linear sequence labeller) and its decoder.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "spans/tags.hpp"

namespace sayso::detail::spans {

/// Weights of a linear model over hashed features: a feature's bucket (spans/features.hpp)
/// selects a row of one weight per tag, and a transition weight scores each pair of adjacent
/// tags (row tag_count is the start of a sequence). Scores are integers.
///
/// The file (lib/models/spans.model, little-endian) holds weights only:
///   "SSPANMDL", u32 format (2), u32 feature_version, u32 feature_count, u32 tag_count,
///   u32 bucket_bits, i16 transitions[(tag_count + 1) * tag_count],
///   i16 weights[2^bucket_bits][tag_count].
/// Few buckets do: features collide, and training on the hashed buckets learns with the
/// collisions (2^14 buckets score as 2^20 do on PolNeAR), while the table stays in the cache.
///
/// Thread safety: immutable after construction; safe for concurrent use. Ownership: owns its
/// table (2^bucket_bits rows of 8 int16: 256 KiB for 14 bits). Cost: parsing is linear in the
/// file; scoring a token reads one row per feature.
class model {
 public:
  static constexpr std::uint32_t format = 2;

  model() = default;
  /// An empty model of 2^bucket_bits rows (every weight 0), for the trainer and for tests.
  explicit model(std::uint32_t bucket_bits);

  /// The model embedded in the library (lib/models/spans.model), parsed once.
  static const model& embedded();
  /// Parses a model file; throws sayso::error(errc::lexicon) naming `name` when the bytes are
  /// not a model of this feature set.
  static std::unique_ptr<model> parse(std::string_view bytes, std::string_view name);
  /// The file's bytes.
  [[nodiscard]] std::string serialize() const;

  [[nodiscard]] std::uint32_t bucket_bits() const noexcept { return bits_; }
  [[nodiscard]] std::int16_t* row(std::uint32_t bucket) noexcept { return rows_[bucket].w; }
  [[nodiscard]] const std::int16_t* row(std::uint32_t bucket) const noexcept { return rows_[bucket].w; }
  /// Transition weight from tag `from` (tag_count: the start) to tag `to`.
  [[nodiscard]] std::int16_t& transition(int from, int to) noexcept { return trans_[from * tag_count + to]; }
  [[nodiscard]] std::int16_t transition(int from, int to) const noexcept { return trans_[from * tag_count + to]; }

  /// Scores of every tag for `n` tokens of `feature_count` buckets each, into out[n * tag_count].
  void emissions(const std::uint32_t* buckets, std::size_t n, std::int32_t* out) const noexcept;

 private:
  static constexpr std::size_t kStride = 8;  // tag_count weights, padded to 16 bytes
  std::uint32_t bits_ = 0;
  struct alignas(16) row_storage {
    std::int16_t w[kStride];
  };
  std::vector<row_storage> rows_;
  std::vector<std::int16_t> trans_ = std::vector<std::int16_t>((tag_count + 1) * tag_count, 0);
};

/// Viterbi decoding under BIO constraints: the best tag sequence for `n` tokens given their
/// emission scores (n * tag_count) and transition scores ((tag_count + 1) * tag_count, the last
/// row being the start), into out[n], and returns the best path's score. Ties go to the lower
/// tag. `scratch` is reused between calls. Cost: O(n * tag_count^2).
template <typename Score>
Score viterbi(const Score* emissions, std::size_t n, const Score* transitions, tag* out,
             std::vector<Score>& scratch) {
  if (n == 0) return 0;
  constexpr Score kNone = std::numeric_limits<Score>::min() / 2;
  scratch.resize(2 * n * tag_count);
  Score* score = scratch.data();
  Score* back = scratch.data() + n * tag_count;
  for (int t = 0; t < tag_count; ++t) {
    score[t] = allowed(tag_count, t) ? emissions[t] + transitions[tag_count * tag_count + t] : kNone;
    back[t] = tag_count;
  }
  for (std::size_t j = 1; j < n; ++j) {
    const Score* prev = score + (j - 1) * tag_count;
    for (int t = 0; t < tag_count; ++t) {
      Score best = kNone;
      int from = 0;
      for (int f = 0; f < tag_count; ++f) {
        if (!allowed(f, t) || prev[f] == kNone) continue;
        const Score s = prev[f] + transitions[f * tag_count + t];
        if (s > best) {
          best = s;
          from = f;
        }
      }
      score[j * tag_count + t] = best == kNone ? kNone : best + emissions[j * tag_count + t];
      back[j * tag_count + t] = from;
    }
  }
  const Score* last = score + (n - 1) * tag_count;
  int t = static_cast<int>(std::max_element(last, last + tag_count) - last);
  const Score best = last[t];
  for (std::size_t j = n; j-- > 0;) {
    out[j] = static_cast<tag>(t);
    t = static_cast<int>(back[j * tag_count + t]);
  }
  return best;
}

/// viterbi() with a model's transitions, written out for the seven BIO tags (the run-time
/// path): the same tags, and the best path's score. `back` is reused between calls.
std::int64_t decode(const model& m, const std::int32_t* emissions, std::size_t n, tag* out,
                    std::vector<std::uint8_t>& back);

}  // namespace sayso::detail::spans
