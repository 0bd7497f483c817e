#include "stance/word_screen.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

#include "stance/pattern_parser.hpp"

namespace sayso::detail {

namespace {

using pattern_syntax::lower;
using pattern_syntax::node;
using pattern_syntax::parse_error;
using pattern_syntax::word_char;

// ---- analysis -----------------------------------------------------------------------------------

// A set of strings, sorted and unique; non-word characters written ' '.
using language = std::vector<std::string>;
constexpr std::size_t kMaxStrings = 512;

void normalise(language& l) {
  std::sort(l.begin(), l.end());
  l.erase(std::unique(l.begin(), l.end()), l.end());
}

bool nullable(const node& n) {
  switch (n.kind) {
    case node::literal:
    case node::klass: return false;
    case node::boundary: return true;
    case node::concat: return std::all_of(n.children.begin(), n.children.end(), nullable);
    case node::alternate: return std::any_of(n.children.begin(), n.children.end(), nullable);
    case node::repeat: return n.min == 0 || nullable(n.children[0]);
  }
  return true;
}

// Every non-empty match starts (front) or ends (!front) with a non-word character.
bool edge_nonword(const node& n, bool front) {
  switch (n.kind) {
    case node::literal: return (front ? n.text.front() : n.text.back()) == ' ';
    case node::klass: return n.words.empty();
    case node::boundary: return true;
    case node::alternate:
      return std::all_of(n.children.begin(), n.children.end(), [&](const node& c) { return edge_nonword(c, front); });
    case node::repeat: return edge_nonword(n.children[0], front);
    case node::concat: {
      const std::size_t m = n.children.size();
      for (std::size_t k = 0; k < m; ++k) {
        const node& c = n.children[front ? k : m - 1 - k];
        if (!edge_nonword(c, front)) return false;
        if (!nullable(c)) return true;
      }
      return true;
    }
  }
  return false;
}

bool product(language& acc, const language& b) {
  if (acc.size() * b.size() > kMaxStrings) return false;
  language out;
  out.reserve(acc.size() * b.size());
  for (const std::string& x : acc) {
    for (const std::string& y : b) out.push_back(x + y);
  }
  normalise(out);
  acc = std::move(out);
  return true;
}

std::optional<language> compute_strings(const node& n);

// The strings n matches, if finitely many (and few); null otherwise. Computed once per node.
const language* strings(const node& n) {
  if (!n.strings_known) {
    auto l = compute_strings(n);
    n.strings_memo = l ? std::make_shared<const language>(std::move(*l)) : nullptr;
    n.strings_known = true;
  }
  return n.strings_memo.get();
}

const language kSeparator{" "};

std::optional<language> compute_strings(const node& n) {
  switch (n.kind) {
    case node::literal: return language{n.text};
    case node::boundary: return language{std::string()};
    case node::klass: {
      if (n.words.empty()) return kSeparator;
      if (n.nonword || n.words.size() > 12) return std::nullopt;
      language out;
      for (const char c : n.words) out.emplace_back(1, c);
      return out;
    }
    case node::alternate: {
      language out;
      for (const node& c : n.children) {
        const language* l = strings(c);
        if (l == nullptr) return std::nullopt;
        out.insert(out.end(), l->begin(), l->end());
        if (out.size() > kMaxStrings) return std::nullopt;
      }
      normalise(out);
      return out;
    }
    case node::concat: {
      language out{std::string()};
      for (const node& c : n.children) {
        const language* l = strings(c);
        if (l == nullptr || !product(out, *l)) return std::nullopt;
      }
      return out;
    }
    case node::repeat: {
      const language* l = strings(n.children[0]);
      if (l == nullptr) return std::nullopt;
      // A run of non-word characters repeated is still a run of them.
      if (n.max < 0) return *l == kSeparator ? std::optional<language>(kSeparator) : std::nullopt;
      if (n.max > 4) return std::nullopt;
      language out;
      language current{std::string()};
      for (int k = 0; k <= n.max; ++k) {
        if (k >= n.min) out.insert(out.end(), current.begin(), current.end());
        if (out.size() > kMaxStrings) return std::nullopt;
        if (k == n.max || !product(current, *l)) break;
      }
      if (out.size() > kMaxStrings) return std::nullopt;
      normalise(out);
      return out;
    }
  }
  return std::nullopt;
}

using word_set = std::vector<std::string>;  // sorted, unique

// How rare a word looks: its length, or 0 for a function word (found in most texts).
int rarity(std::string_view w) {
  static constexpr std::array<std::string_view, 72> kCommon = {
      "a",     "an",    "the",  "this", "that", "these", "those", "its",   "it",    "their", "his",   "her",
      "our",   "your",  "my",   "all",  "any",  "some",  "of",    "to",    "in",    "on",    "for",   "with",
      "by",    "at",    "from", "and",  "or",   "but",   "not",   "no",    "will",  "would", "shall", "should",
      "can",   "could", "must", "may",  "might", "be",   "is",    "are",   "was",   "were",  "been",  "has",
      "have",  "had",   "do",   "does", "did",  "as",    "if",    "than",  "then",  "so",    "up",    "out",
      "over",  "into",  "about", "after", "before", "under", "who", "which", "what", "when", "where", "how"};
  if (w.size() <= 6 && std::find(kCommon.begin(), kCommon.end(), w) != kCommon.end()) return 0;
  return static_cast<int>(w.size());
}
int rarity(const word_set& s) {
  int r = 1 << 20;
  for (const std::string& w : s) r = std::min(r, rarity(w));
  return r;
}

// One bounded word per string of `l`: a set every match holds a word of, or nothing. `left` and
// `right`: the characters before and after any match of the piece are non-word characters
// (where the piece begins or ends with a word character).
std::optional<word_set> bounded_words(const language& l, bool left, bool right) {
  word_set out;
  for (const std::string& s : l) {
    std::string_view best;
    for (std::size_t a = 0; a < s.size();) {
      if (s[a] == ' ') {
        ++a;
        continue;
      }
      std::size_t b = a;
      while (b < s.size() && s[b] != ' ') ++b;
      if ((a > 0 || left) && (b < s.size() || right)) {
        const std::string_view w = std::string_view(s).substr(a, b - a);
        if (best.empty() || rarity(w) > rarity(best)) best = w;
      }
      a = b;
    }
    if (best.empty()) return std::nullopt;
    out.emplace_back(best);
  }
  normalise(out);
  return out;
}

// Appends n to a sequence of pieces, a concatenation as its pieces (it is associative).
void flatten_into(const node& n, std::vector<const node*>& seq) {
  if (n.kind != node::concat) {
    seq.push_back(&n);
    return;
  }
  for (const node& c : n.children) flatten_into(c, seq);
}

void candidates_of(const node& n, bool left, bool right, std::vector<word_set>& out);

// Word sets of a sequence of pieces (a concatenation), `left`/`right` as for bounded_words.
void candidates_of_sequence(const std::vector<const node*>& items, bool left, bool right, std::vector<word_set>& out) {
  const std::size_t m = items.size();
  // prev[i]: before position i stands a non-word character (for a word starting there);
  // next[i]: after position i likewise (for a word ending there). A word boundary next to a word
  // character means a non-word character (or the text's end) on its other side.
  std::vector<bool> prev(m + 1, false);
  std::vector<bool> next(m + 1, false);
  prev[0] = left;
  for (std::size_t i = 1; i <= m; ++i) {
    const node& x = *items[i - 1];
    prev[i] = x.kind == node::boundary || (edge_nonword(x, false) && (!nullable(x) || prev[i - 1]));
  }
  next[m] = right;
  for (std::size_t i = m; i-- > 0;) {
    const node& x = *items[i];
    next[i] = x.kind == node::boundary || (edge_nonword(x, true) && (!nullable(x) || next[i + 1]));
  }
  // A run holds pieces with few strings, up to a separator (a run of non-word characters) or a
  // word boundary (whose bound prev and next keep).
  const auto in_run = [](const node& x) {
    if (x.kind == node::boundary) return false;
    const language* l = strings(x);
    return l != nullptr && !(*l == kSeparator && !nullable(x));
  };
  for (std::size_t i = 0; i < m;) {
    if (in_run(*items[i])) {
      // One bounded word per string of the run.
      std::size_t j = i;
      language run{std::string()};
      bool finite = true;
      bool empty = true;
      for (; j < m && in_run(*items[j]); ++j) {
        finite = finite && product(run, *strings(*items[j]));
        empty = empty && nullable(*items[j]);
      }
      if (finite && !empty) {
        if (auto w = bounded_words(run, prev[i], next[j])) out.push_back(std::move(*w));
      }
      i = j;
    } else {
      if (!nullable(*items[i])) candidates_of(*items[i], prev[i], next[i + 1], out);
      ++i;
    }
  }
}

// Word sets each of which every match of n holds a word of.
void candidates_of(const node& n, bool left, bool right, std::vector<word_set>& out) {
  if (nullable(n)) return;
  if (n.kind == node::concat) {
    std::vector<const node*> items;
    flatten_into(n, items);
    candidates_of_sequence(items, left, right, out);
    return;
  }
  if (const language* l = strings(n)) {
    if (auto w = bounded_words(*l, left, right)) {
      out.push_back(std::move(*w));
      return;
    }
  }
  switch (n.kind) {
    case node::alternate: {
      // Each branch's best set, joined.
      word_set joined;
      for (const node& c : n.children) {
        std::vector<word_set> sets;
        candidates_of(c, left, right, sets);
        if (sets.empty()) return;
        const auto best = std::max_element(sets.begin(), sets.end(),
                                           [](const word_set& a, const word_set& b) { return rarity(a) < rarity(b); });
        joined.insert(joined.end(), best->begin(), best->end());
      }
      normalise(joined);
      out.push_back(std::move(joined));
      return;
    }
    case node::repeat:
      // The first repetition: bounded on the right by the next one only if it starts with a
      // non-word character.
      if (n.min >= 1) {
        candidates_of(n.children[0], left, n.max == 1 ? right : right && edge_nonword(n.children[0], true), out);
      }
      return;
    default: return;
  }
}

// The alternatives of a pattern, as sequences of pieces: its top-level branches, and through
// "\b(?:a|b)\b" the branches inside.
void alternatives_of(const node& n, std::vector<std::vector<const node*>>& out) {
  if (n.kind == node::alternate) {
    for (const node& c : n.children) alternatives_of(c, out);
    return;
  }
  std::vector<const node*> seq;
  flatten_into(n, seq);
  // One alternation among word boundaries: each of its branches is an alternative.
  std::size_t inner = seq.size();
  for (std::size_t i = 0; i < seq.size(); ++i) {
    if (seq[i]->kind == node::boundary) continue;
    if (inner != seq.size()) {
      inner = seq.size();
      break;
    }
    inner = i;
    if (seq[i]->kind != node::alternate) break;
  }
  if (inner < seq.size() && seq[inner]->kind == node::alternate &&
      std::all_of(seq.begin(), seq.end(), [&](const node* x) { return x == seq[inner] || x->kind == node::boundary; })) {
    for (const node& branch : seq[inner]->children) {
      std::vector<const node*> alt;
      for (const node* x : seq) {
        if (x == seq[inner]) {
          flatten_into(branch, alt);
        } else {
          alt.push_back(x);
        }
      }
      out.push_back(std::move(alt));
    }
    return;
  }
  out.push_back(std::move(seq));
}

// Each byte lowered if it is a word character (RE2's \w), else 0.
constexpr std::array<unsigned char, 256> kWordByte = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned c = 0; c < 256; ++c) {
    if (word_char(static_cast<unsigned char>(c))) t[c] = static_cast<unsigned char>(lower(static_cast<char>(c)));
  }
  return t;
}();

