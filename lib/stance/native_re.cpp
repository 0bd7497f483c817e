// A backtracking matcher for the lexicons' RE2 expressions (see native_re.hpp).
#include "stance/native_re.hpp"

#include "stance/native_re_impl.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

namespace sayso::detail {

using namespace native_re_internal;

namespace {

using inst = native_re::inst;
using char_class = native_re::char_class;

struct bad_pattern {};

// A parsed piece of a pattern.
struct piece {
  enum kind_t : std::uint8_t { empty, byte, klass, cat, alt, rep, zero_width } kind = empty;
  std::uint32_t cls = 0;
  inst::op_t op = inst::match;  // zero_width
  int min = 0;
  int max = 0;  // -1: unbounded
  bool greedy = true;
  std::vector<piece> kids;
  // byte: a literal run of bytes (letters in lower case) and, per byte, whether it folds ('1').
  std::string text;
  std::string folds;
  // Memos of nullable() and first_bytes() (-1 and null: not computed yet).
  mutable std::int8_t nullable_memo = -1;
  mutable bool first_known = false;
  mutable std::array<std::uint64_t, 4> first_memo{};
};

constexpr bool letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void set_bit(char_class& k, unsigned char c) { k.ascii[c >> 6] |= std::uint64_t{1} << (c & 63); }

// Non-ASCII characters a pattern may hold as literals: they have no other case.
bool caseless(std::uint32_t cp) {
  return cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x2013 || cp == 0x2014;
}

class parser {
 public:
  parser(std::string_view p, std::vector<char_class>& classes) : p_(p), classes_(classes) {}
  piece run() {
    piece n = alternation();
    if (i_ != p_.size()) throw bad_pattern{};
    return n;
  }

