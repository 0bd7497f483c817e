#include "stance/screened.hpp"

#include <algorithm>

namespace sayso::detail {

namespace {

constexpr bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// RE2's \b at byte p of text (outside the text: no word character).
bool boundary(std::string_view text, std::size_t p) {
  const bool before = p > 0 && word_byte(static_cast<unsigned char>(text[p - 1]));
  const bool after = p < text.size() && word_byte(static_cast<unsigned char>(text[p]));
  return before != after;
}

// How far the anchored searches below look for where a match starts (bytes of text).
constexpr std::size_t kMaxScan = 1024;

// Where the leftmost match of `a` in text starting at `from` or later starts and ends (as
// RE2::Match UNANCHORED from `from` with one submatch finds it); false if none. A spelled word
// is found from the screen's table, other alternatives by native_re where it answers
// (lazy_re2::search_native). Otherwise an unanchored RE2 search without submatches (a forward
// pass) says whether there is one; then anchored searches at each candidate start say where: the
// first that matches, with the end RE2 gives it.
bool leftmost(const alternative_ref& a, std::string_view text, std::size_t from, std::size_t& begin,
              std::size_t& end, const native_re::boundary_index* boundaries) {
  if (a.words != nullptr) return a.words->next_word(a.alternative, text, from, begin, end);
  const native_re::result r = a.re->search_native(text, from, begin, end, std::string_view::npos, boundaries);
  if (r != native_re::result::unknown) return r == native_re::result::match;
  const RE2* re = a.re->get();
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  if (text.size() - from > kMaxScan) {
    // A long text (a whole document): the match may be far, past many word boundaries; RE2 finds
    // its start with the reverse program (of a small expression, built once).
    if (re == nullptr || !re->Match(input, from, text.size(), RE2::UNANCHORED, &match, 1)) return false;
    begin = static_cast<std::size_t>(match.data() - text.data());
    end = begin + match.size();
    return true;
  }
  if (re == nullptr || !re->Match(input, from, text.size(), RE2::UNANCHORED, nullptr, 0)) return false;
  for (std::size_t p = from; p <= text.size(); ++p) {
    if (a.at_boundary && !boundary(text, p)) continue;
    if (re->Match(input, p, text.size(), RE2::ANCHOR_START, &match, 1)) {
      begin = p;
      end = static_cast<std::size_t>(match.data() - text.data()) + match.size();
      return true;
    }
  }
  return false;  // (not reached: the forward pass found a match)
}

// Successive leftmost-first matches of the alternation of `alts`, as find_all reads them:
// `next(begin, end)` is called with each and returns where the next search starts. Each
// alternative's next match is kept while it starts at or after that place. `boundaries`: see
// native_re::search.
template <class Next>
void each_match(std::span<const alternative_ref> alts, std::string_view text, Next&& next,
                const native_re::boundary_index* boundaries = nullptr) {
  struct state {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool known = false;
    bool done = false;
  };
  static thread_local std::vector<state> states;
  states.assign(alts.size(), state{});
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t best = alts.size();
    for (std::size_t k = 0; k < alts.size(); ++k) {
      state& st = states[k];
      if (st.done) continue;
      if (!st.known || st.begin < pos) {
        st.known = leftmost(alts[k], text, pos, st.begin, st.end, boundaries);
        if (!st.known) {
          st.done = true;
          continue;
        }
      }
      // The leftmost start; at one start, the branch first in the list.
      if (best == alts.size() || st.begin < states[best].begin) best = k;
    }
    if (best == alts.size()) return;
    pos = next(states[best].begin, states[best].end);  // (past the text: stop)
  }
}

}  // namespace

void screened_lists::compile_with(const RE2::Options& options) {
  alternatives.clear();
  alternatives.reserve(words.alternatives());
  for (std::uint32_t a = 0; a < words.alternatives(); ++a) alternatives.emplace_back(words.pattern_of(a), options);
}

void screened_lists::refs_of(std::uint32_t entry, const screened_text& seen, std::vector<alternative_ref>& out) const {
  for (const std::uint32_t a : seen.alternatives) {
    if (words.entry_of(a) != entry) continue;
    const bool native = seen.decided && words.spelled(a);
    out.push_back({&alternatives[a], words.starts_at_boundary(a), native ? &words : nullptr, a});
  }
}

void find_all(std::span<const alternative_ref> alts, std::string_view text,
              std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  each_match(alts, text, [&](std::size_t b, std::size_t e) {
    out.emplace_back(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e));
    return e > b ? e : e + 1;
  });
}

std::optional<std::uint32_t> count_consumed(std::span<const alternative_ref> alts, std::string_view text,
                                           std::uint32_t most, const native_re::boundary_index* boundaries) {
  const auto word_at = [&](std::size_t p) { return p < text.size() && word_byte(static_cast<unsigned char>(text[p])); };
  std::uint32_t n = 0;
  bool exact = true;
  std::size_t pos = 0;  // where the rest of the text starts
  if (most == 0) return 0;
  each_match(alts, text, [&](std::size_t b, std::size_t e) {
    // At the rest's start, \b sees no character before it; in the whole text it sees the last
    // match's last byte. Only a word byte there makes a difference: to a match that starts
    // there, or (before another word byte) that the rest alone lets start there.
    if (e == b || (b == pos && pos > 0 && word_at(pos - 1))) {
      exact = false;
      return std::string_view::npos;
    }
    pos = e;
    if (++n >= most) return std::string_view::npos;
    if (word_at(e - 1) && word_at(e)) {
      exact = false;
      return std::string_view::npos;
    }
    return e;
  }, boundaries);
  if (!exact) return std::nullopt;
  return n;
}

}  // namespace sayso::detail
