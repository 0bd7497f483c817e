#include "stance/literal_filter.hpp"
#include "stance/lazy.hpp"

#include <algorithm>
#include <numeric>

#include <re2/filtered_re2.h>

namespace sayso::detail {

namespace {

constexpr std::array<unsigned char, 256> kLower = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned c = 0; c < 256; ++c) t[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

// Does `text` hold a character that RE2 matches case-insensitively to an ASCII letter but that
// ASCII lower-casing does not make one: U+017F (long s, folds to s) or U+212A (Kelvin sign,
// folds to k)? Then the atoms cannot be trusted, and the filter passes the text.
bool folds_to_ascii(std::string_view text) noexcept {
  // (Searched for by their rarest bytes.)
  for (std::size_t i = text.find('\xBF'); i != std::string_view::npos; i = text.find('\xBF', i + 1)) {
    if (i > 0 && text[i - 1] == '\xC5') return true;
  }
  for (std::size_t i = text.find('\xAA'); i != std::string_view::npos; i = text.find('\xAA', i + 1)) {
    if (i > 1 && text[i - 1] == '\x84' && text[i - 2] == '\xE2') return true;
  }
  return false;
}

}  // namespace

literal_filter literal_filter::of(re2::FilteredRE2& expressions) {
  literal_filter f;
  if (expressions.NumRegexps() == 0) return f;  // (Compile complains of an empty set)
  std::vector<std::string> atoms;
  expressions.Compile(&atoms);
  std::vector<int> potential;
  expressions.AllPotentials({}, &potential);
  if (!potential.empty()) return f;  // an expression without atoms: no filter
  // A smallest set of atoms that still guards every expression (the prefilter of an expression
  // is an AND/OR formula over atoms; a text holding none of the kept atoms holds, of all atoms,
  // only dropped ones, and with those alone no expression passes): drop atoms one at a time,
  // shortest (most common in text) first, while no expression passes on the dropped ones.
  // Atoms beyond ASCII go first: the scan compares ASCII only ("won’t" may go if "won't" stays).
  const auto ascii = [](const std::string& atom) {
    return std::all_of(atom.begin(), atom.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  std::vector<std::size_t> order(atoms.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const bool x = ascii(atoms[a]);
    const bool y = ascii(atoms[b]);
    return x != y ? !x : atoms[a].size() < atoms[b].size();
  });
  std::vector<int> dropped;
  for (const std::size_t a : order) {
    dropped.push_back(static_cast<int>(a));
    expressions.AllPotentials(dropped, &potential);
    if (!potential.empty()) dropped.pop_back();
  }
  std::vector<bool> kept(atoms.size(), true);
  for (const int a : dropped) kept[static_cast<std::size_t>(a)] = false;
  std::vector<std::string> cover;
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    if (!kept[a]) continue;
    // Atoms are ASCII lower case for the scan, and two bytes or more.
    const std::string& atom = atoms[a];
    if (atom.size() < 2) return f;
    for (const char c : atom) {
      if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) return f;
    }
    cover.push_back(atom);
  }
  // An atom holding another is found whenever it is: only the shorter is scanned for.
  std::sort(cover.begin(), cover.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  for (const std::string& atom : cover) {
    const bool implied = std::any_of(f.atoms_.begin(), f.atoms_.end(),
                                     [&](const std::string& shorter) { return atom.find(shorter) != std::string::npos; });
    if (!implied) f.atoms_.push_back(atom);
  }
  if (f.atoms_.empty()) return f;
  const auto byte = [](const std::string& atom, std::size_t k) { return std::uint32_t{static_cast<unsigned char>(atom[k])}; };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> starts;  // (first three bytes, atom)
  for (std::uint32_t i = 0; i < f.atoms_.size(); ++i) {
    const std::string& atom = f.atoms_[i];
    const std::uint32_t k2 = (byte(atom, 0) << 8) | byte(atom, 1);
    if (atom.size() == 2) {
      set(f.first2_, k2);
      set(f.whole2_, k2);
      continue;
    }
    set(f.first2_, k2);
    set(f.next2_, (byte(atom, 1) << 8) | byte(atom, 2));
    starts.emplace_back((k2 << 8) | byte(atom, 2), i);
  }
  std::sort(starts.begin(), starts.end());
  std::size_t size = 16;
  while (size < 2 * starts.size()) size *= 2;
  f.buckets_.assign(size, bucket{});
  for (std::size_t i = 0; i < starts.size();) {
    std::size_t j = i;
    while (j < starts.size() && starts[j].first == starts[i].first) f.by_start_.push_back(starts[j++].second);
    std::size_t slot = (starts[i].first * 0x9E3779B1U) >> 8 & (size - 1);
    while (f.buckets_[slot].key != 0) slot = (slot + 1) & (size - 1);
    f.buckets_[slot] = {starts[i].first + 1, static_cast<std::uint32_t>(f.by_start_.size() - (j - i)),
                        static_cast<std::uint32_t>(f.by_start_.size())};
    i = j;
  }
  f.enabled_ = true;
  return f;
}

std::pair<std::uint32_t, std::uint32_t> literal_filter::starting(std::uint32_t key) const noexcept {
  const std::size_t mask = buckets_.size() - 1;
  for (std::size_t slot = (key * 0x9E3779B1U) >> 8 & mask; buckets_[slot].key != 0; slot = (slot + 1) & mask) {
    if (buckets_[slot].key == key + 1) return {buckets_[slot].begin, buckets_[slot].end};
  }
  return {0, 0};
}

bool literal_filter::holds_at(const unsigned char* p, std::size_t left, std::uint32_t k2) const noexcept {
  const std::uint32_t c = kLower[p[2]];
  const auto [begin, end] = starting((k2 << 8) | c);
  for (std::uint32_t k = begin; k < end; ++k) {
    const std::string& atom = atoms_[by_start_[k]];
    if (atom.size() > left) continue;
    std::size_t m = 3;
    while (m < atom.size() && kLower[p[m]] == static_cast<unsigned char>(atom[m])) ++m;
    if (m == atom.size()) return true;
  }
  return false;
}

bool literal_filter::may_match(std::string_view text) const noexcept {
  if (!enabled_) return true;
  if (text.size() < 2) return false;
  // Two lower-cased bytes at a time against first2_: one table read and one bit test a byte;
  // the rest only where an atom may start.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const last = p + text.size() - 1;
  std::uint32_t a = kLower[*p];
  for (; p < last; ++p) {
    const std::uint32_t b = kLower[p[1]];
    const std::uint32_t k2 = (a << 8) | b;
    a = b;
    if (!test(first2_, k2)) continue;
    if (test(whole2_, k2)) return true;
    // (Most bigrams that start an atom go on with another byte than the atom's.)
    if (p + 1 < last && test(next2_, (b << 8) | kLower[p[2]]) && holds_at(p, static_cast<std::size_t>(last - p) + 1, k2)) {
      return true;
    }
  }
  return folds_to_ascii(text);
}

const literal_filter& lazy_filter::get() const {
  return filter_.get([this] {
    re2::FilteredRE2 expressions(3);
    for (const std::string& e : expressions_) {
      int id = 0;
      expressions.Add(e, options_, &id);
    }
    return std::make_unique<literal_filter>(literal_filter::of(expressions));
  });
}

}  // namespace sayso::detail
