// Speaker resolution, part 2: what a quote's source mention refers to (a name, an organisation,
// a relative pronoun, a compound source), and the words of the mention (openers and time or
// channel adjuncts trimmed). Unnamed sources (descriptions) are part 10, unnamed.cpp.
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

std::uint32_t resolver::resolve(std::uint32_t first, std::uint32_t end) {
  // Words of the mention, up to a bracket ("X (R-S.C.)") or a dash between spaces ("... in New
  // Hampshire - despite ...").
  std::vector<std::uint32_t> words;
  for (std::uint32_t t = first; t < end; ++t) {
    if (tok_[t].kind == token_kind::punctuation && !words.empty()) {
      const std::string_view p = s(t);
      // A bracketed acronym inside the mention is skipped ("The Karvian Forces (KF) and X").
      if (p == "(" && t + 2 < end && is_word(t + 1) && info_[t + 1].all_upper() && s(t + 2) == ")") {
        t += 2;
        continue;
      }
      if (p == "(" || p == "\xE2\x80\x94" || p == "\xE2\x80\x93") break;
      if (p == "-" && t > first && tok_[t - 1].kind == token_kind::space) break;
    }
    if (is_word(t) || tok_[t].kind == token_kind::number) words.push_back(t);
  }
  trim_mention(words);
  if (words.empty()) return no_entity;
  const byte_range mention{tok_[first].range.begin, tok_[end - 1].range.end};
  if (words.size() == 2 && !cap(words[0]) && (cls(words[0]) & wc_possessive) != 0 && !cap(words[1]) &&
      (flags(words[1]) & speaker_lexicon::f_owned) != 0) {
    if (const std::uint32_t e = owned_by(words[0], words[1], mention); e != no_entity) return e;
  }
  // "said Cuban, who is also a host on the TV show": a description after a relative of being is
  // who the relative stands for.
  if (const std::string_view a = lower(words.front()); a == "a" || a == "an") {
    std::uint32_t t = words.front();
    const auto back = [this](std::uint32_t at) {
      while (at > 0 && tok_[at - 1].kind == token_kind::space) --at;
      return at > 0 && is_word(at - 1) ? at - 1 : npos;
    };
    std::uint32_t w = back(t);
    if (w != npos && lower(w) == "also") w = back(w);
    if (w != npos && (lower(w) == "is" || lower(w) == "was")) {
      const std::uint32_t rel = back(w);
      if (rel != npos && lower(rel) == "who") {
        if (const std::uint32_t e = antecedent(rel); e != no_entity && ents_[e].kind == entity_kind::person) return e;
      }
    }
  }
  if (words.size() == 1 && (cls(words[0]) & wc_pronoun) != 0 && (cls(words[0]) & wc_possessive) == 0) {
    return resolve_pronoun(cls(words[0]), mention);
  }
  // "the Hamas movement", "Lebanon's Iran-backed Hezbollah group", "Tesland's Karvo news agency":
  // a generic noun (and the lower-case nouns before it) after a name is no part of it; the
  // organisation is the name, which "the group" may refer to later.
  if (words.size() >= 2 && !cap(words.back()) && (flags(words.back()) & speaker_lexicon::f_generic) != 0) {
    std::size_t last = words.size() - 2;  // the name's last word
    while (last > 0 && !cap(words[last]) &&
           (flags(words[last]) & (speaker_lexicon::f_generic_mod | speaker_lexicon::f_generic)) != 0) {
      --last;
    }
    const std::uint32_t w = words[last];
    // (A hyphen before the word: one name, "Al-Karvo", not "pro-Karvo" or "Iran-backed".)
    const bool glued = w >= 2 && s(w - 1) == "-" && !(is_word(w - 2) && cap(w - 2));
    // (A role noun that also heads organisations' names may end the name: "the Karvo Post".)
    const bool role = (cls(w) & wc_role) != 0 && ((cls(w) & wc_org) == 0 || last == 0);
    if (cap(w) && !possessive(w) && !role && (cls(w) & (wc_demonym | wc_place | wc_title | wc_determiner)) == 0 &&
        (flags(w) & speaker_lexicon::f_country) == 0 && !glued) {
      std::size_t k = last;
      const auto plain = [this](std::uint32_t t) {
        return (cls(t) & (wc_demonym | wc_place | wc_title | wc_determiner)) == 0 &&
               (flags(t) & speaker_lexicon::f_country) == 0;
      };
      while (k > 0 && !possessive(words[k - 1]) && words[k - 1] + 2 == words[k]) {
        const std::uint32_t b = words[k - 1];
        const std::string_view lb = lower(b);
        // ("the Karvo Observatory for Human Rights": a connector inside the name.)
        if (!cap(b) && (lb == "for" || lb == "of") && k >= 2 && cap(words[k - 2]) && !possessive(words[k - 2]) &&
            words[k - 2] + 2 == b) {
          k -= 2;
          continue;
        }
        if (!cap(b)) break;
        // A place or country right after "the" starts the name ("the Karvo City Herald
        // newspaper"); a demonym starts it before two words or more ("the Karvian Observatory
        // for Peace group", not "the Karvian Hamas movement").
        const bool after_the = b >= 2 && tok_[b - 1].kind == token_kind::space && is_word(b - 2) &&
                               (cls(b - 2) & wc_determiner) != 0;
        const bool place_ok = after_the && (cls(b) & (wc_title | wc_determiner | wc_demonym)) == 0;
        const bool demonym_ok = (cls(b) & wc_demonym) != 0 && last - k + 1 >= 2 &&
                                (cls(b) & (wc_title | wc_determiner)) == 0;
        if (!plain(b) && !place_ok && !demonym_ok) break;
        --k;
        if (demonym_ok) break;
      }
      // (An organisation, whatever the name alone would be taken for.)
      const std::vector<std::uint32_t> name(words.begin() + static_cast<std::ptrdiff_t>(k),
                                            words.begin() + static_cast<std::ptrdiff_t>(last) + 1);
      if (const std::uint32_t e = org_or_alias(name, mention); e != no_entity) {
        if (ents_[e].kind == entity_kind::organisation) org_descriptor(e, words.back());
        return e;
      }
    }
  }
  // "X said in a statement. ... The statement said": the document is the word of whoever the text
  // said put it out (the source of the latest "said in a statement" before it).
  if (words.size() == 2 && lower(words[0]) == "the" && is_document(words[1]) && !plural(words[1])) {
    const std::string_view noun = lower(words[1]);
    const auto back = [this](std::uint32_t at) {
      while (at > 0 && tok_[at - 1].kind == token_kind::space) --at;
      return at > 0 && is_word(at - 1) ? at - 1 : npos;
    };
    for (std::uint32_t t = first, seen = 0; t > 0 && seen < 400; --t, ++seen) {
      const std::uint32_t d = t - 1;
      if (!is_word(d) || cap(d) || lower(d) != noun) continue;
      const std::uint32_t a = back(d);
      if (a == npos || (lower(a) != "a" && lower(a) != "an")) continue;
      // ("X said in a statement", "X issued a statement".)
      const std::uint32_t in = back(a);
      const bool put_out = in != npos && !cap(in) && s(in).size() > 4 && s(in).ends_with("ed");
      const std::uint32_t cue = in == npos || (lower(in) != "in" && !put_out) ? npos : put_out ? in : back(in);
      const std::uint32_t subject = cue == npos || ((cls(cue) & wc_cue) == 0 && !put_out) ? npos : back(cue);
      if (subject == npos) break;
      const std::uint32_t at = tok_[subject].range.end;
      const std::uint32_t e = most_recent(at, [](const known&) { return true; });
      if (e != no_entity && last_before(ents_[e], at) == at) {
        add_mention(e, mention);
        return e;
      }
      break;
    }
  }
  // "A Kremlin statement said", "the ministry's statement said": a document its issuer put out,
  // with the issuer before it, is the issuer's word (as "a statement from the ministry" is).
  if (words.size() >= 2 && !cap(words.back()) && (flags(words.back()) & speaker_lexicon::f_issued) != 0) {
    const std::uint32_t w = words[words.size() - 2];
    if ((cap(w) || possessive(w)) && (cls(w) & (wc_pronoun | wc_determiner)) == 0) {
      // (Without the indefinite article: "A Kremlin statement" is the Kremlin's.)
      const std::string_view a = lower(words.front());
      const std::uint32_t from = (a == "a" || a == "an") ? words[1] : first;
      if (const std::uint32_t e = resolve(from, w + 1); e != no_entity) return e;
    }
  }
  // A noun phrase glued before a subject pronoun ("a move he called", "on the campaign trail he
  // said"): the pronoun is the source.
  if (words.size() >= 2 && (cls(words.back()) & (wc_he | wc_she | wc_they | wc_we)) != 0 &&
      (cls(words.back()) & wc_possessive) == 0 && !cap(words.back()) &&
      (cls(words[words.size() - 2]) & (wc_preposition | wc_conjunction)) == 0) {
    return resolve_pronoun(cls(words.back()), tok_[words.back()].range);
  }
  // A contraction: "He's" is "he is"; "There's", "That's" name no one.
  if (words.size() == 1 && possessive(words[0]) &&
      (words_.classes(lower(words[0])) & (wc_pronoun | wc_determiner | wc_relative | wc_complementizer)) != 0) {
    const std::uint32_t c = words_.classes(lower(words[0]));
    if ((c & wc_pronoun) != 0) return resolve_pronoun(c, mention);
    return no_entity;
  }
  // "X, who said": the relative pronoun stands for the phrase before it.
  if (words.size() == 1 && (lower(words[0]) == "who" || lower(words[0]) == "which")) {
    const std::uint32_t e = antecedent(words[0]);
    if (e != no_entity) add_mention(e, mention);
    return e;
  }
  // "Cambodia's ambassador to the United Nations, Chhea Keo": a bare name after a comma is
  // who the description is.
  for (std::uint32_t t = end; t > first; --t) {
    if (tok_[t - 1].kind != token_kind::punctuation || s(t - 1) != ",") continue;
    std::vector<std::uint32_t> after;
    bool bare = true;
    for (std::uint32_t u = t; u < end; ++u) {
      if (!is_word(u)) continue;
      bare = bare && (cap(u) || name_tail(u)) && (cls(u) & (wc_title | wc_org | wc_determiner | wc_place | wc_demonym)) == 0;
      after.push_back(u);
    }
    if (bare && after.size() >= 2 && after.size() <= 4 && after.size() < words.size()) {
      return resolve_words(after, mention, true);
    }
    break;
  }
  // "Meenakshi Ganguly of Human Rights Watch", "Terry E. Branstad of Iowa", "X with Y Hospital",
  // "Secretary of State X in Washington": a name before "of", "with", "at", "from" or "in" is the
  // person; what follows says where they are from or where they spoke.
  for (std::size_t k = 2; k + 1 < words.size(); ++k) {
    const std::string_view pw = lower(words[k]);
    if (cap(words[k]) || (pw != "of" && pw != "with" && pw != "at" && pw != "from" && pw != "in")) continue;
    if (pw != "of" && k >= 1 && (cls(words[k - 1]) & wc_title) != 0) continue;
    bool name = true;
    std::size_t caps = 0;
    for (std::size_t j = 0; j < k && name; ++j) {
      const std::uint32_t c = cls(words[j]);
      if ((c & (wc_title | wc_determiner | wc_possessive)) != 0 && j + 2 < k) continue;  // "Gov.", "the"
      if (j > 0 && j + 2 < k && lower(words[j]) == "of" && (cls(words[j - 1]) & wc_title) != 0) continue;
      name = cap(words[j]) && (c & (wc_org | wc_role | wc_place | wc_demonym)) == 0;
      caps += name ? 1 : 0;
    }
    if (name && caps >= 2) {
      return resolve_words(std::vector<std::uint32_t>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k)),
                           mention, true);
    }
    break;
  }
  // Compound sources: "Lebanese president Joseph Aoun and prime minister Nawaf Salam". Both
  // sides name someone; "supporters in Iowa and Ohio" and "the book and film" are one source.
  // (A capitalised role noun names someone unless it is capitalised for starting the sentence:
  // "Singer and Faso", "Democrats and Republicans"; not "Developers and supporters in Congress".)
  const auto names = [this](std::span<const std::uint32_t> side) {
    for (const std::uint32_t w : side) {
      const std::uint32_t c = cls(w);
      if (!cap(w) || (c & wc_determiner) != 0) continue;
      const bool initial = sentence_of(w).first_token == w;
      if ((c & wc_role) == 0 || (c & (wc_title | wc_org | wc_place | wc_demonym)) != 0 || !initial) return true;
    }
    return false;
  };
  for (std::size_t k = 1; k + 1 < words.size(); ++k) {
    if (!cap(words[k]) && (cls(words[k]) & wc_preposition) != 0) break;
    if (lower(words[k]) != "and") continue;
    const std::vector<std::uint32_t> left(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k));
    const std::vector<std::uint32_t> right(words.begin() + static_cast<std::ptrdiff_t>(k + 1), words.end());
    if (!names(left) || !names(right)) break;
    // "U.S. and Arab officials", "Karvian and Tesland negotiators": qualifiers of one plural head.
    {
      bool qualifiers = true;
      for (const std::uint32_t w : left) qualifiers = qualifiers && cap(w) && (cls(w) & (wc_demonym | wc_place)) != 0;
      const std::uint32_t head = right.back();
      if (qualifiers && !cap(head) && (cls(head) & wc_role) != 0 && plural(head)) break;
    }
    // "Under-Secretary for Humanitarian Affairs and Emergency Relief Coordinator X" is one
    // person with a long title: the right part holds a title before a name, the left no name.
    bool right_titled = false;
    for (std::size_t r = 0; r + 1 < right.size(); ++r) {
      right_titled = right_titled || ((cls(right[r]) & wc_title) != 0 && cap(right[r]) && cap(right[r + 1]));
    }
    bool left_named = false;
    for (std::uint32_t w : left) left_named = left_named || (cap(w) && (cls(w) & (wc_title | wc_org | wc_determiner)) == 0);
    if (right_titled && !left_named) break;
    const std::uint32_t a = resolve_words(left, mention, false);
    const std::uint32_t b = resolve_words(right, mention, false);
    if (a == no_entity || b == no_entity) break;
    std::string name = ents_[a].name + " and " + ents_[b].name;
    for (std::uint32_t i = 0; i < ents_.size(); ++i) {
      if (ents_[i].kind == entity_kind::group && ents_[i].name == name) return i;
    }
    known& g = new_entity();
    g.name = std::move(name);
    g.kind = entity_kind::group;
    g.plural = true;
    g.members = {a, b};
    g.second_the = lower(right.front()) == "the";
    return static_cast<std::uint32_t>(ents_.size() - 1);
  }
  return resolve_words(words, mention, true);
}

