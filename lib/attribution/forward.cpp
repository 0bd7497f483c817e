// The forward frame: the source before the cue ("X said (that) C.", "X said: “Q”", "X called
// for C.", "X urged Y to C.", "X believes C.", "the poll shows C.") (frames.hpp).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "attribution/frames.hpp"
#include "text/unicode.hpp"

namespace sayso::detail {

std::optional<candidate> forward_frame::read(std::uint32_t ui, const cue_hit& h,
                                             const frame_input& in) const {
  const unit& u = in.units[ui];
  const cue_entry& ce = entry(h);
  if (ce.type == cue_type::according) return std::nullopt;
  if (ce.type == cue_type::belief && !beliefs_) return std::nullopt;
  std::uint32_t k = next(h.end - 1, u.end);
  std::optional<token_span> src = source(u, h, k);
  if (!src) return std::nullopt;
  // "The agency quoted the minister as saying that …": the quote is of the minister.
  if (const auto quoted = quoted_as_saying(h.first, h.end, u.end)) {
    src = quoted->first;
    k = quoted->second;
  }
  // "few believe …", "many think …": a belief with a bare quantifier for holder is the
  // writer's summary of opinion, not a source's.
  if (ce.type == cue_type::belief && src->end == src->first + 1 &&
      (lower_is(src->first, "few") || lower_is(src->first, "many") ||
       lower_is(src->first, "some") || lower_is(src->first, "most") ||
       lower_is(src->first, "several") || lower_is(src->first, "others"))) {
    return std::nullopt;
  }
  std::uint32_t from = content_start(u, h, k, src);
  if (from == npos) return std::nullopt;
  // "complained about the checkpoints", "warned about X": the topic after "about" is the
  // content (PolNeAR's gold leaves "about" out nine times in ten).
  // ("said about 20 people …": before a number it is an approximation.)
  if (from < u.end && lower_is(from, "about") && !in_quotation(from) &&
      (ce.type == cue_type::speech || ce.type == cue_type::act) && next(from, u.end) < u.end &&
      !numberish(next(from, u.end))) {
    from = next(from, u.end);
  }
  // "refused a demand by X to ground the air force": the demander is the source of what is
  // demanded (a speech-act noun with its agent after "by", then "to", "that" or "for").
  if (from < u.end && is_word(from) && !in_quotation(from) &&
      (lower_is(from, "a") || lower_is(from, "an") || lower_is(from, "the"))) {
    const std::uint32_t noun = next(from, u.end);
    const std::uint32_t by = noun < u.end ? next(noun, u.end) : u.end;
    const cue_entry* nc = noun < u.end && is_word(noun) ? one_word_cue(noun) : nullptr;
    if (nc != nullptr && (nc->flags & cf_noun) != 0 && by < u.end && lower_is(by, "by")) {
      auto agent = scan_right_np(next(by, u.end), u.end, 8);
      std::uint32_t to = agent ? next(agent->end - 1, u.end) : u.end;
      // (The phrase may run on into the demand: "by X to pull …".)
      for (std::uint32_t t = agent ? agent->first : u.end; agent && t < agent->end; ++t) {
        if (is_word(t) && t > agent->first &&
            (lower_is(t, "to") || lower_is(t, "that") || lower_is(t, "for"))) {
          to = t;
          agent->end = prev(t, agent->first) + 1;
          break;
        }
      }
      if (agent && agent->end > agent->first && speakerish(agent->first, agent->end) &&
          to < u.end && (lower_is(to, "to") || lower_is(to, "that") || lower_is(to, "for"))) {
        src = agent;
        from = lower_is(to, "to") ? to : next(to, u.end);
      }
    }
  }
  if (from >= u.end) {
    // ("X said:" at the end of a paragraph: the quotation follows in the next one.)
    if (punct_is(prev(from, u.first), ":")) return punctuation_.next_paragraph(ui, h, src, in);
    return std::nullopt;
  }
  // "X, who said that …, has …": the relative clause ends before the main clause resumes.
  const bool relative_source =
      src->first + 1 == src->end && (lower_is(src->first, "who") || lower_is(src->first, "which"));
  std::uint32_t end = content_end(u, from, in.hits, relative_source);
  if (end == npos || end <= from) return std::nullopt;
  // "opposed it on those grounds, …", "offered fresh ammunition to critics who …": a speech
  // act's object ends with its phrase.
  if (ce.type == cue_type::act && !is_open_mark(from) && !lower_is(prev(from, u.first), "that") &&
      !punct_is(prev(from, u.first), ":")) {
    end = act_object_end(from, end);
  }
  // said, “Q”, while addressing the press: the quotation alone is the content.
  if (is_open_mark(from) && quots_[qid(from)].closed) {
    const std::uint32_t close = qspans_[qid(from)].close_tok;
    const std::uint32_t after = next(close, u.end);
    if (close + 1 < end &&
        (after >= u.end || is_comma(after) || is_terminal(after) || punct_is(after, ";"))) {
      end = close + 1;
    }
  }
  // "said before he died", "spoke at the dinner", "responded to requests": an adjunct, not
  // a content (questions excepted: "asked when …").
  // (A speech act's object is no preposition either: "declined to comment on the case", "told
  // X through an interpreter"; "for", "against", "to", "of", "about" and "as" may open one.)
  if (ce.type == cue_type::act && !is_open_mark(from) && is_word(from) && !cap(from) &&
      (cls(from) & wc_preposition) != 0 && (cls(from) & wc_conjunction) == 0 &&
      !lower_is(from, "for") && !lower_is(from, "against") && !lower_is(from, "to") &&
      !lower_is(from, "of") && !lower_is(from, "about") && !lower_is(from, "as") &&
      !lower_is(from, "off") &&
      !lower_is(prev(from, u.first), "that") && !punct_is(prev(from, u.first), ":")) {
    return std::nullopt;
  }
  if (!is_open_mark(from) && is_word(from) && !cap(from) && ce.type != cue_type::act &&
      ce.type != cue_type::quoting && !punct_is(prev(from, u.first), ":")) {
    const bool question = (ce.flags & cf_question) != 0;
    const bool sub = (cls(from) & wc_subordinator) != 0;
    const bool prep = (cls(from) & wc_preposition) != 0 && (cls(from) & wc_conjunction) == 0 &&
                      !lower_is(from, "about") && !lower_is(from, "to") && !lower_is(from, "of") &&
                      !lower_is(prev(from, u.first), "that");
    const bool after_that = lower_is(prev(from, u.first), "that");
    if (((sub && !question) || prep) && !after_that) return std::nullopt;
  }
  // Content must have some words.
  std::uint32_t words = 0;
  for (std::uint32_t t = from; t < end; ++t) words += is_wordish(t) ? 1 : 0;
  if (words == 0) return std::nullopt;
  if (ce.type == cue_type::speech && words == 1 && !in_quotation(from) &&
      (cls(from) & wc_pronoun) != 0)
    return std::nullopt;
  candidate cand = in.found.start(u, &h, src);
  quote_record& q = cand.quote;
  in.found.add_content(cand, from, end);
  // "described witnessing 35 bodies": a quoting verb may also take a gerund.
  const bool gerund = ce.type == cue_type::quoting && is_word(from) && !cap(from) &&
                      s(from).size() > 5 && s(from).substr(s(from).size() - 3) == "ing" &&
                      (ce.flags & cf_gerund) != 0;
  if (q.spans.empty() || (ce.type == cue_type::quoting && q.kind == quote_kind::indirect &&
                          !gerund && !predicative(ce, from, end))) {
    return std::nullopt;  // (holding no quotation)
  }
  // A naming or describing verb's content is what it names with the fragment: "called the
  // talks “inappropriate”", "described the plan as “a trap” for the region" (the object is
  // part of what was said; the phrase ends where the object of a speech act does).
  // (Not "describes itself as “…”", "was described as “…”": no object to name.)
  if (ce.type == cue_type::quoting && q.kind == quote_kind::mixed && !is_open_mark(from) &&
      !lower_is(from, "as") && (ce.flags & (cf_naming | cf_describing)) != 0) {
    const std::uint32_t object_end = act_object_end(from, end);
    if (object_end < end) {
      candidate cut = in.found.start(u, &h, src);
      in.found.add_content(cut, from, object_end);
      if (cut.quote.kind == quote_kind::mixed) {
        cut.quote.confidence = 0.7F;
        cut.claim = {src->first, object_end};
        return cut;
      }
    } else {
      q.confidence = 0.7F;
      cand.claim = {src->first, end};
      return cand;
    }
  }
  // Other quoting verbs take the quoted fragment itself ("“…,” she beamed").
  if (ce.type == cue_type::quoting && q.kind == quote_kind::mixed) {
    for (std::uint32_t t = from; t < end; ++t) {
      if (is_open_mark(t)) {
        q.spans.assign(1, quots_[qid(t)].inner);
        q.first_token = t;
        cand.given_back = std::move(cand.taken);
        cand.taken.assign(1, qid(t));
        cand.claim = {src->first, qspans_[qid(t)].close_tok + 1};
        q.confidence = 0.7F;
        return cand;
      }
    }
  }
  // A quoted fragment that does not start a sentence is mixed ("called it “rigged”").
  if (q.kind == quote_kind::direct) {
    const std::uint32_t qi = qid(from);
    const std::uint32_t before = prev(from, u.first);
    const bool introduced = before != npos && (punct_is(before, ":") || is_comma(before));
    const char32_t c = first_code_point(q.spans.front().of(text_));
    if (qi != npos && !introduced && !detail::is_upper(c)) q.kind = quote_kind::mixed;
  }
  q.confidence = ce.type == cue_type::speech ? 0.8F : 0.6F;
  cand.claim = {src->first, end};
  return cand;
}

std::optional<candidate> forward_frame::read_nested(std::uint32_t ui, const cue_hit& h,
                                                    const frame_input& in,
                                                    bool any_content) const {
  std::optional<candidate> c = read(ui, h, in);
  if (!c || c->outcome != candidate::verdict::take || c->quote.spans.empty()) return std::nullopt;
  if (any_content) return c;
  const unit& u = in.units[ui];
  const std::uint32_t first = c->quote.first_token;
  const std::uint32_t before = prev(first, u.first);
  const bool after_that = before != npos && lower_is(before, "that") && before > h.first;
  bool clause = false;
  if (!after_that && is_word(first) && (cls(first) & (wc_preposition | wc_relative)) == 0) {
    for (std::uint32_t j = next(first, u.end), w = 0; j < u.end && w < 6 && !clause;
         j = next(j, u.end), ++w) {
      if (!is_wordish(j) || in_quotation(j)) break;
      clause = is_word(j) && !cap(j) && (cls(j) & (wc_auxiliary | wc_verb | wc_cue)) != 0 &&
               !adverbial_only(j);
    }
  }
  if (!after_that && !clause) return std::nullopt;
  return c;
}

// The source of a forward cue: the agent of a passive ("was described by X as"), the subject of
// the clause a participle hangs on, or the subject before the cue. `k` is the token after
// the cue, moved past the agent of a passive. None when there is no source.
std::optional<token_span> forward_frame::source(const unit& u, const cue_hit& h,
                                                std::uint32_t& k) const {
  const cue_entry& ce = entry(h);
  std::optional<token_span> src;
  const std::uint32_t p = prev(h.first, u.first);
  std::uint32_t be = p;
  while (be != npos && is_word(be) && (cls(be) & wc_negation) != 0) be = prev(be, u.first);
  if (be != npos && adverbial(be) && !lower_is(be, "is") && !lower_is(be, "was") &&
      !lower_is(be, "were") && !lower_is(be, "are") && !lower_is(be, "been") &&
      !lower_is(be, "be")) {
    be = prev(be, u.first);
  }
  const bool passive =
      be != npos && ce.past_participle && is_word(be) &&
      (lower_is(be, "was") || lower_is(be, "were") || lower_is(be, "been") || lower_is(be, "is") ||
       lower_is(be, "are") || lower_is(be, "be") || lower_is(be, "being"));
  if (passive) {
    // "was described by both sides as …"
    if (k < u.end && lower_is(k, "by")) {
      const std::uint32_t from = next(k, u.end);
      auto r = scan_right_np(from, u.end, 8);
      if (r && speakerish(r->first, r->end)) {
        src = r;
        k = next(r->end - 1, u.end);
      }
    }
    if (!src) return std::nullopt;
  } else if (ce.participle && p != npos && lower_is(p, "and") && writers_participle_before(u, p)) {
    // ", increasing tensions and threatening the ceasefire": the writer's participle clause.
    return std::nullopt;
  } else if (ce.participle && is_statement_object(u, h.first)) {
    // "X issued a statement saying …", "X released a video calling for …": X speaks.
    src = statement_subject(u, h.first);
    if (!src) return std::nullopt;
  } else if (ce.participle && p != npos &&
             (is_comma(p) || is_dash(p) || comma_inside_close(p) || lower_is(p, "while") ||
              lower_is(p, "by") || lower_is(p, "after") || lower_is(p, "before") ||
              lower_is(p, "for") || lower_is(p, "without") || lower_is(p, "in") ||
              lower_is(p, "since") || lower_is(p, "upon"))) {
    // "…, adding that …": the subject of the clause it hangs on.
    if (ce.type == cue_type::evidential) return std::nullopt;
    src = clause_subject(u, h.first);
    if (!src) return std::nullopt;
  } else {
    src = forward_subject(u, h.first);
    if (!src) return std::nullopt;
  }
  return src;
}

// Where the content of a forward cue starts, after adjuncts and an addressee: after "that",
// a colon or a comma before a quotation, at a question word, at the clause after a belief or
// an evidential verb. npos when the cue has no content here.
std::uint32_t forward_frame::content_start(const unit& u, const cue_hit& h, std::uint32_t k,
                                           std::optional<token_span> src) const {
  const cue_entry& ce = entry(h);
  // Where the content starts.
  k = skip_adjuncts(k, u.end);
  const bool tell = is_tell(h);
  std::uint32_t from = npos;
  // Look ahead for "that", ":" or a quotation within a few tokens of adjuncts or an object.
  {
    std::uint32_t j = k;
    for (int n = 0; n < 10 && j < u.end; ++n) {
      if (is_word(j) && lower_is(j, "that") && !in_quotation(j)) {
        // "threatening the ceasefire that ended the war": after a participle and its object, a
        // plain noun before "that" opens a relative clause.
        const std::uint32_t b = prev(j, u.first);
        if (n > 0 && ce.participle && !tell && is_word(k) && (cls(k) & wc_determiner) != 0 &&
            b != npos && is_word(b) && !cap(b) && !ends_with(s(b), "ly") &&
            (cls(b) & (wc_role | wc_medium | wc_time | wc_pronoun | wc_auxiliary | wc_negation |
                       wc_preposition)) == 0) {
          break;
        }
        from = next(j, u.end);
        break;
      }
      // "asked whether …", "questioned how …": the question is the content.
      if (n == 0 && is_word(j) && !cap(j) &&
          (lower_is(j, "whether") || lower_is(j, "how") || lower_is(j, "why") ||
           lower_is(j, "what") || lower_is(j, "who") || lower_is(j, "when") ||
           lower_is(j, "where") || lower_is(j, "which"))) {
        from = j;
        break;
      }
      if (punct_is(j, ":")) {
        from = next(j, u.end);
        break;
      }
      if (is_open_mark(j) && (n == 0 || (n == 1 && is_comma(k)))) {
        from = j;
        break;
      }
      // "telling supporters in Columbus, Ohio, that …": a place and its state or country.
      if (is_comma(j) && n > 0 && prev(j, k) != npos && cap(prev(j, k))) {
        const std::uint32_t st = next(j, u.end);
        const std::uint32_t c2 = st < u.end ? next(st, u.end) : u.end;
        if (st < u.end && is_word(st) && cap(st) && c2 < u.end && is_comma(c2)) {
          j = next(c2, u.end);
          continue;
        }
      }
      // "told reporters as he left Ankara that …": a subordinate clause before the "that".
      if (n > 0 && is_word(j) && !cap(j) && (cls(j) & wc_subordinator) != 0) {
        std::uint32_t c = next(j, u.end);
        for (int w = 0; w < 15 && c < u.end && !is_comma(c) && !is_terminal(c) &&
                        !in_quotation(c) && !lower_is(c, "that");
             ++w) {
          c = next(c, u.end);
        }
        if (c < u.end && lower_is(c, "that")) {
          from = next(c, u.end);
          break;
        }
      }
      // "said on CNN, where he is a contributor, that …": a relative aside on the adjunct.
      if (is_comma(j) && (n > 0 || k != next(h.end - 1, u.end))) {
        const std::uint32_t m = next(j, u.end);
        if (m < u.end && (lower_is(m, "where") || lower_is(m, "which") || lower_is(m, "who"))) {
          std::uint32_t c = next(m, u.end);
          for (int w = 0;
               w < 20 && c < u.end && !is_comma(c) && !is_terminal(c) && !in_quotation(c); ++w)
            c = next(c, u.end);
          if (c < u.end && is_comma(c)) {
            j = next(c, u.end);
            continue;
          }
        }
      }
      // "told her, “Q”", "said on CBS, “Q”"
      if (is_comma(j) && n > 0) {
        const std::uint32_t m = next(j, u.end);
        if (m < u.end && is_open_mark(m) && sentence_like(qid(m))) from = m;
        break;
      }
      // A short title in the addressee ("told MSNBC's “Morning Joe” that") is skipped.
      if (is_open_mark(j) && n > 0 && !sentence_like(qid(j))) {
        j = next(qspans_[qid(j)].close_tok, u.end);
        continue;
      }
      if (punct_is(j, "-") && n > 0) {  // "told co-host Joe Scarborough that"
        j = next(j, u.end);
        continue;
      }
      // "wrote in both listings he was …": after a prepositional adjunct, a subject pronoun
      // opens the content.
      if (n > 1 && is_word(k) && (cls(k) & wc_preposition) != 0 && !tell && subject_pronoun(j)) {
        from = j;
        break;
      }
      // "expressed hope that …", "voiced confidence he would …": a speech act whose object is
      // a bare noun naming an attitude, then a clause: the clause is what was said.
      if (n == 0 && ce.type == cue_type::act && j == next(h.end - 1, u.end) &&
          bare_attitude_noun(j)) {
        const std::uint32_t m = next(j, u.end);
        if (m < u.end && lower_is(m, "that") && !in_quotation(m)) {
          from = next(m, u.end);
          break;
        }
        if (m < u.end && subject_pronoun(m) && verb_within(m, u.end, 3)) {
          from = m;
          break;
        }
      }
      // A verb or auxiliary means the content clause has begun ("said his party would …"),
      // and so does a contraction ("said it’s time that …").
      if (is_word(j) && !cap(j) && has_contraction(j)) break;
      if (!is_wordish(j) ||
          (!cap(j) && (cls(j) & (wc_cue | wc_verb | wc_auxiliary)) != 0 && !adverbial_only(j)) ||
          in_quotation(j)) {
        break;
      }
      if (!tell && n == 0 && ce.type != cue_type::speech && ce.type != cue_type::evidential) break;
      j = next(j, u.end);
    }
  }
  if (from == npos && ce.type == cue_type::belief && k < u.end) {
    // Beliefs need a clause: "believes (that) X is …", "views X as Y", "wants X (to …)".
    if ((ce.flags & cf_belief_as) != 0) {
      std::uint32_t j = k;
      for (int n = 0; n < 8 && j < u.end && !lower_is(j, "as"); ++n) j = next(j, u.end);
      if (j >= u.end || !lower_is(j, "as")) return npos;
      from = k;
    } else if ((ce.flags & cf_belief_object) != 0) {
      from = k;
    } else if (is_word(k) &&
               ((cls(k) & (wc_pronoun | wc_determiner)) != 0 || cap(k) || has_contraction(k) ||
                lower_is(k, "there")) &&
               ((cls(k) & wc_possessive) == 0 ||
                verb_within(k, u.end, 7))) {  // "believe their ties can …"
      from = k;
    } else if (is_word(k) && !cap(k) &&
               (cls(k) & (wc_preposition | wc_conjunction | wc_auxiliary | wc_verb | wc_cue |
                          wc_complementizer | wc_negation)) == 0 &&
               verb_within(k, u.end, 5)) {
      from = k;  // "believe meaningful debt relief is possible": a clause with a bare subject
    } else {
      return npos;
    }
  }
  if (from == npos) {
    // "Polls show Clinton with a lead", "the study found 31 incidents": an evidential verb
    // with a clause or a phrase that states a finding.
    // "Polls show voters are split": a subject followed by its verb is a clause too.
    const std::uint32_t k2 = k < u.end ? next(k, u.end) : u.end;
    const bool clause =
        (k < u.end && is_word(k) && has_contraction(k)) ||  // "suggested she’ll …"
        (k < u.end && is_word(k) && !cap(k) &&
         (cls(k) & (wc_preposition | wc_determiner | wc_conjunction | wc_auxiliary)) == 0 &&
         k2 < u.end && is_word(k2) && (cls(k2) & (wc_auxiliary | wc_verb)) != 0 &&
         !adverbial_only(k2));
    // "Polls show a close contest", "The video shows an officer …": a record shows a finding.
    const bool finding = k < u.end && is_word(k) && (lower_is(k, "a") || lower_is(k, "an")) &&
                         (ce.flags & cf_finding_object) != 0 && is_word(src->end - 1) &&
                         (cls(src->end - 1) & wc_role) != 0;
    if (ce.type == cue_type::evidential && k < u.end && is_wordish(k) && !ce.participle &&
        (cap(k) || tok_[k].kind == token_kind::number || clause || finding ||
         (cls(k) & (wc_he | wc_she | wc_they | wc_we | wc_it | wc_i)) != 0)) {
      from = k;
    } else if (ce.type == cue_type::evidential || ce.type == cue_type::belief) {
      return npos;
    }
    if (k >= u.end || is_terminal(k)) {
      // "X said:" ending a paragraph, the quotation in the next one.
      return npos;
    }
    if (is_comma(k)) {
      const std::uint32_t n = next(k, u.end);
      const std::uint32_t before_src = prev(src->first, u.first);
      if (n < u.end && is_open_mark(n)) {
        from = n;
      } else if (n < u.end && ce.type == cue_type::speech && before_src != npos &&
                 lower_is(before_src, "as") && as_source_opening(u, before_src)) {
        from = n;  // "As X said, the two have become …": the main clause is what X said
      } else {
        return npos;
      }
    } else if (tell && ce.type == cue_type::speech) {
      // "told the Military Times the attack took place", "warned officials to boost …":
      // skip the addressee; an infinitive after it is the content.
      std::uint32_t j = k;
      std::uint32_t n = 0;
      if (is_word(j) && (cls(j) & (wc_determiner | wc_pronoun)) != 0) {
        j = next(j, u.end);
        ++n;
      }
      while (
          j < u.end &&
          (is_wordish(j) || (punct_is(j, "-") && j > 0 && tok_[j - 1].kind != token_kind::space)) &&
          n < 8 && !lower_is(j, "to") && !has_contraction(j) &&
          // ("told them which way to go": a question word opens the content.)
          !(is_word(j) && !cap(j) && (cls(j) & (wc_complementizer | wc_relative)) != 0 &&
            !lower_is(j, "that") && !lower_is(j, "who") && !lower_is(j, "whom") &&
            !lower_is(j, "whose")) &&
          (cls(j) & (wc_determiner | wc_pronoun)) == 0 &&
          (cap(j) || (cls(j) & (wc_verb | wc_auxiliary)) == 0)) {
        j = next(j, u.end);
        ++n;
      }
      if (j >= u.end || n == 0 || !is_word(j)) return npos;  // "told reporters." with nothing more
      // "told the parties at the outset of talks", "told the agency earlier this week": after
      // an addressee with a prepositional phrase only an infinitive or "that" opens a content,
      // and a time is an adjunct.
      // ("asked him about his plans": the topic is the content.)
      bool prep = false;
      for (std::uint32_t t = k; t < j; t = next(t, u.end)) {
        prep = prep || (is_word(t) && !cap(t) && (cls(t) & wc_preposition) != 0 &&
                        !lower_is(t, "of") && !lower_is(t, "about"));
      }
      if (prep && !lower_is(j, "to") && (cls(j) & wc_complementizer) == 0) {
        // "tells supporters at a rally to …": the infinitive or clause after the phrase.
        // (In the phrase, a verb's form after an article or a noun is a noun, "to" before a name
        // or an article a preposition: "told reporters on a conference call that", "during a
        // visit to Paris that".)
        const auto phrase_word = [&](std::uint32_t t) {
          if (!is_wordish(t) || (cls(t) & wc_complementizer) != 0) return false;
          if (lower_is(t, "to")) {
            const std::uint32_t a = next(t, u.end);
            return a < u.end && is_word(a) && (cap(a) || ((cls(a) & wc_determiner) != 0 && !lower_is(a, "that")));
          }
          if (cap(t) || (cls(t) & (wc_verb | wc_auxiliary | wc_cue)) == 0) return true;
          const std::uint32_t b = prev(t, u.first);
          return b != npos && is_word(b) && !cap(b) && (cls(b) & wc_auxiliary) == 0 &&
                 ((cls(b) & wc_determiner) != 0 || (cls(b) & (wc_verb | wc_cue | wc_preposition)) == 0);
        };
        std::uint32_t m = j;
        for (int w = 0; w < 8 && m < u.end && phrase_word(m); ++w) m = next(m, u.end);
        if (m >= u.end || !is_word(m) || !(lower_is(m, "to") || (cls(m) & wc_complementizer) != 0))
          return npos;
        j = m;
      }
      if (!lower_is(j, "that") && (cls(j) & wc_time) != 0) return npos;
      from = lower_is(j, "that") ? next(j, u.end) : j;       // "told state television that …"
    } else {
      from = k;
    }
  }
  return from;
}

// A lower-case noun with no determiner, as the object of a speech act ("hope", "concern"): not a
// function word, verb, cue, adverb, number or name.
// ("hope", "fear": a cue word that is also a common noun.)
bool forward_frame::bare_attitude_noun(std::uint32_t j) const {
  if (!is_word(j) || cap(j) || in_quotation(j) || ends_with(s(j), "ly") || ends_with(s(j), "ing"))
    return false;
  if ((cls(j) & wc_cue) != 0) {
    const cue_entry* ce = one_word_cue(j);
    if (ce == nullptr || (ce->flags & cf_noun) == 0 || !ce->base_form) return false;
  }
  return (cls(j) & (wc_determiner | wc_possessive | wc_pronoun | wc_preposition | wc_conjunction |
                    wc_auxiliary | wc_verb | wc_complementizer | wc_negation | wc_number |
                    wc_time | wc_role | wc_relative)) == 0;
}

// Is there a verb or auxiliary within `n` words after token k ("their ties can …")?
bool forward_frame::verb_within(std::uint32_t k, std::uint32_t end, int n) const {
  for (std::uint32_t j = next(k, end); j < end && n > 0; j = next(j, end), --n) {
    if (!is_word(j) || in_quotation(j)) return false;
    if (!cap(j) && (cls(j) & (wc_verb | wc_auxiliary)) != 0 && !adverbial_only(j)) return true;
  }
  return false;
}

// Does the "as" at `as` open an "as X said, C" clause: at the start of the sentence, after
// "but" or "and" there, or after a comma and "and"/"but" ("…, and as Comey noted, …")?
bool forward_frame::as_source_opening(const unit& u, std::uint32_t as) const {
  const std::uint32_t p = prev(as, u.first);
  if (p == npos || is_comma(p)) return true;
  if (!(lower_is(p, "but") || lower_is(p, "and"))) return false;
  const std::uint32_t pp = prev(p, u.first);
  return pp == npos || is_comma(pp);
}

// Before the "and" at `and_tok`, within eight words: a comma and a participle that is not a
// cue (", increasing tensions and …"), the writer's own clause.
bool forward_frame::writers_participle_before(const unit& u, std::uint32_t and_tok) const {
  std::uint32_t k = prev(and_tok, u.first);
  for (int n = 0; n < 8 && k != npos; ++n, k = prev(k, u.first)) {
    if (in_quotation(k)) return false;
    if (is_comma(k)) {
      const std::uint32_t w = next(k, and_tok);
      return w < and_tok && is_word(w) && !cap(w) && ends_with(s(w), "ing") &&
             (cls(w) & wc_cue) == 0;
    }
  }
  return false;
}

}  // namespace sayso::detail