// The hash of a word, byte by byte (FNV-1a), finished; lower case bytes.
constexpr std::uint64_t kSeed = 0xCBF29CE484222325ULL;
inline std::uint64_t step(std::uint64_t h, unsigned char c) { return (h ^ c) * 0x100000001B3ULL; }
inline std::uint64_t finish(std::uint64_t h) {
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 32);
}
std::uint64_t hash_word(std::string_view w) {
  std::uint64_t h = kSeed;
  for (const char c : w) h = step(h, static_cast<unsigned char>(c));
  return finish(h);
}

// An alternative written as a pattern of its own: its pieces, each in a group that keeps whether
// case counts there.
std::string source_of(const std::vector<const node*>& seq, std::string_view pattern) {
  std::string out;
  for (const node* piece : seq) {
    if (piece->kind == node::boundary) {
      out += "\\b";
      continue;
    }
    out += piece->sensitive ? "(?-i:" : "(?:";
    out += pattern.substr(piece->from, piece->to - piece->from);
    out += ')';
  }
  return out;
}

// Is the alternative one word between word boundaries ("\\b(?:truces?)\\b"), whose few spellings
// are the only set kept? Then it matches where one of them is a whole word of the text.
bool single_word(const std::vector<const node*>& seq) {
  if (seq.size() < 3 || seq.front()->kind != node::boundary || seq.back()->kind != node::boundary) return false;
  language l{std::string()};
  bool empty = true;
  for (std::size_t i = 1; i + 1 < seq.size(); ++i) {
    const node& x = *seq[i];
    const language* piece = x.kind == node::boundary ? nullptr : strings(x);
    if (piece == nullptr || !product(l, *piece)) return false;
    empty = empty && nullable(x);
  }
  return !empty && std::all_of(l.begin(), l.end(), [](const std::string& w) {
    return !w.empty() && w.find(' ') == std::string::npos;
  });
}