std::uint32_t resolver::resolve_words(const std::vector<std::uint32_t>& words, byte_range mention, bool create) {
  std::size_t start = 0;
  while (start < words.size() && (cls(words[start]) & (wc_determiner | wc_possessive)) != 0 && !cap(words[start])) {
    ++start;
  }
  // "a source within the ministry", "officials at the embassy", "a spokesman for X", "the
  // president of Karvia", "aides to X": the role noun heads it, and what follows qualifies it.
  for (std::size_t k = start; k + 1 < words.size(); ++k) {
    const std::string_view w = lower(words[k + 1]);
    // A document with its issuer is the issuer's word: "a statement from the Foreign Ministry",
    // "a joint statement released by the US and the Afghan government" (two issuers: one source).
    if (!cap(words[k]) && is_document(words[k])) {
      std::size_t by = k + 1;
      if (by + 1 < words.size() && lower(words[by]) != "by" && lower(words[by]) != "from" && !cap(words[by])) {
        const std::string_view p = s(words[by]);
        if (p.size() > 4 && p.substr(p.size() - 2) == "ed") ++by;  // "released by", "issued by"
      }
      const std::string_view bw = lower(words[by]);
      if ((bw == "from" || bw == "by") && by + 1 < words.size() &&
          (cap(words[by + 1]) || (lower(words[by + 1]) == "the" && by + 2 < words.size() && cap(words[by + 2])))) {
        if (by != k + 1) {
          if (const std::uint32_t e = resolve(words[by + 1], words.back() + 1); e != no_entity) return e;
        }
        return resolve_words(std::vector<std::uint32_t>(words.begin() + static_cast<std::ptrdiff_t>(by + 1), words.end()),
                             mention, create);
      }
    }
    // "the office of Israel's military spokesman": an office is an organisation, named as written.
    if (k == start && lower(words[k]) == "office" && w == "of" && !cap(words[k]) && k + 2 < words.size()) {
      return org_or_alias(std::vector<std::uint32_t>(words.begin() + static_cast<std::ptrdiff_t>(start), words.end()),
                          mention);
    }
    if ((!cap(words[k]) || k == start) && (cls(words[k]) & wc_role) != 0 && (cls(words[k]) & wc_org) == 0 &&
        (w == "within" || w == "at" || w == "in" || w == "from" || w == "inside" || w == "close" || w == "familiar")) {
      // (A role's own "in" is the role's: "Karvia's top diplomat in X" is its ambassador there.)
      if (role_spans(words, k)) return describe(words, mention, create);
      return describe(std::vector<std::uint32_t>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k + 1)),
                      mention, create, true, words);
    }
    const bool titled = (cls(words[k]) & (wc_role | wc_title)) != 0 && (cls(words[k]) & wc_org) == 0 &&
                        !is_document(words[k]) && !cap(words[k + 1]);
    if (titled && (!cap(words[k]) || (cls(words[k]) & (wc_title | wc_place | wc_demonym)) == 0 || w == "to") &&
        (w == "of" || w == "for" || w == "to" || w == "with" || w == "on") && !role_spans(words, k)) {
      // "ambassador to Libya Ilse Marrow", "Karvian Ambassador to the U.S. Ilse M. Marrow": a
      // country, then a name to the end, is who it is.
      std::size_t c = k + 2;
      if (c + 1 < words.size() && !cap(words[c]) && lower(words[c]) == "the") ++c;
      if (c < words.size() && (flags(words[c]) & speaker_lexicon::f_country) != 0) {
        lower_words(std::span<const std::uint32_t>(words).subspan(c), scratch_views_);
        const std::size_t after = c + lex_.country_at(scratch_views_, 0, true).length;
        bool name = after > c && after + 2 <= words.size();
        for (std::size_t j = after; j < words.size() && name; ++j) {
          name = cap(words[j]) && (cls(words[j]) & (wc_title | wc_org | wc_place | wc_demonym | wc_determiner)) == 0;
        }
        if (name) {
          return resolve_words(std::vector<std::uint32_t>(words.begin() + static_cast<std::ptrdiff_t>(after), words.end()),
                               mention, create);
        }
      }
      if (cap(words[k]) && (cls(words[k]) & (wc_title | wc_place | wc_demonym)) != 0) continue;
      return describe(words, mention, create, true);
    }
  }
  // The name is the last run of capitalised words ("Tulsa police Chief Chuck Jordan"); "of"
  // and name particles join ("Secretary of State", "Bashar al-Assad"), and in an organisation's
  // name "for", "on", "and" and "the" ("the Center for Strategic and International Studies",
  // "the Institute for the Study of War").
  const auto in_org_name = [](std::string_view w) { return w == "for" || w == "on" || w == "and"; };
  std::size_t run_begin = words.size();
  std::size_t run_end = words.size();
  for (std::size_t k = words.size(); k-- > start;) {
    const std::string_view w = lower(words[k]);
    const bool after = run_begin < words.size() && k + 1 == run_begin && !cap(words[k]) && k > start;
    const bool joiner = after && cap(words[k - 1]) &&
                        (w == "of" || in_org_name(w) || is_particle(w));
    const bool article = after && w == "the" && k >= start + 2 && cap(words[k - 2]) &&
                         (lower(words[k - 1]) == "of" || in_org_name(lower(words[k - 1])));
    // The Arabic article opens a name ("the al Qassam Brigades", "al-Ikhbariya TV").
    const bool arabic = run_begin < words.size() && k + 1 == run_begin && !cap(words[k]) && (w == "al" || w == "el");
    if (cap(words[k]) || joiner || article || arabic || name_tail(words[k])) {
      if (run_begin == words.size() || k + 1 == run_begin) {
        if (run_begin == words.size()) run_end = k + 1;
        run_begin = k;
        continue;
      }
    }
    if (run_begin < words.size()) break;
  }
  // "for", "on" and "and" join only after an organisation word: "Joseph Aoun and Nawaf Salam"
  // are two names.
  {
    bool org_word = false;
    for (std::size_t k = run_begin; k < run_end; ++k) {
      if (cap(words[k]) && this->org_word(words[k])) org_word = true;
      if (!org_word && !cap(words[k]) && in_org_name(lower(words[k]))) run_begin = k + 1;
    }
    while (run_begin < run_end && !cap(words[run_begin]) &&
           !(run_begin + 1 < run_end && (lower(words[run_begin]) == "al" || lower(words[run_begin]) == "el"))) {
      ++run_begin;
    }
  }
  if (run_begin >= words.size()) return describe(words, mention, create);
  // "the Palestinian Health Ministry in Gaza", "X at Y": a name after "in" or "at" that ends the
  // mention says where the source named before it is (not after a time: "a report Tuesday in").
  if (run_begin >= start + 2 && run_end == words.size() && !cap(words[run_begin - 1]) &&
      cap(words[run_begin - 2]) && (cls(words[run_begin - 2]) & wc_time) == 0 &&
      (lower(words[run_begin - 1]) == "in" || lower(words[run_begin - 1]) == "at")) {
    return resolve_words(std::vector<std::uint32_t>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(run_begin - 1)),
                         mention, create);
  }
  std::vector<std::uint32_t> run(words.begin() + static_cast<std::ptrdiff_t>(run_begin),
                                 words.begin() + static_cast<std::ptrdiff_t>(run_end));
  // Drop a sentence-initial "The".
  while (!run.empty() && (cls(run.front()) & wc_determiner) != 0 && (cls(run.front()) & wc_org) == 0) {
    run.erase(run.begin());
  }
  if (run.empty()) return describe(words, mention, create);
  // A possessive inside the run says whose the person is: "the Karvia Herald's Ilse Marten" is
  // Ilse Marten (the owner qualifies her).
  for (std::size_t k = run.size() - 1; k-- > 0;) {
    if (!possessive(run[k])) continue;
    // (Also before a surname alone when the owner is a place or an organisation: "Karvia's Marten",
    // "the KDF's Marten".)
    const bool owner = (cls(run[k]) & (wc_place | wc_org | wc_demonym)) != 0 || info_[run[k]].all_upper() ||
                       (flags(run[k]) & speaker_lexicon::f_country) != 0 ||
                       (k + 2 == run.size() && persons_by_last_.contains(lower(run.back())));
    if (run.size() - 1 - k >= 2 || owner) run.erase(run.begin(), run.begin() + static_cast<std::ptrdiff_t>(k + 1));
    break;
  }
  // A prepositional adjunct after the name is no part of it ("said Mayor Ebbe to the crowd").
  if (run_end < words.size() && run_end > start && !cap(words[run_end]) && (cls(words[run_end]) & wc_preposition) != 0 &&
      lower(words[run_end]) != "of") {
    return resolve_words(std::vector<std::uint32_t>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(run_end)),
                         mention, create);
  }
  const std::vector<std::uint32_t> rest(words.begin() + static_cast<std::ptrdiff_t>(start), words.end());
  // Words after the name: the name modifies a head noun ("the Trump campaign", "Trump's team").
  // (A possessive alone is its owner: "Trump's" cut from "Trump's campaign".)
  if (run_end < words.size()) {
    // The head noun decides: "the Trump campaign" is an organisation, "a senior European
    // security official" a person described.
    const std::uint32_t head = words.back();
    // A person's office or campaign is named by the person's name without its titles: "Prime
    // Minister Ilse Marrow's office" is "Ilse Marrow's office".
    std::vector<std::uint32_t> owned;
    if (possessive(run.back())) {
      std::vector<std::string> titles;
      const std::size_t at = split_prefix(run, titles);
      if (at > 0 && at < run.size()) {
        owned.assign(run.begin() + static_cast<std::ptrdiff_t>(at), run.end());
        owned.insert(owned.end(), words.begin() + static_cast<std::ptrdiff_t>(run_end), words.end());
      }
    }
    // ("Turkey's state-owned Anadolu news agency", "the official Saba news agency": the lower-case
    // words before the name describe it; the name is "Anadolu news agency".)
    if (owned.empty() && run_begin > start && run_begin - start <= 3 && s(words[run_begin] - 1) != "-") {
      // (Adjectives only: "state-owned", "official"; not "documents he submitted to the", "who
      // have heard from the", "assertion Tuesday".)
      std::size_t described = 0;
      bool adjectives = true;
      for (std::size_t k = start; k < run_begin; ++k) {
        const std::uint32_t c = cls(words[k]);
        if (cap(words[k]) && !possessive(words[k])) adjectives = false;
        if (cap(words[k]) || (c & wc_determiner) != 0) continue;
        const bool hyphenated = s(words[k] + 1) == "-" || (words[k] > 0 && s(words[k] - 1) == "-");  // "state-run"
        if (!hyphenated &&
            (c & (wc_verb | wc_cue | wc_relative | wc_preposition | wc_complementizer | wc_pronoun | wc_time | wc_role)) != 0 &&
            (c & wc_title) == 0) {
          adjectives = false;
        }
        ++described;
      }
      if (described > 0 && adjectives) owned.assign(words.begin() + static_cast<std::ptrdiff_t>(run_begin), words.end());
    }
    const std::vector<std::uint32_t>& org_words = owned.empty() ? rest : owned;
    if ((cls(head) & wc_org) != 0 && (cls(head) & (wc_role | wc_title)) == 0 && !plural(head)) {
      return org_or_alias(org_words, mention);
    }
    if ((cls(head) & wc_org) != 0 && (cls(head) & wc_role) != 0 && !plural(head) &&
        (lower(head) == "campaign" || lower(head) == "administration" || lower(head) == "government" ||
         lower(head) == "ministry" || lower(head) == "military" || lower(head) == "army" ||
         lower(head) == "police" || lower(head) == "office" || lower(head) == "party" || lower(head) == "agency")) {
      return org_or_alias(org_words, mention);
    }
    return describe(words, mention, create);
  }
  std::vector<std::string> roles;
  const std::size_t name_at = split_prefix(run, roles);
  const std::vector<std::uint32_t> name(run.begin() + static_cast<std::ptrdiff_t>(name_at), run.end());
  // Words before the name qualify it: titles, roles, places ("Ukrainian president", "Tulsa police").
  for (std::size_t k = start; k < run_begin; ++k) {
    if ((cls(words[k]) & (wc_title | wc_role | wc_demonym | wc_place | wc_org)) != 0) roles.emplace_back(lower(words[k]));
  }
  // The roles of the words before the name, as one description ("deputy Foreign Minister X").
  const std::size_t name_index = run_end - run.size() + name_at;
  if (name_index > start) role_keys(std::span<const std::uint32_t>(words).subspan(start, name_index - start), roles);
  bool org = organisation_name(run, name_at);
  // A name joined by "for", "on" or "and" is an organisation's (see above); not a person's name
  // after a title ("the Council on X Executive Director Y Z").
  for (std::uint32_t t : name) org = org || (!cap(t) && in_org_name(lower(t)));
  // (A country's abbreviation is the country: "the US said".)
  const bool title_only = name.size() == 1 && (cls(name.front()) & (wc_title | wc_demonym)) != 0 &&
                          (cls(name.front()) & wc_place) == 0 &&
                          !(info_[name.front()].all_upper() && (flags(name.front()) & speaker_lexicon::f_country) != 0);
  // (A country or bloc of several words is one too: "the United Nations", "South Korea".)
  const bool place = (name.size() == 1 && (cls(name.front()) & wc_place) != 0) || is_country(name);
  const bool acronym = name.size() == 1 && info_[name.front()].all_upper();
  // A title word that is a known person's surname is that person ("Julie Bishop", then "Bishop").
  if (title_only && !persons_by_last_.contains(lower(name.front()))) {
    return describe(words, mention, create);
  }
  // A plural role capitalised for opening the sentence is no name ("Officials also said").
  if (name.size() == 1 && (cls(name.front()) & wc_role) != 0 && plural(name.front()) &&
      doc_.sentences()[doc_.sentence_of_token(name.front())].first_token == name.front()) {
    return describe(words, mention, create);
  }
  if (org || acronym) {
    // An organisation's name from its first capitalised or organisation word ("the progressive
    // Center for X": "Center for X").
    std::size_t from = start;
    while (from < run_begin && !cap(words[from]) && (cls(words[from]) & wc_org) == 0) ++from;
    return org_or_alias(org ? std::vector<std::uint32_t>(words.begin() + static_cast<std::ptrdiff_t>(from),
                                                         words.begin() + static_cast<std::ptrdiff_t>(run_end))
                            : name,
                        mention);
  }
  if (place) return org_or_alias(name, mention);
  std::vector<std::string> lw;
  name_words(name, lw);
  const std::uint32_t person = add_person(lw, name, roles, mention);
  if (name_index > start) ents_[person].titled = true;
  // A demonym in the plural is a people, no person ("the Karvians refuse ... and they said").
  if (name.size() == 1 && plural(name.front())) {
    const std::string_view w = lower(name.front());
    if (w.size() > 4 && (words_.classes(w.substr(0, w.size() - 1)) & wc_demonym) != 0) {
      ents_[person].kind = entity_kind::group;
      ents_[person].plural = true;
    }
  }
  return person;
}

