// Segmentation: ICU word boundaries give the tokens; paragraphs and sentences are found in one
// linear pass over the tokens. Sentences come from the tokens rather than a second ICU pass
// (the abbreviation-aware ICU sentence iterator would double the cost of this stage): a
// sentence ends at . ! ? or … (with any closing quotation marks and brackets after it) followed
// by space and a word that does not start in lower case, unless the period ends an
// abbreviation ("Mr.", "Gen.", "U.S.", initials) that the next word does not override.
#include <algorithm>
#include <array>
#include <span>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <sayso/error.hpp>
#include <sayso/text.hpp>

#include "text/unicode.hpp"

SAYSO_BEGIN_NAMESPACE

void check_input_size(std::size_t size) {
  if (size > max_input_bytes) {
    throw error(errc::input_too_large,
                "input of " + std::to_string(size) + " bytes refused: sayso accepts at most " +
                    std::to_string(max_input_bytes) + " bytes (2 GiB - 1) per document");
  }
}

namespace {

using detail::first_code_point;

token_kind classify_none(std::string_view s) {
  const char32_t c = first_code_point(s);
  if (detail::is_white_space(c)) return token_kind::space;
  if (detail::is_quotation_mark(c)) return token_kind::quotation_mark;
  return token_kind::punctuation;
}

token_kind kind_of(std::int32_t rule, std::string_view s) {
  if (rule < UBRK_WORD_NONE_LIMIT) return classify_none(s);
  if (rule < UBRK_WORD_NUMBER_LIMIT) return token_kind::number;
  return token_kind::word;
}

// ICU word boundaries of text[begin, end) on its own, appended to `out` with offsets from 0.
// Returns false if ICU refused the text (cannot happen for in-memory UTF-8 below 2 GiB).
bool icu_tokens(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<token>& out) {
  icu::BreakIterator& it = detail::thread_word_iterator();
  const std::string_view piece = text.substr(begin, end - begin);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, piece.data(), static_cast<std::int64_t>(piece.size()), &status);
  it.setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    return false;
  }
  std::uint32_t previous = begin;
  it.first();
  for (std::int32_t p = it.next(); p != icu::BreakIterator::DONE; p = it.next()) {
    const byte_range r{previous, begin + static_cast<std::uint32_t>(p)};
    out.push_back({r, kind_of(it.getRuleStatus(), r.of(text))});
    previous = r.end;
  }
  // Detach the iterator from the stack UText before it goes away.
  UText empty = UTEXT_INITIALIZER;
  utext_openUTF8(&empty, "", 0, &status);
  it.setText(&empty, status);
  utext_close(&empty);
  utext_close(&ut);
  return true;
}

// ICU never joins across a change from ASCII white space to ASCII non-white space or back
// (UAX #29 joins nothing across white space but Extend and Format characters after it, and those
// are not ASCII), so the text between two such changes, a piece, has the same word boundaries on
// its own as in the text; a test checks this against ICU on whole texts. Most pieces are plain
// ASCII whose tokens follow from a few UAX #29 rules (simple_piece, below); of the others, news
// text repeats many ("Trump's", "it’s", "\n\n"): each thread keeps the tokens of the pieces it
// has seen, and most are looked up rather than run through ICU again.
class piece_memo {
 public:
  static constexpr std::size_t max_piece = 48;  // longer pieces are not kept

  struct piece_token {
    std::uint8_t length;
    token_kind kind;
  };
  struct piece {
    std::uint32_t begin;
    std::uint32_t end;
    std::uint64_t hash;
    std::uint64_t head;       // its first 8 bytes (0 beyond its end)
    std::uint32_t first = 0;  // its tokens in the memo, when found and more than one
    std::uint32_t count = 0;  // 0: not found
    token_kind kind = token_kind::word;  // its token, when found and one
  };