constexpr std::size_t kMaxSets = 4;  // word sets kept per alternative (a byte of bits)

// Per thread: the sets found of each alternative, and which alternatives were touched.
struct scratch {
  std::vector<std::uint8_t> found;
  std::vector<std::uint32_t> touched;
};

}  // namespace

void word_screen::add(std::uint32_t entry, std::string_view pattern, bool then_build) {
  entries_ = std::max(entries_, entry + 1);
  std::optional<node> root;
  std::vector<std::vector<const node*>> alternatives;
  try {
    root = pattern_syntax::parse(pattern);
    alternatives_of(*root, alternatives);
  } catch (const parse_error&) {
    alternatives.clear();
  }
  // An alternative with no word to look for always passes.
  const auto always = [&](std::string source, bool bounded) {
    always_.push_back(static_cast<std::uint32_t>(alternatives_.size()));
    alternatives_.push_back({entry, 0, false, bounded, std::move(source)});
  };
  if (alternatives.empty()) always(std::string(pattern), false);
  for (const std::vector<const node*>& a : alternatives) {
    // (source_of writes a leading boundary as \b before the rest: every match starts at one.)
    const bool bounded = !a.empty() && a.front()->kind == node::boundary;
    std::vector<word_set> sets;
    candidates_of_sequence(a, false, false, sets);
    // Rarest first; sets of function words only where there is nothing better (they select
    // little, and every "the" would look them up).
    std::stable_sort(sets.begin(), sets.end(), [](const word_set& x, const word_set& y) { return rarity(x) > rarity(y); });
    while (sets.size() > 1 && rarity(sets.back()) == 0) sets.pop_back();
    if (sets.size() > kMaxSets) sets.resize(kMaxSets);
    if (sets.empty()) {
      always(source_of(a, pattern), bounded);
      continue;
    }
    const auto index = static_cast<std::uint32_t>(alternatives_.size());
    alternatives_.push_back(
        {entry, static_cast<std::uint8_t>(sets.size()), single_word(a), bounded, source_of(a, pattern)});
    for (std::size_t k = 0; k < sets.size(); ++k) {
      for (const std::string& w : sets[k]) {
        std::vector<std::uint32_t>& codes = words_[w];
        const std::uint32_t code = index << 2 | static_cast<std::uint32_t>(k);
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
        longest_ = std::max(longest_, w.size());
      }
    }
  }
  if (then_build) build();
}

