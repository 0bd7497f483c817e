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

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>

#include "text/unicode.hpp"

namespace sayso::detail {

namespace {

constexpr std::array<std::string_view, 16> kParticles = {
    "al", "bin", "ibn", "de", "del", "da", "di", "du", "van", "von", "der", "den", "la", "le", "el", "dos"};

// A word lower-cased for comparison (lookup_key), without a possessive "'s" or "'", held in
// place: lower() runs for many tokens of every run of capitalised words, mostly to compare with a
// few words, and a std::string each time cost an allocation or a copy. Compares with, and
// converts to, std::string_view (valid while the object lives; not copyable, as the view may
// point into it).
class lowered {
 public:
  explicit lowered(std::string_view token) noexcept {
    view_ = lookup_key(token, buffer_);
    if (view_.empty()) view_ = token;
    if (view_.size() > 2 && view_.substr(view_.size() - 2) == "'s") {
      view_.remove_suffix(2);
    } else if (!view_.empty() && view_.back() == '\'') {
      view_.remove_suffix(1);
    }
  }
  lowered(const lowered&) = delete;
  lowered& operator=(const lowered&) = delete;
  [[nodiscard]] std::string_view view() const noexcept { return view_; }
  operator std::string_view() const noexcept { return view_; }  // NOLINT(google-explicit-constructor)
  friend bool operator==(const lowered& a, std::string_view b) noexcept { return a.view_ == b; }

 private:
  std::array<char, 64> buffer_;
  std::string_view view_;
};

struct known {
  std::string name;                 // canonical name
  entity_kind kind = entity_kind::person;
  std::vector<std::string> words;   // lower-cased name words (persons) or normalised name (others)
  std::vector<std::string> roles;   // lower-cased title and role words, and qualifiers
  std::string head;                 // head noun of an unnamed source
  std::vector<byte_range> mentions;  // appended through resolver::add_mention (it keeps an index)
  std::vector<std::uint32_t> ends;   // the mentions' ends, sorted, for last_before (add_mention)
  std::uint32_t last_seen = 0;      // byte offset of the latest mention
  bool speaker = false;
  bool plural = false;
  char gender = 0;  // 'f', 'm' or unknown, from titles and the pronouns the text uses for it

  // As if new, keeping the buffers.
  void reset() noexcept {
    name.clear();
    kind = entity_kind::person;
    words.clear();
    roles.clear();
    head.clear();
    mentions.clear();
    ends.clear();
    last_seen = 0;
    speaker = false;
    plural = false;
    gender = 0;
  }
};

// What a thread's resolvers hand on to the next one: the entity vector and spare entities, whose
// buffers (names, words, mentions) a document would otherwise allocate anew for each of its
// hundreds of names. Not shared between threads.
struct resolver_pool {
  static constexpr std::size_t max_spare = 4096;  // what a very long document leaves is freed
  std::vector<known> ents;
  std::vector<known> spare;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> scan_ends;
};

// (The token questions, s(), is_word(), cap() and cls(), are the shared token_view's.)
class resolver : private token_view {
 public:
  resolver(const document& doc, const std::vector<token_info>& info,
           const quotation_index& quotations, const std::vector<attributed_quote>& quotes, resolver_pool& pool)
      : token_view(doc, info), doc_(doc), in_quote_(quotations.inner_tokens()), quotes_(quotes), pool_(pool) {
    ents_.swap(pool_.ents);
    ents_.clear();
    scan_ends_.swap(pool_.scan_ends);
    scan_ends_.clear();
  }
  resolver(const resolver&) = delete;
  resolver& operator=(const resolver&) = delete;
  ~resolver() {
    try {
      for (known& k : ents_) {
        if (pool_.spare.size() >= resolver_pool::max_spare) break;
        k.reset();
        pool_.spare.push_back(std::move(k));
      }
    } catch (...) {  // out of memory: the rest are freed
    }
    ents_.clear();
    ents_.swap(pool_.ents);
    scan_ends_.swap(pool_.scan_ends);
  }

  resolution run() {
    index_acronyms();
    scanning_ = true;
    scan_names();
    scanning_ = false;
    std::sort(scan_ends_.begin(), scan_ends_.end());
    resolution out;
    out.speakers.assign(quotes_.size(), no_entity);
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
        continue;
      }
      if (!q.source) continue;
      // The same mention (a participle's subject: "X said …, adding …") is the same entity.
      std::uint32_t e = no_entity;
      if (const auto found = by_mention.find(mention_key(q)); found != by_mention.end()) e = found->second;
      if (e == no_entity) e = resolve(q.source->first, q.source->end);
      if (e == no_entity) continue;
      known& k = ents_[e];
      const byte_range mention{tok_[q.source->first].range.begin, tok_[q.source->last()].range.end};
      add_mention(e, mention);
      k.last_seen = std::max(k.last_seen, mention.end);
      k.speaker = true;
      if (k.kind == entity_kind::person) learn_gender(k, q);
      last_speaker_ = e;
      last_speaker_pos_ = mention.end;
      last_speaker_paragraph_ = q.paragraph;
      out.speakers[i] = e;
    }
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

