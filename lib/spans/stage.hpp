// Internal: the span-model stage. It runs after attribution and before entity resolution, and
// adjusts the attributor's quote records in place: the same records, so the later stages see
// no change of interface.
//
// The model tags the tokens of each candidate sentence (spans::candidate) with BIO tags for
// cue, source and content (spans/features.hpp says what it sees, including the rules' own
// decisions), and the tags are grouped into attributions: each content span joins the nearest
// cue of its sentence, and each cue the nearest source. Combined with the rules (README.md,
// "The span model"):
//   - a rule quote keeps its place, cue and source; where a model attribution shares its cue or
//     most of its content, the model's content boundaries replace the rule's when the model
//     prefers them by a margin (not for quotations, whose marks are their boundaries);
//   - a model attribution that no rule quote overlaps is added when the model is sure of it,
//     its cue is a reporting cue of the lexicon and its source can speak.
#pragma once

#include <cstdint>
#include <vector>

#include <sayso/quotes.hpp>
#include <sayso/text.hpp>

#include "spans/features.hpp"
#include "quotes/quotation_index.hpp"
#include "spans/model.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail::spans {

enum class mode : std::uint8_t {
  combined,  ///< rules, with the model's boundaries and additions (the pipeline's default)
  alone,     ///< the model's attributions only (for measuring the model)
};

struct stage_input {
  const document& doc;
  const std::vector<token_info>& info;
  const lexicon& lex;
  const quotation_index& quotations;
  bool beliefs = true;  // false: add no attributed beliefs (pipeline_options::beliefs)
};

/// How the combination trusts the model. The defaults are the pipeline's.
struct settings {
  /// An attribution the rules did not find is added when the best tagging beats the best one
  /// without it (its tokens all outside) by this margin (model score units).
  std::int32_t add_margin = 60000;
  /// A model attribution refines a rule quote when it shares its cue, or covers it with at
  /// least this Dice overlap (in bytes).
  double adjust_overlap = 0.5;
  /// ... and the rule quote takes the model's content boundaries when the best tagging beats
  /// the best one that keeps the rule's content by this margin.
  std::int32_t adjust_margin = 20000;
};

/// Runs the model over the document and updates `quotes` (the attributor's output, in text
/// order; stays in text order, floating quotes' references re-mapped). Cost: linear in the
/// tokens of the candidate sentences; scratch memory is per thread and reused.
void apply(const stage_input& in, const model& m, mode how, std::vector<rule_quote>& quotes,
           const settings& how_much = {});

/// apply() with given tags instead of the model's: `enc` is the document encoded with
/// `quotes` as the rules (spans::encode), `tags` one per sequence token. The trainer uses it to
/// measure what grouping loses, on gold tags.
void apply_tags(const stage_input& in, const encoded_document& enc, const std::vector<tag>& tags, mode how,
                std::vector<rule_quote>& quotes);

}  // namespace sayso::detail::spans
