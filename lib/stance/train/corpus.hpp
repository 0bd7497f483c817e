// The stance trainer's view of annotated documents: the pipeline runs over each (rules' labels),
// its quotes are matched to the gold quotes as score.py matches them (token dice >= 0.5, one to
// one, best first, non-optional gold first), and each term of a matched quote becomes an item:
// the rules' reading (label_decision), the rules' label and the gold label. Only classes and
// labels are kept of the text, besides the analyses for writing predictions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <sayso/analysis.hpp>

#include "stance/label_model.hpp"

namespace sayso::detail::stance_train {

/// A set of annotated documents (FORMAT.md docs and gold JSONL).
struct data_set {
  std::string name;
  std::string docs;
  std::string gold;
  // Group its documents by the conflict in their id ("cn-<conflict>-<nn>"); otherwise the whole
  // set is one group.
  bool by_conflict = false;
};

/// Parses "NAME=DOCS,GOLD[,by-conflict]".
data_set parse_data_set(const std::string& spec);

constexpr int kNone = -1;  // no label: the term is not in the gold, or not predicted

/// One term of one matched quote.
struct item {
  std::size_t doc = 0;     // index into stance_corpus::docs
  std::size_t quote = 0;   // index into the document's analysis quotes (npos-like for gold-only)
  std::size_t stance = 0;  // index into that quote's stances
  std::string term;
  int gold = kNone;        // stance_label as int, or kNone
  int rule = kNone;        // the rules' label, or kNone (a gold term the rules did not find)
  label_decision decision; // the rules' reading (term_id cleared: see `term`)
  std::vector<std::uint16_t> features;
};

struct corpus_document {
  std::string id;
  std::string text;
  std::size_t set = 0;
  std::string group;
  analysis result;  // with the rules' labels
};

struct stance_corpus {
  std::vector<data_set> sets;
  std::vector<corpus_document> docs;
  std::vector<item> items;
  [[nodiscard]] std::vector<std::string> groups() const;  // sorted, unique
  [[nodiscard]] const std::string& group_of(const item& it) const { return docs[it.doc].group; }
};

/// Reads every set, runs the pipeline (rules' labels) and matches quotes. The documents of a
/// group that `lexicons` names are read with that group's term lexicon (cross-fitting), the
/// others with the default one. Throws sayso::error on an unreadable or malformed file.
stance_corpus read_stance_corpus(const std::vector<data_set>& sets,
                                 const std::map<std::string, term_lexicon>* lexicons = nullptr);

}  // namespace sayso::detail::stance_train
