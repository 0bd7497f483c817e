// Internal: what the span model sees of a document. Each candidate sentence becomes a sequence
// of its non-space tokens, and each token gets a fixed number of hashed features: the word and
// its neighbours, shape, lexicon classes and cue type, quotation-mark state, where it sits in
// its sentence and relative to the nearest reporting cue, and the role the rules gave it. The
// trainer (lib/spans/train) and the run-time stage share this code, so what is learnt is what
// is seen.
#pragma once

#include <cstdint>
#include <vector>

#include <sayso/quotes.hpp>
#include <sayso/text.hpp>

#include "attribution/attributor.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail::spans {

/// The quote records the rules hand over (the attributor's output type; the one place that
/// names it, so that a rename of that type is a one-line change here).
using rule_quote = attributed_quote;

/// Features per token. A model file records the feature-set version it was trained with, and
/// a model of another version is refused: change the version with any change to the features.
inline constexpr int feature_count = 34;
inline constexpr std::uint32_t feature_version = 5;

struct encode_input {
  const document& doc;
  const std::vector<token_info>& info;
  const lexicon& lex;
  const std::vector<quotation>& quotations;
  const std::vector<rule_quote>& rules;
};

/// Per document token: the role the rules gave it (rule_code) and its quotation state
/// (quote_code). Reused from one document to the next.
struct marks {
  std::vector<std::uint8_t> rule_role;
  std::vector<std::uint8_t> quote_state;
};

enum rule_code : std::uint8_t {
  rc_none = 0,
  rc_content_direct = 1,
  rc_content_mixed = 2,
  rc_content_indirect = 3,
  rc_content_belief = 4,
  rc_source = 5,
  rc_cue = 6,
  rc_roles = 7,        // mask of the role values above
  rc_first = 1U << 3,  // first token of a content span
  rc_last = 1U << 4,   // last token of a content span
};

/// Longest sentence the model reads, in tokens (spaces included).
inline constexpr std::uint32_t kMaxSentenceTokens = 800;

enum quote_code : std::uint8_t { qs_outside, qs_inside, qs_open, qs_close, qs_stray };

/// Fills `out` for the document. Cost: linear in the tokens and the rules' quotes.
void mark(const encode_input& in, marks& out);

/// Is sentence `s` one where the model can change anything: it holds reported speech found by
/// the rules (not a whole quotation, which the rules bound by its marks), or a speech,
/// speech-act or "according to" cue that no rule quote uses? Other sentences are not encoded,
/// which keeps the stage cheap.
bool candidate(const encode_input& in, const marks& m, std::uint32_t s);

/// Appends the non-space tokens of sentence `s` to `tokens` and their feature buckets
/// (feature_count per token, in [0, 2^bucket_bits)) to `buckets`. Cost: linear in the sentence.
void encode_sentence(const encode_input& in, const marks& m, std::uint32_t s, std::uint32_t bucket_bits,
                     std::vector<std::uint32_t>& tokens, std::vector<std::uint32_t>& buckets);

/// A run of tokens [first, end) of encoded_document::tokens: one sentence.
struct sequence {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::uint32_t sentence = 0;
};

/// A whole document encoded (the trainer's and the measuring tools' view).
struct encoded_document {
  marks m;
  std::vector<std::uint32_t> tokens;   // document token index of each sequence token
  std::vector<sequence> sequences;
  std::vector<std::uint32_t> buckets;  // feature_count per sequence token
};

/// Encodes every candidate sentence of the document.
void encode(const encode_input& in, std::uint32_t bucket_bits, encoded_document& out);

/// The bucket of the bias feature, which every token has (its row is each tag's prior).
std::uint32_t bias_bucket(std::uint32_t bucket_bits) noexcept;

}  // namespace sayso::detail::spans
