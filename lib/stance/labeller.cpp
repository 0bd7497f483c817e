// Stance labelling.
//
// For each term expression found in a quote's content:
//  - cues: the nearest support or oppose cue before the term in its clause decides, else the
//    attribution's own cue ("urged", "rejected", "called for");
//  - negation (NegEx): a trigger within five words before the term, in its clause, flips the
//    label; pseudo-triggers ("not only", "no later than") do not count; terminators ("but",
//    "however") end a trigger's scope;
//  - conditions: a term in a main clause that carries a condition ("only if", "unless", "should
//    not mean", "as a precondition") is conditional; a term inside the condition is what the
//    speaker makes the condition of: conditional after "before"/"pending"/"upon", supported when
//    the condition is negative ("should a ceasefire not be achieved"), and otherwise not a
//    position at all;
//  - "X without Y": without preconditions supports X and opposes preconditions; rejecting X
//    without Y makes X conditional and supports Y and preconditions;
//  - holders: when the content's subject is a party other than the speaker's own side ("Russia
//    is not ready to stop fighting", said by a European official), the speaker's stance is
//    neutral and the party's stance is reported with the party as holder.
#include "stance/labeller.hpp"
#include "stance/labeller_impl.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <cctype>

#include "text/unicode.hpp"

namespace sayso::detail::stance_internal {

void labeller::run(entity_id speaker, std::vector<stance>& out, std::optional<reported_party>& party) {
  const std::size_t first = out.size();
  collect();
  if (terms_.empty()) {
    cur_ = label_decision{};
    note_context(nullptr, 0);
    cur_.path = label_path::evaluated_object;
    label_evaluated_object(speaker, out);
    finish(out, first);
    return;
  }
  speaker_parties(speaker);
  bool any_reported = false;
  for (const term_hit& th : terms_) {
    byte_range mention;
    const std::uint32_t start = clause_start(th.begin, th.span_begin);
    bool reported = third_party_at(start, th.begin, mention);
    // "Moscow's message was clear: there would be no ceasefire": an expletive subject after a
    // colon takes the subject of the span.
    if (!reported && start != th.span_begin && expletive_at(start)) {
      reported = third_party_at(th.span_begin, th.begin, mention);
    }
    if (reported && !party) party = reported_party{mention};
    // One reported party per quote: another party's clause keeps the speaker neutral, and its
    // position is not given (a quote has one reported holder).
    const bool same = reported && party && party->mention.of(text_) == mention.of(text_);
    any_reported = any_reported || same;
    report_party_ = same;
    cur_ = label_decision{};
    label(th, speaker, reported, out);
  }
  const bool reported = any_reported;
  report_party_ = true;
  // "rejects X without Y": the speaker demands Y before X, a precondition.
  if (without_demand_) {
    std::vector<byte_range> evidence;
    if (!demand_evidence_.empty()) evidence.push_back(demand_evidence_);
    cur_ = label_decision{};
    note_context(nullptr, 0);
    cur_.path = label_path::without_demand;
    add(out, precondition_term(), stance_label::support, speaker, reported, std::move(evidence), std::nullopt);
  }
  finish(out, first);
}

namespace {

// Where the first match of `re` in `s` ends (the least end of any match, whatever its start), or
// npos if none: the least `end` for which s[0, end) holds a match (RE2 reads the text past `end`
// for \b, as in the whole of s). About log2(|s|) searches without submatches (no reverse
// program is built).
std::size_t earliest_end(const lazy_re2* re, std::string_view s) {
  if (re == nullptr || !re->search(s)) return std::string_view::npos;
  std::size_t lo = 0;          // no match ends before lo
  std::size_t hi = s.size();   // one ends at or before hi
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (re->search(s, 0, nullptr, nullptr, mid)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return hi;
}

}  // namespace

void order_as_set(std::string_view s, std::span<const std::pair<int, const lazy_re2*>> expressions,
                  const std::vector<std::string>& patterns, std::vector<int>& present) {
  static thread_local std::vector<std::pair<std::size_t, int>> order;
  order.clear();
  for (const int e : present) order.emplace_back(std::string_view::npos, e);
  for (const auto& [e, re] : expressions) {
    const auto it = std::find_if(order.begin(), order.end(), [e = e](const auto& o) { return o.second == e; });
    if (it != order.end()) it->first = std::min(it->first, earliest_end(re, s));
  }
  std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return patterns[static_cast<std::size_t>(x.second)] > patterns[static_cast<std::size_t>(y.second)];
  });
  for (std::size_t k = 0; k < order.size(); ++k) present[k] = order[k].second;
}

