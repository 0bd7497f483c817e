// Speaker resolution, part 11: persons. The known person a name refers to (a surname alone, a
// family name written first, the end of a name with a particle), the words a name is matched by,
// and the person entities with their fullest name and the roles they were introduced with.
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

std::uint32_t resolver::person_match(const std::vector<std::string>& words, std::uint32_t at) const {
  // Same last word, and first names compatible: one of them a single word, the same first word,
  // or the shorter the end of the longer ("De Domenico", "Andrea De Domenico"). The persons are
  // indexed by last word, so that long documents stay linear.
  const auto compatible = [&words](const known& k) {
    if (words.size() == 1 || k.words.size() == 1 || k.words.front() == words.front()) return true;
    const std::vector<std::string>& a = words.size() < k.words.size() ? words : k.words;
    const std::vector<std::string>& b = words.size() < k.words.size() ? k.words : words;
    return std::equal(a.rbegin(), a.rend(), b.rbegin());
  };
  std::uint32_t match = npos;
  if (const auto* found = persons_by_last_.find(words.back()); found != nullptr) {
    // (Mentions after `at`, which the scan of names registered, do not count: a namesake the text
    // introduces later is not who a surname means here.)
    std::uint32_t best = 0;
    for (const std::uint32_t i : *found) {
      const std::uint32_t seen = compatible(ents_[i]) ? last_before(ents_[i], at) : 0;
      if (compatible(ents_[i]) && (match == npos || seen > best)) {
        match = i;
        best = seen;
      }
    }
  }
  if (match != npos) return match;
  // A family name written first ("Ban Ki-moon", "Kim Jong Un"), then alone ("Ban", "Kim"): the
  // person of that first word mentioned most (the principal of several Kims), else the latest.
  if (words.size() == 1) {
    // (Else a surname inside a longer name: "Castillo" for "Maria Elena Castillo Ruiz".)
    for (const auto* index : {&persons_by_first_, &persons_by_inner_}) {
      if (const auto* found = index->find(words.front()); found != nullptr) {
        for (const std::uint32_t i : *found) {
          const known& k = ents_[i];
          if (match == npos || k.mentions.size() > ents_[match].mentions.size() ||
              (k.mentions.size() == ents_[match].mentions.size() && k.last_seen > ents_[match].last_seen)) {
            match = i;
          }
        }
      }
      if (match != npos) break;
    }
    return match;
  }
  // The reverse: "Moon" named first, then "Moon Jae-in" (not "Trump", then "Trump Jr.").
  const std::string_view tail = words.back();
  if (tail == "jr" || tail == "sr" || tail == "ii" || tail == "iii" || tail == "iv") return npos;
  if (const auto* found = persons_by_last_.find(words.front()); found != nullptr) {
    for (const std::uint32_t i : *found) {
      if (ents_[i].words.size() == 1 && (match == npos || ents_[i].last_seen > ents_[match].last_seen)) match = i;
    }
  }
  return match;
}

void resolver::name_words(std::span<const std::uint32_t> name, std::vector<std::string>& out) const {
  out.clear();
  bool dropped = false;  // the word before was a particle left out
  for (std::size_t k = 0; k < name.size(); ++k) {
    const std::uint32_t t = name[k];
    const bool joined = k > 0 && !dropped && t >= 2 && name[k - 1] == t - 2 && s(t - 1) == "-";
    dropped = false;
    const std::string_view lw = lower(t);
    // A particle joined by a hyphen is left out ("al-Assad" is "Assad", as "Bashar al Assad").
    if (joined && !out.empty() && is_particle(out.back())) {
      out.back() = lw;
    } else if (joined && !out.empty()) {
      out.back() += '-';
      out.back() += lw;
    } else if (k + 1 < name.size() && is_particle(lw) && s(t + 1) != "-" &&
               (k > 0 || (lw != "al" && lw != "ben" && lw != "del"))) {
      // A particle before a surname is no word of it: "Van den Broek", "De la Vega", "Hamad Al
      // Thani" are matched as "Broek", "Vega", "Hamad Thani" (a lower-case particle is no token
      // of the run). ("Al", "Ben" and "Del" opening a name are given names: "Al Gore".)
      dropped = true;
    } else {
      out.emplace_back(lw);
    }
  }
}

bool resolver::name_tail(std::uint32_t t) const {
  if (t < 2 || !is_word(t) || cap(t) || s(t).size() > 4 || s(t - 1) != "-") return false;
  const std::uint32_t head = t - 2;
  if (!is_word(head) || !cap(head) || info_[head].all_upper() || s(head).size() > 4 || cls(head) != 0 ||
      modifier(head)) {
    return false;
  }
  return t + 1 >= tok_.size() || (s(t + 1) != "-" && tok_[t + 1].kind != token_kind::word);
}

void resolver::index_inner(std::uint32_t e, const std::vector<std::string>& words) {
  // A surname inside a longer name: the first of two surnames ("Castillo" of "Maria Elena
  // Castillo Ruiz"), and the surname before a generational suffix ("Finch" of "Harold Finch Jr.").
  const std::string_view tail = words.back();
  const bool suffix = tail == "jr" || tail == "sr" || tail == "ii" || tail == "iii" || tail == "iv";
  if (words.size() >= 3 || (suffix && words.size() >= 2)) {
    for (std::size_t i = suffix ? words.size() - 2 : 1; i + 1 < words.size(); ++i) {
      std::vector<std::uint32_t>& list = persons_by_inner_[words[i]];
      if (list.empty() || list.back() != e) list.push_back(e);
    }
  }
}

std::uint32_t resolver::add_person(const std::vector<std::string>& words, std::span<const std::uint32_t> name,
                         const std::vector<std::string>& roles, byte_range mention) {
  std::uint32_t match = person_match(words, mention.begin);
  if (match == npos) {
    known& k = new_entity();
    k.name = surface(name);
    k.kind = entity_kind::person;
    k.words = words;
    match = static_cast<std::uint32_t>(ents_.size() - 1);
    persons_by_last_[words.back()].push_back(match);
    if (words.size() >= 2) persons_by_first_[words.front()].push_back(match);
    index_inner(match, words);
  }
  known& k = ents_[match];
  if (words.size() > k.words.size()) {
    if (k.words.back() != words.back()) persons_by_last_[words.back()].push_back(match);
    if (k.words.size() < 2 || k.words.front() != words.front()) persons_by_first_[words.front()].push_back(match);
    index_inner(match, words);
    k.words = words;
    k.name = surface(name);
  }
  for (const std::string& written : roles) {
    // ("Gen. X" holds the title "general", which "the general" names.)
    const std::string_view full = lex_.title(written);
    const std::string& r = full.size() == written.size() ? written : (title_ = full);
    if (std::find(k.roles.begin(), k.roles.end(), r) == k.roles.end()) {
      k.roles.push_back(r);
      // (Countries are qualifiers, checked on the holders of a role; indexed apart, for a leader
      // the text names with no role: see role_holder.)
      if (r.front() == '@') {
        persons_by_country_[r].push_back(match);
      } else {
        std::vector<std::uint32_t>& holders = persons_by_role_[r];
        holders.insert(std::lower_bound(holders.begin(), holders.end(), match), match);
      }
    }
  }
  add_mention(match, mention);
  k.last_seen = std::max(k.last_seen, mention.end);
  return match;
}

}  // namespace sayso::detail
