// Speaker resolution, part 7: the words around a source mention that name it better: a name in
// apposition after a description ("an army spokeswoman, Lt. Col. X, said"), an anonymous source's
// fullest description ("a person briefed on the meeting said"), the person or body a source the
// attribution cut qualifies or stands for ("X with Y Hospital", "X, an organization that", "X sent
// a letter to Y", "one official traveling with | Y"), and a description's name as written.
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

std::pair<std::uint32_t, std::uint32_t> resolver::appositive_name(const token_span& source) const {
  constexpr std::pair<std::uint32_t, std::uint32_t> none{npos, npos};
  // The source must be a description ending in its role noun ("an army spokeswoman").
  std::uint32_t last = source.end;
  while (last > source.first && !is_word(last - 1)) --last;
  if (last == source.first || cap(last - 1) || (cls(last - 1) & (wc_role | wc_title)) == 0) return none;
  std::uint32_t t = source.end;
  while (t < tok_.size() && tok_[t].kind == token_kind::space && s(t).find('\n') == std::string_view::npos) ++t;
  if (t >= tok_.size() || s(t) != ",") return none;
  ++t;
  while (t < tok_.size() && tok_[t].kind == token_kind::space && s(t).find('\n') == std::string_view::npos) ++t;
  const std::uint32_t first = t;
  std::uint32_t end = t;
  std::uint32_t names = 0;
  for (; t < tok_.size() && t < first + 16; ++t) {
    if (tok_[t].kind == token_kind::space) {
      if (s(t).find('\n') != std::string_view::npos) break;
      continue;
    }
    if (tok_[t].kind == token_kind::punctuation && (s(t) == "." || s(t) == "-") && end == t) continue;
    // (A lower-case particle inside the name: "Omar al-Rahman", "Ilse van Dorn".)
    const bool particle = is_word(t) && !cap(t) && names > 0 && is_particle(lower(t)) && t + 2 < tok_.size() &&
                          (s(t + 1) == "-" || (tok_[t + 1].kind == token_kind::space && is_word(t + 2) && cap(t + 2)));
    if (!is_word(t) || in_quote_[t] || !(cap(t) || name_tail(t) || particle)) break;
    if (particle) {
      end = t + 1;
      continue;
    }
    if ((cls(t) & (wc_determiner | wc_pronoun | wc_preposition | wc_conjunction)) != 0) return none;
    names += (cls(t) & (wc_title | wc_org | wc_place | wc_demonym)) == 0 ? 1 : 0;
    end = t + 1;
  }
  if (names < 2) return none;
  // Then the end of the apposition: a comma, the end of the sentence, or the cue's verb.
  std::uint32_t after = end;
  while (after < tok_.size() && tok_[after].kind == token_kind::space) ++after;
  if (after < tok_.size() && s(after) != "," && s(after) != "." && !(is_word(after) && !cap(after) &&
                                                                      (cls(after) & (wc_cue | wc_verb)) != 0)) {
    return none;
  }
  return {first, end};
}

