// Speaker resolution, part 10: unnamed sources: a description of a person in a role ("the French
// leader"), a pair ("the two sides"), an organisation word ("the ministry"), an anonymous source
// or group ("the official", "the sources").
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

// An unnamed source: a description of a person in a role, an organisation, or an anonymous
// source or group.
std::uint32_t resolver::describe(const std::vector<std::uint32_t>& words, byte_range mention, bool create,
                                 bool anonymous_head, std::span<const std::uint32_t> named) {
  const std::string_view first = lower(words.front());
  // The head: the last role, title or organisation word before a complement ("the head of the
  // security council").
  std::string head;
  std::uint32_t head_tok = npos;
  for (std::uint32_t t : words) {
    if (head_tok != npos && !cap(t) && (cls(t) & wc_preposition) != 0) break;
    if ((cls(t) & (wc_role | wc_title | wc_org)) != 0 && !possessive(t)) {
      head = lower(t);
      head_tok = t;
    }
  }
  // ("these people", "those officials" refer back like "the".)
  const bool definite = first == "the" || first == "these" || first == "those" ||
                        (cls(words.front()) & wc_possessive) != 0;
  const bool is_plural = head_tok != npos && plural(head_tok);
  // "the French leader", "Russia's top diplomat", "the envoy": the most recent person who holds
  // the role with the qualifiers given ("his lawyer" is someone's, not the last lawyer named).
  // (A bare title in capitals is a definite description too: "with the President saying".)
  const bool bare_title = words.size() == 1 && cap(words.front()) && (cls(words.front()) & wc_title) != 0;
  if ((first == "the" || bare_title || (cap(words.front()) && possessive(words.front()))) && !is_plural) {
    std::uint32_t holder = role_holder(words, head_tok, mention);
    // "the official", "the source" alone: the words news uses for unnamed sources name a person
    // named with them only in this paragraph or the two before; a named official of long before
    // is named by name ("Houthi official X" early on, then "the official said" of someone new).
    if (holder != npos && words.size() == 2 && (flags(words.back()) & speaker_lexicon::f_unnamed_head) != 0) {
      const std::uint32_t seen = last_before(ents_[holder], mention.begin);
      if (seen <= 1 || paragraph_of(seen - 1) + 2 < paragraph_of(mention.begin)) holder = npos;
    }
    if (holder != npos) {
      // An anonymous source with that head mentioned since is who "the official" is ("One
      // official said ...", then "the official said"), not a named official of before.
      if (!head.empty()) {
        if (const std::uint32_t found = latest_unnamed(head, mention);
            found != npos && last_before(ents_[found], mention.end) > last_before(ents_[holder], mention.begin)) {
          return found;
        }
      }
      return holder;
    }
  }
  // "the two sides", "both countries", "the two leaders": the latest two parties named together
  // ("Sudan and South Sudan signed ...", "X and Y said"), persons for a person's noun, in this
  // paragraph or the two before.
  // ("the two" alone: either pair.)
  const bool the_two = words.size() == 2 && first == "the" && lower(words[1]) == "two";
  if ((is_plural && head_tok != npos && words.size() <= 4) || the_two) {
    bool two = false;
    for (const std::uint32_t t : words) {
      const std::string_view w = lower(t);
      two = two || w == "two" || w == "both";
    }
    if (two) {
      const bool people =
          !the_two && (person_role(head_tok) || lower(head_tok) == "men" || lower(head_tok) == "women");
      const std::uint32_t pair = most_recent(mention.begin, [this, people](const known& k) {
        return k.kind == entity_kind::group && k.members.size() == 2 &&
               (!people || ents_[k.members.front()].kind == entity_kind::person);
      });
      if (pair != no_entity) {
        const std::uint32_t seen = last_before(ents_[pair], mention.begin);
        if (seen > 1 && paragraph_of(seen - 1) + 2 >= paragraph_of(mention.begin)) {
          add_mention(pair, mention);
          return pair;
        }
      }
    }
  }
  // A body the text named, by the head noun of an appositive ("the Coastal Brigades, an armed
  // group, ...": "the group"; "a war monitor": "the monitor") or by an epithet ("the world
  // body"); neither after a complement ("the head of the council").
  if (first == "the" && !is_plural && words.size() >= 2 && words.size() <= 5) {
    bool simple = true;
    for (const std::uint32_t t : words) simple = simple && (cap(t) || (cls(t) & wc_preposition) == 0);
    if (simple) {
      const std::span<const std::uint32_t> phrase = std::span<const std::uint32_t>(words).subspan(1);
      if (const std::uint32_t e = org_by_head(phrase, mention); e != npos) return e;
      if (const std::uint32_t e = org_by_epithet(phrase, mention); e != npos) return e;
    }
  }
  // An organisation word heads it: "the Kremlin", "the ministry", "the Israeli military" (not "a
  // group of doctors", which stays a description).
  if (!anonymous_head && head_tok != npos && (cls(head_tok) & wc_org) != 0 && !is_plural && first != "a" &&
      first != "an") {
    std::vector<std::uint32_t> rest;
    for (std::uint32_t t : words) {
      if ((cls(t) & wc_determiner) == 0 || cap(t)) rest.push_back(t);
    }
    while (!rest.empty() && (cls(rest.front()) & wc_determiner) != 0) rest.erase(rest.begin());
    if (!rest.empty()) return org_or_alias(rest, mention);
  }
  // "the official", "the source": the latest anonymous source with that head.
  // (Its qualifiers must be in that source's name: "the Israeli officials" are not the
  // "Palestinian officials" named last.)
  // (A bare plural role opening a sentence refers back too: "Ukrainian officials said ...
  // Officials also said"; only to a group of this paragraph or the two before.)
  const bool bare_plural = is_plural && words.size() == 1 && cap(words.front()) &&
                           doc_.sentences()[doc_.sentence_of_token(words.front())].first_token == words.front();
  if ((definite || bare_plural) && !head.empty()) {
    // (Up to the mention's end: the scan may have registered this very phrase, "The rebels said".)
    if (const std::uint32_t found = latest_unnamed(head, mention); found != npos) {
      const std::string& n = ents_[found].name;
      const auto in_name = [&n](std::string_view w) {
        return std::search(n.begin(), n.end(), w.begin(), w.end(), [](char a, char b) {
                 return (a | 0x20) == (b | 0x20);
               }) != n.end();
      };
      bool same = true;
      bool after_head = false;
      for (const std::uint32_t t : named.empty() ? std::span<const std::uint32_t>(words) : named) {
        if (t == head_tok) {
          after_head = true;
          continue;
        }
        // (A relative clause restates rather than tells apart: "the groups who wrote to her".)
        if (after_head && (cls(t) & (wc_relative | wc_complementizer | wc_verb | wc_cue | wc_time)) != 0) break;
        // Its own complement must be the source's too: "the people familiar with the army's
        // plans" are not "people familiar with the talks".
        if (after_head && !cap(t) && (cls(t) & (wc_preposition | wc_determiner | wc_conjunction)) == 0 &&
            !in_name(bare(t))) {
          same = false;
        }
        if (!cap(t) || (cls(t) & (wc_demonym | wc_place)) == 0 || (cls(t) & wc_determiner) != 0) continue;
        same = same && in_name(bare(t));
      }
      if (bare_plural) {
        const std::uint32_t seen = last_before(ents_[found], mention.end);
        same = same && paragraph_of(seen - 1) + 2 >= paragraph_of(mention.begin);
      }
      if (same) return found;
    }
  }
  // "the sources", "the source" alone, with no source of that head before: the latest unnamed
  // source of the same number that spoke, in this paragraph or the one before ("..., military
  // officials said. ... the sources said").
  if (first == "the" && words.size() == 2 && head_tok != npos &&
      (lower(head_tok) == "sources" || lower(head_tok) == "source")) {
    const std::uint32_t back = most_recent(mention.begin, [is_plural](const known& k) {
      return (k.kind == entity_kind::anonymous || k.kind == entity_kind::group) && k.speaker && k.members.empty() &&
             k.plural == is_plural;
    });
    if (back != no_entity) {
      const std::uint32_t seen = last_before(ents_[back], mention.begin);
      if (seen > 1 && paragraph_of(seen - 1) + 1 >= paragraph_of(mention.begin)) {
        add_mention(back, mention);
        return back;
      }
    }
  }
  if (!create && head.empty()) return no_entity;
  known& k = new_entity();
  k.name = phrase_name(named.empty() ? std::span<const std::uint32_t>(words) : named);
  k.kind = is_plural || first == "both" || first == "all" || first == "several" || first == "many"
               ? entity_kind::group
               : entity_kind::anonymous;
  if (head.empty()) k.kind = entity_kind::group;
  k.head = head;
  k.plural = is_plural;
  return static_cast<std::uint32_t>(ents_.size() - 1);
}

}  // namespace sayso::detail
