// The quotes found so far and the quotations they hold (claims.hpp).
#include "attribution/claims.hpp"

#include <algorithm>

namespace sayso::detail {

namespace {

// The owner of the pieces of a floating quote that was dropped: held, by no quote.
constexpr std::uint32_t kHeldByDropped = npos - 1;

}  // namespace

claims::claims(const reader& r)
    : r_(r), quotation_used_(r.quotations().quotations().size(), npos) {}

bool claims::is_free(std::uint32_t qi, const candidate& c) const {
  return quotation_used_[qi] == npos &&
         std::find(c.taken.begin(), c.taken.end(), qi) == c.taken.end();
}

bool claims::inside_claimed(std::uint32_t t) const {
  return std::any_of(claimed_.begin(), claimed_.end(),
                     [t](const token_span& r) { return t >= r.first && t < r.end; });
}

std::uint32_t claims::content_holding(std::uint32_t first, std::uint32_t b) const {
  for (std::uint32_t i = first; i < out_.size(); ++i) {
    for (const byte_range& sp : out_[i].spans) {
      if (b >= sp.begin && b < sp.end) return i;
    }
  }
  return npos;
}

std::uint32_t claims::free_start(const unit& u, std::uint32_t t) const {
  std::uint32_t start = r_.after_dateline(u);
  for (const auto& r : claimed_) {
    if (r.end <= t && r.end > start) start = r.end;
  }
  while (start < t && r_.doc().tokens()[start].kind == token_kind::space) ++start;
  // "Meanwhile, C, X said.", "But C, X said.": a connective opening the sentence links it to
  // the one before and is the writer's, not reported (only when content remains after it).
  if (start < t && r_.unit_starts_with(u, start) && r_.is_word(start) && r_.cap(start) &&
      (r_.cls(start) & wc_connective) != 0) {
    std::uint32_t k = r_.next(start, t + 1);
    const bool comma = k <= t && r_.is_comma(k);
    if (comma) k = r_.next(k, t + 1);
    const bool bare = r_.lower_is(start, "but") || r_.lower_is(start, "and");
    if ((comma || bare) && k < t && r_.is_wordish(k)) start = k;
  }
  return start;
}

candidate claims::start(const unit& u, const cue_hit* hit, std::optional<token_span> source) const {
  candidate c;
  quote_record& q = c.quote;
  q.paragraph = u.paragraph;
  if (hit != nullptr) {
    const cue_entry& ce = r_.entry(*hit);
    const auto tokens = r_.doc().tokens();
    q.cue = reporting_cue{{tokens[hit->first].range.begin, tokens[hit->end - 1].range.end},
                          ce.type == cue_type::according ? cue_kind::phrase : cue_kind::verb};
    q.cue_first = hit->first;
    q.cue_end = hit->end;
    q.type = ce.type;
    q.belief = ce.type == cue_type::belief;
  }
  q.source_first = source ? source->first : npos;
  q.source_end = source ? source->end : npos;
  return c;
}

void claims::add_content(candidate& c, std::uint32_t first, std::uint32_t end) const {
  const std::uint32_t whole = r_.whole_quotation(first, end);
  if (whole != npos) {
    add_quotation(c, whole);
    return;
  }
  const byte_range range = r_.tokens_range(first, end);
  if (range.empty()) return;
  quote_record& q = c.quote;
  if (q.spans.empty()) q.first_token = first;
  q.spans.push_back(range);
  // The quotations inside the stretch are the quote's too: it is mixed.
  bool any = false;
  for (std::uint32_t k = first; k < end; ++k) {
    if (r_.is_open_mark(k)) {
      c.taken.push_back(r_.qid(k));
      any = true;
    }
  }
  if (any) {
    q.kind = quote_kind::mixed;
  } else if (q.kind != quote_kind::mixed) {
    q.kind = quote_kind::indirect;
  }
}

void claims::append_quotation(quote_record& q, std::uint32_t qi) const {
  const quotation& qu = r_.quot(qi);
  if (q.spans.empty()) {
    q.first_token = r_.marks(qi).open_tok;
    q.kind = quote_kind::direct;
  }
  q.spans.push_back(qu.inner);
  // A piece continued in the next paragraph has no closing mark by convention.
  const auto continued_by = r_.quotations().continued_by();
  const auto succ = std::lower_bound(continued_by.begin(), continued_by.end(),
                                     std::pair<std::uint32_t, std::uint32_t>{qi, 0});
  const bool continued = succ != continued_by.end() && succ->first == qi;
  q.closed = q.closed && (qu.closed || continued);
}

void claims::add_quotation(candidate& c, std::uint32_t qi) const {
  append_quotation(c.quote, qi);
  c.taken.push_back(qi);
}

// (Through the index of continuations, not a scan of all quotations: long documents stay
// linear.)
template <class Free>
std::uint32_t claims::next_piece(std::uint32_t qi, Free free) const {
  const auto continued_by = r_.quotations().continued_by();
  auto it = std::lower_bound(continued_by.begin(), continued_by.end(), std::pair{qi, qi + 1});
  while (it != continued_by.end() && it->first == qi && !free(it->second)) ++it;
  return it == continued_by.end() || it->first != qi ? npos : it->second;
}

void claims::follow_continuations(candidate& c, std::uint32_t qi) const {
  for (;;) {
    qi = next_piece(qi, [&](std::uint32_t q) { return is_free(q, c); });
    if (qi == npos) return;
    add_quotation(c, qi);
  }
}

void claims::follow_continuations(std::uint32_t index, std::uint32_t qi) {
  for (;;) {
    qi = next_piece(qi, [this](std::uint32_t q) { return is_free(q); });
    if (qi == npos) return;
    append_quotation(out_[index], qi);
    quotation_used_[qi] = index;
  }
}

void claims::extend(std::uint32_t index, std::uint32_t qi) {
  append_quotation(out_[index], qi);
  quotation_used_[qi] = index;
  follow_continuations(index, qi);
}

std::uint32_t claims::commit(candidate&& c) {
  if (c.claim) claimed_.push_back(*c.claim);
  switch (c.outcome) {
    case candidate::verdict::give_back:
      for (const std::uint32_t qi : c.taken) quotation_used_[qi] = npos;
      return npos;
    case candidate::verdict::claim_only: return npos;
    case candidate::verdict::take: break;
  }
  const auto index = static_cast<std::uint32_t>(out_.size());
  for (const std::uint32_t qi : c.given_back) quotation_used_[qi] = npos;
  for (const std::uint32_t qi : c.taken) quotation_used_[qi] = index;
  out_.push_back(std::move(c.quote));
  return index;
}

void claims::drop(const candidate& c, std::uint32_t qi) {
  for (const std::uint32_t q : c.taken) quotation_used_[q] = kHeldByDropped;
  quotation_used_[qi] = npos;
}

}  // namespace sayso::detail