 private:
  piece alternation() {
    piece first = sequence();
    if (i_ >= p_.size() || p_[i_] != '|') return first;
    piece a;
    a.kind = piece::alt;
    a.kids.push_back(std::move(first));
    while (i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      a.kids.push_back(sequence());
    }
    return a;
  }
  piece sequence() {
    piece s;
    s.kind = piece::cat;
    while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      piece a = quantified(atom());
      // Literal bytes in a row are one piece ("truce" in "truces?"): fewer pieces to build.
      if (a.kind == piece::byte && !s.kids.empty() && s.kids.back().kind == piece::byte) {
        s.kids.back().text += a.text;
        s.kids.back().folds += a.folds;
        continue;
      }
      s.kids.push_back(std::move(a));
    }
    if (s.kids.size() == 1) return std::move(s.kids[0]);
    if (s.kids.empty()) s.kind = piece::empty;
    return s;
  }
  int number() {
    int n = 0;
    std::size_t digits = 0;
    while (i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '9') {
      n = n * 10 + (p_[i_++] - '0');
      if (++digits > 3) throw bad_pattern{};
    }
    if (digits == 0) throw bad_pattern{};
    return n;
  }
  piece quantified(piece a) {
    if (i_ >= p_.size()) return a;
    const char q = p_[i_];
    int lo = 0;
    int hi = 0;
    if (q == '?' || q == '*' || q == '+') {
      ++i_;
      lo = q == '+' ? 1 : 0;
      hi = q == '?' ? 1 : -1;
    } else if (q == '{') {
      ++i_;
      lo = number();
      hi = lo;
      if (i_ < p_.size() && p_[i_] == ',') {
        ++i_;
        hi = i_ < p_.size() && p_[i_] == '}' ? -1 : number();
      }
      if (i_ >= p_.size() || p_[i_] != '}' || (hi >= 0 && hi < lo) || (hi > 16)) throw bad_pattern{};
      ++i_;
    } else {
      return a;
    }
    piece r;
    r.kind = piece::rep;
    r.min = lo;
    r.max = hi;
    if (i_ < p_.size() && p_[i_] == '?') {
      r.greedy = false;
      ++i_;
    }
    if (i_ < p_.size() && (p_[i_] == '?' || p_[i_] == '*' || p_[i_] == '+' || p_[i_] == '{')) throw bad_pattern{};
    if (a.kind == piece::zero_width || a.kind == piece::empty) throw bad_pattern{};
    r.kids.push_back(std::move(a));
    return r;
  }
  static piece byte_piece(unsigned char c, bool fold) {
    piece b;
    b.kind = piece::byte;
    fold = fold && letter(c);
    b.text.assign(1, static_cast<char>(fold && c <= 'Z' ? c + 32 : c));
    b.folds.assign(1, fold ? '1' : '0');
    return b;
  }
  piece class_piece(char_class k) {
    if (fold_) {
      for (unsigned char c = 'a'; c <= 'z'; ++c) {
        const auto u = static_cast<unsigned char>(c - 32);
        if (has_bit(k, c) || has_bit(k, u)) {
          set_bit(k, c);
          set_bit(k, u);
        }
      }
    }
    piece p;
    p.kind = piece::klass;
    p.cls = static_cast<std::uint32_t>(classes_.size());
    classes_.push_back(k);
    return p;
  }
  static char_class named_class(char e) {
    char_class k;
    switch (e) {
      case 'w':
      case 'W':
        for (unsigned c = 0; c < 128; ++c) {
          if (word_byte(static_cast<unsigned char>(c))) set_bit(k, static_cast<unsigned char>(c));
        }
        break;
      case 'd':
      case 'D':
        for (unsigned char c = '0'; c <= '9'; ++c) set_bit(k, c);
        break;
      case 's':
      case 'S':
        for (const unsigned char c : {'\t', '\n', '\f', '\r', ' '}) set_bit(k, c);
        break;
      default: throw bad_pattern{};
    }
    if (e == 'W' || e == 'D' || e == 'S') {
      k.ascii[0] = ~k.ascii[0];
      k.ascii[1] = ~k.ascii[1];
      k.other = true;
    }
    return k;
  }
  // An escaped punctuation character, or \n \t \f \r.
  static bool escaped_literal(char e, unsigned char& out) {
    switch (e) {
      case 'n': out = '\n'; return true;
      case 't': out = '\t'; return true;
      case 'f': out = '\f'; return true;
      case 'r': out = '\r'; return true;
      default: break;
    }
    const auto c = static_cast<unsigned char>(e);
    if (c < 0x80 && !word_byte(c) && c > ' ') {
      out = c;
      return true;
    }
    return false;
  }
  piece bracket() {
    char_class k;
    bool negated = false;
    if (i_ < p_.size() && p_[i_] == '^') {
      negated = true;
      ++i_;
    }
    bool first = true;
    while (i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      auto c = static_cast<unsigned char>(p_[i_]);
      if (c >= 0x80 || c == '[') throw bad_pattern{};
      ++i_;
      if (c == '\\') {
        if (i_ >= p_.size()) throw bad_pattern{};
        const char e = p_[i_++];
        if (e == 'w' || e == 'd' || e == 's') {
          const char_class n = named_class(e);
          k.ascii[0] |= n.ascii[0];
          k.ascii[1] |= n.ascii[1];
          continue;
        }
        if (!escaped_literal(e, c)) throw bad_pattern{};
      }
      unsigned char hi = c;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        hi = static_cast<unsigned char>(p_[i_ + 1]);
        if (hi >= 0x80 || hi == '\\' || hi == '[' || hi < c) throw bad_pattern{};
        i_ += 2;
      }
      for (unsigned x = c; x <= hi; ++x) set_bit(k, static_cast<unsigned char>(x));
    }
    if (i_ >= p_.size()) throw bad_pattern{};
    ++i_;  // ']'
    piece p = class_piece(k);
    if (negated) {
      char_class& n = classes_[p.cls];
      n.ascii[0] = ~n.ascii[0];
      n.ascii[1] = ~n.ascii[1];
      n.other = true;
    }
    return p;
  }
  piece atom() {
    const auto c = static_cast<unsigned char>(p_[i_]);
    if (c == '(') {
      ++i_;
      const bool outer = fold_;
      if (p_.substr(i_, 2) == "?:") {
        i_ += 2;
      } else if (p_.substr(i_, 3) == "?i:") {
        i_ += 3;
        fold_ = true;
      } else if (p_.substr(i_, 4) == "?-i:") {
        i_ += 4;
        fold_ = false;
      } else if (i_ < p_.size() && p_[i_] == '?') {
        throw bad_pattern{};
      }
      piece inner = alternation();
      if (i_ >= p_.size() || p_[i_] != ')') throw bad_pattern{};
      ++i_;
      fold_ = outer;
      return inner;
    }
    ++i_;
    switch (c) {
      case '[': return bracket();
      case '.': {
        char_class k;
        k.ascii[0] = ~std::uint64_t{0} & ~(std::uint64_t{1} << '\n');
        k.ascii[1] = ~std::uint64_t{0};
        k.other = true;
        piece p;
        p.kind = piece::klass;
        p.cls = static_cast<std::uint32_t>(classes_.size());
        classes_.push_back(k);
        return p;
      }
      case '^':
      case '$': {
        piece z;
        z.kind = piece::zero_width;
        z.op = c == '^' ? inst::begin_text : inst::end_text;
        return z;
      }
      case '\\': {
        if (i_ >= p_.size()) throw bad_pattern{};
        const char e = p_[i_++];
        if (e == 'b' || e == 'B') {
          piece z;
          z.kind = piece::zero_width;
          z.op = e == 'b' ? inst::boundary : inst::not_boundary;
          return z;
        }
        if (e == 'w' || e == 'W' || e == 'd' || e == 'D' || e == 's' || e == 'S') {
          piece p;
          p.kind = piece::klass;
          p.cls = static_cast<std::uint32_t>(classes_.size());
          classes_.push_back(named_class(e));
          return p;
        }
        unsigned char lit = 0;
        if (!escaped_literal(e, lit)) throw bad_pattern{};
        return byte_piece(lit, fold_);
      }
      case ')':
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']': throw bad_pattern{};
      default: break;
    }
    if (c < 0x80) return byte_piece(c, fold_);
    // A non-ASCII character: its bytes, if it has no other case.
    const auto [cp, len] = decode(p_, i_ - 1);
    if (len == 0 || !caseless(cp)) throw bad_pattern{};
    piece s;
    s.kind = piece::byte;
    s.text.assign(p_.substr(i_ - 1, len));
    s.folds.assign(len, '0');
    i_ += len - 1;
    return s;
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool fold_ = true;
  std::vector<char_class>& classes_;
};

bool compute_nullable(const piece& n);
bool nullable(const piece& n) {
  if (n.nullable_memo < 0) n.nullable_memo = compute_nullable(n) ? 1 : 0;
  return n.nullable_memo == 1;
}
bool compute_nullable(const piece& n) {
  switch (n.kind) {
    case piece::byte:
    case piece::klass: return false;
    case piece::cat:
      for (const piece& k : n.kids) {
        if (!nullable(k)) return false;
      }
      return true;
    case piece::alt:
      for (const piece& k : n.kids) {
        if (nullable(k)) return true;
      }
      return false;
    case piece::rep: return n.min == 0 || nullable(n.kids[0]);
    default: return true;
  }
}

// The bytes a non-empty match of n may start with.
using first_set = std::array<std::uint64_t, 4>;
void add(first_set& s, unsigned b) { s[b >> 6] |= std::uint64_t{1} << (b & 63); }

void compute_first_bytes(const piece& n, first_set& s, const std::vector<char_class>& classes);
void first_bytes(const piece& n, first_set& s, const std::vector<char_class>& classes) {
  if (!n.first_known) {
    first_set own{};
    compute_first_bytes(n, own, classes);
    n.first_memo = own;
    n.first_known = true;
  }
  for (std::size_t k = 0; k < s.size(); ++k) s[k] |= n.first_memo[k];
}
void compute_first_bytes(const piece& n, first_set& s, const std::vector<char_class>& classes) {
  switch (n.kind) {
    case piece::byte: {
      const auto c = static_cast<unsigned char>(n.text[0]);
      add(s, c);
      if (n.folds[0] == '1') {
        add(s, c - 32U);
        if (c == 'k') add(s, 0xE2);  // the Kelvin sign, which RE2 folds to k
        if (c == 's') add(s, 0xC5);  // the long s
      }
      return;
    }
    case piece::klass: {
      const char_class& k = classes[n.cls];
      for (unsigned b = 0; b < 128; ++b) {
        if (has_bit(k, static_cast<unsigned char>(b))) add(s, b);
      }
      // (A class reads the Kelvin sign and the long s to say it cannot decide.)
      for (unsigned b = 0x80; b < 0x100; ++b) {
        if (k.other || b == 0xE2 || b == 0xC5) add(s, b);
      }
      return;
    }
    case piece::cat:
      for (const piece& k : n.kids) {
        first_bytes(k, s, classes);
        if (!nullable(k)) return;
      }
      return;
    case piece::alt:
      for (const piece& k : n.kids) first_bytes(k, s, classes);
      return;
    case piece::rep:
      first_bytes(n.kids[0], s, classes);
      return;
    default: return;
  }
}

constexpr std::size_t kMaxProgram = 1 << 18;

class emitter {
 public:
  emitter(std::vector<inst>& prog, const std::vector<char_class>& classes, std::vector<std::array<std::uint64_t, 4>>& guards,
          std::vector<native_re::dispatch_table>& dispatches)
      : prog_(prog), classes_(classes), guards_(guards), dispatches_(dispatches) {}
  void emit(const piece& n) {
    if (prog_.size() > kMaxProgram) throw bad_pattern{};
    switch (n.kind) {
      case piece::empty: return;
      case piece::byte:
        for (std::size_t k = 0; k < n.text.size(); ++k) {
          prog_.push_back({inst::byte, n.folds[k] == '1', static_cast<std::uint8_t>(n.text[k]), 0, 0, 0});
        }
        return;
      case piece::klass: prog_.push_back({inst::klass, false, 0, n.cls, 0, 0}); return;
      case piece::zero_width: prog_.push_back({n.op, false, 0, 0, 0, 0}); return;
      case piece::cat:
        for (const piece& k : n.kids) emit(k);
        return;
      case piece::alt: {
        if (n.kids.size() >= kDispatchFrom && !nullable(n)) {
          dispatch(n);
          return;
        }
        std::vector<std::size_t> jumps;
        for (std::size_t k = 0; k < n.kids.size(); ++k) {
          if (k + 1 == n.kids.size()) {
            emit(n.kids[k]);
            break;
          }
          const std::size_t s = push(inst::split);
          prog_[s].x = here();
          guard(s, n.kids[k]);
          emit(n.kids[k]);
          jumps.push_back(push(inst::jump));
          prog_[s].y = here();
        }
        for (const std::size_t j : jumps) prog_[j].x = here();
        return;
      }
      case piece::rep: {
        const piece& body = n.kids[0];
        if (n.max < 0 && nullable(body)) throw bad_pattern{};  // (an empty loop: RE2 and Perl differ)
        for (int k = 0; k < n.min; ++k) emit(body);
        if (n.max < 0) {
          const std::size_t s = push(inst::split);
          prog_[s].x = here();
          if (n.greedy) guard(s, body);
          emit(body);
          prog_[push(inst::jump)].x = static_cast<std::uint32_t>(s);
          prog_[s].y = here();
          if (!n.greedy) std::swap(prog_[s].x, prog_[s].y);
          return;
        }
        std::vector<std::size_t> outs;
        for (int k = n.min; k < n.max; ++k) {
          const std::size_t s = push(inst::split);
          prog_[s].x = here();
          if (n.greedy) guard(s, body);
          outs.push_back(s);
          emit(body);
        }
        for (const std::size_t s : outs) {
          prog_[s].y = here();
          if (!n.greedy) std::swap(prog_[s].x, prog_[s].y);
        }
        return;
      }
    }
  }