bool labeller::mentions_in(std::string_view s, std::vector<int>& present, screened_text& seen) const {
  present.clear();
  // Most spans hold no word of any term: the screen rules them out without RE2. In most others
  // one or two expressions of one term (or opposite) may match: run alone, they settle it.
  const compiled_terms::mention_screen& screen = c_.screen();
  screen.read(s, seen);
  const bool decided = seen.decided;
  const std::vector<std::uint32_t>& candidates = seen.alternatives;
  for (const std::uint32_t a : candidates) {
    const auto e = static_cast<int>(c_.set_entry(screen.words.entry_of(a)));
    if (std::find(present.begin(), present.end(), e) != present.end()) continue;  // (settled)
    // (A single word the screen found is a match: "truces?".)
    if (!(decided && screen.words.one_word(a))) {
      if (!screen.alternatives[a].search(s)) continue;
    }
    present.push_back(e);
  }
  if (present.size() <= 1) return present.size() == 1;
  // Two or more: in the order the set of all entries (compiled::mentions) would give them, which
  // orders the stances of two terms found at one place. The set itself is not built: compiling
  // it cost some 80 M instructions, and each search of it half a million.
  std::sort(present.begin(), present.end());
  static thread_local std::vector<std::pair<int, const lazy_re2*>> expressions;
  expressions.clear();
  for (const std::uint32_t a : candidates) {
    expressions.emplace_back(static_cast<int>(c_.set_entry(screen.words.entry_of(a))), &screen.alternatives[a]);
  }
  order_as_set(s, expressions, c_.mentions.patterns(), present);
  return true;
}