  static std::uint64_t hash(std::string_view s) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h;
  }

  // Finds the piece's tokens: sets p.count, and p.kind or p.first. The memo is too large for
  // the processor's caches; the pieces of one token and at most 8 bytes (" ", "the", "said,")
  // that were found last are also kept in a small table that is (64 KiB).
  void find(std::string_view text, piece& p) const noexcept {
    const std::uint32_t size = p.end - p.begin;
    if (slots_.empty() || size > max_piece) return;
    hot_slot* hot = nullptr;
    if (size <= 8) {
      hot = &hot_[p.hash & (hot_.size() - 1)];
      if (hot->size == size && hot->head == p.head) {
        p.count = 1;
        p.kind = hot->kind;
        return;
      }
    }
    const std::string_view key = text.substr(p.begin, size);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = p.hash & mask;; i = (i + 1) & mask) {
      const slot& s = slots_[i];
      if (s.count == 0) return;
      if (s.hash == p.hash && s.key_size == size && std::string_view(keys_).substr(s.key, size) == key) {
        p.first = s.first;
        p.count = s.count;
        p.kind = s.kind;
        if (hot != nullptr && s.count == 1) *hot = {p.head, static_cast<std::uint8_t>(size), s.kind};
        return;
      }
    }
  }

  void insert(std::string_view text, const piece& p, std::span<const token> tokens) {
    const std::uint32_t size = p.end - p.begin;
    if (size > max_piece || tokens.empty() || full_) return;
    if (slots_.empty()) slots_.assign(std::size_t{1} << 12, slot{});
    if (2 * (used_ + 1) > slots_.size()) {
      if (slots_.size() >= max_slots) {
        full_ = true;  // the memo keeps what it has: the frequent pieces come early
        return;
      }
      grow();
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = p.hash & mask;
    while (slots_[i].count != 0) i = (i + 1) & mask;
    slot& s = slots_[i];
    s.hash = p.hash;
    s.key = static_cast<std::uint32_t>(keys_.size());
    s.key_size = static_cast<std::uint16_t>(size);
    s.first = static_cast<std::uint32_t>(tokens_.size());
    s.count = static_cast<std::uint16_t>(tokens.size());
    s.kind = tokens.front().kind;
    keys_.append(text.substr(p.begin, size));
    if (tokens.size() > 1) {
      for (const token& t : tokens) tokens_.push_back({static_cast<std::uint8_t>(t.range.size()), t.kind});
    }
    ++used_;
  }

  [[nodiscard]] const piece_token* tokens(std::uint32_t first) const noexcept { return tokens_.data() + first; }

  // Stops using the memo (a piece came out of ICU with other boundaries than expected).
  void disable() noexcept { disabled_ = true; }
  [[nodiscard]] bool disabled() const noexcept { return disabled_; }

 private:
  static constexpr std::size_t max_slots = std::size_t{1} << 18;
  struct slot {
    std::uint64_t hash = 0;
    std::uint32_t key = 0;
    std::uint16_t key_size = 0;
    std::uint16_t count = 0;  // 0: empty
    std::uint32_t first = 0;  // in tokens_, when more than one
    token_kind kind = token_kind::word;  // the token, when one
  };
  struct hot_slot {
    std::uint64_t head = 0;
    std::uint8_t size = 0;  // 0: empty
    token_kind kind = token_kind::word;
  };
  void grow() {
    std::vector<slot> old(slots_.size() * 2, slot{});
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const slot& s : old) {
      if (s.count == 0) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].count != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<slot> slots_;
  mutable std::vector<hot_slot> hot_ = std::vector<hot_slot>(4096);
  std::string keys_;
  std::vector<piece_token> tokens_;
  std::size_t used_ = 0;
  bool full_ = false;
  bool disabled_ = false;
};

// Per-thread state of tokenize: the memo, and scratch vectors reused from one call to the next.
struct tokenizer_workspace {
  struct gap {
    piece_memo::piece piece;  // a piece the memo did not know
    std::size_t at;           // where its tokens go in the output
  };
  piece_memo memo;
  std::vector<std::uint32_t> cuts;  // ends of the pieces of a block that goes through ICU whole
  std::vector<gap> gaps;
  std::vector<token> filled;        // the gaps' tokens
  std::vector<std::size_t> counts;  // how many for each gap
};

tokenizer_workspace& thread_tokenizer() {
  thread_local tokenizer_workspace ws;
  return ws;
}

// Classes of bytes for cutting pieces and for simple pieces (below).
enum byte_class : std::uint8_t {
  bc_letter,       // A-Z a-z (UAX #29 ALetter)
  bc_digit,        // 0-9 (Numeric)
  bc_punct,        // ASCII punctuation but '_' and '@' (ICU reads '@' as a letter): no rule joins
                   // two of them
  bc_space,        // U+0020 (WSegSpace)
  bc_other_space,  // \t \n \v \f \r
  bc_other,        // other controls, '_', '@', DEL
  bc_high,         // beyond ASCII
};

