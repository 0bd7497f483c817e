// Speaker resolution within one document.
//
// 1. Names: every run of capitalised words outside quotations is read as an optional title
//    prefix ("U.S. President", "Russian Foreign Minister", "Secretary of State") and a name
//    ("Donald Trump"). Runs holding an organisation word ("Ministry", "Agency") or naming a
//    place ("Washington") are organisations. A person is known by its fullest name; its title
//    words and the role nouns of an appositive ("X, the Kremlin's investment envoy,") are kept.
// 2. Speakers, in text order: a name or short name resolves to its person; a definite
//    description ("the U.S. president", "the envoy") to the most recent person holding that role;
//    a pronoun to the most recent compatible speaker or person; an unnamed source ("one senior
//    U.S. official", "European leaders") becomes an anonymous or group entity named by its
//    description, which "the official" later refers back to.
#include "entities/resolver.hpp"

#include "entities/resolver_impl.hpp"

namespace sayso::detail {

resolution resolver::run() {
  index_acronyms();
  scanning_ = true;
  scan_names();
  scanning_ = false;
  std::sort(scan_ends_.begin(), scan_ends_.end());
  resolution out;
  out.speakers.assign(quotes_.size(), no_entity);
  out.not_quotes.assign(quotes_.size(), false);
  introduced_.assign(quotes_.size(), byte_range{npos, npos});
  find_carriers();
  // The speaker of the latest quote with each source mention, as (first token, end token):
  // a map rather than a scan of the earlier quotes keeps long documents linear.
  std::unordered_map<std::uint64_t, entity_id> by_mention;
  const auto mention_key = [](const attributed_quote& q) {
    return q.source ? (std::uint64_t{q.source->first} << 32) | q.source->end : ~std::uint64_t{0};
  };
  for (std::size_t i = 0; i < quotes_.size(); ++i) {
    if (i > 0) by_mention[mention_key(quotes_[i - 1])] = out.speakers[i - 1];
    const attributed_quote& q = quotes_[i];
    if (q.continues != npos && q.continues < i) {
      out.speakers[i] = out.speakers[q.continues];
      out.not_quotes[i] = out.not_quotes[q.continues];
      continue;
    }
    if (!q.source) continue;
    register_carriers(q.source->first);
    if (not_a_source(q)) {
      out.not_quotes[i] = true;
      continue;
    }
    // The same mention (a participle's subject: "X said …, adding …") is the same entity.
    std::uint32_t e = no_entity;
    if (const auto found = by_mention.find(mention_key(q)); found != by_mention.end()) e = found->second;
    // ("Residents and medical sources said": also a lower-case plural source after "and".)
    if (e == no_entity && (cap(q.source->first) || (cls(q.source->first) & wc_determiner) != 0 ||
                           ((cls(q.source->last()) & wc_role) != 0 && plural(q.source->last())))) {
      if (const std::uint32_t start = coordinated_start(q.source->first); start != q.source->first) {
        e = resolve(start, q.source->end);
      }
    }
    if (e == no_entity) {
      // "an army spokeswoman, Lt. Col. Ilse Marrow, said": the person named in apposition.
      if (const auto [b, en] = appositive_name(*q.source); b != npos) {
        e = resolve(b, en);
        if (e != no_entity && ents_[e].kind != entity_kind::person) e = no_entity;
      }
    }
    if (e == no_entity) {
      context_kind kind{};
      if (const auto [b, en] = source_context(*q.source, kind); b != npos) {
        if (kind != context_kind::author) {
          std::vector<std::uint32_t> words;
          for (std::uint32_t t = b; t < en; ++t) {
            if (is_word(t)) words.push_back(t);
          }
          const byte_range around{tok_[b].range.begin, tok_[en - 1].range.end};
          // (The name an organisation's description is in apposition to is the organisation's.)
          e = kind == context_kind::described ? describe(words, around, true, true) : org_or_alias(words, around);
        } else {
          e = resolve(b, en);
          if (e != no_entity && kind == context_kind::author && ents_[e].kind != entity_kind::person) e = no_entity;
        }
      }
    }
    if (e == no_entity) {
      // "A joint statement released by Chad and the African Union said": both issuers.
      if (const std::uint32_t start = issuer_start(q.source->first); start != npos) e = resolve(start, q.source->end);
    }
    if (e == no_entity) {
      // "Miriam Katz with Sheba Medical Center said", "Sen. X, R-Tenn., said": the person the
      // source the attribution read (the body, the party and state) qualifies.
      if (const auto [b, en] = person_before(*q.source); b != npos) {
        e = resolve(b, en);
        if (e != no_entity && ents_[e].kind != entity_kind::person) e = no_entity;
      }
    }
    if (e == no_entity) {
      // "Speaking at the conference, Hadi attacked ..., before saying": the subject after the
      // introductory phrase the attribution read.
      if (const auto [b, en] = after_introduction(*q.source); b != npos) {
        e = resolve(b, en);
        // (The mention is the subject the name was read from, not the phrase's first word.)
        if (e != no_entity) introduced_[i] = {tok_[b].range.begin, tok_[en - 1].range.end};
      }
    }
    if (e == no_entity) {
      const std::uint32_t source_at = tok_[q.source->first].range.begin;
      if (!q.spans.empty() && q.spans.front().begin < source_at &&
          paragraph_of(q.spans.front().begin) == paragraph_of(source_at)) {
        content_before_ = q.spans.front().begin;
      }
      // "one of the officials who spoke on condition of anonymity said": the anonymous source the
      // scan registered with this very phrase (groups.cpp), named with its quantifier.
      const byte_range whole{source_at, tok_[q.source->last()].range.end};
      for (auto it = std::lower_bound(scan_ends_.begin(), scan_ends_.end(), std::pair<std::uint32_t, std::uint32_t>{whole.end, 0});
           e == no_entity && it != scan_ends_.end() && it->first == whole.end; ++it) {
        const known& k = ents_[it->second];
        if (k.kind == entity_kind::anonymous && !k.mentions.empty() && k.mentions.front().begin == whole.begin) e = it->second;
      }
      if (e == no_entity) e = resolve(q.source->first, q.source->end);
      content_before_ = npos;
    }
    if (e == no_entity) continue;
    // A new anonymous source is named by its fullest description ("a person briefed on the
    // meeting said"), which the attribution may have cut.
    if (ents_[e].kind == entity_kind::anonymous && ents_[e].mentions.empty()) {
      full_description(q, description_);
      if (!description_.empty()) ents_[e].name = phrase_name(description_);
    }
    known& k = ents_[e];
    const byte_range mention{tok_[q.source->first].range.begin, tok_[q.source->last()].range.end};
    add_mention(e, mention);
    k.last_seen = std::max(k.last_seen, mention.end);
    k.speaker = true;
    if (personal(k)) learn_gender(k, q);
    if (k.kind == entity_kind::person) speaker_ends_.emplace_back(mention.end, e);
    last_speaker_ = e;
    last_speaker_pos_ = mention.end;
    last_speaker_paragraph_ = q.paragraph;
    last_speaker_asked_ = false;
    last_speaker_according_ = q.type == cue_type::according;
    if (q.cue) {
      const lowered cue(q.cue->range.of(text_));
      last_speaker_asked_ = cue.view().starts_with("ask") || cue.view().starts_with("question");
    }
    out.speakers[i] = e;
  }
  named_after(out);
  // Keep speaker entities only, renumbered in order of first mention.
  std::vector<entity_id> remap(ents_.size(), no_entity);
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < ents_.size(); ++i) {
    if (ents_[i].speaker) order.push_back(i);
  }
  for (known& k : ents_) {
    std::sort(k.mentions.begin(), k.mentions.end(),
              [](byte_range a, byte_range b) { return a.begin < b.begin; });
    k.mentions.erase(std::unique(k.mentions.begin(), k.mentions.end()), k.mentions.end());
  }
  std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
    return ents_[a].mentions.front().begin < ents_[b].mentions.front().begin;
  });
  // A compound source is named by its members' final names (an organisation's name may have
  // settled on its most used form since).
  for (known& k : ents_) {
    if (k.members.empty()) continue;
    k.name.clear();
    // (The article the text gives the second stays: "Ukraine and the West", as joint sources
    // are named; an organisation's own name has none.)
    for (const std::uint32_t m : k.members) {
      if (!k.name.empty()) k.name += k.second_the && ents_[m].name.rfind("the ", 0) != 0 ? " and the " : " and ";
      k.name += ents_[m].name;
    }
  }
  // A country written only as an abbreviation ("U.S.", "UK") is named in full.
  for (const std::uint32_t i : order) {
    known& k = ents_[i];
    if (k.kind != entity_kind::organisation || k.words.size() != 1 || k.words.front().size() < 2 ||
        k.words.front().front() != '@' || k.words.front().find('_') == std::string::npos) {
      continue;
    }
    std::string bare;
    for (const char ch : std::string_view(k.name).substr(k.name.rfind("The ", 0) == 0 || k.name.rfind("the ", 0) == 0 ? 4 : 0)) {
      bare += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    }
    while (!bare.empty() && bare.back() == '.') bare.pop_back();
    if ((lex_.flags(bare) & speaker_lexicon::f_spell_out) == 0) continue;
    k.name = country_name(std::string_view(k.words.front()).substr(1));
  }
  for (std::uint32_t i : order) {
    remap[i] = static_cast<entity_id>(out.entities.size());
    known& k = ents_[i];
    out.entities.push_back({k.name, k.kind, std::move(k.mentions)});
  }
  for (entity_id& s : out.speakers) {
    if (s != no_entity) s = remap[s];
  }
  floating_quotes(out);
  return out;
}

