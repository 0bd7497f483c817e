// Pairing quotation marks. Each mark gets the roles its character and its neighbours allow
// (an opening mark has space or an opening bracket before it and a non-space after it; a
// closing mark the reverse), apostrophes are filtered out, and a stack pairs openers with
// closers of the same family, paragraph by paragraph.
#include <algorithm>
#include <array>

#include <sayso/quotes.hpp>

#include "text/unicode.hpp"

SAYSO_BEGIN_NAMESPACE

std::string_view to_string(quote_kind kind) noexcept {
  switch (kind) {
    case quote_kind::direct: return "direct";
    case quote_kind::mixed: return "mixed";
    case quote_kind::indirect: return "indirect";
  }
  return "unknown";
}

namespace {

using detail::first_code_point;
using detail::last_code_point;

constexpr std::uint32_t npos = UINT32_MAX;
constexpr std::size_t kMaxDepth = 8;

// Families: marks pair only within a family.
enum class family : std::uint8_t {
  curly_double, curly_single, straight_double, straight_single, guillemet, single_guillemet,
  corner, white_corner, prime_double, latex_double, latex_single,
};

bool is_double(family f) {
  return f == family::curly_double || f == family::straight_double || f == family::guillemet ||
         f == family::corner || f == family::white_corner || f == family::prime_double ||
         f == family::latex_double;
}

struct mark {
  std::uint32_t first_token;
  std::uint32_t end_token;  // one past the last token (`` and '' take two)
  char32_t ch;              // the character ('`' and '\'' for `` and '')
  family fam;
  bool can_open;
  bool can_close;
  bool apostrophe_like;     // ’ or ': may close only a single quotation open right on top
};

bool is_opening_punct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '/' || c == '-' || detail::is_dash(c) ||
         detail::is_quotation_mark(c) || c == 0x2026;
}

bool is_closing_punct(char32_t c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '}' || c == '/' || c == '-' || detail::is_dash(c) || c == 0x2026 ||
         detail::is_quotation_mark(c);
}

constexpr std::array<std::string_view, 12> kElisions = {
    "tis", "twas", "twere", "em", "n", "cause", "cos", "til", "bout", "round", "cept", "nuff"};