std::pair<std::uint32_t, std::uint32_t> resolver::person_before(const token_span& source) const {
  constexpr std::pair<std::uint32_t, std::uint32_t> none{npos, npos};
  std::uint32_t first = source.first;
  // ("with the International Crisis Group": the source may open with its article.)
  if (first + 2 < source.end && is_word(first) && !cap(first) && lower(first) == "the" && is_word(first + 2)) first += 2;
  if (first < 4 || !is_word(first) || !cap(first)) return none;
  const auto back = [this](std::uint32_t at) {  // the word or punctuation before `at`, on its line
    while (at > 0 && tok_[at - 1].kind == token_kind::space && s(at - 1).find('\n') == std::string_view::npos) --at;
    return at > 0 && tok_[at - 1].kind != token_kind::space ? at - 1 : npos;
  };
  std::uint32_t t = back(source.first);
  // A party and state after a name ("R-Tenn.", "D-Calif."): a capital letter and a hyphen.
  const std::string_view w = s(first);
  const bool party = w.size() == 1 && (w == "R" || w == "D" || w == "I") && first + 1 < tok_.size() && s(first + 1) == "-";
  if (party) {
    if (t == npos || s(t) != ",") return none;
  } else {
    if (first == source.first && t != npos && is_word(t) && lower(t) == "the") t = back(t);
    if (t == npos || !is_word(t) || cap(t)) return none;
    const std::string_view p = lower(t);
    if (p != "with" && p != "at" && p != "of" && p != "from" && p != "in") return none;
    // (The source is a body or a place: "Sheba Medical Center", "Caracas".)
    if ((cls(first) & (wc_org | wc_place)) == 0 && !org_word(source.last()) && !is_country(std::span<const std::uint32_t>(&first, 1))) {
      bool org = false;
      for (std::uint32_t k = first; k < source.end; ++k) org = org || (is_word(k) && org_word(k));
      if (!org) return none;
    }
  }
  // The name: two plain capitalised words or more just before, with the titles before them
  // ("Sen. X Y"), opening its clause.
  const std::uint32_t end = t;
  std::uint32_t begin = end;
  std::uint32_t plain = 0;
  bool titles = false;  // past the name, into its titles
  for (std::uint32_t k = back(end); k != npos && !in_quote_[k]; k = back(k)) {
    if (tok_[k].kind == token_kind::punctuation && s(k) == "." && k >= 1 && is_word(k - 1) && cap(k - 1) &&
        abbreviated_title(k - 1)) {
      titles = true;
      continue;
    }
    // (A hyphen inside a name: "Al-Amiri".)
    if (tok_[k].kind == token_kind::punctuation && s(k) == "-" && k >= 1 && is_word(k - 1) && is_word(k + 1)) continue;
    if (!is_word(k) || !cap(k)) break;
    if ((cls(k) & wc_title) != 0) {
      titles = true;
    } else if (titles || (cls(k) & (wc_org | wc_place | wc_demonym)) != 0) {
      break;
    } else {
      ++plain;
    }
    begin = k;
  }
  if (plain < 2 || !opens_clause(begin)) return none;
  return {begin, end};
}

