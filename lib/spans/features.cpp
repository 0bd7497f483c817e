// The span model's features. Each token of a candidate sentence gets feature_count buckets, one
// per template below: a hash of the template and its values, cut to the model's bucket bits,
// so the model stores weights, never words. Values are computed once per token ("atoms") and
// combined per template.
#include "spans/features.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "text/unicode.hpp"

namespace sayso::detail::spans {

namespace {

// A word's hash, eight bytes at a time (a byte-at-a-time hash costs a multiplication per byte,
// on the path of every token). constexpr for the constants below.
constexpr std::uint64_t word_hash(std::string_view s) noexcept {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  std::size_t i = 0;
  while (i < s.size()) {
    std::uint64_t chunk = 0;
    if (!std::is_constant_evaluated() && i + 8 <= s.size()) {
      std::memcpy(&chunk, s.data() + i, 8);  // little-endian hosts; the model file is too
    } else {
      for (std::size_t k = 0; k < 8 && i + k < s.size(); ++k) {
        chunk |= std::uint64_t{static_cast<unsigned char>(s[i + k])} << (8 * k);
      }
    }
    h = (h ^ chunk) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
    i += 8;
  }
  return h * 0x94D049BB133111EBULL;
}

// The last three bytes of a word, as a number (its suffix feature).
constexpr std::uint64_t suffix_of(std::string_view s) noexcept {
  std::uint64_t v = 0;
  for (std::size_t k = s.size() - 3; k < s.size(); ++k) v = (v << 8) | static_cast<unsigned char>(s[k]);
  return v + 1;
}

// Word values for what is not a word, and for the edges of a sentence.
constexpr std::uint64_t kNumber = word_hash("<number>");
constexpr std::uint64_t kDash = word_hash("<dash>");
constexpr std::uint64_t kMark = word_hash("<mark>");
constexpr std::uint64_t kBefore = word_hash("<s>");
constexpr std::uint64_t kAfter = word_hash("</s>");
constexpr std::uint64_t kComma = word_hash(",");

enum shape : std::uint8_t { sh_lower, sh_capital, sh_upper, sh_number, sh_punct, sh_mark, sh_before, sh_after };

// Classes that tell the roles apart; the others (time, place, ...) are left to the word.
constexpr std::uint32_t kClassMask = wc_determiner | wc_pronoun | wc_possessive | wc_relative | wc_complementizer |
                                     wc_negation | wc_auxiliary | wc_conjunction | wc_preposition | wc_title |
                                     wc_role | wc_org | wc_demonym | wc_medium | wc_verb | wc_cue | wc_phrase;

// Distance in tokens to the nearest cue word, in buckets (0: none in the sentence).
constexpr std::uint8_t bucket_of(std::size_t d) noexcept {
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
  std::uint64_t left_cue = 0;   // the nearest cue word on the left in the sentence (its word)
  std::uint64_t right_cue = 0;  // ... and on the right
  std::uint32_t classes = 0;
  std::uint8_t shape = 0;
  std::uint8_t quote = 0;
  std::uint8_t rule = 0;
  std::uint8_t position = 0;  // bit 0: first of its sentence, bit 1: last, bit 2: first of the paragraph
  std::uint8_t cue_left = 0;  // distance buckets to those cues
  std::uint8_t cue_right = 0;
  std::uint8_t commas = 0;    // commas since the cue on the left (0-2)
  std::uint8_t tail = 0;      // 1: before a final ", X said" segment of its sentence; 2: in it
  std::uint8_t head = 0;      // the sentence's first cue: bucket of its position, and the side
  std::uint8_t cue_type = 0;  // for a cue word: 1 + its lexicon cue_type
  std::uint8_t left_type = 0;   // cue_type of the nearest cue on the left, and on the right
  std::uint8_t right_type = 0;
  std::uint8_t quoted = 0;    // the sentence holds a quotation mark
};

// A feature's bucket: the template and up to three values, multiplied into one word whose top
// bits are the bucket (the values' products are independent, so the multiplications overlap).
class hasher {
 public:
  explicit hasher(std::uint32_t bits) : shift_(64 - bits) {}
  [[nodiscard]] std::uint32_t operator()(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0,
                                         std::uint64_t c = 0) const noexcept {
    std::uint64_t h = ((tmpl + 1) * 0x9E3779B97F4A7C15ULL) ^ (a * 0xBF58476D1CE4E5B9ULL) ^
                      (b * 0x94D049BB133111EBULL) ^ (c * 0xD6E8FEB86659FD93ULL);
    h = (h ^ (h >> 31)) * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::uint32_t>(h >> shift_);
  }

