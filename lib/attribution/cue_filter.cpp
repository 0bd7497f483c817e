// Finding cues, and the filters that reject the uses of a cue word that are not reports: the
// context vetoes of the lexicon ([[vetoes]] in english.toml: patterns of one to three tokens
// around the cue), and the named rules below, which read word classes and cue forms. A cue is
// kept when no veto and no filter rejects it.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "attribution/cues.hpp"

namespace sayso::detail {

namespace {

// A cue candidate and its surroundings, as the filters read them.
struct cue_context {
  const reader& r;
  const unit& u;
  std::uint32_t first;  // the cue's tokens [first, end)
  std::uint32_t end;
  const cue_entry& ce;
  std::uint32_t p;  // the token before the cue, or npos
  std::uint32_t n;  // the token after the cue, or u.end
  bool one_word;    // a one-word cue ("said", not "called for")
  bool noun_like;   // the cue's lemma is also a common noun ("report", "call")
  [[nodiscard]] bool p_word() const { return p != npos && r.is_word(p); }
  [[nodiscard]] bool according() const { return ce.type == cue_type::according; }
  // A one-word cue in -s that is not a base form ("reports", "claims").
  [[nodiscard]] bool plural_form() const {
    const std::string_view cw = r.s(first);
    return cw.size() > 3 && cw.back() == 's' && one_word;
  }
};

// "secretary of state", "in support": a noun after a preposition.
// ("by saying", "for saying", "without saying": a gerund after a preposition is a report.)
bool noun_after_preposition(const cue_context& c) {
  if (!c.p_word()) return false;
  const reader& r = c.r;
  const std::uint32_t p = c.p;
  const bool gerund = c.ce.participle && reader::ends_with(r.s(c.first), "ing") &&
                      (r.lower_is(p, "by") || r.lower_is(p, "for") || r.lower_is(p, "without") ||
                       r.lower_is(p, "in") || r.lower_is(p, "since") || r.lower_is(p, "upon"));
  return (r.cls(p) & wc_preposition) != 0 && !r.cap(p) && !c.according() && !gerund &&
         !r.lower_is(p, "as") && !r.lower_is(p, "after") && !r.lower_is(p, "before") &&
         !r.lower_is(p, "while");
}

// "the government's request", "Rubio's call": a noun after a possessive. (Not after a pronoun's
// contracted "is" or "has": "He's claiming that …", "She’s said …".)
bool noun_after_possessive(const cue_context& c) {
  if (!c.p_word() || !reader::possessive_s(c.r.s(c.p))) return false;
  std::string_view w = c.r.s(c.p);
  w.remove_suffix(w.back() == 's' && w[w.size() - 2] == '\'' ? 2 : 4);
  std::string low(w);
  for (char& ch : low) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  return !(low == "he" || low == "she" || low == "it" || low == "who" || low == "that" || low == "there");
}

// "finance reports shows", "the claims are": a verb right after makes the cue a noun.
bool noun_before_verb(const cue_context& c) {
  if (!c.p_word() || !c.noun_like || !c.plural_form()) return false;
  const reader& r = c.r;
  const std::uint32_t n = c.n;
  return n < c.u.end && r.is_word(n) && !r.cap(n) &&
         (r.cls(n) & (wc_verb | wc_cue | wc_auxiliary)) != 0 && !r.adverbial_only(n) &&
         (r.cls(n) & wc_preposition) == 0;
}

// "The Hamas plan calls for …", "the rebels' offer also called for …": a noun-like base form
// after a name or modifier, followed by a finite verb (a cue or verb in -s or -ed, or "is",
// "was", "has"), is the subject of that verb.
bool singular_noun_before_verb(const cue_context& c) {
  if (!c.p_word() || !c.noun_like || !c.one_word || !c.ce.base_form) return false;
  const reader& r = c.r;
  if ((r.cls(c.p) & (wc_pronoun | wc_auxiliary | wc_modal | wc_negation | wc_conjunction |
                     wc_relative | wc_preposition)) != 0)
    return false;
  std::uint32_t n = c.n;
  for (int k = 0; k < 2 && n < c.u.end && r.is_word(n) && (r.cls(n) & wc_auxiliary) != 0 &&
                  r.adverbial_only(n);
       ++k) {
    n = r.next(n, c.u.end);
  }
  if (n >= c.u.end || !r.is_word(n) || r.cap(n) || r.in_quotation(n)) return false;
  const std::string_view w = r.s(n);
  const bool finite = ((r.cls(n) & (wc_cue | wc_verb)) != 0 &&
                       (reader::ends_with(w, "s") || reader::ends_with(w, "ed"))) ||
                      r.lower_is(n, "is") || r.lower_is(n, "was") || r.lower_is(n, "has") ||
                      r.negated_auxiliary(n);  // "the border dispute isn't settled"
  return finite && (r.cls(n) & (wc_preposition | wc_determiner)) == 0;
}

// "a coalition supported by the U.S.", "forces backed by the U.A.E. launched …": a past
// participle right after a common noun and before "by" describes the noun (a passive without
// "was"); it reports nothing.
bool participle_after_a_noun(const cue_context& c) {
  if (!c.p_word() || !c.one_word || !c.ce.past_participle || c.according()) return false;
  const reader& r = c.r;
  if (c.n >= c.u.end || !r.lower_is(c.n, "by")) return false;
  const std::uint32_t p = c.p;
  return !r.cap(p) && !reader::ends_with(r.s(p), "ly") &&
         (r.cls(p) & (wc_auxiliary | wc_verb | wc_cue | wc_negation | wc_pronoun | wc_conjunction |
                      wc_relative | wc_preposition | wc_determiner | wc_complementizer)) == 0;
}

// "a Medium post", "the final report": an article and a modifier before a noun.
// ("The IDF claim that …", "the PCD estimates": after a name and "the", a verb.)
bool noun_after_article_and_modifier(const cue_context& c) {
  if (!c.p_word() || !c.noun_like || !c.one_word) return false;
  const reader& r = c.r;
  if ((r.cls(c.p) & (wc_role | wc_title | wc_org | wc_pronoun | wc_auxiliary)) != 0) return false;
  const std::uint32_t pp = r.prev(c.p, c.u.first);
  return pp != npos &&
         (r.lower_is(pp, "a") || r.lower_is(pp, "an") || (r.lower_is(pp, "the") && !r.cap(c.p)));
}

// "anti-government protests", "village protests": a plural noun after a modifier. A verb in -s
// follows its subject, which is a name, pronoun, role or organisation.
bool plural_noun_after_modifier(const cue_context& c) {
  if (!c.p_word() || !c.noun_like || !c.plural_form() || c.ce.base_form) return false;
  const reader& r = c.r;
  const std::uint32_t p = c.p;
  const std::string_view pw = r.s(p);
  return !r.cap(p) &&
         (r.cls(p) & (wc_role | wc_org | wc_title | wc_place | wc_pronoun | wc_auxiliary |
                      wc_negation | wc_relative | wc_conjunction | wc_time | wc_demonym)) == 0 &&
         pw.size() > 2 && pw.back() != 's';
}

// "skirted several questions about …", "dodged many questions", "rejected the claims": a plural
// noun-like cue after a determiner that is the object of the word before it is a noun.
bool noun_after_object_determiner(const cue_context& c) {
  if (!c.p_word() || !c.noun_like || !c.plural_form() || c.ce.base_form) return false;
  const reader& r = c.r;
  if (r.cap(c.p) || (r.cls(c.p) & wc_determiner) == 0) return false;
  const std::uint32_t q = r.prev(c.p, c.u.first);
  return q != npos && r.is_word(q) && !r.cap(q) &&
         (r.cls(q) & (wc_conjunction | wc_relative | wc_complementizer | wc_subordinator | wc_auxiliary |
                      wc_pronoun | wc_preposition | wc_modal | wc_negation | wc_determiner | wc_role)) == 0;
}

// "will argue", "would welcome": a prediction or hypothesis, not a report.
// ("would formally declare", "will also argue": past adverbs.)
bool after_a_modal(const cue_context& c) {
  if (!c.p_word() || c.according()) return false;
  const reader& r = c.r;
  std::uint32_t m = c.p;
  for (int n = 0;
       n < 2 && m != npos && r.is_word(m) && !r.cap(m) &&
       (reader::ends_with(r.s(m), "ly") || ((r.cls(m) & wc_auxiliary) != 0 && r.adverbial_only(m)));
       ++n) {
    m = r.prev(m, c.u.first);
  }
  // ("Theresa May said": a capitalised "May" inside a sentence is a name.)
  const bool name = m != npos && r.cap(m) && r.prev(m, c.u.first) != npos;
  return m != npos && !name && (r.cls(m) & wc_modal) != 0;
}

// "Rwanda-backed", "U.S.-brokered": a participle in a compound adjective.
bool in_a_compound(const cue_context& c) { return c.first > 0 && c.r.punct_is(c.first - 1, "-"); }

// "per X" reports only after a comma or at the start ("…, per the ministry"); elsewhere it is the
// preposition ("$500 per speech").
bool per_as_a_preposition(const cue_context& c) {
  const reader& r = c.r;
  if (!c.according() || !c.one_word || !r.lower_is(c.first, "per")) return false;
  if (c.p != npos && !r.is_comma(c.p) && !r.is_dash(c.p) && !r.punct_is(c.p, "(")) return true;
  const std::uint32_t n = c.n;
  return n >= c.u.end || !r.is_word(n) || !(r.cap(n) || (r.cls(n) & wc_determiner) != 0);
}

// A capitalised cue word inside a sentence is a name ("Hope", "Read", "Grant").
bool capitalised_inside(const cue_context& c) {
  return c.r.cap(c.first) && c.p != npos && !c.according();
}

// An imperative or base form opening the sentence ("Read the rest here.").
bool imperative(const cue_context& c) { return c.p == npos && c.ce.base_form && !c.according(); }

struct cue_filter {
  std::string_view name;
  bool (*rejects)(const cue_context&);
};

// The filters, in the order they are tried (the cheap and frequent first).
constexpr std::array<cue_filter, 13> kCueFilters = {{
    {"participle after a noun", participle_after_a_noun},
    {"noun after a preposition", noun_after_preposition},
    {"noun after a possessive", noun_after_possessive},
    {"noun before a verb", noun_before_verb},
    {"singular noun before its verb", singular_noun_before_verb},
    {"noun after an article and a modifier", noun_after_article_and_modifier},
    {"plural noun after a modifier", plural_noun_after_modifier},
    {"plural noun after an object's determiner", noun_after_object_determiner},
    {"after a modal", after_a_modal},
    {"in a compound", in_a_compound},
    {"per as a preposition", per_as_a_preposition},
    {"capitalised inside a sentence", capitalised_inside},
    {"imperative", imperative},
}};

// Does token t fit element e of a veto pattern?
bool fits(const reader& r, std::uint32_t t, const cue_veto::element& e) {
  if (e.any) return true;
  if (e.end && r.is_terminal(t)) return true;
  for (const std::string& m : e.marks) {
    if (r.punct_is(t, m)) return true;
  }
  if (!r.is_word(t)) return false;
  for (const std::string& w : e.except) {
    if (r.lower_is(t, w)) return false;
  }
  if ((r.cls(t) & e.classes) != 0) return true;
  return std::any_of(e.words.begin(), e.words.end(),
                     [&](const std::string& w) { return r.lower_is(t, w); });
}

// Does a veto of the lexicon's [[vetoes]] reject the cue?
bool vetoed(const cue_context& c, const cue_veto& v) {
  const reader& r = c.r;
  const cue_entry& ce = c.ce;
  if ((v.unless_types & (1u << static_cast<unsigned>(ce.type))) != 0 ||
      (v.unless_flags & ce.flags) != 0) {
    return false;
  }
  if ((v.forms & cue_veto::one_word) != 0 && !c.one_word) return false;
  if ((v.forms & cue_veto::base) != 0 && !ce.base_form) return false;
  if ((v.forms & cue_veto::participle) != 0 && !(ce.participle && c.one_word)) return false;
  if ((v.forms & cue_veto::plural) != 0 && !(c.plural_form() && !ce.base_form)) return false;
  if ((v.forms & cue_veto::not_past_participle) != 0 && ce.past_participle) return false;
  std::uint32_t t = c.p;
  for (const cue_veto::element& e : v.before) {
    if (t == npos || !fits(r, t, e)) return false;
    t = r.prev(t, c.u.first);
  }
  t = c.n;
  for (const cue_veto::element& e : v.after) {
    if (t >= c.u.end || !fits(r, t, e)) return false;
    t = r.next(t, c.u.end);
  }
  return true;
}

bool plausible_cue(const reader& r, const unit& u, std::uint32_t first, std::uint32_t end,
                   const cue_entry& ce) {
  const cue_context c{r,
                      u,
                      first,
                      end,
                      ce,
                      r.prev(first, u.first),
                      r.next(end - 1, u.end),
                      ce.words.size() == 1,
                      (ce.flags & cf_noun) != 0};
  const auto& vetoes = r.lex().vetoes();
  return std::none_of(vetoes.begin(), vetoes.end(),
                      [&c](const cue_veto& v) { return vetoed(c, v); }) &&
         std::none_of(kCueFilters.begin(), kCueFilters.end(),
                      [&c](const cue_filter& f) { return f.rejects(c); });
}

}  // namespace

void find_cues(const reader& r, const unit& u, std::vector<cue_hit>& hits) {
  hits.clear();
  std::array<char, 32> buf{};
  const lexicon& lex = r.lex();
  for (std::uint32_t i = u.first; i < u.end; ++i) {
    if (!r.is_word(i) || r.in_quotation(i) || (r.cls(i) & (wc_cue | wc_phrase)) == 0) continue;
    const std::string_view key = lookup_key(r.s(i), buf);
    for (const std::uint32_t e : lex.cues_starting(key)) {
      const cue_entry& ce = lex.cue(e);
      std::uint32_t j = i;
      bool ok = true;
      for (std::size_t w = 1; ok && w < ce.words.size(); ++w) {
        j = r.next(j, u.end);
        ok = j < u.end && !r.in_quotation(j) && r.lower_is(j, ce.words[w]);
      }
      if (!ok) continue;
      // (A form that is not a report here ends the search: a shorter form is no report either.)
      if (!plausible_cue(r, u, i, j + 1, ce)) break;
      hits.push_back({i, j + 1, e});
      i = j;
      break;
    }
  }
}

}  // namespace sayso::detail