std::uint32_t resolver::org_or_alias(const std::vector<std::uint32_t>& toks, byte_range mention) {
  std::vector<std::uint32_t> clean;
  for (std::uint32_t t : toks) {
    if (is_word(t) || tok_[t].kind == token_kind::number) clean.push_back(t);
  }
  if (clean.empty()) return no_entity;
  // An acronym given earlier in brackets ("the Palestinian Civil Defence (PCD)" and later
  // "the PCD"): the name it stands for.
  if (clean.size() == 1 && info_[clean.front()].all_upper()) {
    if (const std::vector<std::uint32_t>* found = acronyms_.find(tok_[clean.front()].range.of(text_)); found != nullptr) {
      clean = *found;
    }
  }
  // "the military", "the hospital", "the health ministry", "the Army": the latest organisation
  // named with that head ("Israel's military", "Soroka Hospital", "Ministry of Health").
  if (org_word(clean.back())) {
    if (const std::uint32_t e = org_by_head(clean, mention); e != npos) return e;
  }
  std::string name = surface(clean);
  std::string key = normalise(name);
  // A name the text spells out for an acronym is the canonical one: "the Kurdish-led Syrian
  // Democratic Forces (SDF)" is "Syrian Democratic Forces".
  for (const auto& [expansion, full] : acronym_names_) {
    if (key.size() > expansion.size() && key.compare(key.size() - expansion.size(), expansion.size(), expansion) == 0 &&
        key[key.size() - expansion.size() - 1] == ' ') {
      name = full;
      key = expansion;
      break;
    }
  }
  // The first organisation whose name is this one, or ends this one or is ended by it in whole
  // words when the shorter has two words or more ("the Israeli military" and "military" do
  // not match "Government of Israel" by "Israel"). Found through the indexes of add_org
  // rather than a scan of all entities, so that long documents stay linear.
  const auto multi = [](std::string_view x) { return x.find(' ') != std::string_view::npos; };
  std::uint32_t first = npos;
  const auto consider = [&first](const auto& index, std::string_view k) {
    if (const std::uint32_t* found = index.find(k); found != nullptr) first = std::min(first, *found);
  };
  consider(orgs_by_key_, key);
  if (multi(key)) consider(org_suffixes_, key);
  for (std::size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1)) {
    const std::string_view suffix = std::string_view(key).substr(at + 1);
    if (multi(suffix)) consider(orgs_by_key_, suffix);
  }
  if (first != npos) {
    add_mention(first, mention);
    // The fullest form names it: "Tesland's Defence Ministry" over "Defence Ministry".
    std::string full = name;
    if (full.rfind("The ", 0) == 0 || full.rfind("the ", 0) == 0) full.erase(0, 4);
    const std::string full_key = normalise(full);
    const std::string own_key = normalise(ents_[first].name);
    if (full_key == own_key) {
      name_form(first, full);  // the same name written another way: the most used form
    } else if (full.size() > ents_[first].name.size() && full_key.size() > own_key.size() &&
               !acronym_names_.contains(own_key) && proper_name(clean)) {
      ents_[first].name = full;
      ents_[first].forms.clear();
    }
    return first;
  }
  return add_org(name, mention);
}

