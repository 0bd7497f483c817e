#include "stance/screened.hpp"

#include <algorithm>

namespace sayso::detail {

namespace {

// Where the leftmost match of `a` in text starting at `from` or later starts and ends (as
// RE2::Match UNANCHORED from `from` with one submatch finds it); false if none. A spelled word
// is found from the screen's table; other alternatives by native_re (RE2 where it cannot say).
bool leftmost(const alternative_ref& a, std::string_view text, std::size_t from, std::size_t& begin,
              std::size_t& end) {
  if (a.words != nullptr) return a.words->next_word(a.alternative, text, from, begin, end);
  return a.re->search(text, from, &begin, &end);
}

// Successive leftmost-first matches of the alternation of `alts`, as find_all reads them:
// `next(begin, end)` is called with each and returns where the next search starts. Each
// alternative's next match is kept while it starts at or after that place.
template <class Next>
void each_match(std::span<const alternative_ref> alts, std::string_view text, Next&& next) {
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
        st.known = leftmost(alts[k], text, pos, st.begin, st.end);
        if (!st.known) {
          st.done = true;
          continue;
        }
      }
      // The leftmost start; at one start, the branch first in the list.
      if (best == alts.size() || st.begin < states[best].begin) best = k;
    }
    if (best == alts.size()) return;
    pos = next(states[best].begin, states[best].end);
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

}  // namespace sayso::detail
