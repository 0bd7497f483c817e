// Speaker resolution, part 1: the people, organisations and groups the text names (runs of
// capitalised words, their titles and appositives, acronyms defined in brackets).
#include "entities/resolver_impl.hpp"

#include "text/unicode.hpp"

namespace sayso::detail {

namespace {

// The length in bytes of a Unicode space (no-break, thin, ideographic...) that `s` starts with,
// or 0.
std::size_t unicode_space(std::string_view s) {
  const auto at = [s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.size() >= 2 && at(0) == 0xC2 && at(1) == 0xA0) return 2;
  if (s.size() >= 3 && at(0) == 0xE2 && at(1) == 0x80 && (at(2) <= 0x8A || at(2) == 0xAF)) return 3;
  if (s.size() >= 3 && at(0) == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;
  if (s.size() >= 3 && at(0) == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  return 0;
}

}  // namespace

// Next word or glue token of a capitalised run after token i, or npos.
std::uint32_t resolver::next_run_token(std::uint32_t i, std::uint32_t end) const {
  std::uint32_t j = i + 1;
  if (j >= end) return npos;
  // Glued punctuation: "U.S", ".", "Secretary", "-", "General"
  if (tok_[j].kind == token_kind::punctuation) {
    const std::string_view t = s(j);
    if (t == "-" && j + 1 < end && name_tail(j + 1)) return j + 1;  // "Ban Ki-moon"
    if ((t == "-" || t == ".") && j + 1 < end && is_word(j + 1) && cap(j + 1) && !possessive(i)) {
      if (t == "-") return j + 1;
      // A period after an initial or abbreviation, then a space and a capitalised word.
      return npos;
    }
    if (t == "." && j + 2 < end && tok_[j + 1].kind == token_kind::space && is_word(j + 2) && cap(j + 2) &&
        (s(i).size() <= 2 || s(i).find('.') != std::string_view::npos || abbreviated_title(i)) && !possessive(i)) {
      return j + 2;  // "Donald J. Trump", "U.S. President", "Col. Mirela Vasilescu"
    }
    return npos;
  }
  if (tok_[j].kind != token_kind::space || s(j).find('\n') != std::string_view::npos || possessive(i)) return npos;
  const std::uint32_t k = j + 1;
  // A number ends a document's or a body's name: "Security Council Resolution 2216".
  if (k < end && tok_[k].kind == token_kind::number && is_word(i) && cap(i) && (is_document(i) || org_word(i)) &&
      !info_[i].all_upper()) {
    return k;
  }
  if (k >= end || !is_word(k)) return npos;
  if (cap(k)) return k;
  // "Secretary of State", "Bashar al-Assad", and two particles: "Hendrik van der Meulen",
  // "Carlos de la Vega".
  const std::string_view lw = lower(k);
  // In an organisation's name, "of the", "for" and "for the" after its organisation word: "the
  // International Committee of the Red Cross", "the Observatory for Human Rights".
  if ((lw == "of" || lw == "for" || lw == "in") && org_word(i) && !cap(k) && k + 2 < end &&
      tok_[k + 1].kind == token_kind::space && is_word(k + 2)) {
    if (cap(k + 2) && lw == "for") return k + 2;
    // ("the UN Interim Force in Lebanon", "Mission in South Sudan": a country after "in".)
    if (cap(k + 2) && lw == "in" && (flags(k + 2) & speaker_lexicon::f_country) != 0) return k + 2;
    if (!cap(k + 2) && lower(k + 2) == "the" && k + 4 < end && tok_[k + 3].kind == token_kind::space &&
        is_word(k + 4) && cap(k + 4)) {
      return k + 4;
    }
  }
  // ("the Center for Economic and Policy Research": "and" after such a "for".)
  if (lw == "and" && !cap(k) && k + 2 < end && tok_[k + 1].kind == token_kind::space && is_word(k + 2) && cap(k + 2)) {
    // (The run is "Org for X and" or "Org for X Y and", all capitalised but "for".)
    for (const std::uint32_t b : {i - 2, i - 4}) {
      if (b >= 2 && b < i && is_word(b) && !cap(b) && lower(b) == "for" && is_word(b - 2) && cap(b - 2) &&
          org_word(b - 2) && (b + 2 == i || cap(b + 2))) {
        return k + 2;
      }
    }
  }
  const bool particle = is_particle(lw);
  if ((lw == "of" || particle) && k + 2 < end && (tok_[k + 1].kind == token_kind::space || s(k + 1) == "-") &&
      is_word(k + 2)) {
    if (cap(k + 2)) return k + 2;
    if (particle && k + 4 < end && tok_[k + 3].kind == token_kind::space && is_particle(lower(k + 2)) &&
        is_word(k + 4) && cap(k + 4)) {
      return k + 4;
    }
  }
  return npos;
}


bool resolver::title_case(const paragraph& p) const {
  const sentence& first = doc_.sentences()[p.first_sentence];
  const std::uint32_t end = doc_.sentences()[p.end_sentence - 1].end_token;
  std::uint32_t long_words = 0;
  std::uint32_t capitalised = 0;
  for (std::uint32_t t = first.first_token; t < end; ++t) {
    if (!is_word(t) || t == first.first_token || bare(t).size() < 4) continue;
    ++long_words;
    capitalised += cap(t) ? 1 : 0;
  }
  if (long_words < 3 || long_words > 25 || capitalised * 4 < long_words * 3) return false;
  // Two common words written capitalised, not names and titles only ("X and Y met in Vienna on
  // Monday.", "Turkish President X and Azerbaijani President Y met in Baku." are leads): a verb,
  // auxiliary or preposition, or a word of no name's class the text writes in lower case elsewhere.
  std::uint32_t common = 0;
  std::string_view seen;
  for (std::uint32_t t = first.first_token + 1; t < end && common < 2; ++t) {
    if (!is_word(t) || !cap(t) || info_[t].all_upper() || lower(t) == seen) continue;
    if ((cls(t) & (wc_verb | wc_cue | wc_auxiliary | wc_preposition | wc_conjunction | wc_negation)) != 0) {
      ++common;
      seen = lower(t);
      continue;
    }
    if ((cls(t) & (wc_title | wc_role | wc_org | wc_place | wc_demonym | wc_time)) != 0) continue;
    const std::string_view w = lower(t);
    // (The length first: this reads every later token.)
    for (std::uint32_t k = end; k < tok_.size(); ++k) {
      if (tok_[k].range.end - tok_[k].range.begin == w.size() && is_word(k) && !cap(k) && s(k) == w) {
        ++common;
        seen = w;
        break;
      }
    }
  }
  return common >= 2;
}

void resolver::scan_names() {
  const auto sentences = doc_.sentences();
  std::vector<std::int8_t> headline(doc_.paragraphs().size(), -1);
  for (const sentence& sent : sentences) {
    if (headline[sent.paragraph] < 0) {
      headline[sent.paragraph] = sent.paragraph < 2 && title_case(doc_.paragraphs()[sent.paragraph]) ? 1 : 0;
    }
    if (headline[sent.paragraph] == 1) continue;
    register_group(sent);
    subject_open_ = true;
    std::uint32_t i = after_dateline(sent);
    while (i < sent.end_token) {
      if (!is_word(i) || !cap(i) || in_quote_[i]) {
        // ("a group of men": see register_collective; the length first, as this sees every token.)
        if (tok_[i].range.end - tok_[i].range.begin == 2 && s(i) == "of" && !in_quote_[i]) {
          i = register_collective(sent, i);
        }
        ++i;
        continue;
      }
      std::vector<std::uint32_t>& run = run_;
      run.assign(1, i);
      std::uint32_t j = i;
      while ((j = next_run_token(j, sent.end_token)) != npos && !in_quote_[j]) run.push_back(j);
      const registration before = registered_;
      registered_.entity = npos;
      register_run(run, i == sent.first_token);
      if (registered_.entity != npos && before.entity != npos) register_pair(sent, before, registered_);
      if (registered_.entity == npos) registered_ = before;
      i = std::max(run.back() + 1, scan_resume_);
    }
    registered_.entity = npos;
  }
}



// The name is what follows the last title word or "of"-phrase: "Russian Foreign Minister |
// Sergei Lavrov", "Secretary-General of Hezbollah | Naim Qassem", "Relief Coordinator | Thomas
// Fletcher". Title words may also be names ("John Major"): a run ending in one keeps it.
std::size_t resolver::split_prefix(std::span<const std::uint32_t> run, std::vector<std::string>& roles) const {
  std::size_t j = run.size();
  while (j > 0) {
    const std::uint32_t t = run[j - 1];
    if ((cls(t) & wc_title) != 0 || (j == 1 && plural_title(t))) break;
    // "of" after a title: the object of "Secretary-General of X" (not "Observatory of Human Rights").
    if (lower(t) == "of" && j >= 2 && (cls(run[j - 2]) & wc_title) != 0) break;
    if (j >= 3 && lower(run[j - 2]) == "of" && (cls(run[j - 3]) & wc_title) != 0) break;
    --j;
  }
  if (j == run.size()) {
    // The run ends in a title word: only leading titles and demonyms are the prefix.
    j = 0;
    while (j + 1 < run.size()) {
      const std::uint32_t c = cls(run[j]);
      const bool org_prefix = (c & wc_org) != 0 && info_[run[j]].all_upper();  // "NATO Secretary-General"
      if ((c & (wc_title | wc_demonym)) == 0 && lower(run[j]) != "of" && !org_prefix) break;
      ++j;
    }
  } else {
    // Words of the title's complement before the name ("Minister of Foreign Affairs | Aigerim
    // Nurlanova", "Under-Secretary-General for Peace Operations | X"), and with no title, a
    // demonym or party before a name of two words ("Republican | Marco Rubio").
    const auto plain = [this](std::uint32_t t) {
      return cap(t) && (cls(t) & (wc_title | wc_org | wc_place | wc_demonym | wc_role)) == 0 && !info_[t].all_upper();
    };
    std::size_t first_plain = run.size();
    while (first_plain > j && plain(run[first_plain - 1])) --first_plain;
    const bool complement = j > 0 && first_plain > j && first_plain + 2 <= run.size() &&
                            (cls(run[first_plain - 1]) & wc_org) != 0 && !info_[run[first_plain - 1]].all_upper();
    // (A country's demonym or a party's adjective: not "South Carolina X", "North-Rhine X".)
    const bool party = j == 0 && first_plain == 1 && run.size() >= 3 && (cls(run[0]) & wc_demonym) != 0 &&
                       (cls(run[0]) & (wc_place | wc_org)) == 0 && !possessive(run[0]) &&
                       !info_[run[0]].all_upper() && s(run[0] + 1) != "-" &&
                       (is_country(run.first(1)) || lower(run[0]) == "republican" || lower(run[0]) == "democratic");
    if (complement || party) j = first_plain;
    // A descriptor before a name ("Rival Ilse Marrow", "Democrat X"): the name is what follows.
    std::size_t d = 0;
    while (d < run.size() && cap(run[d]) && (flags(run[d]) & speaker_lexicon::f_descriptor) != 0) ++d;
    if (j == 0 && d > 0 && first_plain <= d && d < run.size()) j = d;
  }
  for (std::size_t k = 0; k < j; ++k) {
    const std::uint32_t c = cls(run[k]);
    const std::string_view lw = lower(run[k]);
    if (lw != "of" && (c & (wc_title | wc_demonym | wc_place | wc_org)) != 0) roles.emplace_back(lw);
  }
  return j;
}

void resolver::register_run(std::span<const std::uint32_t> run_in, bool sentence_start) {
  std::span<const std::uint32_t> run = run_in;
  // Drop a sentence-initial function word or opener ("The", "But", "In", "However").
  while (!run.empty() && (((cls(run.front()) & (wc_determiner | wc_conjunction | wc_preposition | wc_pronoun |
                                                wc_auxiliary | wc_time)) != 0 &&
                           (cls(run.front()) & (wc_title | wc_org | wc_place)) == 0 &&
                           !(info_[run.front()].all_upper() && s(run.front()).size() >= 2)) ||  // "US", not "us"
                          opener(run.front()) ||
                          (sentence_start && run.size() >= 2 && run.front() == run_in.front() && fronted_word(run.front())))) {
    run = run.subspan(1);
  }
  if (run.empty()) return;
  // A photo credit before a name ("AP Photo Ilse Marrow says"): the name is what follows it.
  for (std::size_t k = run.size() - 1; k > 0; --k) {
    if ((flags(run[k - 1]) & speaker_lexicon::f_credit) != 0) {
      run = run.subspan(k);
      break;
    }
  }
  // A country closing a title's complement before a name ("Karvian Ambassador to the U.S. Ilse
  // Marrow", "Envoy for Tesland Piet Varga"): no part of the name.
  if (run.size() >= 2) {
    std::uint32_t p = run.front();
    const auto back = [this](std::uint32_t at) {
      return at >= 2 && tok_[at - 1].kind == token_kind::space && is_word(at - 2) ? at - 2 : npos;
    };
    p = back(p);
    if (p != npos && !cap(p) && lower(p) == "the") p = back(p);
    const std::uint32_t title = p == npos ? npos : back(p);
    if (p != npos && !cap(p) && (lower(p) == "to" || lower(p) == "for") && title != npos &&
        (cls(title) & wc_title) != 0) {
      std::size_t n = std::min<std::size_t>(run.size() - 1, 4);
      while (n > 0 && !is_country(run.first(n))) --n;
      if (n > 0 && cap(run[n]) && (cls(run[n]) & (wc_title | wc_org | wc_place | wc_demonym)) == 0) {
        run = run.subspan(n);
      }
    }
  }
  // A day or a season is no one: "Super Tuesday", "Labor Day", "Election Night" (a month may end
  // a person's name: "Theresa May").
  if (run.size() > 1 && (cls(run.back()) & wc_time) != 0 && !month(run.back())) return;
  if (sentence_start && run.size() == 1 && run.front() == run_in.front() && (cls(run.front()) & wc_cue) != 0) return;
  std::vector<std::string>& roles = roles_;
  roles.clear();
  const std::size_t name_at = split_prefix(run, roles);
  // "Foreign Minister Ngozi Adeyemi of Nigeria", "Yara Mansour of Human Rights Watch": a person's
  // name of two plain words or more, then "of" and a country or an organisation, which says
  // where the person is from.
  {
    std::size_t plain = 0;
    for (std::size_t k = name_at; k < run.size(); ++k) {
      const std::uint32_t t = run[k];
      if (plain >= 2 && t >= 2 && s(t - 2) == "of" && !cap(t - 2)) {
        const std::span<const std::uint32_t> tail = run.subspan(k);
        if (is_country(tail)) {
          lower_words(tail, scratch_views_);
          roles.push_back(std::string("@") += lex_.country_key(lex_.country_at(scratch_views_, 0, true).id));
        } else if (std::any_of(tail.begin(), tail.end(), [this](std::uint32_t w) { return org_word(w); })) {
          add_org(surface(tail), {tok_[tail.front()].range.begin, tok_[tail.back()].range.end});
        }
        // (Else a place: "Marco Rubio of Florida".)
        run = run.first(k);
        break;
      }
      if (!cap(t) || (cls(t) & (wc_title | wc_org | wc_place | wc_demonym)) != 0) break;
      ++plain;
    }
  }
  const std::span<const std::uint32_t> name = run.subspan(name_at);
  if (name.empty()) return;
  // A title alone ("Mrs." cut from its name) names no one.
  // Nor a country's title ("the US President's leadership").
  if (name.size() >= 2 && (words_.classes(lower(name.back())) & wc_title) != 0 &&
      is_country(name.first(name.size() - 1))) {
    return;
  }
  // Nor a title alone that is no known person's surname ("the President said"; "Julie Bishop",
  // then "Bishop").
  if (name.size() == 1 && (words_.classes(lower(name.front())) & wc_title) != 0 &&
      (gender_of(name.front()) != 0 || !persons_by_last_.contains(lower(name.front())))) {
    return;
  }
  // Nor a name ending in an abbreviated title ("Massachusetts Sen." cut from "Sen. X").
  if ((cls(name.back()) & wc_title) != 0 && name.back() + 1 < tok_.size() && s(name.back() + 1) == ".") return;
  const byte_range mention{tok_[run.front()].range.begin, static_cast<std::uint32_t>(tok_[run.back()].range.begin + bare(run.back()).size())};
  // (A name ending in a number is a document's or a body's: "Resolution 1188".)
  const bool org = organisation_name(run, name_at) || tok_[run.back()].kind == token_kind::number;
  bool place = name.size() == 1 && (cls(name.front()) & wc_place) != 0;
  place = place || is_country(name);
  // "in Karvo", "from Tesland": a single name after a preposition of place is a place.
  if (name.size() == 1 && run.size() == 1 && run.front() >= 2 && tok_[run.front() - 1].kind == token_kind::space &&
      is_word(run.front() - 2)) {
    const std::string_view p = lower(run.front() - 2);
    place = place || p == "in" || p == "at" || p == "from" || p == "to" || p == "near" || p == "into" ||
            p == "outside" || p == "across" || p == "around" || p == "toward" || p == "towards";
  }
  // A demonym before a noun is no organisation ("Russian troops"), unless the noun is one ("the
  // Russian military" is the Russian military).
  if (!org && name.size() == 1 && (cls(name.front()) & wc_demonym) != 0 && name.front() + 2 < tok_.size() &&
      tok_[name.front() + 1].kind == token_kind::space && is_word(name.front() + 2) && !cap(name.front() + 2)) {
    if (register_demonym_pair(name.front())) {
      subject_open_ = false;
      return;
    }
    const std::uint32_t noun = name.front() + 2;
    // (The noun heads the phrase: not "the Russian defense minister".)
    const bool head = !(noun + 2 < tok_.size() && tok_[noun + 1].kind == token_kind::space && is_word(noun + 2) &&
                        !cap(noun + 2) && (cls(noun + 2) & (wc_role | wc_title | wc_org)) != 0);
    if (org_word(noun) && head && !plural(noun)) {
      const std::array<std::uint32_t, 2> both{name.front(), noun};
      add_org(surface(both), {mention.begin, tok_[noun].range.end});
    }
    subject_open_ = subject_open_ && qualifier(run);
    return;
  }
  // A name after an organisation's noun is an organisation's: "the armed group Ansar al-Din",
  // "the news agency Wafa".
  const std::uint32_t descriptor = place ? npos : descriptor_before(run.front());
  const bool described_org = descriptor != npos && (cls(descriptor) & wc_org) != 0;
  if (org || place || described_org || (name.size() == 1 && info_[name.front()].all_upper())) {
    // A country's possessive before an organisation's name is part of it: "Lebanon's Ministry of
    // Public Health" (the ministry of that country; "Lebanese Ministry of ..." has the same key).
    std::span<const std::uint32_t> named = org || described_org ? run : name;
    byte_range at = mention;
    std::array<std::uint32_t, 8> owned{};
    if (org && run.front() >= 2 && s(run.front() - 1) == " " && is_word(run.front() - 2) && cap(run.front() - 2) &&
        possessive(run.front() - 2) && run.size() + 1 <= owned.size()) {
      const std::uint32_t owner = run.front() - 2;
      lowered bare_owner(bare(owner));
      const std::array<std::string_view, 1> one{bare_owner.view()};
      if ((flags(owner) & speaker_lexicon::f_country) != 0 && lex_.country_at(one, 0, false).length == 1) {
        owned[0] = owner;
        std::copy(run.begin(), run.end(), owned.begin() + 1);
        named = std::span<const std::uint32_t>(owned.data(), run.size() + 1);
        at.begin = tok_[owner].range.begin;
      }
    }
    const std::uint32_t e = add_org(surface(named), at);
    registered_ = {e, run.front(), run.back()};
    if (org || !place) {
      org_appositive(e, run.back());
      org_descriptor(e, descriptor);
    }
    subject_open_ = subject_open_ && qualifier(run);
    return;
  }
  // A name holds no capitalised function word: "Open Direct Talks With Rebels" is a headline.
  for (const std::uint32_t t : name.subspan(1)) {
    if (cap(t) && (cls(t) & (wc_preposition | wc_conjunction | wc_determiner | wc_pronoun | wc_auxiliary)) != 0 &&
        (cls(t) & (wc_title | wc_org | wc_place | wc_demonym)) == 0 &&
        !is_particle(lower(t))) {
      return;
    }
  }
  // A country after a preposition qualifies the name after it: "envoy for Karvia | Ilse Marrow",
  // "ambassador to Libya | X".
  std::span<const std::uint32_t> name_only = name;
  if (name.size() >= 3 && run.front() == name.front() && run.front() >= 2 && tok_[run.front() - 1].kind == token_kind::space &&
      is_word(run.front() - 2) && !cap(run.front() - 2) && (cls(run.front() - 2) & wc_preposition) != 0 &&
      (flags(name.front()) & speaker_lexicon::f_country) != 0) {
    lower_words(name, scratch_views_);
    const speaker_lexicon::match m = lex_.country_at(scratch_views_, 0, true);
    if (m && name.size() - m.length >= 2) name_only = name.subspan(m.length);
  }
  // A name modifying a noun is not a person: "the Maidan Wardak provincial council".
  {
    std::uint32_t n = run.back() + 1;
    while (n < tok_.size() && tok_[n].kind == token_kind::space && s(n).find('\n') == std::string_view::npos) ++n;
    if (n < tok_.size() && is_word(n) && !cap(n) && (cls(n) & (wc_role | wc_org | wc_title)) != 0 &&
        !possessive(run.back())) {
      return;
    }
  }
  // A description before the name ("Kremlin spokesman X", "the French president, X") and
  // appositive roles ("X, a close ally and the Kremlin's investment envoy,").
  std::vector<std::uint32_t>& described = described_;
  preceding_words(run.front(), name_at > 0, roles, described);
  // (The title's words with the "of" the run skips: "Secretary of State" is a role of the
  // lexicon, "Secretary State" none.)
  if (name_at > 0) {
    for (std::uint32_t t = run.front(); t <= run[name_at - 1]; ++t) {
      if (is_word(t)) described.push_back(t);
    }
  }
  if (!described.empty()) role_keys(described, roles);
  // A country's possessive just before the name qualifies the person ("North Korea's Kim").
  if (name_at == 0 && run.front() >= 2 && s(run.front() - 1) == " ") {
    std::array<std::uint32_t, 3> owner{};
    std::size_t n = 0;
    for (std::uint32_t t = run.front() - 2; n < owner.size() && is_word(t) && cap(t) && !in_quote_[t];) {
      owner[n++] = t;
      if (t < 2 || s(t - 1) != " ") break;
      t -= 2;
    }
    if (n > 0 && possessive(owner[0])) {
      std::reverse(owner.begin(), owner.begin() + static_cast<std::ptrdiff_t>(n));
      lower_words(std::span<const std::uint32_t>(owner.data(), n), scratch_views_);
      for (std::size_t i = 0; i < n; ++i) {
        const speaker_lexicon::match m = lex_.country_at(scratch_views_, i, true);
        if (m && i + m.length == n) {
          roles.push_back(std::string("@") += lex_.country_key(m.id));
          break;
        }
      }
    }
  }
  collect_appositive(run.back(), roles);
  country_after(run.back(), roles);
  counterpart_roles(run.front(), roles);
  std::vector<std::string>& words = name_words_;
  name_words(name_only, words);
  const std::uint32_t e = add_person(words, name_only, roles, mention);
  registered_ = {e, run.front(), run.back()};
  if (!described.empty()) ents_[e].titled = true;
  if (name.size() >= 2 || ents_[e].titled) gender_in_sentence(e, run, described);
  // The sentence's first name, not after a preposition nor a possessive, is its subject ("Anna
  // Brem met Tomas Velk": Brem), which a later pronoun prefers (pronouns.cpp).
  if (subject_open_ && !possessive(run.back()) && opens_clause(run.front()) && in_prose(run)) {
    subject_ends_.emplace_back(mention.end, e);
  }
  // (An owner leaves the subject open: "Brem's deputy, X, said"; so does a name inside an
  // introductory phrase: "Like X, Y was there".)
  subject_open_ = subject_open_ && (qualifier(run) || introductory(run));
}

bool resolver::organisation_name(std::span<const std::uint32_t> run, std::size_t name_at) const {
  const std::span<const std::uint32_t> name = run.subspan(name_at);
  bool org = false;
  for (std::uint32_t t : name) org = org || (org_word(t) && !name_tail(t));  // (not the "un" of "Jong-un")
  // A person's title before the name makes it a person's ("Mayor Michael Bloomberg"), whose last
  // word only may be an organisation's.
  if (org && name_at > 0 && name.size() >= 2 && person_role(run[name_at - 1]) && (cls(name.front()) & wc_org) == 0) {
    bool only_last = true;
    for (std::size_t k = 0; k + 1 < name.size(); ++k) only_last = only_last && (cls(name[k]) & wc_org) == 0;
    org = !only_last;
  }
  return org;
}

bool resolver::qualifier(std::span<const std::uint32_t> run) const {
  // "Karvia's president, X, said", "Hamas spokesman X said": the sentence's subject is the
  // person the organisation or place qualifies.
  if (possessive(run.back())) return true;
  const std::uint32_t n = run.back() + 2;
  return n < tok_.size() && tok_[n - 1].kind == token_kind::space && is_word(n) && !cap(n) &&
         (cls(n) & (wc_role | wc_title)) != 0 && (cls(n) & wc_verb) == 0 && !plural(n) && !is_document(n);
}

bool resolver::org_word(std::uint32_t t) const {
  // An organisation's acronym is one in capitals: "UN", "EU", not the "Un" of "Kim Jong Un".
  // (Also the speaker lexicon's organisation nouns, which english.toml, shared with the span
  // model's features, leaves out: "World Food Programme", "Nasser Medical Complex".)
  if ((cls(t) & wc_org) != 0) return s(t).size() > 3 || info_[t].all_upper() || !cap(t);
  // (The length first: the look-up lower-cases the word, and most words are not organisations'.)
  return s(t).size() >= lex_.shortest_org_noun() && is_word(t) && (flags(t) & speaker_lexicon::f_org_noun) != 0;
}

bool resolver::in_prose(std::span<const std::uint32_t> run) const {
  // Not a heading: some letters of the run are lower case, and a lower-case word follows it in
  // its sentence ("QUESTIONABLE CLAIMS", "Gender Equality.", a headline in title case).
  std::size_t upper = 0;
  for (const std::uint32_t t : run) upper += info_[t].all_upper() ? 1 : 0;
  if (upper == run.size() || upper >= 2) return false;
  const std::uint32_t end = sentence_of(run.back()).end_token;
  for (std::uint32_t t = run.back() + 1; t < end && t < run.back() + 40; ++t) {
    if (is_word(t) && !cap(t)) return true;
  }
  return false;
}

bool resolver::introductory(std::span<const std::uint32_t> run) const {
  // The sentence opens with a preposition or subordinator, and a comma follows the name.
  const std::uint32_t sentence_first = doc_.sentences()[doc_.sentence_of_token(run.front())].first_token;
  if (sentence_first == run.front() || !is_word(sentence_first) ||
      (cls(sentence_first) & (wc_preposition | wc_subordinator)) == 0) {
    return false;
  }
  const std::uint32_t n = run.back() + 1;
  return n < tok_.size() && s(n) == ",";
}

bool resolver::opens_clause(std::uint32_t first) const {
  const std::uint32_t sentence_first = sentence_of(first).first_token;
  std::uint32_t t = first;
  while (t > sentence_first) {
    --t;
    if (tok_[t].kind == token_kind::space || (tok_[t].kind == token_kind::punctuation && s(t) == ",")) continue;
    if (!is_word(t)) return tok_[t].kind == token_kind::quotation_mark;
    // An owner just before the name is part of the subject ("NYU's Rubin").
    if (t + 2 == first && cap(t) && possessive(t) && tok_[t + 1].kind == token_kind::space) {
      if (t == sentence_first) return true;
      continue;
    }
    // A description before the name is part of the subject ("Hamas spokesman X").
    if (!cap(t) && (cls(t) & (wc_role | wc_title)) != 0 && (cls(t) & (wc_verb | wc_preposition)) == 0 && t + 2 <= first &&
        tok_[t + 1].kind == token_kind::space && t >= sentence_first + 2 && is_word(t - 2) && cap(t - 2)) {
      if (t - 2 == sentence_first) return true;
      continue;
    }
    // After an introductory phrase and its comma ("In an interview, X"), or a capitalised
    // conjunction or opener starting the sentence ("But X", "Meanwhile X"); not after any other
    // word ("met X", "replacing X", "with X").
    // (Not the comma of an appositive: "Her deputy, Piet Varga, agreed.")
    if (s(t + 1) == "," || (t + 1 < first && s(t + 1) != " " && s(t + 2) == ",")) {
      const std::uint32_t c = cls(sentence_first);
      const std::string_view w = s(sentence_first);
      return is_word(sentence_first) && ((c & (wc_preposition | wc_conjunction | wc_time)) != 0 ||
                                         opener(sentence_first) ||
                                         (w.size() > 4 && w.substr(w.size() - 3) == "ing"));
    }
    return t == sentence_first && cap(t) && ((cls(t) & wc_conjunction) != 0 || opener(t));
  }
  return true;
}

std::string resolver::surface(std::span<const std::uint32_t> toks) const {
  std::string out;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const std::uint32_t t = toks[k];
    if (k > 0) {
      // Keep the text between tokens as it is (punctuation, or a word left out of `toks`), its
      // white space (Unicode spaces included) collapsed to one space, none next to a hyphen.
      const std::uint32_t a = tok_[toks[k - 1]].range.end;
      const std::uint32_t b = tok_[t].range.begin;
      const std::string_view gap = text_.substr(a, b - a);
      bool space = false;
      for (std::size_t g = 0; g < gap.size(); ++g) {
        const char ch = gap[g];
        const std::size_t width = unicode_space(gap.substr(g));
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || width > 0) {
          space = true;
          if (width > 1) g += width - 1;
          continue;
        }
        if (space && !out.empty() && out.back() != '-' && ch != '-') out += ' ';
        space = false;
        out += ch;
      }
      if (space && (out.empty() || out.back() != '-')) out += ' ';
    }
    out.append(k + 1 == toks.size() ? bare(t) : s(t));
  }
  return out;
}

void resolver::collect_appositive(std::uint32_t last, std::vector<std::string>& roles) const {
  std::uint32_t j = last + 1;
  if (j >= tok_.size() || s(j) != ",") return;
  std::vector<std::uint32_t>& words = preceding_;
  words.clear();
  const std::size_t had = roles.size();
  std::uint32_t k0 = j + 1;
  // "X, who serves as South Africa's special envoy,", "X, who is also the party's leader,": the
  // description after the relative and its verb of being.
  {
    std::uint32_t k = k0;
    const auto next_word = [this](std::uint32_t at) {
      while (at < tok_.size() && tok_[at].kind == token_kind::space && s(at).find('\n') == std::string_view::npos) ++at;
      return at < tok_.size() && is_word(at) ? at : npos;
    };
    if (const std::uint32_t w = next_word(k); w != npos && lower(w) == "who") {
      const std::uint32_t v = next_word(w + 1);
      const std::string_view lv = v != npos ? lower(v) : std::string_view();
      if (lv == "is" || lv == "was" || lv == "serves" || lv == "served" || lv == "works" || lv == "worked" ||
          lv == "acts") {
        k = v + 1;
        if (const std::uint32_t a = next_word(k); a != npos && (lower(a) == "as" || lower(a) == "also")) k = a + 1;
        if (const std::uint32_t a = next_word(k); a != npos && lower(a) == "as") k = a + 1;
        k0 = k;
      }
    }
  }
  for (std::uint32_t n = 0, k = k0; k < tok_.size() && n < 14; ++k) {
    if (tok_[k].kind == token_kind::space) continue;
    if (tok_[k].kind == token_kind::punctuation && s(k) != "-" && s(k) != ".") break;
    if (tok_[k].kind == token_kind::quotation_mark) break;
    if (is_word(k)) {
      if (n == 0 && (cls(k) & (wc_determiner | wc_title | wc_role | wc_demonym)) == 0 && !cap(k)) return;
      // ("... the rebels, the official said": the source of an attribution, no appositive.)
      if ((cls(k) & wc_cue) != 0 && !cap(k) && (cls(k) & (wc_role | wc_title)) == 0 && !words.empty() &&
          (cls(words.back()) & (wc_role | wc_title)) != 0) {
        roles.resize(had);
        return;
      }
      if ((cls(k) & (wc_title | wc_role | wc_demonym | wc_org | wc_place)) != 0) roles.emplace_back(lower(k));
      if ((cls(k) & (wc_verb | wc_cue)) != 0 && !cap(k) && (cls(k) & (wc_role | wc_title)) == 0) break;
      words.push_back(k);
    }
    ++n;
  }
  // The roles and qualifiers it names ("Russia's top diplomat": "=foreign_minister", "@russia").
  if (!words.empty()) role_keys(words, roles);
}

std::string resolver::normalise(std::string_view name) const {
  std::string lowered(name);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  if (lowered.rfind("the ", 0) == 0) lowered.erase(0, 4);
  // Words without a possessive ending ("russia's", "russia’s"), in the spelling they are matched
  // under ("defence" as "defense").
  std::vector<std::string_view>& words = scratch_views_;
  words.clear();
  for (std::size_t i = 0; i < lowered.size();) {
    std::size_t j = std::min(lowered.find(' ', i), lowered.size());
    std::string_view w = std::string_view(lowered).substr(i, j - i);
    if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
    if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") w.remove_suffix(4);
    if (!w.empty()) words.push_back(lex_.spelling(w));
    i = j + 1;
  }
  // In a name of several words, a country's name or demonym is the country: "the Russian Defense
  // Ministry" and "Russia's Defense Ministry" are one ministry. (A name that is only a country,
  // "Russia", stays itself, and capitals are not countries here: "Moscow", "the Washington Post".)
  std::string out;
  for (std::size_t i = 0; i < words.size();) {
    if (!out.empty()) out += ' ';
    const speaker_lexicon::match m = (lex_.flags(words[i]) & speaker_lexicon::f_country) != 0
                                         ? lex_.country_at(words, i, false)
                                         : speaker_lexicon::match{};
    // (A name that is a country's whole name is the country too: "U.S." and "United States"; not
    // a demonym alone, "Russian".)
    const bool whole = m && m.length == words.size() &&
                       !(words.back().size() > 3 && (words_.classes(words.back()) & wc_demonym) != 0);
    if (m && (m.length < words.size() || whole)) {
      out += '@';
      out += lex_.country_key(m.id);
      i += m.length;
      continue;
    }
    out += words[i];
    ++i;
  }
  return out;
}

void resolver::name_form(std::uint32_t e, std::string_view form) {
  known& k = ents_[e];
  if (k.forms.empty()) {
    if (form == k.name) return;
    k.forms.emplace_back(k.name, static_cast<std::uint32_t>(std::max<std::size_t>(k.mentions.size(), 2) - 1));
  }
  auto it = std::find_if(k.forms.begin(), k.forms.end(), [form](const auto& f) { return f.first == form; });
  if (it == k.forms.end()) {
    k.forms.emplace_back(std::string(form), 1);
  } else {
    ++it->second;
  }
  // A country is named by its fullest form ("United States", not "U.S."); another organisation by
  // its most used one.
  const bool country = !k.words.empty() && k.words.front().front() == '@' &&
                       k.words.front().find(' ') == std::string::npos;
  const auto best = std::max_element(k.forms.begin(), k.forms.end(), [country](const auto& a, const auto& b) {
    return country ? a.first.size() < b.first.size() : a.second < b.second;
  });
  k.name = best->first;
}

std::uint32_t resolver::add_org(const std::string& name, byte_range mention) {
  std::string n = name;
  if (n.rfind("The ", 0) == 0 || n.rfind("the ", 0) == 0) n.erase(0, 4);
  const std::string key = normalise(n);
  // An index rather than a scan of all entities keeps long documents linear.
  if (const std::uint32_t* found = orgs_by_key_.find(key); found != nullptr) {
    const std::uint32_t e = *found;
    known& k = ents_[e];
    add_mention(e, mention);
    k.last_seen = std::max(k.last_seen, mention.end);
    name_form(e, n);
    return e;
  }
  if (const std::uint32_t e = org_short_form(key, mention); e != npos) return e;
  const auto index = static_cast<std::uint32_t>(ents_.size());
  orgs_by_key_.try_emplace(key, index);
  // Every suffix of whole words, for org_or_alias ("government of israel": "of israel",
  // "israel"); the first organisation holding it.
  for (std::size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1)) {
    org_suffixes_.try_emplace(std::string_view(key).substr(at + 1), index);
  }
  index_org_heads(index, key, n);
  known& k = new_entity();
  k.name = n;
  k.kind = entity_kind::organisation;
  k.words.push_back(key);
  k.last_seen = mention.end;
  add_mention(index, mention);
  return index;
}

bool resolver::plural_title(std::uint32_t t) const {
  // "Presidents X and Y", "Senators X and Y".
  if (!is_word(t) || !cap(t) || s(t).back() != 's') return false;
  const std::string_view lw = lower(t);
  const std::string_view w = lw;
  return w.size() > 4 && w.back() == 's' && (words_.classes(w.substr(0, w.size() - 1)) & wc_title) != 0 &&
         (words_.classes(w) & wc_title) == 0;
}

bool resolver::plural(std::uint32_t t) const {
  const std::string_view w = lower(t);
  if (w == "men" || w == "women" || w == "people" || w == "children") return true;
  return w.size() > 3 && w.back() == 's' && w.substr(w.size() - 2) != "ss" && w != "news" && w != "times" &&
         w != "press";
}

}  // namespace sayso::detail