 private:
  std::size_t push(inst::op_t op) {
    prog_.push_back({op, false, 0, 0, 0, 0});
    return prog_.size() - 1;
  }
  std::uint32_t here() const { return static_cast<std::uint32_t>(prog_.size()); }
  // The split at s prefers `preferred`, which cannot match nothing: the bytes it starts with.
  void guard(std::size_t s, const piece& preferred) {
    if (nullable(preferred)) return;
    first_set f{};
    first_bytes(preferred, f, classes_);
    guards_.push_back(f);
    prog_[s].guard = static_cast<std::uint32_t>(guards_.size());
  }
  // An alternation of branches that all read a byte first: one look-up of the byte gives the
  // branches that may match, in order (the others are not tried).
  void dispatch(const piece& n) {
    const std::size_t d = push(inst::dispatch);
    const auto index = static_cast<std::uint32_t>(dispatches_.size());
    dispatches_.emplace_back();  // (filled below: the branches may hold tables of their own)
    prog_[d].x = index;
    std::vector<first_set> firsts(n.kids.size());
    std::vector<std::uint32_t> entries;
    std::vector<std::size_t> jumps;
    for (std::size_t k = 0; k < n.kids.size(); ++k) {
      first_bytes(n.kids[k], firsts[k], classes_);
      entries.push_back(here());
      emit(n.kids[k]);
      jumps.push_back(push(inst::jump));
    }
    for (const std::size_t j : jumps) prog_[j].x = here();
    // Per byte, the branches that may start with it (in order): counted, then placed.
    native_re::dispatch_table table;
    std::array<std::uint32_t, 257> count{};
    const auto each_bit = [&](std::size_t k, auto&& f) {
      for (unsigned w = 0; w < 4; ++w) {
        for (std::uint64_t bits = firsts[k][w]; bits != 0; bits &= bits - 1) {
          f(w * 64U + static_cast<unsigned>(__builtin_ctzll(bits)));
        }
      }
    };
    for (std::size_t k = 0; k < n.kids.size(); ++k) each_bit(k, [&](unsigned c) { ++count[c]; });
    std::uint32_t total = 0;
    for (unsigned c = 0; c < 256; ++c) {
      table.start[c] = total;
      total += count[c];
    }
    table.start[256] = total;
    table.targets.resize(total);
    std::array<std::uint32_t, 256> fill{};
    for (std::size_t k = 0; k < n.kids.size(); ++k) {
      each_bit(k, [&](unsigned c) { table.targets[table.start[c] + fill[c]++] = entries[k]; });
    }
    dispatches_[index] = std::move(table);
  }
  static constexpr std::size_t kDispatchFrom = 6;  // (not the four ways of writing a space)
  std::vector<inst>& prog_;
  const std::vector<char_class>& classes_;
  std::vector<std::array<std::uint64_t, 4>>& guards_;
  std::vector<native_re::dispatch_table>& dispatches_;
};

}  // namespace