constexpr std::array<std::uint8_t, 256> make_byte_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = bc_other;
    if (c >= 0x80) k = bc_high;
    else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) k = bc_letter;
    else if (c >= '0' && c <= '9') k = bc_digit;
    else if (c == ' ') k = bc_space;
    else if (c >= 0x09 && c <= 0x0D) k = bc_other_space;
    else if (c > 0x20 && c < 0x7F && c != '_' && c != '@') k = bc_punct;
    t[static_cast<std::size_t>(c)] = k;
  }
  return t;
}
constexpr std::array<std::uint8_t, 256> kByteClass = make_byte_classes();

std::uint8_t class_at(std::string_view text, std::size_t i) {
  return kByteClass[static_cast<unsigned char>(text[i])];
}

// Piece cuts: 0 for ASCII non-space, 1 for ASCII space, 2 beyond ASCII (never cut beside).
constexpr std::array<std::uint8_t, 7> kCutClass = {0, 0, 0, 1, 1, 0, 2};

std::uint8_t cut_class_at(std::string_view text, std::size_t i) { return kCutClass[class_at(text, i)]; }

// The end of the piece that starts at `start`, scanning on from `from` (start < from <= size:
// the bytes before `from` are known to belong to the piece).
std::uint32_t piece_end(std::string_view text, std::uint32_t start, std::uint32_t from) {
  std::uint8_t previous = cut_class_at(text, from - 1);
  std::size_t i = from;
  for (; i < text.size(); ++i) {
    const std::uint8_t cls = cut_class_at(text, i);
    if (cls != previous && cls != 2 && previous != 2 && i > start) break;
    previous = cls;
  }
  return static_cast<std::uint32_t>(i);
}

// Marks beyond ASCII that simple pieces may hold (all three bytes, E2 80 xx): the single
// quotation marks ‘ ’ (UAX #29 MidNumLet: they join letters to letters and digits to digits), and
// “ ” – — … (Other: a token each).
enum class mark : std::uint8_t { none, joiner, other };

mark mark_at(std::string_view text, std::size_t i) {
  if (static_cast<unsigned char>(text[i]) != 0xE2 || i + 2 >= text.size() || text[i + 1] != '\x80') return mark::none;
  switch (static_cast<unsigned char>(text[i + 2])) {
    case 0x98: case 0x99: return mark::joiner;
    case 0x93: case 0x94: case 0x9C: case 0x9D: case 0xA6: return mark::other;
    default: return mark::none;
  }
}

// Most pieces of news text hold only characters whose word boundaries a few UAX #29 rules fix,
// without ICU or the memo: a run of U+0020 is one token (WB3d); CR LF is one (WB3); other ASCII
// white space, ASCII punctuation but '_' and '@', and “ ” – — … are one token each (WB3a-b,
// WB999: no rule joins them to anything); a core of letters with inner . ' ‘ ’ (WB5-7) or of
// digits with inner . , ; ' ‘ ’ (WB8, WB11-12) is one token, which must not touch a core of the
// other kind (WB9-10 would join them). The check (bench.segmentation_exact) compares this with
// ICU on random strings of these characters.
//
// Reads the piece that starts at `start`: if it is simple, appends its tokens to `out` and
// returns its end; otherwise leaves `out` as it was and returns 0 with `scanned` set to how far
// the piece is known to reach (at least start + 1).
std::uint32_t simple_piece(std::string_view text, std::uint32_t start, std::vector<token>& out,
                           std::uint32_t& scanned) {
  const auto size = static_cast<std::uint32_t>(text.size());
  const std::size_t first = out.size();
  std::uint32_t i = start;
  bool after_core = false;
  for (;;) {
    const std::uint32_t from = i;
    const std::uint8_t cls = class_at(text, i);
    bool core = false;
    if (cls == bc_space) {
      while (i < size && class_at(text, i) == bc_space) ++i;
      out.push_back({{from, i}, token_kind::space});
    } else if (cls == bc_other_space) {
      i += text[i] == '\r' && i + 1 < size && text[i + 1] == '\n' ? 2 : 1;
      out.push_back({{from, i}, token_kind::space});
    } else if (cls == bc_punct) {
      ++i;
      out.push_back({{from, i}, classify_none(text.substr(from, 1))});
    } else if ((cls == bc_letter || cls == bc_digit) && !after_core) {
      core = true;
      for (;;) {
        while (i < size && class_at(text, i) == cls) ++i;
        std::uint32_t joiner = 0;
        if (i < size) {
          const char ch = text[i];
          if (ch == '.' || ch == '\'' || (cls == bc_digit && (ch == ',' || ch == ';'))) {
            joiner = 1;
          } else if (mark_at(text, i) == mark::joiner) {
            joiner = 3;
          }
        }
        if (joiner == 0 || i + joiner >= size || class_at(text, i + joiner) != cls) break;
        i += joiner;
      }
      out.push_back({{from, i}, cls == bc_letter ? token_kind::word : token_kind::number});
    } else if (cls == bc_high && mark_at(text, i) != mark::none) {
      i += 3;
      out.push_back({{from, i}, classify_none(text.substr(from, 3))});
    } else {
      break;  // not simple
    }
    after_core = core;
    // The piece ends where ASCII space meets ASCII non-space.
    if (i == size) return i;
    const std::uint8_t next = cut_class_at(text, i);
    const std::uint8_t last = cut_class_at(text, i - 1);
    if (next != last && next != 2 && last != 2) return i;
  }
  out.resize(first);
  scanned = std::max(i, start + 1);
  return 0;
}