// The entity named just before a relative pronoun ("Kall, co-editor of ..., who").
std::uint32_t resolver::antecedent(std::uint32_t rel) {
  std::uint32_t end = rel;
  while (end > 0 && (tok_[end - 1].kind == token_kind::space || s(end - 1) == ",")) --end;
  std::uint32_t first = end;
  std::uint32_t n = 0;
  // Within the relative pronoun's sentence: never a name built across a sentence or paragraph
  // break ("... administration.\n\nArab countries, who").
  const std::uint32_t sentence = sentence_index(rel);
  while (first > 0 && n < 8) {
    const std::uint32_t t = first - 1;
    if (sentence_index(t) != sentence) break;
    if (tok_[t].kind == token_kind::space) {
      if (s(t).find('\n') != std::string_view::npos) break;
      --first;
      continue;
    }
    if (!is_word(t) && s(t) != "." && s(t) != "-") break;
    // ("Senator X of Texas, who": "of" between capitalised words.)
    const bool of = s(t) == "of" && t >= 2 && is_word(t - 2) && cap(t - 2) && t + 2 < end && cap(t + 2);
    if (is_word(t) && !cap(t) && !of && (cls(t) & (wc_role | wc_title | wc_org | wc_demonym | wc_determiner)) == 0) break;
    --first;
    ++n;
  }
  while (first < end && tok_[first].kind == token_kind::space) ++first;
  if (first >= end) return no_entity;
  // ("Women for Dialogue, a group which said": the name the description is in apposition to.)
  context_kind kind{};
  if (const auto [b, en] = source_context(token_span{first, end}, kind); b != npos && kind == context_kind::apposed) {
    std::vector<std::uint32_t> words;
    for (std::uint32_t t = b; t < en; ++t) {
      if (is_word(t)) words.push_back(t);
    }
    return org_or_alias(words, {tok_[b].range.begin, tok_[en - 1].range.end});
  }
  return resolve(first, end);
}