native_re::native_re(std::string_view pattern) {
  try {
    piece root = parser(pattern, classes_).run();
    // "\b(?:a|b|c)\b": each alternative a branch of its own (\b a \b, ...), so that a start is
    // tried only with the branches that may match there, in the same order of priority.
    std::vector<piece> branches;
    if (root.kind == piece::alt) {
      branches = std::move(root.kids);
    } else if (root.kind == piece::cat) {
      std::size_t alts = 0;
      std::size_t at = 0;
      bool others_zero_width = true;
      for (std::size_t k = 0; k < root.kids.size(); ++k) {
        if (root.kids[k].kind == piece::alt) {
          ++alts;
          at = k;
        } else if (root.kids[k].kind != piece::zero_width) {
          others_zero_width = false;
        }
      }
      if (alts == 1 && others_zero_width) {
        for (piece& a : root.kids[at].kids) {
          piece b;
          b.kind = piece::cat;
          for (std::size_t k = 0; k < root.kids.size(); ++k) b.kids.push_back(k == at ? std::move(a) : root.kids[k]);
          branches.push_back(std::move(b));
        }
      }
    }
    if (branches.empty()) branches.push_back(std::move(root));
    if (branches.size() > 0xFFFF) return;
    emitter out(prog_, classes_, guards_, dispatches_);
    for (std::size_t b = 0; b < branches.size(); ++b) {
      branches_.push_back(static_cast<std::uint32_t>(prog_.size()));
      out.emit(branches[b]);
      prog_.push_back({inst::match, false, 0, 0, 0, 0});
      first_set s{};
      first_bytes(branches[b], s, classes_);
      // (A branch that may match nothing is tried everywhere, and at the end of the text.)
      const bool empty = nullable(branches[b]);
      const bool bounded = prog_[branches_.back()].op == inst::boundary;
      skip_.push_back(bounded ? 1 : 0);
      for (unsigned c = 0; c <= 256; ++c) {
        if (empty || (c < 256 && ((s[c >> 6] >> (c & 63)) & 1U) != 0)) {
          at_boundary_[c].push_back(static_cast<std::uint16_t>(b));
          starts_[c] |= 1U;
          if (!bounded) {
            inside_[c].push_back(static_cast<std::uint16_t>(b));
            starts_[c] |= 2U;
          }
        }
      }
    }
    index_starts();
    ok_ = true;
  } catch (const bad_pattern&) {
    prog_.clear();
    classes_.clear();
    guards_.clear();
    dispatches_.clear();
    branches_.clear();
    for (auto& s : at_boundary_) s.clear();
    for (auto& s : inside_) s.clear();
    skip_.clear();
    starts_.fill(0);
  }
}

}  // namespace sayso::detail