void tokenize(std::string_view text, std::vector<token>& out) {
  out.clear();
  if (text.empty()) return;
  out.reserve(text.size() / 3 + 16);
  tokenizer_workspace& ws = thread_tokenizer();
  if (ws.memo.disabled()) {
    if (!icu_tokens(text, 0, static_cast<std::uint32_t>(text.size()), out)) {
      // Keep the text as one token rather than lose it.
      out.assign(1, {{0, static_cast<std::uint32_t>(text.size())}, token_kind::word});
    }
    return;
  }
  const auto size = static_cast<std::uint32_t>(text.size());
  // Blocks of up to 1024 pieces. Simple pieces and pieces the memo knows are written as they come;
  // a piece the memo does not know leaves a gap, which ICU fills on that piece alone when the
  // block has few such pieces; for many, one ICU pass over the block is cheaper, and teaches the
  // memo.
  constexpr std::size_t block_pieces = 1024;
  std::vector<std::uint32_t>& cuts = ws.cuts;
  std::vector<tokenizer_workspace::gap>& gaps = ws.gaps;
  std::vector<token>& filled = ws.filled;
  for (std::uint32_t begin = 0; begin < size;) {
    const std::size_t block_first = out.size();
    gaps.clear();
    std::size_t pieces = 0;
    std::uint32_t at = begin;
    while (at < size && pieces < block_pieces) {
      std::uint32_t scanned = 0;
      std::uint32_t end = simple_piece(text, at, out, scanned);
      if (end == 0) {
        end = piece_end(text, at, scanned);
        piece_memo::piece p{at, end, 0, 0};
        const std::string_view s = text.substr(at, end - at);
        p.hash = piece_memo::hash(s);
        for (std::size_t k = 0; k < s.size() && k < 8; ++k) {
          p.head |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k);
        }
        ws.memo.find(text, p);
        if (p.count == 1) {
          out.push_back({{p.begin, p.end}, p.kind});
        } else if (p.count != 0) {
          std::uint32_t from = p.begin;
          const piece_memo::piece_token* t = ws.memo.tokens(p.first);
          for (std::uint32_t k = 0; k < p.count; ++k) {
            out.push_back({{from, from + t[k].length}, t[k].kind});
            from += t[k].length;
          }
        } else {
          gaps.push_back({p, out.size()});
        }
      }
      ++pieces;
      at = end;
    }
    const std::uint32_t block_end = at;
    if (gaps.size() * 16 > pieces) {
      // The block's pieces again (each ends at the first cut after its start).
      cuts.clear();
      for (std::uint32_t from = begin; from < block_end;) {
        from = piece_end(text, from, from + 1);
        cuts.push_back(from);
      }
      out.resize(block_first);
      if (!icu_tokens(text, begin, block_end, out)) {
        out.resize(block_first);
        out.push_back({{begin, block_end}, token_kind::word});
      } else {
        // Teach the memo the pieces it did not know.
        std::size_t t = block_first;
        std::uint32_t piece_begin = begin;
        std::size_t g = 0;
        for (const std::uint32_t cut : cuts) {
          const std::size_t from = t;
          while (t < out.size() && out[t].range.end <= cut) ++t;
          if (from == t || out[from].range.begin != piece_begin || out[t - 1].range.end != cut) {
            ws.memo.disable();  // ICU joined across a cut: never trust the memo again
            break;
          }
          if (g < gaps.size() && gaps[g].piece.begin == piece_begin) {
            ws.memo.insert(text, gaps[g++].piece, std::span<const token>(out).subspan(from, t - from));
          }
          piece_begin = cut;
        }
      }
    } else if (!gaps.empty()) {
      // ICU on each unknown piece, then the gaps are opened from the back.
      filled.clear();
      std::vector<std::size_t>& counts = ws.counts;
      counts.clear();
      for (const tokenizer_workspace::gap& gp : gaps) {
        const std::size_t first = filled.size();
        if (!icu_tokens(text, gp.piece.begin, gp.piece.end, filled)) {
          filled.resize(first);
          filled.push_back({{gp.piece.begin, gp.piece.end}, token_kind::word});
        } else {
          ws.memo.insert(text, gp.piece, std::span<const token>(filled).subspan(first));
        }
        counts.push_back(filled.size() - first);
      }
      std::size_t src = out.size();
      out.resize(out.size() + filled.size());
      std::size_t dst = out.size();
      std::size_t f = filled.size();
      for (std::size_t g = gaps.size(); g-- > 0;) {
        const std::size_t n = src - gaps[g].at;  // tokens after the gap
        std::move_backward(out.begin() + static_cast<std::ptrdiff_t>(gaps[g].at),
                           out.begin() + static_cast<std::ptrdiff_t>(src), out.begin() + static_cast<std::ptrdiff_t>(dst));
        dst -= n;
        src = gaps[g].at;
        f -= counts[g];
        dst -= counts[g];
        std::copy_n(filled.begin() + static_cast<std::ptrdiff_t>(f), counts[g], out.begin() + static_cast<std::ptrdiff_t>(dst));
      }
    }
    begin = block_end;
  }
}

