// Speaker resolution, part 4: the in-document role index. A person introduced with a role, title,
// nationality or organisation ("Karvia's chief negotiator Ilse Marrow", "Marrow, head of the
// security council", "French President X") registers keys for them:
//   "=role"            a role of speakers.toml ("=foreign_minister" for "top diplomat"),
//   "=modifier+role"   a different role made by a modifier ("=deputy+foreign_minister"),
//   "@country"         a country named by any of its forms ("Russian", "Russia's", "Moscow"),
//   "word"             the bare lower-case words, as titles and capitalised qualifiers.
// A later definite description ("the French leader", "Russia's foreign minister") resolves to the
// most recent person who holds a role it may name and every qualifier it gives; no match keeps
// the description.
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

namespace {

// The key of a country, a role (with its modifier) or a word, as registered.
std::string country_key(const speaker_lexicon& lex, std::uint16_t c) {
  std::string key = "@";
  key += lex.country_key(c);
  return key;
}

std::string role_key(const speaker_lexicon& lex, std::string_view modifier, std::uint16_t r) {
  std::string key = "=";
  if (!modifier.empty()) {
    key += modifier;
    key += '+';
  }
  key += lex.role_key(r);
  return key;
}

}  // namespace

void resolver::lower_words(std::span<const std::uint32_t> toks, std::vector<std::string_view>& views) const {
  views.clear();
  for (const std::uint32_t t : toks) views.push_back(lower(t));
}

void resolver::scan_roles(std::span<const std::uint32_t> toks, role_scan& out) const {
  out.keys.clear();
  out.role = npos16;
  out.modifier = {};
  out.head = {};
  lower_words(toks, out.views);
  std::string_view pending;  // a modifier waiting for its role
  bool complement = false;   // past the preposition after the head ("head of the council")
  for (std::size_t i = 0; i < toks.size();) {
    const std::uint32_t t = toks[i];
    const std::uint32_t c = cls(t);
    if (!out.head.empty() && !cap(t) && (c & wc_preposition) != 0) complement = true;
    if (!complement && (c & (wc_title | wc_role)) != 0 && !possessive(t) && !cap(t)) out.head = out.views[i];
    if (!complement && (c & (wc_title | wc_role)) != 0 && !possessive(t) && cap(t) && (c & wc_org) == 0) {
      out.head = out.views[i];
    }
    // Country forms are capitalised ("us" is a pronoun, "US" a country).
    if (cap(t) && (flags(t) & speaker_lexicon::f_country) != 0) {
      if (const speaker_lexicon::match m = lex_.country_at(out.views, i, true)) {
        out.keys.push_back(country_key(lex_, m.id));
        i += m.length;
        continue;
      }
    }
    // Role phrases start with a title, role, organisation or demonym word ("house speaker"), a
    // verb ("lead negotiator"), or a word the lexicon does not know ("veep").
    const bool may_start_role = (c & (wc_title | wc_role | wc_org | wc_demonym | wc_verb)) != 0 || c == 0;
    if (const speaker_lexicon::match m = may_start_role ? lex_.role_at(out.views, i) : speaker_lexicon::match{}) {
      // A possessive role qualifies what follows ("the president's spokesman").
      if (!possessive(toks[i + m.length - 1])) {
        out.keys.push_back(role_key(lex_, pending, m.id));
        out.role = m.id;
        out.modifier = pending;
        out.role_begin = i;
        out.role_end = i + m.length;
        pending = {};
        if (!complement) out.head = out.views[i + m.length - 1];
        i += m.length;
        continue;
      }
    }
    if (modifier(t)) {
      pending = out.views[i];
    } else if ((c & wc_determiner) == 0 || cap(t)) {
      if ((cap(t) && (c & (wc_determiner | wc_preposition | wc_conjunction)) == 0 && !is_document(t)) ||
          (c & (wc_demonym | wc_place)) != 0) {
        out.keys.emplace_back(out.views[i]);
      }
      if ((c & (wc_demonym | wc_place)) == 0 || !cap(t)) pending = {};
    }
    ++i;
  }
  if (!out.head.empty()) out.keys.push_back(std::string("^") += out.head);
}

