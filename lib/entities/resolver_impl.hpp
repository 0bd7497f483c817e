// Internal to lib/entities: the state of one document's speaker resolution, shared by the files
// that do its parts (resolver.cpp: the pass over the quotes; names.cpp: the names the text
// introduces; persons.cpp: the persons they name; mentions.cpp: what a source mention refers to;
// unnamed.cpp: unnamed sources; descriptions.cpp: descriptions around it that name it better;
// pronouns.cpp: pronouns and gender).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entities/resolver.hpp"
#include "entities/speaker_lexicon.hpp"
#include "quotes/quotation_index.hpp"
#include "text/lexicon.hpp"
#include "text/token_view.hpp"
#include "text/word_table.hpp"

namespace sayso::detail {

// A country's name from its key in speakers.toml ("united_states": "United States").
std::string country_name(std::string_view key);

inline constexpr std::array<std::string_view, 20> kParticles = {
    "al", "bin", "ibn", "de", "del", "da", "di", "du", "van", "von", "der", "den", "la", "le", "el", "dos",
    "los", "las", "della", "ben"};
// Their lengths and first letters, which let most words through without a comparison (the
// capitalised runs ask it of every lower-case word after a name).
inline constexpr auto kParticleScreen = [] {
  struct screen {
    std::size_t shortest = std::string_view::npos;
    std::size_t longest = 0;
    std::uint32_t first_letters = 0;  // bit c - 'a'
  } r;
  for (const std::string_view p : kParticles) {
    r.shortest = std::min(r.shortest, p.size());
    r.longest = std::max(r.longest, p.size());
    r.first_letters |= std::uint32_t{1} << (p.front() - 'a');
  }
  return r;
}();
inline bool is_particle(std::string_view w) {
  if (w.size() < kParticleScreen.shortest || w.size() > kParticleScreen.longest || w.front() < 'a' ||
      w.front() > 'z' || (kParticleScreen.first_letters & (std::uint32_t{1} << (w.front() - 'a'))) == 0) {
    return false;
  }
  return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
}

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
  // An organisation's ways of writing its name with one key ("the Israeli military", "the Israel
  // military"), with how often each is used (see name_form); empty while there is one.
  std::vector<std::pair<std::string, std::uint32_t>> forms;
  std::vector<std::uint32_t> members;  // a compound source's entities ("X and Y"), named by theirs
  bool titled = false;  // named once with a title or description ("Mrs. Holm", "spokesman X")
  bool second_the = false;  // a pair's second member written with "the" ("Ukraine and the West")

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
    forms.clear();
    members.clear();
    titled = false;
    second_the = false;
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
  std::vector<std::uint32_t> flags;
  std::vector<std::uint64_t> lowered;
  std::string lowered_text;
  // The resolver's indexes (see there), emptied for each document with their buffers kept.
  word_table<std::vector<std::uint32_t>> persons_by_last;
  word_table<std::vector<std::uint32_t>> persons_by_first;
  word_table<std::vector<std::uint32_t>> persons_by_inner;
  word_table<std::uint32_t> orgs_by_key;
  word_table<std::uint32_t> org_suffixes;
  word_table<std::vector<std::uint32_t>> orgs_by_head;
  word_table<std::vector<std::uint32_t>> persons_by_role;
  word_table<std::vector<std::uint32_t>> persons_by_country;
  word_table<std::vector<std::uint32_t>> unnamed_by_head;
  word_table<std::vector<std::uint32_t>> acronyms;
};


/// One document's resolution (resolve_speakers makes one per document). Not thread-safe; holds
/// references to the document, its features, quotations and quotes, which must outlive it, and
/// borrows the buffers of `pool` for its lifetime.
// (The token questions, s(), is_word(), cap() and cls(), are the shared token_view's.)
class resolver : private token_view {
 public:
  resolver(const document& doc, const std::vector<token_info>& info, const lexicon& words,
           const quotation_index& quotations, const std::vector<attributed_quote>& quotes, resolver_pool& pool)
      : token_view(doc, info), doc_(doc), words_(words), in_quote_(quotations.inner_tokens()), quotes_(quotes),
        pool_(pool) {
    ents_.swap(pool_.ents);
    ents_.clear();
    scan_ends_.swap(pool_.scan_ends);
    scan_ends_.clear();
    flags_.swap(pool_.flags);
    flags_.assign(tok_.size(), 0);
    lowered_.swap(pool_.lowered);
    lowered_.assign(tok_.size(), 0);
    lowered_text_.swap(pool_.lowered_text);
    lowered_text_.clear();
    // (Each token is lowered into it at most once, never longer than the token: it never grows,
    // so the views lower() gives stay valid.)
    lowered_text_.reserve(text_.size());
    persons_by_last_.clear();
    persons_by_first_.clear();
    persons_by_inner_.clear();
    orgs_by_key_.clear();
    org_suffixes_.clear();
    orgs_by_head_.clear();
    persons_by_role_.clear();
    persons_by_country_.clear();
    unnamed_by_head_.clear();
    acronyms_.clear();
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
    flags_.swap(pool_.flags);
    lowered_.swap(pool_.lowered);
    lowered_text_.swap(pool_.lowered_text);
  }