 private:
  // Each quote's speaker mention and cue as the analysis reports them. A floating quote's
  // mention and cue are those of the quote whose speaker it takes (following a run of floating
  // quotes back to the attributed one).
  void floating_quotes(resolution& out) const {
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
        m.entity = out.speakers[i];
        out.speaker_mentions[i] = m;
      }
    }
  }

  // A new entity at the end of ents_ (references into ents_ may move), with the buffers of a
  // spare one.
  known& new_entity() {
    if (pool_.spare.empty()) return ents_.emplace_back();
    ents_.push_back(std::move(pool_.spare.back()));
    pool_.spare.pop_back();
    return ents_.back();
  }
  lowered lower(std::uint32_t i) const { return lowered(s(i)); }
  // The surface of a word without a possessive ending.
  std::string_view bare(std::uint32_t i) const {
    std::string_view t = s(i);
    if (t.size() > 4 && t.substr(t.size() - 4) == "\xE2\x80\x99s") return t.substr(0, t.size() - 4);
    if (t.size() > 2 && t.substr(t.size() - 2) == "'s") return t.substr(0, t.size() - 2);
    return t;
  }
  bool possessive(std::uint32_t i) const { return bare(i).size() != s(i).size(); }

  // Next word or glue token of a capitalised run after token i, or npos.
  std::uint32_t next_run_token(std::uint32_t i, std::uint32_t end) const {
    std::uint32_t j = i + 1;
    if (j >= end) return npos;
    // Glued punctuation: "U.S", ".", "Secretary", "-", "General"
    if (tok_[j].kind == token_kind::punctuation) {
      const std::string_view t = s(j);
      if ((t == "-" || t == ".") && j + 1 < end && is_word(j + 1) && cap(j + 1) && !possessive(i)) {
        if (t == "-") return j + 1;
        // A period after an initial or abbreviation, then a space and a capitalised word.
        return npos;
      }
      if (t == "." && j + 2 < end && tok_[j + 1].kind == token_kind::space && is_word(j + 2) && cap(j + 2) &&
          (s(i).size() <= 2 || s(i).find('.') != std::string_view::npos) && !possessive(i)) {
        return j + 2;  // "Donald J. Trump", "U.S. President"
      }
      return npos;
    }
    if (tok_[j].kind != token_kind::space || s(j).find('\n') != std::string_view::npos || possessive(i)) return npos;
    const std::uint32_t k = j + 1;
    if (k >= end || !is_word(k)) return npos;
    if (cap(k)) return k;
    // "Secretary of State", "Bashar al-Assad"
    const lowered lw = lower(k);
    if ((lw == "of" || std::find(kParticles.begin(), kParticles.end(), lw) != kParticles.end()) && k + 2 < end &&
        (tok_[k + 1].kind == token_kind::space || s(k + 1) == "-") && is_word(k + 2) && cap(k + 2)) {
      return k + 2;
    }
    return npos;
  }

  // A sentence opening with a plural role noun phrase ("Western diplomats were gloomy") names a
  // group that a later "they" may refer to.
  void register_group(const sentence& sent) {
    std::uint32_t i = sent.first_token;
    std::vector<std::uint32_t>& words = group_words_;
    words.clear();
    for (std::uint32_t n = 0; i < sent.end_token && n < 5; ++i) {
      if (tok_[i].kind == token_kind::space) continue;
      if (!is_word(i) || in_quote_[i]) return;
      words.push_back(i);
      ++n;
      const std::uint32_t c = cls(i);
      if ((c & wc_role) != 0 && !cap(i) && plural(i)) break;
      if ((c & (wc_determiner | wc_demonym | wc_title)) == 0 && !(cap(i) && (c & wc_place) != 0) &&
          !(words.size() == 1 && cap(i) && (c & (wc_conjunction | wc_preposition | wc_pronoun)) == 0)) {
        return;
      }
    }
    if (words.empty() || i >= sent.end_token) return;
    const std::uint32_t head = words.back();
    if ((cls(head) & wc_role) == 0 || !plural(head)) return;
    std::size_t start = 0;
    while (start < words.size() && (cls(words[start]) & wc_determiner) != 0) ++start;
    if (start >= words.size()) return;
    const std::span<const std::uint32_t> phrase = std::span<const std::uint32_t>(words).subspan(start);
    known& g = new_entity();
    g.name = surface(phrase);
    g.kind = entity_kind::group;
    g.plural = true;
    g.head = lower(head).view();
    const byte_range mention{tok_[phrase.front()].range.begin, tok_[phrase.back()].range.end};
    g.last_seen = mention.end;
    add_mention(static_cast<std::uint32_t>(ents_.size() - 1), mention);
  }

  void scan_names() {
    const auto sentences = doc_.sentences();
    for (const sentence& sent : sentences) {
      register_group(sent);
      std::uint32_t i = sent.first_token;
      while (i < sent.end_token) {
        if (!is_word(i) || !cap(i) || in_quote_[i]) {
          ++i;
          continue;
        }
        std::vector<std::uint32_t>& run = run_;
        run.assign(1, i);
        std::uint32_t j = i;
        while ((j = next_run_token(j, sent.end_token)) != npos && !in_quote_[j]) run.push_back(j);
        register_run(run, i == sent.first_token);
        i = run.back() + 1;
      }
    }
  }

  // Splits a run into its title prefix and its name; returns the index where the name starts.
  // Splits a run into its title prefix and its name; returns the index where the name starts.
  // The name is what follows the last title word or "of"-phrase: "Russian Foreign Minister |
  // Sergei Lavrov", "Secretary-General of Hezbollah | Naim Qassem", "Relief Coordinator | Thomas
  // Fletcher". Title words may also be names ("John Major"): a run ending in one keeps it.
  std::size_t split_prefix(std::span<const std::uint32_t> run, std::vector<std::string>& roles) const {
    std::size_t j = run.size();
    while (j > 0) {
      const std::uint32_t t = run[j - 1];
      if ((cls(t) & wc_title) != 0 || lower(t) == "of") break;
      if (j >= 2 && lower(run[j - 2]) == "of") break;  // the object of "Secretary-General of X"
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
    }
    for (std::size_t k = 0; k < j; ++k) {
      const std::uint32_t c = cls(run[k]);
      const lowered lw = lower(run[k]);
      if (lw != "of" && (c & (wc_title | wc_demonym | wc_place | wc_org)) != 0) roles.emplace_back(lw.view());
    }
    return j;
  }

  void register_run(std::span<const std::uint32_t> run_in, bool sentence_start) {
    std::span<const std::uint32_t> run = run_in;
    // Drop a sentence-initial function word ("The", "But", "In").
    while (!run.empty() && (cls(run.front()) & (wc_determiner | wc_conjunction | wc_preposition |
                                                wc_pronoun | wc_auxiliary | wc_time)) != 0 &&
           (cls(run.front()) & (wc_title | wc_org | wc_place)) == 0) {
      run = run.subspan(1);
    }
    if (run.empty()) return;
    if (sentence_start && run.size() == 1 && run.front() == run_in.front() && (cls(run.front()) & wc_cue) != 0) return;
    std::vector<std::string>& roles = roles_;
    roles.clear();
    const std::size_t name_at = split_prefix(run, roles);
    const std::span<const std::uint32_t> name = run.subspan(name_at);
    if (name.empty()) return;
    const byte_range mention{tok_[run.front()].range.begin, static_cast<std::uint32_t>(tok_[run.back()].range.begin + bare(run.back()).size())};
    bool org = false;
    for (std::uint32_t t : name) org = org || (cls(t) & wc_org) != 0;
    bool place = name.size() == 1 && (cls(name.front()) & wc_place) != 0;
    // "in Karvo", "from Tesland": a single name after a preposition of place is a place.
    if (name.size() == 1 && run.size() == 1 && run.front() >= 2 && tok_[run.front() - 1].kind == token_kind::space &&
        is_word(run.front() - 2)) {
      const lowered p = lower(run.front() - 2);
      place = place || p == "in" || p == "at" || p == "from" || p == "to" || p == "near" || p == "into" ||
              p == "outside" || p == "across" || p == "around" || p == "toward" || p == "towards";
    }
    if (org || place || (name.size() == 1 && info_[name.front()].all_upper())) {
      add_org(surface(org ? run : name), mention);
      return;
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
    // Appositive roles: "X, a close ally and the Kremlin's investment envoy,"
    collect_appositive(run.back(), roles);
    std::vector<std::string>& words = name_words_;
    words.clear();
    for (std::uint32_t t : name) words.emplace_back(lower(t).view());
    add_person(words, surface(name), roles, mention);
  }

  std::string surface(std::span<const std::uint32_t> toks) const {
    std::string out;
    for (std::size_t k = 0; k < toks.size(); ++k) {
      const std::uint32_t t = toks[k];
      if (k > 0) {
        // Keep the text between tokens as it is, collapsed to one space.
        const std::uint32_t a = tok_[toks[k - 1]].range.end;
        const std::uint32_t b = tok_[t].range.begin;
        std::string_view gap = text_.substr(a, b - a);
        bool space = false;
        std::string glue;
        for (char ch : gap) {
          if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            space = true;
          } else {
            glue += ch;
          }
        }
        out += glue;
        if (space && (glue.empty() || glue.back() != '-')) out += ' ';
      }
      out += (k + 1 == toks.size()) ? std::string(bare(t)) : std::string(s(t));
    }
    return out;
  }

  void collect_appositive(std::uint32_t last, std::vector<std::string>& roles) const {
    std::uint32_t j = last + 1;
    if (j >= tok_.size() || s(j) != ",") return;
    for (std::uint32_t n = 0, k = j + 1; k < tok_.size() && n < 14; ++k) {
      if (tok_[k].kind == token_kind::space) continue;
      if (tok_[k].kind == token_kind::punctuation && s(k) != "-" && s(k) != ".") return;
      if (tok_[k].kind == token_kind::quotation_mark) return;
      if (is_word(k)) {
        if (n == 0 && (cls(k) & (wc_determiner | wc_title | wc_role | wc_demonym)) == 0 && !cap(k)) return;
        if ((cls(k) & (wc_title | wc_role | wc_demonym | wc_org | wc_place)) != 0) roles.emplace_back(lower(k).view());
        if ((cls(k) & (wc_verb | wc_cue)) != 0 && !cap(k) && (cls(k) & (wc_role | wc_title)) == 0) return;
      }
      ++n;
    }
  }

  static std::string normalise(std::string_view name) {
    std::string out;
    for (char ch : name) {
      const auto c = static_cast<unsigned char>(ch);
      out += static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    if (out.rfind("the ", 0) == 0) out.erase(0, 4);
    return out;
  }

  std::uint32_t add_org(const std::string& name, byte_range mention) {
    std::string n = name;
    if (n.rfind("The ", 0) == 0 || n.rfind("the ", 0) == 0) n.erase(0, 4);
    const std::string key = normalise(n);
    // An index rather than a scan of all entities keeps long documents linear.
    if (const auto found = orgs_by_key_.find(key); found != orgs_by_key_.end()) {
      known& k = ents_[found->second];
      add_mention(found->second, mention);
      k.last_seen = std::max(k.last_seen, mention.end);
      return found->second;
    }
    const auto index = static_cast<std::uint32_t>(ents_.size());
    orgs_by_key_.emplace(key, index);
    // Every suffix of whole words, for org_or_alias ("government of israel": "of israel",
    // "israel"); the first organisation holding it.
    for (std::size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1)) {
      org_suffixes_.emplace(key.substr(at + 1), index);
    }
    known& k = new_entity();
    k.name = n;
    k.kind = entity_kind::organisation;
    k.words.push_back(key);
    k.last_seen = mention.end;
    add_mention(index, mention);
    return index;
  }

  std::uint32_t add_person(const std::vector<std::string>& words, const std::string& surface_name,
                           const std::vector<std::string>& roles, byte_range mention) {
    // Match: same last word, and first names compatible.
    // (A single word may be a known person's first name only if it is not a surname anyway.)
    // The persons are indexed by last word, so that long documents stay linear.
    std::uint32_t match = npos;
    std::vector<std::uint32_t>& same_last = persons_by_last_[words.back()];
    for (const std::uint32_t i : same_last) {
      const known& k = ents_[i];
      if (words.size() == 1 || k.words.size() == 1 || k.words.front() == words.front()) {
        if (match == npos || ents_[i].last_seen > ents_[match].last_seen) match = i;
      }
    }
    if (match == npos) {
      known& k = new_entity();
      k.name = surface_name;
      k.kind = entity_kind::person;
      k.words = words;
      match = static_cast<std::uint32_t>(ents_.size() - 1);
      same_last.push_back(match);
    }
    known& k = ents_[match];
    if (words.size() > k.words.size()) {
      k.words = words;
      k.name = surface_name;
    }
    for (const std::string& r : roles) {
      if (std::find(k.roles.begin(), k.roles.end(), r) == k.roles.end()) {
        k.roles.push_back(r);
        std::vector<std::uint32_t>& holders = persons_by_role_[r];
        holders.insert(std::lower_bound(holders.begin(), holders.end(), match), match);
      }
    }
    add_mention(match, mention);
    k.last_seen = std::max(k.last_seen, mention.end);
    return match;
  }

  // ---- resolving a source mention ------------------------------------------------------------
  std::uint32_t resolve(std::uint32_t first, std::uint32_t end) {
    // Words of the mention.
    std::vector<std::uint32_t> words;
    for (std::uint32_t t = first; t < end; ++t) {
      if (tok_[t].kind == token_kind::punctuation && s(t) == "(" && !words.empty()) break;  // "X (R-S.C.)"
      if (is_word(t) || tok_[t].kind == token_kind::number) words.push_back(t);
    }
    if (words.empty()) return no_entity;
    const byte_range mention{tok_[first].range.begin, tok_[end - 1].range.end};
    if (words.size() == 1 && (cls(words[0]) & wc_pronoun) != 0 && (cls(words[0]) & wc_possessive) == 0) {
      return resolve_pronoun(words[0], mention);
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
        bare = bare && cap(u) && (cls(u) & (wc_title | wc_org | wc_determiner | wc_place | wc_demonym)) == 0;
        after.push_back(u);
      }
      if (bare && after.size() >= 2 && after.size() <= 4 && after.size() < words.size()) {
        return resolve_words(after, mention, true);
      }
      break;
    }
    // "Meenakshi Ganguly of Human Rights Watch", "Terry E. Branstad of Iowa": a name before
    // "of" is the person; what follows says where they are from.
    for (std::size_t k = 2; k + 1 < words.size(); ++k) {
      if (lower(words[k]) != "of") continue;
      bool name = true;
      std::size_t caps = 0;
      for (std::size_t j = 0; j < k && name; ++j) {
        const std::uint32_t c = cls(words[j]);
        if ((c & (wc_title | wc_determiner | wc_possessive)) != 0 && j + 2 < k) continue;  // "Gov.", "the"
        name = cap(words[j]) && (c & (wc_org | wc_role | wc_place | wc_demonym)) == 0;
        caps += name ? 1 : 0;
      }
      if (name && caps >= 2) {
        return resolve_words(std::vector<std::uint32_t>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k)),
                             mention, true);
      }
      break;
    }
    // Compound sources: "Lebanese president Joseph Aoun and prime minister Nawaf Salam".
    for (std::size_t k = 1; k + 1 < words.size(); ++k) {
      if (lower(words[k]) != "and") continue;
      const std::vector<std::uint32_t> left(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k));
      const std::vector<std::uint32_t> right(words.begin() + static_cast<std::ptrdiff_t>(k + 1), words.end());
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
      return static_cast<std::uint32_t>(ents_.size() - 1);
    }
    return resolve_words(words, mention, true);
  }

  std::uint32_t resolve_words(const std::vector<std::uint32_t>& words, byte_range mention, bool create) {
    std::size_t start = 0;
    while (start < words.size() && (cls(words[start]) & (wc_determiner | wc_possessive)) != 0 && !cap(words[start])) {
      ++start;
    }
    // "a source within the ministry", "officials at the embassy": the role noun heads it.
    for (std::size_t k = start; k + 1 < words.size(); ++k) {
      const lowered w = lower(words[k + 1]);
      if ((!cap(words[k]) || k == start) && (cls(words[k]) & wc_role) != 0 && (cls(words[k]) & wc_org) == 0 &&
          (w == "within" || w == "at" || w == "in" || w == "from" || w == "inside" || w == "close" || w == "familiar")) {
        return describe(std::vector<std::uint32_t>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k + 1)),
                        mention, create, true);
      }
    }
    // The name is the last run of capitalised words ("Tulsa police Chief Chuck Jordan"); "of"
    // and name particles join ("Secretary of State", "Bashar al-Assad").
    std::size_t run_begin = words.size();
    std::size_t run_end = words.size();
    for (std::size_t k = words.size(); k-- > start;) {
      const bool joiner = run_begin < words.size() && k + 1 == run_begin && !cap(words[k]) && k > start &&
                          cap(words[k - 1]) &&
                          (lower(words[k]) == "of" || std::find(kParticles.begin(), kParticles.end(), lower(words[k])) != kParticles.end());
      if (cap(words[k]) || joiner) {
        if (run_begin == words.size() || k + 1 == run_begin) {
          if (run_begin == words.size()) run_end = k + 1;
          run_begin = k;
          continue;
        }
      }
      if (run_begin < words.size()) break;
    }
    if (run_begin >= words.size()) return describe(words, mention, create);
    std::vector<std::uint32_t> run(words.begin() + static_cast<std::ptrdiff_t>(run_begin),
                                   words.begin() + static_cast<std::ptrdiff_t>(run_end));
    // Drop a sentence-initial "The".
    while (!run.empty() && (cls(run.front()) & wc_determiner) != 0 && (cls(run.front()) & wc_org) == 0) {
      run.erase(run.begin());
    }
    if (run.empty()) return describe(words, mention, create);
    const std::vector<std::uint32_t> rest(words.begin() + static_cast<std::ptrdiff_t>(start), words.end());
    // Words after the name: the name modifies a head noun ("the Trump campaign", "Trump's team").
    if (run_end < words.size() || possessive(run.back())) {
      // The head noun decides: "the Trump campaign" is an organisation, "a senior European
      // security official" a person described.
      const std::uint32_t head = words.back();
      if ((cls(head) & wc_org) != 0 && (cls(head) & (wc_role | wc_title)) == 0 && !plural(head)) {
        return org_or_alias(rest, mention);
      }
      if ((cls(head) & wc_org) != 0 && (cls(head) & wc_role) != 0 && !plural(head) &&
          (lower(head) == "campaign" || lower(head) == "administration" || lower(head) == "government" ||
           lower(head) == "ministry" || lower(head) == "military" || lower(head) == "army" ||
           lower(head) == "police" || lower(head) == "office" || lower(head) == "party" || lower(head) == "agency")) {
        return org_or_alias(rest, mention);
      }
      return describe(words, mention, create);
    }
    std::vector<std::string> roles;
    const std::size_t name_at = split_prefix(run, roles);
    const std::vector<std::uint32_t> name(run.begin() + static_cast<std::ptrdiff_t>(name_at), run.end());
    // Words before the name qualify it: titles, roles, places ("Ukrainian president", "Tulsa police").
    for (std::size_t k = start; k < run_begin; ++k) {
      if ((cls(words[k]) & (wc_title | wc_role | wc_demonym | wc_place | wc_org)) != 0) roles.emplace_back(lower(words[k]).view());
    }
    bool org = false;
    for (std::uint32_t t : name) org = org || (cls(t) & wc_org) != 0;
    const bool title_only = name.size() == 1 && (cls(name.front()) & (wc_title | wc_demonym)) != 0 &&
                            (cls(name.front()) & wc_place) == 0;
    const bool place = name.size() == 1 && (cls(name.front()) & wc_place) != 0;
    const bool acronym = name.size() == 1 && info_[name.front()].all_upper();
    if (title_only) return describe(words, mention, create);
    if (org || acronym) return org_or_alias(org ? std::vector<std::uint32_t>(words.begin() + static_cast<std::ptrdiff_t>(start), words.begin() + static_cast<std::ptrdiff_t>(run_end)) : name, mention);
    if (place) return org_or_alias(name, mention);
    std::vector<std::string> lw;
    for (std::uint32_t t : name) lw.emplace_back(lower(t).view());
    return add_person(lw, surface(name), roles, mention);
  }

  bool plural(std::uint32_t t) const {
    const lowered lw = lower(t);
    const std::string_view w = lw.view();
    return w.size() > 3 && w.back() == 's' && w.substr(w.size() - 2) != "ss" && w != "news" && w != "times" &&
           w != "press";
  }

  // Acronyms the text defines in brackets after a name whose capitalised words give its letters
  // ("the Palestinian Civil Defence (PCD)", "the Kurdish-led Syrian Democratic Forces (SDF)"):
  // the acronym and the tokens of the name. One pass over the tokens.
  void index_acronyms() {
    acronyms_.clear();
    acronym_names_.clear();
    for (std::uint32_t i = 0; i + 2 < tok_.size(); ++i) {
      if (tok_[i].kind != token_kind::punctuation || tok_[i].range.of(text_) != "(") continue;
      const std::uint32_t a = i + 1;
      if (!is_word(a) || !info_[a].all_upper() || tok_[a + 1].range.of(text_) != ")") continue;
      const std::string_view acr = tok_[a].range.of(text_);
      if (acr.size() < 2 || acr.size() > 6) continue;
      // The capitalised words before the bracket, right to left, with "of", "and", "for",
      // "the" between them.
      std::vector<std::uint32_t> caps;
      std::uint32_t k = i;
      while (k > 0 && caps.size() < acr.size() + 2) {
        --k;
        if (tok_[k].kind == token_kind::space) continue;
        if (!is_word(k)) break;
        const lowered lw = lower(k);
        if (info_[k].starts_upper()) {
          caps.push_back(k);
        } else if (!(lw.view() == "of" || lw.view() == "and" || lw.view() == "for" || lw.view() == "the")) {
          break;
        }
      }
      if (caps.size() < acr.size()) continue;
      // The last acr.size() capitalised words must give the letters.
      bool match = true;
      for (std::size_t n = 0; n < acr.size() && match; ++n) {
        const std::string_view w = tok_[caps[acr.size() - 1 - n]].range.of(text_);
        match = !w.empty() && (static_cast<unsigned char>(w[0]) & 0xDF) == (static_cast<unsigned char>(acr[n]) & 0xDF);
      }
      if (!match) continue;
      std::vector<std::uint32_t> name;
      for (std::uint32_t t = caps[acr.size() - 1]; t < i; ++t) {
        if (is_word(t)) name.push_back(t);
      }
      const std::string full = surface(name);
      acronym_names_.emplace(normalise(full), full);
      acronyms_.emplace(std::string(acr), std::move(name));
    }
  }

  std::uint32_t org_or_alias(const std::vector<std::uint32_t>& toks, byte_range mention) {
    std::vector<std::uint32_t> clean;
    for (std::uint32_t t : toks) {
      if (is_word(t) || tok_[t].kind == token_kind::number) clean.push_back(t);
    }
    if (clean.empty()) return no_entity;
    // An acronym given earlier in brackets ("the Palestinian Civil Defence (PCD)" and later
    // "the PCD"): the name it stands for.
    if (clean.size() == 1 && info_[clean.front()].all_upper()) {
      if (const auto found = acronyms_.find(std::string(tok_[clean.front()].range.of(text_))); found != acronyms_.end()) {
        clean = found->second;
      }
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
      if (const auto found = index.find(std::string(k)); found != index.end()) first = std::min(first, found->second);
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
      if (full.size() > ents_[first].name.size() && normalise(full).size() > normalise(ents_[first].name).size() &&
          !acronym_names_.contains(normalise(ents_[first].name))) {
        ents_[first].name = full;
      }
      return first;
    }
    return add_org(name, mention);
  }

  // An unnamed source: a description of a person in a role, an organisation, or an anonymous
  // source or group.
  std::uint32_t describe(const std::vector<std::uint32_t>& words, byte_range mention, bool create,
                         bool anonymous_head = false) {
    const lowered first = lower(words.front());
    // The head: the last role, title or organisation word.
    std::string head;
    std::uint32_t head_tok = npos;
    for (std::uint32_t t : words) {
      if ((cls(t) & (wc_role | wc_title | wc_org)) != 0 && !possessive(t)) {
        head = lower(t).view();
        head_tok = t;
      }
    }
    std::vector<std::string> qualifiers;
    for (std::uint32_t t : words) {
      if ((cls(t) & (wc_demonym | wc_place)) != 0) qualifiers.emplace_back(lower(t).view());
    }
    const bool definite = first == "the" || (cls(words.front()) & wc_possessive) != 0;
    const bool is_plural = head_tok != npos && plural(head_tok);
    // "the U.S. president", "the envoy": a person who holds that role.
    if (definite && !head.empty() && !is_plural) {
      std::uint32_t best = npos;
      std::uint32_t best_seen = 0;
      // The persons holding the role (an index rather than a scan of all entities).
      const auto holders = persons_by_role_.find(head);
      std::span<const std::uint32_t> candidates;
      if (holders != persons_by_role_.end()) candidates = holders->second;
      for (const std::uint32_t i : candidates) {
        const known& k = ents_[i];
        bool ok = true;
        for (const std::string& q : qualifiers) {
          ok = ok && std::find(k.roles.begin(), k.roles.end(), q) != k.roles.end();
        }
        if (!ok) continue;
        const std::uint32_t seen = last_before(k, mention.begin);
        if (best == npos || seen > best_seen) {
          best = i;
          best_seen = seen;
        }
      }
      if (best != npos) return best;
    }
    // An organisation word heads it: "the Kremlin", "the ministry", "the Israeli military".
    if (!anonymous_head && head_tok != npos && (cls(head_tok) & wc_org) != 0 && !is_plural) {
      std::vector<std::uint32_t> rest;
      for (std::uint32_t t : words) {
        if ((cls(t) & wc_determiner) == 0 || cap(t)) rest.push_back(t);
      }
      while (!rest.empty() && (cls(rest.front()) & wc_determiner) != 0) rest.erase(rest.begin());
      if (!rest.empty()) return org_or_alias(rest, mention);
    }
    // "the official", "the source": the latest anonymous source with that head.
    if (definite && !head.empty()) {
      index_unnamed();
      if (const auto found = unnamed_by_head_.find(head); found != unnamed_by_head_.end()) return found->second;
    }
    if (!create && head.empty()) return no_entity;
    known& k = new_entity();
    k.name = mention.of(text_);
    k.kind = is_plural || first == "both" || first == "all" || first == "several" || first == "many"
                 ? entity_kind::group
                 : entity_kind::anonymous;
    if (head.empty()) k.kind = entity_kind::group;
    k.head = head;
    k.plural = is_plural;
    return static_cast<std::uint32_t>(ents_.size() - 1);
  }

  // The entity named just before a relative pronoun ("Kall, co-editor of ..., who").
  std::uint32_t antecedent(std::uint32_t rel) {
    std::uint32_t end = rel;
    while (end > 0 && (tok_[end - 1].kind == token_kind::space || s(end - 1) == ",")) --end;
    std::uint32_t first = end;
    std::uint32_t n = 0;
    while (first > 0 && n < 8) {
      const std::uint32_t t = first - 1;
      if (tok_[t].kind == token_kind::space) {
        --first;
        continue;
      }
      if (!is_word(t) && s(t) != "." && s(t) != "-") break;
      if (is_word(t) && !cap(t) && (cls(t) & (wc_role | wc_title | wc_org | wc_demonym | wc_determiner)) == 0) break;
      --first;
      ++n;
    }
    while (first < end && tok_[first].kind == token_kind::space) ++first;
    if (first >= end) return no_entity;
    return resolve(first, end);
  }

  // Gender evidence: a gendered title in the mention ("Mrs.", "spokeswoman"), or the content
  // opening with a pronoun for the speaker ("Kowal said she had waited ...").
  void learn_gender(known& k, const attributed_quote& q) const {
    static constexpr std::array<std::string_view, 12> kFemale = {
        "mrs", "ms", "madam", "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "queen",
        "princess", "lady", "dame", "businesswoman"};
    static constexpr std::array<std::string_view, 10> kMale = {
        "mr", "sir", "spokesman", "chairman", "congressman", "councilman", "king", "prince", "lord", "businessman"};
    for (std::uint32_t t = q.source->first; t < q.source->end; ++t) {
      if (!is_word(t)) continue;
      const lowered w = lower(t);
      if (std::find(kFemale.begin(), kFemale.end(), w) != kFemale.end()) k.gender = 'f';
      if (std::find(kMale.begin(), kMale.end(), w) != kMale.end()) k.gender = 'm';
    }
    if (k.gender != 0 || q.spans.empty() || q.kind == quote_kind::direct) return;
    const std::uint32_t first = doc_.token_at(q.spans.front().begin);
    if (first >= tok_.size() || !is_word(first)) return;
    const lowered w = lower(first);
    if (w == "she" || w == "her") k.gender = 'f';
    if (w == "he" || w == "his") k.gender = 'm';
  }

  std::uint32_t resolve_pronoun(std::uint32_t t, byte_range mention) {
    const std::uint32_t c = cls(t);
    const auto para_of = [this](std::uint32_t byte) {
      return doc_.sentences()[doc_.sentence_of_token(doc_.token_at(byte))].paragraph;
    };
    const std::uint32_t para = para_of(mention.begin);
    const bool recent_speaker = last_speaker_ != npos && last_speaker_paragraph_ + 1 >= para;
    if ((c & (wc_he | wc_she)) != 0) {
      const char want = (c & wc_she) != 0 ? 'f' : 'm';
      const auto fits = [want](const known& k) {
        return k.kind == entity_kind::person && (k.gender == 0 || k.gender == want);
      };
      if (recent_speaker && fits(ents_[last_speaker_])) return last_speaker_;
      // The most recent speaker who fits, else the most recent person who does.
      const std::uint32_t speaker = most_recent(mention.begin, [&](const known& k) { return k.speaker && fits(k); });
      if (speaker != no_entity) return speaker;
      return most_recent(mention.begin, fits);
    }
    if ((c & (wc_they | wc_we)) != 0) {
      if (recent_speaker && ents_[last_speaker_].kind != entity_kind::person) return last_speaker_;
      return most_recent(mention.begin, [](const known& k) {
        return k.kind == entity_kind::group || k.kind == entity_kind::organisation || k.plural;
      });
    }
    if ((c & wc_it) != 0) {
      if (recent_speaker && ents_[last_speaker_].kind == entity_kind::organisation) return last_speaker_;
      return most_recent(mention.begin, [](const known& k) { return k.kind == entity_kind::organisation; });
    }
    return no_entity;
  }

  // End of the latest mention of k before byte `pos` (0 if none; later mentions count as 1).
  // (Through the sorted ends: a person mentioned thousands of times in a long document must not
  // make every description scan all their mentions.)
  static std::uint32_t last_before(const known& k, std::uint32_t pos) {
    std::uint32_t best = 0;
    if (const auto after = std::upper_bound(k.ends.begin(), k.ends.end(), pos); after != k.ends.begin()) {
      best = *std::prev(after);
    }
    return best == 0 && !k.mentions.empty() ? 1 : best;
  }

  // The entity that fits with the latest mention ending at or before `before`; of several
  // ending there, the first. Walks the mention ends back from `before` rather than all mentions.
  template <class Pred>
  std::uint32_t most_recent(std::uint32_t before, Pred pred) const {
    const std::pair<std::uint32_t, std::uint32_t> key{before, npos};
    const auto a = latest(scan_ends_, std::upper_bound(scan_ends_.begin(), scan_ends_.end(), key), pred);
    const auto b = latest(mention_ends_, mention_ends_.upper_bound(key), pred);
    if (!a) return b ? b->second : no_entity;
    if (!b) return a->second;
    if (a->first != b->first) return a->first > b->first ? a->second : b->second;
    return std::min(a->second, b->second);
  }

  // most_recent in one ordered sequence of (end, entity), searched back from `it`: that end and
  // entity, if any.
  template <class Ends, class Pred>
  std::optional<std::pair<std::uint32_t, std::uint32_t>> latest(const Ends& ends, typename Ends::const_iterator it,
                                                                Pred pred) const {
    while (it != ends.begin()) {
      --it;
      if (!pred(ents_[it->second])) continue;
      std::uint32_t best = it->second;
      const std::uint32_t end = it->first;
      while (it != ends.begin() && (--it)->first == end) {
        if (pred(ents_[it->second])) best = it->second;
      }
      return std::pair{end, best};
    }
    return std::nullopt;
  }

  // Brings unnamed_by_head_ up to the entities created since it was last used, wherever they were
  // created (an entity's kind and head never change): the latest anonymous source or group with
  // each head, as a scan of all entities from the last would find it.
  void index_unnamed() {
    for (; unnamed_indexed_ < ents_.size(); ++unnamed_indexed_) {
      const known& k = ents_[unnamed_indexed_];
      if (k.kind == entity_kind::anonymous || k.kind == entity_kind::group) {
        unnamed_by_head_[k.head] = static_cast<std::uint32_t>(unnamed_indexed_);
      }
    }
  }

  void add_mention(std::uint32_t e, byte_range mention) {
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

  const document& doc_;
  const std::vector<bool>& in_quote_;  // per token: inside a quotation's marks
  const std::vector<attributed_quote>& quotes_;
  resolver_pool& pool_;
  std::vector<known> ents_;  // (kept in pool_ between documents)
  // Persons by the last word of their name, organisations by normalised name (add_person and
  // add_org): the entities' indices, in order of creation.
  std::unordered_map<std::string, std::vector<std::uint32_t>> persons_by_last_;
  std::unordered_map<std::string, std::uint32_t> orgs_by_key_;
  std::unordered_map<std::string, std::uint32_t> org_suffixes_;  // whole-word suffixes of orgs' names
  // Persons by role or title word (indices in order), the latest unnamed source by head noun.
  std::unordered_map<std::string, std::vector<std::uint32_t>> persons_by_role_;
  std::unordered_map<std::string, std::uint32_t> unnamed_by_head_;  // (index_unnamed)
  std::size_t unnamed_indexed_ = 0;
  // (end, entity) of every mention, for most_recent: those of scan_names, sorted when it is done
  // (a vector: one allocation rather than one per mention), and those added later.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> scan_ends_;
  std::set<std::pair<std::uint32_t, std::uint32_t>> mention_ends_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> acronyms_;  // see index_acronyms
  std::unordered_map<std::string, std::string> acronym_names_;  // normalised expansion -> as written
  bool scanning_ = false;
  // Scratch vectors of scan_names, reused from one run of capitalised words to the next.
  std::vector<std::uint32_t> run_;
  std::vector<std::uint32_t> group_words_;
  std::vector<std::string> roles_;
  std::vector<std::string> name_words_;
  std::uint32_t last_speaker_ = npos;
  std::uint32_t last_speaker_pos_ = 0;
  std::uint32_t last_speaker_paragraph_ = 0;
};

}  // namespace

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

resolution resolve_speakers(const document& doc, const std::vector<token_info>& info,
                            const quotation_index& quotations, const std::vector<attributed_quote>& quotes) {
  thread_local resolver_pool pool;
  return resolver(doc, info, quotations, quotes, pool).run();
}

}  // namespace sayso::detail
