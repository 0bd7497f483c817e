// Speaker resolution, part 9: groups the text names without a quote, for the descriptions and
// pronouns that refer back to them: a sentence's opening noun phrase ("Western diplomats were
// gloomy", "A Western official briefed reporters"), "a group of men" inside a sentence, and two
// names opening a sentence together ("Armenia and Azerbaijan signed ...").
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

// A sentence opening with a plural role noun phrase ("Western diplomats were gloomy") names a
// group that a later "they" may refer to.
void resolver::register_group(const sentence& sent) {
  // The sentence's opening noun phrase, up to its head and an "of" complement: "Western diplomats
  // were gloomy", "The M40 rebels took the airport" (a group); "A Western official briefed
  // reporters" (an anonymous source); "A group of men blocked the road", "A panel of UN experts
  // said" (a group, which "the men", "the experts" refer back to).
  std::uint32_t i = sent.first_token;
  std::vector<std::uint32_t>& words = group_words_;
  words.clear();
  std::uint32_t head = npos;
  std::uint32_t inner = npos;  // the plural after "a group of"
  for (std::uint32_t n = 0; i < sent.end_token && n < 8; ++i) {
    if (tok_[i].kind == token_kind::space) continue;
    if (in_quote_[i]) return;
    if (!is_word(i)) {
      // A name with digits ("M40") is a modifier.
      if (tok_[i].kind != token_kind::number || head != npos || s(i).front() < 'A' || s(i).front() > 'Z') return;
      words.push_back(i);
      ++n;
      continue;
    }
    const std::uint32_t c = cls(i);
    if (head != npos) {
      // "a group of [the] [modifiers] men"
      if (inner == npos && words.back() == head && lower(i) == "of" && !plural(head) && (c & wc_preposition) != 0) {
        words.push_back(i);
        ++n;
        continue;
      }
      if (words.back() != head && inner == npos) {
        if ((c & wc_role) != 0 && !cap(i) && plural(i)) {
          inner = i;
          words.push_back(i);
          ++i;
          break;
        }
        if ((c & (wc_determiner | wc_demonym | wc_title | wc_place)) != 0 || cap(i) || c == 0) {
          words.push_back(i);
          ++n;
          continue;
        }
        return;
      }
      break;
    }
    words.push_back(i);
    ++n;
    if ((c & wc_role) != 0 && !cap(i) && (c & wc_verb) == 0) {
      head = i;
      if (plural(head)) {
        ++i;
        break;
      }
      continue;
    }
    // Modifiers: articles, demonyms, titles, places, and names ("M40", "Houthi").
    if ((c & (wc_determiner | wc_demonym | wc_title)) == 0 && !(cap(i) && (c & wc_place) != 0) &&
        !(cap(i) && (c & (wc_conjunction | wc_preposition | wc_pronoun | wc_auxiliary | wc_time)) == 0 && !opener(i))) {
      return;
    }
  }
  if (head == npos || i >= sent.end_token) return;
  if (words.back() != head && inner == npos) return;  // "a group of" and no plural
  // A verb follows ("were", "took", "briefed"), not a preposition or a comma; or, after a plural,
  // a complement and then the verb: "Critics of the deal said", named with it.
  std::uint32_t v = i;
  while (v < sent.end_token && tok_[v].kind == token_kind::space) ++v;
  if (inner == npos && plural(head) && v < sent.end_token && is_word(v) && !cap(v) &&
      (s(v) == "of" || s(v) == "from" || s(v) == "in" || s(v) == "at" || s(v) == "across")) {
    const std::size_t had = words.size();
    std::uint32_t k = v;
    for (std::uint32_t n = 0; k < sent.end_token && n < 7; ++k) {
      if (tok_[k].kind == token_kind::space) continue;
      if (!is_word(k) || in_quote_[k]) break;
      if (n > 0 && !cap(k) && (cls(k) & (wc_verb | wc_cue | wc_auxiliary)) != 0 &&
          (cls(k) & (wc_role | wc_org | wc_determiner)) == 0) {
        break;
      }
      words.push_back(k);
      ++n;
    }
    // (A verb of saying after it, "said", "warned": not "of all ages sat in ...".)
    if (k < sent.end_token && is_word(k) && !cap(k) && (cls(k) & wc_cue) != 0 && words.size() > had + 1 &&
        words.size() <= had + 5) {
      v = k;
    } else {
      words.resize(had);
    }
  }
  if (v >= sent.end_token || !is_word(v) || cap(v) || (cls(v) & (wc_preposition | wc_conjunction | wc_determiner)) != 0) return;
  const std::string_view first = lower(words.front());
  const bool indefinite = first == "a" || first == "an" || first == "one" || first == "another";
  const bool collective = inner != npos;
  // (And a document opening the sentence, "The agreement calls for ...", which a later "it" may
  // mean though an "according to" gave the sentence another source.)
  bool document = first == "the" && is_document(head) && !plural(head);
  if (document) {
    bool according = false;
    for (std::uint32_t k = v; k < sent.end_token && !according; ++k) according = s(k) == "according";
    document = according;
  }
  if (!plural(head) && !collective && !(indefinite && person_role(head)) && !document) return;
  if (!plural(head) && !indefinite && !document) return;
  std::size_t start = 0;
  if (!indefinite) {
    while (start < words.size() && (cls(words[start]) & wc_determiner) != 0) ++start;
  }
  if (start >= words.size()) return;
  const std::span<const std::uint32_t> phrase = std::span<const std::uint32_t>(words).subspan(start);
  known& g = new_entity();
  g.name = surface(phrase);
  g.kind = plural(head) || collective ? entity_kind::group : entity_kind::anonymous;
  g.plural = plural(head) || collective;
  g.head = lower(head);
  const auto e = static_cast<std::uint32_t>(ents_.size() - 1);
  const byte_range mention{tok_[phrase.front()].range.begin, tok_[phrase.back()].range.end};
  g.last_seen = mention.end;
  add_mention(e, mention);
  if (collective) index_unnamed_as(e, lower(inner));
}