 private:
  unsigned shift_;
};

bool is_dash_token(std::string_view s) {
  if (s == "-" || s == "--") return true;
  return is_dash(first_code_point(s));
}

atom make_atom(const encode_input& in, std::uint32_t t) {
  atom a;
  const token& tk = in.doc.tokens()[t];
  const std::string_view s = in.doc.text_of(tk.range);
  switch (tk.kind) {
    case token_kind::word: {
      std::array<char, 64> buffer;  // NOLINT(cppcoreguidelines-pro-type-member-init): lookup_key writes it
      std::string_view lower = lookup_key(s, buffer);
      if (lower.empty()) lower = s;
      a.word = word_hash(lower);
      if (lower.size() >= 5) a.suffix = suffix_of(lower);
      const std::uint32_t c = in.info[t].classes;
      a.classes = c & kClassMask;
      if ((c & (wc_cue | wc_phrase)) != 0) {
        const auto entries = in.lex.cues_starting(lower);
        if (!entries.empty()) a.cue_type = static_cast<std::uint8_t>(1 + static_cast<int>(in.lex.cue(entries.front()).type));
      }
      a.shape = in.info[t].all_upper() ? sh_upper : in.info[t].starts_upper() ? sh_capital : sh_lower;
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
      a.word = is_dash_token(s) ? kDash : word_hash(s);
      a.shape = sh_punct;
      break;
  }
  return a;
}

// The sentence-level atoms: cue distances and types, the final ", X said" segment, the first
// cue, quotation marks anywhere in the sentence.
void sentence_atoms(std::vector<atom>& atoms) {
  const std::size_t n = atoms.size();
  atoms.front().position |= 1U;
  atoms.back().position |= 2U;
  const auto is_cue = [&](std::size_t j) {
    return (atoms[j].classes & (wc_cue | wc_phrase)) != 0 && atoms[j].quote == qs_outside;
  };
  constexpr std::size_t none = SIZE_MAX;
  std::size_t cue = none;
  std::size_t first_cue = none;
  std::size_t last_break = none;  // the last comma or dash of the sentence
  std::uint8_t commas = 0;
  bool quoted = false;
  for (std::size_t j = 0; j < n; ++j) {
    atom& a = atoms[j];
    quoted = quoted || a.quote != qs_outside;
    a.cue_left = cue == none ? 0 : bucket_of(j - cue);
    a.left_cue = cue == none ? 0 : atoms[cue].word;
    a.left_type = cue == none ? 0 : atoms[cue].cue_type;
    a.commas = commas;
    const bool brk = a.shape == sh_punct && (a.word == kComma || a.word == kDash);
    if (brk && j + 1 < n) last_break = j;
    if (is_cue(j)) {
      cue = j;
      commas = 0;
      if (first_cue == none) first_cue = j;
    } else if (cue != none && brk) {
      commas = static_cast<std::uint8_t>(std::min(2, commas + 1));
    }
  }
  cue = none;
  for (std::size_t j = n; j-- > 0;) {
    atom& a = atoms[j];
    a.cue_right = cue == none ? 0 : bucket_of(cue - j);
    a.right_cue = cue == none ? 0 : atoms[cue].word;
    a.right_type = cue == none ? 0 : atoms[cue].cue_type;
    a.quoted = quoted ? 1 : 0;
    if (is_cue(j)) cue = j;
  }
  // "C, X said." and "C, said X.": a short final segment holding a cue.
  if (last_break != none && n - last_break <= 12) {
    bool cue_in_tail = false;
    for (std::size_t j = last_break + 1; j < n; ++j) cue_in_tail = cue_in_tail || is_cue(j);
    if (cue_in_tail) {
      for (std::size_t j = 0; j < n; ++j) atoms[j].tail = j <= last_break ? 1 : 2;
    }
  }
  if (first_cue != none) {
    const auto b = static_cast<std::uint8_t>(bucket_of(first_cue + 1) << 2);
    for (std::size_t j = 0; j < n; ++j) {
      atoms[j].head = static_cast<std::uint8_t>(b | (j < first_cue ? 1 : j == first_cue ? 2 : 3));
    }
  }
}

void emit(const std::vector<atom>& atoms, const hasher& h, std::vector<std::uint32_t>& buckets) {
  const std::size_t n = atoms.size();
  atom before;
  before.word = kBefore;
  before.shape = sh_before;
  atom after;
  after.word = kAfter;
  after.shape = sh_after;
  const auto at = [&](std::size_t j, int d) -> const atom& {
    if (d < 0 && j < static_cast<std::size_t>(-d)) return before;
    if (d > 0 && j + static_cast<std::size_t>(d) >= n) return after;
    return atoms[j + static_cast<std::size_t>(d)];
  };
  const std::size_t base = buckets.size();
  buckets.resize(base + n * feature_count);
  std::uint32_t* out = buckets.data() + base;
  for (std::size_t j = 0; j < n; ++j, out += feature_count) {
    const atom& a = atoms[j];
    const atom& p = at(j, -1);
    const atom& q = at(j, 1);
    const atom& p2 = at(j, -2);
    const atom& q2 = at(j, 2);
    const std::uint8_t role = a.rule & rc_roles;
    out[0] = h(0, 0);
    out[1] = h(1, a.word);
    out[2] = h(2, p.word);
    out[3] = h(3, q.word);
    out[4] = h(4, p2.word);
    out[5] = h(5, q2.word);
    out[6] = h(6, p.word, a.word);
    out[7] = h(7, a.word, q.word);
    out[8] = h(8, p.shape, a.shape, q.shape);
    out[9] = h(9, a.classes);
    out[10] = h(10, p.classes, a.classes);
    out[11] = h(11, a.classes, q.classes);
    out[12] = h(12, a.suffix);
    out[13] = h(13, p.quote, a.quote, q.quote);
    out[14] = h(14, a.rule);
    out[15] = h(15, p.rule & rc_roles, role, q.rule & rc_roles);
    out[16] = h(16, role, a.word);
    out[17] = h(17, role, q.word);
    out[18] = h(18, role, p.word);
    out[19] = h(19, a.position, a.shape);
    out[20] = h(20, a.cue_left, a.cue_right);
    out[21] = h(21, a.cue_left, a.word);
    out[22] = h(22, a.cue_right, a.word);
    out[23] = h(23, a.cue_left, a.commas, a.shape);
    out[24] = h(24, a.quote, role);
    out[25] = h(25, a.classes, q.word);
    out[26] = h(26, a.tail, a.shape);
    out[27] = h(27, a.head, a.tail);
    out[28] = h(28, a.left_cue, a.cue_left);
    out[29] = h(29, a.right_cue, a.cue_right);
    out[30] = h(30, a.left_type, a.cue_left, a.shape);
    out[31] = h(31, a.right_type, a.cue_right, a.tail);
    out[32] = h(32, a.quoted, a.quote, role);
    out[33] = h(33, role, a.cue_left, a.cue_right);
  }
}

void mark_quotations(const encode_input& in, std::vector<std::uint8_t>& state) {
  const document& doc = in.doc;
  state.assign(doc.tokens().size(), qs_outside);
  for (const quotation& q : in.quotations) {
    if (!q.inner.empty()) {
      const std::uint32_t first = doc.token_at(q.inner.begin);
      const std::uint32_t last = doc.token_at(q.inner.end - 1);
      std::fill(state.begin() + first, state.begin() + last + 1, qs_inside);
    }
  }
  // Marks after the insides, so that a nested quotation's marks are marks.
  const auto set = [&](byte_range r, std::uint8_t v) {
    if (r.empty()) return;
    for (std::uint32_t t = doc.token_at(r.begin); t <= doc.token_at(r.end - 1); ++t) state[t] = v;
  };
  for (const quotation& q : in.quotations) {
    set(q.open_mark, qs_open);
    if (q.closed) set(q.close_mark, qs_close);
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
      std::fill(role.begin() + first, role.begin() + last + 1, code);
      role[first] |= rc_first;
      role[last] |= rc_last;
    }
  }
  for (const rule_quote& q : in.rules) {
    const auto set = [&](std::uint32_t first, std::uint32_t end, std::uint8_t v) {
      if (first == npos) return;
      for (std::uint32_t t = first; t < end && t < role.size(); ++t) role[t] = v;
    };
    if (q.source) set(q.source->first, q.source->end, rc_source);
    if (q.cue && !q.cue->range.empty()) {
      set(doc.token_at(q.cue->range.begin), doc.token_at(q.cue->range.end - 1) + 1, rc_cue);
    }
  }
}

}  // namespace

void mark(const encode_input& in, marks& out) {
  mark_quotations(in, out.quote_state);
  mark_rules(in, out.rule_role);
}

bool candidate(const encode_input& in, const marks& m, std::uint32_t s) {
  const sentence& sent = in.doc.sentences()[s];
  const auto tokens = in.doc.tokens();
  // Beyond a few hundred words a "sentence" is a list, a table or hostile input: the stage's
  // work per attribution is linear in its sentence, so it keeps to sentences of bounded length.
  if (sent.end_token - sent.first_token > kMaxSentenceTokens) return false;
  for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) {
    const std::uint8_t r = m.rule_role[t] & rc_roles;
    if (r == rc_content_mixed || r == rc_content_indirect || r == rc_content_belief) return true;
  }
  for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) {
    if (tokens[t].kind != token_kind::word || (in.info[t].classes & (wc_cue | wc_phrase)) == 0 ||
        m.quote_state[t] != qs_outside || (m.rule_role[t] & rc_roles) == rc_cue) {
      continue;
    }
    // A cue the stage could add a quote for (spans/stage.cpp): speech, "according to", an act.
    std::array<char, 64> buffer;  // NOLINT(cppcoreguidelines-pro-type-member-init): lookup_key writes it
    for (const std::uint32_t e : in.lex.cues_starting(lookup_key(in.doc.text_of(tokens[t].range), buffer))) {
      const cue_type type = in.lex.cue(e).type;
      if (type == cue_type::speech || type == cue_type::according || type == cue_type::act) return true;
    }
  }
  return false;
}

