// The according-to frame: "According to X, C.", "C, according to X.", "A, according to X, B."
// (frames.hpp). "per X", "as reported by X" and "in the words of X" are read the same way.
#include <string_view>

#include "attribution/frames.hpp"

namespace sayso::detail {

std::optional<candidate> according_frame::read(std::uint32_t ui, const cue_hit& h,
                                               const frame_input& in) const {
  const unit& u = in.units[ui];
  const claims& found = in.found;
  const std::uint32_t src_from = next(h.end - 1, u.end);
  if (src_from >= u.end) return std::nullopt;
  auto src = scan_right_np(src_from, u.end, 20, true);
  if (!src) return std::nullopt;
  std::uint32_t after = next(src->end - 1, u.end);
  const std::uint32_t before = prev(h.first, u.first);
  if (before == npos || (is_comma(before) && prev(before, u.first) == npos)) {
    // "According to X: “Q”": the quotation after the colon is the content.
    if (after < u.end && punct_is(after, ":")) {
      const std::uint32_t open = next(after, u.end);
      if (open >= u.end || !is_open_mark(open) || !found.is_free(qid(open))) return std::nullopt;
      candidate c = found.start(u, &h, src);
      found.add_quotation(c, qid(open));
      found.follow_continuations(c, qid(open));
      if (c.quote.spans.empty()) return std::nullopt;
      return c;
    }
    // "According to X, C."
    if (after >= u.end || !is_comma(after)) return std::nullopt;
    const std::uint32_t from = next(after, u.end);
    const std::uint32_t end = content_end(u, from, in.hits);
    if (end == npos || end <= from) return std::nullopt;
    candidate c = found.start(u, &h, src);
    found.add_content(c, from, end);
    if (c.quote.spans.empty()) return std::nullopt;
    c.claim = {h.first, end};
    return c;
  }
  // "C, according to X." or "A, according to X, B." (the comma is sometimes left out)
  const std::uint32_t from = found.free_start(u, h.first);
  if (from >= before) return std::nullopt;
  // "“Q,” said X, according to Y", "“Q,” X said, according to Y": the quotation's speaker is
  // named, and Y only carried it; the inverted frame reads it.
  {
    std::uint32_t close = prev(before, u.first);
    for (int n = 0; n < 12 && close != npos && close >= from && !is_close_mark(close); ++n) {
      close = prev(close, u.first);
    }
    if (close != npos && close >= from && is_close_mark(close)) {
      for (const cue_hit& o : in.hits) {
        if (o.first > close && o.first < before && entry(o).type == cue_type::speech &&
            o.first <= close + 12) {
          return std::nullopt;
        }
      }
    }
  }
  // "…, according to the security adviser, Ilse Marten, who …": a name after the source is
  // its apposition, not a content B.
  if (after < u.end && is_comma(after) && is_word(src->end - 1) && !cap(src->end - 1)) {
    const std::uint32_t n = next(after, u.end);
    const auto name = n < u.end && is_word(n) && cap(n) ? scan_right_np(n, u.end, 5) : std::nullopt;
    if (name && name->first == n && (cls(n) & (wc_determiner | wc_title)) == 0) {
      const std::uint32_t a = next(name->end - 1, u.end);
      const std::uint32_t w = a < u.end ? next(a, u.end) : u.end;
      if (a >= u.end || is_terminal(a) ||
          (is_comma(a) && w < u.end && (lower_is(w, "who") || lower_is(w, "whose")))) {
        src->end = name->end;
        after = a;
      }
    }
  }
  candidate c = found.start(u, &h, src);
  found.add_content(c, from, (is_comma(before) || is_dash(before)) ? before : before + 1);
  const std::uint32_t cont = after < u.end && is_comma(after) ? next(after, u.end) : u.end;
  const bool participial = cont < u.end && is_word(cont) && !cap(cont) && s(cont).size() > 5 &&
                           s(cont).substr(s(cont).size() - 3) == "ing";
  // ("…, according to X, who …": a relative clause on the source is not a content B.)
  const bool relative = cont < u.end && (lower_is(cont, "who") || lower_is(cont, "whose"));
  if (after < u.end && is_comma(after) && !participial && !relative && !writer_adjunct(u, cont)) {
    const std::uint32_t from2 = next(after, u.end);
    const std::uint32_t end2 = content_end(u, from2, in.hits);
    if (end2 != npos && end2 > from2) found.add_content(c, from2, end2);
    c.claim = {from, end2 == npos ? u.end : end2};
  } else {
    c.claim = {from, u.end};
  }
  // (Without content, the phrase still covers its tokens.)
  if (c.quote.spans.empty()) c.outcome = candidate::verdict::claim_only;
  return c;
}

}  // namespace sayso::detail