void word_screen::build() {
  // The table scan() reads: open addressing by the word's hash, each slot with its word (a word is
  // found only as itself, so that a single word found decides a match: one_word()).
  std::size_t size = 16;
  while (size < 2 * words_.size()) size *= 2;
  starts_.fill(0);
  slots_.assign(size, slot{});
  codes_.clear();
  keys_.clear();
  words_.for_each([&](std::string_view w, const std::vector<std::uint32_t>& codes) {
    const unsigned first2 = static_cast<unsigned>(static_cast<unsigned char>(w[0])) << 8 |
                            (w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0U);
    starts_[first2 >> 6] |= std::uint64_t{1} << (first2 & 63U);
    const std::uint64_t h = hash_word(w);
    std::size_t i = h & (size - 1);
    while (slots_[i].count != 0) i = (i + 1) & (size - 1);
    slot& sl = slots_[i];
    sl.tag = static_cast<std::uint32_t>(h >> 32);
    sl.begin = static_cast<std::uint32_t>(codes_.size());
    sl.count = static_cast<std::uint32_t>(codes.size());
    sl.key = static_cast<std::uint32_t>(keys_.size());
    sl.size = static_cast<std::uint32_t>(w.size());
    codes_.insert(codes_.end(), codes.begin(), codes.end());
    keys_.append(w);
  });
}

