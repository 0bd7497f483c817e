// Where a content ends: adjuncts after a cue, another attribution, the writer's clauses and
// comments, a subordinate clause with its own attribution (phrases.hpp).
#include <array>
#include <string_view>

#include "attribution/phrases.hpp"

namespace sayso::detail {

std::uint32_t content_scanner::skip_adjuncts(std::uint32_t k, std::uint32_t end) const {
  for (int round = 0; round < 4 && k < end; ++round) {
    // ("said further talks would …": "further" before a noun is an adjective of the content.)
    if (adverbial(k) && adverbial_only(k) && !lower_is(k, "further")) {
      k = next(k, end);
      continue;
    }
    // "several times", "many times", "three times": how often it was said.
    if (is_wordish(k) && (numberish(k) || lower_is(k, "several") || lower_is(k, "many"))) {
      const std::uint32_t m = next(k, end);
      if (m < end && lower_is(m, "times")) {
        k = next(m, end);
        continue;
      }
    }
    // "this week", "this month": a time, not the content's demonstrative ("said this is …").
    if (is_word(k) && lower_is(k, "this")) {
      const std::uint32_t m = next(k, end);
      if (m < end && is_word(m) && (cls(m) & wc_time) != 0) {
        k = m;
        continue;
      }
    }
    // "late Wednesday", "early on Monday"
    if (is_word(k) && (lower_is(k, "late") || lower_is(k, "early"))) {
      std::uint32_t m = next(k, end);
      if (m < end && lower_is(m, "on")) m = next(m, end);
      if (m < end && is_word(m) && (cls(m) & wc_time) != 0) {
        k = m;
        continue;
      }
    }
    if (is_word(k) && (cls(k) & wc_time) != 0) {  // "last week", "Friday afternoon"
      std::uint32_t j = k;
      while (j < end && is_word(j) && (cls(j) & wc_time) != 0) j = next(j, end);
      k = j;
      continue;
    }
    if (is_word(k) && (cls(k) & wc_preposition) != 0 && !in_quotation(k)) {
      // A prepositional adjunct ending at a channel or time word within a few tokens.
      std::uint32_t j = next(k, end);
      std::uint32_t last_hit = npos;
      for (int n = 0; n < 6 && j < end && !in_quotation(j) &&
                      (is_wordish(j) || punct_is(j, "-") || punct_is(j, "."));
           ++n) {
        if (is_word(j) && (cls(j) & (wc_medium | wc_time)) != 0) last_hit = j;
        // "in June 2012", "on Dec. 7": a number after a time word belongs to it.
        if (tok_[j].kind == token_kind::number && last_hit != npos && prev(j, k) == last_hit)
          last_hit = j;
        // ("a written statement", "a prepared text": a participle after an article is an adjective)
        const std::uint32_t pj = prev(j, k);
        const bool adjective =
            pj != npos && (lower_is(pj, "a") || lower_is(pj, "an") || lower_is(pj, "the"));
        if (is_word(j) &&
            (lower_is(j, "that") || ((cls(j) & (wc_cue | wc_verb)) != 0 && !adjective)))
          break;
        j = next(j, end);
      }
      if (last_hit != npos) {
        k = next(last_hit, end);
        // "in an interview with CNN", "in a post on X", "in response to a question from a reporter"
        if (k < end && (lower_is(k, "with") || lower_is(k, "on") || lower_is(k, "to") || lower_is(k, "by") ||
                        lower_is(k, "from"))) {
          std::uint32_t m = next(k, end);
          std::uint32_t n = 0;
          while (m < end && n < 5 && is_wordish(m) &&
                 (cap(m) || (cls(m) & (wc_determiner | wc_medium | wc_demonym | wc_role)) != 0)) {
            m = next(m, end);
            ++n;
          }
          if (n > 0) k = m;
        }
        continue;
      }
      // "to reporters", "to journalists"
      if (lower_is(k, "to")) {
        const std::uint32_t m = next(k, end);
        if (m < end && is_word(m) && (cls(m) & wc_role) != 0) {
          k = next(m, end);
          continue;
        }
      }
    }
    break;
  }
  return k;
}

std::uint32_t content_scanner::content_end(const unit& u, std::uint32_t from,
                                           const std::vector<cue_hit>& hits,
                                           bool relative_source) const {
  std::uint32_t last = npos;
  for (std::uint32_t k = from; k < u.end; k = next(k, u.end)) {
    if (in_quotation(k)) {
      last = qspans_[qid(k)].close_tok;
      // “…,” has been: the comma inside the marks closes a relative clause.
      const std::uint32_t n = next(last, u.end);
      const std::string_view inner = quots_[qid(k)].inner.of(text_);
      if (relative_source && n < u.end && !inner.empty() && inner.back() == ',' &&
          main_verb_after_relative(n)) {
        return last + 1;
      }
      // “…,” Reuters reported / “…,” referring to …: the comma inside the marks ends the
      // content before an attribution (a participle that is no cue goes on: “…,” allowing …).
      if (n < u.end && !inner.empty() && inner.back() == ',' && is_close_mark(last) &&
          starts_attribution(u, n, hits)) {
        return last + 1;
      }
      k = last;
      continue;
    }
    if (punct_is(k, ";")) break;
    if (is_dash(k)) {
      // "taxes - the highest of any economy - carried …": an aside between two dashes.
      std::uint32_t d = next(k, u.end);
      for (int n = 0; n < 30 && d < u.end && !is_dash(d) && !is_terminal(d) && !punct_is(d, ";") &&
                      !in_quotation(d);
           ++n) {
        d = next(d, u.end);
      }
      const std::uint32_t after = d < u.end && is_dash(d) ? next(d, u.end) : u.end;
      // "… out of the towns they hold - including the capital": a dash before "including",
      // "especially" or "specifically" narrows a noun of the content down; it goes on.
      const std::uint32_t nk = next(k, u.end);
      if (k != from && after >= u.end && nk < u.end && is_word(nk) && !in_quotation(nk) &&
          (lower_is(nk, "including") || lower_is(nk, "especially") ||
           lower_is(nk, "specifically") || lower_is(nk, "particularly") ||
           lower_is(nk, "notably"))) {
        last = k;
        continue;
      }
      if (k == from || after >= u.end || !is_word(after) || cap(after) ||
          starts_attribution(u, after, hits))
        break;
      last = d;
      k = d;
      continue;
    }
    if (is_comma(k) || lower_is(k, "and") || lower_is(k, "but")) {
      std::uint32_t n = next(k, u.end);
      // "and also said", "but later added", "but also called for" (after "but", only a speech
      // verb or act: "but does not plan to" goes on with the same content)
      while (n < u.end && adverbial(n) && !in_quotation(n)) n = next(n, u.end);
      // ("but hours later the envoy announced …": a time before the next report's source.)
      if (!is_comma(k)) {
        while (n < u.end && is_word(n) && !cap(n) && (cls(n) & wc_time) != 0) n = next(n, u.end);
      }
      // "… and suggested that …": the same source's next report.
      if (lower_is(k, "and") && n < u.end && is_word(n) && (cls(n) & wc_cue) != 0 && !cap(n)) {
        const std::uint32_t m = next(n, u.end);
        if (m < u.end && lower_is(m, "that")) break;
      }
      if (n < u.end && starts_attribution(u, n, hits)) {
        if (!lower_is(k, "but")) break;
        // ("but the envoy announced …": a source of its own before a speech verb, which
        // starts_attribution has checked, starts a new report too.)
        bool speech = false;
        bool at_n = false;
        for (const cue_hit& h : hits) {
          at_n = at_n || h.first == n;
          speech = speech || (h.first == n && (entry(h).type == cue_type::speech ||
                                              entry(h).type == cue_type::act));
        }
        if (speech || !at_n) break;
      }
      // "he would be open to talks, but later dismissed …", "it wants a truce but has not
      // joined …": after "but", a past verb without a subject of its own, following a content
      // in the present or with a modal, shares the source's subject: the writer's. (A speech
      // verb there is left to the attribution rules.)
      if (lower_is(k, "but") && n < u.end && lower_is(n, "more")) {  // "but more recently"
        const std::uint32_t m = next(n, u.end);
        if (m < u.end && adverbial(m)) n = next(m, u.end);
      }
      if (lower_is(k, "but") && n < u.end && is_word(n) && !cap(n) && !in_quotation(n) &&
          s(n).size() > 4 && ends_with(s(n), "ed") && (cls(n) & (wc_preposition | wc_cue)) == 0 &&
          present_content(from, k)) {
        break;
      }
      // "it wants a truce but has not said …", "he would attend but did not say …": the same
      // after "but" and a negated past or perfect auxiliary.
      // (From the word after "but": the auxiliary and "not" count as adverbials above.)
      if (lower_is(k, "but") && next(k, u.end) < u.end && is_word(next(k, u.end)) &&
          !in_quotation(next(k, u.end)) && negated_past_aux(next(k, u.end), u.end) &&
          present_content(from, k)) {
        break;
      }
      n = next(k, u.end);
      // ", but they remain wary …": a new clause with its own subject ends the content.
      if (is_comma(k) && n < u.end && lower_is(n, "but")) {
        const std::uint32_t m = next(n, u.end);
        if (m < u.end && is_word(m) && (cls(m) & (wc_he | wc_she | wc_they | wc_it | wc_we)) != 0 &&
            (cls(m) & wc_possessive) == 0) {
          break;
        }
      }
      // ", while 9 percent found it …", ", whereas the others said …": a contrast with its own
      // subject and verb is the writer's.
      if (is_comma(k) && n < u.end && (lower_is(n, "while") || lower_is(n, "whereas")) &&
          subject_then_verb(n, u.end)) {
        break;
      }
      // ", contradicting …", ", raising …": a participial clause of the writer's (but not one
      // telling what the reported event did: ", killing three", ", leaving no money for …").
      if (is_comma(k) && n < u.end && is_word(n) && !cap(n) && s(n).size() > 5 &&
          s(n).substr(s(n).size() - 3) == "ing" &&
          (cls(n) & (wc_preposition | wc_determiner)) == 0 && !result_participle(n)) {
        break;
      }
      // "X, who said that …, has been forced to …": the main clause resumes after the
      // relative clause holding the attribution.
      if (relative_source && is_comma(k) && n < u.end && main_verb_after_relative(n)) break;
      // ", in violation of …", ", despite …", ", which violated …" closing the sentence: the
      // writer's comment on what was reported.
      if (is_comma(k) && n < u.end && is_word(n) && !cap(n) && writer_adjunct(u, n)) break;
      // ", an explosive move that could …": an indefinite noun phrase closing the sentence,
      // with a relative clause, is the writer's comment on what was reported.
      if (is_comma(k) && n < u.end && (lower_is(n, "a") || lower_is(n, "an")) &&
          closing_comment(u, n)) {
        break;
      }
    }
    if (is_terminal(k) && next(k, u.end) >= u.end) {
      break;
    }
    // "… after the mother of a hostage said that …": a subordinate clause with its own
    // attribution is a quote of its own.
    if (k > from && is_word(k) && !cap(k) && subordinate_attribution(u, k, hits)) break;
    // "… was unlikely, though she acknowledged …": a concession by a pronoun subject closes the
    // report (the writer's aside on the source, or the source's own second report).
    if (k > from && is_word(k) && !cap(k) && pronoun_concession(u, k)) break;
    // "…, though it is unclear how many …", "…, but it was not clear whether …": the writer's
    // note on what is not known closes the report.
    if (k > from && is_word(k) && !cap(k) && writer_uncertainty(u, k)) break;
    last = k;
  }
  return last == npos ? npos : last + 1;
}

bool content_scanner::subordinate_attribution(const unit& u, std::uint32_t k,
                                              const std::vector<cue_hit>& hits) const {
  // (This rule was tuned without "though", "until", "unless", "where" and "whereas": taking them
  // in changes what is found in the dev articles, a change to make and measure on its own.)
  if ((cls(k) & wc_subordinator) == 0 || lower_is(k, "though") || lower_is(k, "until") ||
      lower_is(k, "unless") || lower_is(k, "where") || lower_is(k, "whereas")) {
    return false;
  }
  const std::uint32_t n = next(k, u.end);
  for (const cue_hit& h : hits) {
    if (h.first <= n || entry(h).type != cue_type::speech) continue;
    auto np = scan_left_np(h.first, n, 10);
    return np && np->first == n && speakerish(np->first, np->end);
  }
  return false;
}

// "though he", "although they", "even though she", "even as they" followed within two words by a
// verb: a concession with a personal pronoun as subject. ("though it is unclear" and "though the
// talks stalled" are left alone: they as often belong to what was reported.)
bool content_scanner::pronoun_concession(const unit& u, std::uint32_t k) const {
  std::uint32_t m = npos;
  if (lower_is(k, "though") || lower_is(k, "although")) {
    m = next(k, u.end);
  } else if (lower_is(k, "even")) {
    const std::uint32_t n = next(k, u.end);
    if (n < u.end && (lower_is(n, "though") || lower_is(n, "as"))) m = next(n, u.end);
  }
  if (m >= u.end || !is_word(m) || in_quotation(m) ||
      (cls(m) & (wc_he | wc_she | wc_they)) == 0 || (cls(m) & wc_possessive) != 0)
    return false;
  std::uint32_t j = next(m, u.end);
  for (int w = 0; w < 2 && j < u.end && is_word(j) && !cap(j); ++w, j = next(j, u.end)) {
    if ((cls(j) & (wc_auxiliary | wc_verb | wc_cue)) != 0 || ends_with(s(j), "ed")) return true;
    if (!adverbial(j)) return false;
  }
  return false;
}

// "though|although|but|and it is|was|remains (still|yet|not) unclear|uncertain|not clear|not
// known", "but|though there was no confirmation|evidence|indication|word|sign" at k: the
// writer's note on what is not known (both PolNeAR and the conflict-news gold end the content
// before it).
bool content_scanner::writer_uncertainty(const unit& u, std::uint32_t k) const {
  if (!(lower_is(k, "though") || lower_is(k, "although") || lower_is(k, "but") ||
        lower_is(k, "and")))
    return false;
  std::uint32_t j = next(k, u.end);
  if (j >= u.end || in_quotation(j)) return false;
  // "…, but there was no confirmation of this", "but there is no evidence that …"
  if (lower_is(j, "there") && !lower_is(k, "and")) {
    j = next(j, u.end);
    if (j >= u.end || !(lower_is(j, "is") || lower_is(j, "was"))) return false;
    j = next(j, u.end);
    if (j >= u.end || !lower_is(j, "no")) return false;
    j = next(j, u.end);
    if (j < u.end && (lower_is(j, "separate") || lower_is(j, "independent") ||
                      lower_is(j, "immediate") || lower_is(j, "official")))
      j = next(j, u.end);
    return j < u.end && (lower_is(j, "confirmation") || lower_is(j, "evidence") ||
                         lower_is(j, "indication") || lower_is(j, "word") || lower_is(j, "sign"));
  }
  if (lower_is(j, "it's") || lower_is(j, "it\u2019s")) {
    j = next(j, u.end);
  } else {
    if (!lower_is(j, "it")) return false;
    j = next(j, u.end);
    if (j >= u.end) return false;
    if (!(lower_is(j, "is") || lower_is(j, "was") || lower_is(j, "remains") ||
          lower_is(j, "remained") || lower_is(j, "'s") || lower_is(j, "\u2019s")))
      return false;
    j = next(j, u.end);
  }
  bool neg = false;
  for (int w = 0; w < 2 && j < u.end && is_word(j); ++w) {
    if (lower_is(j, "not")) {
      neg = true;
    } else if (!(lower_is(j, "still") || lower_is(j, "yet") || lower_is(j, "also"))) {
      break;
    }
    j = next(j, u.end);
  }
  if (j >= u.end || !is_word(j)) return false;
  if (lower_is(j, "unclear") || lower_is(j, "uncertain")) return !neg;
  return neg && (lower_is(j, "clear") || lower_is(j, "known"));
}

// "did not", "didn't", "has not", "hasn't", "had never" … at n: a negated past or perfect
// auxiliary opening a verb phrase without a subject of its own.
// (Not before a cue: "but did not say whether …" is left to the attribution rules, which would
// read a negated report of its own there; nor an ellipsis: "could have run but didn't".)
bool content_scanner::negated_past_aux(std::uint32_t n, std::uint32_t end) const {
  std::uint32_t m = npos;
  if (lower_is(n, "didn't") || lower_is(n, "hasn't") || lower_is(n, "hadn't")) {
    m = next(n, end);
  } else if (lower_is(n, "did") || lower_is(n, "has") || lower_is(n, "had")) {
    m = next(n, end);
    if (m >= end || !is_word(m) || !(lower_is(m, "not") || lower_is(m, "never"))) return false;
    m = next(m, end);
  } else {
    return false;
  }
  for (int w = 0; w < 2 && m < end && is_word(m) && adverbial(m) && adverbial_only(m); ++w)
    m = next(m, end);
  return m < end && is_word(m) && !cap(m) && !in_quotation(m) && (cls(m) & wc_cue) == 0;
}

// A participle that tells the outcome of the clause before it ("…, killing three", "…, leaving
// no money", "…, forcing them to …", "…, meaning the talks …"), or its make-up ("consisting of"),
// or a perfect participle ("having signed …"): it belongs to the clause it follows.
bool content_scanner::result_participle(std::uint32_t n) const {
  static constexpr std::array<std::string_view, 14> kResult = {
      "leaving", "killing", "injuring",  "wounding", "forcing",    "allowing", "enabling",
      "meaning", "causing", "beginning", "starting", "consisting", "bringing", "having"};
  for (const auto w : kResult)
    if (lower_is(n, w)) return true;
  return false;
}

// Is the first finite verb of the content in [from, k) present or modal ("is", "has", "will",
// "would")? Not when it is past ("was", "had", "-ed") or none is found in the first 40 tokens.
bool content_scanner::present_content(std::uint32_t from, std::uint32_t k) const {
  static constexpr std::array<std::string_view, 15> kPresent = {
      "is",  "are", "has",   "have",  "will", "would", "can",  "could",
      "may", "might", "must", "should", "shall", "does", "do"};
  std::uint32_t j = from;
  for (int n = 0; n < 40 && j < k; ++n, j = next(j, k)) {
    if (!is_word(j) || cap(j) || in_quotation(j)) continue;
    for (const auto w : kPresent)
      if (lower_is(j, w)) return true;
    if ((cls(j) & (wc_auxiliary | wc_verb)) != 0 && !adverbial_only(j)) return false;
    // "it wants", "she sees": a verb in -s right after a subject pronoun.
    const std::uint32_t p = prev(j, from);
    if (p != npos && subject_pronoun(p, true) && s(j).size() > 3 && ends_with(s(j), "s") &&
        !ends_with(s(j), "ss"))
      return true;
    if (j != from && ends_with(s(j), "ed")) return false;
  }
  return false;
}

// After the comma closing "X, who said …,": the main clause's verb ("has", "met").
bool content_scanner::main_verb_after_relative(std::uint32_t n) const {
  return is_word(n) && !cap(n) &&
         (cls(n) &
          (wc_conjunction | wc_preposition | wc_determiner | wc_pronoun | wc_complementizer)) == 0;
}

// From the article at n: up to six words without a verb, then "that" or "which", and no comma,
// quotation or further report to the end of the sentence.
bool content_scanner::closing_comment(const unit& u, std::uint32_t n) const {
  std::uint32_t k = next(n, u.end);
  for (int w = 0; w < 6 && k < u.end && is_word(k) && !lower_is(k, "that") && !lower_is(k, "which");
       ++w) {
    if (!cap(k) && (cls(k) & (wc_verb | wc_auxiliary | wc_cue | wc_preposition)) != 0) return false;
    k = next(k, u.end);
  }
  if (k >= u.end || !(lower_is(k, "that") || lower_is(k, "which")) || k == next(n, u.end))
    return false;
  for (std::uint32_t t = next(k, u.end); t < u.end; t = next(t, u.end)) {
    if (is_comma(t) || punct_is(t, ";") || in_quotation(t)) return false;
  }
  return true;
}

bool content_scanner::writer_adjunct(const unit& u, std::uint32_t n) const {
  static constexpr std::array<std::string_view, 5> kLead = {"despite", "amid", "which", "in",
                                                            "following"};
  bool lead = false;
  for (const auto w : kLead) lead = lead || lower_is(n, w);
  if (!lead) return false;
  if (lower_is(n, "in")) {
    const std::uint32_t m = next(n, u.end);
    if (m >= u.end ||
        !(lower_is(m, "violation") || lower_is(m, "breach") || lower_is(m, "defiance")))
      return false;
  }
  // It must run to the end of the sentence.
  for (std::uint32_t k = next(n, u.end); k < u.end; k = next(k, u.end)) {
    if (is_comma(k) || punct_is(k, ";") || in_quotation(k)) return false;
  }
  return true;
}

bool content_scanner::starts_attribution(const unit& u, std::uint32_t n,
                                         const std::vector<cue_hit>& hits) const {
  for (const cue_hit& h : hits) {
    if (h.first == n) {
      const cue_entry& ce = entry(h);
      if (ce.type == cue_type::according) return true;
      if (ce.participle && ce.type != cue_type::evidential) return true;
      // ", label would …", "— especially for children — continue to …": after a comma or a
      // dash, a naming verb that is not a participle goes on with the content ("and called it"
      // is the source's next report).
      // A belief after "and" goes on with the content too ("… and wanted the talks to resume").
      const std::uint32_t p = prev(n, u.first);
      if (ce.type == cue_type::quoting && p != npos && (is_comma(p) || is_dash(p))) return false;
      if (ce.type == cue_type::belief && p != npos && (lower_is(p, "and") || lower_is(p, "but")))
        return false;
      // ", said X" / "and added"
      return ce.type != cue_type::evidential;
    }
    if (h.first > n) {
      // ", he said" / ", the official added" (a short source before the cue)
      if (!(lex_.cue(h.entry).type == cue_type::speech)) return false;
      auto np = scan_left_np(h.first, n, 6);
      if (np && np->first == n) {
        const std::uint32_t after = next(h.end - 1, u.end);
        if (after >= u.end || is_comma(after) || is_terminal(after) || in_quotation(after))
          return true;
        // "…, and Hillary Clinton said she would …": a new report with its own source.
        return speakerish(np->first, np->end) && after < u.end && is_word(after) &&
               (cap(n) || lower_is(after, "that") ||
                (cls(after) & (wc_determiner | wc_he | wc_she | wc_they | wc_we | wc_i | wc_it)) !=
                    0);
      }
      return false;
    }
  }
  return false;
}

// Does a clause with its own subject start after the comma at k ("…, the base has shown")?
// After token k: a subject (a word or a number that is not a preposition, relative or
// participle) and, within six words, a verb of any kind ("while 9 percent found …").
bool content_scanner::subject_then_verb(std::uint32_t k, std::uint32_t end) const {
  const std::uint32_t n = next(k, end);
  if (n >= end || !is_wordish(n) || (is_word(n) && (cls(n) & (wc_relative | wc_preposition)) != 0))
    return false;
  if (is_word(n) && !cap(n) && ends_with(s(n), "ing")) return false;
  for (std::uint32_t j = next(n, end), w = 0; j < end && w < 6; j = next(j, end), ++w) {
    if (!is_wordish(j) || in_quotation(j)) return false;
    if (is_word(j) && !cap(j) && (cls(j) & (wc_auxiliary | wc_verb | wc_cue)) != 0 &&
        !adverbial_only(j))
      return true;
    if (is_word(j) && (cls(j) & (wc_relative | wc_conjunction)) != 0) return false;
  }
  return false;
}

}  // namespace sayso::detail