void labeller::collect() {
  for (const byte_range& span : q_.spans) {
    const std::string_view s = span.of(text_);
    // Most spans hold no term nor opposite: one quick pass that stops at the first says so.
    std::vector<int> present;
    static thread_local screened_text seen;
    if (!mentions_in(s, present, seen)) continue;
    const compiled_terms::mention_screen& screen = c_.screen();
    const auto opposites_from = std::stable_partition(present.begin(), present.end(), [&](int i) {
      return static_cast<std::size_t>(i) < c_.patterns.size();
    });
    const std::span<const int> terms(present.data(), static_cast<std::size_t>(opposites_from - present.begin()));
    std::vector<hit> found;
    for (const int t : terms) {
      found.clear();
      const auto term = static_cast<std::size_t>(t);
      find_all(screen, static_cast<std::uint32_t>(term), seen, s, span.begin, cue_class::neutral, found);
      for (const hit& h : found) terms_.push_back({term, h.begin, h.end, span.begin, span.end, false});
    }
    // Expressions that count only in some contexts ("withdrew" troops, not a proposal).
    for (std::size_t k = 0; k < c_.contexts.size(); ++k) {
      const auto& cx = c_.contexts[k];
      if (std::find(terms.begin(), terms.end(), static_cast<int>(cx.term)) == terms.end()) continue;
      found.clear();
      find_all(screen, c_.context_entry(k), seen, s, span.begin, cue_class::neutral, found);
      for (const hit& h : found) {
        if (context_holds(cx, h.begin, h.end)) terms_.push_back({cx.term, h.begin, h.end, span.begin, span.end, cx.opposite});
      }
    }
    // Expressions of a term's contrary ("continue fighting"): the reverse stance on the term.
    for (auto o = opposites_from; o != present.end(); ++o) {
      found.clear();
      const std::size_t term = static_cast<std::size_t>(*o) - c_.patterns.size();
      find_all(screen, static_cast<std::uint32_t>(c_.patterns.size() + term), seen, s, span.begin, cue_class::neutral,
               found);
      for (const hit& h : found) terms_.push_back({term, h.begin, h.end, span.begin, span.end, true});
    }
  }
  if (terms_.empty()) return;  // most quotes mention no term: skip the cue expressions
  // Cues count only within the sentence of a term: only those sentences are searched, and in
  // each only the lists that one pass of the set finds there.
  std::vector<byte_range> regions;
  const auto sentences = ctx_.doc.sentences();
  for (const term_hit& th : terms_) {
    const byte_range sentence = sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(th.begin))].range;
    regions.push_back({std::max(sentence.begin, th.span_begin), std::min(sentence.end, th.span_end)});
  }
  std::sort(regions.begin(), regions.end(), [](byte_range a, byte_range b) { return a.begin < b.begin; });
  std::vector<byte_range> merged;
  for (const byte_range r : regions) {
    if (!merged.empty() && r.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  constexpr std::array<cue_class, detail::compiled_terms::kCueLists> kClasses = {
      cue_class::support,  cue_class::oppose,  cue_class::support,  cue_class::oppose,
      cue_class::oppose,   cue_class::conditional, cue_class::neutral, cue_class::negation,
      cue_class::pseudo,   cue_class::pseudo,  cue_class::terminator};
  // (Searching a list the screen lets through that does not occur finds nothing.)
  static thread_local screened_text seen;
  const screened_lists& cue_screen = c_.cue_screen();
  for (const byte_range& region : merged) {
    const std::string_view s = region.of(text_);
    cue_screen.read(s, seen);
    for (const std::uint32_t i : seen.entries) {
      const std::size_t first = cues_.size();
      find_all(cue_screen, i, seen, s, region.begin, kClasses[i], cues_);
      for (std::size_t k = first; k < cues_.size(); ++k) {
        cues_[k].evaluative = i == 2 || i == 3;  // praise, condemn
        cues_[k].accusing = i == 4;              // undermine
        cues_[k].uncertain = i == 9;             // uncertain
      }
    }
  }
  std::sort(cues_.begin(), cues_.end(), [](const hit& a, const hit& b) { return a.begin < b.begin; });
  std::sort(terms_.begin(), terms_.end(), [](const term_hit& a, const term_hit& b) { return a.begin < b.begin; });
  // A quote with hundreds of terms or cues is a list or a dump, not speech: the first ones
  // decide, so that the pairwise passes below stay bounded and labelling linear in the text.
  if (terms_.size() > kMaxTermHits) terms_.resize(kMaxTermHits);
  if (cues_.size() > kMaxCueHits) cues_.resize(kMaxCueHits);
  keep_longest_predicates();
  // A terminator inside a pseudo-negation ("nothing but a truce") ends nothing.
  std::erase_if(cues_, [&](const hit& t) {
    return t.cls == cue_class::terminator && std::any_of(cues_.begin(), cues_.end(), [&](const hit& p) {
             return p.cls == cue_class::pseudo && p.begin <= t.begin && p.end >= t.end;
           });
  });
  // Overlapping expressions of different terms: the longer match wins ("peace talks" is
  // talks, not also a ceasefire).
  std::vector<term_hit> kept;
  for (const term_hit& t : terms_) {
    bool dominated = false;
    for (const term_hit& o : terms_) {
      if (&o == &t || (o.term == t.term && o.opposite == t.opposite)) continue;  // "ease sanctions" holds no "sanctions"
      if (o.begin <= t.begin && o.end >= t.end && (o.end - o.begin) > (t.end - t.begin)) dominated = true;
    }
    if (!dominated) kept.push_back(t);
  }
  terms_ = std::move(kept);
  // The attribution's own cue ("called for", "rejected"), unless it denies or disputes a
  // fact: "denied that a truce had been agreed" takes no position on the truce.
  const bool fact_clause = !q_.spans.empty() && q_.spans.front().begin >= 5 &&
                           text_.substr(q_.spans.front().begin - 5, 5) == "that ";
  if (q_.cue && q_.cue->kind == cue_kind::verb && !(fact_clause && (starts_with_ci(q_.cue->range.of(text_), "den") ||
                                                                     starts_with_ci(q_.cue->range.of(text_), "disput")))) {
    const std::string_view s = q_.cue->range.of(text_);
    cue_screen.read(s, seen);
    find_all(cue_screen, 0, seen, s, q_.cue->range.begin, cue_class::support, own_);
    find_all(cue_screen, 1, seen, s, q_.cue->range.begin, cue_class::oppose, own_);
    // The rest of the attribution between its verb and the content: "expressed hope that",
    // "voiced support for", "repeated demands for".
    const std::uint32_t content = q_.spans.front().begin;
    if (own_.empty() && q_.cue->range.end < content && words_between(text_, q_.cue->range.end, content) <= 4) {
      const std::string_view gap = text_.substr(q_.cue->range.end, content - q_.cue->range.end);
      if (gap.find_first_of(".;:") == std::string_view::npos) {
        cue_screen.read(gap, seen);
        find_all(cue_screen, 0, seen, gap, q_.cue->range.end, cue_class::support, own_);
        find_all(cue_screen, 1, seen, gap, q_.cue->range.end, cue_class::oppose, own_);
      }
    }
  }
  // Condition clauses.
  for (const hit& h : cues_) {
    if (h.cls != cue_class::conditional) continue;
    // "even if", "even when": a concession, not a condition.
    if (h.begin >= 5 && starts_with_ci(text_.substr(h.begin - 5, 5), "even ")) continue;
    // "build upon the truce": a word of a longer predicate.
    if (std::any_of(cues_.begin(), cues_.end(), [&](const hit& p) {
          return (p.cls == cue_class::support || p.cls == cue_class::oppose) && p.begin <= h.begin && p.end >= h.end &&
                 p.end - p.begin > h.end - h.begin;
        })) {
      continue;
    }
    condition_clause cc{h.begin, clause_end(h.end), false, false};
    const std::string_view cue = text_.substr(h.begin, h.end - h.begin);
    // "talks will only happen after …": the condition opens at its conjunction; the words
    // between belong to the main clause.
    if (starts_with_ci(cue, "only ")) {
      if (const std::size_t last = cue.rfind(' '); last != std::string_view::npos && last > 4) {
        cc.begin = h.begin + static_cast<std::uint32_t>(last + 1);
      }
    }
    // "if we can get aid in": the speaker's own side's aim, which it wants.
    const std::string_view after_cue = text_.substr(h.end, 4);
    cc.hypothetical = ((cue.size() == 2 && starts_with_ci(cue, "if")) || starts_with_ci(cue, "should")) &&
                      !starts_with_ci(after_cue, " we ") && !starts_with_ci(after_cue, " i ");
    // "before X", "as a precondition for X": X waits on the main clause.
    cc.prior = starts_with_ci(cue, "before") || starts_with_ci(cue, "as a precondition") ||
               starts_with_ci(cue, "as a condition");
    for (const hit& n : cues_) {
      if (n.cls == cue_class::negation && n.begin >= h.end && n.end <= cc.end) cc.negative = true;
    }
    const std::string_view c = cue;
    // "no talks before the prisoners are released" is "no talks until they are": the main
    // clause waits on the condition.
    if (starts_with_ci(c, "before") && std::any_of(cues_.begin(), cues_.end(), [&](const hit& n) {
          return n.cls == cue_class::negation && n.end <= h.begin && same_sentence(n.begin, h.begin) &&
                 words_between(text_, n.end, h.begin) <= 8;
        })) {
      cc.prior = false;
      cc.strong = true;
    }
    cc.negative = cc.negative || starts_with_ci(c, "unless") || ends_in_failure(h.end, cc.end);
    cc.strong = cc.strong || starts_with_ci(c, "unless") || starts_with_ci(c, "until") || starts_with_ci(c, "only") ||
                starts_with_ci(c, "as long as") || starts_with_ci(c, "so long as") || starts_with_ci(c, "provided") ||
                starts_with_ci(c, "on condition") || starts_with_ci(c, "in exchange") || starts_with_ci(c, "in return") ||
                starts_with_ci(c, "except") || starts_with_ci(c, "other than") || starts_with_ci(c, "under");
    cc.demand = cc.strong && !starts_with_ci(c, "in exchange") && !starts_with_ci(c, "in return") &&
                !starts_with_ci(c, "except") && !starts_with_ci(c, "other than") &&
                c.find("circumstances") == std::string_view::npos && c.find("conditions") == std::string_view::npos;
    conditions_.push_back(cc);
  }
  // "There will be no ceasefire that rewards aggression": a relative clause restricting a
  // negated term says what the term must not be, a condition.
  restrictive_conditions();
  // "First they must withdraw, then we can talk about a ceasefire": what follows "then" is
  // conditional on what precedes it.
  for (const byte_range& span : q_.spans) {
    const std::string_view sv = span.of(text_);
    for (std::size_t at = 0; (at = sv.find("irst ", at)) != std::string_view::npos; at += 5) {
      if (at == 0 || (sv[at - 1] != 'f' && sv[at - 1] != 'F') || (at >= 2 && std::isalpha(static_cast<unsigned char>(sv[at - 2])))) {
        continue;
      }
      const auto first_end = static_cast<std::uint32_t>(span.begin + at + 4);
      const std::uint32_t limit = clause_limit(first_end);
      const std::size_t then = text_.substr(first_end, limit - first_end).find("then ");
      if (then == std::string_view::npos) continue;
      const auto then_at = static_cast<std::uint32_t>(first_end + then);
      first_then_.push_back({then_at, limit});
    }
  }
  // "After a week of calm, our experts will meet": a sentence that opens with "after" and goes on
  // to a plan ("will", "would", "can") makes what comes first its condition.
  if (!terms_.empty()) after_conditions();
}

std::size_t labeller::precondition_term() const {
  for (std::size_t t = 0; t < c_.terms.size(); ++t) {
    if (c_.terms[t].id == "preconditions") return t;
  }
  return c_.terms.size();
}

void labeller::label(const term_hit& th, entity_id speaker, bool reported, std::vector<stance>& out) {
  const std::string& id = c_.terms[th.term].id;
  if (time_reference(th)) return;
  if (id == "prisoner_exchange" && capture(th)) return;
  const std::uint32_t begin = clause_begin(th);
  std::vector<byte_range> evidence{{th.begin, th.end}};
  note_context(&th, begin);
  if (event_time(th) || nested_report(th, begin)) {
    cur_.path = label_path::event_or_nested;
    add(out, th.term, stance_label::neutral, speaker, reported, std::move(evidence), std::nullopt);
    return;
  }
  // "It is not clear whether / if a truce will be signed": the term is asked about.
  for (const hit& h : cues_) {
    if (h.uncertain && h.end <= th.begin && same_sentence(h.begin, th.begin)) {
      evidence.push_back({h.begin, h.end});
      cur_.path = label_path::uncertain;
      add(out, th.term, stance_label::neutral, speaker, reported, std::move(evidence), std::nullopt);
      return;
    }
  }

  // "even if they seek talks": a concession, which takes no position on what it concedes.
  for (const hit& h : cues_) {
    if (h.cls == cue_class::conditional && h.end <= th.begin && h.begin >= begin + 5 &&
        starts_with_ci(text_.substr(h.begin - 5, 5), "even ") && same_sentence(h.begin, th.begin)) {
      cur_.path = label_path::concession;
      add(out, th.term, stance_label::neutral, speaker, reported, std::move(evidence), std::nullopt);
      return;
    }
  }
  // Negation: a trigger within five words before the term.
  bool negated = false;
  bool required = false;
  for (const hit& h : cues_) {
    if (h.cls != cue_class::negation || h.begin < begin || h.end > th.begin) continue;
    if (words_between(text_, h.end, th.begin) > 5) continue;
    const bool pseudo = std::any_of(cues_.begin(), cues_.end(), [&](const hit& p) {
      return p.cls == cue_class::pseudo && p.begin <= h.begin && p.end >= h.end;
    });
    if (pseudo) continue;
    negated = true;
    evidence.push_back({h.begin, h.end});
    // "We will not sign anything without a withdrawal": what the negated act cannot do without
    // is demanded.
    if (starts_with_ci(text_.substr(h.begin, h.end - h.begin), "without")) {
      for (const hit& n : cues_) {
        if (n.cls == cue_class::negation && n.begin >= begin && n.end <= h.begin && &n != &h &&
            words_between(text_, n.end, h.begin) <= 8) {
          required = true;
        }
      }
    }
  }
  if (required) negated = false;
  // A condemned kind of the term ("a wasted meeting", "a bad deal") under another predicate:
  // that predicate governs the term, and the evaluation restricts it.
  const hit* kind = nullptr;
  {
    bool ignored = false;
    const hit* g = governor(th, begin, ignored);
    const bool adjacent = g != nullptr && g->evaluative && g->end <= th.begin && words_between(text_, g->end, th.begin) == 0;
    if (!adjacent) {
      g = nullptr;
      for (const hit& h : cues_) {  // inside the expression: "a bad deal"
        if (h.evaluative && h.cls == cue_class::oppose && h.begin > th.begin && h.end < th.end) g = &h;
      }
    }
    if (g != nullptr && g->evaluative && g->cls == cue_class::oppose && outer_governor(*g, begin) != g) kind = g;
  }
  // A negation inside an expression that spans a clause ("our troops will not leave").
  if (!negated) {
    const std::string_view inner = text_.substr(th.begin, th.end - th.begin);
    for (const std::string_view n : {" not ", " never ", "n't ", "n\xE2\x80\x99t "}) {
      if (inner.find(n) != std::string_view::npos) negated = true;
    }
  }
  // The predicate that governs the term (predicates.cpp).
  bool negated_after = false;
  const hit* nearest = kind != nullptr ? outer_governor(*kind, begin) : governor(th, begin, negated_after);
  // "call for an immediate truce", "rejected a swift deal": praise right before the term
  // qualifies it, and a predicate before it governs the phrase.
  if (kind == nullptr && nearest != nullptr && nearest->evaluative && nearest->cls == cue_class::support &&
      nearest->end <= th.begin &&
      std::any_of(terms_.begin(), terms_.end(), [&](const term_hit& o) {  // this term's or one before it
        return o.begin >= nearest->end && o.end <= th.end && words_between(text_, nearest->end, o.begin) == 0;
      })) {
    // (With no predicate before it in the clause, the attribution's own cue governs the phrase:
    // "X called for an immediate ceasefire without preconditions".)
    const hit* outer = outer_governor(*nearest, begin);
    nearest = outer == nearest && !own_.empty() ? nullptr : outer;
  }
  const bool neutral_governor = nearest != nullptr && nearest->cls == cue_class::neutral;
  if (nearest != nullptr) {
    using g = label_decision::governor;
    cur_.gov = nearest->cls == cue_class::neutral ? g::neutral
               : nearest->accusing                ? g::undermine
               : nearest->evaluative              ? (nearest->cls == cue_class::support ? g::praise : g::condemn)
               : nearest->cls == cue_class::support ? g::support
                                                    : g::oppose;
    cur_.gov_after = nearest->begin >= th.end;
    cur_.gov_range = {nearest->begin, nearest->end};
    cur_.gov_words = cur_.gov_after ? words_between(text_, th.end, nearest->begin) : words_between(text_, nearest->end, th.begin);
  }
  const bool only_restricted = nearest != nullptr && nearest->cls == cue_class::support && nearest->end <= th.begin &&
                               ((nearest->begin >= 5 && starts_with_ci(text_.substr(nearest->begin - 5, 5), "only ")) ||
                                (text_.substr(nearest->begin, nearest->end - nearest->begin).find(" only ") != std::string_view::npos &&
                                 (starts_with_ci(text_.substr(nearest->begin), "will") || starts_with_ci(text_.substr(nearest->begin), "would") ||
                                  starts_with_ci(text_.substr(nearest->begin), "shall"))));
  if (neutral_governor) nearest = nullptr;  // reported or predicted
  // "No meetings have been scheduled", "I never expected to meet you here": the negation is of
  // the report or the prediction, not a refusal of the term.
  if (neutral_governor && negated) negated = false;
  if (nearest != nullptr && nearest->begin >= th.end) {
    // A predicate after the term: only a negation between them counts ("talks were not
    // productive"); one before the term negates the term itself.
    negated = negated_after;
    if (negated) evidence.push_back({th.end, nearest->begin});
  }
  // Opposing an opposition supports: "criticized the rejection of the ceasefire".
  bool double_oppose = false;
  // So does rejecting a condemnation: "rejected the notion that the talks are doomed".
  // (A proposition, "that …", not an object described: "denounced the truce as a farce".)
  const bool proposition = text_.substr(th.span_begin, th.begin - th.span_begin).find("that ") != std::string_view::npos;
  const hit* opposer = nullptr;  // what opposes the opposition
  if (nearest != nullptr && nearest->cls == cue_class::oppose &&
      (nearest->end <= th.begin || (nearest->evaluative && proposition))) {
    if (!own_.empty() && own_.front().cls == cue_class::oppose) opposer = &own_.front();
    // So does condemning it: "it would be a mistake to reject the talks", "wrong to rule out".
    for (const hit& h : cues_) {
      if (opposer == nullptr && !nearest->evaluative && h.evaluative && h.cls == cue_class::oppose &&
          h.begin >= begin && h.end <= nearest->begin && words_between(text_, h.end, nearest->begin) <= 3) {
        opposer = &h;
      }
    }
    double_oppose = opposer != nullptr;
  }
  // A cue that contains the negation ("not ready") already counts it.
  if (nearest != nullptr && negated && nearest->end <= th.begin) {
    bool outside = false;
    for (const hit& h : cues_) {
      if (h.cls != cue_class::negation || h.begin < begin || h.end > th.begin) continue;
      if (words_between(text_, h.end, th.begin) > 5) continue;
      // Oppose cues hold their negation ("not ready", "no intention"); in any other cue it
      // negates ("is not ready to", "not productive").
      // A negation of another verb before a governing noun ("have not met our precondition to
      // withdraw"): the noun is still the speaker's demand.
      if (h.end <= nearest->begin && determiner_between(h.end, nearest->begin)) continue;
      if (!(h.begin >= nearest->begin && h.end <= nearest->end) || nearest->cls != cue_class::oppose) outside = true;
    }
    negated = outside;
  }
  // A negated evaluation reports an outcome ("the talks were not productive", "no real
  // progress in the talks"): no position.
  // An evaluation before the term is negated by a trigger right before it ("no real
  // progress in the talks"), however far the term.
  if (nearest != nullptr && nearest->evaluative && nearest->end <= th.begin && !negated) {
    for (const hit& h : cues_) {
      if (h.cls == cue_class::negation && h.begin >= begin && h.end <= nearest->begin &&
          words_between(text_, h.end, nearest->begin) <= 1) {
        negated = true;
      }
    }
  }
  const bool negated_evaluation = nearest != nullptr && nearest->evaluative && negated;
  if (negated_evaluation) {
    nearest = nullptr;
    negated = false;
    double_oppose = false;
  }
  // "They are trying to derail the talks": the speaker accuses another agent, and so supports
  // the term that agent works against.
  const bool accused = nearest != nullptr && nearest->accusing && !negated && !double_oppose && !media_speaker_ &&
                       accuses_other(*nearest, begin);
  cur_.negated = negated;
  cur_.negated_evaluation = negated_evaluation;
  cur_.required = required;
  cur_.double_oppose = double_oppose;
  cur_.restricted_kind = kind != nullptr;
  cur_.only_restricted = only_restricted;
  cur_.path = neutral_governor     ? label_path::neutral_governor
              : negated_evaluation ? label_path::negated_evaluation
              : negated            ? label_path::negation_only
                                   : label_path::none;
  cue_class base = cue_class::neutral;
  if (required) {
    base = cue_class::support;
    cur_.path = label_path::required;
  } else if (double_oppose) {
    cur_.path = label_path::double_oppose;
    base = cue_class::support;
    evidence.push_back({nearest->begin, nearest->end});
    evidence.push_back({opposer->begin, opposer->end});
    nearest = nullptr;
  } else if (nearest != nullptr) {
    base = nearest->cls;
    evidence.push_back({nearest->begin, nearest->end});
    cur_.path = nearest->begin >= th.end ? label_path::governor_after : label_path::governor_before;
  } else if (const hit* own_verb = leading_predicate(th); own_verb != nullptr && !negated) {
    // A term expression that starts with its own predicate ("invited them to talks").
    base = own_verb->cls;
    evidence.push_back({own_verb->begin, own_verb->end});
    cur_.path = label_path::leading_predicate;
  } else if (!negated && own_side_commits(clause_start(th.begin, th.span_begin), th.begin)) {
    base = cue_class::support;  // "the Afghan government will engage …", said by that government
    cur_.path = label_path::own_side_commits;
  } else if (deontic(th)) {
    base = cue_class::support;  // "the bloodshed has to stop": the speaker demands it
    cur_.path = label_path::deontic;
  } else if (!own_.empty() && governed_by_cue(th) && !neutral_governor && !negated_evaluation) {
    base = own_.front().cls;
    evidence.push_back({own_.front().begin, own_.front().end});
    cur_.path = label_path::own_cue;
  }
  cur_.governed_by_cue = governed_by_cue(th);

  // Conditions.
  const condition_clause* inside = nullptr;
  const condition_clause* governing = nullptr;
  for (const condition_clause& cc : conditions_) {
    if (th.begin >= cc.begin && th.end <= cc.end) {
      inside = &cc;
    } else if (same_sentence(cc.begin, th.begin)) {
      governing = &cc;
    }
  }
  if (inside != nullptr) cur_.condition_range = {inside->begin, inside->end};
  else if (governing != nullptr) cur_.condition_range = {governing->begin, governing->end};
  if (inside != nullptr) {
    cur_.inside_condition = true;
    cur_.inside_prior = inside->prior;
    cur_.inside_hypothetical = inside->hypothetical;
    cur_.inside_negative = inside->negative;
  }
  cur_.governing_condition = governing != nullptr && !governing->prior;
  cur_.governing_strong = cur_.governing_condition && governing->strong;

  const std::string_view surface = text_.substr(th.begin, th.end - th.begin);
  stance_label label = stance_label::neutral;
  std::optional<byte_range> condition;
  if (id == "preconditions") {
    cur_.path = label_path::preconditions;
    // A condition set on talks or a truce, named by its cue ("no talks unless …", "not … without
    // a truce", "not … under fire"): the speaker demands it, however the main clause is negated.
    const bool condition_cue = (inside != nullptr && !inside->prior && inside->begin == th.begin) ||
                               (surface.size() == 7 && starts_with_ci(surface, "without")) ||
                               starts_with_ci(surface, "under fire");
    // "They have not met our precondition": the negation is of meeting it, and the condition
    // stands (a determiner between the negation and the term shows another verb).
    bool negated_condition = negated;
    for (const hit& h : cues_) {
      if (negated && h.cls == cue_class::negation && h.end <= th.begin && h.begin >= begin &&
          words_between(text_, h.end, th.begin) <= 5 && determiner_between(h.end, th.begin)) {
        negated_condition = false;
      }
    }
    const bool none = !condition_cue && (starts_with_ci(surface, "uncondition") || starts_with_ci(surface, "without") ||
                                         negated_condition);
    // "confirm an unconditional ceasefire before any talks": the unconditional ceasefire is
    // itself demanded before the talks, a precondition.
    const bool demanded_first =
        starts_with_ci(surface, "uncondition") && std::any_of(conditions_.begin(), conditions_.end(), [&](const condition_clause& cc) {
          return cc.prior && cc.begin >= th.end && same_sentence(th.begin, cc.begin) && starts_with_ci(text_.substr(cc.begin), "before");
        });
    if (demanded_first) {
      label = stance_label::support;
    } else if (none) {
      label = stance_label::oppose;
    } else if (condition_cue || (inside != nullptr && !inside->prior) || (negated && !negated_condition)) {
      label = stance_label::support;  // "as a precondition for"
    } else if (base == cue_class::support) {
      label = stance_label::support;
    } else if (base == cue_class::oppose) {
      label = stance_label::oppose;
    }
  } else if (inside != nullptr) {
    cur_.path = label_path::condition_inside;
    condition = byte_range{inside->begin, inside->end};
    evidence.push_back(*condition);
    // "before any talks", "pending talks": the term waits on something else. Otherwise the
    // term is what the speaker demands: "upon the release of hostages", "should a ceasefire
    // not be achieved".
    label = inside->prior || (inside->hypothetical && !inside->negative) ? stance_label::conditional
                                                                          : stance_label::support;
  } else {
    // "X without Y" where Y is another term.
    const term_hit* after_without = nullptr;
    for (const hit& h : cues_) {
      if (h.cls != cue_class::negation || h.begin < th.end || words_between(text_, th.end, h.begin) > 1) continue;
      if (!starts_with_ci(text_.substr(h.begin, h.end - h.begin), "without")) continue;
      for (const term_hit& o : terms_) {
        if (o.term != th.term && o.begin > h.end && words_between(text_, h.end, o.begin) <= 3) after_without = &o;
      }
    }
    if (base == cue_class::support) {
      label = negated ? stance_label::oppose : stance_label::support;
    } else if (base == cue_class::oppose) {
      label = negated ? stance_label::support : stance_label::oppose;
    } else if (negated) {
      label = stance_label::oppose;
    }
    // "we reject a truce without a withdrawal", "we will not start talks without a truce".
    if (label == stance_label::oppose && after_without != nullptr &&
        c_.terms[after_without->term].id != "preconditions") {
      label = stance_label::conditional;
      without_demand_ = true;
      demand_evidence_ = {after_without->begin, after_without->end};
    }
    // "no talks unless …", "we reject a truce until …": a strong condition binds even a negated
    // or rejected term.
    if (governing != nullptr && !governing->prior &&
        (label != stance_label::oppose || governing->strong)) {
      label = stance_label::conditional;
      cur_.path = label_path::condition_governs;
      condition = byte_range{governing->begin, governing->end};
      evidence.push_back(*condition);
      // "no talks until the shelling stops": the speaker demands something first.
      // Only a ceasefire or talks have preconditions; "fight until victory" or "sanctions until a
      // deal" are conditions on other goals.
      if (governing->demand && !th.opposite && (id == "ceasefire" || id == "talks")) {
        without_demand_ = true;
        demand_evidence_ = *condition;
      }
    }
    for (const byte_range& then : first_then_) {
      if (th.begin >= then.begin && th.end <= then.end && label != stance_label::oppose) {
        label = stance_label::conditional;
        condition = then;
        cur_.path = label_path::first_then;
        cur_.first_then = true;
      }
    }
  }
  // "We would only take part in talks that …": the term, only of that kind.
  if (label == stance_label::support && only_restricted) label = stance_label::conditional;
  // "We need peace. But we will never accept …": wanting the term and refusing its terms.
  // (A truce or peace: what a side wants and bargains over at once.)
  if (label == stance_label::support && !th.opposite && id == "ceasefire" && refused_after(th)) {
    label = stance_label::conditional;
    cur_.refused_after = true;
  }
  // "This is not a real ceasefire": the speaker wants the term, but of another kind.
  if (label == stance_label::oppose && negated && !th.opposite && qualified_kind(th)) {
    label = stance_label::conditional;
    cur_.qualified_kind = true;
  }
  // "We don't want a wasted meeting", "we reject a bad deal": the term, but not of that kind.
  if (kind != nullptr && label == stance_label::oppose && !th.opposite) {
    label = stance_label::conditional;
    condition = byte_range{kind->begin, kind->end};
    evidence.push_back(*condition);
  }
  if (th.opposite) {
    // A position on the contrary is the reverse position on the term; a plain mention of
    // it ("fighting continued") says nothing about the term.
    // Opposites are written as intentions ("will fight on", "commitment to fighting"), so on
    // their own they oppose the term; a cue that rejects them supports it.
    if (label == stance_label::neutral || label == stance_label::support) {
      label = stance_label::oppose;
    } else if (label == stance_label::oppose) {
      label = stance_label::support;
    }
  }
  cur_.opposite = th.opposite;
  add(out, th.term, label, speaker, reported, std::move(evidence), condition,
      accused && label == (th.opposite ? stance_label::support : stance_label::oppose));
}

void labeller::add(std::vector<stance>& out, std::size_t term, stance_label label, entity_id speaker, bool reported,
         std::vector<byte_range> evidence, std::optional<byte_range> condition, bool accused) {
  if (term >= c_.terms.size()) return;
  const std::string& id = c_.terms[term].id;
  const float confidence = label == stance_label::neutral ? 0.5F : (evidence.size() > 1 ? 0.8F : 0.6F);
  // The speaker's own stance: neutral when reporting another party's position, the reverse of
  // the position they accuse another agent of ("Russia is sabotaging the talks").
  stance_label own = reported || describes_only() ? stance_label::neutral : label;
  if (accused && !describes_only()) own = label == stance_label::oppose ? stance_label::support : stance_label::oppose;
  cur_.rule = own;
  cur_.content = label;
  cur_.reported = reported;
  cur_.media_outlet = media_outlet_;
  cur_.accused = accused;
  cur_.term = static_cast<std::uint32_t>(term);
  cur_.term_id = id;
  const std::size_t changed = merge(out, id, own, speaker, false, evidence, reported ? std::nullopt : condition, confidence);
  if (decisions_.size() < out.size()) decisions_.resize(out.size());
  if (changed < out.size()) decisions_[changed] = cur_;
  mentions_.emplace_back(cur_.term, own);
  if (reported && report_party_ && label != stance_label::neutral) {
    merge(out, id, label, no_entity, true, evidence, condition, confidence);
  }
}

std::size_t labeller::merge(std::vector<stance>& out, const std::string& id, stance_label label, entity_id holder,
                  bool reported, const std::vector<byte_range>& evidence, std::optional<byte_range> condition,
                  float confidence) {
  auto existing = std::find_if(out.begin(), out.end(), [&](const stance& st) {
    return st.term == id && st.reported == reported;
  });
  if (existing != out.end()) {
    // One stance per term: a decided label replaces a neutral one.
    if (existing->label == stance_label::neutral && label != stance_label::neutral) {
      existing->label = label;
      existing->evidence = evidence;
      existing->condition = condition;
      existing->confidence = confidence;
      return static_cast<std::size_t>(existing - out.begin());
    }
    return SIZE_MAX;
  }
  stance st;
  st.term = id;
  st.label = label;
  st.confidence = confidence;
  st.evidence = evidence;
  st.condition = label == stance_label::conditional ? condition : std::nullopt;
  st.holder = holder;
  st.reported = reported;
  out.push_back(std::move(st));
  return out.size() - 1;
}

void labeller::restrictive_conditions() {
  for (const term_hit& th : terms_) {
    const std::uint32_t limit = clause_limit(th.end);
    std::uint32_t at = th.end;
    while (at < limit && (text_[at] == ' ' || text_[at] == '\n')) ++at;
    const std::string_view rest = text_.substr(at, limit - at);
    if (!(rest.starts_with("that ") || rest.starts_with("which "))) continue;
    const bool negated = std::any_of(cues_.begin(), cues_.end(), [&](const hit& h) {
      return h.cls == cue_class::negation && h.end <= th.begin && h.begin + 2 == h.end &&
             starts_with_ci(text_.substr(h.begin, 2), "no") && words_between(text_, h.end, th.begin) <= 2;
    });
    if (negated) conditions_.push_back({at, clause_end(at), false, true, true});
  }
}

}  // namespace sayso::detail::stance_internal

namespace sayso::detail {

void label_stances(const stance_context& ctx, const detail::compiled_terms& terms, const attributed_quote& q,
                   entity_id speaker, std::vector<stance>& out, std::optional<reported_party>& party) {
  stance_internal::labeller(ctx, terms, q).run(speaker, out, party);
}

}  // namespace sayso::detail