void resolver::role_keys(std::span<const std::uint32_t> toks, std::vector<std::string>& keys) const {
  role_scan& scan = role_scan_;
  scan_roles(toks, scan);
  for (std::string& k : scan.keys) keys.push_back(std::move(k));
}

bool resolver::role_spans(std::span<const std::uint32_t> words, std::size_t k) const {
  std::vector<std::string_view>& views = scratch_views_;
  const std::size_t from = k >= 3 ? k - 3 : 0;
  lower_words(words.subspan(from, std::min<std::size_t>(words.size() - from, 8)), views);
  for (std::size_t i = 0; i + from <= k; ++i) {
    if (i + from + lex_.role_at(views, i).length > k + 1) return true;
  }
  return false;
}

bool resolver::is_country(std::span<const std::uint32_t> name) const {
  if (name.empty() || name.size() > 4) return false;
  if ((flags(name.front()) & speaker_lexicon::f_country) == 0) return false;
  lower_words(name, scratch_views_);
  return lex_.country_at(scratch_views_, 0, true).length == name.size();
}

bool resolver::person_role(std::uint32_t t) const {
  const std::uint32_t c = cls(t);
  const std::uint32_t f = flags(t);
  if ((f & speaker_lexicon::f_document) != 0) return false;
  return ((c & wc_title) != 0 && (c & wc_role) != 0 && (c & wc_org) == 0) || (f & speaker_lexicon::f_role) != 0;
}

void resolver::preceding_words(std::uint32_t first, bool titled, std::vector<std::string>& keys,
                               std::vector<std::uint32_t>& words) const {
  // Right to left from the name: lower-case titles and roles, capitalised words (qualifiers),
  // hyphens and the periods of abbreviations, within the sentence; at most eight words.
  words.clear();
  std::uint32_t t = first;
  const auto space_before = [this](std::uint32_t i) {
    return i > 0 && tok_[i - 1].kind == token_kind::space && s(i - 1).find('\n') == std::string_view::npos;
  };
  // "the French president, X": a description and a comma before the name.
  bool comma = false;
  if (t >= 2 && s(t - 1) == " " && s(t - 2) == ",") {
    t -= 2;
    comma = true;
  } else if (t >= 1 && s(t - 1) == ",") {
    t -= 1;
    comma = true;
  }
  const std::uint32_t comma_at = t;
  // (A dateline opening the paragraph is no part of it: "MOSCOW U.S. Secretary of State X".)
  const sentence& sent = sentence_of(first);
  const std::uint32_t dateline_end = after_dateline(sent);
  const std::uint32_t floor = dateline_end != sent.first_token ? dateline_end : 0;
  while (t > floor && words.size() < 8) {
    std::uint32_t p = t - 1;
    if (tok_[p].kind == token_kind::space) {
      if (!space_before(t)) break;
      if (p == 0) break;
      --p;
    }
    if (tok_[p].kind == token_kind::punctuation && (s(p) == "-" || s(p) == ".") && p > 0 && is_word(p - 1) &&
        (s(p) == "-" || s(p - 1).size() <= 3)) {
      t = p;
      continue;
    }
    if (!is_word(p) || in_quote_[p]) break;
    // "Karvian Ambassador to the U.S. X", "envoy to Karvia X": a title's "to" complement.
    if (!words.empty() && !cap(p) && (lower(p) == "the" || lower(p) == "to")) {
      std::uint32_t to = p;
      if (lower(p) == "the") {
        to = p >= 2 && tok_[p - 1].kind == token_kind::space && is_word(p - 2) ? p - 2 : npos;
        if (to != npos && lower(to) != "to") to = npos;
      }
      const std::uint32_t title = to != npos && to >= 2 && tok_[to - 1].kind == token_kind::space && is_word(to - 2) ? to - 2 : npos;
      if (title != npos && (cls(title) & (wc_title | wc_role)) != 0 && (cls(title) & wc_verb) == 0) {
        if (p != to) words.push_back(p);
        words.push_back(to);
        t = to;
        continue;
      }
    }
    const std::uint32_t c = cls(p);
    const bool role_word = (c & (wc_title | wc_role)) != 0 && (c & wc_verb) == 0;
    if (!cap(p) && !role_word && (c & wc_demonym) == 0 &&
        ((c != 0 && (c & (wc_title | wc_auxiliary | wc_preposition)) == 0) || !modifier(p))) {
      break;
    }
    // A person's role noun makes it a description of the person ("spokesman", "minister"; not
    // "statement", "poll" or "campaign", which are role nouns of english.toml too).
    titled = titled || (role_word && person_role(p));
    if (cap(p) && (c & (wc_determiner | wc_preposition | wc_conjunction | wc_pronoun | wc_auxiliary | wc_time)) != 0 &&
        (c & (wc_title | wc_org | wc_place | wc_demonym)) == 0) {
      break;
    }
    words.push_back(p);
    t = p;
  }
  if (words.empty()) {
    if (comma) complement_description(comma_at, keys, words);
    return;
  }
  if (!titled) {
    // A role of the lexicon of more than one word ("Russia's top diplomat, X").
    std::reverse(words.begin(), words.end());
    scan_roles(words, role_scan_);
    std::reverse(words.begin(), words.end());
    if (role_scan_.role == npos16) {
      words.clear();
      if (comma) complement_description(comma_at, keys, words);
      return;
    }
  }
  // After a comma, the description must be a definite one that starts a clause or follows a verb
  // or preposition: "the French president, X," not "... in Paris, X".
  if (comma) {
    const std::uint32_t start = words.back();
    std::uint32_t d = start;
    while (d > 0 && tok_[d - 1].kind == token_kind::space) --d;
    if (d == 0 || !is_word(d - 1) || lower(d - 1) != "the") {
      const bool owner = possessive(start) && cap(start);
      if (!owner) {
        words.clear();
        return;
      }
    }
  }
  std::reverse(words.begin(), words.end());
  for (const std::uint32_t w : words) {
    if ((cls(w) & (wc_title | wc_role | wc_demonym)) != 0) keys.emplace_back(lower(w));
  }

}

