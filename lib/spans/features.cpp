// The span model's features. Each sequence token gets feature_count keys, one per template
// below; a key is a 64-bit hash of the template and its values, so the model stores weights,
// never words. Values are computed once per token ("atoms") and combined per template.
#include "spans/features.hpp"

#include <algorithm>
#include <cstdint>
#include <array>
#include <string_view>

#include "text/unicode.hpp"

namespace sayso::detail::spans {

namespace {

// splitmix64's finaliser: every bit of the input moves every bit of the output.
constexpr std::uint64_t mix(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

constexpr std::uint64_t key(std::uint64_t tmpl, std::uint64_t a) noexcept {
  return mix(a + (tmpl + 1) * 0x9E3779B97F4A7C15ULL);
}
constexpr std::uint64_t key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b) noexcept {
  return mix(key(tmpl, a) ^ (b * 0xC2B2AE3D27D4EB4FULL));
}
constexpr std::uint64_t key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b, std::uint64_t c) noexcept {
  return mix(key(tmpl, a, b) ^ (c * 0x165667B19E3779F9ULL));
}

constexpr std::uint64_t fnv1a(std::string_view s) noexcept {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

// Word values for what is not a word, and for the edges of a sequence.
constexpr std::uint64_t kNumber = fnv1a("<number>");
constexpr std::uint64_t kDash = fnv1a("<dash>");
constexpr std::uint64_t kMark = fnv1a("<mark>");
constexpr std::uint64_t kBefore = fnv1a("<s>");
constexpr std::uint64_t kAfter = fnv1a("</s>");
constexpr std::uint64_t kComma = fnv1a(",");

enum shape : std::uint8_t {
  sh_lower, sh_capital, sh_upper, sh_number, sh_punct, sh_mark, sh_before, sh_after,
};

// Quotation state of a token.
enum quote_code : std::uint8_t { qs_outside, qs_inside, qs_open, qs_close, qs_stray };

// Classes that tell the roles apart; the others (time, place, ...) are left to the word.
constexpr std::uint32_t kClassMask = wc_determiner | wc_pronoun | wc_possessive | wc_relative | wc_complementizer |
                                     wc_negation | wc_auxiliary | wc_conjunction | wc_preposition | wc_title |
                                     wc_role | wc_org | wc_demonym | wc_medium | wc_verb | wc_cue | wc_phrase;

// Distance in tokens to the nearest cue word, in buckets (0: none in the sentence).
constexpr std::uint8_t bucket(std::uint32_t d) noexcept {
  if (d == 0) return 0;
  if (d <= 2) return static_cast<std::uint8_t>(d);
  if (d <= 4) return 3;
  if (d <= 8) return 4;
  if (d <= 16) return 5;
  return 6;
}

struct atom {
  std::uint64_t word = 0;
  std::uint64_t suffix = 0;
  std::uint32_t classes = 0;
  std::uint8_t shape = 0;
  std::uint8_t quote = 0;
  std::uint8_t rule = 0;
  std::uint8_t position = 0;  // bit 0: first of its sentence, bit 1: last, bit 2: first of the paragraph
  std::uint8_t cue_left = 0;
  std::uint8_t cue_right = 0;
  std::uint8_t commas = 0;    // commas since the cue on the left (0-2)
  std::uint8_t tail = 0;      // 1: before a final ", X said" segment of its sentence; 2: in it
  std::uint8_t head = 0;      // the sentence's first cue: bucket of its position, and the side
  std::uint64_t left_cue = 0;   // the nearest cue word on the left in the sentence (its word)
  std::uint64_t right_cue = 0;  // ... and on the right
};

thread_local std::vector<atom> t_atoms;

bool is_dash_token(std::string_view s) {
  if (s == "-" || s == "--") return true;
  return is_dash(first_code_point(s));
}

atom make_atom(const document& doc, const std::vector<token_info>& info, std::uint32_t t) {
  atom a;
  const token& tk = doc.tokens()[t];
  const std::string_view s = doc.text_of(tk.range);
  switch (tk.kind) {
    case token_kind::word: {
      std::array<char, 64> buffer{};
      std::string_view lower = lookup_key(s, buffer);
      if (lower.empty()) lower = s;
      a.word = fnv1a(lower);
      if (lower.size() >= 5) a.suffix = fnv1a(lower.substr(lower.size() - 3));
      a.classes = info[t].classes & kClassMask;
      a.shape = info[t].all_upper() ? sh_upper : info[t].starts_upper() ? sh_capital : sh_lower;
      break;
    }
    case token_kind::number:
      a.word = kNumber;
      a.shape = sh_number;
      break;
    case token_kind::quotation_mark:
      a.word = kMark;
      a.shape = sh_mark;
      break;
    default:
      a.word = is_dash_token(s) ? kDash : fnv1a(s);
      a.shape = sh_punct;
      break;
  }
  return a;
}

void mark_quotations(const encode_input& in, std::vector<std::uint8_t>& state) {
  const document& doc = in.doc;
  state.assign(doc.tokens().size(), qs_outside);
  for (const quotation& q : in.quotations) {
    if (!q.inner.empty()) {
      const std::uint32_t first = doc.token_at(q.inner.begin);
      const std::uint32_t last = doc.token_at(q.inner.end - 1);
      for (std::uint32_t t = first; t <= last; ++t) state[t] = qs_inside;
    }
  }
  // Marks after the inside, so that a nested quotation's marks are marks.
  for (const quotation& q : in.quotations) {
    if (!q.open_mark.empty()) {
      for (std::uint32_t t = doc.token_at(q.open_mark.begin); t <= doc.token_at(q.open_mark.end - 1); ++t) {
        state[t] = qs_open;
      }
    }
    if (q.closed && !q.close_mark.empty()) {
      for (std::uint32_t t = doc.token_at(q.close_mark.begin); t <= doc.token_at(q.close_mark.end - 1); ++t) {
        state[t] = qs_close;
      }
    }
  }
  const auto tokens = doc.tokens();
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].kind == token_kind::quotation_mark && state[t] != qs_open && state[t] != qs_close) {
      state[t] = qs_stray;
    }
  }
}

