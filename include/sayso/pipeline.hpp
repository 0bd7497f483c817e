// The pipeline: text -> quotes -> attribution -> entities -> stance, in one call.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <sayso/analysis.hpp>
#include <sayso/error.hpp>
#include <sayso/export.hpp>
#include <sayso/stance.hpp>

namespace sayso::detail {
struct pipeline_state;
}  // namespace sayso::detail

SAYSO_BEGIN_NAMESPACE

/// Options for a pipeline.
struct pipeline_options {
  /// Terms to give stance on; the default is term_lexicon::ceasefire().
  std::optional<term_lexicon> terms;
  /// Report attributed beliefs ("X believes ...") as quotes with quote::belief set.
  bool beliefs = true;
  /// Tag each quote's stances on the terms (false skips the stage: quote::stances stay empty).
  /// (Renamed from `stance`, which hid the type sayso::stance; there is no alias.)
  bool stances = true;
  /// How the speaker's stance labels are decided (README, "How a label is decided"): by default
  /// the rules, with a side's own quoted words read as wanting a term nothing else predicates.
  stance_labeller labeller = stance_labeller::own_words;
  /// Refine the rules' quotes with the trained span model (lib/models/spans.model, embedded):
  /// content boundaries, source extent, and reported speech the rules miss. Off by default: it
  /// adds about 1 point of quote F1 on PolNeAR dev (0.721 to 0.731 overlap, 0.454 to 0.462 exact)
  /// for about 1.5 times the pipeline's time (README, "The span model").
  bool span_model = false;
};

/// A document's outcome in a batch (pipeline::analyze_batch): its analysis, or the sayso::error
/// that refused it. Like std::expected<analysis, error> (C++23, not in GCC 12):
///
///   for (sayso::batch_result& r : pipeline.analyze_batch(texts)) {
///     if (r) use(r.value());                     // or std::move(r).value()
///     else report(r.failure().code(), r.failure().what());
///   }
///
/// Thread safety: thread-compatible (a value type). Cost: holds the analysis; cheap to move.
class batch_result {
 public:
  explicit batch_result(analysis result) : outcome_(std::move(result)) {}
  explicit batch_result(error failure) : outcome_(std::move(failure)) {}

  /// True when the document was analysed; false when it was refused.
  [[nodiscard]] bool has_value() const noexcept { return outcome_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The analysis. Throws the document's sayso::error when it was refused.
  [[nodiscard]] const analysis& value() const& { return std::get<analysis>(checked()); }
  [[nodiscard]] analysis& value() & { return std::get<analysis>(checked()); }
  [[nodiscard]] analysis&& value() && { return std::get<analysis>(std::move(checked())); }

  /// The error that refused the document. Throws std::bad_variant_access when it was analysed.
  [[nodiscard]] const error& failure() const { return std::get<error>(outcome_); }

  /// Both alternatives as a std::variant, for std::visit or std::get_if.
  [[nodiscard]] const std::variant<analysis, error>& outcome() const& noexcept { return outcome_; }
  [[nodiscard]] std::variant<analysis, error>&& outcome() && noexcept {
    return std::move(outcome_);
  }

 private:
  const std::variant<analysis, error>& checked() const {
    if (const error* e = std::get_if<error>(&outcome_)) throw *e;
    return outcome_;
  }
  std::variant<analysis, error>& checked() {
    if (const error* e = std::get_if<error>(&outcome_)) throw *e;
    return outcome_;
  }

  std::variant<analysis, error> outcome_;
};

/// Finds the quotes of news text, attributes them to their speakers and tags their stance.
///
/// Thread safety: thread-safe. A pipeline is built once and its const methods may be called
/// from many threads at the same time; per-call state lives on the caller's stack and in a
/// per-thread workspace. Ownership: owns its lexicons and the worker threads of analyze_batch;
/// moving is cheap, copying is disabled. A moved-from pipeline may only be assigned to or
/// destroyed: its other methods throw sayso::error(errc::moved_from). Cost: construction loads
/// and compiles the lexicons (a few milliseconds); analyze() is linear in the length of the text.
class SAYSO_EXPORT pipeline {
 public:
  /// A pipeline with the default English news lexicons and the ceasefire terms.
  pipeline();
  explicit pipeline(pipeline_options options);
  /// Joins the worker threads of analyze_batch, if it started any. Must not run while another
  /// thread is still inside a method of this pipeline (as for any object).
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
  ///
  /// The calling thread works too, helped by up to `threads - 1` worker threads that this
  /// pipeline starts on first need and keeps for later batches (their per-thread memos and
  /// workspaces stay warm); they wait idle between batches and are joined when the pipeline is
  /// destroyed or assigned to. No thread outlives the pipeline, so a program (or a Python
  /// interpreter unloading the binding) can free the library once its pipelines are gone.
  /// Concurrent calls on one pipeline share its workers. Anything thrown other than a
  /// sayso::error (std::bad_alloc) is rethrown here once every document has been seen to.
  [[nodiscard]] std::vector<batch_result> analyze_batch(std::span<const std::string_view> texts,
                                                        unsigned threads = 0) const;

  /// The active term lexicon.
  [[nodiscard]] const term_lexicon& terms() const;

 private:
  [[nodiscard]] const detail::pipeline_state& state() const;
  std::unique_ptr<const detail::pipeline_state> state_;
};

SAYSO_END_NAMESPACE  // sayso::v1
