// The trainer's view of a corpus: documents (FORMAT.md's docs JSONL) and their gold quotes
// (FORMAT.md's gold JSONL), encoded as the run-time stage encodes them, with the gold tags of
// each sequence token. Nothing of the text is kept beyond the encoding: only feature buckets
// and tags.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <sayso/text.hpp>

#include "spans/features.hpp"
#include "spans/tags.hpp"

namespace sayso::detail::spans::train {

/// A gold attribution in byte offsets.
struct gold_quote {
  std::vector<byte_range> content;
  byte_range source;  // empty when the gold has none
  byte_range cue;     // empty when the gold has none
  bool direct = false;
};

/// How gold content boundaries are read. PolNeAR's content of "X said that C" starts at
/// "that"; GUIDELINES.md's (and sayso's) at C. `guidelines` drops such a leading "that".
enum class convention : std::uint8_t { guidelines, as_annotated };

/// The gold tag of each sequence token of `enc` (a document encoded by spans::encode).
/// Overlapping annotations: a cue or source token keeps that role over content; a token is in
/// a span when most of its bytes are. Appends to `out`.
void gold_tags(const document& doc, const encoded_document& enc, const std::vector<gold_quote>& quotes,
               convention conv, std::vector<tag>& out);

/// Gold quotes of one FORMAT.md gold record, in byte ranges of `text` (optional quotes left
/// out). `where` names the record in errors.
std::vector<gold_quote> parse_gold(const nlohmann::json& record, std::string_view text, const std::string& where);

/// One training sequence: sequence tokens [first, end) of the corpus.
struct corpus_sequence {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
};

struct corpus {
  std::vector<std::uint32_t> buckets;  // feature_count per token, at the model's bucket bits
  std::vector<tag> gold;               // one per token
  std::vector<corpus_sequence> sequences;
  std::size_t documents = 0;
  std::size_t gold_quotes = 0;
  std::size_t gold_quotes_outside = 0;  // gold quotes whose content lies outside every sequence
  std::size_t tokens_in_documents = 0;  // non-space tokens, encoded or not
};

/// Reads docs and gold JSONL (documents without gold are skipped), runs the rules and the
/// encoder over each document and fills `out`. Throws sayso::error on a malformed file.
corpus read_corpus(const std::string& docs_path, const std::string& gold_path, std::uint32_t bucket_bits,
                   convention conv);

}  // namespace sayso::detail::spans::train
