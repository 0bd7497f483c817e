// Quotations without a cue of their own (leftovers.hpp).
#include "attribution/leftovers.hpp"

#include <algorithm>

namespace sayso::detail {

void leftover_pass::run() {
  join_pieces();
  index_quote_starts();
  const std::vector<cue_hit> no_hits;
  const auto count = static_cast<std::uint32_t>(r_.quotations().quotations().size());
  std::uint32_t unit_index = 0;
  for (std::uint32_t qi = 0; qi < count; ++qi) {
    const quotation& qu = r_.quot(qi);
    if (qu.depth != 0 || !found_.is_free(qi)) continue;
    const std::uint32_t open = r_.marks(qi).open_tok;
    while (unit_index + 1 < units_.size() && units_[unit_index].end <= open) ++unit_index;
    const unit& u = units_[unit_index];
    if (u.headline) continue;
    if (auto c = punctuation_.colon_or_dash(u, qi, {units_, no_hits, found_})) {
      found_.commit(std::move(*c));
      continue;
    }
    if (!r_.sentence_like(qi)) continue;  // scare quote, title or nickname
    // Continues the previous quote: “A,” he said. “B.” (same paragraph, right after it).
    const std::uint32_t prev_quote = last_quote_before(open);
    const std::uint32_t prev_direct = last_quote_before(open, true);
    if (prev_direct != npos && found_.quotes()[prev_direct].paragraph == u.paragraph &&
        r_.unit_starts_with(u, open) && nothing_between(prev_direct, u, open)) {
      found_.extend(prev_direct, qi);
      continue;
    }
    // A floating quote: the previous speaker's, in the same or the previous paragraph.
    candidate c = found_.start(u, nullptr, std::nullopt);
    quote_record& q = c.quote;
    found_.add_quotation(c, qi);
    found_.follow_continuations(c, qi);
    q.confidence = 0.5F;
    if (prev_quote != npos && found_.quotes()[prev_quote].paragraph + 1 >= u.paragraph) {
      q.speaker_from = prev_quote;
      q.confidence = 0.7F;
    } else if (!r_.unit_starts_with(u, open)) {
      // A quotation inside narration with no source anywhere near: not a quote.
      found_.drop(c, qi);
      continue;
    }
    found_.commit(std::move(c));
  }
}

// Pieces of a multi-paragraph quotation attributed in a later paragraph ("“A.\n\n“B,” she
// said.") join it first, then pieces after an attributed one.
void leftover_pass::join_pieces() {
  const auto count = static_cast<std::uint32_t>(r_.quotations().quotations().size());
  for (std::uint32_t qi = 0; qi < count; ++qi) {
    const quotation& qu = r_.quot(qi);
    if (qu.depth != 0 || found_.is_free(qi)) continue;
    const std::uint32_t owner = found_.owner(qi);
    std::vector<byte_range> before;
    std::uint32_t first_piece = qi;
    for (std::uint32_t p = qu.continues; p != quotation::none && found_.is_free(p);
         p = r_.quot(p).continues) {
      before.insert(before.begin(), r_.quot(p).inner);
      found_.hold(p, owner);
      first_piece = p;
    }
    if (!before.empty()) {
      quote_record& q = found_.quote(owner);
      q.spans.insert(q.spans.begin(), before.begin(), before.end());
      q.first_token = r_.marks(first_piece).open_tok;
      q.kind = quote_kind::direct;
    }
    found_.follow_continuations(owner, qi);
  }
}

// last_quote_before's index, so that long documents stay linear: the quotes present when the
// leftover quotations are taken up, as (first token, index) in order, all and direct ones.
// The quotes added after them (from index indexed_ on) start at the quotation being
// attributed, so they come in text order and are direct; should that ever not hold,
// last_quote_before falls back to a scan.
void leftover_pass::index_quote_starts() {
  const std::vector<quote_record>& quotes = found_.quotes();
  starts_.clear();
  direct_starts_.clear();
  for (std::uint32_t i = 0; i < quotes.size(); ++i) {
    const quote_record& q = quotes[i];
    if (q.spans.empty()) continue;
    starts_.emplace_back(q.first_token, i);
    if (q.kind == quote_kind::direct) direct_starts_.emplace_back(q.first_token, i);
  }
  std::sort(starts_.begin(), starts_.end());
  std::sort(direct_starts_.begin(), direct_starts_.end());
  indexed_ = static_cast<std::uint32_t>(quotes.size());
  checked_ = indexed_;
}

// The most recent quote (or direct quote) whose content starts before token t: the greatest
// first token, and of equal ones the latest quote.
std::uint32_t leftover_pass::last_quote_before(std::uint32_t t, bool direct_only) {
  const std::vector<quote_record>& quotes = found_.quotes();
  if (indexed_ == npos) return last_quote_before_scan(t, direct_only);
  checked_ = std::min(checked_, static_cast<std::uint32_t>(quotes.size()));
  for (; checked_ < quotes.size(); ++checked_) {
    const quote_record& q = quotes[checked_];
    if (q.spans.empty() || q.kind != quote_kind::direct ||
        (checked_ > indexed_ && q.first_token < quotes[checked_ - 1].first_token)) {
      indexed_ = npos;
      return last_quote_before_scan(t, direct_only);
    }
  }
  const auto& starts = direct_only ? direct_starts_ : starts_;
  std::uint32_t best = npos;
  std::uint32_t best_tok = 0;
  auto it = std::lower_bound(starts.begin(), starts.end(), std::pair{t, std::uint32_t{0}});
  if (it != starts.begin()) {
    --it;
    best_tok = it->first;
    best = it->second;
  }
  const auto added = quotes.begin() + indexed_;
  const auto after = std::partition_point(added, quotes.end(),
                                          [t](const quote_record& q) { return q.first_token < t; });
  if (after != added && (best == npos || (after - 1)->first_token >= best_tok)) {
    best = static_cast<std::uint32_t>(after - 1 - quotes.begin());
  }
  return best;
}

std::uint32_t leftover_pass::last_quote_before_scan(std::uint32_t t, bool direct_only) const {
  const std::vector<quote_record>& quotes = found_.quotes();
  std::uint32_t best = npos;
  std::uint32_t best_tok = 0;
  for (std::uint32_t i = 0; i < quotes.size(); ++i) {
    const quote_record& q = quotes[i];
    if (q.spans.empty() || q.first_token >= t) continue;
    if (direct_only && q.kind != quote_kind::direct) continue;
    if (best == npos || q.first_token >= best_tok) {
      best = i;
      best_tok = q.first_token;
    }
  }
  return best;
}

// Is unit u the one right after the unit holding quote `qi`'s attribution?
bool leftover_pass::nothing_between(std::uint32_t qi, const unit& u, std::uint32_t open) const {
  const quote_record& q = found_.quotes()[qi];
  std::uint32_t last_tok = q.first_token;
  if (q.cue_end != npos) last_tok = std::max(last_tok, q.cue_end);
  if (q.source_end != npos) last_tok = std::max(last_tok, q.source_end);
  for (const byte_range& r : q.spans) last_tok = std::max(last_tok, r_.doc().token_at(r.end - 1));
  // The previous unit must hold the quote's last token. (Units are in text order: a binary
  // search finds u.)
  const auto it =
      std::lower_bound(units_.begin(), units_.end(), u.first,
                       [](const unit& a, std::uint32_t first) { return a.first < first; });
  if (it == units_.end() || it->first != u.first) return false;
  const auto v = static_cast<std::size_t>(it - units_.begin());
  return v > 0 && last_tok >= units_[v - 1].first && last_tok < units_[v - 1].end &&
         open >= u.first;
}

}  // namespace sayso::detail
