// Stance: the predicate that governs a term mention, and the attitude toward it that the
// predicate expresses for its holder (the lists are data: lib/lexicons/stance.toml).
//
// Without a parser, government is read from word order within the term's clause:
//  - before the term: the nearest predicate decides. A neutral predicate (reporting, scheduling,
//    predicting) keeps the term neutral, unless a support or oppose predicate governs that
//    predicate in turn ("ready to discuss a truce", "refused to discuss a truce");
//  - after the term, when nothing before it decides: an evaluation said of it ("the talks were
//    productive", "a truce now would be a betrayal"), a passive ("talks were rejected"), a
//    deontic modal ("talks must resume"), an evaluation after "as" ("viewed the front line as
//    the only basis"); a reporting or predicting predicate ("talks will resume") keeps it
//    neutral. A relative pronoun, another term or the clause's end stops the search.
#include "stance/labeller_impl.hpp"

#include <algorithm>
#include <array>

namespace sayso::detail::stance_internal {

namespace {

bool is_predicate(const hit& h) {
  return h.cls == cue_class::support || h.cls == cue_class::oppose || h.cls == cue_class::neutral;
}

// Is `w` (a word of the gap between a term and a predicate after it) one that lets the
// predicate be said of the term? Auxiliaries, copulas, modals, negations and adverbs do.
bool linking_word(std::string_view w) {
  static constexpr std::string_view kLinks[] = {
      "is",       "are",     "was",     "were",     "be",        "been",    "being",    "has",
      "have",     "had",     "will",    "would",    "shall",     "should",  "can",      "could",
      "may",      "might",   "must",    "to",       "not",       "never",   "no",       "n't",
      "now",      "so",      "very",    "still",    "also",      "already", "seem",     "seems",
      "seemed",   "prove",   "proved",  "proven",   "remain",    "remains", "remained", "become",
      "became",   "becomes", "as",      "truly",    "really",    "simply",  "clearly",  "deeply",
      "entirely", "largely", "quite",   "highly",   "extremely", "both",    "all",      "a",
      "an",       "the",     "just",    "only",     "cannot",    "won't",   "can't",    "isn't",
      "aren't",   "wasn't",  "weren't", "wouldn't", "shouldn't", "mustn't", "needs",    "need",
      "ought",    "got",     "get",     "yet"};
  for (const std::string_view l : kLinks) {
    if (w.size() == l.size() && std::equal(w.begin(), w.end(), l.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? static_cast<char>(a + 32) : a) == b;
        })) {
      return true;
    }
  }
  return false;
}

bool only_space(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '-'; });
}

bool is_negation_word(std::string_view w) {
  return w == "not" || w == "never" || w == "no" || w == "cannot" || w.ends_with("n't") ||
         w.ends_with("n\xE2\x80\x99t");
}

}  // namespace

void labeller::keep_longest_predicates() {
  // cues_ is sorted by start; a predicate inside a longer one of any predicate class is dropped.
  std::vector<hit> kept;
  kept.reserve(cues_.size());
  for (std::size_t i = 0; i < cues_.size(); ++i) {
    const hit& h = cues_[i];
    bool inside = false;
    if (is_predicate(h)) {
      for (std::size_t j = 0; j < cues_.size() && !inside; ++j) {
        const hit& o = cues_[j];
        if (j == i || !is_predicate(o) || o.begin > h.begin) continue;
        inside = o.begin <= h.begin && o.end >= h.end && (o.end - o.begin) > (h.end - h.begin);
      }
    }
    if (!inside) kept.push_back(h);
  }
  cues_ = std::move(kept);
}