void mark_rules(const encode_input& in, std::vector<std::uint8_t>& role) {
  const document& doc = in.doc;
  role.assign(doc.tokens().size(), rc_none);
  for (const rule_quote& q : in.rules) {
    std::uint8_t code = rc_content_indirect;
    if (q.belief) {
      code = rc_content_belief;
    } else if (q.kind == quote_kind::direct) {
      code = rc_content_direct;
    } else if (q.kind == quote_kind::mixed) {
      code = rc_content_mixed;
    }
    for (const byte_range& r : q.spans) {
      if (r.empty()) continue;
      const std::uint32_t first = doc.token_at(r.begin);
      const std::uint32_t last = doc.token_at(r.end - 1);
      for (std::uint32_t t = first; t <= last; ++t) role[t] = code;
      role[first] |= rc_first;
      role[last] |= rc_last;
    }
  }
  for (const rule_quote& q : in.rules) {
    if (q.source_first != npos) {
      for (std::uint32_t t = q.source_first; t < q.source_end && t < role.size(); ++t) role[t] = rc_source;
    }
    if (q.cue_first != npos) {
      for (std::uint32_t t = q.cue_first; t < q.cue_end && t < role.size(); ++t) role[t] = rc_cue;
    }
  }
}

bool candidate(const encode_input& in, const encoded_document& out, std::uint32_t first, std::uint32_t end) {
  const auto tokens = in.doc.tokens();
  for (std::uint32_t t = first; t < end; ++t) {
    if (out.rule_role[t] != rc_none || out.quote_state[t] != qs_outside) return true;
    if (tokens[t].kind == token_kind::word && (in.info[t].classes & (wc_cue | wc_phrase)) != 0) return true;
    if (tokens[t].kind == token_kind::punctuation && in.doc.text_of(tokens[t].range) == ":") return true;
  }
  return false;
}

// Appends the keys of one sequence, whose tokens have the atoms `atoms`.
void emit_keys(const std::vector<atom>& atoms, std::vector<std::uint64_t>& keys) {
  const auto n = static_cast<std::int64_t>(atoms.size());
  atom before;
  before.word = kBefore;
  before.shape = sh_before;
  atom after;
  after.word = kAfter;
  after.shape = sh_after;
  const auto at = [&](std::int64_t j) -> const atom& {
    if (j < 0) return before;
    if (j >= n) return after;
    return atoms[static_cast<std::size_t>(j)];
  };
  for (std::int64_t j = 0; j < n; ++j) {
    const atom& a = atoms[static_cast<std::size_t>(j)];
    const atom& p = at(j - 1);
    const atom& q = at(j + 1);
    const atom& p2 = at(j - 2);
    const atom& q2 = at(j + 2);
    const std::uint8_t role = a.rule & rc_roles;
    const std::array<std::uint64_t, feature_count> k = {
        key(0, 0),
        key(1, a.word),
        key(2, p.word),
        key(3, q.word),
        key(4, p2.word),
        key(5, q2.word),
        key(6, p.word, a.word),
        key(7, a.word, q.word),
        key(8, p.shape, a.shape, q.shape),
        key(9, a.classes),
        key(10, p.classes, a.classes),
        key(11, a.classes, q.classes),
        key(12, a.suffix),
        key(13, p.quote, a.quote, q.quote),
        key(14, a.rule),
        key(15, p.rule & rc_roles, role, q.rule & rc_roles),
        key(16, role, a.word),
        key(17, role, q.word),
        key(18, role, p.word),
        key(19, a.position, a.shape),
        key(20, a.cue_left, a.cue_right),
        key(21, a.cue_left, a.word),
        key(22, a.cue_right, a.word),
        key(23, a.cue_left, a.commas, a.shape),
        key(24, a.quote, role),
        key(25, a.classes, q.word),
        key(26, a.tail, a.shape),
        key(27, a.head, a.tail),
        key(28, a.left_cue, a.cue_left),
        key(29, a.right_cue, a.cue_right),
    };
    keys.insert(keys.end(), k.begin(), k.end());
  }
}

}  // namespace

