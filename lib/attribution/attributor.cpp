// Attribution: which stretches of text are reported speech, by which cue, from which source.
//
// No parser is available at run time, so the rules work on ICU tokens, sentence structure,
// capitalisation and the lexicon's word classes. The document is cut into units: sentences,
// merged where a quotation runs over a sentence boundary (units.cpp). In each unit the reporting
// cues outside quotations are found (cue_filter.cpp), and each cue is read in one of these
// frames, tried in order (frames.hpp):
//
//   according  "According to X, C." / "C, according to X." / "A, according to X, B."
//   inverted   "“Q,” X said." / "C, said X." / "A, X said, B." (the source follows the content)
//   forward    "X said (that) C." / "X said: “Q”" / "X called for C." / "X urged Y to C."
//
// A frame returns a candidate quote; the claims (claims.hpp) commit it: the quote is added, holds
// its quotations, and covers its tokens, which later frames of the unit leave alone. Source
// phrases and content ends are read by phrases.hpp's scanners. Quotations left over are attributed
// by a colon ("X: “Q”"), a dash ("“Q” — X"), a colon ending the previous paragraph, or continue
// the previous quote (“A,” he said. “B.”) or speaker (floating quotes); short fragments with none
// of these are scare quotes or titles (leftovers.cpp).
#include "attribution/attributor.hpp"

#include <algorithm>
#include <optional>

#include "attribution/claims.hpp"
#include "attribution/cues.hpp"
#include "attribution/frames.hpp"
#include "attribution/leftovers.hpp"
#include "attribution/reader.hpp"

namespace sayso::detail {

namespace {

// The quotes in text order, as they are handed on (floating quotes refer to quotes by index,
// so those are re-mapped).
std::vector<attributed_quote> hand_over(std::vector<quote_record> quotes) {
  std::vector<std::uint32_t> order(quotes.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&quotes](std::uint32_t a, std::uint32_t b) {
    return quotes[a].spans.front().begin < quotes[b].spans.front().begin;
  });
  std::vector<std::uint32_t> position(quotes.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  std::vector<attributed_quote> out;
  out.reserve(quotes.size());
  for (const std::uint32_t i : order) {
    quote_record& r = quotes[i];
    attributed_quote& q = out.emplace_back();
    q.kind = r.kind;
    q.spans = std::move(r.spans);
    q.cue = r.cue;
    q.type = r.type;
    if (r.source_first != npos) q.source = token_span{r.source_first, r.source_end};
    q.paragraph = r.paragraph;
    if (r.speaker_from != npos) q.continues = position[r.speaker_from];
    q.belief = r.belief;
    q.closed = r.closed;
    q.confidence = r.confidence;
  }
  return out;
}

// A speech act in a headline reports when its content holds a quotation or an infinitive
// ("calls on Ukraine to hold talks", "celebrates ‘great day’"), not a plain object.
bool headline_report(const reader& r, const candidate& c) {
  if (c.quote.type != cue_type::act || c.quote.kind != quote_kind::indirect) return true;
  for (const byte_range& sp : c.quote.spans) {
    const std::string_view t = sp.of(r.doc().text());
    if (t.starts_with("to ") || t.find(" to ") != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<attributed_quote> attribute(const attribution_input& in) {
  const reader r(in.doc, in.info, in.lex, in.quotations);
  std::vector<unit> units;
  r.build_units(units);
  claims found(r);
  const content_scanner scanner(r, found.quotes());
  const according_frame according(scanner);
  const inverted_frame inverted(scanner);
  const punctuation_frame punctuation(scanner);
  const forward_frame forward(scanner, punctuation, in.beliefs);

  // A frame's candidate, committed; the cue is done when it gave a quote.
  const auto take = [&found](std::optional<candidate> c, cue_hit& h) {
    if (c && found.commit(std::move(*c)) != npos) h.done = true;
  };
  std::vector<cue_hit> hits;
  for (std::uint32_t ui = 0; ui < units.size(); ++ui) {
    const unit& u = units[ui];
    find_cues(r, u, hits);
    // A headline reports only by a verb of saying or a directive ("X says Y", "X calls on Y to
    // …", "X vows Y"): its other verbs ("accepts offer", "defends swap") tell the news.
    if (u.headline) {
      std::erase_if(hits, [&r](const cue_hit& h) {
        const cue_type t = r.entry(h).type;
        return t == cue_type::belief || t == cue_type::evidential;
      });
    }
    if (hits.empty()) continue;
    found.begin_unit();
    const std::uint32_t first_quote = found.size();
    const frame_input frame{units, hits, found};
    for (cue_hit& h : hits) {
      if (r.entry(h).type == cue_type::according) take(according.read(ui, h, frame), h);
    }
    for (cue_hit& h : hits) {
      if (!h.done && !found.inside_claimed(h.first)) take(inverted.read(ui, h, frame), h);
    }
    for (cue_hit& h : hits) {
      if (h.done || found.inside_claimed(h.first)) continue;
      std::optional<candidate> c = forward.read(ui, h, frame);
      if (u.headline && c && !headline_report(r, *c)) continue;
      take(std::move(c), h);
    }
    // Nested reports: "The ministry said Lind reiterated that C", "According to X, Y
    // emphasized C": a speech verb inside the content of a report of the unit is a quote too.
    for (cue_hit& h : hits) {
      if (h.done || r.entry(h).type != cue_type::speech) continue;
      const std::uint32_t outer =
          found.content_holding(first_quote, r.doc().tokens()[h.first].range.begin);
      if (outer == npos) continue;
      // (Under "according to" the inner report is the sentence's main one: any content.)
      take(forward.read_nested(ui, h, frame, found.quotes()[outer].type == cue_type::according),
           h);
    }
  }
  leftover_pass(punctuation, units, found).run();
  return hand_over(found.release_quotes());
}

}  // namespace sayso::detail
