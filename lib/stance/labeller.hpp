// Internal: stance of a quote's speaker on the terms its content mentions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <sayso/entities.hpp>
#include <sayso/stance.hpp>

#include "attribution/attributor.hpp"
#include "stance/compiled.hpp"
#include "stance/label_model.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail {

/// How often each term is named in a whole document (by its plain expressions): counted on
/// first use, by a term context with document conditions ("the deal" names the term the
/// document is about), and kept for the document's other quotes. One per document.
struct document_terms {
  static constexpr std::uint32_t uncounted = UINT32_MAX;
  std::vector<std::uint32_t> counts;  // per term (uncounted until asked); empty until first asked
  std::uint32_t topic = uncounted;    // the term the document is about (labeller::document_topic)
  // What the term screen lets through for the whole text (read on first use: `screened`), from
  // which the counts are made.
  screened_text whole;
  bool screened = false;
  native_re::boundary_index boundaries;  // of the text, for the counts' searches (when `indexed`)
  bool indexed = false;
};

/// What the labeller may look at besides the quote.
struct stance_context {
  const document& doc;
  const std::vector<token_info>& info;
  const lexicon& lex;
  const std::vector<entity>& entities;
  document_terms* terms_named = nullptr;  // the document's term counts (null: counted per quote)
  // The label model that decides the speaker's labels from the rules' reading (null: the
  // rules' labels stand).
  const label_model* model = nullptr;
  // stance_labeller::own_words: an ungoverned term in a side's own quoted words is supported.
  bool own_words = false;
  // When not null, receives the rules' reading (the label model's input) of each of the
  // speaker's own stances appended to `out`, in order (for training and measurement).
  std::vector<label_decision>* decisions = nullptr;
};

/// A party the quote reports on ("Russia is not ready to stop fighting"): its mention.
struct reported_party {
  byte_range mention;
};

/// Appends to `out` one stance per term that quote `q` concerns, held by `speaker`. When the
/// content reports another party's position, the speaker's stances are neutral and the party's
/// own are appended with `reported` set; `party` then receives its mention (the caller turns it
/// into an entity and sets the holder).
void label_stances(const stance_context& ctx, const detail::compiled_terms& terms, const attributed_quote& q,
                   entity_id speaker, std::vector<stance>& out, std::optional<reported_party>& party);

}  // namespace sayso::detail
