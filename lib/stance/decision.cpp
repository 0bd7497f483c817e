// Stance: what the rules looked at when they labelled a term mention (the label_decision of
// label_model.hpp), and the label model's final say on the speaker's labels.
//
// The record holds classes only, never words of the text: which rule decided, the lexicon class
// of the governing predicate, negation, modality, conditions, the holder, and the quote's kind.
// So the model trained on it weighs the rules' general readings and cannot memorise an article.
#include <algorithm>
#include <array>
#include <cstdint>

#include "stance/labeller_impl.hpp"

namespace sayso::detail::stance_internal {

namespace {

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view x) {
    return w.size() == x.size() && starts_with_ci(w, x);
  });
}

}  // namespace

// Is the term the subject of a verb after it, in its clause ("the truce expired on Sunday", "talks
// may resume", "the prisoners of war are tired"), or does its own expression hold one ("the
// fighting will soon end")?
bool labeller::predicated(const term_hit& th, std::uint32_t clause_to) const {
  const auto tokens = ctx_.doc.tokens();
  // "Our troops will leave", "we shall sign": the speaker's side commits itself, not a report.
  const auto verbish = [&](std::uint32_t t) {
    const std::string_view w = tokens[t].range.of(text_);
    if (cur_.first_person && (w == "will" || w == "shall")) return false;
    return (ctx_.info[t].classes & (wc_auxiliary | wc_modal | wc_verb | wc_cue)) != 0;
  };
  for (std::uint32_t t = ctx_.doc.token_at(th.begin); t < tokens.size() && tokens[t].range.end <= th.end; ++t) {
    // (Only an auxiliary or modal: the expression's own verb is the term, "troops leave".)
    if (tokens[t].kind == token_kind::word && tokens[t].range.begin > th.begin && verbish(t) &&
        (ctx_.info[t].classes & (wc_auxiliary | wc_modal)) != 0) {
      return true;
    }
  }
  // A verb before it in its clause that no lexicon entry reads ("we are worried about the
  // detainees", "we prefer to settle this through diplomatic means"): a predicate of unknown
  // attitude, which predicates the term too.
  const std::uint32_t from = clause_start(th.begin, th.span_begin);
  bool after_pronoun = false;
  for (std::uint32_t t = ctx_.doc.token_at(from); t < tokens.size() && tokens[t].range.end <= th.begin; ++t) {
    if (tokens[t].range.begin < from || tokens[t].kind != token_kind::word) continue;
    const std::uint32_t c = ctx_.info[t].classes;
    if (verbish(t) || (after_pronoun && (c & (wc_preposition | wc_determiner)) == 0 && !ctx_.info[t].starts_upper())) return true;
    after_pronoun = (c & wc_pronoun) != 0 && (c & wc_possessive) == 0;
  }
  // After the term: its noun phrase's tail ("of war", "on our villages") and adverbs, then the verb.
  std::uint32_t words = 0;
  // A term that ends with a preposition ("contacts with") goes on with its object.
  bool in_tail = false;
  for (std::uint32_t t = ctx_.doc.token_at(th.begin); t < tokens.size() && tokens[t].range.end <= th.end; ++t) {
    if (tokens[t].kind == token_kind::word) in_tail = (ctx_.info[t].classes & wc_preposition) != 0;
  }
  for (std::uint32_t t = ctx_.doc.token_at(th.end); t < tokens.size() && tokens[t].range.end <= clause_to && words < 8; ++t) {
    if (tokens[t].range.begin < th.end) continue;
    if (tokens[t].kind != token_kind::word) {
      if (tokens[t].kind == token_kind::space || tokens[t].kind == token_kind::quotation_mark) continue;
      return false;
    }
    ++words;
    const std::uint32_t c = ctx_.info[t].classes;
    if (verbish(t)) return true;
    if ((c & wc_preposition) != 0) {
      in_tail = true;
      continue;
    }
    // A determiner opens the term's object ("leave the border villages"), not a verb.
    if ((c & wc_determiner) != 0 && !in_tail) return false;
    if (in_tail || ctx_.info[t].starts_upper()) continue;
    // An unknown lower-case word right after the term ("the truce expired", "a famine is
    // spreading"): its verb, unless an adverb ("soon") comes first.
    const std::string_view w = tokens[t].range.of(text_);
    if (w.size() > 2 && w.ends_with("ly")) continue;
    return (c & (wc_conjunction | wc_relative | wc_complementizer)) == 0;
  }
  return false;
}

