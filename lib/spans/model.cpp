// The span model's weights (parsing, writing, scoring) and its Viterbi decoder.
#include "spans/model.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <sayso/error.hpp>

#include "spans/features.hpp"

namespace sayso::detail {
extern const std::string_view span_model_bytes;  // generated from lib/models/spans.model
}

namespace sayso::detail::spans {

namespace {

constexpr std::string_view kMagic = "SSPANMDL";
constexpr std::uint32_t kMaxBits = 22;

class reader {
 public:
  reader(std::string_view bytes, std::string_view name) : bytes_(bytes), name_(name) {}
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t{static_cast<unsigned char>(bytes_[pos_ + i])} << (8 * i);
    pos_ += 4;
    return v;
  }
  std::int16_t i16() {
    need(2);
    const auto v = static_cast<std::uint16_t>(static_cast<unsigned char>(bytes_[pos_]) |
                                              (static_cast<unsigned char>(bytes_[pos_ + 1]) << 8));
    pos_ += 2;
    return static_cast<std::int16_t>(v);
  }
  std::string_view take(std::size_t n) {
    need(n);
    const std::string_view s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  [[nodiscard]] bool done() const { return pos_ == bytes_.size(); }
  [[noreturn]] void fail(const std::string& what) const {
    throw error(errc::lexicon, std::string(name_) + ": " + what);
  }

 private:
  void need(std::size_t n) const {
    if (bytes_.size() - pos_ < n) fail("truncated span model");
  }
  std::string_view bytes_;
  std::string_view name_;
  std::size_t pos_ = 0;
};

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void put_i16(std::string& out, std::int16_t v) {
  const auto u = static_cast<std::uint16_t>(v);
  out.push_back(static_cast<char>(u & 0xFF));
  out.push_back(static_cast<char>(u >> 8));
}

}  // namespace

model::model(std::uint32_t bucket_bits)
    : bits_(bucket_bits), rows_(std::size_t{1} << bucket_bits, row_storage{}) {}

const model& model::embedded() {
  static const std::unique_ptr<model> m = parse(span_model_bytes, "spans.model");
  return *m;
}

std::unique_ptr<model> model::parse(std::string_view bytes, std::string_view name) {
  reader r(bytes, name);
  if (r.take(kMagic.size()) != kMagic) r.fail("not a span model");
  if (r.u32() != format) r.fail("unknown span model format");
  if (r.u32() != feature_version) r.fail("span model trained for another feature set");
  if (r.u32() != static_cast<std::uint32_t>(feature_count)) r.fail("span model has another feature count");
  if (r.u32() != static_cast<std::uint32_t>(tag_count)) r.fail("span model has another tag set");
  const std::uint32_t bits = r.u32();
  if (bits == 0 || bits > kMaxBits) r.fail("span model bucket bits out of range");
  auto m = std::make_unique<model>(bits);
  for (std::int16_t& t : m->trans_) t = r.i16();
  const std::size_t rows = std::size_t{1} << bits;
  for (std::size_t b = 0; b < rows; ++b) {
    std::int16_t* w = m->row(static_cast<std::uint32_t>(b));
    for (int t = 0; t < tag_count; ++t) w[t] = r.i16();
  }
  if (!r.done()) r.fail("trailing bytes after the span model");
  return m;
}

std::string model::serialize() const {
  std::string out(kMagic);
  put_u32(out, format);
  put_u32(out, feature_version);
  put_u32(out, feature_count);
  put_u32(out, tag_count);
  put_u32(out, bits_);
  for (const std::int16_t t : trans_) put_i16(out, t);
  const std::size_t rows = std::size_t{1} << bits_;
  for (std::size_t b = 0; b < rows; ++b) {
    const std::int16_t* w = row(static_cast<std::uint32_t>(b));
    for (int t = 0; t < tag_count; ++t) put_i16(out, w[t]);
  }
  return out;
}

void model::emissions(const std::uint32_t* buckets, std::size_t n, std::int32_t* out) const noexcept {
  static_assert(kStride == 8, "a row is one 16-byte vector");
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint32_t* b = buckets + j * feature_count;
#if defined(__SSE2__)
    // Each row is eight int16 weights: widen to int32 (sign-extending) and add, four lanes at a
    // time.
    __m128i lo = _mm_setzero_si128();
    __m128i hi = _mm_setzero_si128();
    for (int f = 0; f < feature_count; ++f) {
      const __m128i w = _mm_load_si128(reinterpret_cast<const __m128i*>(row(b[f])));
      lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16));
      hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16));
    }
    alignas(16) std::array<std::int32_t, kStride> sum{};
    _mm_store_si128(reinterpret_cast<__m128i*>(sum.data()), lo);
    _mm_store_si128(reinterpret_cast<__m128i*>(sum.data() + 4), hi);