const hit* labeller::governor_before(const term_hit& th, std::uint32_t begin) const {
  const hit* nearest = nullptr;
  for (const hit& h : cues_) {
    if (h.begin < begin || h.end > th.begin) continue;
    // A passive ("will be released", "will be there") is said of its subject, before it.
    if (text_.substr(h.begin, h.end - h.begin).find(" be ") != std::string_view::npos) continue;
    // ... and so is a bare modal before one that takes "as" ("Lebanon should not be used as a
    // chip in talks"; not "must be able to return", "must be allowed to return").
    if (h.cls == cue_class::support && (starts_with_ci(text_.substr(h.begin), "should") || starts_with_ci(text_.substr(h.begin), "must")) &&
        h.end - h.begin <= 6) {
      std::string_view next = text_.substr(h.end, th.begin - h.end);
      while (!next.empty() && next.front() == ' ') next.remove_prefix(1);
      if (starts_with_ci(next, "not ")) next.remove_prefix(4);
      if (starts_with_ci(next, "be ") && next.find(" as ") != std::string_view::npos) continue;
    }
    if (is_predicate(h) && words_between(text_, h.end, th.begin) <= 12) nearest = &h;
  }
  // "to find mediators who have authority to negotiate": a relative clause of its own, which
  // the predicate before it does not govern.
  // (An opposite, "which would cause a resumption of war", stays with the predicate: the
  // relative clause is its cause, and preventing it prevents the war.)
  if (nearest != nullptr && !th.opposite) {
    const auto tokens = ctx_.doc.tokens();
    for (std::uint32_t t = ctx_.doc.token_at(nearest->end); t < tokens.size() && tokens[t].range.end <= th.begin; ++t) {
      if (tokens[t].range.begin < nearest->end || tokens[t].kind != token_kind::word) continue;
      const std::string_view w = tokens[t].range.of(text_);
      if ((ctx_.info[t].classes & wc_relative) != 0 && (w == "who" || w == "which" || w == "whom")) return nullptr;
    }
  }
  // A support predicate governed by an oppose one right before it: the refusal governs the
  // chain ("refused to accept a truce", "rejected calls for talks", "little incentive to agree to").
  if (nearest != nullptr && nearest->cls == cue_class::support && !nearest->evaluative) {
    for (const hit& h : cues_) {
      if (h.begin < begin || h.end > nearest->begin || h.cls != cue_class::oppose || h.evaluative) continue;
      if (words_between(text_, h.end, nearest->begin) <= 1) return &h;
    }
  }
  if (nearest == nullptr || nearest->cls != cue_class::neutral) return nearest;
  // A background ("despite the truce", "amid talks", "according to the mediators") is no
  // predicate another one can govern: "aid is needed amid the truce" wants the aid only.
  const std::string_view n = text_.substr(nearest->begin, nearest->end - nearest->begin);
  for (const std::string_view p : {"despite", "in ", "amid", "according", "during"}) {
    if (starts_with_ci(n, p)) return nearest;
  }
  // A neutral predicate governed by a support or oppose one: "ready to discuss", "refused to
  // discuss".
  for (const hit& h : cues_) {
    if (h.begin < begin || h.end > nearest->begin ||
        (h.cls != cue_class::support && h.cls != cue_class::oppose))
      continue;
    if (words_between(text_, h.end, nearest->begin) <= 1) return &h;
  }
  return nearest;
}

bool labeller::noun_after_determiner(const hit& h) const {
  const auto tokens = ctx_.doc.tokens();
  std::uint32_t t = ctx_.doc.token_at(h.begin);
  while (t > 0) {
    --t;
    if (tokens[t].kind == token_kind::space) continue;
    return tokens[t].kind == token_kind::word && determiner_between(tokens[t].range.begin, tokens[t].range.end);
  }
  return false;
}

bool labeller::copula_follows(std::uint32_t at) const {
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t t = ctx_.doc.token_at(at); t < tokens.size(); ++t) {
    if (tokens[t].range.begin < at || tokens[t].kind == token_kind::space) continue;
    if (tokens[t].kind != token_kind::word) return false;
    const std::string_view w = tokens[t].range.of(text_);
    for (const std::string_view c : {"is", "are", "was", "were", "would", "will", "must", "should", "remains", "seems"}) {
      if (w.size() == c.size() && starts_with_ci(w, c)) return true;
    }
    return false;
  }
  return false;
}