void labeller::note_context(const term_hit* th, std::uint32_t begin) {
  cur_.kind = q_.kind;
  cur_.cue_type = static_cast<std::uint8_t>(q_.type);
  cur_.verb_cue = q_.cue && q_.cue->kind == cue_kind::verb;
  cur_.own_cue = own_.empty() ? 0 : own_.front().cls == cue_class::support ? 1 : 2;
  if (!own_.empty()) cur_.own_range = {own_.front().begin, own_.front().end};
  cur_.describer = describer_ || media_speaker_;
  cur_.no_side = mine_.empty();
  if (th == nullptr) return;
  // The clause before the term: its subject's person, tense and modality.
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t t = ctx_.doc.token_at(begin); t < tokens.size() && tokens[t].range.end <= th->begin; ++t) {
    if (tokens[t].range.begin < begin || tokens[t].kind != token_kind::word) continue;
    const std::string_view w = tokens[t].range.of(text_);
    cur_.first_person = cur_.first_person || is_one_of(w, {"we", "us", "our", "i", "me", "my", "ourselves"});
    cur_.third_person = cur_.third_person || is_one_of(w, {"they", "he", "she"});
    cur_.future = cur_.future || is_one_of(w, {"will", "would", "shall", "won't", "wouldn't"}) || w.ends_with("'ll") ||
                  w.ends_with("\xE2\x80\x99ll");
    cur_.possible = cur_.possible || is_one_of(w, {"may", "might", "could"});
    cur_.past = cur_.past || is_one_of(w, {"was", "were", "had", "did", "wasn't", "weren't", "didn't", "hadn't"});
  }
  // The rest of its clause: a past tense there too ("the truce was a quiet week").
  const std::uint32_t clause_to = clause_end(th->end);
  cur_.predicated = predicated(*th, clause_to);
  for (std::uint32_t t = ctx_.doc.token_at(th->end); t < tokens.size() && tokens[t].range.end <= clause_to; ++t) {
    if (tokens[t].range.begin < th->end || tokens[t].kind != token_kind::word) continue;
    cur_.past = cur_.past || is_one_of(tokens[t].range.of(text_), {"was", "were", "had", "did", "wasn't", "weren't", "didn't", "hadn't"});
  }
  // The sentence around it: a question, and which classes of the stance lexicon occur.
  const byte_range sentence = ctx_.doc.sentences()[ctx_.doc.sentence_of_token(ctx_.doc.token_at(th->begin))].range;
  const std::uint32_t from = std::max(sentence.begin, th->span_begin);
  const std::uint32_t to = std::min(sentence.end, th->span_end);
  const std::string_view s = text_.substr(from, to > from ? to - from : 0);
  cur_.question = s.find('?') != std::string_view::npos;
  for (std::uint32_t t = ctx_.doc.token_at(from); t < tokens.size() && tokens[t].range.end <= to; ++t) {
    if (tokens[t].kind != token_kind::word) continue;
    const std::string_view w = tokens[t].range.of(text_);
    cur_.obligation = cur_.obligation || is_one_of(w, {"must", "should", "need", "needs", "ought"}) ||
                      ((w == "have" || w == "has") && t + 2 < tokens.size() && tokens[t + 2].range.of(text_) == "to");
  }
  for (const hit& h : cues_) {
    if (h.begin < from || h.end > to) continue;
    switch (h.cls) {
      case cue_class::support:
        (h.evaluative ? cur_.sentence_praise : cur_.sentence_support) = true;
        break;
      case cue_class::oppose:
        (h.evaluative ? cur_.sentence_condemn : cur_.sentence_oppose) = true;
        break;
      case cue_class::neutral:
        cur_.sentence_neutral = true;
        break;
      case cue_class::negation:
        cur_.sentence_negation = true;
        break;
      case cue_class::conditional:
        cur_.sentence_conditional = true;
        break;
      case cue_class::pseudo:
        cur_.sentence_uncertain = cur_.sentence_uncertain || h.uncertain;
        break;
      case cue_class::terminator:
        break;
    }
  }
}

void labeller::finish(std::vector<stance>& out, std::size_t first) {
  if (ctx_.model == nullptr && ctx_.decisions == nullptr && !ctx_.own_words) return;
  decisions_.resize(out.size());
  std::vector<std::uint16_t> f;
  for (std::size_t k = first; k < out.size(); ++k) {
    if (out[k].reported) continue;
    label_decision d = decisions_[k];
    // What the quote's other mentions add: how often it names the term, what the rules read there.
    std::array<std::uint32_t, 4> labels{};
    std::uint32_t mentions = 0;
    for (const auto& [term, label] : mentions_) {
      if (term != d.term) {
        d.other_terms = true;
        continue;
      }
      ++mentions;
      ++labels[static_cast<std::size_t>(label)];
    }
    d.mentions = static_cast<std::uint8_t>(std::min<std::uint32_t>(mentions, 255));
    const auto more_than_own = [&](stance_label l) {
      return labels[static_cast<std::size_t>(l)] > (d.rule == l ? 1U : 0U);
    };
    d.other_support = more_than_own(stance_label::support);
    d.other_oppose = more_than_own(stance_label::oppose);
    d.other_conditional = more_than_own(stance_label::conditional);
    if (ctx_.decisions != nullptr) ctx_.decisions->push_back(d);
    // "A ceasefire, and then a lasting peace", said by a side: nothing governs the term, and a
    // side that names it in its own quoted words wants it. Not in a report of the past, nor
    // from an analyst, an outlet, an "according to" source or about another party.
    if (ctx_.own_words && own_words_support(d)) {
      out[k].label = stance_label::support;
      out[k].confidence = 0.55F;
    }
    if (ctx_.model != nullptr) {
      label_features(d, f);
      float probability = 0.0F;
      const stance_label label = ctx_.model->predict(f, probability);
      out[k].label = label;
      out[k].confidence = probability;
      if (label != stance_label::conditional) out[k].condition.reset();
    }
  }
}

}  // namespace sayso::detail::stance_internal
