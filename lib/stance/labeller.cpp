// Stance labelling. For each term expression found in a quote's content, the label comes from
// the stance cues in its clause before it (the nearest support or oppose cue, or the
// attribution's own cue: "urged", "rejected"), NegEx-style negation (a trigger before the term
// in its clause flips support to oppose; pseudo-triggers such as "not only" do not count;
// terminators such as "but" end a trigger's scope) and conditions anywhere in the clause
// ("only if", "should not mean", "as a precondition"). Without any cue the term is neutral.
#include "stance/labeller.hpp"

#include <algorithm>

namespace sayso::detail {

namespace {

enum class cue_class : std::uint8_t { support, oppose, conditional, neutral, negation, pseudo, terminator };

struct hit {
  std::uint32_t begin;
  std::uint32_t end;
  cue_class cls;
};

void find_all(const RE2* re, std::string_view text, std::uint32_t base, cue_class cls, std::vector<hit>& out) {
  if (re == nullptr) return;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos <= text.size() && re->Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto b = static_cast<std::uint32_t>(match.data() - text.data());
    const auto e = static_cast<std::uint32_t>(b + match.size());
    out.push_back({base + b, base + e, cls});
    pos = e > b ? e : e + 1;
  }
}

bool is_clause_break(char c) { return c == '.' || c == ';' || c == '?' || c == '!'; }

struct term_hit {
  std::size_t term;
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t span_begin;
};

}  // namespace

void label_stances(std::string_view text, const term_lexicon::compiled& c, const raw_quote& q,
                   entity_id speaker, std::vector<stance>& out) {
  std::vector<term_hit> terms;
  std::vector<hit> cues;
  for (const byte_range& span : q.spans) {
    const std::string_view s = span.of(text);
    for (std::size_t t = 0; t < c.patterns.size(); ++t) {
      std::vector<hit> found;
      find_all(c.patterns[t].get(), s, span.begin, cue_class::neutral, found);
      for (const hit& h : found) terms.push_back({t, h.begin, h.end, span.begin});
    }
    find_all(c.support.get(), s, span.begin, cue_class::support, cues);
    find_all(c.oppose.get(), s, span.begin, cue_class::oppose, cues);
    find_all(c.conditional.get(), s, span.begin, cue_class::conditional, cues);
    find_all(c.negation.get(), s, span.begin, cue_class::negation, cues);
    find_all(c.pseudo_negation.get(), s, span.begin, cue_class::pseudo, cues);
    find_all(c.terminators.get(), s, span.begin, cue_class::terminator, cues);
  }
  if (terms.empty()) return;
  // The attribution's own cue ("called for", "rejected").
  std::vector<hit> own;
  if (q.cue && q.cue->kind == cue_kind::verb) {
    const std::string_view s = q.cue->range.of(text);
    find_all(c.support.get(), s, q.cue->range.begin, cue_class::support, own);
    find_all(c.oppose.get(), s, q.cue->range.begin, cue_class::oppose, own);
  }
  std::sort(cues.begin(), cues.end(), [](const hit& a, const hit& b) { return a.begin < b.begin; });

  for (const term_hit& th : terms) {
    // The clause before the term: back to a sentence break or a terminator.
    std::uint32_t clause_begin = th.span_begin;
    for (std::uint32_t i = th.begin; i > th.span_begin; --i) {
      if (is_clause_break(text[i - 1])) {
        clause_begin = i;
        break;
      }
    }
    const hit* nearest = nullptr;
    bool negated = false;
    bool conditional = false;
    std::optional<byte_range> condition;
    std::vector<byte_range> evidence{{th.begin, th.end}};
    for (const hit& h : cues) {
      if (h.cls == cue_class::terminator && h.end <= th.begin && h.begin >= clause_begin) {
        // Scope ends at a terminator: forget what came before it.
        nearest = nullptr;
        negated = false;
        clause_begin = h.end;
      }
    }
    for (const hit& h : cues) {
      if (h.begin < clause_begin) continue;
      const bool overlaps_term = h.begin < th.end && h.end > th.begin;
      if (h.cls == cue_class::conditional && !overlaps_term) {
        conditional = true;
        condition = byte_range{h.begin, h.end};
        evidence.push_back({h.begin, h.end});
        continue;
      }
      if (h.end > th.begin) continue;
      if (h.cls == cue_class::negation) {
        // A pseudo-trigger covering it does not negate.
        const bool pseudo = std::any_of(cues.begin(), cues.end(), [&](const hit& p) {
          return p.cls == cue_class::pseudo && p.begin <= h.begin && p.end >= h.end;
        });
        if (!pseudo) {
          negated = true;
          evidence.push_back({h.begin, h.end});
        }
      } else if (h.cls == cue_class::support || h.cls == cue_class::oppose) {
        nearest = &h;
      }
    }
    const std::string& id = c.terms[th.term].id;
    stance_label label = stance_label::neutral;
    cue_class base = nearest != nullptr ? nearest->cls : cue_class::neutral;
    if (nearest == nullptr && !own.empty()) {
      base = own.front().cls;
      evidence.push_back({own.front().begin, own.front().end});
    } else if (nearest != nullptr) {
      evidence.push_back({nearest->begin, nearest->end});
    }
    const std::string_view surface = text.substr(th.begin, th.end - th.begin);
    const bool without_conditions = id == "preconditions" &&
                                    (surface.rfind("uncondition", 0) == 0 || surface.rfind("Uncondition", 0) == 0 ||
                                     surface.find("without") != std::string_view::npos || negated);
    if (without_conditions) {
      label = stance_label::oppose;
    } else if (base == cue_class::oppose) {
      label = negated ? stance_label::support : stance_label::oppose;
    } else if (base == cue_class::support) {
      label = negated ? stance_label::oppose : (conditional ? stance_label::conditional : stance_label::support);
    } else if (negated) {
      label = stance_label::oppose;
    } else if (conditional) {
      label = stance_label::conditional;
    }
    // One stance per term: keep the first decided label.
    auto existing = std::find_if(out.begin(), out.end(), [&](const stance& st) {
      return st.term == id && st.holder == speaker && !st.reported;
    });
    if (existing != out.end()) {
      if (existing->label == stance_label::neutral && label != stance_label::neutral) {
        existing->label = label;
        existing->evidence = evidence;
        existing->condition = label == stance_label::conditional ? condition : std::nullopt;
      }
      continue;
    }
    stance st;
    st.term = id;
    st.label = label;
    st.confidence = label == stance_label::neutral ? 0.5F : 0.75F;
    st.evidence = std::move(evidence);
    if (label == stance_label::conditional) st.condition = condition;
    st.holder = speaker;
    out.push_back(std::move(st));
  }
}

}  // namespace sayso::detail
