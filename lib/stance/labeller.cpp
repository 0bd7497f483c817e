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

#include <algorithm>
#include <array>
#include <cctype>

#include "text/unicode.hpp"

namespace sayso::detail {

namespace {

// How many of a speaker entity's mentions are read for the parties of their side.
constexpr std::size_t kMaxSpeakerMentions = 16;
// How many term expressions and stance cues of one quote are read (the first, in text order).
constexpr std::size_t kMaxTermHits = 64;
constexpr std::size_t kMaxCueHits = 256;

enum class cue_class : std::uint8_t { support, oppose, conditional, neutral, negation, pseudo, terminator };

struct hit {
  std::uint32_t begin;
  std::uint32_t end;
  cue_class cls;
};

void find_all(const RE2* re, std::string_view text, std::uint32_t base, cue_class cls, std::vector<hit>& out) {
  if (re == nullptr || text.empty()) return;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos <= text.size() && re->Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto b = static_cast<std::uint32_t>(match.data() - text.data());
    const auto e = static_cast<std::uint32_t>(b + match.size());
    out.push_back({base + b, base + e, cls});
    pos = e > b ? e : e + 1;
  }
}

// Number of words (runs of letters or digits) in text[a, b).
std::uint32_t words_between(std::string_view text, std::uint32_t a, std::uint32_t b) {
  std::uint32_t n = 0;
  bool in_word = false;
  for (std::uint32_t i = a; i < b && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[i]);
    const auto lower = static_cast<char>((a >= 'A' && a <= 'Z') ? a + 32 : a);
    if (lower != prefix[i]) return false;
  }
  return true;
}

struct term_hit {
  std::size_t term;
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t span_begin;
  std::uint32_t span_end;
  bool opposite;  // an expression of the term's contrary
};

struct condition_clause {
  std::uint32_t begin;  // the conditional cue
  std::uint32_t end;    // end of its clause
  bool prior;           // "before X": X waits on the main clause (which is then its precondition)
  bool negative;        // a negation inside ("should a ceasefire not be achieved")
  bool strong = false;  // "unless", "until", "only if", "as long as": binds even a negated term
};

class labeller {
 public:
  labeller(const stance_context& ctx, const term_lexicon::compiled& c, const attributed_quote& q)
      : ctx_(ctx), c_(c), q_(q), text_(ctx.doc.text()) {}

