// Punctuation frames: a colon ("X: “Q”"), a dash ("“Q” — X"), and a colon ending a paragraph
// ("X said:") whose content is the next paragraph: its opening quotation, or the whole paragraph
// as a block quotation (frames.hpp).
#include <string_view>

#include "attribution/frames.hpp"

namespace sayso::detail {

// "X said:" closing a paragraph: the next paragraph's opening quotation is the content.
std::optional<candidate> punctuation_frame::next_paragraph(std::uint32_t ui, const cue_hit& h,
                                                           std::optional<token_span> src,
                                                           const frame_input& in) const {
  for (std::uint32_t v = ui + 1; v < in.units.size(); ++v) {
    const unit& w = in.units[v];
    if (w.paragraph == in.units[ui].paragraph) continue;
    if (w.paragraph != in.units[ui].paragraph + 1) return std::nullopt;
    std::uint32_t f = w.first;
    while (f < w.end && tok_[f].kind == token_kind::space) ++f;
    if (f < w.end && !is_open_mark(f) && !in_quotation(f) && !w.headline &&
        entry(h).type == cue_type::speech) {
      // "The governor added:" and the words in the next paragraph without quotation marks
      // (a block quotation): the whole paragraph, taken as said.
      std::uint32_t end = w.end;
      for (std::uint32_t x = v + 1; x < in.units.size() && in.units[x].paragraph == w.paragraph;
           ++x)
        end = in.units[x].end;
      while (end > f && tok_[end - 1].kind == token_kind::space) --end;
      if (end <= f) return std::nullopt;
      candidate c = in.found.start(in.units[ui], &h, src);
      quote_record& q = c.quote;
      q.paragraph = w.paragraph;
      in.found.add_content(c, f, end);
      if (q.spans.empty()) return std::nullopt;
      if (q.kind == quote_kind::indirect) q.kind = quote_kind::direct;
      q.confidence = 0.6F;
      return c;
    }
    if (f >= w.end || !is_open_mark(f) || !in.found.is_free(qid(f))) return std::nullopt;
    candidate c = in.found.start(in.units[ui], &h, src);
    c.quote.paragraph = w.paragraph;
    in.found.add_quotation(c, qid(f));
    in.found.follow_continuations(c, qid(f));
    c.quote.confidence = 0.8F;
    return c;
  }
  return std::nullopt;
}

// "X: “Q”" and "“Q” — X".
std::optional<candidate> punctuation_frame::colon_or_dash(const unit& u, std::uint32_t qi,
                                                          const frame_input& in) const {
  const std::uint32_t open = qspans_[qi].open_tok;
  const std::uint32_t close = qspans_[qi].close_tok;
  const std::uint32_t p = prev(open, u.first);
  if (p != npos && punct_is(p, ":")) {
    auto np = scan_left_np(p, u.first, 6);
    if (np && prev(np->first, u.first) == npos && speakerish(np->first, np->end) &&
        (cap(np->first) || (cls(np->first) & wc_determiner) != 0)) {
      return punctuated(u, qi, p, cue_kind::colon, np, 0.8F, in.found);
    }
    // "X is rolling out a new message: “Q”", "The piece used her words as its headline:
    // “Q”": a channel word before the colon makes the clause's subject the source.
    if (sentence_like(qi)) {
      bool channel = false;
      for (std::uint32_t k = u.first; k < p; ++k) {
        if (is_word(k) && !in_quotation(k) && (cls(k) & (wc_medium | wc_cue)) != 0 && !cap(k))
          channel = true;
      }
      const auto src = channel ? clause_subject(u, p) : std::nullopt;
      if (src) {
        return punctuated(u, qi, p, cue_kind::colon, src, 0.6F, in.found);
      }
    }
  }
  // "Trump issued the following statement:" ending the previous paragraph, the quotation
  // opening this one: the subject of the clause with a channel or cue word speaks.
  if (p == npos && &u != in.units.data() && sentence_like(qi)) {
    const unit& before = *(&u - 1);
    const std::uint32_t colon = before.end > before.first ? prev(before.end, before.first) : npos;
    if (colon != npos && punct_is(colon, ":") && before.paragraph + 1 == u.paragraph &&
        !before.headline) {
      bool channel = false;
      for (std::uint32_t k = before.first; k < colon; ++k) {
        if (is_word(k) && !in_quotation(k) && (cls(k) & (wc_medium | wc_cue)) != 0 && !cap(k))
          channel = true;
      }
      auto src = channel ? clause_subject(before, colon) : std::nullopt;
      if (!src && channel) {  // "As X reported after …:"
        for (std::uint32_t k = before.first; k < colon && !src; ++k) {
          if (is_word(k) && (cls(k) & wc_cue) != 0 && !cap(k)) src = forward_subject(before, k);
        }
      }
      if (src) {
        candidate c = punctuated(before, qi, colon, cue_kind::colon, src, 0.6F, in.found);
        c.quote.paragraph = u.paragraph;
        return c;
      }
    }
  }
  const std::uint32_t n = next(close, u.end);
  if (quots_[qi].closed && n < u.end && is_dash(n)) {
    const std::uint32_t from = next(n, u.end);
    auto r = scan_right_np(from, u.end, 8);
    if (r && speakerish(r->first, r->end) && cap(r->first)) {
      const std::uint32_t after = next(r->end - 1, u.end);
      if (after >= u.end || is_terminal(after) || is_comma(after) || is_open_mark(after)) {
        return punctuated(u, qi, n, cue_kind::dash, r, 0.7F, in.found);
      }
    }
  }
  return std::nullopt;
}

candidate punctuation_frame::punctuated(const unit& u, std::uint32_t qi, std::uint32_t cue,
                                        cue_kind kind, std::optional<token_span> src,
                                        float confidence, const claims& found) const {
  candidate c = found.start(u, nullptr, src);
  quote_record& q = c.quote;
  q.cue = reporting_cue{tok_[cue].range, kind};
  q.cue_first = cue;
  q.cue_end = cue + 1;
  found.add_quotation(c, qi);
  found.follow_continuations(c, qi);
  q.confidence = confidence;
  return c;
}

}  // namespace sayso::detail
