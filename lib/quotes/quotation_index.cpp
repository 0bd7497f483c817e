#include "quotes/quotation_index.hpp"

#include <algorithm>

namespace sayso::detail {

void quotation_index::assign(const document& doc, const std::vector<quotation>& quotations) {
  quots_ = &quotations;
  const auto tokens = doc.tokens();
  qid_.assign(tokens.size(), npos);
  // (Not inner_.assign(n, false): libstdc++ clears a vector<bool>'s whole capacity there, so
  // that after one very long document every short one paid for it: 4x slower.)
  inner_.clear();
  inner_.resize(tokens.size(), false);
  marks_.resize(quotations.size());
  continued_by_.clear();
  const auto paragraphs = doc.paragraphs();
  const auto sentences = doc.sentences();
  for (std::uint32_t q = 0; q < quotations.size(); ++q) {
    const quotation& qu = quotations[q];
    const std::uint32_t open = doc.token_at(qu.open_mark.begin);
    std::uint32_t close = open;
    if (qu.closed) {
      close = doc.token_at(qu.close_mark.end - 1);
    } else {
      // Unclosed: to the end of the paragraph.
      const std::uint32_t sent = doc.sentence_of_token(open);
      const paragraph& p = paragraphs[sentences[sent].paragraph];
      close = sentences[p.end_sentence - 1].end_token - 1;
    }
    marks_[q] = {open, close};
    if (qu.continues != quotation::none) continued_by_.emplace_back(qu.continues, q);
    if (qu.depth != 0) continue;
    for (std::uint32_t t = open; t <= close && t < tokens.size(); ++t) qid_[t] = q;
    const std::uint32_t a = doc.token_at(qu.inner.begin);
    const std::uint32_t b = qu.inner.empty() ? a : doc.token_at(qu.inner.end - 1);
    for (std::uint32_t t = a; t <= b && t < tokens.size(); ++t) inner_[t] = true;
  }
  std::sort(continued_by_.begin(), continued_by_.end());
}

}  // namespace sayso::detail