std::pair<std::uint32_t, std::uint32_t> resolver::source_context(const token_span& source, context_kind& kind) const {
  constexpr std::pair<std::uint32_t, std::uint32_t> none{npos, npos};
  const auto back = [this](std::uint32_t at) {  // the token before `at` on its line, not a space
    while (at > 0 && tok_[at - 1].kind == token_kind::space && s(at - 1).find('\n') == std::string_view::npos) --at;
    return at > 0 && tok_[at - 1].kind != token_kind::space && !in_quote_[at - 1] ? at - 1 : npos;
  };
  const std::uint32_t first = source.first;
  if (!is_word(first)) return none;
  const std::string_view f = s(first);
  // The words of a name run ending at `last` (capitalised words, "of" and "for" inside).
  const auto run_before = [&](std::uint32_t last) {
    std::uint32_t begin = npos;
    for (std::uint32_t k = last; k != npos && is_word(k);) {
      if (!cap(k) && s(k) != "of" && s(k) != "for") break;
      if (cap(k)) begin = k;
      k = back(k);
    }
    return begin;
  };
  if (f == "a" || f == "an") {
    // "the Jewish Electorate Institute, an organization that describes itself as ...": the name
    // the description is in apposition to.
    // (An organisation's noun, then a relative or the end of the apposition: not "In a video
    // uncovered by Fox News, a veteran diplomat said".)
    std::uint32_t head = first + 2 < tok_.size() && is_word(first + 2) ? first + 2 : npos;
    std::uint32_t after = head == npos ? npos : head + 1;
    while (after != npos && after < tok_.size() && tok_[after].kind == token_kind::space) ++after;
    const bool apposition = after != npos && after < tok_.size() &&
                            (s(after) == "," || s(after) == "that" || s(after) == "which");
    const std::uint32_t comma = back(first);
    if (head != npos && apposition && (cls(head) & wc_org) != 0 && !person_role(head) && comma != npos && s(comma) == ",") {
      const std::uint32_t last = back(comma);
      if (last != npos && is_word(last) && cap(last)) {
        if (const std::uint32_t begin = run_before(last); begin != npos && begin < last) {
          kind = context_kind::apposed;
          return {begin, last + 1};
        }
      }
    }
    // "Trump sent a letter to Erdogan ...": the letter is the sender's.
    std::uint32_t doc = npos;
    for (std::uint32_t k = first + 1; k < source.end && k < first + 8; ++k) {
      if (is_word(k) && is_document(k) && k + 2 < source.end && s(k + 2) == "to") {
        doc = k;
        break;
      }
    }
    if (doc != npos) {
      std::uint32_t v = back(first);
      if (v != npos && is_word(v) && !cap(v)) {
        const std::string_view verb = s(v);
        if (verb == "sent" || verb == "wrote" || verb == "penned" || verb == "addressed" || verb == "delivered" ||
            verb == "posted") {
          const std::uint32_t subject = back(v);
          if (subject != npos && is_word(subject) && (cls(subject) & (wc_he | wc_she)) != 0) {
            kind = context_kind::author;
            return {subject, subject + 1};
          }
          if (subject != npos && is_word(subject) && cap(subject)) {
            const std::uint32_t begin = run_before(subject);
            if (begin != npos && opens_clause(begin)) {
              kind = context_kind::author;
              return {begin, subject + 1};
            }
          }
        }
      }
    }
    return none;
  }
  // "one senior official traveling with Kerry": the source the attribution read is the end of an
  // anonymous source's description.
  if (!cap(first)) return none;
  const std::uint32_t prep = back(first);
  if (prep == npos || !is_word(prep) || (s(prep) != "with" && s(prep) != "to" && s(prep) != "for")) return none;
  const std::uint32_t part = back(prep);
  if (part == npos || !is_word(part) || cap(part)) return none;
  const std::string_view p = s(part);
  if ((!(p.size() > 4 && (p.substr(p.size() - 3) == "ing" || p.substr(p.size() - 2) == "ed")) && p != "close") ||
      p == "according") {
    return none;
  }
  std::uint32_t role = back(part);
  if (role == npos || !is_word(role) || (cls(role) & wc_role) == 0 || is_document(role)) return none;
  for (std::uint32_t k = role, n = 0; k != npos && is_word(k) && n < 5; k = back(k), ++n) {
    const std::string_view w = s(k);
    if (w == "one" || w == "a" || w == "an" || w == "another" || w == "One" || w == "A" || w == "An") {
      kind = context_kind::described;
      return {k, source.end};
    }
    if (cap(k) && (cls(k) & (wc_demonym | wc_place)) == 0 && k != role) return none;
  }
  return none;
}

std::uint32_t resolver::issuer_start(std::uint32_t first) const {
  // Back from the source over "and [the]", a name, "by" or "from", a participle and a document:
  // "a joint statement released by | Chad and | the African Union".
  const auto back = [this](std::uint32_t at) {
    while (at > 0 && tok_[at - 1].kind == token_kind::space && s(at - 1).find('\n') == std::string_view::npos) --at;
    return at > 0 && is_word(at - 1) && !in_quote_[at - 1] ? at - 1 : npos;
  };
  std::uint32_t t = back(first);
  if (t == npos || s(t) != "and") return npos;
  std::uint32_t name = npos;
  for (std::uint32_t k = back(t); k != npos; k = back(k)) {
    if (cap(k) || (s(k) == "the" && name != npos)) {
      name = k;
      continue;
    }
    if (name == npos || (s(k) != "by" && s(k) != "from")) return npos;
    std::uint32_t d = back(k);
    if (d != npos && !is_document(d) && s(d).size() > 4 && s(d).substr(s(d).size() - 2) == "ed") d = back(d);
    return d != npos && !cap(d) && is_document(d) ? name : npos;
  }
  return npos;
}