#else
    std::array<std::int32_t, kStride> sum{};
    for (int f = 0; f < feature_count; ++f) {
      const std::int16_t* w = row(b[f]);
      for (std::size_t t = 0; t < kStride; ++t) sum[t] += w[t];
    }
#endif
    std::copy_n(sum.begin(), tag_count, out + j * tag_count);
  }
}

std::int64_t decode(const model& m, const std::int32_t* emissions, std::size_t n, tag* out,
                    std::vector<std::uint8_t>& back) {
  static_assert(tag_count == 7, "decode() is written for BIO over three roles");
  if (n == 0) return 0;
  // Scores are kept relative to the step's best (the offset is summed apart), so that they fit
  // in 32 bits however long the sentence; a path far below the best is cut at kNone.
  constexpr std::int32_t kNone = -(1 << 29);
  std::array<std::array<std::int32_t, tag_count>, tag_count + 1> trans{};
  for (int f = 0; f <= tag_count; ++f) {
    for (int t = 0; t < tag_count; ++t) trans[f][t] = m.transition(f, t);
  }
  back.resize(n * tag_count);
  std::array<std::int32_t, tag_count> prev{};
  std::int64_t offset = 0;
  const auto normalise = [&](std::array<std::int32_t, tag_count>& v) {
    std::int32_t top = v[0];
    for (int t = 1; t < tag_count; ++t) top = std::max(top, v[t]);
    for (int t = 0; t < tag_count; ++t) v[t] = std::max(v[t] - top, kNone);
    offset += top;
  };
  for (int t = 0; t < tag_count; ++t) prev[t] = allowed(tag_count, t) ? emissions[t] + trans[tag_count][t] : kNone;
  normalise(prev);
  // Outside and the begin tags follow any tag; an inside tag follows its begin tag or itself.
  // Ties go to the lower tag, as in viterbi(); the comparisons are branch-free (which tag wins
  // is unpredictable).
  const auto best_of_all = [&](int t, std::int32_t& score) {
    std::int32_t best = prev[0] + trans[0][t];
    int from = 0;
    for (int f = 1; f < tag_count; ++f) {
      const std::int32_t s = prev[f] + trans[f][t];
      const bool better = s > best;
      from = better ? f : from;
      best = better ? s : best;
    }
    score = best;
    return static_cast<std::uint8_t>(from);
  };
  for (std::size_t j = 1; j < n; ++j) {
    const std::int32_t* e = emissions + j * tag_count;
    std::uint8_t* b = back.data() + j * tag_count;
    std::array<std::int32_t, tag_count> cur{};
    b[0] = best_of_all(0, cur[0]);
    b[1] = best_of_all(1, cur[1]);
    b[3] = best_of_all(3, cur[3]);
    b[5] = best_of_all(5, cur[5]);
    for (int t = 2; t < tag_count; t += 2) {
      const std::int32_t from_begin = prev[t - 1] + trans[t - 1][t];
      const std::int32_t from_inside = prev[t] + trans[t][t];
      const bool inside = from_inside > from_begin;
      cur[t] = inside ? from_inside : from_begin;
      b[t] = static_cast<std::uint8_t>(inside ? t : t - 1);
    }
    for (int t = 0; t < tag_count; ++t) cur[t] += e[t];
    prev = cur;
    normalise(prev);
  }
  int t = static_cast<int>(std::max_element(prev.begin(), prev.end()) - prev.begin());
  const std::int64_t best = offset + prev[t];
  for (std::size_t j = n; j-- > 0;) {
    out[j] = static_cast<tag>(t);
    t = back[j * tag_count + t];
  }
  return best;
}

}  // namespace sayso::detail::spans
