// Internal: the word lexicon (word classes and reporting cues) and per-token features.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <sayso/text.hpp>

namespace sayso::detail {

/// Word classes, as bits (a word may have several).
enum word_class : std::uint32_t {
  wc_determiner = 1u << 0,
  wc_he = 1u << 1,
  wc_she = 1u << 2,
  wc_they = 1u << 3,
  wc_we = 1u << 4,
  wc_i = 1u << 5,
  wc_it = 1u << 6,
  wc_you = 1u << 7,
  wc_possessive = 1u << 8,
  wc_relative = 1u << 9,
  wc_complementizer = 1u << 10,
  wc_negation = 1u << 11,
  wc_auxiliary = 1u << 12,
  wc_conjunction = 1u << 13,
  wc_preposition = 1u << 14,
  wc_title = 1u << 15,
  wc_role = 1u << 16,
  wc_org = 1u << 17,
  wc_demonym = 1u << 18,
  wc_place = 1u << 19,
  wc_time = 1u << 20,
  wc_medium = 1u << 21,
  wc_verb = 1u << 22,
  wc_cue = 1u << 23,     // the first word of a reporting verb cue
  wc_phrase = 1u << 24,  // the first word of a cue phrase ("according to", "in the words of")
  wc_modal = 1u << 25,         // "will", "would", "can": a modal verb (also listed as auxiliary)
  wc_subordinator = 1u << 26,  // "after", "because", "while": opens a subordinate clause
  wc_number = 1u << 27,        // "one" … "ten": a number word
  wc_connective = 1u << 28,    // "rather", "however", "still": links a sentence to the one before
  wc_pronoun = wc_he | wc_she | wc_they | wc_we | wc_i | wc_it | wc_you,
};

/// How a cue's content is found.
enum class cue_type : std::uint8_t {
  speech,      // that-clause, quotation, colon; may follow its content
  evidential,  // like speech, but only with a that-clause or quotation ("the poll shows that")
  quoting,     // content must hold a quotation ("called it “rigged”"); may follow a quotation
  belief,     // like speech, but an internal state
  act,        // noun phrase or infinitive complement
  according,  // "according to X": the source follows
};

/// Properties of a cue's verb, given by lemma in the lexicon's [cue_flags].
enum cue_flag : std::uint16_t {
  cf_addressee = 1u << 0,      // its first object is who is told ("told reporters that …")
  cf_noun = 1u << 1,           // also a common noun ("the report", "a call for calm")
  cf_finding = 1u << 2,        // a study or record reports a finding (", the poll shows.")
  cf_belief_as = 1u << 3,      // frames a belief with "as" ("views the plan as a trap")
  cf_belief_object = 1u << 4,  // frames a belief with an object ("wants the talks to fail")
  cf_naming = 1u << 5,         // names its object ("called him a liar")
  cf_describing = 1u << 6,     // describes its object as something ("described it as useful")
  cf_question = 1u << 7,       // its content may be a question ("asked whether …")
  cf_gerund = 1u << 8,         // may take a gerund for content ("described witnessing …")
  cf_of_topic = 1u << 9,       // "of" after it names a topic ("said of the rebels")
  cf_saying = 1u << 10,        // a plain verb of saying ("the businessman says")
  cf_saying_relative = 1u << 11,  // follows a subject with a relative clause ("people who … say")
  cf_finding_object = 1u << 12,   // states a finding as its object ("polls show a close contest")
};

struct cue_entry {
  std::vector<std::string> words;  // lower-case tokens of the form ("call", "for")
  std::uint16_t lemma = 0;         // index into lexicon::lemmas()
  std::uint16_t flags = 0;         // cue_flag bits of the lemma
  cue_type type = cue_type::speech;
  bool base_form = false;          // "say", "call for": may be imperative or infinitive
  bool participle = false;         // "-ing" form ("saying", "adding")
  bool past_participle = false;    // may be passive ("was described", "were told")
};

/// A context veto from the lexicon's [[vetoes]]: a cue in these surroundings is not a report
/// ("the report", "refused to say"). Compiled from its pattern when the lexicon is parsed.
struct cue_veto {
  /// One token of the pattern: a word of `words` or of the classes `classes` (but none of
  /// `except`), a punctuation mark of `marks`, a sentence end, or any token.
  struct element {
    std::vector<std::string> words;
    std::vector<std::string> except;
    std::vector<std::string> marks;
    std::uint32_t classes = 0;
    bool end = false;
    bool any = false;
  };
  /// Forms of the cue a veto applies to (bits; all must hold).
  enum form : std::uint8_t {
    one_word = 1u << 0,
    base = 1u << 1,             // the lemma's own form ("say")
    participle = 1u << 2,       // a one-word "-ing" form
    plural = 1u << 3,           // a one-word form in -s of more than three letters, not the base
    not_past_participle = 1u << 4,
  };
  std::string name;
  std::vector<element> before;  // the tokens before the cue, nearest first
  std::vector<element> after;   // the tokens after the cue, nearest first
  std::uint8_t forms = 0;
  std::uint8_t unless_types = 0;   // bits (1 << cue_type): cue types it does not apply to
  std::uint16_t unless_flags = 0;  // cue_flag bits: cues with any of them are exempt
};

/// Word classes and cues, loaded from TOML (the embedded default, or a user's file).
/// Thread safety: immutable after construction; safe for concurrent use.
class lexicon {
 public:
  lexicon() = default;
  // Not copyable: the look-up index points into the lexicon's own words.
  lexicon(const lexicon&) = delete;
  lexicon& operator=(const lexicon&) = delete;
  /// The embedded default English lexicon (built once, shared).
  static const lexicon& english();
  /// Parses a lexicon in english.toml's format; throws sayso::error naming `name` and line.
  static std::unique_ptr<lexicon> parse(std::string_view toml, std::string_view name);
  /// The lexicon as bytes, and a lexicon read back from them (lexicon_blob.cpp): english() reads
  /// the bytes sayso_lexgen wrote from english.toml at build time (no TOML parse at run time).
  [[nodiscard]] std::string save() const;
  static std::unique_ptr<lexicon> load(std::string_view bytes);

