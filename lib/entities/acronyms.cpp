// Speaker resolution, part 6: acronyms the text defines in brackets, in either order: "the
// Palestinian Civil Defence (PCD)", "U.S. European Command (EUCOM)", "EUCOM (U.S. European
// Command)". A later "the PCD" or "EUCOM" is the organisation, named by its spelled-out name.
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

namespace {

bool function_word(std::string_view w) { return w == "of" || w == "and" || w == "for" || w == "the" || w == "on"; }

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Whether the letters of `acronym` from `a` on are the starts of words[w...] in order, each word
// giving one or more of its first letters, function words giving their first letter or none.
bool spells(std::string_view acronym, std::size_t a, std::span<const std::string_view> words, std::size_t w) {
  if (a == acronym.size()) {
    while (w < words.size() && function_word(words[w])) ++w;
    return w == words.size();
  }
  if (w == words.size()) return false;
  const std::string_view word = words[w];
  if (function_word(word) && spells(acronym, a, words, w + 1)) return true;
  for (std::size_t p = 1; p <= word.size() && a + p <= acronym.size() && p <= 4; ++p) {
    if (lower_ascii(word[p - 1]) != lower_ascii(acronym[a + p - 1])) break;
    if (spells(acronym, a + p, words, w + 1)) return true;
  }
  return false;
}

}  // namespace

std::size_t resolver::spelled_by(std::string_view acronym, std::span<const std::uint32_t> words) const {
  std::vector<std::string_view> views;
  lower_words(words, views);
  // The longest run of the name's last words that the letters spell; words before it stay in
  // the name if they say whose it is ("U.S. European Command").
  for (std::size_t start = 0; start < words.size(); ++start) {
    if (function_word(views[start])) continue;
    if (!spells(acronym, 0, views, start)) continue;
    std::size_t from = start;
    while (from > 0 && (cls(words[from - 1]) & (wc_demonym | wc_place)) != 0) --from;
    return from == 0 ? 0 : start;
  }
  return words.size();
}

void resolver::index_acronyms() {
  acronyms_.clear();
  acronym_names_.clear();
  const auto acronym_at = [this](std::uint32_t t) {
    if (t >= tok_.size() || !is_word(t) || !info_[t].all_upper()) return std::string_view{};
    const std::string_view a = s(t);
    return a.size() >= 2 && a.size() <= 10 ? a : std::string_view{};
  };
  const auto name_word = [this](std::uint32_t t) {
    return is_word(t) && (cap(t) || function_word(lower(t)));
  };
  const auto define = [this](std::string_view acronym, std::vector<std::uint32_t> name) {
    const std::string full = surface(name);
    acronym_names_.emplace(normalise(full), full);
    if (auto [v, inserted] = acronyms_.emplace(acronym); inserted) v = std::move(name);
  };
  // The opening brackets, found in the text (a token-by-token scan compared every token).
  for (std::size_t at = text_.find('('); at != std::string_view::npos; at = text_.find('(', at + 1)) {
    const std::uint32_t i = doc_.token_at(static_cast<std::uint32_t>(at));
    if (i + 2 >= tok_.size()) break;
    if (tok_[i].range.begin != at || tok_[i].kind != token_kind::punctuation || s(i) != "(") continue;
    // "NAME (ACRONYM)": the capitalised words before the bracket, with function words between.
    if (const std::string_view acr = acronym_at(i + 1); !acr.empty() && s(i + 2) == ")") {
      std::vector<std::uint32_t> name;
      for (std::uint32_t k = i; k > 0 && name.size() < 12;) {
        --k;
        if (tok_[k].kind == token_kind::space && s(k).find('\n') == std::string_view::npos) continue;
        if (tok_[k].kind == token_kind::punctuation && (s(k) == "." || s(k) == "-") && k > 0 && is_word(k - 1)) continue;
        if (!name_word(k)) break;
        name.push_back(k);
      }
      std::reverse(name.begin(), name.end());
      while (!name.empty() && function_word(lower(name.front()))) name.erase(name.begin());
      const std::size_t from = spelled_by(acr, name);
      if (from < name.size()) {
        define(acr, std::vector<std::uint32_t>(name.begin() + static_cast<std::ptrdiff_t>(from), name.end()));
      }
      continue;
    }
    // "ACRONYM (NAME)": the acronym just before the bracket, its name inside.
    std::uint32_t before = i;
    while (before > 0 && tok_[before - 1].kind == token_kind::space) --before;
    if (before == 0) continue;
    const std::string_view acr = acronym_at(before - 1);
    if (acr.empty()) continue;
    std::vector<std::uint32_t> name;
    std::uint32_t k = i + 1;
    for (; k < tok_.size() && name.size() < 12 && s(k) != ")"; ++k) {
      if (tok_[k].kind == token_kind::space) continue;
      if (tok_[k].kind == token_kind::punctuation && (s(k) == "." || s(k) == "-")) continue;
      if (!name_word(k)) break;
      name.push_back(k);
    }
    if (k >= tok_.size() || s(k) != ")" || name.size() < 2) continue;
    if (spelled_by(acr, name) < name.size()) define(acr, std::move(name));
  }
}

}  // namespace sayso::detail