  void run(entity_id speaker, std::vector<stance>& out, std::optional<reported_party>& party) {
    collect();
    if (terms_.empty()) return;
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
      // One reported party per quote: another party's clause is left to the speaker.
      const bool same = reported && party && party->mention.of(text_) == mention.of(text_);
      any_reported = any_reported || same;
      label(th, speaker, same, out);
    }
    const bool reported = any_reported;
    // "rejects X without Y": the speaker demands Y before X, a precondition.
    if (without_demand_) add(out, precondition_term(), stance_label::support, speaker, reported, {}, std::nullopt);
  }

 private:
  void collect() {
    for (const byte_range& span : q_.spans) {
      const std::string_view s = span.of(text_);
      // Most spans hold no term nor opposite: one quick pass that stops at the first says so.
      if (c_.any_mention &&
          !c_.any_mention->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), RE2::UNANCHORED, nullptr, 0)) {
        continue;
      }
      // One pass with all terms' expressions says which terms occur; only those are searched.
      std::vector<int> present;
      if (c_.any_term) c_.any_term->Match(re2::StringPiece(s.data(), s.size()), &present);
      std::vector<hit> found;
      for (const int t : present) {
        found.clear();
        const auto term = static_cast<std::size_t>(t);
        find_all(c_.patterns[term].get(), s, span.begin, cue_class::neutral, found);
        for (const hit& h : found) terms_.push_back({term, h.begin, h.end, span.begin, span.end, false});
      }
      // Expressions of a term's contrary ("continue fighting"): the reverse stance on the term.
      present.clear();
      if (c_.any_opposite && c_.any_opposite->Match(re2::StringPiece(s.data(), s.size()), &present)) {
        for (const int t : present) {
          found.clear();
          const auto term = static_cast<std::size_t>(t);
          find_all(c_.opposites[term].get(), s, span.begin, cue_class::neutral, found);
          for (const hit& h : found) terms_.push_back({term, h.begin, h.end, span.begin, span.end, true});
        }
      }
    }
    if (terms_.empty()) return;  // most quotes mention no term: skip the cue expressions
    for (const byte_range& span : q_.spans) {
      const std::string_view s = span.of(text_);
      find_all(c_.support.get(), s, span.begin, cue_class::support, cues_);
      find_all(c_.oppose.get(), s, span.begin, cue_class::oppose, cues_);
      find_all(c_.conditional.get(), s, span.begin, cue_class::conditional, cues_);
      find_all(c_.negation.get(), s, span.begin, cue_class::negation, cues_);
      find_all(c_.pseudo_negation.get(), s, span.begin, cue_class::pseudo, cues_);
      find_all(c_.terminators.get(), s, span.begin, cue_class::terminator, cues_);
    }
    std::sort(cues_.begin(), cues_.end(), [](const hit& a, const hit& b) { return a.begin < b.begin; });
    std::sort(terms_.begin(), terms_.end(), [](const term_hit& a, const term_hit& b) { return a.begin < b.begin; });
    // A quote with hundreds of terms or cues is a list or a dump, not speech: the first ones
    // decide, so that the pairwise passes below stay bounded and labelling linear in the text.
    if (terms_.size() > kMaxTermHits) terms_.resize(kMaxTermHits);
    if (cues_.size() > kMaxCueHits) cues_.resize(kMaxCueHits);
    // Overlapping expressions of different terms: the longer match wins ("peace talks" is
    // talks, not also a ceasefire).
    std::vector<term_hit> kept;
    for (const term_hit& t : terms_) {
      bool dominated = false;
      for (const term_hit& o : terms_) {
        if (&o == &t || o.term == t.term) continue;
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
      find_all(c_.support.get(), s, q_.cue->range.begin, cue_class::support, own_);
      find_all(c_.oppose.get(), s, q_.cue->range.begin, cue_class::oppose, own_);
    }
    // Condition clauses.
    for (const hit& h : cues_) {
      if (h.cls != cue_class::conditional) continue;
      condition_clause cc{h.begin, clause_end(h.end), false, false};
      const std::string_view cue = text_.substr(h.begin, h.end - h.begin);
      // "before X", "as a precondition for X": X waits on the main clause.
      cc.prior = starts_with_ci(cue, "before") || starts_with_ci(cue, "as a precondition") ||
                 starts_with_ci(cue, "as a condition");
      for (const hit& n : cues_) {
        if (n.cls == cue_class::negation && n.begin >= h.end && n.end <= cc.end) cc.negative = true;
      }
      const std::string_view c = cue;
      cc.negative = cc.negative || starts_with_ci(c, "unless");
      cc.strong = starts_with_ci(c, "unless") || starts_with_ci(c, "until") || starts_with_ci(c, "only") ||
                  starts_with_ci(c, "as long as") || starts_with_ci(c, "so long as") || starts_with_ci(c, "provided") ||
                  starts_with_ci(c, "on condition") || starts_with_ci(c, "in exchange") || starts_with_ci(c, "in return");
      conditions_.push_back(cc);
    }
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
  }

  // End of the sentence (within its span) holding byte `from`.
  std::uint32_t clause_limit(std::uint32_t from) const {
    for (const byte_range& span : q_.spans) {
      if (from < span.begin || from > span.end) continue;
      const auto sentences = ctx_.doc.sentences();
      return std::min(span.end, sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(from))].range.end);
    }
    return from;
  }

  // End of the clause starting at byte `from`: a comma, semicolon, terminator ("but"), dash,
  // the sentence's end or the span's end.
  std::uint32_t clause_end(std::uint32_t from) const {
    for (const byte_range& span : q_.spans) {
      if (from < span.begin || from > span.end) continue;
      const auto sentences = ctx_.doc.sentences();
      std::uint32_t limit = std::min(span.end, sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(from))].range.end);
      for (const hit& h : cues_) {
        if (h.cls == cue_class::terminator && h.begin > from && h.begin < limit) limit = h.begin;
      }
      for (std::uint32_t i = from; i < limit; ++i) {
        const char ch = text_[i];
        if (ch == ',' || ch == ';') return i;
        // A dash ends it too.
        if (static_cast<unsigned char>(ch) == 0xE2 && i + 2 < limit && text_[i + 1] == '\x80' &&
            (text_[i + 2] == '\x94' || text_[i + 2] == '\x93')) {
          return i;
        }
      }
      return limit;
    }
    return from;
  }

  std::uint32_t clause_begin(const term_hit& th) const {
    // The sentence holding the term (periods in "U.S." do not end it), or a semicolon.
    const auto sentences = ctx_.doc.sentences();
    std::uint32_t begin = std::max(th.span_begin,
                                   sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(th.begin))].range.begin);
    for (std::uint32_t i = th.begin; i > begin; --i) {
      if (text_[i - 1] == ';') {
        begin = i;
        break;
      }
    }
    for (const hit& h : cues_) {
      if (h.cls == cue_class::terminator && h.begin >= begin && h.end <= th.begin) begin = h.end;
    }
    return begin;
  }

  // Does the attribution's own verb govern the term? Not when a subordinate clause ("while the
  // ceasefire is in effect", "if talks fail", "since the truce") stands between them.
  bool governed_by_cue(const term_hit& th) const {
    const auto tokens = ctx_.doc.tokens();
    for (std::uint32_t t = ctx_.doc.token_at(th.span_begin); t < tokens.size() && tokens[t].range.end <= th.begin; ++t) {
      if (tokens[t].kind != token_kind::word || tokens[t].range.begin < th.span_begin) continue;
      const std::string_view w = tokens[t].range.of(text_);
      static constexpr std::array<std::string_view, 12> kSubordinators = {
          "while", "if", "since", "after", "despite", "during", "because", "although", "when", "unless", "until", "whereas"};
      for (const auto sub : kSubordinators) {
        if (w == sub) return false;
      }
    }
    return true;
  }

  std::size_t precondition_term() const {
    for (std::size_t t = 0; t < c_.terms.size(); ++t) {
      if (c_.terms[t].id == "preconditions") return t;
    }
    return c_.terms.size();
  }

  // "since the ceasefire took effect", "since the start of the truce": a time reference.
  bool time_reference(const term_hit& th) const {
    const std::string_view span = text_.substr(th.span_begin, th.begin - th.span_begin);
    const std::size_t found = span.rfind("since ");
    if (found == std::string_view::npos) return false;
    const std::size_t since = th.span_begin + found;
    return
           words_between(text_, static_cast<std::uint32_t>(since + 6), th.begin) <= 4 &&
           text_.substr(since, th.begin - since).find_first_of(",;.") == std::string_view::npos;
  }

  // "taking hostages", "took prisoners": capture, not an exchange or a release.
  bool capture(const term_hit& th) const {
    const std::uint32_t from = th.begin > th.span_begin + 8 ? th.begin - 8 : th.span_begin;
    const std::string_view before = text_.substr(from, th.begin - from);
    return before.find("taking ") != std::string_view::npos || before.find("took ") != std::string_view::npos ||
           before.find("take ") != std::string_view::npos || before.find("held ") != std::string_view::npos;
  }

  void label(const term_hit& th, entity_id speaker, bool reported, std::vector<stance>& out) {
    const std::string& id = c_.terms[th.term].id;
    if (time_reference(th)) return;
    if (id == "prisoner_exchange" && capture(th)) return;
    const std::uint32_t begin = clause_begin(th);
    std::vector<byte_range> evidence{{th.begin, th.end}};

    // Negation: a trigger within five words before the term.
    bool negated = false;
    for (const hit& h : cues_) {
      if (h.cls != cue_class::negation || h.begin < begin || h.end > th.begin) continue;
      if (words_between(text_, h.end, th.begin) > 5) continue;
      const bool pseudo = std::any_of(cues_.begin(), cues_.end(), [&](const hit& p) {
        return p.cls == cue_class::pseudo && p.begin <= h.begin && p.end >= h.end;
      });
      if (pseudo) continue;
      negated = true;
      evidence.push_back({h.begin, h.end});
    }
    // The nearest support or oppose cue before the term in its clause.
    const hit* nearest = nullptr;
    for (const hit& h : cues_) {
      if (h.begin < begin || h.end > th.begin) continue;
      if ((h.cls == cue_class::support || h.cls == cue_class::oppose) && words_between(text_, h.end, th.begin) <= 12) {
        nearest = &h;
      }
    }
    // A passive cue right after the term: "a ceasefire has been brokered", "talks were rejected".
    if (nearest == nullptr) {
      for (const hit& h : cues_) {
        if (h.begin < th.end || !same_sentence(th.end, h.begin)) continue;
        if ((h.cls == cue_class::support || h.cls == cue_class::oppose) && words_between(text_, th.end, h.begin) <= 3 &&
            passive_between(th.end, h.begin)) {
          nearest = &h;
          break;
        }
      }
    }
    // "view the frontlines as the only realistic basis", "described talks as a trap": the
    // evaluation follows the term after "as".
    if (nearest == nullptr) {
      for (const hit& h : cues_) {
        if (h.begin < th.end || !same_sentence(th.end, h.begin)) continue;
        if ((h.cls == cue_class::support || h.cls == cue_class::oppose) && words_between(text_, th.end, h.begin) <= 6) {
          const std::string_view gap = text_.substr(th.end, h.begin - th.end);
          if (gap.find(" as ") != std::string_view::npos || gap.rfind("as ", 0) == 0 || gap.find(" as") == gap.size() - 3) {
            nearest = &h;
          }
          break;
        }
      }
    }
    // Opposing an opposition supports: "criticized the rejection of the ceasefire".
    bool double_oppose = false;
    if (nearest != nullptr && nearest->cls == cue_class::oppose && nearest->end <= th.begin) {
      if (!own_.empty() && own_.front().cls == cue_class::oppose) double_oppose = true;
    }
    // A cue that contains the negation ("not ready") already counts it.
    if (nearest != nullptr && negated) {
      bool outside = false;
      for (const hit& h : cues_) {
        if (h.cls != cue_class::negation || h.begin < begin || h.end > th.begin) continue;
        if (words_between(text_, h.end, th.begin) > 5) continue;
        if (!(h.begin >= nearest->begin && h.end <= nearest->end)) outside = true;
      }
      negated = outside;
    }
    cue_class base = cue_class::neutral;
    if (double_oppose) {
      base = cue_class::support;
      evidence.push_back({nearest->begin, nearest->end});
      evidence.push_back({own_.front().begin, own_.front().end});
      nearest = nullptr;
    } else if (nearest != nullptr) {
      base = nearest->cls;
      evidence.push_back({nearest->begin, nearest->end});
    } else if (!own_.empty() && governed_by_cue(th)) {
      base = own_.front().cls;
      evidence.push_back({own_.front().begin, own_.front().end});
    }

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

    const std::string_view surface = text_.substr(th.begin, th.end - th.begin);
    stance_label label = stance_label::neutral;
    std::optional<byte_range> condition;
    if (id == "preconditions") {
      const bool none = starts_with_ci(surface, "uncondition") || starts_with_ci(surface, "without") || negated;
      if (none) {
        label = stance_label::oppose;
      } else if (inside != nullptr && !inside->prior) {
        label = stance_label::support;  // "as a precondition for"
      } else if (base == cue_class::support) {
        label = stance_label::support;
      } else if (base == cue_class::oppose) {
        label = stance_label::oppose;
      }
    } else if (inside != nullptr) {
      condition = byte_range{inside->begin, inside->end};
      evidence.push_back(*condition);
      // "before any talks", "pending talks": the term waits on something else. Otherwise the
      // term is what the speaker demands: "upon the release of hostages", "should a ceasefire
      // not be achieved".
      label = inside->prior ? stance_label::conditional : stance_label::support;
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
        if (after_without != nullptr && c_.terms[after_without->term].id != "preconditions") {
          label = stance_label::conditional;
          without_demand_ = true;
        }
      } else if (negated) {
        label = stance_label::oppose;
      }
      // "no talks unless …", "no ceasefire until …": a strong condition binds even a negated term.
      if (governing != nullptr && !governing->prior &&
          (label != stance_label::oppose || (governing->strong && negated && base == cue_class::neutral))) {
        label = stance_label::conditional;
        condition = byte_range{governing->begin, governing->end};
        evidence.push_back(*condition);
      }
      for (const byte_range& then : first_then_) {
        if (th.begin >= then.begin && th.end <= then.end && label != stance_label::oppose) {
          label = stance_label::conditional;
          condition = then;
        }
      }
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
    add(out, th.term, label, speaker, reported, std::move(evidence), condition);
  }

  // "has been", "was", "were", "is being" between a term and a cue.
  bool passive_between(std::uint32_t a, std::uint32_t b) const {
    const std::string_view gap = text_.substr(a, b - a);
    for (const std::string_view be : {"been", "was", "were", "is ", "are ", "be "}) {
      if (gap.find(be) != std::string_view::npos) return true;
    }
    return false;
  }

  bool same_sentence(std::uint32_t a, std::uint32_t b) const {
    const std::uint32_t lo = std::min(a, b);
    const std::uint32_t hi = std::max(a, b);
    for (const byte_range& span : q_.spans) {
      if (lo < span.begin || hi > span.end) continue;
      const auto sentences = ctx_.doc.sentences();
      return ctx_.doc.sentence_of_token(ctx_.doc.token_at(lo)) == ctx_.doc.sentence_of_token(ctx_.doc.token_at(hi)) &&
             sentences.size() > 0;
    }
    return false;
  }

  void add(std::vector<stance>& out, std::size_t term, stance_label label, entity_id speaker, bool reported,
           std::vector<byte_range> evidence, std::optional<byte_range> condition) {
    if (term >= c_.terms.size()) return;
    const std::string& id = c_.terms[term].id;
    const float confidence = label == stance_label::neutral ? 0.5F : (evidence.size() > 1 ? 0.8F : 0.6F);
    // The speaker's own stance (neutral when reporting another party's position).
    const stance_label own = reported ? stance_label::neutral : label;
    merge(out, id, own, speaker, false, evidence, reported ? std::nullopt : condition, confidence);
    if (reported && label != stance_label::neutral) merge(out, id, label, no_entity, true, evidence, condition, confidence);
  }

  static void merge(std::vector<stance>& out, const std::string& id, stance_label label, entity_id holder,
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
      }
      return;
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
  }

  // ---- holders ------------------------------------------------------------------------------
  std::uint16_t party_of(std::uint32_t t) const {
    if (ctx_.doc.tokens()[t].kind != token_kind::word) return 0;
    std::array<char, 48> buf{};
    std::string_view key = lookup_key(ctx_.doc.tokens()[t].range.of(text_), buf);
    // Possessive forms ("Russia's") name the party too.
    if (key.size() > 2 && key.substr(key.size() - 2) == "'s") key.remove_suffix(2);
    // "us", "un", "eu" in lower case are words, not parties.
    if (!ctx_.info[t].starts_upper() && key.size() <= 3) return 0;
    return ctx_.lex.party(key);
  }

  void parties_in(byte_range r, std::vector<std::uint16_t>& out) const {
    if (r.empty()) return;
    const auto tokens = ctx_.doc.tokens();
    for (std::uint32_t t = ctx_.doc.token_at(r.begin); t < tokens.size() && tokens[t].range.begin < r.end; ++t) {
      const std::uint16_t p = party_of(t);
      if (p != 0 && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
  }

  // The parties of the speaker's own side: from the source mention and the speaker entity.
  void speaker_parties(entity_id speaker) {
    if (!q_.source) return;
    const auto tokens = ctx_.doc.tokens();
    // News outlets ("Press TV", "Tasnim News Agency", "the newspaper") report; they take no side.
    for (std::uint32_t t = q_.source->first; t < q_.source->end; ++t) {
      if (tokens[t].kind != token_kind::word) continue;
      std::array<char, 32> buf{};
      const std::string_view w = lookup_key(tokens[t].range.of(text_), buf);
      static constexpr std::array<std::string_view, 12> kMedia = {
          "news", "tv", "television", "radio", "newspaper", "press", "media", "broadcaster", "agency",
          "reuters", "axios", "outlet"};
      for (const auto m : kMedia) media_speaker_ = media_speaker_ || w == m;
    }
    parties_in({tokens[q_.source->first].range.begin, tokens[q_.source->last()].range.end}, mine_);
    if (speaker != no_entity && speaker < ctx_.entities.size()) {
      // The first mentions only (the fullest forms come first): a speaker quoted thousands of
      // times must not make each of their quotes scan every mention (quadratic time).
      const auto& mentions = ctx_.entities[speaker].mentions;
      for (std::size_t i = 0; i < mentions.size() && i < kMaxSpeakerMentions; ++i) parties_in(mentions[i], mine_);
    }
  }

  // The first byte of the clause holding byte `at` within its span: after "that", ";", ":" or a
  // dash, else the span's start.
  std::uint32_t clause_start(std::uint32_t at, std::uint32_t span_begin) const {
    const auto tokens = ctx_.doc.tokens();
    std::uint32_t t = ctx_.doc.token_at(at);
    const std::uint32_t first = ctx_.doc.token_at(span_begin);
    while (t > first) {
      --t;
      const token& tok = tokens[t];
      const std::string_view w = tok.range.of(text_);
      if (tok.kind == token_kind::word && (((ctx_.info[t].classes & wc_complementizer) != 0 && w == "that") || w == "then")) {
        return tok.range.end;
      }
      if (tok.kind == token_kind::punctuation &&
          (w == ";" || w == ":" || first_code_point(w) == 0x2014 || first_code_point(w) == 0x2013)) {
        return tok.range.end;
      }
    }
    return span_begin;
  }

  // "they must withdraw", "he should resign": the speaker demands it of them.
  bool demanded_of(std::uint32_t t) const {
    const auto tokens = ctx_.doc.tokens();
    for (std::uint32_t k = t + 1; k < tokens.size() && k < t + 4; ++k) {
      if (tokens[k].kind == token_kind::space) continue;
      const std::string_view w = tokens[k].range.of(text_);
      return w == "must" || w == "should" || w == "need" || w == "needs" || w == "have" || w == "has" ||
             w == "ought";
    }
    return false;
  }

  // Is the pronoun at token t followed (after adverbs) by a verb or auxiliary?
  bool verb_follows_pronoun(std::uint32_t t) const {
    const auto tokens = ctx_.doc.tokens();
    for (std::uint32_t k = t + 1; k < tokens.size() && k < t + 8; ++k) {
      if (tokens[k].kind == token_kind::space) continue;
      if (tokens[k].kind != token_kind::word) return false;
      const std::uint32_t c = ctx_.info[k].classes;
      if ((c & (wc_auxiliary | wc_verb | wc_cue | wc_negation)) != 0) return true;
      return !ctx_.info[k].starts_upper();  // an unknown lower-case word: the verb
    }
    return false;
  }

  // Does the clause starting at byte `from` open with "there" or "it"?
  bool expletive_at(std::uint32_t from) const {
    const auto tokens = ctx_.doc.tokens();
    for (std::uint32_t t = ctx_.doc.token_at(from); t < tokens.size(); ++t) {
      if (tokens[t].range.end <= from || tokens[t].kind == token_kind::space) continue;
      const std::string_view w = tokens[t].range.of(text_);
      return w == "there" || w == "There" || w == "it" || w == "It";
    }
    return false;
  }

  // Is the subject of the clause starting at byte `from` a party other than the speaker's own
  // side? Sets `mention` to the party's words.
  bool third_party_at(std::uint32_t from, std::uint32_t limit, byte_range& mention) const {
    if (q_.type == cue_type::act || q_.type == cue_type::quoting) return false;
    const bool no_side = mine_.empty() && !media_speaker_;  // only "they" in a direct quote can tell
    const auto tokens = ctx_.doc.tokens();
    std::uint32_t t = ctx_.doc.token_at(from);
    if (t < tokens.size() && tokens[t].range.end <= from) ++t;
    std::vector<std::uint16_t> theirs;
    bool verb_follows = false;
    bool started = false;
    for (std::uint32_t n = 0; t < tokens.size() && tokens[t].range.begin < limit && n < 8; ++t) {
      const token& tok = tokens[t];
      if (tok.kind == token_kind::space) continue;
      if (tok.kind != token_kind::word) {
        const std::string_view p = tok.range.of(text_);
        if (p == "." || p == "-" || first_code_point(p) == 0x2019 || p == "'") continue;
        if (tok.kind == token_kind::quotation_mark && !started) continue;
        break;
      }
      const std::uint32_t c = ctx_.info[t].classes;
      const bool upper = ctx_.info[t].starts_upper();
      if (!started && (c & wc_complementizer) != 0 && !upper) continue;  // "that"
      if ((c & wc_pronoun) != 0 && (c & wc_possessive) == 0) {
        // "we", "I" are the speaker's side; in the speaker's own words "they", "he", "she" are
        // someone else ("They want the talks to fail"), which the speaker reports on.
        if (q_.kind == quote_kind::direct && (c & (wc_they | wc_he | wc_she)) != 0 && !demanded_of(t)) {
          mention = tok.range;
          return verb_follows_pronoun(t);
        }
        return false;
      }
      if ((c & (wc_preposition | wc_conjunction)) != 0 && (c & (wc_org | wc_place | wc_title)) == 0) break;
      if (!upper && (c & (wc_auxiliary | wc_verb | wc_cue | wc_negation)) != 0) {
        verb_follows = true;
        break;
      }
      if (!upper && (c & wc_determiner) != 0 && started) break;
      // An unknown lower-case word after a capitalised subject is its verb ("Russia launched").
      if (!upper && (c & (wc_role | wc_org | wc_title | wc_demonym | wc_determiner)) == 0 && !theirs.empty()) {
        verb_follows = true;
        break;
      }
      started = true;
      const std::uint16_t p = party_of(t);
      if (p != 0 && std::find(theirs.begin(), theirs.end(), p) == theirs.end()) {
        theirs.push_back(p);
        std::string_view w = tok.range.of(text_);
        std::uint32_t end = tok.range.end;
        if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") end -= 4;
        else if (w.size() > 2 && w.substr(w.size() - 2) == "'s") end -= 2;
        mention = {tok.range.begin, end};
      }
      ++n;
    }
    if (no_side || theirs.empty() || !verb_follows) return false;
    if (media_speaker_) return true;  // a news outlet reports other parties' positions
    for (const std::uint16_t p : theirs) {
      if (std::find(mine_.begin(), mine_.end(), p) != mine_.end()) return false;
    }
    return true;
  }

  const stance_context& ctx_;
  const term_lexicon::compiled& c_;
  const attributed_quote& q_;
  std::string_view text_;
  std::vector<term_hit> terms_;
  std::vector<hit> cues_;
  std::vector<hit> own_;
  std::vector<condition_clause> conditions_;
  std::vector<byte_range> first_then_;  // "then …" clauses after a "first …" clause
  std::vector<std::uint16_t> mine_;
  bool media_speaker_ = false;
  bool without_demand_ = false;
};

}  // namespace

void label_stances(const stance_context& ctx, const term_lexicon::compiled& terms, const attributed_quote& q,
                   entity_id speaker, std::vector<stance>& out, std::optional<reported_party>& party) {
  labeller(ctx, terms, q).run(speaker, out, party);
}

}  // namespace sayso::detail