void encode_sentence(const encode_input& in, const marks& m, std::uint32_t s, std::uint32_t bucket_bits,
                     std::vector<std::uint32_t>& tokens, std::vector<std::uint32_t>& buckets) {
  thread_local std::vector<atom> atoms;
  atoms.clear();
  const document& doc = in.doc;
  const sentence& sent = doc.sentences()[s];
  const auto toks = doc.tokens();
  for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) {
    if (toks[t].kind == token_kind::space) continue;
    atom a = make_atom(in, t);
    a.quote = m.quote_state[t];
    a.rule = m.rule_role[t];
    atoms.push_back(a);
    tokens.push_back(t);
  }
  if (atoms.empty()) return;
  if (s == doc.paragraphs()[sent.paragraph].first_sentence) atoms.front().position |= 4U;
  sentence_atoms(atoms);
  emit(atoms, hasher(bucket_bits), buckets);
}

void encode(const encode_input& in, std::uint32_t bucket_bits, encoded_document& out) {
  out.tokens.clear();
  out.sequences.clear();
  out.buckets.clear();
  mark(in, out.m);
  const auto n = static_cast<std::uint32_t>(in.doc.sentences().size());
  for (std::uint32_t s = 0; s < n; ++s) {
    if (!candidate(in, out.m, s)) continue;
    sequence seq;
    seq.first = static_cast<std::uint32_t>(out.tokens.size());
    seq.sentence = s;
    encode_sentence(in, out.m, s, bucket_bits, out.tokens, out.buckets);
    seq.end = static_cast<std::uint32_t>(out.tokens.size());
    if (seq.end > seq.first) out.sequences.push_back(seq);
  }
}

std::uint32_t bias_bucket(std::uint32_t bucket_bits) noexcept { return hasher(bucket_bits)(0, 0); }

}  // namespace sayso::detail::spans