const hit* labeller::governor_after(const term_hit& th, bool& negated) const {
  const auto tokens = ctx_.doc.tokens();
  const std::uint32_t limit = clause_end(th.end);
  const hit* next = nullptr;
  std::uint32_t phrase_end = th.end;  // the term's noun phrase, with a noun cue that heads it
  for (const hit& h : cues_) {
    if (h.begin < th.end || h.begin >= limit || !is_predicate(h)) continue;
    // A support or oppose noun right after the term that heads its phrase ("the ceasefire offer
    // is a trap", "the truce proposal was welcomed"): what is said of the phrase comes next.
    if (h.cls != cue_class::neutral && !h.evaluative && only_space(text_.substr(phrase_end, h.begin - phrase_end)) &&
        copula_follows(h.end)) {
      phrase_end = h.end;
      continue;
    }
    next = &h;
    break;
  }
  if (next == nullptr) return nullptr;
  for (const term_hit& o : terms_) {
    if (o.begin >= th.end && o.begin < next->begin) return nullptr;  // another term stands between
  }
  // The gap: up to three words continuing the term's noun phrase ("talks between the two
  // sides"), then linking words only (auxiliaries, copulas, modals, negation, adverbs).
  bool copula = false;
  bool modal = false;
  bool as = false;
  bool predictive = false;  // "a truce may be announced": a prediction, not a position
  const std::string_view next_cue = text_.substr(next->begin, next->end - next->begin);
  const bool deontic_next = starts_with_ci(next_cue, "must") || starts_with_ci(next_cue, "has to") ||
                            starts_with_ci(next_cue, "have to") || starts_with_ci(next_cue, "need");
  std::uint32_t words = 0;
  std::uint32_t tail = 0;  // words of the noun phrase's tail
  for (std::uint32_t t = ctx_.doc.token_at(th.end);
       t < tokens.size() && tokens[t].range.begin < next->begin; ++t) {
    const token& tok = tokens[t];
    if (tok.range.end <= th.end || tok.kind == token_kind::space) continue;
    if (tok.kind != token_kind::word) {
      if (tok.kind == token_kind::quotation_mark) continue;
      return nullptr;  // punctuation: another clause
    }
    const std::string_view w = tok.range.of(text_);
    if (++words > (deontic_next ? 9U : 6U)) return nullptr;
    if ((ctx_.info[t].classes & wc_relative) != 0 && !linking_word(w))
      return nullptr;  // "which", "who"
    // An adverb ("badly needed", "urgently required") links as well.
    const bool adverb = w.size() > 4 && w.ends_with("ly") && w.front() >= 'a' && w.front() <= 'z';
    if (linking_word(w) || adverb) {
      if (is_negation_word(w)) negated = true;
      const std::string_view lw = w;
      copula = copula || lw == "is" || lw == "are" || lw == "was" || lw == "were" || lw == "be" ||
               lw == "been" || lw == "being" || lw == "remain" || lw == "remains" || lw == "seem" ||
               lw == "seems" || lw == "prove" || lw == "proved" || starts_with_ci(lw, "isn") ||
               starts_with_ci(lw, "aren") || starts_with_ci(lw, "wasn") ||
               starts_with_ci(lw, "weren");
      modal =
          modal || lw == "must" || lw == "should" || lw == "need" || lw == "needs" || lw == "ought";
      // Possibility, not plans: "a truce may be announced" predicts, "a truce will be signed"
      // (by the speaker's side, often) announces.
      predictive = predictive || lw == "may" || lw == "might" || lw == "could";
      as = as || lw == "as";
      continue;
    }
    // A word of the term's noun phrase, before any linking word; a deontic may follow a longer
    // one ("solutions for the region and its people must be found").
    if (copula || modal || as || ++tail > (deontic_next ? 6U : 3U)) return nullptr;
  }
  if (next->cls == cue_class::neutral) return next;
  // An evaluation said of the term takes a copula, a modal or "as" ("the talks were productive",
  // "saw the truce as a betrayal"); after words of another phrase without one it is a verb of
  // another clause ("relinquish the land they seized and surrender their weapons").
  // A small clause ("labelled the truce a farce") has only linking words between them.
  if (next->evaluative) return copula || modal || as || tail == 0 || starts_with_ci(text_.substr(next->begin), "is ") ||
                                       starts_with_ci(text_.substr(next->begin), "are ") ||
                                       starts_with_ci(text_.substr(next->begin), "was ") ||
                                       starts_with_ci(text_.substr(next->begin), "were ") ||
                                       starts_with_ci(text_.substr(next->begin), "would ") ||
                                       starts_with_ci(text_.substr(next->begin), "will ")
                                   ? next
                                   : nullptr;
  // A support or oppose verb after its object is passive ("talks were rejected") or deontic
  // ("the talks must resume"), or follows "as" ("saw the talks as a way out").
  const std::string_view cue = text_.substr(next->begin, next->end - next->begin);
  const bool deontic_cue = starts_with_ci(cue, "must") || starts_with_ci(cue, "need") ||
                           starts_with_ci(cue, "has to") || starts_with_ci(cue, "have to");
  // A commitment said of the term: "our delegation will be there".
  // Only verbs of taking part: "the truce will hold" is a prediction.
  const bool commitment =
      (starts_with_ci(cue, "will") || starts_with_ci(cue, "shall")) &&
      (cue.ends_with("there") || cue.ends_with("attend") || cue.ends_with("part") ||
       cue.ends_with("participate") || cue.ends_with("join") || cue.ends_with("down"));
  // A cue that holds its copula ("is needed", "are welcome").
  // A passive announcement: "the truce will be put in place", "crossings were to be opened".
  copula = copula || cue.find(" be ") != std::string_view::npos || starts_with_ci(cue, "being ");
  copula = copula || starts_with_ci(cue, "is ") || starts_with_ci(cue, "are ") ||
           starts_with_ci(cue, "was ") || starts_with_ci(cue, "were ");
  if (predictive && !modal) return nullptr;
  if (copula || modal || as || deontic_cue || (commitment && next->cls == cue_class::support))
    return next;
  return nullptr;
}