// "One leading expert on the region cautions that ... ¶ "...," says Ilse Marrow, a historian":
// a person introduced without a name ("a", "an", "one"; not an unnamed source's "official" or
// "source", nor a role of the lexicon, "a spokesman for X", whose holder the text leaves
// unnamed), as the only source of a paragraph, is the person whose name the next paragraph,
// opening with a quote, gives for the first time as the source of that quote, unless it gives
// that person another role ("a narrator ... ¶ "...," said X, a volunteer").
void resolver::named_after(resolution& out) {
  for (std::size_t i = 0; i < quotes_.size(); ++i) {
    const std::uint32_t e = out.speakers[i];
    if (e == no_entity || !quotes_[i].source || quotes_[i].continues != npos) continue;
    const known& d = ents_[e];
    if (d.kind != entity_kind::anonymous || d.plural || d.head.empty() || !d.members.empty() ||
        (lex_.flags(d.head) & (speaker_lexicon::f_unnamed_head | speaker_lexicon::f_role)) != 0 || lex_.document(d.head) ||
        (words_.classes(d.head) & (wc_org | wc_role)) != wc_role) {
      continue;
    }
    // (A description that introduces someone, with "a", "an" or "one": "the minister" refers back
    // to someone, and "not everyone" is no one.)
    const std::string_view first = std::string_view(d.name).substr(0, d.name.find(' '));
    if (first.size() == d.name.size() ||
        !(first == "a" || first == "A" || first == "an" || first == "An" || first == "one" || first == "One")) {
      continue;
    }
    const std::uint32_t para = quotes_[i].paragraph;
    // The description's mentions all lie in this paragraph, and no other source speaks in it.
    bool alone = true;
    for (const byte_range m : d.mentions) alone = alone && paragraph_of(m.begin) == para;
    std::size_t j = i + 1;
    for (; alone && j < quotes_.size() && quotes_[j].paragraph == para; ++j) {
      alone = out.speakers[j] == e || out.speakers[j] == no_entity;
    }
    for (std::size_t k = i; alone && k-- > 0 && quotes_[k].paragraph == para;) {
      alone = out.speakers[k] == e || out.speakers[k] == no_entity;
    }
    if (!alone || j >= quotes_.size() || quotes_[j].paragraph != para + 1 || !quotes_[j].source ||
        quotes_[j].spans.empty()) {
      continue;
    }
    // The next paragraph opens with the quote (no word before its content).
    bool opens = true;
    for (std::uint32_t t = doc_.token_at(quotes_[j].spans.front().begin); opens && t-- > 0;) {
      if (paragraph_of(tok_[t].range.begin) != para + 1) break;
      opens = !is_word(t);
    }
    if (!opens) continue;
    const std::uint32_t f = out.speakers[j];
    if (f == no_entity || f == e || ents_[f].kind != entity_kind::person || !named(ents_[f])) continue;
    // (Not one the text gives a role of its own: "A reporter spotted ... ¶ Campaign spokeswoman X
    // said".)
    if (std::any_of(ents_[f].roles.begin(), ents_[f].roles.end(), [](const std::string& r) { return r.starts_with('='); })) {
      continue;
    }
    // (A role noun or title the text gives the person shares a word with the description:
    // "one longtime friend" and "X, a longtime friend of Y"; not "a narrator" and "X, a
    // volunteer".)
    std::string described = d.name;
    for (char& ch : described) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    const auto in_description = [&described](std::string_view w) {
      const std::string_view n = described;
      for (std::size_t at = n.find(w); at != std::string_view::npos; at = n.find(w, at + 1)) {
        if ((at == 0 || n[at - 1] == ' ') && (at + w.size() == n.size() || n[at + w.size()] == ' ')) return true;
      }
      return false;
    };
    bool role_word = false;
    bool shared = false;
    for (const std::string& r : ents_[f].roles) {
      if (r.empty() || r.front() == '@' || r.front() == '^' || r.front() == '=') continue;
      role_word = role_word || (words_.classes(r) & wc_role) != 0;
      shared = shared || in_description(r);
    }
    if (role_word && !shared) continue;
    // The name is new: the text gives it nowhere before that paragraph.
    bool fresh = true;
    for (const byte_range m : ents_[f].mentions) fresh = fresh && paragraph_of(m.begin) > para;
    if (!fresh) continue;
    for (entity_id& s : out.speakers) {
      if (s == e) s = f;
    }
    for (const byte_range m : d.mentions) ents_[f].mentions.push_back(m);
    ents_[e].speaker = false;
  }
}

