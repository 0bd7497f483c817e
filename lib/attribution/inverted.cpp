// The inverted frame: the source after the content ("“Q,” X said.", "C, said X.",
// "A, X said, B.") (frames.hpp).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "attribution/frames.hpp"

namespace sayso::detail {

std::optional<candidate> inverted_frame::read(std::uint32_t ui, const cue_hit& h,
                                              const frame_input& in) const {
  const unit& u = in.units[ui];
  const claims& found = in.found;
  const cue_entry& ce = entry(h);
  if (ce.type == cue_type::act || ce.type == cue_type::according) return std::nullopt;
  if (ce.participle) return std::nullopt;
  const auto [src, separator, after, verb_first] = find_source(u, h);
  if (!src) return std::nullopt;
  // "In a statement, the SDF said, “…”": a quotation (or colon) after the cue makes it forward.
  if (after < u.end &&
      (punct_is(after, ":") ||
       (is_comma(after) && next(after, u.end) < u.end && is_open_mark(next(after, u.end)) &&
        sentence_like(qid(next(after, u.end))) && !is_close_mark(separator)))) {
    return std::nullopt;
  }
  // "On Dec. 7 on MSNBC, Bush said “…” must …": the cue's own quotation follows.
  if (after < u.end && after == next(h.end - 1, u.end) && is_open_mark(after) &&
      !is_close_mark(separator))
    return std::nullopt;

  // The content before the separator.
  std::uint32_t content_last = separator;
  if (is_comma(separator) || is_dash(separator)) {
    content_last = prev(separator, u.first);
  }
  if (content_last == npos) return std::nullopt;
  const std::uint32_t from = found.free_start(u, content_last);
  if (from > content_last) return std::nullopt;
  // "X's campaign manager, Corey Roe, said the staff member who …": before ", said X" there
  // must be a clause; a noun phrase alone is the subject of the cue, read forward.
  if (verb_first && is_comma(separator) && !in_quotation(from)) {
    bool verb = false;
    for (std::uint32_t t = from; t <= content_last && !verb; ++t) {
      // (A compound adjective is no verb: "a Britain-based monitor", "Iran-backed".)
      const bool compound = t >= 2 && punct_is(t - 1, "-") && is_word(t - 2);
      verb = in_quotation(t) ||
             (is_word(t) && !cap(t) && !compound &&
              (((cls(t) & (wc_verb | wc_auxiliary | wc_cue)) != 0 && !adverbial_only(t)) ||
               has_contraction(t) || negated_auxiliary(t) || ends_with(s(t), "ed")));
    }
    if (!verb) return std::nullopt;
  }
  // "Rather, he said, B." / "In Iowa, he said, B.": a connective or an adjunct before the
  // attribution is not reported; the content is B.
  const bool lead_in = is_comma(separator) && !is_close_mark(separator) && !in_quotation(from) &&
                       only_lead_in(from, content_last + 1);
  // "Heading into the debate, Sanders told MSNBC's “Morning Joe” that …": a lead-in is not a
  // report; without a continuation the cue is read forward.
  if (lead_in && !(after < u.end && is_comma(after))) return std::nullopt;
  candidate c = found.start(u, &h, src);
  quote_record& q = c.quote;
  if (!lead_in) found.add_content(c, from, content_last + 1);
  if (lead_in) {
    const std::uint32_t n = next(after, u.end);
    const std::uint32_t end2 = n < u.end ? content_end(u, n, in.hits) : npos;
    if (end2 == npos || end2 <= n || in_quotation(n)) {
      return std::nullopt;
    }
    found.add_content(c, n, end2);
    q.confidence = 0.8F;
    c.claim = {from, end2};
    return c;
  }
  // Quoting and evidential verbs follow only a quotation ("…,” he continued), except a
  // finding reported by a poll, study or record ("…, an analysis of the filings shows.").
  const bool finding = ce.type == cue_type::evidential && !verb_first && is_comma(separator) &&
                       (ce.flags & cf_finding) != 0 && is_word(src->end - 1) &&
                       (cls(src->end - 1) & wc_role) != 0 && !cap(src->end - 1);
  if (q.spans.empty() || ((ce.type == cue_type::quoting || ce.type == cue_type::evidential) &&
                          q.kind != quote_kind::direct && !finding)) {
    c.outcome = candidate::verdict::give_back;
    return c;
  }
  const bool left_is_quotation = q.kind == quote_kind::direct;
  std::uint32_t claim_end = std::max(h.end, src->end);
  // A content continuing after the attribution: "“A,” he said, “B.”" / "A, they said, B."
  // ("“A;” read the statement; “B.”" too)
  if (after < u.end && (is_comma(after) || (punct_is(after, ";") && left_is_quotation))) {
    const std::uint32_t n = next(after, u.end);
    if (n < u.end) {
      if (is_open_mark(n) && left_is_quotation) {
        const std::uint32_t qi = qid(n);
        found.add_quotation(c, qi);
        claim_end = qspans_[qi].close_tok + 1;
      } else if (!left_is_quotation && !verb_first && !starts_attribution(u, n, in.hits) &&
                 !is_open_mark(n) && !writers_continuation(n)) {
        const std::uint32_t end2 = content_end(u, n, in.hits);
        if (end2 != npos && end2 > n) {
          found.add_content(c, n, end2);
          claim_end = end2;
        }
      }
    }
  } else if (after < u.end && is_open_mark(after) && left_is_quotation &&
             !title_case(qid(after))) {
    const std::uint32_t qi = qid(after);
    found.add_quotation(c, qi);
    claim_end = qspans_[qi].close_tok + 1;
  }
  // “A,” X said, referring to Y, “B.”: the second quotation after an aside.
  if (left_is_quotation && q.spans.size() == 1 && after < u.end && is_comma(after)) {
    for (std::uint32_t k = next(after, u.end); k < u.end; k = next(k, u.end)) {
      if (is_terminal(k) || punct_is(k, ";")) break;
      // "…, adding, “B.”", "but acknowledged, “B.”": a cue of its own attributes B.
      if (is_word(k) && (cls(k) & wc_cue) != 0 &&
          std::any_of(in.hits.begin(), in.hits.end(),
                      [k](const cue_hit& x) { return x.first == k; })) {
        break;
      }
      if (in_quotation(k)) {
        if (is_open_mark(k) && is_comma(prev(k, u.first)) && found.is_free(qid(k), c) &&
            sentence_like(qid(k))) {
          found.add_quotation(c, qid(k));
          claim_end = qspans_[qid(k)].close_tok + 1;
        }
        break;
      }
    }
  }
  q.confidence = 0.9F;
  c.claim = {from, claim_end};
  return c;
}

// The source after the cue's content: pattern A, "…, X said" / "“Q,” X said" / "“Q,” X, an
// economist, said"; else pattern B, "…, said X" / "“Q,” said X".
inverted_frame::inverted_source inverted_frame::find_source(const unit& u, const cue_hit& h) const {
  inverted_source result{std::nullopt, npos, npos, false};
  auto& [src, separator, after, verb_first] = result;

  // Pattern A: "…, X said" / "“Q,” X said" / "“Q,” X, an economist, said"
  auto np = scan_left_np(h.first, u.first, 8);
  if (!np) {
    // Only a subject set off by an aside ("…, X, a minister, said"), not the subject of an
    // earlier verb ("…, voters were unhappy and worried").
    const std::uint32_t before_cue = prev(h.first, u.first);
    if (before_cue != npos && (is_comma(before_cue) || is_dash(before_cue)))
      np = forward_subject(u, h.first);
  }
  // "“Q,” an official who spoke on condition of anonymity said": a subject with a relative
  // clause, whole.
  if (const auto rel = subject_before_relative(u, h.first); rel && (!np || rel->first < np->first)) np = rel;
  // "…, who sees himself as …": a relative pronoun is the subject of its own clause.
  if (np && np->end == np->first + 1 &&
      (lower_is(np->first, "who") || lower_is(np->first, "which") || lower_is(np->first, "that"))) {
    np = std::nullopt;
  }
  if (np) {
    const std::uint32_t p = prev(np->first, u.first);
    // Right after a closing quotation mark any short phrase is the speaker ("the ad's narrator").
    const bool ok = speakerish(np->first, np->end) ||
                    (p != npos && is_close_mark(p) && np->end - np->first <= 10 &&
                     (cap(np->first) || (cls(np->first) & wc_determiner) != 0)) ||
                    // "…, the airline said.": an article and a noun between a comma and the cue
                    (p != npos && is_comma(p) && np->end - np->first <= 7 &&
                     entry(h).type == cue_type::speech && is_word(np->first) &&
                     (lower_is(np->first, "the") || lower_is(np->first, "a") ||
                      lower_is(np->first, "an") || lower_is(np->first, "one")) &&
                     is_word(np->end - 1) && !cap(np->end - 1) &&
                     (cls(np->end - 1) &
                      (wc_verb | wc_auxiliary | wc_time | wc_preposition | wc_pronoun)) == 0);
    if (ok && p != npos && (is_comma(p) || is_close_mark(p) || is_dash(p))) {
      // "“…,” the agency quoted him as saying": the quote is of the person quoted.
      if (const auto quoted = quoted_as_saying(h.first, h.end, u.end);
          quoted && ends_attribution(u, quoted->second)) {
        src = quoted->first;
        separator = p;
        after = quoted->second;
        return result;
      }
      const std::uint32_t k = after_inverted_cue(u, h);
      if (ends_attribution(u, k)) {
        src = np;
        separator = p;
        after = k;
      }
    }
  }
  // Pattern B: "…, said X" / "“Q,” said X"
  if (!src) {
    std::uint32_t p = prev(h.first, u.first);
    while (p != npos && adverbial(p)) p = prev(p, u.first);
    if (p != npos && (is_comma(p) || is_close_mark(p) || is_dash(p))) {
      const std::uint32_t from = skip_adjuncts(next(h.end - 1, u.end), u.end);
      auto r = scan_right_np(from, u.end);
      // "…, said a senior official in response to a question.", "…, said X in a statement on
      // Monday.": a channel or time adjunct that ends the attribution is not part of the source.
      for (std::uint32_t t = !r ? u.end : next(r->first, r->end); r && t < r->end; t = next(t, r->end)) {
        if (!is_word(t) || cap(t) || (cls(t) & wc_preposition) == 0 || (cls(t) & wc_conjunction) != 0) continue;
        const std::uint32_t k = skip_adjuncts(t, u.end);
        if (k > t && ends_attribution(u, k)) {
          r->end = prev(t, r->first) + 1;
          break;
        }
      }
      // "…, said X" never has a subject pronoun for X: "Sexton, a professor, said he holds …"
      // is the forward frame after an aside.
      if (r && is_word(r->first) &&
          (subject_pronoun(r->first, true) || has_contraction(r->first))) {
        r = std::nullopt;
      }
      // "…, said Trump campaign strategists plan to secure …": a verb after the phrase's name
      // makes it the subject of a clause.
      if (r && verb_after_name(r->first, r->end)) r = std::nullopt;
      bool object_inside = false;  // "…, say Trump’s manager yanked her": a clause, not a source
      for (std::uint32_t t = !r ? 0 : next(r->first, r->end); r && t < r->end;
           t = next(t, r->end)) {
        object_inside =
            object_inside || (is_word(t) && !cap(t) &&
                              (lower_is(t, "her") || lower_is(t, "him") || lower_is(t, "them") ||
                               lower_is(t, "it") || lower_is(t, "us")));
      }
      if (r && speakerish(r->first, r->end) && !object_inside &&
          (cls(r->first) & wc_preposition) == 0) {
        // The source phrase may be followed by an appositive: ", head of the caucus".
        std::uint32_t k = next(r->end - 1, u.end);
        // "said the foreign minister, Ilse Marten": the name completes the mention.
        if (k < u.end && is_comma(k) && !cap(r->first)) {
          const std::uint32_t n = next(k, u.end);
          auto name = scan_right_np(n, u.end, 5);
          if (name && name->first == n && cap(n) && (cls(n) & (wc_determiner | wc_title)) == 0) {
            const std::uint32_t after_name = next(name->end - 1, u.end);
            if (after_name >= u.end || is_terminal(after_name)) {
              r->end = name->end;
              k = after_name;
            }
          }
        }
        k = skip_adjuncts(k, u.end);
        // "…, said a handful of Democrats who point to …": a relative clause on the source
        // runs to the end of the sentence.
        if (k < u.end && (lower_is(k, "who") || lower_is(k, "whose"))) k = u.end;
        // "…, said Mr. Cameron and the ''Remain'' camp had …": a quotation right after the
        // phrase means it is the subject of a clause, not a source.
        if (ends_attribution(u, k) && !(k < u.end && is_open_mark(k) && !is_close_mark(p))) {
          src = r;
          separator = p;
          after = k;
          verb_first = true;
        }
      }
    }
  }
  return result;
}

// After a cue in the inverted frame: adverbs, time and channel adjuncts, and for "told" a
// short addressee. Returns the next token, which must end the attribution.
std::uint32_t inverted_frame::after_inverted_cue(const unit& u, const cue_hit& h) const {
  // (A subordinator right after the cue or its addressee opens the writer's clause even where it
  // is a preposition too, which skip_adjuncts would read as a time adjunct: "said after the
  // meeting broke up", "told reporters after the meeting that ...".)
  const auto subordinate = [&](std::uint32_t k) {
    return k < u.end && is_word(k) && !cap(k) && (cls(k) & wc_subordinator) != 0 && !lower_is(k, "until") &&
           !lower_is(k, "unless") && !lower_is(k, "where") && !lower_is(k, "whereas");
  };
  if (subordinate(next(h.end - 1, u.end))) return u.end;
  std::uint32_t k = skip_adjuncts(next(h.end - 1, u.end), u.end);
  if (k < u.end && is_word(k) && is_tell(h)) {
    // "the president told reporters."
    std::uint32_t n = 0;
    // (A subordinator ends the addressee: "told his advisers as he labored …"; so do a verb
    // and a subject pronoun: "told POLITICO she was …".)
    while (
        k < u.end && is_wordish(k) && n < 5 &&
        !(n > 0 && !cap(k) &&
          (((cls(k) & (wc_verb | wc_auxiliary)) != 0 && !adverbial_only(k)) ||
           subject_pronoun(k))) &&
        (cap(k) || ((cls(k) & (wc_cue | wc_complementizer)) == 0 &&
                    ((cls(k) & wc_conjunction) == 0 || lower_is(k, "and") || lower_is(k, "or")))) &&
        !(n > 0 && !cap(k) &&
          (cls(k) & wc_preposition) != 0)) {  // "told reporters in a video call"
      k = next(k, u.end);
      ++n;
    }
    if (n > 0 && subordinate(k)) return u.end;
    k = skip_adjuncts(k, u.end);
  }
  // "…,” X said after the meeting ended.": a subordinate clause closing the sentence is the
  // writer's, not part of the quote.
  // (Not "until", "unless", "where", "whereas": tuned without them; taking them in changes what is
  // found in the dev articles, a change to make and measure on its own.)
  if (k < u.end && is_word(k) && !cap(k) && (cls(k) & wc_subordinator) != 0 &&
      !lower_is(k, "until") && !lower_is(k, "unless") && !lower_is(k, "where") &&
      !lower_is(k, "whereas")) {
    return u.end;
  }
  // "said on condition of anonymity", "said outside the court", "said of the rebels": a
  // prepositional phrase closing the sentence belongs to the attribution.
  if (k < u.end && is_word(k) && !cap(k) && (cls(k) & wc_preposition) != 0 &&
      !lower_is(k, "that")) {
    std::uint32_t j = next(k, u.end);
    std::uint32_t n = 0;
    while (j < u.end && n < 10 && (is_wordish(j) || punct_is(j, ".") || punct_is(j, "-")) &&
           !is_terminal(j) &&
           !(is_word(j) && !cap(j) &&
             (cls(j) & (wc_cue | wc_verb | wc_auxiliary | wc_complementizer)) != 0 &&
             (cls(j) & (wc_determiner | wc_role | wc_medium)) == 0)) {
      j = next(j, u.end);
      ++n;
    }
    if (n > 0 && ends_attribution(u, j)) return j;
  }
  return k;
}

// After "A, X said,": does the clause at n go on with the writer's sentence rather than the
// report ("…, officials said, amid protests in the capital", "…, they said, as the rebels fired
// …")? (Not every subordinator or participle: "…, he said, until it went bankrupt", "…, she
// said, including a provision …" go on with the report.)
bool inverted_frame::writers_continuation(std::uint32_t n) const {
  if (!is_word(n) || cap(n)) return false;
  return lower_is(n, "amid") || lower_is(n, "despite") || lower_is(n, "as") ||
         lower_is(n, "following") || lower_is(n, "after") || lower_is(n, "before");
}

bool inverted_frame::ends_attribution(const unit& u, std::uint32_t k) const {
  return k >= u.end || is_comma(k) || is_terminal(k) || punct_is(k, ";") || is_dash(k) ||
         is_open_mark(k) || punct_is(k, "(");
}

// Is [first, end) only a connective ("Rather", "Still") or a fronted adjunct without a verb
// ("In Iowa", "On Tuesday")?
bool inverted_frame::only_lead_in(std::uint32_t first, std::uint32_t end) const {
  std::uint32_t words = 0;
  for (std::uint32_t t = first; t < end && words <= 12; ++t) {
    if (!is_wordish(t)) continue;
    ++words;
    if (t != first && !cap(t) && (cls(t) & (wc_verb | wc_cue | wc_auxiliary)) != 0 &&
        !adverbial_only(t))
      return false;
    if (t != first && has_contraction(t)) return false;
  }
  if (words == 1 && is_word(first)) {
    return (cls(first) & wc_connective) != 0 || ends_with(s(first), "ly");
  }
  // "Heading into the debate", "Speaking to students this week": a participle opening.
  if (is_word(first) && ends_with(s(first), "ing") && (cls(first) & (wc_cue | wc_determiner)) == 0)
    return words <= 12;
  return words <= 8 && is_word(first) && (cls(first) & wc_preposition) != 0 &&
         (cls(first) & wc_conjunction) == 0 && !lower_is(first, "of");
}

}  // namespace sayso::detail