  resolution run();

 private:
  // A new entity at the end of ents_ (references into ents_ may move), with the buffers of a
  // spare one.
  known& new_entity() {
    if (pool_.spare.empty()) return ents_.emplace_back();
    ents_.push_back(std::move(pool_.spare.back()));
    pool_.spare.pop_back();
    return ents_.back();
  }
  // Token i lowered for comparison (see lowered), computed once per token: rules ask it of the
  // same words again and again. Valid while the resolver lives.
  std::string_view lower(std::uint32_t i) const {
    const std::uint64_t c = lowered_[i];
    if (c == 0) return lower_first(i);
    const std::size_t at = c >> 25;
    const std::size_t size = (c >> 2) & kLoweredMaxSize;
    return ((c & 2U) != 0 ? std::string_view(lowered_text_) : text_).substr(at, size);
  }
  std::string_view lower_first(std::uint32_t i) const {
    const std::string_view token = s(i);
    std::string_view v;
    bool same = true;  // v is the token's own text (no copy)
    const std::size_t size = token.size();
    // What lowered gives, without its buffer, for a token of at most 64 bytes without ’: the
    // token ASCII-lowered, less a possessive "'s" or "'".
    std::size_t n = size;
    if (n > 2 && token[n - 2] == '\'' && (token[n - 1] == 's' || token[n - 1] == 'S')) {
      n -= 2;
    } else if (n > 0 && token[n - 1] == '\'') {
      n -= 1;
    }
    // (Read without branches; the bytes after the first n, "'s" or "'", hold no ’.)
    bool e2 = false;
    bool upper = false;
    for (std::size_t k = 0; k < n; ++k) {
      const auto c = static_cast<unsigned char>(token[k]);
      e2 |= c == 0xE2;
      upper |= static_cast<unsigned char>(c - 'A') <= 'Z' - 'A';
    }
    if (size <= 64 && !e2) {
      same = !upper;
      if (same) {
        v = token.substr(0, n);
      } else {
        const std::size_t at = lowered_text_.size();
        lowered_text_.append(token.substr(0, n));
        char* out = lowered_text_.data() + at;
        for (std::size_t k = 0; k < n; ++k) {
          if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] + 32);
        }
        v = std::string_view(lowered_text_).substr(at, n);
      }
    } else {
      const lowered lw(token);
      v = lw;
      // (A key as long as the word itself, unchanged, is the word: no copy.)
      same = v.size() <= token.size() && token.compare(0, v.size(), v) == 0;
      if (same) {
        v = token.substr(0, v.size());
      } else {
        const std::size_t at = lowered_text_.size();
        lowered_text_.append(v);
        v = std::string_view(lowered_text_).substr(at, v.size());
      }
    }
    if (v.size() <= kLoweredMaxSize) {
      const std::uint64_t at = same ? tok_[i].range.begin : static_cast<std::uint64_t>(v.data() - lowered_text_.data());
      lowered_[i] = (at << 25) | (std::uint64_t{v.size()} << 2) | (same ? 0U : 2U) | 1U;
    }
    return v;
  }
  static constexpr std::uint64_t kLoweredMaxSize = (1U << 23) - 1;
  // The surface of a word without a possessive ending.
  std::string_view bare(std::uint32_t i) const {
    std::string_view t = s(i);
    if (t.size() > 4 && t.substr(t.size() - 4) == "\xE2\x80\x99s") return t.substr(0, t.size() - 4);
    if (t.size() > 2 && t.substr(t.size() - 2) == "'s") return t.substr(0, t.size() - 2);
    return t;
  }
  bool possessive(std::uint32_t i) const { return bare(i).size() != s(i).size(); }
  // document::sentence_of_token, remembering the last sentence found: the rules ask it of
  // neighbouring tokens, in the same sentence, again and again.
  std::uint32_t sentence_index(std::uint32_t t) const {
    const auto sentences = doc_.sentences();
    if (last_sentence_ < sentences.size() && t >= sentences[last_sentence_].first_token &&
        (last_sentence_ + 1 == sentences.size() || t < sentences[last_sentence_ + 1].first_token)) {
      return last_sentence_;
    }
    last_sentence_ = doc_.sentence_of_token(t);
    return last_sentence_;
  }
  const sentence& sentence_of(std::uint32_t t) const { return doc_.sentences()[sentence_index(t)]; }
  // The speaker lexicon's bits for token i's word (speaker_lexicon::flags), looked up once.
  std::uint32_t flags(std::uint32_t i) const {
    std::uint32_t& f = flags_[i];
    if (f == 0) f = static_cast<std::uint32_t>(lex_.flags(lower(i)) | kFlagsKnown);
    return f;
  }
  static constexpr std::uint32_t kFlagsKnown = 1U << 31;
  bool opener(std::uint32_t i) const { return (flags(i) & speaker_lexicon::f_opener) != 0; }
  // A capitalised word opening its sentence that is an adverb or a participle, not a name
  // ("Interestingly X said", "Injecting X into the race"): a word of no class, in -ly (nine
  // letters or more: not "Kimberly") or -ing (eight or more: not "Manning").
  bool fronted_word(std::uint32_t i) const {
    if (!is_word(i) || !cap(i) || cls(i) != 0 || (flags(i) & ~kFlagsKnown) != 0) return false;
    const std::string_view w = lower(i);
    if (!((w.size() >= 9 && w.ends_with("ly")) || (w.size() >= 8 && w.ends_with("ing")))) return false;
    return doc_.sentences()[doc_.sentence_of_token(i)].first_token == i;
  }
  bool is_document(std::uint32_t i) const { return (flags(i) & speaker_lexicon::f_document) != 0; }
  bool modifier(std::uint32_t i) const { return (flags(i) & speaker_lexicon::f_modifier) != 0; }
  bool month(std::uint32_t i) const { return (flags(i) & speaker_lexicon::f_month) != 0; }
  // A capitalised abbreviated title of the lexicon ("Col", "Gen", "Sen").
  bool abbreviated_title(std::uint32_t i) const {
    if (!cap(i) || (cls(i) & wc_title) == 0) return false;
    const std::string_view w = lower(i);
    return lex_.title(w).size() != w.size();
  }
  char gender_of(std::uint32_t i) const {
    const std::uint32_t f = flags(i);
    return (f & speaker_lexicon::f_female) != 0 ? 'f' : (f & speaker_lexicon::f_male) != 0 ? 'm' : 0;
  }
  char pronoun_gender_of(std::uint32_t i) const {
    const std::uint32_t f = flags(i);
    return (f & speaker_lexicon::f_she) != 0 ? 'f' : (f & speaker_lexicon::f_he) != 0 ? 'm' : 0;
  }

  // Each quote's speaker mention and cue as the analysis reports them (resolver.cpp).
  void floating_quotes(resolution& out) const;
  void named_after(resolution& out);
  // Per quote: the subject after an introductory phrase the source was read from, if any.
  std::vector<byte_range> introduced_;
  void index_unnamed();
  // The anonymous source or group with head noun `head` mentioned last before byte `before`
  // (none mentioned only after it), or npos.
  std::uint32_t latest_unnamed(std::string_view head, std::uint32_t before);
  std::uint32_t latest_unnamed(std::string_view head, byte_range mention);
  // Indexes entity e under a second head noun ("A group of men" under "men").
  void index_unnamed_as(std::uint32_t e, std::string_view head);
  void add_mention(std::uint32_t e, byte_range mention);
  // "“Q,” he said, according to a senior official": an unnamed carrier that is no quote's source
  // becomes an anonymous entity, which a later "the official said" refers back to (resolver.cpp).
  void find_carriers();
  void register_carriers(std::uint32_t before);
  struct carrier {
    std::uint32_t first, head_end, name_end;  // tokens: the phrase to its head noun, its full extent
  };
  std::vector<carrier> carriers_;  // in text order
  std::size_t carriers_done_ = 0;

  // ---- names.cpp: the people and organisations the text names ----
  std::uint32_t next_run_token(std::uint32_t i, std::uint32_t end) const;
  void register_group(const sentence& sent);
  std::uint32_t after_dateline(const sentence& sent) const;
  // The latest name register_run registered: its entity (npos if none) and first and last token.
  struct registration {
    std::uint32_t entity = npos;
    std::uint32_t first = 0;
    std::uint32_t last = 0;
  };
  registration registered_;
  std::uint32_t scan_resume_ = 0;  // scan_names goes on from here after a run (register_demonym_pair)
  void register_pair(const sentence& sent, const registration& a, const registration& b);
  std::uint32_t register_collective(const sentence& sent, std::uint32_t of);
  // "the Turkish and Russian foreign ministers": the two countries as a pair, which "the two
  // sides" may refer to. `first` is the first demonym; returns whether it registered one.
  bool register_demonym_pair(std::uint32_t first);
  std::uint32_t register_one_of(const sentence& sent, std::uint32_t of);
  // A plural role noun for people ("officials", "diplomats"; not "documents").
  bool person_role_plural(std::uint32_t t) const {
    return !is_document(t) && (cls(t) & wc_org) == 0;
  }
  void scan_names();
  // A paragraph in title case ("Senator Compares Rival To Past Leaders"): at the top of the text,
  // a headline, whose capitalised runs are no names (names.cpp).
  bool title_case(const paragraph& p) const;
  std::size_t split_prefix(std::span<const std::uint32_t> run, std::vector<std::string>& roles) const;
  void register_run(std::span<const std::uint32_t> run_in, bool sentence_start);
  // Whether a name starting at token `first` opens its clause: nothing but a conjunction, an
  // opener or an introductory phrase before it in its sentence, no preposition or verb.
  bool opens_clause(std::uint32_t first) const;
  // Whether a run is the end of an introductory phrase ("Like X, ...", "After meeting X, ...").
  bool introductory(std::span<const std::uint32_t> run) const;
  bool in_prose(std::span<const std::uint32_t> run) const;
  // Whether the name after a run's title prefix (run[name_at...]) is an organisation's: it holds
  // an organisation word ("Ministry", "Agency"), unless a person's title comes before it.
  bool organisation_name(std::span<const std::uint32_t> run, std::size_t name_at) const;
  // Whether a run naming an organisation or place qualifies a person after it ("Karvia's
  // president", "Hamas spokesman"), who may then be the sentence's subject.
  bool qualifier(std::span<const std::uint32_t> run) const;
  // An organisation word of english.toml, an acronym only in capitals ("UN", not "Un").
  bool org_word(std::uint32_t t) const;
  std::string surface(std::span<const std::uint32_t> toks) const;
  void collect_appositive(std::uint32_t last, std::vector<std::string>& roles) const;
  // An organisation's key: its name lower-cased, without "the", possessive endings, spelling
  // variants or the many ways of naming its country.
  std::string normalise(std::string_view name) const;
  std::uint32_t add_org(const std::string& name, byte_range mention);
  // Counts `form` as a way the text writes organisation e's name; the most used form (the first
  // of equals) is its canonical name.
  void name_form(std::uint32_t e, std::string_view form);
  // ---- persons.cpp ----
  // A person named by `words` (lower-cased), written as the tokens `name` (surface(), built only
  // for a new or fuller name).
  std::uint32_t add_person(const std::vector<std::string>& words, std::span<const std::uint32_t> name,
                           const std::vector<std::string>& roles, byte_range mention);
  // The known person a name's words refer to ("Ban" for "Ban Ki-moon", "De Domenico" for "Andrea
  // De Domenico"), or npos. Of several with that last word, the one mentioned last before byte
  // `at` ("Ilse Marrow" ... "Marrow said" ... later "her husband, Frank Marrow").
  std::uint32_t person_match(const std::vector<std::string>& words, std::uint32_t at) const;
  // An acronym qualifier of a description (a word of `words`) met by a person's words (roles.cpp).
  bool acronym_met(std::span<const std::uint32_t> words, std::string_view q, const known& k) const;
  void index_inner(std::uint32_t e, const std::vector<std::string>& words);
  // A name's words lower-cased, parts joined by a hyphen as one word ("Al-Ahnumi", "Ki-moon").
  void name_words(std::span<const std::uint32_t> name, std::vector<std::string>& out) const;
  // A lower-case part of a hyphenated given name after a short capitalised one ("Ki-moon",
  // "Jae-in"), which a run of capitalised words keeps.
  bool name_tail(std::uint32_t t) const;
  // ---- names.cpp ----
  bool plural(std::uint32_t t) const;
  // A capitalised title in the plural ("Presidents"), which titles the names after it.
  bool plural_title(std::uint32_t t) const;
  // ---- acronyms.cpp ----
  void index_acronyms();
  // The first of `words` (lower-cased) that the acronym's letters spell to the end, with the
  // demonyms and places before it; words.size() if none.
  std::size_t spelled_by(std::string_view acronym, std::span<const std::uint32_t> words) const;

  // ---- mentions.cpp: what a source mention refers to ----
  std::uint32_t resolve(std::uint32_t first, std::uint32_t end);
  std::uint32_t resolve_words(const std::vector<std::uint32_t>& words, byte_range mention, bool create);
  std::uint32_t org_or_alias(const std::vector<std::uint32_t>& toks, byte_range mention);
  // ---- organisations.cpp ----
  // Indexes organisation e by the head nouns of its key (orgs_by_head_).
  void index_org_heads(std::uint32_t e, std::string_view key, std::string_view name);
  // Indexes organisation e by the head noun of an appositive after its name's last token.
  void org_appositive(std::uint32_t e, std::uint32_t last);
  // Indexes organisation e by the noun of a description just before its name ("the state news
  // agency KNA", "the militant group Hamas").
  void org_descriptor(std::uint32_t e, std::uint32_t head);
  // The noun of a description just before a name ("the armed group X": "group"), or npos.
  std::uint32_t descriptor_before(std::uint32_t first) const;
  // The organisation a description names by its head noun (the last of `words`, lower-case
  // modifiers before it: "the health ministry"), the latest named before `mention`; or npos.
  std::uint32_t org_short_form(std::string_view key, byte_range mention);
  std::uint32_t org_by_head(std::span<const std::uint32_t> words, byte_range mention);
  // The body an epithet of the lexicon names ("the world body"), the latest the text named; or npos.
  std::uint32_t org_by_epithet(std::span<const std::uint32_t> words, byte_range mention);
  // ---- unnamed.cpp ----
  // An unnamed source: a role holder, an organisation, or an anonymous source or group named by
  // `named` (default: `words`), the fullest description; `words` may be its head part only.
  std::uint32_t describe(const std::vector<std::uint32_t>& words, byte_range mention, bool create,
                         bool anonymous_head = false, std::span<const std::uint32_t> named = {});
  // ---- mentions.cpp ----
  std::uint32_t antecedent(std::uint32_t rel);
  void trim_mention(std::vector<std::uint32_t>& words) const;
  // Where a source mention starts if the sentence opens with another source joined to it by
  // "and", which the attribution left out; else `first`.
  std::uint32_t coordinated_start(std::uint32_t first) const;
  // The name in apposition after a description that is a quote's source ("an army spokeswoman,
  // Lt. Col. Ilse Marrow, said", "according to the country's envoy, Pak Jong-su, who ..."), as
  // tokens [first, end); {npos, npos} if none.
  std::pair<std::uint32_t, std::uint32_t> appositive_name(const token_span& source) const;
  // The person a source the attribution cut qualifies: "X Y with|at|of|from|in [the] <body or
  // place>", "X Y, R-Tenn." (the source the last words), as tokens [first, end) of the name and
  // its titles; {npos, npos} if none.
  std::pair<std::uint32_t, std::uint32_t> person_before(const token_span& source) const;
  // The subject after an introductory phrase the attribution read as the source ("Speaking at the
  // conference, | Hadi", "Addressing the crowd, | the mayor"): its tokens, or (npos, npos).
  std::pair<std::uint32_t, std::uint32_t> after_introduction(const token_span& source) const;
  // Where a compound issuer starts when the source is its second member ("a statement released by
  // X and | the Y"); npos if not.
  std::uint32_t issuer_start(std::uint32_t first) const;
  // Who a source the attribution read stands for, from the words around it: the name a description
  // is in apposition to ("X, an organization that ..."), the sender of a document ("X sent a letter
  // to Y ..."), or the anonymous source whose description it ends ("one senior official traveling
  // with | Kerry"); the tokens [first, end) to resolve, or {npos, npos}.
  enum class context_kind { apposed, author, described };
  std::pair<std::uint32_t, std::uint32_t> source_context(const token_span& source, context_kind& kind) const;
  // An anonymous source's fullest description: the mention with the modifier after it up to the
  // cue or the end of the clause ("a person briefed on the meeting said", "said a source who had
  // seen the letter"), as the words' tokens.
  void full_description(const attributed_quote& q, std::vector<std::uint32_t>& words) const;
  // A description's name: its words as written, without a repeated phrase.
  std::string phrase_name(std::span<const std::uint32_t> words) const;
  bool is_time(const std::vector<std::uint32_t>& words, std::size_t k) const;
  // Whether the words are a proper name: capitalised words, numbers, "of", "the", "and", "for",
  // "on" and name particles ("Tesland's Defence Ministry", not "Supporters who heard ...").
  bool proper_name(std::span<const std::uint32_t> words) const;

  // ---- roles.cpp: the in-document role index ----
  static constexpr std::uint16_t npos16 = UINT16_MAX;
  // What scan_roles finds in a run of words: the keys (see roles.cpp), and the last role named
  // with its modifier.
  struct role_scan {
    std::vector<std::string> keys;
    std::uint16_t role = npos16;
    std::string_view modifier;  // a lowered word (lower())
    std::string_view head;       // the last title or role word before a complement, or empty
    std::size_t role_begin = 0;  // index of the role's first word
    std::size_t role_end = 0;    // index after its last word
    std::vector<std::string_view> views;
  };
  void lower_words(std::span<const std::uint32_t> toks, std::vector<std::string_view>& views) const;
  void scan_roles(std::span<const std::uint32_t> toks, role_scan& out) const;
  // Appends the keys of the titles, roles and qualifiers among `toks`.
  void role_keys(std::span<const std::uint32_t> toks, std::vector<std::string>& keys) const;
  // The words of a description just before a name ("Kremlin spokesman X", "Russia's foreign
  // minister X", "the French president, X"), in text order, into `words`; appends their bare title
  // words to `keys`. Without a title or role among them, none unless `titled` (the name has a
  // title of its own).
  void preceding_words(std::uint32_t first, bool titled, std::vector<std::string>& keys,
                       std::vector<std::uint32_t>& words) const;
  // A definite description with a complement before the comma at `comma` ("the UN envoy for the
  // region, X"): its head part's words into `words`, its keys appended to `keys`.
  void complement_description(std::uint32_t comma, std::vector<std::string>& keys,
                              std::vector<std::uint32_t>& words) const;
  // Appends the country of "of <country>" after a name ("President X of Kenya") to `roles`.
  void country_after(std::uint32_t last, std::vector<std::string>& roles) const;
  // "X met his Iranian counterpart, Y": Y holds X's roles, of the country the demonym names.
  void counterpart_roles(std::uint32_t first, std::vector<std::string>& roles) const;
  // A noun for a person's role: a title and role word of english.toml that names no organisation,
  // or a one-word role of the speaker lexicon.
  bool person_role(std::uint32_t t) const;
  // Whether the words name a country or a capital, whole ("Dominican Republic", "Kyiv").
  bool is_country(std::span<const std::uint32_t> name) const;
  // Whether a role phrase of the lexicon goes on past words[k] ("secretary | of state").
  bool role_spans(std::span<const std::uint32_t> words, std::size_t k) const;
  // The person a definite description names by its role (a role of the lexicon, else its head
  // word `head_tok`) and qualifiers, or npos.
  std::uint32_t role_holder(std::span<const std::uint32_t> words, std::uint32_t head_tok, byte_range mention);

  // ---- sources.cpp ----
  // Whether the quote's source is an abstract or metaphorical subject, which states nothing.
  bool not_a_source(const attributed_quote& q) const;

  // ---- pronouns.cpp ----
  void learn_gender(known& k, const attributed_quote& q) const;
  // Gender evidence at a name in the narration (the run of words naming person e, and the
  // description before it): a gendered title, or the first pronoun after it in its sentence.
  void gender_in_sentence(std::uint32_t e, std::span<const std::uint32_t> run, std::span<const std::uint32_t> described);
  // The entity a personal pronoun of word classes `c` refers to, or no_entity.
  std::uint32_t resolve_pronoun(std::uint32_t c, byte_range mention);
  bool object_in_content(const known& k, std::uint32_t before) const;
  // "his office", "her campaign", "their lawyers": the owner's body or aide (pronouns.cpp).
  std::uint32_t owned_by(std::uint32_t pronoun, std::uint32_t head, byte_range mention);
  std::uint32_t paragraph_of(std::uint32_t byte) const;
  // "he" or "she" (a person who `fits`), by recency, grammatical role and gender: paragraph by
  // paragraph back from the pronoun's (at most kPronounParagraphs back), the latest source of a
  // quote (the subject of a reporting clause) in it, else the latest subject of one of its
  // sentences (for "she", `want` 'f', women the text shows as such first); else no_entity.
  static constexpr std::uint32_t kPronounParagraphs = 3;
  // A person by the evidence of the text: a full name, or a title or description given with the
  // name; a capitalised word opening a sentence ("Smiling broadly, she ...") may be no one.
  static bool named(const known& k) { return k.words.size() >= 2 || k.titled; }
  // A source "he" or "she" may refer to: a person, or an anonymous source that is one ("a senior
  // official", "a resident of the camp"; not "the agreement" nor "two officials").
  // (Only one the text introduces as someone new, "a"/"an"/"one"/"another": a definite
  // description left unresolved, "the Republican nominee", is mostly someone named, whom the
  // pronoun means.)
  bool personal(const known& k) const {
    if (k.kind == entity_kind::person) return true;
    if (k.kind != entity_kind::anonymous || k.plural || k.head.empty() || lex_.document(k.head) ||
        (words_.classes(k.head) & wc_org) != 0) {
      return false;
    }
    const std::string_view n = k.name;
    const auto starts = [n](std::string_view w) {
      return n.size() > w.size() && n[w.size()] == ' ' &&
             std::equal(w.begin(), w.end(), n.begin(), [](char a, char b) { return a == (b | 0x20); });
    };
    return starts("a") || starts("an") || starts("one") || starts("another");
  }
  // A document or finding that spoke ("the agreement calls for", "the statement said"), which "it"
  // may refer to.
  bool document_source(const known& k) const {
    return k.kind != entity_kind::person && k.kind != entity_kind::organisation && !k.plural && !k.head.empty() &&
           lex_.document(k.head);
  }
  template <class Fits>
  std::uint32_t he_or_she(byte_range mention, std::uint32_t para, char want, Fits fits) const {
    using ends = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
    const auto before = [&mention](const ends& e) {
      return std::upper_bound(e.begin(), e.end(), std::pair<std::uint32_t, std::uint32_t>{mention.begin, npos});
    };
    auto speakers = before(speaker_ends_);
    auto subjects = before(subject_ends_);
    for (std::uint32_t p = para + 1; p-- > 0 && p + kPronounParagraphs >= para;) {
      // The paragraph's mentions of each list, latest first: the first that fits, and the first
      // whose gender the text shows.
      const auto take = [&](const ends& e, ends::const_iterator& it) {
        std::pair<std::uint32_t, std::uint32_t> found{no_entity, no_entity};
        while (it != e.begin() && paragraph_of(std::prev(it)->first - 1) >= p) {
          --it;
          const known& k = ents_[it->second];
          if (!fits(k) || !named(k)) continue;
          if (found.first == no_entity) found.first = it->second;
          if (found.second == no_entity && k.gender != 0) found.second = it->second;
        }
        return found;
      };
      const auto speaker = take(speaker_ends_, speakers);
      const auto subject = take(subject_ends_, subjects);
      // (A woman the text shows as one before a person of unknown gender, for "she": news names
      // more men, and shows women's gender more often.)
      if (want == 'f' && speaker.second != no_entity) return speaker.second;
      if (want == 'f' && subject.second != no_entity) return subject.second;
      if (speaker.first != no_entity) return speaker.first;
      if (subject.first != no_entity) return subject.first;
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

  const document& doc_;
  const lexicon& words_;  // the word classes of info_
  const speaker_lexicon& lex_ = speaker_lexicon::english();
  const std::vector<bool>& in_quote_;  // per token: inside a quotation's marks
  const std::vector<attributed_quote>& quotes_;
  resolver_pool& pool_;
  std::vector<known> ents_;  // (kept in pool_ between documents)
  // Persons by the last word of their name, organisations by normalised name (add_person and
  // add_org): the entities' indices, in order of creation.
  // (These indexes, and acronyms_, are pool_'s: a document's fills them anew.)
  word_table<std::vector<std::uint32_t>>& persons_by_last_ = pool_.persons_by_last;
  // Persons named by two words or more, by their first word (family name first: "Kim Jong Un").
  word_table<std::vector<std::uint32_t>>& persons_by_first_ = pool_.persons_by_first;
  // Persons by an inner surname (index_inner), for a surname alone that matches no other way.
  word_table<std::vector<std::uint32_t>>& persons_by_inner_ = pool_.persons_by_inner;
  word_table<std::uint32_t>& orgs_by_key_ = pool_.orgs_by_key;
  word_table<std::uint32_t>& org_suffixes_ = pool_.org_suffixes;  // whole-word suffixes of orgs' names
  // Organisations by the head nouns of their names and descriptions ("military" for "Israel's
  // military", "group" for "the Coastal Brigades, an armed group"), in order of creation.
  word_table<std::vector<std::uint32_t>>& orgs_by_head_ = pool_.orgs_by_head;
  // Bodies of the lexicon's [countries] by country id, as the text names them ("NATO", "the UN"),
  // for epithets ("the alliance", "the world body"); the first organisation of each.
  std::unordered_map<std::uint16_t, std::uint32_t> orgs_by_country_;
  // Persons by role or title word (indices in order), the latest unnamed source by head noun.
  word_table<std::vector<std::uint32_t>>& persons_by_role_ = pool_.persons_by_role;
  word_table<std::vector<std::uint32_t>>& persons_by_country_ = pool_.persons_by_country;  // by "@country" key
  // (index_unnamed; several per head, in order of creation: see latest_unnamed)
  word_table<std::vector<std::uint32_t>>& unnamed_by_head_ = pool_.unnamed_by_head;
  std::size_t unnamed_indexed_ = 0;
  // (end, entity) of every mention, for most_recent: those of scan_names, sorted when it is done
  // (a vector: one allocation rather than one per mention), and those added later.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> scan_ends_;
  std::set<std::pair<std::uint32_t, std::uint32_t>> mention_ends_;
  word_table<std::vector<std::uint32_t>>& acronyms_ = pool_.acronyms;  // see index_acronyms
  std::unordered_map<std::string, std::string> acronym_names_;  // normalised expansion -> as written
  bool scanning_ = false;
  // Persons' mentions as the subject of their sentence (scan_names) and as the source of a quote
  // (run), as (end, entity) in text order, for pronouns (pronouns.cpp).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> subject_ends_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> speaker_ends_;
  bool subject_open_ = false;  // no name registered yet in the sentence being scanned
  // Scratch vectors of scan_names, reused from one run of capitalised words to the next.
  std::vector<std::uint32_t> run_;
  std::vector<std::uint32_t> group_words_;
  std::vector<std::string> roles_;
  std::vector<std::string> name_words_;
  std::vector<std::uint32_t> scratch_bodies_;  // (org_by_head)
  mutable role_scan role_scan_;
  mutable std::uint32_t last_sentence_ = 0;   // see sentence_index()
  mutable std::vector<std::uint32_t> flags_;  // see flags(); kept in pool_ between documents
  mutable std::vector<std::uint64_t> lowered_;  // see lower(): 0, or where the lowered word is
  mutable std::string lowered_text_;            // the lowered words that are not the token itself
  mutable std::vector<std::string_view> scratch_views_;
  std::vector<std::string> scratch_words_;  // index_org_heads's words of a name
  std::vector<std::string> role_tries_;  // role_holder's role keys
  std::string title_;                    // add_person's spelled-out title
  mutable std::vector<std::uint32_t> preceding_;  // collect_appositive's words
  std::vector<std::uint32_t> described_;          // register_run's description before a name
  std::vector<std::uint32_t> description_;        // run's full_description
  std::uint32_t last_speaker_ = npos;
  std::uint32_t last_speaker_pos_ = 0;
  std::uint32_t last_speaker_paragraph_ = 0;
  bool last_speaker_according_ = false;  // the latest quote's source came after "according to"
  // The start of the quote's content when it comes before a pronoun source in its paragraph ("C,
  // he said"), else npos: a person C names after a verb is not who "he" is (pronouns.cpp).
  std::uint32_t content_before_ = npos;
  bool last_speaker_asked_ = false;  // the latest quote was a question ("a caller asked X"), whose answer is X's
};

}  // namespace sayso::detail