// Line breaks in a space token: CR LF counts once; U+2029 counts as a blank line.
int line_breaks(std::string_view s) {
  if (s.size() == 1 && s[0] == ' ') return 0;  // most space tokens
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch == '\n' || ch == '\v' || ch == '\f') {
      ++n;
    } else if (ch == '\r') {
      ++n;
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (static_cast<unsigned char>(ch) == 0xE2 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto third = static_cast<unsigned char>(s[i + 2]);
      if (third == 0xA8) ++n;          // U+2028 LINE SEPARATOR
      else if (third == 0xA9) n += 2;  // U+2029 PARAGRAPH SEPARATOR
    }
  }
  return n;
}

bool is_terminal_beyond_ascii(std::string_view s) {
  const char32_t c = first_code_point(s);
  return c == 0x2026 || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F;
}

// Runs for every token of every paragraph: the first byte settles nearly all (every terminal
// beyond ASCII starts with E2, E3 or EF).
inline bool is_terminal(std::string_view s) {
  if (s.empty()) return false;
  const auto lead = static_cast<unsigned char>(s[0]);
  if (lead < 0x80) return lead == '.' || lead == '!' || lead == '?';
  if (lead != 0xE2 && lead != 0xE3 && lead != 0xEF) return false;
  return is_terminal_beyond_ascii(s);
}

bool is_closer(const token& t, std::string_view text) {
  const std::string_view s = t.range.of(text);
  if (t.kind == token_kind::quotation_mark) {
    const char32_t c = first_code_point(s);
    // Opening-only marks never close a sentence.
    return !(c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x201A || c == 0xAB ||
             c == 0x2039 || c == 0x300C || c == 0x300E || c == '`');
  }
  return s.size() == 1 && (s[0] == ')' || s[0] == ']' || s[0] == '}');
}

