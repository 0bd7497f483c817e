// Internal: the state a pipeline shares between threads, and the function that runs the stages
// over one document. The benchmark (tests/bench) calls run() with an observer to time each stage
// on the very code path pipeline::analyze takes.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <sayso/analysis.hpp>
#include <sayso/pipeline.hpp>
#include <sayso/stance.hpp>

#include "pipeline/batch_pool.hpp"
#include "stance/label_model.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail {

struct pipeline_state {
  pipeline_state(const lexicon& w, term_lexicon t, pipeline_options o)
      : words(&w), terms(std::move(t)), options(std::move(o)) {}
  const lexicon* words;
  term_lexicon terms;
  pipeline_options options;
  // The workers of analyze_batch: started on first need, joined with the pipeline. Behind a
  // pointer so that a const state can run batches on it.
  std::unique_ptr<batch_pool> pool = std::make_unique<batch_pool>();
};

/// The stages of run(), in the order they finish.
enum class stage : std::uint8_t {
  segmentation,  // document::assign: ICU word boundaries, sentences, paragraphs
  features,      // lexicon look-ups per token
  quotations,    // quotation marks paired
  attribution,   // cues, sources, quote kinds
  entities,      // speakers resolved to entities
  stance,        // stances per quote, and the analysis assembled
};
inline constexpr int stage_count = 6;

/// Told when each stage of run() finishes (benchmarks time the stages with it).
class stage_observer {
 public:
  virtual void finished(stage s) = 0;

 protected:
  ~stage_observer() = default;
};

/// Per quote of an analysis (in order), per speaker's own stance of the quote (in order): the
/// rules' reading that the label model weighs (stance/label_model.hpp). For training.
using label_trace = std::vector<std::vector<label_decision>>;

/// pipeline::analyze. `observer` and `trace` may be null; `trace` receives one entry per quote
/// the stance stage labels (the quotes of the analysis).
analysis run(const pipeline_state& state, std::string_view text, stage_observer* observer = nullptr,
             label_trace* trace = nullptr);

}  // namespace sayso::detail