void resolver::complement_description(std::uint32_t comma, std::vector<std::string>& keys,
                                      std::vector<std::uint32_t>& words) const {
  // "the UN envoy for the region, X", "Canada's ambassador to Ukraine, X", "The President of
  // Kenya, X": a definite description with a complement, then a comma and the name. The head part
  // (before the complement) names the role; a country after "of" is the person's ("President of
  // Kenya"), one after another preposition is not ("ambassador to Ukraine").
  words.clear();
  std::uint32_t t = comma;
  std::uint32_t start = npos;
  const std::uint32_t sentence_first = doc_.sentences()[doc_.sentence_of_token(comma)].first_token;
  for (std::uint32_t n = 0; t > sentence_first && n < 12;) {
    --t;
    if (tok_[t].kind == token_kind::space) {
      if (s(t).find('\n') != std::string_view::npos) return;
      continue;
    }
    if (tok_[t].kind == token_kind::punctuation && (s(t) == "-" || s(t) == ".")) continue;
    if (!is_word(t) || in_quote_[t]) return;
    ++n;
    const std::uint32_t c = cls(t);
    if ((c & wc_determiner) != 0 && lower(t) == "the") {
      // (Not the article of the complement: "the envoy to | the talks".)
      std::uint32_t b = t;
      while (b > sentence_first && tok_[b - 1].kind == token_kind::space) --b;
      const bool inner = b > sentence_first && is_word(b - 1) && !cap(b - 1) && (cls(b - 1) & wc_preposition) != 0;
      if (!inner) {
        start = t;
        break;
      }
      continue;
    }
    if (cap(t) && possessive(t)) {  // "Canada's ambassador", "Moscow's envoy"
      start = t;
      break;
    }
    if ((c & wc_preposition) != 0 && !cap(t)) continue;
    // (A verb's form after an article is a noun: "to the talks".)
    const bool noun = t >= 2 && tok_[t - 1].kind == token_kind::space && is_word(t - 2) && (cls(t - 2) & wc_determiner) != 0;
    if ((c & (wc_verb | wc_cue | wc_auxiliary | wc_pronoun | wc_conjunction)) != 0 && (c & (wc_role | wc_title)) == 0 &&
        !noun) {
      return;
    }
  }
  if (start == npos) return;
  // The description opens its clause or follows a verb or preposition, not a name ("met the
  // envoy for the region, X" is fine; "Paris, the envoy for ..., X" too).
  std::vector<std::uint32_t>& np = preceding_;  // (scratch: collect_appositive's, not in use here)
  np.clear();
  for (std::uint32_t k = start; k < comma; ++k) {
    if (is_word(k)) np.push_back(k);
  }
  std::size_t prep = np.size();
  for (std::size_t k = 1; k < np.size(); ++k) {
    if (!cap(np[k]) && (cls(np[k]) & wc_preposition) != 0) {
      prep = k;
      break;
    }
  }
  if (prep == np.size() || prep + 1 >= np.size()) return;
  const std::uint32_t head = np[prep - 1];
  if (!person_role(head) && (cls(head) & wc_title) == 0) return;
  if (role_spans(np, prep - 1)) return;  // "secretary | of state": the lexicon's own phrase
  const std::span<const std::uint32_t> head_part = std::span<const std::uint32_t>(np).first(prep);
  words.assign(head_part.begin(), head_part.end());
  for (const std::uint32_t w : head_part) {
    if ((cls(w) & (wc_title | wc_role | wc_demonym)) != 0 && !possessive(w)) keys.emplace_back(lower(w));
  }
  role_keys(head_part, keys);
  if (lower(np[prep]) == "of") {
    std::size_t c = prep + 1;
    if (c < np.size() && lower(np[c]) == "the") ++c;
    if (c < np.size() && cap(np[c]) && (flags(np[c]) & speaker_lexicon::f_country) != 0) {
      const std::span<const std::uint32_t> rest = std::span<const std::uint32_t>(np).subspan(c);
      lower_words(rest, scratch_views_);
      if (const speaker_lexicon::match m = lex_.country_at(scratch_views_, 0, false); m && m.length == rest.size()) {
        keys.push_back(std::string("@") += lex_.country_key(m.id));
      }
    }
  }
}