std::uint32_t resolver::register_one_of(const sentence& sent, std::uint32_t i) {
  std::uint32_t t = i + 1;
  std::uint32_t inner = npos;
  for (std::uint32_t n = 0; t < sent.end_token && n < 6; ++t) {
    if (tok_[t].kind == token_kind::space) continue;
    if (!is_word(t) || in_quote_[t]) return i;
    ++n;
    const std::uint32_t c = cls(t);
    if ((c & wc_role) != 0 && !cap(t) && plural(t) && person_role_plural(t)) {
      inner = t;
      break;
    }
    if ((c & (wc_determiner | wc_demonym | wc_place | wc_role | wc_title)) == 0 && !cap(t) && c != 0) return i;
  }
  if (inner == npos) return i;
  // The relative clause after it, up to its verb of saying or the clause's end.
  std::uint32_t end = inner;
  std::uint32_t k = inner + 1;
  while (k < sent.end_token && tok_[k].kind == token_kind::space) ++k;
  if (k < sent.end_token && is_word(k) && (s(k) == "who" || s(k) == "that")) {
    for (std::uint32_t n = 0; k < sent.end_token && n < 14; ++k) {
      if (tok_[k].kind == token_kind::space) continue;
      if (!is_word(k) || in_quote_[k]) break;
      ++n;
      if (n > 2 && (cls(k) & wc_cue) != 0 && !cap(k)) break;
      end = k;
    }
  }
  const std::uint32_t one = i - 2;
  known& g = new_entity();
  g.name = text_.substr(tok_[one].range.begin, tok_[end].range.end - tok_[one].range.begin);
  g.kind = entity_kind::anonymous;
  const std::string_view plural_head = lower(inner);
  g.head = plural_head.substr(0, plural_head.size() - 1);  // "officials": "official"
  const auto e = static_cast<std::uint32_t>(ents_.size() - 1);
  const byte_range mention{tok_[one].range.begin, tok_[end].range.end};
  g.last_seen = mention.end;
  add_mention(e, mention);
  return end;
}