// A floating quote's mention and cue are those of the quote whose speaker it takes (following a
// run of floating quotes back to the attributed one).
void resolver::floating_quotes(resolution& out) const {
  out.speaker_mentions.resize(quotes_.size());
  out.cues.resize(quotes_.size());
  for (std::size_t i = 0; i < quotes_.size(); ++i) {
    std::size_t from = i;
    while (!quotes_[from].source && quotes_[from].continues != npos && quotes_[from].continues < from) {
      from = quotes_[from].continues;
    }
    const attributed_quote& s = quotes_[from];
    out.cues[i] = quotes_[i].cue;
    if (!out.cues[i] && from != i) out.cues[i] = s.cue;
    if (s.source || out.speakers[i] != no_entity) {
      speaker_mention m;
      if (s.source) m.mention = {tok_[s.source->first].range.begin, tok_[s.source->last()].range.end};
      if (introduced_[from].begin != npos) m.mention = introduced_[from];
      m.entity = out.speakers[i];
      out.speaker_mentions[i] = m;
    }
  }
}

// "according to" (outside quotations) and an indefinite singular unnamed source ending at its
// head noun ("a", "an", "one", "another" ... "official", "source", "diplomat"), with no comma
// between, that no quote has as its source.
void resolver::find_carriers() {
  carriers_.clear();
  carriers_done_ = 0;
  const auto next_word = [this](std::uint32_t t) {
    for (++t; t < tok_.size() && tok_[t].kind == token_kind::space; ++t) {
    }
    return t;
  };
  for (std::uint32_t t = 0; t + 2 < tok_.size(); ++t) {
    // (The length first: this sees every token.)
    if (tok_[t].range.end - tok_[t].range.begin != 9 || in_quote_[t] || !is_word(t) || lower(t) != "according") continue;
    const std::uint32_t to = next_word(t);
    if (to >= tok_.size() || !is_word(to) || lower(to) != "to") continue;
    const std::uint32_t first = next_word(to);
    if (first >= tok_.size() || !is_word(first)) continue;
    const std::string_view det = lower(first);
    if (det != "a" && det != "an" && det != "one" && det != "another") continue;
    std::uint32_t end = npos;
    int words = 0;
    for (std::uint32_t u = next_word(first); u < tok_.size() && words < 7; u = next_word(u)) {
      if (in_quote_[u]) break;
      if (!is_word(u)) {
        // (Only the period of an abbreviation, "U.S.", lies inside the phrase.)
        if (s(u) == "." && u > 0 && is_word(u - 1) && s(u - 1).find('.') != std::string_view::npos) continue;
        break;
      }
      ++words;
      if ((flags(u) & speaker_lexicon::f_unnamed_head) != 0 && !plural(u)) {
        end = u + 1;
        break;
      }
    }
    if (end == npos) continue;
    const bool a_source = std::any_of(quotes_.begin(), quotes_.end(), [first, end](const attributed_quote& q) {
      return q.source && q.source->first < end && q.source->end > first;
    });
    if (a_source) continue;
    // Its complement up to the end of the clause names it in full ("a source in the room").
    std::uint32_t name_end = end;
    for (std::uint32_t u = end, n = 0; u < tok_.size() && n < 12; ++u) {
      if (tok_[u].kind == token_kind::space) {
        if (s(u).find('\n') != std::string_view::npos) break;
        continue;
      }
      if (s(u) == "." && is_word(u - 1) && s(u - 1).find('.') != std::string_view::npos && u + 1 < tok_.size() &&
          tok_[u + 1].kind == token_kind::space && u + 2 < tok_.size() && is_word(u + 2) && !cap(u + 2)) {
        continue;
      }
      if ((!is_word(u) && tok_[u].kind != token_kind::number) || in_quote_[u] || lower(u) == "that" ||
          (cls(u) & (wc_conjunction | wc_relative | wc_verb | wc_cue | wc_time)) != 0) {
        break;
      }
      ++n;
      name_end = u + 1;
    }
    carriers_.push_back({first, end, name_end});
  }
}

