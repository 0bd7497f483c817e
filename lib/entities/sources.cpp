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
    if (is_word(j) && info_[j].all_upper() && tok_[j].range.end - tok_[j].range.begin >= 3) {
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
  if (words == 0 || j >= sent.end_token || !is_word(j) || !cap(j) || info_[j].all_upper()) return sent.first_token;
  if (!slash && words < 2 && !place) return sent.first_token;
  return j;
}

}  // namespace sayso::detail
