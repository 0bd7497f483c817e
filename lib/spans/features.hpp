// Internal: what the span model sees of a document. The document's candidate paragraphs become
// sequences of their non-space tokens, and each token gets a fixed number of hashed feature
// keys: the word and its neighbours, shape, lexicon classes, quotation-mark state, where it sits
// in its sentence and relative to the nearest reporting cue, and the role the rules gave it.
// The trainer (lib/spans/train) and the run-time stage share this code, so what is learnt is
// what is seen.
#pragma once

#include <cstdint>
#include <vector>

#include <sayso/quotes.hpp>
#include <sayso/text.hpp>

#include "attribution/attributor.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail::spans {

/// The quote records the rules hand over (the attributor's output type).
using rule_quote = raw_quote;

/// Feature keys per token. A model file records the feature-set version it was trained with,
/// and a model of another version is refused: change it with any change to the features.
inline constexpr int feature_count = 30;
inline constexpr std::uint32_t feature_version = 2;

struct encode_input {
  const document& doc;
  const std::vector<token_info>& info;
  const std::vector<quotation>& quotations;
  const std::vector<rule_quote>& rules;
};

/// A run of sequence tokens [first, end) in encoded_document::tokens: one paragraph.
struct sequence {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0;
};

/// The encoded document. Reused from one document to the next (assign keeps the capacity).
struct encoded_document {
  std::vector<std::uint32_t> tokens;  // document token index of each sequence token
  std::vector<sequence> sequences;
  std::vector<std::uint64_t> keys;    // feature_count keys per sequence token
  // Per document token (scratch): role the rules gave it, quotation state.
  std::vector<std::uint8_t> rule_role;
  std::vector<std::uint8_t> quote_state;
};

/// Encodes the candidate paragraphs of a document: those holding a reporting cue word, a
/// quotation mark, a colon or a rule quote. Others hold no quote the model could find, and
/// skipping them keeps the stage cheap. Cost: linear in the number of tokens.
void encode(const encode_input& in, encoded_document& out);

/// The key of the bias feature, which every token has (its row shifts each tag's prior).
std::uint64_t bias_key() noexcept;

/// The role code the rules gave each token (feature value; exposed for tests).
enum rule_code : std::uint8_t {
  rc_none = 0,
  rc_content_direct = 1,
  rc_content_mixed = 2,
  rc_content_indirect = 3,
  rc_content_belief = 4,
  rc_source = 5,
  rc_cue = 6,
  rc_roles = 7,           // mask of the role bits above
  rc_first = 1U << 3,     // first token of a content span
  rc_last = 1U << 4,      // last token of a content span
};

}  // namespace sayso::detail::spans