  /// Classes of a lower-cased word (0 if unknown).
  [[nodiscard]] std::uint32_t classes(std::string_view lower) const noexcept;
  /// Classes of a token as it is written: the same as classes(lookup_key(token)), without
  /// building the key when the token is plain ASCII.
  [[nodiscard]] std::uint32_t token_classes(std::string_view token) const noexcept;
  /// Party (country, bloc or armed group) a lower-cased word names: 0 for none, else an id.
  [[nodiscard]] std::uint16_t party(std::string_view lower) const noexcept;
  /// Cue entries whose first word is `lower` (longest first).
  [[nodiscard]] std::span<const std::uint32_t> cues_starting(std::string_view lower) const noexcept;
  [[nodiscard]] const cue_entry& cue(std::uint32_t i) const noexcept { return cues_[i]; }
  [[nodiscard]] const std::vector<std::string>& lemmas() const noexcept { return lemmas_; }
  [[nodiscard]] const std::vector<cue_veto>& vetoes() const noexcept { return vetoes_; }

 private:
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  struct entry {
    std::uint32_t classes = 0;
    std::uint16_t party = 0;
    std::vector<std::uint32_t> cues;  // longest form first
  };
  entry& at(std::string_view lower);
  // Look-ups go through index_, an open-addressing table over words_ (the lexicon is consulted
  // for nearly every token); words_ only builds the lexicon. A key's first 16 bytes are kept in
  // its slot as two words, so that a look-up hashes and compares words rather than bytes; and a
  // byte of each slot's hash in tags_ (4 KiB for the English lexicon, where the slots take
  // 128 KiB) settles most look-ups of words the lexicon does not hold without touching a slot.
  struct packed_key {
    std::uint64_t lo = 0;  // bytes 0-7, little-endian, zero beyond the key
    std::uint64_t hi = 0;  // bytes 8-15
    std::uint32_t size = 0;
  };
  static std::uint64_t hash(const packed_key& k) noexcept;
  [[nodiscard]] const entry* find(std::string_view lower) const noexcept;
  [[nodiscard]] const entry* find(const packed_key& k, std::string_view lower) const noexcept;
  void build_index();
  struct slot {
    std::uint64_t lo = 0;
    std::uint64_t hi = 0;
    const std::pair<const std::string, entry>* word = nullptr;  // in words_, whose nodes never move
    std::uint32_t size = 0;
    std::uint32_t classes = 0;  // word->second.classes, kept here: a token's look-up reads one line
  };
  // The slot of a key (index_ not empty), or null.
  [[nodiscard]] const slot* find_slot(const packed_key& k, std::string_view lower) const noexcept;

  std::unordered_map<std::string, entry, string_hash, std::equal_to<>> words_;
  std::vector<slot> index_;  // power-of-two size, at most half full; empty: use words_
  std::vector<std::uint8_t> tags_;  // per slot: 0 if empty, else a byte of the key's hash
  std::vector<cue_entry> cues_;
  std::vector<std::string> lemmas_;
  std::vector<cue_veto> vetoes_;
};

/// Lower-cases a token for lexicon lookup: ASCII letters lowered, ’ read as '. Returns a view
/// into `buffer` (or empty if the token is longer than the buffer).
std::string_view lookup_key(std::string_view token, std::span<char> buffer) noexcept;

/// Per-token features used by the later stages.
struct token_info {
  std::uint32_t classes = 0;
  std::uint8_t caps = 0;  // bit 0: starts upper case; bit 1: all letters upper case
  // The first byte of a word's lookup_key (ASCII lowered), so that token_view::lower_is rejects
  // most words without reading their text: 0 for a token that is no word, kAnyFirst for a word
  // that starts with ’ (whose key starts with ').
  std::uint8_t first = 0;
  static constexpr std::uint8_t kAnyFirst = 0xFF;
  bool starts_upper() const noexcept { return (caps & 1u) != 0; }
  bool all_upper() const noexcept { return (caps & 2u) != 0; }
};

/// Computes features for every token of `doc`.
void compute_features(const document& doc, const lexicon& lex, std::vector<token_info>& out);

}  // namespace sayso::detail
