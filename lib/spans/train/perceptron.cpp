// Averaged structured perceptron with lazy averaging: w holds the current weights, u the sum
// of every update times the step it was made at, and the average is w - u / steps (Daumé's
// trick), so an update costs the same as in the plain perceptron.
#include "spans/train/perceptron.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <ostream>
#include <vector>

namespace sayso::detail::spans::train {

namespace {

// splitmix64: a tiny generator whose output is fixed by its seed on every platform (the
// standard library's distributions and shuffles are not).
class generator {
 public:
  explicit generator(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) (n > 0), by rejection so that it is exactly uniform.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x = next();
    while (x >= limit) x = next();
    return x % n;
  }

 private:
  std::uint64_t state_;
};

constexpr int kTrans = (tag_count + 1) * tag_count;

}  // namespace

model train_model(const corpus& c, const train_options& options, std::ostream* log) {
  const std::size_t rows = std::size_t{1} << options.bucket_bits;
  std::vector<std::int32_t> w(rows * tag_count, 0);
  std::vector<std::int64_t> u(rows * tag_count, 0);
  std::vector<std::int64_t> tw(kTrans, 0);
  std::vector<std::int64_t> tu(kTrans, 0);
  std::int64_t step = 1;

  std::vector<std::uint32_t> order(c.sequences.size());
  std::iota(order.begin(), order.end(), 0U);
  generator gen(options.seed);
  std::vector<std::int64_t> emissions;
  std::vector<std::int64_t> scratch;
  std::vector<tag> predicted;
  const auto start = std::chrono::steady_clock::now();

  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[gen.below(i)]);
    std::size_t wrong = 0;
    std::size_t total = 0;
    for (const std::uint32_t si : order) {
      const corpus_sequence& s = c.sequences[si];
      const std::size_t n = s.end - s.first;
      emissions.assign(n * tag_count, 0);
      for (std::size_t j = 0; j < n; ++j) {
        const std::uint32_t* b = &c.buckets[(s.first + j) * feature_count];
        std::int64_t* e = &emissions[j * tag_count];
        for (int f = 0; f < feature_count; ++f) {
          const std::int32_t* row = &w[std::size_t{b[f]} * tag_count];
          for (int t = 0; t < tag_count; ++t) e[t] += row[t];
        }
      }
      predicted.resize(n);
      viterbi(emissions.data(), n, tw.data(), predicted.data(), scratch);
      const tag* gold = &c.gold[s.first];
      total += n;
      bool same = true;
      for (std::size_t j = 0; j < n; ++j) {
        if (predicted[j] != gold[j]) {
          same = false;
          ++wrong;
        }
      }
      if (!same) {
        for (std::size_t j = 0; j < n; ++j) {
          const int g = static_cast<int>(gold[j]);
          const int p = static_cast<int>(predicted[j]);
          const int gp = j == 0 ? tag_count : static_cast<int>(gold[j - 1]);
          const int pp = j == 0 ? tag_count : static_cast<int>(predicted[j - 1]);
          if (gp != pp || g != p) {
            tw[gp * tag_count + g] += 1;
            tu[gp * tag_count + g] += step;
            tw[pp * tag_count + p] -= 1;
            tu[pp * tag_count + p] -= step;
          }
          if (g == p) continue;
          const std::uint32_t* b = &c.buckets[(s.first + j) * feature_count];
          for (int f = 0; f < feature_count; ++f) {
            const std::size_t r = std::size_t{b[f]} * tag_count;
            w[r + g] += 1;
            u[r + g] += step;
            w[r + p] -= 1;
            u[r + p] -= step;
          }
        }
      }
      ++step;
    }
    if (log != nullptr) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      *log << "epoch " << epoch + 1 << ": " << wrong << " of " << total << " tokens wrong ("
           << 100.0 * static_cast<double>(wrong) / static_cast<double>(std::max<std::size_t>(total, 1))
           << "%), " << secs << " s\n";
    }
  }

  // Averages, scaled so that the largest magnitude is 32767.
  const auto average = [step](std::int64_t wv, std::int64_t uv) {
    return static_cast<double>(wv) - static_cast<double>(uv) / static_cast<double>(step);
  };
  double largest = 0;
  for (std::size_t i = 0; i < w.size(); ++i) largest = std::max(largest, std::abs(average(w[i], u[i])));
  for (int i = 0; i < kTrans; ++i) largest = std::max(largest, std::abs(average(tw[i], tu[i])));
  const double scale = largest > 0 ? 32767.0 / largest : 1.0;
  const auto quantise = [scale](double v) {
    return static_cast<std::int16_t>(std::clamp(std::lround(v * scale), -32767L, 32767L));
  };
  model m(options.bucket_bits);
  for (int f = 0; f <= tag_count; ++f) {
    for (int t = 0; t < tag_count; ++t) m.transition(f, t) = quantise(average(tw[f * tag_count + t], tu[f * tag_count + t]));
  }
  for (std::size_t r = 0; r < rows; ++r) {
    std::int16_t* row = m.row(static_cast<std::uint32_t>(r));
    for (int t = 0; t < tag_count; ++t) row[t] = quantise(average(w[r * tag_count + t], u[r * tag_count + t]));
  }
  return m;
}

}  // namespace sayso::detail::spans::train
