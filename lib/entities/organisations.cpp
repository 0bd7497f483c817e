// Speaker resolution, part 8: organisations a definite description names by its head noun ("the
// ministry", "the health ministry", "the Army", "the group", "the monitor") or by an epithet of
// speakers.toml ("the world body" for the United Nations). An organisation registers its head
// nouns when it is named: that of its name ("Ministry of Health": "ministry"), and that of an
// appositive ("the Coastal Brigades, an armed group based in the port,": "group").
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

void resolver::index_org_heads(std::uint32_t e, std::string_view key, std::string_view name) {
  // The last word, and the head before a complement ("ministry of health": "ministry"; "office
  // for the coordination of humanitarian affairs": "office").
  const auto add = [this, e](std::string_view head) {
    if (head.empty() || head.front() == '@') return;
    std::vector<std::uint32_t>& list = orgs_by_head_[head];
    if (list.empty() || list.back() != e) list.push_back(e);
  };
  const std::size_t last = key.rfind(' ');
  if (last == std::string_view::npos) {
    // A body of the lexicon, whole ("NATO", "the African Union", "U.N."): by its id, and by the
    // last word of its name ("the union").
    std::vector<std::string>& lowered = scratch_words_;
    std::vector<std::string_view>& views = scratch_views_;
    views.clear();
    std::size_t n = 0;
    for (std::size_t i = 0; i < name.size() && n < 6;) {
      const std::size_t j = std::min(name.find(' ', i), name.size());
      if (lowered.size() <= n) lowered.emplace_back();
      lowered[n].clear();
      for (const char ch : name.substr(i, j - i)) lowered[n] += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
      ++n;
      i = j + 1;
    }
    for (std::size_t i = 0; i < n; ++i) views.emplace_back(lowered[i]);
    if (views.empty() || (lex_.flags(views.front()) & speaker_lexicon::f_country) == 0) return;
    const speaker_lexicon::match m = lex_.country_at(views, 0, false);
    if (!m || m.length != views.size()) return;
    orgs_by_country_.emplace(m.id, e);
    if (views.size() >= 2) add(views.back());
    return;
  }
  add(key.substr(last + 1));
  // (And the last word that is no number: "resolution" for "Security Council Resolution 2216".)
  {
    std::size_t end = key.size();
    std::size_t begin = last + 1;
    while (begin > 0 && end > begin && key[begin] >= '0' && key[begin] <= '9') {
      end = begin - 1;
      const std::size_t before = key.rfind(' ', end - 1);
      begin = before == std::string_view::npos ? 0 : before + 1;
    }
    if (end < key.size() && end > begin) add(key.substr(begin, end - begin));
  }
  for (std::size_t at = key.find(' '); at != std::string_view::npos; at = key.find(' ', at + 1)) {
    const std::size_t next = std::min(key.find(' ', at + 1), key.size());
    const std::string_view w = key.substr(at + 1, next - at - 1);
    if (w == "of" || w == "for" || w == "on" || w == "and" || w == "the" || w == "in") {
      const std::size_t begin = key.rfind(' ', at - 1);
      add(key.substr(begin == std::string_view::npos ? 0 : begin + 1, at - (begin == std::string_view::npos ? 0 : begin + 1)));
      break;
    }
  }
}

void resolver::org_appositive(std::uint32_t e, std::uint32_t last) {
  // ", a|an|the [modifiers] NOUN": the noun before a complement, a relative or a participle
  // ("an armed group based in the port", "a Britain-based war monitor", "the militant group
  // that controls the city"). Not the source of an attribution ("Hamas, the official said").
  std::uint32_t t = last + 1;
  if (t >= tok_.size() || s(t) != ",") return;
  ++t;
  while (t < tok_.size() && tok_[t].kind == token_kind::space && s(t).find('\n') == std::string_view::npos) ++t;
  if (t >= tok_.size() || !is_word(t)) return;
  {
    const std::string_view a = lower(t);
    if (a != "a" && a != "an" && a != "the") return;
  }
  std::uint32_t head = npos;
  bool compound = false;  // the word before was joined by a hyphen
  std::uint32_t words = 0;
  for (++t; t < tok_.size() && words < 7; ++t) {
    if (tok_[t].kind == token_kind::space) {
      if (s(t).find('\n') != std::string_view::npos) break;
      continue;
    }
    if (tok_[t].kind == token_kind::punctuation && s(t) == "-") {
      compound = true;
      continue;
    }
    if (!is_word(t) || in_quote_[t]) break;
    ++words;
    const bool joined = compound || (t + 1 < tok_.size() && s(t + 1) == "-");
    compound = false;
    if (joined) continue;  // "Britain-based", "Iran-backed"
    const std::uint32_t c = cls(t);
    if (cap(t) && (c & (wc_demonym | wc_place)) == 0) return;  // a name: "the group's leader, Ali X"
    if ((c & (wc_preposition | wc_relative | wc_conjunction | wc_complementizer | wc_auxiliary)) != 0) break;
    const std::string_view w = s(t);
    if (head != npos && w.size() > 4 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 3) == "ing")) break;
    if ((c & (wc_cue | wc_verb)) != 0 && (c & (wc_role | wc_org)) == 0) {
      if (head != npos) return;  // "..., the official said"
      break;
    }
    head = t;
  }
  if (head == npos || person_role(head) || possessive(head) || is_document(head)) return;
  // (A source right after it makes it an attribution's: "Hamas, the group said".)
  std::uint32_t n = head + 1;
  while (n < tok_.size() && tok_[n].kind == token_kind::space) ++n;
  if (n < tok_.size() && is_word(n) && (cls(n) & wc_cue) != 0 && !cap(n)) return;
  std::vector<std::uint32_t>& list = orgs_by_head_[lex_.spelling(lower(head))];
  if (list.empty() || list.back() != e) list.push_back(e);
}

