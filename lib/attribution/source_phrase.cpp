// Source phrases around a cue: the speaker phrase scanned left or right, whether it can speak,
// and the adjuncts and quantifiers that may stand between a subject and its verb (phrases.hpp).
#include <string_view>

#include "attribution/phrases.hpp"

namespace sayso::detail {

// ---- source phrases ---------------------------------------------------------------------
// Can token i be part of a speaker phrase scanned leftwards?
bool phrase_scanner::np_token_left(std::uint32_t i) const {
  if (negated_auxiliary(i)) return false;  // "he hasn't endorsed"
  if (is_wordish(i)) {
    const std::uint32_t c = cls(i);
    // "(R-IN)", "D-OR": a state code after a party letter.
    if (i > 0 && punct_is(i - 1, "-") && info_[i].all_upper()) return true;
    // "Theresa May", "Chairman Will Rogers": a capitalised auxiliary after a capitalised word
    // is a name.
    if (cap(i) && (c & wc_auxiliary) != 0 && i > 1 && tok_[i - 1].kind == token_kind::space &&
        is_word(i - 2) && cap(i - 2)) {
      return true;
    }
    if (cap(i)) {
      // "Until", "But", "If" at a sentence start are not names.
      return (c & (wc_conjunction | wc_preposition | wc_complementizer | wc_relative |
                   wc_auxiliary)) == 0 ||
             (c & (wc_title | wc_org | wc_role | wc_place | wc_demonym)) != 0;
    }
    if ((c & (wc_complementizer | wc_relative)) != 0 && (c & wc_determiner) == 0) return false;
    // (Prepositions first: "in" also starts the cue "in the words of".)
    if ((c & wc_preposition) != 0 && (c & wc_conjunction) == 0) {
      if (lower_is(i, "of") || lower_is(i, "for")) return true;
      if (lower_is(i, "in") && ratio_around(i)) return true;  // "six in 10 voters"
      // "a source within the ministry", "officials at the embassy", "a diplomat in Brussels"
      const bool place_prep = lower_is(i, "within") || lower_is(i, "at") || lower_is(i, "in") ||
                              lower_is(i, "from") || lower_is(i, "inside") ||
                              lower_is(i, "close") || lower_is(i, "with") || lower_is(i, "on");
      if (i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
          ((lower_is(i, "with") && lower_is(i - 2, "familiar")) ||
           (lower_is(i, "to") && lower_is(i - 2, "close")) ||
           (lower_is(i, "to") && (cls(i - 2) & wc_role) != 0))) {
        return true;  // "officials familiar with the matter", "a source close to the talks"
      }
      // "an inside source": a preposition after an article is an adjective.
      if (i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
          (lower_is(i - 2, "a") || lower_is(i - 2, "an") || lower_is(i - 2, "the"))) {
        return true;
      }
      // "people with knowledge of", "officials briefed on", "veterans interviewed at rallies in"
      return place_prep && i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
             ((cls(i - 2) & wc_role) != 0 || participle_after_role(i - 2) ||
              (!cap(i - 2) && !lower_is(i, "with") &&
               (cls(i - 2) &
                (wc_verb | wc_cue | wc_auxiliary | wc_preposition | wc_conjunction | wc_determiner |
                 wc_complementizer | wc_relative | wc_pronoun | wc_negation)) == 0 &&
               !ends_with(s(i - 2), "ed") && !ends_with(s(i - 2), "ing")));
    }
    // "people briefed on", "officials familiar": a participle after a role noun.
    if (participle_after_role(i)) return true;
    // "self-described", "so-called", "still-struggling": words in a hyphenated adjective.
    // ("U.N.-backed", "U.S.-led": the abbreviation's period before the hyphen.)
    if (i > 1 && punct_is(i - 1, "-") && (is_word(i - 2) || (i > 2 && punct_is(i - 2, ".") && is_word(i - 3)))) {
      return true;
    }
    if (i + 2 < tok_.size() && punct_is(i + 1, "-") && is_word(i + 2)) return true;
    if ((c & (wc_verb | wc_cue | wc_auxiliary | wc_negation)) != 0 &&
        (c & (wc_role | wc_title | wc_org | wc_determiner | wc_demonym)) == 0) {
      // "officials familiar with the talks": a cue word after a determiner is a noun.
      const bool after_det = i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
                             (cls(i - 2) & wc_determiner) != 0 && !lower_is(i - 2, "that");
      // ("an earlier report": an adverb after an article is an adjective.)
      if (!after_det || ((c & wc_auxiliary) != 0 && !adverbial_only(i))) return false;
    }
    if ((c & wc_conjunction) != 0 && (c & wc_determiner) == 0) return false;
    if ((c & wc_pronoun) != 0) return true;
    return true;
  }
  if (possessive_mark(i)) return true;  // "Sanders’ campaign"
  if (tok_[i].kind == token_kind::punctuation) {
    const std::string_view t = s(i);
    // Inside names and abbreviations: "U.S.", "Al-Shifa", "AT&T", "(PCD)".
    if (t == "%") return i > 0 && tok_[i - 1].kind == token_kind::number;  // "42% say"
    return t == "." || t == "-" || t == "&" || t == "'" || t == "(" || t == ")" || t == "/" ||
           first_code_point(t) == 0x2019;
  }
  return false;
}

// In [first, end), a verb: "to" before a lower-case word that is not a noun phrase's, or after
// a capitalised word a lower-case word (not a role, title, organisation, place, time,
// determiner, preposition or "and") followed by a determiner or pronoun, its object.
bool phrase_scanner::verb_after_name(std::uint32_t first, std::uint32_t end) const {
  bool name = false;
  for (std::uint32_t t = first; t < end; ++t) {
    if (!is_word(t)) continue;
    if (cap(t)) {
      name = true;
      continue;
    }
    const std::uint32_t c = cls(t);
    if (lower_is(t, "to")) {
      const std::uint32_t n = next(t, end);
      if (n < end && is_word(n) && !cap(n) &&
          (cls(n) & (wc_determiner | wc_role | wc_org | wc_title)) == 0)
        return true;
      continue;
    }
    // ("political scientist", "-based attorney": adjectives go on with a noun; a verb takes an
    // object that opens with a determiner or pronoun.)
    const std::uint32_t n = next(t, end);
    // "the Khan family deserved better": a past tense closing the phrase, not before a noun.
    if (name && ends_with(s(t), "ed") && (c & (wc_role | wc_org | wc_title)) == 0 &&
        (n >= end || !is_word(n) ||
         (!cap(n) && (cls(n) & (wc_role | wc_org)) == 0 && !ends_with(s(n), "s")))) {
      return true;
    }
    if (name && n < end && is_word(n) && !cap(n) && (cls(n) & (wc_determiner | wc_pronoun)) != 0 &&
        (c & (wc_role | wc_title | wc_org | wc_place | wc_time | wc_determiner | wc_preposition |
              wc_demonym | wc_conjunction | wc_possessive)) == 0) {
      return true;
    }
  }
  return false;
}

// Moves left from token j over adverbs and time adjuncts between a subject and its verb:
// "X only last week said", "X on Tuesday said", "X earlier this month said".
std::uint32_t phrase_scanner::skip_back_adjuncts(std::uint32_t j, std::uint32_t first) const {
  for (int round = 0; round < 4 && j != npos; ++round) {
    while (j != npos && adverbial(j)) j = prev(j, first);
    // "who in 2010 said": a year after a preposition.
    // "on May 5 said": a day after a month.
    if (j != npos && tok_[j].kind == token_kind::number && s(j).size() <= 2) {
      const std::uint32_t mo = prev(j, first);
      if (mo != npos && is_word(mo) && cap(mo) && (cls(mo) & wc_time) != 0) {
        const std::uint32_t pr = prev(mo, first);
        if (pr != npos && (lower_is(pr, "on") || lower_is(pr, "in"))) {
          j = prev(pr, first);
          continue;
        }
      }
    }
    if (j != npos && tok_[j].kind == token_kind::number && s(j).size() == 4) {
      const std::uint32_t p = prev(j, first);
      if (p != npos && (lower_is(p, "in") || lower_is(p, "since") || lower_is(p, "during"))) {
        j = prev(p, first);
        continue;
      }
    }
    // "X in a Medium post said", "X in a statement on Tuesday said": a channel adjunct.
    if (j != npos && is_word(j) && !cap(j) && (cls(j) & wc_medium) != 0) {
      std::uint32_t m = prev(j, first);
      for (int n = 0;
           n < 4 && m != npos && !(lower_is(m, "in") || lower_is(m, "on") || lower_is(m, "via"));
           ++n) {
        m = (is_wordish(m) || punct_is(m, "-")) ? prev(m, first) : npos;
      }
      if (m != npos && (lower_is(m, "in") || lower_is(m, "on") || lower_is(m, "via")) &&
          prev(m, first) != npos) {
        j = prev(m, first);
        continue;
      }
    }
    if (j == npos || !is_word(j) || (cls(j) & wc_time) == 0) break;
    // "Theresa May said": a capitalised month right after a name is part of the name.
    if (cap(j)) {
      const std::uint32_t b = prev(j, first);
      if (b != npos && is_word(b) && cap(b) &&
          (cls(b) & (wc_time | wc_preposition | wc_determiner)) == 0)
        break;
    }
    std::uint32_t k = j;
    bool anchored = false;  // "four years" alone is a noun phrase, "last week" an adjunct
    while (k != npos &&
           ((is_word(k) && (cls(k) & wc_time) != 0) || tok_[k].kind == token_kind::number)) {
      anchored = anchored || !(lower_is(k, "day") || lower_is(k, "days") || lower_is(k, "week") ||
                               lower_is(k, "weeks") || lower_is(k, "month") ||
                               lower_is(k, "months") || lower_is(k, "year") ||
                               lower_is(k, "years") || tok_[k].kind == token_kind::number);
      k = prev(k, first);
    }
    if (!anchored && !(k != npos && (lower_is(k, "this") || lower_is(k, "that") ||
                                     lower_is(k, "each") || lower_is(k, "every")))) {
      break;
    }
    // "this week", "that day", "each year"
    if (k != npos && (lower_is(k, "this") || lower_is(k, "that") || lower_is(k, "each") ||
                      lower_is(k, "every"))) {
      k = prev(k, first);
    }
    if (k != npos && is_word(k) &&
        (lower_is(k, "on") || lower_is(k, "in") || lower_is(k, "during"))) {
      k = prev(k, first);
    }
    if (k == j) break;
    j = k;
  }
  return j;
}

// The speaker phrase ending just before token `before`, scanning left within the unit;
// adverbs and auxiliaries between it and `before` are skipped. Returns {first, end} or
// std::nullopt.
std::optional<token_span> phrase_scanner::scan_left_np(std::uint32_t before, std::uint32_t first,
                                                       std::uint32_t max_words) const {
  std::uint32_t j = skip_back_adjuncts(prev(before, first), first);
  // A floating quantifier after the subject is no part of it: "X and Y both told", "the
  // officials all said".
  if (j != npos && is_word(j) && !cap(j) && (lower_is(j, "both") || lower_is(j, "all") || lower_is(j, "each"))) {
    const std::uint32_t b = prev(j, first);
    if (b != npos && is_word(b) && !in_quotation(b) &&
        (cap(b) || (subject_pronoun(b, true) && !lower_is(b, "it")) ||
         ((cls(b) & (wc_role | wc_org)) != 0 && ends_with(s(b), "s")))) {
      j = b;
    }
  }
  if (j == npos || !np_token_left(j) || in_quotation(j)) return std::nullopt;
  // A subject pronoun after a name and "that" is the whole phrase: "told X that it recognizes"
  // is not "X that it".
  if (subject_pronoun(j, true) && !ends_with(s(j), "self") && !ends_with(s(j), "selves")) {
    const std::uint32_t that = prev(j, first);
    const std::uint32_t name = that == npos ? npos : prev(that, first);
    const bool named = name != npos && is_word(name) &&
                       (cap(name) || (name >= 2 && punct_is(name - 1, "-") && cap(name - 2)));  // "Ki-moon"
    if (named && lower_is(that, "that")) return token_span{j, j + 1};
  }
  std::uint32_t start = j;
  std::uint32_t words = 0;
  int parens = 0;
  bool joined = false;  // an "and" joins names in the phrase
  std::uint32_t k = j;
  while (k != npos && !in_quotation(k) && np_token_left(k)) {
    if (punct_is(k, ")")) ++parens;
    if (punct_is(k, "(")) {
      if (parens == 0) break;
      --parens;
    }
    // Punctuation must be glued to a word on at least one side ("U.S.", "Al-Shifa").
    if (tok_[k].kind == token_kind::punctuation && !punct_is(k, "(") && !punct_is(k, ")") &&
        (k == 0 || tok_[k - 1].kind == token_kind::space)) {
      break;
    }
    // A determiner opens the phrase: only "of", "for" or "and" may come before it
    // ("the head of the agency"), not a verb ("issues a statement").
    if (k != j && is_word(start) && (cls(start) & wc_determiner) != 0 && !cap(start) &&
        !lower_is(start, "that") &&
        !(lower_is(k, "of") || lower_is(k, "for") || lower_is(k, "and") ||
          (cls(k) & (wc_preposition | wc_determiner)) != 0) &&  // "the two sides", "all the
        !numeral_after_modifier(start, k, first) &&
        !(punct_is(k, "-") && k + 1 == start)) {  // "twenty-four percent"
      break;
    }
    // "and" joins two named or role phrases ("Britain and France", "X and prime minister Y").
    start = k;
    // (Parts joined by a slash or hyphen count as one word: "CNN/ORC", "vice-presidential".)
    const bool joined_part = k + 1 < tok_.size() && (punct_is(k + 1, "/") || punct_is(k + 1, "-"));
    if (is_wordish(k) && !joined_part && ++words > max_words) return std::nullopt;
    std::uint32_t p = prev(k, first);
    if (p != npos && lower_is(p, "and")) {
      const std::uint32_t pp = prev(p, first);
      if (pp != npos && (cap(pp) || (cls(pp) & (wc_role | wc_org)) != 0) &&
          (cap(k) || (cls(k) & (wc_title | wc_role | wc_determiner | wc_demonym)) != 0)) {
        p = pp;
        joined = true;
      } else {
        break;
      }
    }
    // "the United Kingdom, France, Germany and Poland": a list of names joined by "and".
    if (p != npos && joined && is_comma(p) && cap(k)) {
      const std::uint32_t pp = prev(p, first);
      const std::uint32_t ppp = pp == npos ? npos : prev(pp, first);
      const bool after_preposition =
          ppp != npos && is_word(ppp) && (cls(ppp) & wc_preposition) != 0;  // "In Brussels, …"
      if (pp != npos && cap(pp) && is_word(pp) &&
          (cls(pp) & (wc_preposition | wc_conjunction)) == 0 && !after_preposition) {
        p = pp;
      }
    }
    k = p;
  }
  // Trim leading "of"/"for" and trailing punctuation.
  while (start <= j && (lower_is(start, "of") || lower_is(start, "for") ||
                        (tok_[start].kind == token_kind::punctuation && !punct_is(start, "(")))) {
    start = next(start, j + 1);
  }
  if (start > j) return std::nullopt;
  return token_span{start, j + 1};
}

// "the next two states", "the first three speakers": a modifier between an article and a
// numeral (`start`, a determiner, follows the modifier `k`).
bool phrase_scanner::numeral_after_modifier(std::uint32_t start, std::uint32_t k,
                                            std::uint32_t first) const {
  const bool numeral = (cls(start) & wc_number) != 0 || lower_is(start, "few") ||
                       lower_is(start, "several") || lower_is(start, "dozen");
  if (!numeral || !is_word(k) || cap(k)) return false;
  // "of nearly four years", "about two dozen": an approximator before the numeral.
  if (ends_with(s(k), "ly") || lower_is(k, "about") || lower_is(k, "some") || lower_is(k, "over"))
    return true;
  if ((cls(k) & (wc_verb | wc_cue | wc_auxiliary)) != 0) return false;
  const std::uint32_t p = prev(k, first);
  return p != npos && is_word(p) && (lower_is(p, "the") || (cls(p) & wc_possessive) != 0);
}

// The speaker phrase starting at token `from`, scanning right to a comma, quotation, verb or
// the end of the unit.
std::optional<token_span> phrase_scanner::scan_right_np(std::uint32_t from, std::uint32_t end,
                                                        std::uint32_t max_words,
                                                        bool lenient) const {
  std::uint32_t k = from;
  std::uint32_t last = npos;
  std::uint32_t words = 0;
  int parens = 0;
  while (k < end && !in_quotation(k)) {
    if (is_wordish(k)) {
      const std::uint32_t c = cls(k);
      if (!cap(k) && (c & (wc_complementizer | wc_relative)) != 0 &&
          ((c & wc_determiner) == 0 || lower_is(k, "that"))) {
        break;
      }
      const bool compound =
          k + 2 < end && punct_is(k + 1, "-") && is_word(k + 2);  // "a just-released poll"
      if (!cap(k) && !compound && (c & (wc_auxiliary | wc_negation)) != 0 &&
          (c & (wc_role | wc_title)) == 0)
        break;
      if (!cap(k) && !lenient && (c & (wc_cue | wc_verb)) != 0 &&
          (c & (wc_role | wc_title | wc_org | wc_determiner | wc_demonym | wc_time)) == 0) {
        break;
      }
      if (!cap(k) && (c & wc_conjunction) != 0 && !lower_is(k, "and")) break;
      if (++words > max_words) return std::nullopt;
      last = k;
    } else if (possessive_mark(k)) {
      last = k;  // "Sanders’ campaign"
    } else if (tok_[k].kind == token_kind::punctuation) {
      const std::string_view t = s(k);
      if (t == "(") {
        ++parens;
      } else if (t == ")") {
        if (parens == 0) break;
        --parens;
        last = k;
      } else if (!(t == "." || t == "-" || t == "&" || t == "/" || first_code_point(t) == 0x2019 ||
                   t == "'") ||
                 (t == "." && (k + 1 >= end || tok_[k + 1].kind == token_kind::space) &&
                  !is_abbrev_dot(k))) {
        break;
      } else {
        last = k;
      }
    } else {
      break;
    }
    k = next(k, end);
  }
  if (last == npos) return std::nullopt;
  // Drop a trailing "and" or preposition.
  while (last > from && is_word(last) &&
         (lower_is(last, "and") || (cls(last) & wc_preposition) != 0)) {
    last = prev(last, from);
    if (last == npos) return std::nullopt;
  }
  return token_span{from, last + 1};
}

// Does [first, end) look like a speaker: a name, pronoun, role, organisation or group?
std::optional<std::pair<token_span, std::uint32_t>> phrase_scanner::quoted_as_saying(
    std::uint32_t cue_first, std::uint32_t cue_end, std::uint32_t end) const {
  if (cue_end != cue_first + 1 ||
      !(lower_is(cue_first, "quoted") || lower_is(cue_first, "quotes") ||
        lower_is(cue_first, "quoting")))
    return std::nullopt;
  const std::uint32_t o = next(cue_first, end);
  if (o >= end || !is_word(o)) return std::nullopt;
  std::uint32_t j = o;
  for (int n = 0; n < 8 && j < end && is_wordish(j) && !lower_is(j, "as"); ++n) j = next(j, end);
  if (j == o || j >= end || !lower_is(j, "as")) return std::nullopt;
  const std::uint32_t saying = next(j, end);
  if (saying >= end || !lower_is(saying, "saying")) return std::nullopt;
  if (!speakerish(o, prev(j, o) + 1) && (cls(o) & wc_pronoun) == 0) return std::nullopt;
  return std::pair{token_span{o, prev(j, o) + 1}, next(saying, end)};
}

bool phrase_scanner::speakerish(std::uint32_t first, std::uint32_t end) const {
  // "No organization claimed ...", "Nobody said ...": nobody is reported.
  if (lower_is(first, "no") || lower_is(first, "nobody") || lower_is(first, "none") ||
      lower_is(first, "neither")) {
    return false;
  }
  bool any = false;
  for (std::uint32_t i = first; i < end; ++i) {
    if (punct_is(i, "%") && i > first) any = true;  // "47% say"
    if (!is_wordish(i)) continue;
    const std::uint32_t c = cls(i);
    if ((c & (wc_he | wc_she | wc_they | wc_we | wc_i | wc_it)) != 0 && (c & wc_possessive) == 0)
      any = true;
    if ((c & (wc_role | wc_org | wc_title | wc_place)) != 0) any = true;
    if (cap(i) && (c & (wc_determiner | wc_conjunction | wc_preposition | wc_time)) == 0)
      any = true;
    if (is_word(i) && lower_is(i, "in") && ratio_around(i)) any = true;  // "one in five say"
    if (is_word(i) && lower_is(i, "out") && i + 4 < end && lower_is(i + 2, "of") &&
        numberish(i + 4))
      any = true;
  }
  if (!any) return false;
  // The head (last word) must be able to speak: a name, pronoun, role, organisation or place
  // ("Rubio's phone call" has "phone" as head, and "call" is a noun).
  // ("both of the rivals for the nomination": the head comes before the first preposition.)
  // (Not past a possessive: "Secretary of State Marco Rubio's phone" has "phone" as head.)
  std::uint32_t last = end;
  for (std::uint32_t i = first + 1; i < end; ++i) {
    if (is_word(i) && !cap(i) && (cls(i) & wc_preposition) != 0 && (cls(i) & wc_conjunction) == 0) {
      last = i;
      break;
    }
  }
  for (std::uint32_t i = last; i < end; ++i) {
    if (is_word(i) && possessive_s(s(i))) {
      last = end;
      break;
    }
  }
  while (last > first && !is_wordish(last - 1)) --last;
  if (last > first) {
    const std::uint32_t h = last - 1;
    const std::uint32_t c = cls(h);
    bool possessive_before = false;
    for (std::uint32_t i = first; i < h; ++i)
      possessive_before = possessive_before || possessive_s(s(i));
    // ("Clinton's biggest boosters": a plural of people can follow a possessive.)
    const bool plural = ends_with(s(h), "s") && !ends_with(s(h), "ss");
    if (!cap(h) && tok_[h].kind == token_kind::word &&
        (c & (wc_role | wc_title | wc_org | wc_place | wc_demonym | wc_pronoun | wc_relative)) ==
            0 &&
        ((possessive_before && !plural) || (c & wc_medium) != 0)) {
      return false;
    }
  }
  // A lone object pronoun or "it" starting a clause ("it is said") is not a speaker here.
  if (end == first + 1 && (lower_is(first, "him") || lower_is(first, "them") ||
                           lower_is(first, "me") || lower_is(first, "us"))) {
    return false;
  }
  return true;
}

// "Only 52 percent of voters said", "About three in 10 said", "Even the hawks say": moves
// left from p over adverbs and approximators before a subject.
std::uint32_t phrase_scanner::skip_back_quantifiers(std::uint32_t p, std::uint32_t first) const {
  while (p != npos && is_word(p)) {
    // (Of the modals only "will" and "would" stop it: so it was tuned; the others change what
    // is found in the dev articles.)
    const bool adverb = (cls(p) & wc_auxiliary) != 0 && (cls(p) & (wc_verb | wc_cue)) == 0 &&
                        !lower_is(p, "will") && !lower_is(p, "would");
    const bool approx = lower_is(p, "about") || lower_is(p, "nearly") || lower_is(p, "almost") ||
                        lower_is(p, "roughly") || lower_is(p, "approximately") ||
                        lower_is(p, "around") || lower_is(p, "over") || lower_is(p, "some") ||
                        lower_is(p, "than") || lower_is(p, "least");
    if (!adverb && !approx) break;
    if (lower_is(p, "than") || lower_is(p, "least")) {  // "more than", "at least"
      const std::uint32_t q = prev(p, first);
      if (q == npos || !(lower_is(q, "more") || lower_is(q, "fewer") || lower_is(q, "less") ||
                         lower_is(q, "at")))
        break;
      p = q;
    }
    p = prev(p, first);
  }
  return p;
}

// Does a subject phrase starting at `first` start a clause?
bool phrase_scanner::clause_start(const unit& u, std::uint32_t first) const {
  const std::uint32_t p = skip_back_quantifiers(prev(first, u.first), u.first);
  return p == npos || clause_boundary(p);
}

}  // namespace sayso::detail
