// The pipeline: text -> quotes -> attribution -> entities -> stance, in one call.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <sayso/analysis.hpp>
#include <sayso/error.hpp>
#include <sayso/export.hpp>
#include <sayso/stance.hpp>

namespace sayso {

namespace detail {
struct pipeline_state;
}

/// Options for a pipeline.
struct pipeline_options {
  /// Terms to give stance on; the default is term_lexicon::ceasefire().
  std::optional<term_lexicon> terms;
  /// Report attributed beliefs ("X believes ...") as quotes with quote::belief set.
  bool beliefs = true;
  /// Compute stances (set false to skip the stage).
  bool stance = true;
  /// How the speaker's stance labels are decided (README, "How a label is decided").
  stance_labeller labeller = stance_labeller::rules;
  /// Refine the rules' quotes with the trained span model (lib/models/spans.model, embedded):
  /// content boundaries, source extent, and reported speech the rules miss. Off by default: it
  /// adds about 1 point of quote F1 on PolNeAR dev (0.721 to 0.731 overlap, 0.454 to 0.462 exact)
  /// for about 1.5 times the pipeline's time (README, "The span model").
  bool span_model = false;
};

/// A document's outcome in a batch: its analysis, or the error that refused it.
struct batch_result {
  std::optional<analysis> result;
  std::optional<error> failure;
};

/// Finds the quotes of news text, attributes them to their speakers and tags their stance.
///
/// Thread safety: thread-safe. A pipeline is built once and its const methods may be called
/// from many threads at the same time; per-call state lives on the caller's stack and in a
/// per-thread workspace. Ownership: owns its lexicons; moving is cheap, copying is disabled.
/// Cost: construction loads and compiles the lexicons (a few milliseconds); analyze() is linear
/// in the length of the text.
class SAYSO_EXPORT pipeline {
 public:
  /// A pipeline with the default English news lexicons and the ceasefire terms.
  pipeline();
  explicit pipeline(pipeline_options options);
  ~pipeline();
  pipeline(pipeline&&) noexcept;
  pipeline& operator=(pipeline&&) noexcept;
  pipeline(const pipeline&) = delete;
  pipeline& operator=(const pipeline&) = delete;

  /// Analyses one UTF-8 document. Never throws on content (ill-formed UTF-8 reads as U+FFFD);
  /// throws sayso::error(errc::input_too_large) for texts of 2 GiB or more.
  [[nodiscard]] analysis analyze(std::string_view text) const;

  /// Analyses documents on `threads` threads (0: all cores). Results are in input order; a
  /// document that is refused gets its error, and the others are still analysed.
  [[nodiscard]] std::vector<batch_result> analyze_batch(std::span<const std::string_view> texts,
                                                        unsigned threads = 0) const;

  /// The active term lexicon.
  [[nodiscard]] const term_lexicon& terms() const noexcept;

 private:
  std::unique_ptr<const detail::pipeline_state> state_;
};

}  // namespace sayso
