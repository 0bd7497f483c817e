// The trainer: an averaged structured perceptron (Collins 2002) over the span model's features,
// decoded with the run-time Viterbi. Integer arithmetic and a fixed visiting order make it
// deterministic: the same corpus and options give the same model, bit for bit.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "spans/model.hpp"
#include "spans/train/corpus.hpp"

namespace sayso::detail::spans::train {

struct train_options {
  std::uint32_t bucket_bits = 14;
  int epochs = 8;
  std::uint64_t seed = 20250101;  // shuffles the sequences before each epoch
};

/// Trains on `c` (whose buckets were computed at options.bucket_bits) and returns the averaged
/// weights scaled to 16 bits. Progress goes to `log` when not null.
model train_model(const corpus& c, const train_options& options, std::ostream* log);

}  // namespace sayso::detail::spans::train