void resolver::register_carriers(std::uint32_t before) {
  for (; carriers_done_ < carriers_.size() && carriers_[carriers_done_].first < before; ++carriers_done_) {
    const carrier c = carriers_[carriers_done_];
    std::vector<std::uint32_t> words;
    for (std::uint32_t t = c.first; t < c.head_end; ++t) {
      if (is_word(t)) words.push_back(t);
    }
    const byte_range mention{tok_[c.first].range.begin, tok_[c.head_end - 1].range.end};
    const std::uint32_t e = describe(words, mention, true, true);
    if (e == npos || e == no_entity || ents_[e].kind != entity_kind::anonymous) continue;
    if (ents_[e].mentions.empty() && c.name_end > c.head_end) {
      for (std::uint32_t t = c.head_end; t < c.name_end; ++t) {
        if (is_word(t) || tok_[t].kind == token_kind::number) words.push_back(t);
      }
      ents_[e].name = phrase_name(words);
    }
    add_mention(e, mention);
    ents_[e].last_seen = std::max(ents_[e].last_seen, mention.end);
  }
}

// Brings unnamed_by_head_ up to the entities created since it was last used, wherever they were
// created (an entity's kind and head never change): the latest anonymous source or group with
// each head, as a scan of all entities from the last would find it.
void resolver::index_unnamed() {
  for (; unnamed_indexed_ < ents_.size(); ++unnamed_indexed_) {
    const known& k = ents_[unnamed_indexed_];
    if ((k.kind == entity_kind::anonymous || k.kind == entity_kind::group) && !k.head.empty()) {
      unnamed_by_head_[k.head].push_back(static_cast<std::uint32_t>(unnamed_indexed_));
    }
  }
}