std::uint32_t resolver::coordinated_start(std::uint32_t first) const {
  // "The Karvian Forces (KF) and the Coast Guard said": the attribution may name only the last of
  // two sources that open the sentence together; both are the source.
  std::uint32_t t = first;
  while (t > 0 && tok_[t - 1].kind == token_kind::space) --t;
  if (t == 0 || !is_word(t - 1) || s(t - 1) != "and") return first;
  const std::uint32_t sentence_first = sentence_of(first).first_token;
  std::uint32_t start = t - 1;
  bool named = false;
  for (std::uint32_t k = t - 1; k > sentence_first;) {
    --k;
    const std::uint32_t c = cls(k);
    if (tok_[k].kind == token_kind::space) {
      if (s(k).find('\n') != std::string_view::npos) return first;
      continue;
    }
    if (tok_[k].kind == token_kind::punctuation) {
      if (s(k) != "(" && s(k) != ")" && s(k) != "." && s(k) != "-") return first;
    } else if (!is_word(k) || in_quote_[k] || !(cap(k) || (c & wc_determiner) != 0 || lower(k) == "of")) {
      return first;
    }
    named = named || (cap(k) && (c & wc_determiner) == 0);
    start = k;
  }
  return named && start == sentence_first ? start : first;
}

bool resolver::proper_name(std::span<const std::uint32_t> words) const {
  for (const std::uint32_t w : words) {
    if (cap(w) || tok_[w].kind == token_kind::number || (s(w).front() >= '0' && s(w).front() <= '9')) continue;
    const std::string_view lw = lower(w);
    if (lw != "of" && lw != "the" && lw != "and" && lw != "for" && lw != "on" &&
        !is_particle(lw)) {
      return false;
    }
  }
  return true;
}

