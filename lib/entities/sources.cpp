// Speaker resolution, part 5: subjects that are not sources. GUIDELINES.md: a speaker is a
// person, a group, an organisation, a state or a document that can state something; an abstract
// or metaphorical subject ("history teaches", "the diplomatic choreography tells its own story",
// "the data show") is not one, and what it "says" is no quote. Documents and findings with an
// issuer stay sources ("the report says", "a poll found", "federal data show", "according to the
// data").
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

bool resolver::not_a_source(const attributed_quote& q) const {
  if (!q.source || q.source->end <= q.source->first) return false;
  // The noun phrase's words, up to a complement (a preposition, a comma, a relative).
  std::uint32_t head = npos;
  std::uint32_t words = 0;
  bool modified = false;
  for (std::uint32_t t = q.source->first; t < q.source->end; ++t) {
    if (tok_[t].kind == token_kind::space) continue;
    if (!is_word(t)) {
      if (s(t) == "," || s(t) == "(") break;
      continue;
    }
    const std::uint32_t c = cls(t);
    if (head != npos && !cap(t) && (c & (wc_preposition | wc_relative)) != 0) {
      modified = true;  // "data from the ministry"
      break;
    }
    if ((c & wc_determiner) == 0 && head != npos) modified = true;  // an adjective before the head
    if ((c & wc_determiner) == 0) head = t;
    ++words;
  }
  if (head == npos || possessive(head)) return false;
  // A capitalised head inside the sentence is a name ("History Channel").
  if (cap(head) && sentence_of(head).first_token != head) return false;
  const std::string_view w = lower(head);
  if (lex_.abstract_subject(w)) return true;
  // "the data show", "the numbers tell": bare, and not after "according to".
  return lex_.bare_finding(w) && !modified && q.type != cue_type::according && words <= 2;
}

// "KABUL/PESHAWAR Officials said", "BEIRUT Syria's opposition said": a dateline in capitals with
// no dash or agency after it, opening a paragraph, is no part of a name (the attribution stage
// reads the same pattern, units.cpp): words in capitals joined by a slash, several words in
// capitals, or one known place, then a capitalised word not in capitals. One acronym ("UN
// officials", "NATO Secretary-General X") is no dateline. Returns the first token of the
// sentence after it, or the sentence's first token.
std::uint32_t resolver::after_dateline(const sentence& sent) const {
  std::uint32_t k = sent.first_token;
  while (k < sent.end_token && tok_[k].kind == token_kind::space) ++k;
  if (k >= sent.end_token || !is_word(k) || !info_[k].all_upper()) return sent.first_token;
  if (doc_.sentences()[doc_.paragraphs()[sent.paragraph].first_sentence].first_token != sent.first_token) {
    return sent.first_token;
  }
  std::uint32_t words = 0;
  bool slash = false;
  bool place = false;
  std::uint32_t j = k;
  for (; j < sent.end_token && words < 4; ++j) {
    if (tok_[j].kind == token_kind::space) continue;
    // (Not an abbreviation with periods: "MOSCOW U.S. Secretary ..." has one place.)
    if (is_word(j) && info_[j].all_upper() && tok_[j].range.end - tok_[j].range.begin >= 3 &&
        s(j).find('.') == std::string_view::npos) {
      ++words;
      place = place || (cls(j) & wc_place) != 0;
      continue;
    }
    if (s(j) == "/" && words > 0) {
      slash = true;
      continue;
    }
    break;
  }
  if (words == 0 || j >= sent.end_token || !is_word(j) || !cap(j) ||
      (info_[j].all_upper() && s(j).find('.') == std::string_view::npos)) {
    return sent.first_token;
  }
  if (!slash && words < 2 && !place) return sent.first_token;
  return j;
}

// A source inside an introductory phrase that opens its sentence with a participle ("Speaking at
// the conference, Hadi ...", "Addressing a rally, ...") stands before the sentence's subject: the
// noun phrase after the phrase's comma.
std::pair<std::uint32_t, std::uint32_t> resolver::after_introduction(const token_span& source) const {
  constexpr std::pair<std::uint32_t, std::uint32_t> none{npos, npos};
  std::uint32_t w = npos;
  for (std::uint32_t t = source.first; t < source.end && w == npos; ++t) {
    if (is_word(t)) w = t;
  }
  if (w == npos || !cap(w)) return none;
  const sentence& sent = sentence_of(w);
  std::uint32_t first = sent.first_token;
  while (first < w && tok_[first].kind == token_kind::space) ++first;
  if (first != w) return none;
  const std::string_view low = lower(w);
  // (Or a past participle before a lower-case word: "Chastened by the figures, X revised ...";
  // not "United Nations".)
  const bool past = low.size() > 5 && low.ends_with("ed") && w + 2 < sent.end_token &&
                    tok_[w + 1].kind == token_kind::space && is_word(w + 2) && !cap(w + 2);
  const bool participle = low.size() > 5 && (low.ends_with("ing") || past) &&
                          (cls(w) & (wc_role | wc_org | wc_title | wc_place | wc_demonym)) == 0;
  // (Not after a connective: "Instead, Fiorina opened ..." would give the surname's latest
  // bearer a mention, and the pronouns after it, where the attribution found none.)
  if (!participle) return none;
  std::uint32_t t = w + 1;
  for (std::uint32_t n = 0; t < sent.end_token && n < 14; ++t) {
    if (in_quote_[t]) return none;
    if (tok_[t].kind == token_kind::punctuation && s(t) == ",") break;
    if (is_word(t)) ++n;
  }
  // (The source lies inside the phrase: "Speaking", "Addressing a".)
  if (t >= sent.end_token || source.end > t) return none;
  // The subject: a noun phrase ending in a name or a noun that can speak, followed by its verb;
  // a place after the comma is still the phrase's ("Speaking in Salem, New Hampshire, Trump").
  for (int chunk = 0; chunk < 3; ++chunk) {
    if (t >= sent.end_token || s(t) != ",") return none;
    ++t;
    while (t < sent.end_token && tok_[t].kind == token_kind::space) ++t;
    const std::uint32_t b = t;
    std::uint32_t en = b;
    for (std::uint32_t u = b; u < sent.end_token; ++u) {
      if (tok_[u].kind == token_kind::space) continue;
      if (!is_word(u) || in_quote_[u]) break;
      if (!cap(u) && (cls(u) & (wc_determiner | wc_role | wc_org | wc_title | wc_demonym)) == 0) break;
      en = u + 1;
    }
    if (en == b) {
      // (A chunk of the phrase after its comma: "Chastened by X, as well as by Y, Z revised".)
      while (t < sent.end_token && s(t) != "," && !in_quote_[t]) ++t;
      continue;
    }
    t = en;
    while (t < sent.end_token && tok_[t].kind == token_kind::space) ++t;
    if (t < sent.end_token && s(t) == ",") continue;
    const std::uint32_t head = en - 1;
    if (!cap(head) && (cls(head) & (wc_role | wc_org)) == 0) return none;
    if (t >= sent.end_token || !is_word(t) || cap(t)) return none;
    return {b, en};
  }
  return none;
}

}  // namespace sayso::detail