bool resolver::register_demonym_pair(std::uint32_t first) {
  // Demonym, "and", demonym, then lower-case words up to a plural role ("foreign ministers").
  if (first + 4 >= tok_.size() || s(first + 2) != "and" || !is_word(first + 4) || !cap(first + 4) ||
      (flags(first + 4) & speaker_lexicon::f_country) == 0) {
    return false;
  }
  const std::uint32_t second = first + 4;
  std::uint32_t head = npos;
  for (std::uint32_t t = second + 2, n = 0; t < tok_.size() && n < 3; t += 2, ++n) {
    if (!is_word(t) || cap(t) || tok_[t - 1].kind != token_kind::space) return false;
    if ((cls(t) & wc_role) != 0 && plural(t)) {
      head = t;
      break;
    }
  }
  if (head == npos) return false;
  std::array<std::uint32_t, 2> countries{};
  for (std::size_t k = 0; k < 2; ++k) {
    const std::uint32_t d = k == 0 ? first : second;
    std::string_view w = lower(d);
    const std::array<std::string_view, 1> one{w};
    const speaker_lexicon::match m = lex_.country_at(one, 0, false);
    if (!m) return false;
    countries[k] = add_org(country_name(lex_.country_key(m.id)), tok_[d].range);
  }
  if (countries[0] == countries[1]) return false;
  known& g = new_entity();
  g.kind = entity_kind::group;
  g.plural = true;
  g.members = {countries[0], countries[1]};
  g.name = ents_[countries[0]].name + " and " + ents_[countries[1]].name;
  const byte_range mention{tok_[first].range.begin, tok_[head].range.end};
  g.last_seen = mention.end;
  add_mention(static_cast<std::uint32_t>(ents_.size() - 1), mention);
  scan_resume_ = head + 1;  // (the second demonym is read: not a name of its own)
  return true;
}

std::uint32_t resolver::register_collective(const sentence& sent, std::uint32_t i) {
  // "one of the two diplomats who spoke on condition they not be named told the agency": an
  // anonymous source ("the diplomat" later), named with its relative clause.
  if (i >= sent.first_token + 2 && i + 2 < sent.end_token && tok_[i - 1].kind == token_kind::space &&
      (s(i - 2) == "one" || s(i - 2) == "One")) {
    return register_one_of(sent, i);
  }
  // "CNN saw a group of men drag ...": "a group of [the] [modifiers] PLURAL" inside a sentence (one
  // opening it is register_group's) is a group that "the men" refers back to. Returns the last
  // token read (`i` if none).
  if (i < sent.first_token + 4 || tok_[i - 1].kind != token_kind::space || !is_word(i - 2) || cap(i - 2) ||
      tok_[i - 3].kind != token_kind::space || !is_word(i - 4) || (flags(i - 2) & speaker_lexicon::f_collective) == 0) {
    return i;
  }
  const std::uint32_t article = i - 4;
  if (s(article) != "a" || article == sent.first_token) return i;
  std::uint32_t t = i + 1;
  std::uint32_t inner = npos;
  for (std::uint32_t n = 0; t < sent.end_token && n < 5; ++t) {
    if (tok_[t].kind == token_kind::space) continue;
    if (!is_word(t) || in_quote_[t]) break;
    ++n;
    const std::uint32_t c = cls(t);
    if ((c & wc_role) != 0 && !cap(t) && plural(t)) {
      inner = t;
      break;
    }
    // (Modifiers: "student protesters", "armed men", "UN experts".)
    if ((c & (wc_determiner | wc_demonym | wc_place | wc_role | wc_title)) == 0 && !cap(t) && c != 0) break;
  }
  if (inner == npos) return i;
  known& g = new_entity();
  g.name = text_.substr(tok_[article].range.begin, tok_[inner].range.end - tok_[article].range.begin);
  g.kind = entity_kind::group;
  g.plural = true;
  g.head = lower(i - 2);
  const auto e = static_cast<std::uint32_t>(ents_.size() - 1);
  const byte_range mention{tok_[article].range.begin, tok_[inner].range.end};
  g.last_seen = mention.end;
  add_mention(e, mention);
  index_unnamed_as(e, lower(inner));
  return inner;
}