std::uint64_t bias_key() noexcept { return key(0, 0); }

void encode(const encode_input& in, encoded_document& out) {
  out.tokens.clear();
  out.sequences.clear();
  out.keys.clear();
  const document& doc = in.doc;
  const auto tokens = doc.tokens();
  const auto sentences = doc.sentences();
  mark_quotations(in, out.quote_state);
  mark_rules(in, out.rule_role);
  std::vector<atom>& atoms = t_atoms;
  for (std::uint32_t p = 0; p < doc.paragraphs().size(); ++p) {
    const paragraph& para = doc.paragraphs()[p];
    if (para.first_sentence >= para.end_sentence) continue;
    const std::uint32_t first = sentences[para.first_sentence].first_token;
    const std::uint32_t end = sentences[para.end_sentence - 1].end_token;
    if (!candidate(in, out, first, end)) continue;
    sequence seq;
    seq.first = static_cast<std::uint32_t>(out.tokens.size());
    seq.paragraph = p;
    atoms.clear();
    for (std::uint32_t s = para.first_sentence; s < para.end_sentence; ++s) {
      const sentence& sent = sentences[s];
      const auto sent_begin = atoms.size();
      for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) {
        if (tokens[t].kind == token_kind::space) continue;
        atom a = make_atom(doc, in.info, t);
        a.quote = out.quote_state[t];
        a.rule = out.rule_role[t];
        atoms.push_back(a);
        out.tokens.push_back(t);
      }
      if (atoms.size() == sent_begin) continue;
      atoms[sent_begin].position |= 1U;
      atoms.back().position |= 2U;
      if (s == para.first_sentence) atoms[sent_begin].position |= 4U;
      // Distances to the nearest cue word outside quotations, left and right, in the sentence.
      const auto is_cue = [&](std::size_t j) {
        return (atoms[j].classes & (wc_cue | wc_phrase)) != 0 && atoms[j].quote == qs_outside;
      };
      constexpr std::size_t none = SIZE_MAX;
      std::size_t cue = none;
      std::size_t first_cue = none;
      std::size_t last_break = none;  // the last comma or dash of the sentence
      std::uint8_t commas = 0;
      for (std::size_t j = sent_begin; j < atoms.size(); ++j) {
        atoms[j].cue_left = cue == none ? 0 : bucket(static_cast<std::uint32_t>(j - cue));
        atoms[j].left_cue = cue == none ? 0 : atoms[cue].word;
        atoms[j].commas = commas;
        const bool brk = atoms[j].shape == sh_punct && (atoms[j].word == kComma || atoms[j].word == kDash);
        if (brk && j + 1 < atoms.size()) last_break = j;
        if (is_cue(j)) {
          cue = j;
          commas = 0;
          if (first_cue == none) first_cue = j;
        } else if (cue != none && brk) {
          commas = static_cast<std::uint8_t>(std::min(2, commas + 1));
        }
      }
      cue = none;
      for (std::size_t j = atoms.size(); j-- > sent_begin;) {
        atoms[j].cue_right = cue == none ? 0 : bucket(static_cast<std::uint32_t>(cue - j));
        atoms[j].right_cue = cue == none ? 0 : atoms[cue].word;
        if (is_cue(j)) cue = j;
      }
      // "C, X said." and "C, said X.": a short final segment holding a cue.
      if (last_break != none && atoms.size() - last_break <= 12) {
        bool cue_in_tail = false;
        for (std::size_t j = last_break + 1; j < atoms.size(); ++j) cue_in_tail = cue_in_tail || is_cue(j);
        if (cue_in_tail) {
          for (std::size_t j = sent_begin; j < atoms.size(); ++j) atoms[j].tail = j <= last_break ? 1 : 2;
        }
      }
      if (first_cue != none) {
        const auto b = static_cast<std::uint8_t>(bucket(static_cast<std::uint32_t>(first_cue - sent_begin + 1)) << 2);
        for (std::size_t j = sent_begin; j < atoms.size(); ++j) {
          atoms[j].head = static_cast<std::uint8_t>(b | (j < first_cue ? 1 : j == first_cue ? 2 : 3));
        }
      }
    }
    seq.end = static_cast<std::uint32_t>(out.tokens.size());
    if (seq.end == seq.first) continue;
    emit_keys(atoms, out.keys);
    out.sequences.push_back(seq);
  }
}

}  // namespace sayso::detail::spans