void resolver::country_after(std::uint32_t last, std::vector<std::string>& roles) const {
  // "Foreign Minister X of Nigeria", "President X of Kenya": the person's country.
  std::uint32_t t = last + 1;
  if (t + 2 >= tok_.size() || tok_[t].kind != token_kind::space || s(t + 1) != "of") return;
  t += 2;
  if (t + 1 >= tok_.size() || tok_[t].kind != token_kind::space) return;
  ++t;
  if (!is_word(t) || !cap(t) || (flags(t) & speaker_lexicon::f_country) == 0) return;
  std::array<std::uint32_t, 4> country{};
  std::size_t n = 0;
  for (std::uint32_t k = t; n < country.size() && k < tok_.size() && is_word(k) && cap(k);) {
    country[n++] = k;
    if (k + 2 >= tok_.size() || tok_[k + 1].kind != token_kind::space) break;
    k += 2;
  }
  lower_words(std::span<const std::uint32_t>(country.data(), n), scratch_views_);
  const speaker_lexicon::match m = lex_.country_at(scratch_views_, 0, false);
  if (!m) return;
  const std::uint32_t end = country[m.length - 1];
  // The country whole: not "of Russia's Gazprom", "of South Sudan Airways".
  if (possessive(end) || (m.length < n && cap(country[m.length]))) return;
  roles.push_back(std::string("@") += lex_.country_key(m.id));
}