void resolver::register_pair(const sentence& sent, const registration& a, const registration& b) {
  // "Armenia and Azerbaijan signed the text", "Presidents X and Y met": two names joined by "and"
  // that open the sentence are one group, which "they", "the two sides" and "both leaders" may
  // refer to. (Not "talks between X and Y", nor "X and Y Z said", a compound source the
  // attribution reads.)
  if (a.entity == b.entity || ents_[a.entity].kind == entity_kind::group || ents_[b.entity].kind == entity_kind::group) return;
  // (Not in a headline in title case: "Derelict Obama and Clinton Trump ...".)
  if (!in_prose(std::span<const std::uint32_t>(&a.first, 1))) return;
  const bool person_a = ents_[a.entity].kind == entity_kind::person;
  if (person_a != (ents_[b.entity].kind == entity_kind::person)) return;
  // Only "and" (and "the") between them; or a verb of meeting, which makes the two the parties
  // of the meeting ("X met his counterpart Y", "X hosted Y", "X held talks with Y": then "the two
  // leaders", "both men").
  std::uint32_t t = a.last + 1;
  bool joined = false;
  bool article = false;
  bool met = false;
  for (; t < b.first; ++t) {
    if (tok_[t].kind == token_kind::space) continue;
    if (!is_word(t)) return;
    const std::string_view w = s(t);
    if (w == "met" || w == "meets" || w == "hosted" || w == "hosts" || w == "received" || w == "receives") {
      if (joined || met) return;
      met = true;
      continue;
    }
    if (met) {
      // ("with", "his counterpart", "talks with", "the visiting")
      if (w == "with" || w == "his" || w == "her" || w == "their" || w == "counterpart" || w == "talks" ||
          w == "visiting" || w == "the") {
        continue;
      }
      return;
    }
    if (w == "held" || w == "spoke" || w == "talked") {
      if (joined) return;
      met = true;
      continue;
    }
    if (w != "and" && w != "the") return;
    if (w == "and" && !joined) {
      joined = true;
    } else if (w != "the" || !joined) {
      return;
    } else {
      article = true;
    }
  }
  if (!joined && !met) return;
  // The first opens the sentence, after an article or a plural title ("Presidents"), or opens
  // its clause after an introductory phrase ("On Monday, X and Y released ...").
  for (std::uint32_t k = sent.first_token; k < a.first; ++k) {
    if (tok_[k].kind == token_kind::space) continue;
    if (!is_word(k) || ((cls(k) & (wc_determiner | wc_title | wc_demonym)) == 0 && !(cap(k) && (cls(k) & wc_role) != 0))) {
      if (!opens_clause(a.first)) return;
      break;
    }
  }
  // A verb follows (after "X and Y").
  std::uint32_t v = b.last + 1;
  while (v < sent.end_token && (tok_[v].kind == token_kind::space || s(v) == ".")) ++v;
  if (!met && (v >= sent.end_token || !is_word(v) || cap(v) ||
               (cls(v) & (wc_preposition | wc_conjunction | wc_determiner)) != 0)) {
    return;
  }
  known& g = new_entity();
  g.name = ents_[a.entity].name;
  g.name += " and ";
  g.name += ents_[b.entity].name;
  g.kind = entity_kind::group;
  g.plural = true;
  g.members = {a.entity, b.entity};
  g.second_the = article;
  const byte_range mention{tok_[a.first].range.begin, tok_[b.last].range.end};
  g.last_seen = mention.end;
  add_mention(static_cast<std::uint32_t>(ents_.size() - 1), mention);
}

}  // namespace sayso::detail