void resolver::full_description(const attributed_quote& q, std::vector<std::uint32_t>& words) const {
  words.clear();
  if (!q.source) return;
  const std::uint32_t first = q.source->first;
  // Only an indefinite description introduces an anonymous source ("a source", "one of the
  // officials", "another person"); "the mayor" is one already known.
  {
    const std::string_view f = lower(first);
    if (!is_word(first) || (f != "a" && f != "an" && f != "one" && f != "another" && f != "some" && f != "two" &&
                            f != "three" && f != "several")) {
      return;
    }
  }
  const std::uint32_t sentence_end = doc_.sentences()[doc_.sentence_of_token(first)].end_token;
  const std::uint32_t cue = q.cue ? doc_.token_at(q.cue->range.begin) : npos;
  const bool before_cue = cue != npos && cue > q.source->end && cue < sentence_end;
  // The words of the mention, then those after it up to the cue (the source before it) or the
  // end of the clause (after it).
  std::uint32_t t = first;
  std::uint32_t extra = npos;  // index in `words` of the first word after the mention
  for (; t < sentence_end && words.size() < 24; ++t) {
    if (before_cue && t >= cue) break;
    if (t >= q.source->end && extra == npos) extra = static_cast<std::uint32_t>(words.size());
    if (tok_[t].kind == token_kind::space) {
      if (s(t).find('\n') != std::string_view::npos) break;
      continue;
    }
    if (tok_[t].kind == token_kind::punctuation && (s(t) == "-" || s(t) == ".") && t + 1 < sentence_end &&
        is_word(t + 1)) {
      continue;
    }
    if (!is_word(t) && tok_[t].kind != token_kind::number) {
      if (t < q.source->end) continue;
      break;
    }
    if (in_quote_[t]) break;
    // ("was told by a source close to the talks that ...": the content begins.)
    if (!before_cue && t >= q.source->end && is_word(t) && lower(t) == "that") break;
    words.push_back(t);
  }
  if (extra == npos || extra >= words.size()) {
    words.clear();
    return;
  }
  if (!before_cue && t < sentence_end && !(s(t) == "," || s(t) == "." || tok_[t].kind == token_kind::space ||
                                           (is_word(t) && lower(t) == "that"))) {
    words.clear();  // the clause goes on past a bracket or a quotation
    return;
  }
  // A time or channel adjunct is not part of it ("a source on Friday", "a source in a statement").
  trim_mention(words);
  if (words.size() <= extra) {
    words.clear();
    return;
  }
  // Adverbs before the cue are not part of it ("a source later said").
  while (words.size() > extra) {
    const std::string_view w = s(words.back());
    if (!(opener(words.back()) || (w.size() > 4 && w.substr(w.size() - 2) == "ly"))) break;
    words.pop_back();
  }
  if (words.size() <= extra) {
    words.clear();
    return;
  }
  // The modifier: a participle ("briefed on", "speaking on condition"), "familiar with", "close
  // to", a relative clause ("who had seen"), or before the cue a prepositional phrase ("a source
  // in the ministry").
  const std::uint32_t m = words[extra];
  const std::string_view w = lower(m);
  const bool participle = !cap(m) && w.size() > 4 &&
                          (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 3) == "ing") &&
                          (cls(m) & (wc_role | wc_title)) == 0;
  const bool modifier = participle || w == "familiar" || w == "close" || w == "who" ||
                        (before_cue && !cap(m) && (cls(m) & wc_preposition) != 0);
  if (!modifier || words.size() - extra > 14) words.clear();
}

std::string resolver::phrase_name(std::span<const std::uint32_t> words) const {
  std::string name = surface(words);
  // "the the congressional report", "Developers and Developers": a phrase written twice in a
  // row, once.
  std::vector<std::string_view> w;
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t j = std::min(name.find(' ', i), name.size());
    w.push_back(std::string_view(name).substr(i, j - i));
    i = j + 1;
  }
  const auto same = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const auto x = static_cast<unsigned char>(a[i]);
      const auto y = static_cast<unsigned char>(b[i]);
      if ((x | 0x20U) != (y | 0x20U)) return false;
    }
    return true;
  };
  bool repeated = false;
  for (std::size_t len = 1; len <= 4; ++len) {
    for (std::size_t i = 0; i + 2 * len <= w.size(); ++i) {
      bool all = true;
      for (std::size_t k = 0; k < len && all; ++k) all = same(w[i + k], w[i + len + k]);
      if (!all) continue;
      w.erase(w.begin() + static_cast<std::ptrdiff_t>(i + len), w.begin() + static_cast<std::ptrdiff_t>(i + 2 * len));
      repeated = true;
    }
  }
  if (!repeated) return name;
  std::string out;
  for (const std::string_view x : w) {
    if (!out.empty()) out += ' ';
    out += x;
  }
  return out;
}

}  // namespace sayso::detail