bool labeller::deontic(const term_hit& th) const {
  const std::string_view surface = text_.substr(th.begin, th.end - th.begin);
  for (const std::string_view m :
       {" must ", " has to ", " have to ", " need to ", " needs to ", " should ", " ought to "}) {
    if (surface.find(m) != std::string_view::npos) return true;
  }
  return false;
}

const hit* labeller::governor(const term_hit& th, std::uint32_t begin, bool& negated_after) const {
  const hit* before = governor_before(th, begin);
  bool negated = false;
  if (before != nullptr && before->cls != cue_class::neutral) {
    // A support noun whose object is the term ("their offer of talks", "the call for a truce"):
    // an evaluation said of the whole phrase after it decides ("… is a ploy").
    // (A rejection judged is a double negation, left to the rejection: "their rejection of the
    // truce is a mistake".)
    if (!before->evaluative && before->cls == cue_class::support && noun_after_determiner(*before)) {
      const hit* after = governor_after(th, negated);
      if (after != nullptr && after->evaluative) {
        negated_after = negated;
        return after;
      }
    }
    return before;
  }
  const hit* after = governor_after(th, negated);
  if (after != nullptr) {
    negated_after = negated;
    return after;
  }
  return before;
}

bool labeller::accuses_other(const hit& h, std::uint32_t begin) const {
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t t = ctx_.doc.token_at(begin);
       t < tokens.size() && tokens[t].range.end <= h.begin; ++t) {
    if (tokens[t].kind == token_kind::word && tokens[t].range.begin >= begin &&
        (ctx_.info[t].classes & (wc_we | wc_i)) != 0) {
      return false;
    }
  }
  return true;
}

const hit* labeller::outer_governor(const hit& evaluation, std::uint32_t begin) const {
  const hit* outer = &evaluation;
  for (const hit& h : cues_) {
    if (h.begin >= begin && h.end <= evaluation.begin &&
        (h.cls == cue_class::support || h.cls == cue_class::oppose) && !h.evaluative &&
        words_between(text_, h.end, evaluation.begin) <= 6) {
      outer = &h;
    }
  }
  return outer;
}

