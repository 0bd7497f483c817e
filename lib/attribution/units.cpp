// Units: the stretches of text the attributor reads one at a time (reader.hpp).
#include <algorithm>

#include "attribution/reader.hpp"

namespace sayso::detail {

namespace {

// A "sentence" of thousands of tokens (a page without sentence ends) is cut outside
// quotations into units of about kMaxUnitTokens, at a space if there is one: the per-unit
// passes compare cues with cues and claims, so unbounded units would make attribution
// quadratic in the text.
constexpr std::uint32_t kMaxUnitTokens = 1024;

}  // namespace

void reader::build_units(std::vector<unit>& units) const {
  const auto sentences = doc_.sentences();
  const auto paragraphs = doc_.paragraphs();
  bool body_seen = false;  // (a paragraph that is not a headline came before)
  for (std::uint32_t si = 0; si < sentences.size();) {
    const sentence& first = sentences[si];
    std::uint32_t end = first.end_token;
    std::uint32_t sj = si + 1;
    // Extend while a quotation runs past the unit's end (same paragraph only).
    for (;;) {
      std::uint32_t last = end - 1;
      while (last > first.first_token && tok_[last].kind == token_kind::space) --last;
      const std::uint32_t q = qid_[last];
      if (q == npos || qspans_[q].close_tok < end || sj >= sentences.size() ||
          sentences[sj].paragraph != first.paragraph) {
        break;
      }
      end = sentences[sj].end_token;
      ++sj;
    }
    // "“Where is the aid?” she asked.", "“We will win!” X said.": a quotation ending in its own
    // sentence's punctuation, then a short sentence of the same paragraph opening with a source
    // and a verb of saying (or the verb): the attribution of the quotation, one unit with it.
    if (sj < sentences.size() && sentences[sj].paragraph == first.paragraph && attribution_after(end, sentences[sj])) {
      end = sentences[sj].end_token;
      ++sj;
    }
    const paragraph& para = paragraphs[first.paragraph];
    const bool headline = is_headline(para);
    std::uint32_t from = first.first_token;
    if (!headline && !body_seen) {
      body_seen = true;
      if (si == para.first_sentence) from = after_bare_dateline(from, end);
    }
    push_unit(units, from, end, first.paragraph, headline);
    si = sj;
  }
}

bool reader::attribution_after(std::uint32_t end, const sentence& next) const {
  std::uint32_t last = end - 1;
  while (last > 0 && tok_[last].kind == token_kind::space) --last;
  if (!is_close_mark(last) || last == 0) return false;
  const std::uint32_t inside = last - 1;
  if (!(punct_is(inside, "?") || punct_is(inside, "!") || punct_is(inside, "."))) return false;
  // At most six words, a verb of saying among the first four with at most three words after it
  // and no clause ("X said on Twitter.", not "She added that talks could go on."), no quotation.
  std::uint32_t words = 0;
  std::uint32_t cue_at = 0;
  for (std::uint32_t t = next.first_token; t < next.end_token; ++t) {
    if (tok_[t].kind == token_kind::quotation_mark) return false;
    if (!is_word(t)) continue;
    if (++words > 6) return false;
    if (cue_at != 0 && (cls(t) & (wc_complementizer | wc_relative)) != 0) return false;
    if (cue_at == 0 && words <= 4 && !cap(t) && (cls(t) & wc_cue) != 0) cue_at = words;
  }
  return cue_at != 0 && words - cue_at <= 3;
}

void reader::push_unit(std::vector<unit>& units, std::uint32_t first, std::uint32_t end,
                       std::uint32_t paragraph, bool headline) const {
  while (end - first > kMaxUnitTokens) {
    std::uint32_t cut = npos;
    for (int pass = 0; pass < 2 && cut == npos; ++pass) {  // a space, else any token
      for (std::uint32_t t = first + kMaxUnitTokens; t > first + kMaxUnitTokens / 2 && cut == npos;
           --t) {
        if (qid_[t] == npos && (pass == 1 || tok_[t].kind == token_kind::space)) cut = t;
      }
    }
    for (std::uint32_t t = first + kMaxUnitTokens + 1; t < end && cut == npos; ++t) {
      if (qid_[t] == npos) cut = t;
    }
    if (cut == npos || cut + 1 >= end) break;
    units.push_back({first, cut, paragraph, headline});
    first = tok_[cut].kind == token_kind::space ? cut + 1 : cut;
  }
  units.push_back({first, end, paragraph, headline});
}

// A paragraph that does not end like a sentence and is short: a headline, dateline or
// navigation line. Only verbs of saying and directives are read in it (attributor.cpp).
bool reader::is_headline(const paragraph& p) const {
  const auto sentences = doc_.sentences();
  const std::uint32_t first = sentences[p.first_sentence].first_token;
  const std::uint32_t last = sentences[p.end_sentence - 1].end_token - 1;
  std::uint32_t t = last;
  while (t > first && (tok_[t].kind == token_kind::space)) --t;
  if (is_terminal(t) || tok_[t].kind == token_kind::quotation_mark || punct_is(t, ":")) {
    return false;
  }
  // A paragraph opening with a quotation is speech ("“…” — Name"), not a headline.
  if (tok_[first].kind == token_kind::quotation_mark && is_open_mark(first)) return false;
  std::uint32_t words = 0;
  for (std::uint32_t i = first; i <= last; ++i) words += is_word(i) ? 1 : 0;
  return words < 25;
}

std::uint32_t reader::after_dateline(const unit& u) const {
  std::uint32_t k = u.first;
  while (k < u.end && tok_[k].kind == token_kind::space) ++k;
  // "(CNN) The talks …", "KABUL, Afghanistan (AP) — The council …", "Near the border (CNN) --
  // Hours after …": a news agency in brackets within the first words, after a place and no verb,
  // followed by a dash or a capitalised word.
  for (std::uint32_t j = k, n = 0; j < u.end && n < 12; j = next(j, u.end), ++n) {
    if (punct_is(j, "(")) {
      std::uint32_t m = next(j, u.end);
      std::uint32_t words = 0;
      while (m < u.end && is_word(m) && (info_[m].all_upper() || (cls(m) & wc_org) != 0) &&
             cap(m) && words < 3) {
        m = next(m, u.end);
        ++words;
      }
      if (words == 0 || m >= u.end || !punct_is(m, ")")) break;
      std::uint32_t d = next(m, u.end);
      if (d < u.end && is_dash(d)) {
        while (d < u.end && is_dash(d)) d = next(d, u.end);
        return d;
      }
      if (d < u.end && is_word(d) && cap(d)) return d;
      break;
    }
    if (!is_wordish(j) && !is_comma(j) && !punct_is(j, ".") && !punct_is(j, "-")) break;
    if (is_word(j) && !cap(j) &&
        (cls(j) & (wc_verb | wc_cue | wc_auxiliary | wc_pronoun | wc_complementizer)) != 0)
      break;
  }
  if (k >= u.end || !is_word(k)) return u.first;
  if (!info_[k].all_upper()) {
    // "Washington (AFP) – ": a place and an agency in brackets.
    std::uint32_t j = k;
    for (int n = 0; n < 3 && j < u.end && is_word(j) && cap(j); ++n) j = next(j, u.end);
    if (j < u.end && punct_is(j, "(")) {
      std::uint32_t m = next(j, u.end);
      while (m < u.end && is_word(m) && info_[m].all_upper()) m = next(m, u.end);
      if (m < u.end && punct_is(m, ")")) {
        const std::uint32_t d = next(m, u.end);
        if (d < u.end && is_dash(d)) return next(d, u.end);
      }
    }
    return u.first;
  }
  for (std::uint32_t n = 0; k < u.end && n < 10; k = next(k, u.end), ++n) {
    if (is_dash(k)) return next(k, u.end);
    const bool part = (is_word(k) && (info_[k].all_upper() || cap(k) || (cls(k) & wc_time) != 0)) ||
                      tok_[k].kind == token_kind::number || is_comma(k) || punct_is(k, ".");
    if (!part) break;
  }
  return u.first;
}

// "KABUL/PESHAWAR Officials said", "BEIRUT Syria's opposition said", "UNITED NATIONS The
// council ...": a dateline in capitals with no dash or agency after it, opening the first
// paragraph of the body (build_units asks only there). Its places are words in capitals joined
// by a slash, several words in capitals, or one known place: one acronym ("UN officials", "NATO
// said", "US President X") is not a dateline. The sentence goes on with a capitalised word not
// in capitals. Returns the first token after the dateline, or `first`.
std::uint32_t reader::after_bare_dateline(std::uint32_t first, std::uint32_t end) const {
  std::uint32_t k = first;
  while (k < end && tok_[k].kind == token_kind::space) ++k;
  std::uint32_t words = 0;
  bool slash = false;
  bool place = false;
  std::uint32_t j = k;
  for (; j < end && words < 4; j = next(j, end)) {
    // (Not an abbreviation with periods: "MOSCOW U.S. Secretary ..." has one place.)
    if (is_word(j) && info_[j].all_upper() && tok_[j].range.size() >= 3 && s(j).find('.') == std::string_view::npos) {
      ++words;
      place = place || (cls(j) & wc_place) != 0;
      continue;
    }
    if (punct_is(j, "/") && words > 0) {
      slash = true;
      continue;
    }
    break;
  }
  if (words == 0 || j >= end || !is_word(j) || !cap(j) ||
      (info_[j].all_upper() && s(j).find('.') == std::string_view::npos)) {
    return first;
  }
  if (!slash && words < 2 && !place) return first;
  return j;
}

bool reader::unit_starts_with(const unit& u, std::uint32_t t) const {
  std::uint32_t f = u.first;
  while (f < u.end && tok_[f].kind == token_kind::space) ++f;
  return f == t;
}

}  // namespace sayso::detail