std::uint32_t resolver::descriptor_before(std::uint32_t first) const {
  // "the state news agency KNA", "the armed group Ansar al-Din", "the Lebanese group Hezbollah":
  // an article, modifiers and a noun just before the name; the noun, or npos.
  std::uint32_t t = first;
  std::uint32_t head = npos;
  std::uint32_t words = 0;
  while (t >= 2 && tok_[t - 1].kind == token_kind::space && s(t - 1) == " " && is_word(t - 2) && !in_quote_[t - 2] &&
         words < 5) {
    t -= 2;
    const std::uint32_t c = cls(t);
    if ((c & wc_determiner) != 0) {
      // (An outlet is a document noun of the lexicon, and may be an organisation's: "the state
      // broadcaster RTV".)
      if (head == npos || person_role(head) || plural(head) || (cls(head) & (wc_org | wc_role)) == 0) {
        return npos;
      }
      return head;
    }
    // Lower-case modifiers and nouns, and demonyms ("the Lebanese group Hezbollah").
    if ((cap(t) && (c & (wc_demonym | wc_place)) == 0) || possessive(t) ||
        (c & (wc_preposition | wc_conjunction | wc_pronoun | wc_auxiliary)) != 0 ||
        ((c & (wc_verb | wc_cue)) != 0 && (c & (wc_role | wc_title | wc_org)) == 0)) {
      return npos;
    }
    if (head == npos) head = t;
    ++words;
  }
  return npos;
}

void resolver::org_descriptor(std::uint32_t e, std::uint32_t head) {
  if (head == npos) return;
  std::vector<std::uint32_t>& list = orgs_by_head_[lex_.spelling(lower(head))];
  if (list.empty() || list.back() != e) list.push_back(e);
}

std::uint32_t resolver::org_by_head(std::span<const std::uint32_t> words, byte_range mention) {
  if (words.empty()) return npos;
  const std::uint32_t head = words.back();
  // A common noun: lower case, or a capitalised organisation noun that is also a role ("the
  // Army", not "the Taliban").
  if (cap(head) && ((cls(head) & wc_role) == 0 || info_[head].all_upper())) return npos;
  for (const std::uint32_t t : words.first(words.size() - 1)) {
    // (A name's words go through the keys; a month or day is no part of it: "the April
    // resolution".)
    if ((cap(t) && (cls(t) & wc_time) == 0) || possessive(t)) return npos;
  }
  const std::string_view written = lower(head);
  const std::vector<std::uint32_t>* found = orgs_by_head_.find(lex_.spelling(written));
  // (Else a noun the lexicon counts the same: "the army" for "the Sudanese Armed Forces", "the
  // hospital" for "Nasser Medical Complex".)
  if (found == nullptr) {
    for (const std::string_view other : lex_.head_synonyms(written)) {
      found = orgs_by_head_.find(other);
      if (found != nullptr) break;
    }
  }
  // (Else for a generic head, any body whose name holds the modifiers: "the rights group" for
  // "Human Rights Watch"; at least one modifier.)
  std::vector<std::uint32_t>& any_body = scratch_bodies_;
  any_body.clear();
  if (found == nullptr && (flags(head) & speaker_lexicon::f_generic) != 0 && words.size() >= 2 &&
      (cls(words[words.size() - 2]) & wc_determiner) == 0) {
    for (std::uint32_t i = 0; i < ents_.size(); ++i) {
      if (ents_[i].kind == entity_kind::organisation && !ents_[i].words.empty()) any_body.push_back(i);
    }
    found = &any_body;
  }
  if (found == nullptr) return npos;
  // The latest named before, whose name holds the modifiers ("the health ministry").
  std::uint32_t best = npos;
  std::uint32_t best_seen = 0;
  for (const std::uint32_t i : *found) {
    const std::uint32_t seen = last_before(ents_[i], mention.begin);
    if (seen == 0 || seen <= best_seen) continue;
    bool all = true;
    for (const std::uint32_t t : words.first(words.size() - 1)) {
      const std::string_view w = lower(t);
      if (tok_[t].kind == token_kind::number || (cls(t) & (wc_determiner | wc_time)) != 0 ||
          (s(t).front() >= '0' && s(t).front() <= '9')) {
        continue;
      }
      const std::string_view spelled = lex_.spelling(w);
      const std::string& key = ents_[i].words.front();
      std::size_t at = key.find(spelled);
      bool whole = false;
      for (; at != std::string::npos && !whole; at = key.find(spelled, at + 1)) {
        whole = (at == 0 || key[at - 1] == ' ') && (at + spelled.size() == key.size() || key[at + spelled.size()] == ' ');
      }
      all = all && whole;
    }
    if (all) {
      best = i;
      best_seen = seen;
    }
  }
  if (best != npos) add_mention(best, mention);
  return best;
}