bool is_elision(std::string_view word) {
  if (word.size() > 6) return false;
  std::array<char, 6> buf{};
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto ch = static_cast<unsigned char>(word[i]);
    if (ch >= 0x80) return false;
    buf[i] = static_cast<char>((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
  }
  const std::string_view lower(buf.data(), word.size());
  return std::find(kElisions.begin(), kElisions.end(), lower) != kElisions.end();
}

// Does an opener `open` pair with a closer `close` (same family already checked)?
bool pairs(char32_t open, char32_t close) {
  switch (open) {
    case 0x201C: return close == 0x201D;                   // “ ”
    case 0x201E: return close == 0x201C || close == 0x201D; // „ “ (German) or „ ” (Polish)
    case 0x201F: return close == 0x201D;
    case 0x201D: return close == 0x201D;                   // ” ” (Swedish)
    case 0x2018: return close == 0x2019;
    case 0x201A: return close == 0x2018 || close == 0x2019;
    case 0x201B: return close == 0x2019;
    case 0x2019: return close == 0x2019;
    case 0xAB: return close == 0xBB;
    case 0xBB: return close == 0xAB;
    case 0x2039: return close == 0x203A;
    case 0x203A: return close == 0x2039;
    case 0x300C: return close == 0x300D;
    case 0x300E: return close == 0x300F;
    case 0x301D: return close == 0x301E || close == 0x301F;
    case '"': return close == '"';
    case 0xFF02: return close == 0xFF02;
    case '\'': return close == '\'';
    case '`': return close == '\'';  // `` … '' and ` … '
    default: return false;
  }
}

class pairer {
 public:
  explicit pairer(const document& doc) : doc_(doc), text_(doc.text()), tokens_(doc.tokens()) {}

  std::vector<quotation> run() {
    const auto paragraphs = doc_.paragraphs();
    const auto sentences = doc_.sentences();
    std::uint32_t carried = npos;  // slot of a quotation continuing into the next paragraph
    char32_t carried_ch = 0;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
      const paragraph& para = paragraphs[p];
      if (para.first_sentence >= para.end_sentence) continue;
      const std::uint32_t first = sentences[para.first_sentence].first_token;
      const std::uint32_t end = sentences[para.end_sentence - 1].end_token;
      collect_marks(first, end);
      pair_paragraph(para, carried, carried_ch);
    }
    if (carried != npos) close_unclosed(carried);
    return finish();
  }

 private:
  struct slot {
    quotation q;
    char32_t open_ch = 0;
    bool used = false;
  };

  std::string_view text(std::uint32_t i) const { return tokens_[i].range.of(text_); }
  char32_t prev_char(std::uint32_t i) const {
    return i == 0 ? 0 : last_code_point(text(i - 1));
  }
  char32_t next_char(std::uint32_t i) const {
    return i + 1 >= tokens_.size() ? 0 : first_code_point(text(i + 1));
  }

  void collect_marks(std::uint32_t first, std::uint32_t end) {
    marks_.clear();
    for (std::uint32_t i = first; i < end; ++i) {
      if (tokens_[i].kind != token_kind::quotation_mark) continue;
      const char32_t c = first_code_point(text(i));
      mark m{i, i + 1, c, family::straight_double, false, false, false};
      // `` and '' (two tokens, no space between) are double marks.
      if ((c == '`' || c == '\'') && i + 1 < end && tokens_[i + 1].kind == token_kind::quotation_mark &&
          first_code_point(text(i + 1)) == c) {
        m.end_token = i + 2;
        m.fam = c == '`' ? family::latex_double : family::straight_double;
        if (c == '\'') m.ch = '"';
        ++i;
      }
      const char32_t before = prev_char(m.first_token);
      const char32_t after = next_char(m.end_token - 1);
      const bool ws_before = before == 0 || detail::is_white_space(before);
      const bool ws_after = after == 0 || detail::is_white_space(after);
      const bool left = !ws_after && (ws_before || is_opening_punct(before));
      const bool right = !ws_before && (ws_after || is_closing_punct(after));
      if (m.end_token == m.first_token + 1) {
        if (!classify(m, left, right, before, after)) continue;
      } else if (m.fam == family::latex_double) {
        m.can_open = true;
      } else {  // '' as a double mark: closes `` or pairs like "
        m.can_open = left || !right;
        m.can_close = right || !left;
      }
      marks_.push_back(m);
    }
  }

  // Sets the family and roles of a one-token mark; false if it is an apostrophe or prime.
  bool classify(mark& m, bool left, bool right, char32_t before, char32_t after) {
    const bool ambiguous = !left && !right;  // e.g. a"b or " alone between spaces
    switch (m.ch) {
      case 0x201C: m.fam = family::curly_double; m.can_open = true; m.can_close = right && !left; return true;
      case 0x201E: case 0x201F: m.fam = family::curly_double; m.can_open = true; return true;
      case 0x201D: m.fam = family::curly_double; m.can_close = true; m.can_open = left && !right; return true;
      case 0x2018: case 0x201A: case 0x201B:
        if (detail::is_digit(after)) return false;  // ‘90s typed with the wrong mark
        m.fam = family::curly_single; m.can_open = true; m.can_close = m.ch == 0x2018 && right && !left;
        return true;
      case 0x2019: case '\'': {
        m.fam = m.ch == '\'' ? family::straight_single : family::curly_single;
        m.apostrophe_like = true;
        if (detail::is_letter(before) && detail::is_letter(after)) return false;  // rock’n’roll
        if (detail::is_digit(before)) return false;  // 5'10, 1990’s: primes and apostrophes
        if (left) {
          if (detail::is_digit(after)) return false;  // ’90s
          if (m.first_token + 1 < tokens_.size() && is_elision(text(m.first_token + 1))) {
            return false;  // ’Tis, ’em, rock ’n’ roll
          }
          m.can_open = true;
        }
        m.can_close = right || ambiguous;
        // "the Jones’ valley": after an s and before a lower-case word, a possessive.
        if (m.can_close && (before == 's' || before == 'S') && after == ' ' && m.first_token + 2 < tokens_.size() &&
            tokens_[m.first_token + 2].kind == token_kind::word &&
            detail::is_lower(first_code_point(text(m.first_token + 2)))) {
          return false;
        }
        m.can_open = m.can_open || (ambiguous && m.ch == '\'');
        return m.can_open || m.can_close;
      }
      case '"': case 0xFF02:
        m.fam = m.ch == '"' ? family::straight_double : family::prime_double;
        m.can_open = left || ambiguous;
        m.can_close = right || ambiguous;
        return true;
      case '`': m.fam = family::latex_single; m.can_open = true; return true;
      case 0xAB: case 0xBB:
        m.fam = family::guillemet;
        m.can_open = left || ambiguous || (m.ch == 0xAB && !right);
        m.can_close = right || ambiguous || (m.ch == 0xBB && !left);
        return true;
      case 0x2039: case 0x203A:
        m.fam = family::single_guillemet;
        m.can_open = left || ambiguous || (m.ch == 0x2039 && !right);
        m.can_close = right || ambiguous || (m.ch == 0x203A && !left);
        return true;
      case 0x300C: m.fam = family::corner; m.can_open = true; return true;
      case 0x300D: m.fam = family::corner; m.can_close = true; return true;
      case 0x300E: m.fam = family::white_corner; m.can_open = true; return true;
      case 0x300F: m.fam = family::white_corner; m.can_close = true; return true;
      case 0x301D: m.fam = family::prime_double; m.can_open = true; return true;
      case 0x301E: case 0x301F: m.fam = family::prime_double; m.can_close = true; return true;
      default:
        return false;  // other marks with the Quotation_Mark property: ignore
    }
  }

  bool family_matches(const mark& open, const mark& close) const {
    if (open.fam == close.fam) return pairs(open.ch, close.ch);
    // `` … '' and ` … ': the closer was classified as straight.
    if (open.fam == family::latex_double && close.fam == family::straight_double) {
      return close.end_token == close.first_token + 2;
    }
    if (open.fam == family::latex_single && close.fam == family::straight_single) return true;
    // Mixed typography, common in scraped text: "…” and “…".
    if (open.fam == family::straight_double && close.ch == 0x201D) return true;
    if (open.ch == 0x201C && close.fam == family::straight_double && close.end_token == close.first_token + 1) {
      return true;
    }
    if (open.fam == family::straight_single && close.ch == 0x2019) return true;
    if (open.ch == 0x2018 && close.fam == family::straight_single) return true;
    return false;
  }

  std::uint32_t open_slot(const mark& m, std::uint32_t para_end_byte) {
    slot s;
    s.open_ch = m.ch;
    s.q.open_mark = {tokens_[m.first_token].range.begin, tokens_[m.end_token - 1].range.end};
    s.q.inner = {s.q.open_mark.end, para_end_byte};
    slots_.push_back(s);
    return static_cast<std::uint32_t>(slots_.size() - 1);
  }

  void pair_paragraph(const paragraph& para, std::uint32_t& carried, char32_t& carried_ch) {
    struct open_entry {
      std::size_t mark;
      std::uint32_t slot;
    };
    std::array<open_entry, kMaxDepth> stack{};
    std::size_t depth = 0;

    // A quotation carried over from the previous paragraph continues only if this paragraph
    // opens with a mark of the same kind.
    std::uint32_t continued_from = npos;
    if (carried != npos) {
      if (!marks_.empty() && marks_.front().can_open &&
          tokens_[marks_.front().first_token].range.begin == para.range.begin &&
          (marks_.front().ch == carried_ch ||
           (carried_ch == 0x201E && marks_.front().ch == 0x201E))) {
        continued_from = carried;
      }
      // Either way the carried piece ends with its paragraph, without a closing mark.
      close_unclosed(carried);
      carried = npos;
    }

    for (std::size_t k = 0; k < marks_.size(); ++k) {
      const mark& m = marks_[k];
      // Close: search down the stack for an opener this mark pairs with. A mark that could
      // be an apostrophe closes only a quotation open right on top.
      if (m.can_close) {
        std::size_t found = depth;
        for (std::size_t d = depth; d-- > 0;) {
          if (family_matches(marks_[stack[d].mark], m)) {
            found = d;
            break;
          }
          if (m.apostrophe_like) break;
        }
        if (found < depth) {
          for (std::size_t d = depth; d-- > found + 1;) drop(stack[d].slot);
          close(stack[found].slot, m);
          depth = found;
          continue;
        }
      }
      if (m.can_open && depth < kMaxDepth) {
        const std::uint32_t s = open_slot(m, para.range.end);
        if (k == 0 && continued_from != npos && depth == 0) {
          slots_[s].q.continues = continued_from;
          continued_from = npos;
        }
        stack[depth++] = {k, s};
      }
    }

    // Unclosed at the paragraph's end: an outermost double quotation is carried over (it may
    // continue in the next paragraph); everything else was an apostrophe or a stray mark.
    for (std::size_t d = depth; d-- > 1;) drop(stack[d].slot);
    if (depth > 0) {
      const mark& m = marks_[stack[0].mark];
      if (is_double(m.fam)) {
        carried = stack[0].slot;
        carried_ch = m.ch;
      } else {
        drop(stack[0].slot);
      }
    }
  }

  void close(std::uint32_t s, const mark& m) {
    slot& sl = slots_[s];
    sl.q.close_mark = {tokens_[m.first_token].range.begin, tokens_[m.end_token - 1].range.end};
    sl.q.inner.end = sl.q.close_mark.begin;
    sl.q.closed = true;
    sl.used = true;
  }

  void close_unclosed(std::uint32_t s) {
    slot& sl = slots_[s];
    sl.q.closed = false;
    sl.q.close_mark = {sl.q.inner.end, sl.q.inner.end};
    sl.used = true;
  }

  void drop(std::uint32_t s) { slots_[s].used = false; }

  void trim(byte_range& r) const {
    while (r.begin < r.end) {
      std::size_t i = r.begin;
      if (!detail::is_white_space(detail::decode_next(text_, i))) break;
      r.begin = static_cast<std::uint32_t>(i);
    }
    while (r.end > r.begin) {
      std::size_t i = r.end;
      if (!detail::is_white_space(detail::decode_previous(text_, i))) break;
      r.end = static_cast<std::uint32_t>(i);
    }
  }

  std::vector<quotation> finish() {
    std::vector<std::uint32_t> remap(slots_.size(), npos);
    std::vector<quotation> out;
    out.reserve(slots_.size());
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      slot& s = slots_[i];
      if (!s.used) continue;
      trim(s.q.inner);
      if (s.q.inner.empty() && s.q.continues == npos) continue;
      remap[i] = static_cast<std::uint32_t>(out.size());
      out.push_back(s.q);
    }
    for (quotation& q : out) {
      if (q.continues != npos) q.continues = remap[q.continues];
    }
    // Depth: how many kept quotations enclose each one (pairing guarantees nesting).
    std::vector<std::uint32_t> enclosing;
    for (quotation& q : out) {
      while (!enclosing.empty() && out[enclosing.back()].close_mark.end <= q.open_mark.begin) {
        enclosing.pop_back();
      }
      q.depth = static_cast<std::uint32_t>(enclosing.size());
      enclosing.push_back(static_cast<std::uint32_t>(&q - out.data()));
    }
    return out;
  }

  const document& doc_;
  std::string_view text_;
  std::span<const token> tokens_;
  std::vector<mark> marks_;
  std::vector<slot> slots_;
};

}  // namespace

std::vector<quotation> find_quotations(const document& doc) { return pairer(doc).run(); }

SAYSO_END_NAMESPACE  // sayso::v1