bool word_screen::scan(std::string_view text, std::vector<std::uint32_t>& entries,
                       std::vector<std::uint32_t>* alternatives, std::uint32_t only) const {
  bool decided = true;
  entries.clear();
  if (alternatives != nullptr) alternatives->clear();
  const auto take = [&](std::uint32_t a) {
    if (only != UINT32_MAX && alternatives_[a].entry != only) return;
    entries.push_back(alternatives_[a].entry);
    if (alternatives != nullptr) alternatives->push_back(a);
  };
  // RE2 folds 'k' with the Kelvin sign and 's' with the long s, which are no word characters:
  // a text holding either may match anything.
  if (text.find("\xE2\x84\xAA") != std::string_view::npos || text.find("\xC5\xBF") != std::string_view::npos) {
    for (std::uint32_t a = 0; a < alternatives_.size(); ++a) take(a);
    decided = false;
  } else {
    for (const std::uint32_t a : always_) take(a);
    static thread_local scratch s;
    if (s.found.size() < alternatives_.size()) s.found.resize(alternatives_.size(), 0);
    s.touched.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
      if (kWordByte[p[i]] == 0) {
        ++i;
        continue;
      }
      // A word: skipped unless a kept word starts with its first two letters; else hashed as it
      // is read, and looked up if it is no longer than the longest kept.
      const std::size_t begin = i;
      const unsigned first2 = static_cast<unsigned>(kWordByte[p[i]]) << 8 | (i + 1 < n ? kWordByte[p[i + 1]] : 0U);
      if (((starts_[first2 >> 6] >> (first2 & 63U)) & 1U) == 0) {
        while (i < n && kWordByte[p[i]] != 0) ++i;
        continue;
      }
      std::uint64_t h = kSeed;
      for (unsigned char c = 0; i < n && (c = kWordByte[p[i]]) != 0; ++i) h = step(h, c);
      const slot* kept = find_word(p, begin, i, h);
      if (kept == nullptr) continue;
      for (std::uint32_t c = kept->begin; c < kept->begin + kept->count; ++c) {
        const std::uint32_t code = codes_[c];
        const std::uint32_t a = code >> 2;
        if (s.found[a] == 0) s.touched.push_back(a);
        s.found[a] |= static_cast<std::uint8_t>(1U << (code & 3U));
      }
    }
    for (const std::uint32_t a : s.touched) {
      if (s.found[a] == (1U << alternatives_[a].sets) - 1U) take(a);
      s.found[a] = 0;
    }
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  if (alternatives != nullptr) std::sort(alternatives->begin(), alternatives->end());
  return decided;
}

const word_screen::slot* word_screen::find_word(const unsigned char* p, std::size_t begin, std::size_t end,
                                                std::uint64_t h) const {
  if (end - begin > longest_ || slots_.empty()) return nullptr;
  h = finish(h);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = h & mask; slots_[k].count != 0; k = (k + 1) & mask) {
    if (slots_[k].tag != tag || slots_[k].size != end - begin) continue;
    const char* key = keys_.data() + slots_[k].key;
    bool same = true;
    for (std::size_t j = 0; j < slots_[k].size && same; ++j) same = kWordByte[p[begin + j]] == static_cast<unsigned char>(key[j]);
    if (same) return &slots_[k];
  }
  return nullptr;
}