void resolver::index_unnamed_as(std::uint32_t e, std::string_view head) {
  index_unnamed();
  std::vector<std::uint32_t>& list = unnamed_by_head_[head];
  if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
}

std::uint32_t resolver::latest_unnamed(std::string_view head, byte_range mention) {
  // One named before the mention, else the mention's own phrase as the scan registered it ("The
  // rebels said ...").
  const std::uint32_t e = latest_unnamed(head, mention.begin);
  return e != npos ? e : latest_unnamed(head, mention.end);
}

std::uint32_t resolver::latest_unnamed(std::string_view head, std::uint32_t before) {
  index_unnamed();
  const std::vector<std::uint32_t>* found = unnamed_by_head_.find(head);
  if (found == nullptr) return npos;
  std::uint32_t best = npos;
  std::uint32_t best_seen = 1;  // (1: mentioned only after `before`)
  for (auto it = found->rbegin(); it != found->rend(); ++it) {
    const std::uint32_t seen = last_before(ents_[*it], before);
    if (seen > best_seen) {
      best = *it;
      best_seen = seen;
    }
  }
  return best;
}

void resolver::add_mention(std::uint32_t e, byte_range mention) {
  ents_[e].mentions.push_back(mention);
  // Mentions mostly come in text order: an append, else an insertion.
  std::vector<std::uint32_t>& ends = ents_[e].ends;
  ends.insert(ends.empty() || ends.back() <= mention.end ? ends.end()
                                                         : std::upper_bound(ends.begin(), ends.end(), mention.end),
              mention.end);
  if (scanning_) {
    scan_ends_.emplace_back(mention.end, e);
  } else {
    mention_ends_.emplace(mention.end, e);
  }
}

std::string country_name(std::string_view key) {
  std::string name;
  bool up = true;
  for (const char ch : key) {
    if (ch == '_') {
      name += ' ';
      up = true;
    } else {
      name += up && ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch;
      up = false;
    }
  }
  return name;
}

entity_id party_entity(std::vector<entity>& entities, std::string_view text, byte_range mention) {
  std::string name(mention.of(text));
  if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.erase(0, 4);
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].name == name) {
      entities[i].mentions.push_back(mention);
      return static_cast<entity_id>(i);
    }
  }
  entities.push_back({name, entity_kind::organisation, {mention}});
  return static_cast<entity_id>(entities.size() - 1);
}

resolution resolve_speakers(const document& doc, const std::vector<token_info>& info, const lexicon& words,
                            const quotation_index& quotations, const std::vector<attributed_quote>& quotes) {
  thread_local resolver_pool pool;
  return resolver(doc, info, words, quotations, quotes, pool).run();
}

}  // namespace sayso::detail