// Abbreviations after which a period does not end a sentence. "title" ones never end one
// (they precede a name); the others end one only before a word that typically starts a
// sentence ("... in the U.S. The next day ...").
struct abbreviation {
  std::string_view word;
  bool title;
};
constexpr std::array kAbbreviations = {
    abbreviation{"mr", true},    abbreviation{"mrs", true},   abbreviation{"ms", true},
    abbreviation{"dr", true},    abbreviation{"prof", true},  abbreviation{"gen", true},
    abbreviation{"lt", true},    abbreviation{"col", true},   abbreviation{"maj", true},
    abbreviation{"capt", true},  abbreviation{"cmdr", true},  abbreviation{"adm", true},
    abbreviation{"sgt", true},   abbreviation{"cpl", true},   abbreviation{"pvt", true},
    abbreviation{"sen", true},   abbreviation{"rep", true},   abbreviation{"gov", true},
    abbreviation{"lt.gov", true}, abbreviation{"pres", true}, abbreviation{"supt", true},
    abbreviation{"rev", true},   abbreviation{"fr", true},    abbreviation{"hon", true},
    abbreviation{"st", true},    abbreviation{"mt", true},    abbreviation{"ft", true},
    abbreviation{"no", true},    abbreviation{"nos", true},   abbreviation{"vs", true},
    abbreviation{"v", true},     abbreviation{"cf", true},    abbreviation{"e.g", true},
    abbreviation{"i.e", true},   abbreviation{"approx", true}, abbreviation{"dept", true},
    abbreviation{"jan", true},   abbreviation{"feb", true},   abbreviation{"mar", false},
    abbreviation{"apr", true},   abbreviation{"jun", true},   abbreviation{"jul", true},
    abbreviation{"aug", true},   abbreviation{"sep", true},   abbreviation{"sept", true},
    abbreviation{"oct", true},   abbreviation{"nov", true},   abbreviation{"dec", true},
    abbreviation{"jr", false},   abbreviation{"sr", false},   abbreviation{"inc", false},
    abbreviation{"corp", false}, abbreviation{"co", false},   abbreviation{"ltd", false},
    abbreviation{"llc", false},  abbreviation{"etc", false},  abbreviation{"al", false},
    abbreviation{"a.m", false},  abbreviation{"p.m", false},  abbreviation{"u.s", false},
    abbreviation{"u.k", false},  abbreviation{"u.n", false},  abbreviation{"e.u", false},
    abbreviation{"d.c", false},  abbreviation{"u.s.a", false}, abbreviation{"n.y", false},
    abbreviation{"calif", false}, abbreviation{"fla", false}, abbreviation{"ariz", false},
    abbreviation{"mass", false}, abbreviation{"wash", false}, abbreviation{"pa", false},
    abbreviation{"va", false},   abbreviation{"tenn", false}, abbreviation{"wis", false},
    abbreviation{"mich", false}, abbreviation{"ill", false},  abbreviation{"ind", false},
    abbreviation{"ga", false},   abbreviation{"colo", false}, abbreviation{"conn", false},
    abbreviation{"n.c", false},  abbreviation{"s.c", false},  abbreviation{"n.j", false},
    abbreviation{"n.h", false},  abbreviation{"minn", false}, abbreviation{"okla", false},
    abbreviation{"ky", false},   abbreviation{"md", false},   abbreviation{"mo", false},
    abbreviation{"nev", false},  abbreviation{"ore", false},  abbreviation{"tex", false},
    abbreviation{"ala", false},  abbreviation{"ark", false},  abbreviation{"del", false},
};

constexpr std::size_t kLongestAbbreviation = [] {
  std::size_t n = 0;
  for (const auto& a : kAbbreviations) n = std::max(n, a.word.size());
  return n;
}();

// Capitalised words that typically open a sentence; after an abbreviation such as "U.S." they
// show that the period also ends the sentence.
constexpr std::array<std::string_view, 46> kSentenceStarters = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "but", "and", "in", "on", "at", "his", "her", "its", "their", "our",
    "my", "as", "if", "when", "while", "after", "before", "for", "so", "yet", "still",
    "however", "meanwhile", "some", "many", "most", "what", "why", "how", "who", "one"};