void labeller::label_evaluated_object(entity_id speaker, std::vector<stance>& out) {
  // How long a content may be to be an evaluation of something outside it.
  constexpr std::uint32_t kMaxEvaluationWords = 12;
  if (q_.spans.empty()) return;
  // Most quotes are long: spans of more than this many bytes hold more words.
  for (const byte_range& span : q_.spans) {
    if (span.end - span.begin > 12 * kMaxEvaluationWords) return;
  }
  // Nothing comes of it without an evaluation (praise or condemn): most contents can hold none.
  // (The stance lists' screen: entries 2 and 3, praise and condemn; 7, negation.)
  const screened_lists& cue_screen = c_.cue_screen();
  static thread_local screened_text seen;
  if (std::none_of(q_.spans.begin(), q_.spans.end(), [&](const byte_range& span) {
        cue_screen.read(span.of(text_), seen);
        return std::any_of(seen.entries.begin(), seen.entries.end(), [](std::uint32_t e) { return e == 2 || e == 3; });
      })) {
    return;
  }
  std::uint32_t words = 0;
  for (const byte_range& span : q_.spans) words += words_between(text_, span.begin, span.end);
  if (words > kMaxEvaluationWords) return;
  std::vector<hit> found;
  for (const byte_range& span : q_.spans) {
    const std::string_view s = span.of(text_);
    cue_screen.read(s, seen);
    find_all(cue_screen, 2, seen, s, span.begin, cue_class::support, found);
    find_all(cue_screen, 3, seen, s, span.begin, cue_class::oppose, found);
    find_all(cue_screen, 7, seen, s, span.begin, cue_class::negation, found);
  }
  if (found.empty()) return;
  const auto evaluation = std::find_if(found.begin(), found.end(),
                                       [](const hit& h) { return h.cls != cue_class::negation; });
  if (evaluation == found.end() || std::any_of(found.begin(), found.end(), [](const hit& h) {
        return h.cls == cue_class::negation;
      })) {
    return;  // "not productive" reports an outcome
  }
  // A comparison that lessens it is no evaluation: "the place is less important than the substance".
  {
    const std::string_view lead = text_.substr(evaluation->begin >= 6 ? evaluation->begin - 6 : 0,
                                               evaluation->begin >= 6 ? 6 : evaluation->begin);
    if (lead.ends_with("less ") || lead.ends_with("least ")) return;
  }
  // The terms of the sentence before the content: "the call with X was described as
  // “productive”".
  const std::uint32_t first = q_.spans.front().begin;
  const byte_range sentence =
      ctx_.doc.sentences()[ctx_.doc.sentence_of_token(ctx_.doc.token_at(first))].range;
  const stance_label label =
      evaluation->cls == cue_class::support ? stance_label::support : stance_label::oppose;
  const std::string_view before =
      sentence.begin < first ? text_.substr(sentence.begin, first - sentence.begin) : std::string_view();
  std::vector<int> present;
  if (before.empty() || !mentions_in(before, present, seen)) {
    // Nothing named before it in its sentence ("Trump called it “a great day”", "“Historic,”
    // she said"): the evaluation is of what the story is about, the term the document names
    // most often (at least kMinTopic times).
    // Not a forecast ("they will lead to a breakthrough").
    static const RE2 forecast(R"((?i)\b(?:will|would|could|may|might|'ll|if)\b)");
    const bool forecasts = std::any_of(q_.spans.begin(), q_.spans.end(), [&](const byte_range& span) {
      const std::string_view s = span.of(text_);
      return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), forecast);
    });
    // Nor an evaluation of something the content names ("the offer was a trap", "the strike as a
    // betrayal"): only of what a pronoun, a date or nothing at all stands for ("it was historic",
    // "Thursday “a great day”").
    bool named = false;
    const auto tokens = ctx_.doc.tokens();
    for (std::uint32_t t = ctx_.doc.token_at(first); t < tokens.size() && tokens[t].range.end <= evaluation->begin; ++t) {
      if (tokens[t].range.begin < first || tokens[t].kind != token_kind::word) continue;
      if (std::none_of(q_.spans.begin(), q_.spans.end(), [&](const byte_range& span) {
            return tokens[t].range.begin >= span.begin && tokens[t].range.end <= span.end;
          })) {
        continue;  // the attribution between two parts of the quotation
      }
      const std::uint32_t c = ctx_.info[t].classes;
      const std::string_view w = tokens[t].range.of(text_);
      // (Words for the event itself stand for it too: "the announcement as “historic”", "Big
      // moment".)
      static constexpr std::array<std::string_view, 14> kEvent = {
          "as", "that's", "it's", "that\xE2\x80\x99s", "it\xE2\x80\x99s", "announcement", "decision", "development",
          "move", "news", "moment", "day", "step", "outcome"};
      if ((c & (wc_pronoun | wc_determiner | wc_auxiliary | wc_modal | wc_time | wc_negation)) == 0 && !w.ends_with("ly") &&
          !(t == ctx_.doc.token_at(first) && ctx_.info[t].starts_upper()) &&
          std::find(kEvent.begin(), kEvent.end(), w) == kEvent.end()) {
        named = true;
      }
    }
    const std::size_t topic = forecasts || named ? c_.patterns.size() : document_topic();
    if (topic < c_.patterns.size()) {
      add(out, topic, label, speaker, false, {{evaluation->begin, evaluation->end}}, std::nullopt);
    }
    return;
  }
  // (Not the speaker: "The envoy said the offer was “a trap”" says nothing of talks.)
  byte_range source;
  if (q_.source) {
    const auto tokens = ctx_.doc.tokens();
    source = {tokens[q_.source->first].range.begin, tokens[q_.source->last()].range.end};
  }
  const compiled_terms::mention_screen& screen = c_.screen();
  for (const int t : present) {
    if (static_cast<std::size_t>(t) >= c_.patterns.size()) continue;  // an opposite

    std::vector<hit> mentions;
    find_all(screen, static_cast<std::uint32_t>(t), seen, before, sentence.begin, cue_class::neutral, mentions);
    std::erase_if(mentions, [&](const hit& m) { return m.begin >= source.begin && m.end <= source.end && source.end > 0; });
    if (mentions.empty()) continue;
    add(out, static_cast<std::size_t>(t), label, speaker, false,
        {{mentions.front().begin, mentions.front().end}, {evaluation->begin, evaluation->end}},
        std::nullopt);
  }
}