bool resolver::is_time(const std::vector<std::uint32_t>& words, std::size_t k) const {
  const std::uint32_t t = words[k];
  if (tok_[t].kind == token_kind::number) {
    // A year, or a day after a month ("February 12").
    const std::string_view d = s(t);
    if (d.size() == 4 && (d.front() == '1' || d.front() == '2')) return true;
    return k > 0 && (cls(words[k - 1]) & wc_time) != 0 && cap(words[k - 1]);
  }
  if ((cls(t) & wc_time) == 0) return false;
  // A day after an organisation's name or acronym is a date ("the BBC Thursday").
  if (cap(t) && !month(t) && k > 0 && cap(words[k - 1]) && (info_[words[k - 1]].all_upper() || org_word(words[k - 1]))) {
    return true;
  }
  // Not the end of a name ("Theresa May", "Labor Day").
  return !(cap(t) && k > 0 && cap(words[k - 1]) && (cls(words[k - 1]) & wc_time) == 0);
}

void resolver::trim_mention(std::vector<std::uint32_t>& words) const {
  // Before the source: an opener ("However", "Meanwhile"), a conjunction, or a complementizer
  // before a name ("Whether Clinton", "that Cruz").
  std::size_t b = 0;
  while (b < words.size()) {
    const std::uint32_t t = words[b];
    const std::uint32_t c = cls(t);
    const bool more = b + 1 < words.size();
    const bool opens = opener(t) || (b == 0 && more && cap(words[b + 1]) && fronted_word(t));
    const bool joint = more && (c & wc_conjunction) != 0 && (c & (wc_determiner | wc_pronoun | wc_preposition)) == 0;
    const bool complement = more && (c & wc_complementizer) != 0 && cap(words[b + 1]) && (c & wc_pronoun) == 0;
    if (!opens && !joint && !complement) break;
    ++b;
  }
  // A photo credit before a name ("AP Photo Ilse Marrow"): the name is what follows.
  for (std::size_t k = words.empty() ? 0 : words.size() - 1; k > b; --k) {
    if (cap(words[k - 1]) && (flags(words[k - 1]) & speaker_lexicon::f_credit) != 0) {
      b = k;
      break;
    }
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(b));
  // After it: a sentence adverb ("Trump, however, said"), a relative, conjunction or preposition
  // left dangling ("a letter ... that").
  while (words.size() > 1 && !cap(words.back()) && opener(words.back()) && cap(words[words.size() - 2])) words.pop_back();
  while (words.size() > 1 && !cap(words.back()) &&
         (cls(words.back()) & (wc_relative | wc_complementizer | wc_conjunction | wc_preposition)) != 0) {
    words.pop_back();
  }
  // A time or channel adjunct: "X on February 12", "a poll released Monday", "a letter from his
  // doctor Friday afternoon", "X in a video address".
  const auto participle = [this, &words](std::size_t k) {
    const std::string_view w = s(words[k]);
    return !cap(words[k]) && w.size() > 4 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 2) == "en") &&
           w.substr(w.size() - 3) != "men" && (cls(words[k]) & (wc_title | wc_role | wc_org | wc_demonym)) == 0;
  };
  // A participle left at the end once its adjunct is gone ("a poll released"; not the verb of a
  // relative clause, "the experts I interviewed").
  while (words.size() > 2 && participle(words.size() - 1) &&
         (cls(words[words.size() - 2]) & (wc_determiner | wc_pronoun)) == 0 && tok_[words.back() - 1].kind == token_kind::space) {
    words.pop_back();
  }
  const std::size_t n = words.size();
  const auto time_after = [&](std::size_t k) {
    // A time word within the next three words, after determiners and lower-case modifiers, and
    // only time words after it ("on February 12", "in late July 2015"; not "from his 1995 tax
    // return").
    for (std::size_t j = k + 1; j < n && j <= k + 3; ++j) {
      if (is_time(words, j)) {
        for (std::size_t r = j + 1; r < n; ++r) {
          if (!is_time(words, r)) return false;
        }
        return true;
      }
      if (cap(words[j]) || (cls(words[j]) & (wc_role | wc_title | wc_org | wc_medium)) != 0) return false;
    }
    return false;
  };
  std::size_t cut = n;
  for (std::size_t k = 1; k < n && cut == n; ++k) {
    const std::uint32_t t = words[k];
    const std::uint32_t c = cls(t);
    if (!cap(t) && (c & wc_preposition) != 0 && time_after(k)) {
      cut = k;
    } else if (is_time(words, k) &&
               (!cap(words[k - 1]) || info_[words[k - 1]].all_upper() || org_word(words[k - 1]))) {
      // A time word after a lower-case word, with only time words after it.
      bool rest = true;
      for (std::size_t j = k + 1; j < n; ++j) rest = rest && is_time(words, j);
      if (rest) cut = k;
    } else if ((c & wc_preposition) != 0 && !cap(t) && s(t) != "of" && (cap(words[k - 1]) || org_word(words[k - 1]))) {
      // "X in a video address", "X in an interview with ...", "the military in its daily
      // report": after a name or an organisation only.
      for (std::size_t j = k + 1; j < n && j <= k + 4; ++j) {
        if (((cls(words[j]) & wc_medium) != 0 || is_document(words[j])) && !cap(words[j])) {
          cut = k;
          break;
        }
        if (cap(words[j]) && (cls(words[j]) & wc_time) == 0) break;
      }
    }
    // "released Monday", "conducted in February": the participle goes with its adjunct.
    if (cut == k && k > 1 && participle(k - 1)) cut = k - 1;
  }
  // Something other than determiners must remain.
  bool named = false;
  for (std::size_t k = 0; k < cut; ++k) named = named || (cls(words[k]) & wc_determiner) == 0 || cap(words[k]);
  if (named) words.resize(cut);
  // Only time words: no one ("Also Monday").
  bool timeless = false;
  for (std::size_t k = 0; k < words.size(); ++k) timeless = timeless || !is_time(words, k);
  if (!timeless) words.clear();
}


}  // namespace sayso::detail