// ASCII lower-casing into a small buffer; false if the word is not ASCII or too long.
bool ascii_lower(std::string_view s, std::array<char, 16>& buf, std::string_view& out) {
  if (s.size() > buf.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch >= 0x80) return false;
    buf[i] = static_cast<char>((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
  }
  out = std::string_view(buf.data(), s.size());
  return true;
}

enum class abbrev_class { none, title, other, initial };

abbrev_class classify_abbreviation(std::string_view word) {
  // A single capital letter is an initial ("J. Smith", "G.K. Butterfield" gives "G.K").
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return abbrev_class::initial;
  std::array<char, 16> buf{};
  std::string_view lower;
  if (!ascii_lower(word, buf, lower)) return abbrev_class::none;
  if (lower.size() <= kLongestAbbreviation) {
    for (const auto& a : kAbbreviations) {
      if (a.word == lower) return a.title ? abbrev_class::title : abbrev_class::other;
    }
  }
  // Dotted capitals such as "G.K" or "D.C" or "U.A.E".
  bool dotted = word.size() >= 3;
  for (std::size_t i = 0; dotted && i < word.size(); ++i) {
    dotted = (i % 2 == 0) ? (word[i] >= 'A' && word[i] <= 'Z') : word[i] == '.';
  }
  return dotted ? abbrev_class::other : abbrev_class::none;
}

bool is_sentence_starter(std::string_view word) {
  std::array<char, 16> buf{};
  std::string_view lower;
  if (!ascii_lower(word, buf, lower)) return false;
  return std::find(kSentenceStarters.begin(), kSentenceStarters.end(), lower) !=
         kSentenceStarters.end();
}

class segmenter {
 public:
  segmenter(std::string_view text, const std::vector<token>& tokens,
            std::vector<sentence>& sentences, std::vector<paragraph>& paragraphs)
      : text_(text), tokens_(tokens), sentences_(sentences), paragraphs_(paragraphs) {}

  void run() {
    sentences_.clear();
    paragraphs_.clear();
    const auto n = static_cast<std::uint32_t>(tokens_.size());
    // Does the text separate paragraphs by blank lines? If not, every line is one.
    bool blank_lines = false;
    for (std::uint32_t i = 0; i < n && !blank_lines; ++i) {
      if (tokens_[i].kind != token_kind::space) continue;
      int breaks = 0;
      std::uint32_t j = i;
      while (j < n && tokens_[j].kind == token_kind::space) breaks += line_breaks(text(j++));
      blank_lines = breaks >= 2;
      i = j;
    }

    std::uint32_t para_first = npos;  // first non-space token of the open paragraph
    std::uint32_t last_content = npos;
    for (std::uint32_t i = 0; i < n;) {
      if (tokens_[i].kind != token_kind::space) {
        if (para_first == npos) para_first = i;
        last_content = i;
        ++i;
        continue;
      }
      int breaks = 0;
      std::uint32_t j = i;
      while (j < n && tokens_[j].kind == token_kind::space) breaks += line_breaks(text(j++));
      if (para_first != npos && breaks > 0) {
        bool end = breaks >= 2 || !blank_lines;
        if (!end) {
          // A single line break ends a paragraph when the line ends a sentence or
          // introduces what follows (texts mixing both conventions).
          const std::string_view last = text(last_content);
          const char32_t c = detail::last_code_point(last);
          end = is_terminal(last) || c == ':' || is_closer(tokens_[last_content], text_);
          // A line opening with a quotation mark starts a paragraph ("“…” ― Name" lists).
          if (!end && j < n && tokens_[j].kind == token_kind::quotation_mark) {
            const char32_t q = first_code_point(text(j));
            end = q == 0x201C || q == 0xAB || q == 0x201E || q == 0x2018;
          }
        }
        if (end) {
          close_paragraph(para_first, last_content + 1);
          para_first = npos;
        }
      }
      i = j;
    }
    if (para_first != npos) close_paragraph(para_first, last_content + 1);
  }

 private:
  static constexpr std::uint32_t npos = UINT32_MAX;

  std::string_view text(std::uint32_t i) const { return tokens_[i].range.of(text_); }

  void close_paragraph(std::uint32_t first, std::uint32_t end) {
    paragraph p;
    p.range = {tokens_[first].range.begin, tokens_[end - 1].range.end};
    p.first_sentence = static_cast<std::uint32_t>(sentences_.size());
    const auto index = static_cast<std::uint32_t>(paragraphs_.size());
    split_sentences(first, end, index);
    p.end_sentence = static_cast<std::uint32_t>(sentences_.size());
    paragraphs_.push_back(p);
  }

  void add_sentence(std::uint32_t first, std::uint32_t end, std::uint32_t para) {
    while (end > first && tokens_[end - 1].kind == token_kind::space) --end;
    while (first < end && tokens_[first].kind == token_kind::space) ++first;
    if (first >= end) return;
    sentences_.push_back({{tokens_[first].range.begin, tokens_[end - 1].range.end}, first, end, para});
  }

  void split_sentences(std::uint32_t first, std::uint32_t end, std::uint32_t para) {
    std::uint32_t start = first;
    for (std::uint32_t i = first; i < end; ++i) {
      if (!is_terminal(text(i))) continue;
      std::uint32_t j = i + 1;
      while (j < end && is_terminal(text(j))) ++j;
      while (j < end && is_closer(tokens_[j], text_)) ++j;
      if (j >= end) break;  // the paragraph's end closes the sentence
      if (tokens_[j].kind != token_kind::space) continue;
      std::uint32_t k = j;
      while (k < end && tokens_[k].kind == token_kind::space) ++k;
      if (k >= end) break;
      if (!breaks_before(i, k)) {
        i = j - 1;
        continue;
      }
      add_sentence(start, j, para);
      start = k;
      i = k - 1;
    }
    add_sentence(start, end, para);
  }

  // Does the terminal at token `t` end the sentence, given the next content token `next`?
  bool breaks_before(std::uint32_t t, std::uint32_t next) const {
    const std::string_view next_text = text(next);
    const char32_t c = first_code_point(next_text);
    if (detail::is_lower(c)) return false;
    // “…,” — Name: a dash after a quotation attributes it; the sentence goes on.
    if (detail::is_dash(c) && t + 1 < next && tokens_[t + 1].kind == token_kind::quotation_mark) return false;
    if (text(t) != "." || t == 0 || tokens_[t - 1].kind != token_kind::word) return true;
    switch (classify_abbreviation(text(t - 1))) {
      case abbrev_class::none:
        return true;
      case abbrev_class::title:
        return false;
      case abbrev_class::initial:
      case abbrev_class::other:
        return tokens_[next].kind != token_kind::word || is_sentence_starter(next_text);
    }
    return true;
  }

  std::string_view text_;
  const std::vector<token>& tokens_;
  std::vector<sentence>& sentences_;
  std::vector<paragraph>& paragraphs_;
};

}  // namespace