void resolver::counterpart_roles(std::uint32_t first, std::vector<std::string>& roles) const {
  // Back from the name: an optional comma, "counterpart", capitalised words (a demonym or
  // country), then "his", "her" or "their", in the same sentence.
  const auto back = [this](std::uint32_t at) {
    while (at > 0 && tok_[at - 1].kind == token_kind::space && s(at - 1).find('\n') == std::string_view::npos) --at;
    return at > 0 && tok_[at - 1].kind != token_kind::space ? at - 1 : npos;
  };
  std::uint32_t t = back(first);
  if (t != npos && s(t) == ",") t = back(t);
  if (t == npos || !is_word(t) || lower(t) != "counterpart") return;
  std::array<std::uint32_t, 3> country{};
  std::size_t n = 0;
  for (t = back(t); t != npos && is_word(t) && cap(t) && n < country.size(); t = back(t)) country[n++] = t;
  if (t == npos || !is_word(t) || cap(t)) return;
  const std::string_view owner_word = lower(t);
  if (owner_word != "his" && owner_word != "her" && owner_word != "their") return;
  // The owner: the latest person named before the possessive in its sentence.
  const std::uint32_t sentence_first = sentence_of(first).first_token;
  const std::uint32_t at = tok_[t].range.begin;
  const std::uint32_t owner = most_recent(at, [](const known& k) { return k.kind == entity_kind::person; });
  if (owner == no_entity || last_before(ents_[owner], at) <= tok_[sentence_first].range.begin) return;
  std::string country_key_found;
  if (n > 0) {
    std::reverse(country.begin(), country.begin() + static_cast<std::ptrdiff_t>(n));
    lower_words(std::span<const std::uint32_t>(country.data(), n), scratch_views_);
    const speaker_lexicon::match m = lex_.country_at(scratch_views_, 0, true);
    if (!m || m.length != n) return;
    country_key_found = std::string("@") += lex_.country_key(m.id);
  }
  // Its roles and role words, not its country (the counterpart's is the demonym's).
  for (const std::string& r : ents_[owner].roles) {
    if (r.front() == '@' || r.front() == '^') continue;
    if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
  }
  if (!country_key_found.empty()) roles.push_back(country_key_found);
}

// An acronym the description gives as a qualifier ("the WFP representative", "the IAEA chief")
// is met by the words of its expansion among the person's ("X, head of the World Food Programme"):
// one capitalised word of theirs for each letter.
bool resolver::acronym_met(std::span<const std::uint32_t> words, std::string_view q, const known& k) const {
  if (q.size() < 3 || q.size() > 6) return false;
  const bool acronym = std::any_of(words.begin(), words.end(),
                                   [&](std::uint32_t t) { return info_[t].all_upper() && lower(t) == q; });
  if (!acronym) return false;
  std::vector<bool> used(k.roles.size(), false);
  for (const char letter : q) {
    bool found = false;
    for (std::size_t r = 0; r < k.roles.size() && !found; ++r) {
      const std::string& w = k.roles[r];
      if (used[r] || w.size() < 3 || w.front() != letter || w == q || w == "and" || w == "for" || w == "the") continue;
      used[r] = found = true;
    }
    if (!found) return false;
  }
  return true;
}