std::size_t labeller::document_topic() const {
  // A story names its subject again and again; a term named once or twice is a side issue.
  constexpr std::uint32_t kMinTopic = 3;
  document_terms& d = document_counts();
  if (d.topic != document_terms::uncounted) return d.topic;  // once per document
  std::size_t best = c_.patterns.size();
  d.topic = static_cast<std::uint32_t>(best);
  std::uint32_t most = kMinTopic - 1;
  // Only the terms whose words the document holds are counted (the screen says which, from the
  // words alone).
  for (const std::uint32_t e : document_screen().entries) {
    const auto t = static_cast<std::size_t>(e);
    if (t >= c_.patterns.size()) continue;  // an opposite
    const std::uint32_t n = named_in_document(t);
    if (n > most) {
      most = n;
      best = t;
    }
  }
  d.topic = static_cast<std::uint32_t>(best);
  return best;
}

// A support or oppose predicate at the start of the term's own expression ("invited them to
// talks", "rejected the talks" where the lexicon holds the whole phrase).
const hit* labeller::leading_predicate(const term_hit& th) const {
  for (const hit& h : cues_) {
    if (h.begin == th.begin && h.end < th.end && (h.cls == cue_class::support || h.cls == cue_class::oppose)) return &h;
  }
  return nullptr;
}

}  // namespace sayso::detail::stance_internal