void document::assign(std::string_view utf8) {
  check_input_size(utf8.size());
  text_ = utf8;
  tokenize(text_, tokens_);
  segmenter(text_, tokens_, sentences_, paragraphs_).run();
}

std::uint32_t document::token_at(std::uint32_t offset) const noexcept {
  if (tokens_.empty()) return 0;
  // The first token beginning after `offset`, r, searched near a guess from the average token
  // length, by steps doubling away from it: in a long text a binary search over all tokens
  // misses the cache at every step. Invariant: lo <= r <= hi.
  const auto before = [offset](const token& t) { return t.range.begin <= offset; };
  const std::size_t n = tokens_.size();
  const std::size_t guess =
      text_.empty() ? 0 : std::min<std::size_t>(n - 1, std::uint64_t{offset} * n / text_.size());
  std::size_t lo = 0;
  std::size_t hi = n;
  if (before(tokens_[guess])) {
    lo = guess + 1;
    hi = lo;
    for (std::size_t step = 1; hi < n && before(tokens_[hi]); step *= 2) {
      lo = hi + 1;
      hi += step;
    }
    hi = std::min(hi, n);
  } else {
    hi = guess;
    lo = guess;
    for (std::size_t step = 1; lo > 0 && !before(tokens_[lo - 1]); step *= 2) {
      hi = lo - 1;
      lo = lo - 1 >= step ? lo - 1 - step : 0;
    }
  }
  auto it = std::upper_bound(tokens_.begin() + static_cast<std::ptrdiff_t>(lo),
                             tokens_.begin() + static_cast<std::ptrdiff_t>(hi), offset,
                             [](std::uint32_t o, const token& t) { return o < t.range.begin; });
  if (it == tokens_.begin()) return 0;
  return static_cast<std::uint32_t>((it - tokens_.begin()) - 1);
}

std::uint32_t document::sentence_of_token(std::uint32_t token_index) const noexcept {
  if (sentences_.empty()) return 0;
  auto it = std::upper_bound(
      sentences_.begin(), sentences_.end(), token_index,
      [](std::uint32_t t, const sentence& s) { return t < s.first_token; });
  if (it == sentences_.begin()) return 0;
  return static_cast<std::uint32_t>((it - sentences_.begin()) - 1);
}

SAYSO_END_NAMESPACE  // sayso::v1
