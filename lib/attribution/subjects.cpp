// Subjects: who speaks in the forward frame ("X said …"), past asides, relative clauses,
// brackets and fronted adjuncts; and the subject of a participle clause (phrases.hpp).
#include <array>
#include <iterator>
#include <string_view>

#include "attribution/phrases.hpp"
#include "text/unicode.hpp"

namespace sayso::detail {

// The subject of a cue in the forward frame, skipping an appositive or relative clause set
// off by commas ("X, a close ally, insisted"; "X, who met Y, has said").
// (Not past the "that" of another report: "The Herald reports that | local leaders confirmed".)
std::optional<token_span> phrase_scanner::forward_subject(const unit& u,
                                                          std::uint32_t cue_first) const {
  auto np = forward_subject_rules(u, cue_first);
  if (!np) np = clause_initial_subject(u, cue_first);
  if (!np) np = subject_before_relative(u, cue_first);
  if (!np) return np;
  for (std::uint32_t t = np->end; t-- > np->first + 1;) {
    if (!is_word(t) || !lower_is(t, "that")) continue;
    const std::uint32_t v = prev(t, np->first);
    const std::uint32_t n = next(t, np->end);
    if (v != npos && is_word(v) && !cap(v) && (cls(v) & wc_cue) != 0 && n < np->end && is_word(n)) {
      np->first = n;
    }
    break;
  }
  return np;
}

// "People who have battled online threats say …", "Officials who spoke on condition of
// anonymity said …": a subject with a relative clause and no comma before a verb of saying.
std::optional<token_span> phrase_scanner::subject_before_relative(const unit& u,
                                                                  std::uint32_t cue_first) const {
  const cue_entry* cue = one_word_cue(cue_first);
  if (cue == nullptr || (cue->flags & cf_saying_relative) == 0) return std::nullopt;
  std::uint32_t words = 0;
  for (std::uint32_t k = prev(cue_first, u.first); k != npos && words < 20; k = prev(k, u.first)) {
    if (in_quotation(k) || is_comma(k) || is_dash(k) || punct_is(k, ";") || punct_is(k, ":"))
      return std::nullopt;
    if (!is_word(k)) continue;
    ++words;
    if (!(lower_is(k, "who") || lower_is(k, "that"))) continue;
    if (k + 2 >= cue_first)
      return std::nullopt;  // "people who say": the relative pronoun is the subject
    const auto np = scan_left_np(k, u.first, 8);
    if (!np || !clause_start(u, np->first) || !speakerish(np->first, np->end)) return std::nullopt;
    const std::uint32_t h = np->end - 1;
    if (!is_word(h) || ((cls(h) & (wc_role | wc_org | wc_demonym)) == 0 && !cap(h)))
      return std::nullopt;
    // The mention is the whole description, relative clause included ("officials who spoke on
    // condition of anonymity").
    const std::uint32_t last =
        skip_back_adjuncts(prev(cue_first, u.first), u.first);  // not "on Tuesday"
    return token_span{np->first, (last != npos && last > k ? last : prev(cue_first, u.first)) + 1};
  }
  return std::nullopt;
}

// "Experts on North Korea and nuclear nonproliferation said": everything from the start of
// the clause to a verb of saying, when it holds no verb and opens with a speaker-like phrase.
std::optional<token_span> phrase_scanner::clause_initial_subject(const unit& u,
                                                                 std::uint32_t cue_first) const {
  // (Verbs of saying and speech acts; with a belief or an evidential verb, the phrase is too
  // often a topic rather than a source.)
  std::array<char, 32> buf{};
  const std::string_view key = lookup_key(s(cue_first), buf);
  bool speech_or_act = false;
  for (const std::uint32_t e : lex_.cues_starting(key)) {
    const cue_entry& ce = lex_.cue(e);
    // (The one-word entry: "call" is a naming verb, "call for" a speech act.)
    if (ce.words.size() == 1)
      speech_or_act = ce.type == cue_type::speech || ce.type == cue_type::act;
  }
  if (!speech_or_act || ends_with(s(cue_first), "ing")) return std::nullopt;
  const std::uint32_t last = prev(cue_first, u.first);
  if (last == npos || !is_wordish(last)) return std::nullopt;
  std::uint32_t start = last;
  std::uint32_t words = 0;
  std::uint32_t tokens = 0;
  for (std::uint32_t k = last; k != npos && ++tokens < 64; k = prev(k, u.first)) {
    if (in_quotation(k) || (clause_boundary(k) && !lower_is(k, "and"))) break;
    if (tok_[k].kind == token_kind::punctuation && !punct_is(k, ".") && !punct_is(k, "-") &&
        !punct_is(k, "'") && first_code_point(s(k)) != 0x2019) {
      return std::nullopt;
    }
    if (is_word(k) && !cap(k) &&
        (cls(k) & (wc_verb | wc_cue | wc_auxiliary | wc_relative | wc_negation)) != 0 &&
        !adverbial_only(k) && !((cls(k) & wc_determiner) != 0)) {
      return std::nullopt;
    }
    if (is_wordish(k) && ++words > 16) return std::nullopt;
    start = k;
  }
  if (!clause_start(u, start) || !is_word(start)) return std::nullopt;
  // "Secretary of State Rubio's phone call": a possessive before a plain noun right before the
  // cue makes the phrase a thing, not a source.
  if (!cap(last) && (cls(last) & (wc_role | wc_org)) == 0) {
    for (std::uint32_t t = start; t < last; ++t) {
      if (is_word(t) && possessive_s(s(t))) return std::nullopt;
    }
  }
  // The head of the first phrase (before its first preposition) must be able to speak.
  std::uint32_t head_end = start;
  for (std::uint32_t k = start; k <= last; k = next(k, last + 1)) {
    if (k != start && is_word(k) && !cap(k) && (cls(k) & wc_preposition) != 0) break;
    head_end = k + 1;
  }
  if (head_end == last + 1 || !speakerish(start, head_end)) return std::nullopt;
  // The head is a name or role, or a plural noun after a name ("Clinton's biggest boosters").
  const std::uint32_t h = head_end - 1;
  bool name_before = false;
  for (std::uint32_t t = start; t < h; ++t)
    name_before = name_before || (is_word(t) && cap(t) && (cls(t) & wc_determiner) == 0);
  const bool plural = is_word(h) && ends_with(s(h), "s") && !ends_with(s(h), "ss");
  if (!is_word(h) ||
      (!cap(h) && (cls(h) & (wc_role | wc_org | wc_demonym)) == 0 && !(plural && name_before))) {
    return std::nullopt;
  }
  return token_span{start, last + 1};
}

std::optional<token_span> phrase_scanner::forward_subject_rules(const unit& u,
                                                                std::uint32_t cue_first) const {
  // "Kasich (who has 25 delegates) said": a remark in brackets between subject and verb.
  const std::uint32_t close = prev(cue_first, u.first);
  if (close != npos && punct_is(close, ")")) {
    std::uint32_t open = close;
    bool lower = false;
    for (int n = 0; n < 30 && open != npos && !punct_is(open, "("); ++n) {
      lower = lower || (is_word(open) && !cap(open));
      open = prev(open, u.first);
    }
    if (open != npos && punct_is(open, "(") && lower) {
      const auto np = scan_left_np(open, u.first);
      if (np && speakerish(np->first, np->end) && clause_start(u, np->first)) return np;
    }
  }
  auto np = scan_left_np(cue_first, u.first);
  // "Saturday at the convention Sen. Jane Roe said": a phrase too long to be a subject, or
  // not starting a clause, ends in a titled name, which is the subject.
  if (!np || !clause_start(u, np->first)) {
    const auto wide = scan_left_np(cue_first, u.first, 24);
    if (wide) {
      for (std::uint32_t t = wide->end - 1; t > wide->first; --t) {
        if (is_word(t) && cap(t) && (cls(t) & wc_title) != 0 && is_word(prev(t, wide->first)) &&
            (!cap(prev(t, wide->first)) ||
             (cls(prev(t, wide->first)) & (wc_title | wc_demonym | wc_org | wc_place)) == 0)) {
          // "Secretary of State X": the title's first word, past "of".
          std::uint32_t from = t;
          const std::uint32_t of = prev(t, wide->first);
          const std::uint32_t title = of == npos ? npos : prev(of, wide->first);
          if (lower_is(of, "of") && title != npos && is_word(title) && cap(title) && (cls(title) & wc_title) != 0)
            from = title;
          // "adviser X and Secretary of State Y said": both, when the first opens the clause.
          const std::uint32_t a = prev(from, wide->first);
          if (a != npos && lower_is(a, "and") && is_word(prev(a, u.first)) && cap(prev(a, u.first))) {
            const auto first = scan_left_np(a, u.first, 10);
            if (first && clause_start(u, first->first) && speakerish(first->first, first->end) &&
                speakerish(from, wide->end)) {
              return token_span{first->first, wide->end};
            }
          }
          if (speakerish(from, wide->end)) return token_span{from, wide->end};
          break;
        }
      }
    }
  }
  // "The businessman says", "hacking specialists say": with a verb of saying, a determiner
  // and a noun, or a plural noun, make a speaker.
  if (np && !speakerish(np->first, np->end) && is_word(np->end - 1) && !cap(np->end - 1) &&
      (cls(np->end - 1) & (wc_verb | wc_auxiliary | wc_time | wc_preposition | wc_pronoun)) == 0 &&
      ((np->end - np->first >= 3 && is_word(np->first) && (cls(np->first) & wc_determiner) != 0 &&
        !lower_is(np->first, "that")) ||
       (ends_with(s(np->end - 1), "s") && !ends_with(s(np->end - 1), "ss") &&
        np->end - np->first <= 7))) {
    const cue_entry* cue = one_word_cue(cue_first);
    if (cue != nullptr && (cue->flags & cf_saying) != 0) {
      if (clause_start(u, np->first)) return np;
    }
    // "His surrogates called him …": with any cue, a possessive and a plural noun.
    if (np->end - np->first <= 5 && is_word(np->first) && (cls(np->first) & wc_possessive) != 0 &&
        ends_with(s(np->end - 1), "s") && !ends_with(s(np->end - 1), "ss") &&
        clause_start(u, np->first)) {
      return np;
    }
  }
  if (np) {
    // The phrase must start a clause: at the unit start, or after a comma, colon, dash,
    // quotation, "that", "and", "but", "while"...
    std::uint32_t p = prev(np->first, u.first);
    p = skip_back_quantifiers(p, u.first);
    if (p == npos || clause_boundary(p)) return speakerish(np->first, np->end) ? np : std::nullopt;
    // "…, with X calling Y a fascist": the subject of an absolute participle clause.
    if (lower_is(p, "with") && ends_with(s(cue_first), "ing") && speakerish(np->first, np->end))
      return np;
    // "the report by X said" etc.: accept when the phrase is itself a name or role.
    return speakerish(np->first, np->end) &&
                   (cap(np->first) || (cls(np->first) & wc_determiner) != 0)
               ? np
               : std::nullopt;
  }
  std::uint32_t j = skip_back_adjuncts(prev(cue_first, u.first), u.first);
  if (j == npos) return std::nullopt;
  // "who said", "which reported": the relative pronoun is the mention.
  if (is_word(j) && (lower_is(j, "who") || lower_is(j, "which"))) return token_span{j, j + 1};
  // "X said A and added B", "X welcomed it but said B": the subject of the first verb.
  if (is_word(j) && (lower_is(j, "and") || lower_is(j, "but"))) return clause_subject(u, cue_first);
  const bool dash = is_dash(j);
  if (!is_comma(j) && !dash) return std::nullopt;
  // Find the comma (or dash) opening the aside; with commas, the aside may hold several
  // ("X, a former official who …, which …, said"): try up to four, nearest first.
  std::uint32_t k = prev(j, u.first);
  while (dash && k != npos && k + 1 == j && is_dash(k)) {  // " -- " is two tokens
    j = k;
    k = prev(k, u.first);
  }
  std::uint32_t words = 0;
  for (int tries = 0; tries < 4; ++tries) {
    while (k != npos && !(dash ? is_dash(k) : is_comma(k)) && words < 40) {
      if (in_quotation(
              k)) {  // a title or fragment inside the aside: "the co-author of “X,” about …"
        const std::uint32_t open = qspans_[qid(k)].open_tok;
        if (open >= k || open < u.first) break;
        k = prev(open, u.first);
        ++words;
        continue;
      }
      if (is_wordish(k)) ++words;
      if (!dash && is_dash(k)) break;
      k = prev(k, u.first);
    }
    if (k == npos || !(dash ? is_dash(k) : is_comma(k))) return std::nullopt;
    while (dash && k > 0 && is_dash(k - 1)) --k;  // the first token of " -- "
    const auto found = aside_subject(u, j, k, dash);
    if (found || dash) return found;
    k = prev(k, u.first);
  }
  return std::nullopt;
}

// The subject before an aside that opens after the comma or dash k and closes at j.
std::optional<token_span> phrase_scanner::aside_subject(const unit& u, std::uint32_t j,
                                                        std::uint32_t k, bool dash) const {
  const std::uint32_t aside = next(k, j);
  if (aside >= j) return std::nullopt;
  const std::uint32_t c = cls(aside);
  const std::string_view aside_text = s(aside);
  const bool participle =
      !cap(aside) && aside_text.size() > 4 &&
      (aside_text.substr(aside_text.size() - 3) == "ing" ||  // "X, visiting Kyiv, said"
       (!dash && (aside_text.substr(aside_text.size() - 2) == "ed" || (c & wc_verb) != 0) &&
        (c & (wc_auxiliary | wc_cue)) == 0));  // "X, struck by her story, told"
  // "Several capitals — notably Berlin and Paris — view …": an adverb opens the aside.
  const bool adverb =
      !cap(aside) && aside_text.size() > 4 && aside_text.substr(aside_text.size() - 2) == "ly";
  const bool appositive =
      (c & (wc_relative | wc_determiner | wc_title | wc_role)) != 0 || participle || adverb ||
      has_contraction(aside) ||                  // "X, who's chairing the team, said"
      tok_[aside].kind == token_kind::number ||  // "Anna Kowal, 52, said"
      cap(aside) || lower_is(aside, "for") || lower_is(aside, "in") || lower_is(aside, "at") ||
      lower_is(aside, "of") || lower_is(aside, "from") || lower_is(aside, "with") ||
      lower_is(aside, "however") || lower_is(aside, "meanwhile") || lower_is(aside, "too") ||
      lower_is(aside, "on") || lower_is(aside, "along") || lower_is(aside, "by") ||
      (!cap(aside) && (c & wc_auxiliary) != 0 && adverbial_only(aside)) ||  // "X, then 38, said"
      (!cap(aside) && (c & wc_preposition) != 0) ||  // "X, after the rally, wrote"
      lower_is(aside, "during") || lower_is(aside, "unlike") || lower_is(aside, "though") ||
      lower_is(aside, "like") || lower_is(aside, "as");
  const std::uint32_t after_aside = next(aside, j);
  bool role_near = false;  // "longtime aide Huma Abedin", "former senior adviser"
  for (std::uint32_t t = aside, n = 0; t < j && n < 3; t = next(t, j), ++n) {
    role_near = role_near || (is_word(t) && (cls(t) & (wc_role | wc_title)) != 0);
  }
  const bool noun_of =
      appositive || role_near ||
      (!cap(aside) && is_word(aside) && after_aside < j &&
       (lower_is(after_aside, "of") || lower_is(after_aside, "at")));  // "dean of …"
  if (!noun_of && !dash) return std::nullopt;
  auto np2 = scan_left_np(k, u.first, 14);
  // "Jimmy Ghazal, 39, a man visiting …, told": an age between commas before the aside.
  if (!dash && np2 && np2->end == np2->first + 1 && tok_[np2->first].kind == token_kind::number) {
    const std::uint32_t c2 = prev(np2->first, u.first);
    if (c2 != npos && is_comma(c2)) {
      np2 = scan_left_np(c2, u.first);
      if (np2 && !cap(np2->first)) np2 = std::nullopt;
    }
  }
  if (!np2 || !speakerish(np2->first, np2->end)) {
    // "Henry Clay's biographers, David and Jane Roe, wrote": the names in the aside speak.
    if (!dash && cap(aside) &&
        (cls(aside) & (wc_determiner | wc_title | wc_relative | wc_preposition)) == 0) {
      const auto names = scan_left_np(j, u.first, 6);
      if (names && names->first == aside && speakerish(names->first, names->end)) return names;
    }
    return std::nullopt;
  }
  if (!noun_of && !(dash && cap(np2->first))) return std::nullopt;
  // "Ilse Roe of Sumter, Ohio, who came with her son, said": the phrase found is the state of a
  // place after "of" or "from"; the name before the place speaks.
  if (!dash && cap(np2->first) && np2->end <= np2->first + 4) {
    const std::uint32_t c2 = prev(np2->first, u.first);
    std::uint32_t t = c2 != npos && is_comma(c2) ? prev(c2, u.first) : npos;
    std::uint32_t places = 0;
    while (t != npos && is_word(t) && cap(t) && places < 4) {
      ++places;
      t = prev(t, u.first);
    }
    if (places > 0 && t != npos && is_word(t) && !cap(t) && (lower_is(t, "of") || lower_is(t, "from"))) {
      const auto name = scan_left_np(t, u.first, 6);
      const std::uint32_t before_name = !name ? npos : prev(name->first, u.first);
      // (Not a participle opening the sentence: "Speaking from Jerusalem, X, the envoy, said".)
      const bool name_is_participle = name && ((cls(name->first) & (wc_verb | wc_cue)) != 0 || ends_with(s(name->first), "ing"));
      if (name && !name_is_participle && prev(t, u.first) == name->end - 1 && cap(name->first) &&
          speakerish(name->first, name->end) &&
          (before_name == npos || clause_boundary(before_name))) {
        return name;
      }
    }
  }
  // "Dean Roe, a salesman from Sumter, Ohio, says", "X, spokesman for the Y brigade, an armed
  // group, said": the phrase found is itself an appositive of the name before it.
  if (!dash && is_word(np2->first) && !cap(np2->first) && (cls(np2->first) & (wc_determiner | wc_role | wc_title)) != 0) {
    const std::uint32_t c2 = prev(np2->first, u.first);
    if (c2 != npos && is_comma(c2)) {
      const auto name = scan_left_np(c2, u.first, 6);
      const std::uint32_t before_name = !name ? npos : prev(name->first, u.first);
      if (name && cap(name->first) && speakerish(name->first, name->end) &&
          (before_name == npos || clause_boundary(before_name))) {
        return name;
      }
    }
  }
  const std::uint32_t p = skip_back_quantifiers(prev(np2->first, u.first), u.first);
  if (p != npos && !clause_boundary(p)) {
    // "One delegate not on the slate, Kelly Roe, told …": the name in the aside speaks.
    if (!dash && cap(aside) &&
        (cls(aside) & (wc_determiner | wc_title | wc_relative | wc_preposition)) == 0) {
      const auto names = scan_left_np(j, u.first, 6);
      if (names && names->first == aside && speakerish(names->first, names->end)) return names;
    }
    return std::nullopt;
  }
  // "Ostrel's foreign minister, Pavel Dragan, said": a bare name in the aside completes the
  // mention (the name is who speaks).
  if (!dash) {
    bool bare_name = true;
    std::uint32_t name_words = 0;
    for (std::uint32_t t = aside; t < j; t = next(t, j)) {
      if (is_wordish(t)) {
        ++name_words;
        bare_name = bare_name && cap(t) && (cls(t) & (wc_determiner | wc_title | wc_relative)) == 0;
      } else if (!punct_is(t, ".") && !punct_is(t, "-")) {
        bare_name = false;
      }
    }
    // (The head is the word before the first preposition: "Cambodia's ambassador to the
    // United Nations, Chhea Keo, said".)
    std::uint32_t head = np2->end - 1;
    for (std::uint32_t t = np2->first + 1; t < np2->end; ++t) {
      if (is_word(t) && !cap(t) && (cls(t) & wc_preposition) != 0) {
        head = prev(t, np2->first);
        break;
      }
    }
    if (bare_name && name_words >= 2 && name_words <= 4 && head != npos && is_word(head) &&
        (cls(head) & (wc_role | wc_title)) != 0 && !cap(head)) {
      return token_span{np2->first, j};
    }
  }
  return np2;
}

// The article opening "a statement" (or "a series of tweets early Friday") before a
// participle cue, or npos.
std::uint32_t phrase_scanner::statement_article(const unit& u, std::uint32_t cue_first) const {
  std::uint32_t n = prev(cue_first, u.first);
  // "a series of tweets early Friday saying": past a time adjunct.
  while (n != npos && is_word(n) &&
         ((cls(n) & wc_time) != 0 || lower_is(n, "early") || lower_is(n, "late")) &&
         (cls(n) & wc_medium) == 0) {
    n = prev(n, u.first);
  }
  if (n == npos || !is_word(n) || (cls(n) & (wc_medium | wc_role)) == 0 || cap(n)) return npos;
  std::uint32_t d = prev(n, u.first);
  while (d != npos && is_word(d) && !cap(d) && (cls(d) & (wc_determiner | wc_verb | wc_cue)) == 0)
    d = prev(d, u.first);
  return d != npos && (lower_is(d, "a") || lower_is(d, "an")) && prev(d, u.first) != npos ? d
                                                                                          : npos;
}

// "after Donald Trump unleashed a series of tweets criticizing …": the subject of the verb
// that takes the statement, else the subject of the clause.
std::optional<token_span> phrase_scanner::statement_subject(const unit& u,
                                                            std::uint32_t cue_first) const {
  const std::uint32_t d = statement_article(u, cue_first);
  const std::uint32_t v = d == npos ? npos : prev(d, u.first);
  if (v != npos && is_word(v) && !cap(v)) {
    const auto np = scan_left_np(v, u.first);
    if (np && speakerish(np->first, np->end)) return np;
  }
  return clause_subject(u, cue_first);
}

// Whether the phrase at `first` opens a subordinate clause ("if the Y dispute …", "because
// the envoy …"): the word before it is a subordinator that does not coordinate ("while",
// "whereas", "as" and "where" may open a second main clause).
bool phrase_scanner::nested_clause_subject(const unit& u, std::uint32_t first) const {
  const std::uint32_t p = prev(first, u.first);
  if (p == npos || !is_word(p)) return false;
  if (lower_is(p, "if") || lower_is(p, "whether")) return true;
  return (cls(p) & wc_subordinator) != 0 && !lower_is(p, "while") && !lower_is(p, "whereas") &&
         !lower_is(p, "as") && !lower_is(p, "where");
}

// Whether the source phrase at `first` sits in an adjunct ("despite a Karvian call", "amid
// the army's statement") or is indefinite ("a U.N. call for calm"): not a clause's subject.
bool phrase_scanner::adjunct_source(const unit& u, std::uint32_t first,
                                    std::uint32_t cue_first) const {
  // (Indefinite with a noun for cue, "a U.N. call"; not "a letter to X threatening …".)
  const cue_entry* noun = one_word_cue(cue_first);
  if (is_word(first) && (lower_is(first, "a") || lower_is(first, "an")) && noun != nullptr &&
      (noun->flags & cf_noun) != 0) {
    return true;
  }
  const std::uint32_t p = prev(first, u.first);
  // ("according to X", "a statement by X", "from X", "of X", "per X" name a source.)
  return p != npos && is_word(p) && (cls(p) & wc_preposition) != 0 &&
         (cls(p) & (wc_conjunction | wc_subordinator)) == 0 && !lower_is(p, "to") &&
         !lower_is(p, "by") && !lower_is(p, "from") && !lower_is(p, "of") && !lower_is(p, "per");
}

// The subject of the clause a participle hangs on: the source of an attribution earlier in
// the unit, or the phrase that opens the unit.
std::optional<token_span> phrase_scanner::clause_subject(const unit& u,
                                                         std::uint32_t before) const {
  for (auto it = committed_.rbegin(); it != committed_.rend(); ++it) {
    if (it->paragraph != u.paragraph || it->cue_first == npos) break;
    // "X slammed A, warned of B if the Y dispute is not settled and urged C": a verb of a
    // coordinated series shares the series' subject, not that of a clause nested in it.
    // "Despite a Karvian call for a truce, X gave no sign of a pause, saying …": a source
    // inside a leading adjunct or an indefinite noun phrase is not the clause's subject.
    if (it->cue_first >= u.first && it->cue_first < before && it->source_first != npos &&
        adjunct_source(u, it->source_first, it->cue_first)) {
      continue;
    }
    // (Only when a verb of the series comes before it: "Though she called it X and called
    // for Y" is a series inside the subordinate clause.)
    if (it->cue_first >= u.first && it->cue_first < before && it->source_first != npos &&
        nested_clause_subject(u, it->source_first)) {
      bool series_before = false;
      for (auto older = std::next(it); older != committed_.rend(); ++older) {
        if (older->paragraph != u.paragraph || older->cue_first == npos ||
            older->cue_first < u.first) {
          break;
        }
        series_before = series_before ||
                        (older->source_first != npos && older->cue_first < it->source_first);
      }
      if (series_before) continue;
    }
    if (it->cue_first >= u.first && it->cue_first < before && it->source_first != npos) {
      return token_span{it->source_first, it->source_end};
    }
    if (it->cue_first < u.first) break;
  }
  std::uint32_t k = after_dateline(u);
  while (k < before && (in_quotation(k) || tok_[k].kind != token_kind::word)) k = next(k, before);
  if (k >= before) return std::nullopt;
  // "But the court overruled and said …": past a leading conjunction.
  if (!in_quotation(k) &&
      (lower_is(k, "but") || lower_is(k, "and") || lower_is(k, "yet") || lower_is(k, "so"))) {
    const std::uint32_t n = next(k, before);
    if (n < before && is_word(n) && !is_comma(n)) k = n;
  }
  // "However, X left the door open, saying …": past a connective or sentence adverb and its
  // comma ("However,", "Conversely,", "Separately,"), which link the sentence to the one before.
  if (!in_quotation(k) && cap(k) && ((cls(k) & wc_connective) != 0 || ends_with(s(k), "ly"))) {
    const std::uint32_t c = next(k, before);
    const std::uint32_t n = c < before && is_comma(c) ? next(c, before) : before;
    if (n < before && is_word(n)) k = n;
  }
  // "With leaders worried about X, President Y is rolling out …": past a leading adjunct.
  if ((cls(k) & (wc_preposition | wc_conjunction)) != 0) {
    std::uint32_t c = k;
    while (c < before && !is_comma(c)) c = next(c, before);
    if (c >= before) return std::nullopt;
    k = next(c, before);
    if (k >= before || !is_word(k)) return std::nullopt;
  }
  auto r = scan_right_np(k, before, 12);
  if (!r) return std::nullopt;
  // After a name, an unknown lower-case word is the clause's verb ("Israel releases …").
  for (std::uint32_t t = r->first; t < r->end; ++t) {
    if (!is_word(t) || cap(t) || t == r->first) continue;
    const std::uint32_t c = cls(t);
    bool cap_before = false;
    for (std::uint32_t b = r->first; b < t; ++b) cap_before = cap_before || cap(b);
    if (cap_before &&
        (c & (wc_role | wc_org | wc_title | wc_demonym | wc_place | wc_determiner | wc_time)) ==
            0 &&
        !lower_is(t, "of") && !lower_is(t, "and")) {
      std::uint32_t e = prev(t, r->first);
      if (e == npos) return std::nullopt;
      r->end = e + 1;
      break;
    }
  }
  if (!speakerish(r->first, r->end)) return std::nullopt;
  const std::uint32_t n = next(r->end - 1, before);
  if (n < before && !is_comma(n) &&
      !(is_word(n) && (cls(n) & (wc_cue | wc_verb | wc_auxiliary)) != 0) &&
      !(is_word(n) && !cap(n))) {
    return std::nullopt;
  }
  return r;
}

}  // namespace sayso::detail