bool word_screen::next_word(std::uint32_t a, std::string_view text, std::size_t from, std::size_t& begin,
                            std::size_t& end) const {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = from;
  // (A match starts at a word's start: not inside the word `from` may fall in.)
  if (i > 0 && i < n && kWordByte[p[i - 1]] != 0) {
    while (i < n && kWordByte[p[i]] != 0) ++i;
  }
  while (i < n) {
    if (kWordByte[p[i]] == 0) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    std::uint64_t h = kSeed;
    for (unsigned char c = 0; i < n && (c = kWordByte[p[i]]) != 0; ++i) h = step(h, c);
    const slot* kept = find_word(p, b, i, h);
    if (kept == nullptr) continue;
    const auto* codes = codes_.data() + kept->begin;
    if (std::find(codes, codes + kept->count, a << 2) != codes + kept->count) {
      begin = b;
      end = i;
      return true;
    }
  }
  return false;
}

bool word_screen::candidates(std::string_view text, std::vector<std::uint32_t>& entries,
                             std::vector<std::uint32_t>* alternatives) const {
  return scan(text, entries, alternatives, UINT32_MAX);
}

bool word_screen::may_match(std::uint32_t entry, std::string_view text) const {
  std::vector<std::uint32_t> entries;
  scan(text, entries, nullptr, entry);
  return !entries.empty();
}

void word_screen::save(blob::writer& out) const {
  out.u32(static_cast<std::uint32_t>(alternatives_.size()));
  for (const alternative& a : alternatives_) {
    out.u32(a.entry);
    out.u32(static_cast<std::uint32_t>(a.sets) | (a.one_word ? 0x100U : 0U) | (a.bounded ? 0x200U : 0U));
    out.str(a.pattern);
  }
  out.u32s(always_);
  out.u32(static_cast<std::uint32_t>(slots_.size()));
  for (const slot& sl : slots_) {
    for (const std::uint32_t v : {sl.tag, sl.begin, sl.count, sl.key, sl.size}) out.u32(v);
  }
  out.str(keys_);
  for (const std::uint64_t bits : starts_) out.u64(bits);
  out.u32s(codes_);
  out.u32(entries_);
  out.u32(static_cast<std::uint32_t>(longest_));
}

word_screen word_screen::load(blob::reader& in) {
  word_screen w;
  w.alternatives_.resize(in.u32());
  for (alternative& a : w.alternatives_) {
    a.entry = in.u32();
    const std::uint32_t flags = in.u32();
    a.sets = static_cast<std::uint8_t>(flags & 0xFFU);
    a.one_word = (flags & 0x100U) != 0;
    a.bounded = (flags & 0x200U) != 0;
    a.pattern = in.str();
  }
  w.always_ = in.u32s();
  w.slots_.resize(in.u32());
  for (slot& sl : w.slots_) {
    sl.tag = in.u32();
    sl.begin = in.u32();
    sl.count = in.u32();
    sl.key = in.u32();
    sl.size = in.u32();
  }
  w.keys_ = in.str();
  for (std::uint64_t& bits : w.starts_) bits = in.u64();
  w.codes_ = in.u32s();
  w.entries_ = in.u32();
  w.longest_ = in.u32();
  return w;
}

std::vector<std::vector<std::vector<std::string>>> word_screen::words_of(std::uint32_t entry) const {
  std::vector<std::vector<std::vector<std::string>>> out;
  std::vector<std::uint32_t> index;
  for (std::uint32_t a = 0; a < alternatives_.size(); ++a) {
    if (alternatives_[a].entry != entry) continue;
    index.push_back(a);
    out.emplace_back(alternatives_[a].sets);
  }
  words_.for_each([&](std::string_view w, const std::vector<std::uint32_t>& codes) {
    for (const std::uint32_t code : codes) {
      const auto at = std::find(index.begin(), index.end(), code >> 2);
      if (at != index.end()) out[static_cast<std::size_t>(at - index.begin())][code & 3U].emplace_back(w);
    }
  });
  for (auto& alt : out) {
    for (auto& set : alt) std::sort(set.begin(), set.end());
  }
  return out;
}

}  // namespace sayso::detail