std::uint32_t resolver::role_holder(std::span<const std::uint32_t> words, std::uint32_t head_tok, byte_range mention) {
  role_scan& scan = role_scan_;
  scan_roles(words, scan);
  // The keys of the roles it may name: a role of the lexicon and those it covers ("the leader":
  // a president, a prime minister), else its head word ("the judge").
  std::vector<std::string>& roles = role_tries_;
  roles.clear();
  if (scan.role != npos16) {
    roles.push_back(role_key(lex_, scan.modifier, scan.role));
    // A noun or adjective just before the role narrows it ("the band leader" is not a
    // president): then only the role itself.
    bool narrowed = false;
    if (scan.role_begin > 0) {
      const std::uint32_t t = words[scan.role_begin - 1];
      const std::uint32_t c = cls(t);
      narrowed = !cap(t) && tok_[t].kind == token_kind::word &&
                 (c & (wc_determiner | wc_title | wc_role | wc_demonym | wc_place | wc_possessive)) == 0 &&
                 !modifier(t);
    }
    if (!narrowed) {
      for (const std::uint16_t r : lex_.covered(scan.role).subspan(1)) roles.push_back(role_key(lex_, scan.modifier, r));
    }
  } else if (head_tok != npos && !is_document(head_tok)) {
    // The head of a description it was introduced with ("X, the parent company" for "the
    // company"), or for a person's role, a title word of its name ("Sen. X" for "the senator").
    roles.push_back(std::string("^") += lower(head_tok));
    if ((cls(head_tok) & wc_org) == 0) roles.emplace_back(lower(head_tok));
  } else {
    return npos;
  }
  std::uint32_t best = npos;
  std::uint32_t best_seen = 0;
  for (const std::string& role : roles) {
    const std::vector<std::uint32_t>* holders = persons_by_role_.find(role);
    if (holders == nullptr) continue;
    for (const std::uint32_t i : *holders) {
      const known& k = ents_[i];
      bool ok = true;
      for (const std::string& q : scan.keys) {
        if (q.front() == '=' || q.front() == '^') continue;
        ok = ok && (std::find(k.roles.begin(), k.roles.end(), q) != k.roles.end() || acronym_met(words, q, k));
      }
      // By a bare head word, a deputy or former holder is not the holder ("the nominee" is not
      // the vice presidential nominee).
      if (ok && scan.role == npos16) {
        for (const std::string& r : k.roles) {
          if (lex_.distinct_modifier(r) && std::find(scan.views.begin(), scan.views.end(), r) == scan.views.end()) ok = false;
        }
      }
      if (!ok) continue;
      const std::uint32_t seen = last_before(k, mention.begin);
      if (best == npos || seen > best_seen || (seen == best_seen && i < best)) {
        best = i;
        best_seen = seen;
      }
    }
  }
  // "the North Korean leader" where the text names the country's leader only by the country
  // ("North Korea's Kim Jong Un"): of the persons of that one country with no role of the
  // lexicon, the one mentioned most.
  if (best == npos && scan.role != npos16 && scan.modifier.empty()) do {  // NOLINT(cppcoreguidelines-avoid-do-while)
    const std::string* country = nullptr;
    std::size_t countries = 0;
    for (const std::string& q : scan.keys) {
      if (q.front() == '@') {
        country = &q;
        ++countries;
      } else if (q.front() != '=' && q.front() != '^') {
        return npos;  // another qualifier ("the Kremlin's leader")
      }
    }
    if (countries != 1) break;
    const auto* found = persons_by_country_.find(*country);
    if (found == nullptr) break;
    for (const std::uint32_t i : *found) {
      const known& k = ents_[i];
      if (!named(k) || last_before(k, mention.begin) == 0) continue;
      const bool role = std::any_of(k.roles.begin(), k.roles.end(), [](const std::string& r) { return r.front() == '='; });
      if (role) continue;
      if (best == npos || k.mentions.size() > ents_[best].mentions.size()) best = i;
    }
  } while (false);
  if (best != npos) return best;
  // "the U.S. president" where the text named "President X" with no country: the latest holder
  // of the role whose country the text does not give, when the description's qualifiers are
  // countries only. (A holder of another country is never one: "the Peruvian president" is not
  // "Chilean President X".)
  if (best == npos) {
    bool countries_only = false;
    for (const std::string& q : scan.keys) {
      if (q.front() == '@') {
        countries_only = true;
      } else if (q.front() != '=' && q.front() != '^') {
        countries_only = false;
        break;
      }
    }
    // (Nor when the text names someone of that country: "South Korea's Moon" may be the South
    // Korean president though no role was given.)
    for (const std::string& q : scan.keys) {
      if (q.front() == '@' && persons_by_country_.contains(q)) countries_only = false;
    }
    if (countries_only) {
      for (const std::string& role : roles) {
        const auto* holders = persons_by_role_.find(role);
        if (holders == nullptr) continue;
        for (const std::uint32_t i : *holders) {
          const known& k = ents_[i];
          if (std::any_of(k.roles.begin(), k.roles.end(), [](const std::string& r) { return r.front() == '@'; })) continue;
          if (scan.role == npos16 &&
              std::any_of(k.roles.begin(), k.roles.end(), [this, &scan](const std::string& r) {
                return lex_.distinct_modifier(r) && std::find(scan.views.begin(), scan.views.end(), r) == scan.views.end();
              })) {
            continue;
          }
          const std::uint32_t seen = last_before(k, mention.begin);
          if (seen != 0 && (best == npos || seen > best_seen)) {
            best = i;
            best_seen = seen;
          }
        }
      }
      // (And only the person named last: "Trump's meeting with Moon, the South Korean president
      // said" is Moon's, whom no role names.)
      if (best != npos &&
          most_recent(mention.begin, [](const known& k) { return k.kind == entity_kind::person; }) != best) {
        best = npos;
      }
    }
  }
  return best;
}

}  // namespace sayso::detail