// "The Observatory", "the Committee", "the Guards": an organisation's head noun alone (a noun,
// not a name: no country), written capitalised as its short form, is the latest organisation
// named with that head before ("the Syrian Observatory for Human Rights").
std::uint32_t resolver::org_short_form(std::string_view key, byte_range mention) {
  if (key.find(' ') != std::string_view::npos || (words_.classes(key) & (wc_org | wc_role)) == 0 ||
      (lex_.flags(key) & speaker_lexicon::f_country) != 0) {
    return npos;
  }
  const std::vector<std::uint32_t>* found = orgs_by_head_.find(key);
  if (found == nullptr) return npos;
  std::uint32_t best = npos;
  std::uint32_t best_seen = 0;
  for (const std::uint32_t i : *found) {
    const std::uint32_t seen = last_before(ents_[i], mention.begin);
    if (seen <= best_seen || ents_[i].kind != entity_kind::organisation) continue;
    // (A name that adds only a country, a demonym or a party to the noun is no fuller form:
    // "Afghanistan's Taliban" and "the Taliban", "a Democratic Senate" and "the Senate" stay as
    // written.)
    const std::string& name = ents_[i].words.front();
    bool more = false;
    for (std::size_t at = 0; at < name.size() && !more;) {
      const std::size_t end = std::min(name.find(' ', at), name.size());
      const std::string_view w = std::string_view(name).substr(at, end - at);
      const bool owner = w.ends_with("'s") || w.ends_with("\xE2\x80\x99s");
      more = w != key && !owner && !w.empty() && w.front() != '@' && (lex_.flags(w) & speaker_lexicon::f_country) == 0 &&
             (words_.classes(w) & wc_demonym) == 0;
      at = end + 1;
    }
    if (!more) continue;
    best = i;
    best_seen = seen;
  }
  if (best != npos) {
    add_mention(best, mention);
    ents_[best].last_seen = std::max(ents_[best].last_seen, mention.end);
  }
  return best;
}

std::uint32_t resolver::org_by_epithet(std::span<const std::uint32_t> words, byte_range mention) {
  // The words after the article, without number modifiers ("the 27-nation bloc": "bloc").
  std::vector<std::uint32_t> kept;
  for (const std::uint32_t t : words) {
    if ((cls(t) & wc_determiner) != 0 && kept.empty()) continue;
    if (tok_[t].kind == token_kind::number) continue;
    if (t >= 2 && s(t - 1) == "-" && tok_[t - 2].kind == token_kind::number) continue;  // "27-nation"
    kept.push_back(t);
  }
  if (kept.empty()) return npos;
  lower_words(kept, scratch_views_);
  const speaker_lexicon::match m = lex_.epithet_at(scratch_views_, 0);
  if (!m || m.length != kept.size()) return npos;
  std::uint32_t best = npos;
  std::uint32_t best_seen = 0;
  for (const std::uint16_t country : lex_.epithet_targets(m.id)) {
    const auto found = orgs_by_country_.find(country);
    if (found == orgs_by_country_.end()) continue;
    const std::uint32_t seen = last_before(ents_[found->second], mention.begin);
    if (seen > best_seen) {
      best = found->second;
      best_seen = seen;
    }
  }
  if (best != npos) add_mention(best, mention);
  return best;
}

}  // namespace sayso::detail
