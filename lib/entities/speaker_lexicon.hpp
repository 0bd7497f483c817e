// Internal: the speaker lexicon (lib/lexicons/speakers.toml): role phrases and their
// equivalences, countries with their demonyms and capitals, spelling variants, subjects that are
// not sources, and sentence openers.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/word_table.hpp"

namespace sayso::detail {

/// What the entity resolver knows about roles, countries and non-sources, loaded from TOML.
/// Thread safety: immutable after construction; safe for concurrent use. Look-ups take the
/// lower-cased words of the text (lookup_key: ASCII lowered, ’ read as '); a phrase look-up costs
/// one hash per word of the longest entry, and none allocates for words of up to 15 bytes.
class speaker_lexicon {
 public:
  /// A phrase found in a sequence of words: its entry's id and its length in words (0: none).
  struct match {
    std::uint16_t id = 0;
    std::uint16_t length = 0;
    explicit operator bool() const noexcept { return length != 0; }
  };

  speaker_lexicon() = default;
  speaker_lexicon(const speaker_lexicon&) = delete;
  speaker_lexicon& operator=(const speaker_lexicon&) = delete;

  /// The embedded default (lib/lexicons/speakers.toml), parsed once and shared.
  static const speaker_lexicon& english();
  /// Parses a lexicon in speakers.toml's format; throws sayso::error (errc::lexicon) naming
  /// `name` and the line.
  static std::unique_ptr<speaker_lexicon> parse(std::string_view toml, std::string_view name);
  /// The lexicon as bytes, and back (speaker_lexicon_blob.cpp): the build parses speakers.toml
  /// (sayso_lexgen) and the library embeds what save() writes, which english() loads (parsing
  /// the TOML was some 7 M instructions per process). load() throws std::runtime_error on bytes
  /// that save() did not write.
  [[nodiscard]] std::string save() const;
  static std::unique_ptr<speaker_lexicon> load(std::string_view bytes);

  /// The longest role phrase that starts at words[at] ("foreign minister", "top diplomat").
  [[nodiscard]] match role_at(std::span<const std::string_view> words, std::size_t at) const;
  /// The longest country form that starts at words[at] ("russia", "russian", "united states"),
  /// with `capitals` also a capital or seat of government ("moscow", "downing street").
  [[nodiscard]] match country_at(std::span<const std::string_view> words, std::size_t at, bool capitals) const;
  /// A role's key ("foreign_minister") and the roles a description naming it may refer to: the
  /// role itself first, then those of [broader].
  [[nodiscard]] std::string_view role_key(std::uint16_t role) const { return roles_[role].key; }
  [[nodiscard]] std::span<const std::uint16_t> covered(std::uint16_t role) const { return roles_[role].covers; }
  [[nodiscard]] std::string_view country_key(std::uint16_t country) const { return countries_[country]; }
  /// The longest epithet that starts at words[at] ("world body"), and the countries or blocs of
  /// [countries] that it may name (the United Nations).
  [[nodiscard]] match epithet_at(std::span<const std::string_view> words, std::size_t at) const {
    return longest(epithet_phrases_, epithet_words_, words, at);
  }
  [[nodiscard]] std::span<const std::uint16_t> epithet_targets(std::uint16_t epithet) const {
    return epithets_[epithet];
  }
  // What the single-word lists say of a word, as bits: one look-up answers them all.
  enum : std::uint32_t {
    f_modifier = 1U << 0,
    f_abstract = 1U << 1,
    f_finding = 1U << 2,
    f_document = 1U << 3,
    f_female = 1U << 4,
    f_male = 1U << 5,
    f_she = 1U << 6,
    f_he = 1U << 7,
    f_month = 1U << 8,
    f_opener = 1U << 9,
    f_role = 1U << 10,     // a role phrase of one word ("spokesman", "premier")
    f_country = 1U << 11,  // the first word of a country's or capital's form
    f_spell_out = 1U << 12,  // a country's abbreviation that names it in full ("u.s")
    f_unnamed_head = 1U << 13,  // a head noun news uses for unnamed sources ("official", "source")
    f_collective = 1U << 14,    // a noun for a group of people ("a group of men", "a crowd of")
    f_org_noun = 1U << 15,      // an organisation's noun beyond english.toml's ("programme")
    f_issued = 1U << 16,        // a document an issuer puts out in its own voice ("statement")
    f_generic = 1U << 17,       // a generic noun after an organisation's name ("the Hamas movement")
    f_descriptor = 1U << 18,    // describes a person before a name, no part of it ("Rival X")
    f_generic_mod = 1U << 19,   // a noun between a name and its generic noun ("news agency")
    f_credit = 1U << 20,        // a photo credit's word a name may follow ("AP Photo X")
    f_owned = 1U << 21,         // a body or aide named by its owner's pronoun ("his office")
  };
  /// The bits of a lower-cased word (0 if no list holds it).
  [[nodiscard]] std::uint32_t flags(std::string_view word) const {
    const std::uint64_t h = word_hash(word);
    if (!flag_filter_.may_hold(h)) return 0;  // most words of a text are in no list
    const std::uint32_t* found = flags_.find(word, h);
    return found == nullptr ? 0 : *found;
  }
  /// A word that makes another role of the role after it ("deputy", "former").
  [[nodiscard]] bool distinct_modifier(std::string_view word) const { return (flags(word) & f_modifier) != 0; }
  /// The spelling a word is matched under ("defence" -> "defense"), or the word itself.
  [[nodiscard]] std::string_view spelling(std::string_view word) const;
  /// Head nouns an organisation's description may use for its head noun ("army" for "forces").
  [[nodiscard]] std::span<const std::string> head_synonyms(std::string_view head) const {
    const std::vector<std::string>* found = head_synonyms_.find(head);
    return found == nullptr ? std::span<const std::string>() : std::span<const std::string>(*found);
  }
  /// The length of the shortest word flagged f_org_noun (a cheap test before the look-up).
  [[nodiscard]] std::size_t shortest_org_noun() const noexcept { return shortest_org_noun_; }
  /// The title an abbreviated title stands for ("gen" -> "general"), or the word itself.
  [[nodiscard]] std::string_view title(std::string_view word) const {
    const std::string* found = titles_.find(word);
    return found == nullptr ? word : std::string_view(*found);
  }
  /// A head noun that is never a source ("history", "choreography").
  [[nodiscard]] bool abstract_subject(std::string_view word) const { return (flags(word) & f_abstract) != 0; }
  /// A head noun that is a source only with its issuer or after "according to" ("data").
  [[nodiscard]] bool bare_finding(std::string_view word) const { return (flags(word) & f_finding) != 0; }
  /// A noun for a document, a finding or a channel ("report", "poll"), never a person's role.
  [[nodiscard]] bool document(std::string_view word) const { return (flags(word) & f_document) != 0; }
  /// The gender a title or role noun shows ('f', 'm'), or 0.
  [[nodiscard]] char gender(std::string_view word) const {
    const std::uint32_t f = flags(word);
    return (f & f_female) != 0 ? 'f' : (f & f_male) != 0 ? 'm' : 0;
  }
  /// The gender a personal pronoun or possessive shows ('f', 'm'), or 0.
  [[nodiscard]] char pronoun_gender(std::string_view word) const {
    const std::uint32_t f = flags(word);
    return (f & f_she) != 0 ? 'f' : (f & f_he) != 0 ? 'm' : 0;
  }
  /// A month's name ("may", "june"), which may also end a person's name.
  [[nodiscard]] bool month(std::string_view word) const { return (flags(word) & f_month) != 0; }
  /// A sentence adverb or connective that never starts a name ("however", "meanwhile").
  [[nodiscard]] bool opener(std::string_view word) const { return (flags(word) & f_opener) != 0; }

 private:
  // A phrase or the beginning of one: `id` if it is a whole phrase, `continues` if a longer
  // phrase starts with it (so that a look-up stops at the first word that begins none).
  struct phrase_entry {
    std::uint16_t id = 0;
    bool whole = false;
    bool continues = false;
  };
  using phrase_map = word_table<phrase_entry>;
  // Adds a phrase (its words joined by spaces) and its beginnings; false if already there.
  static bool add_phrase(phrase_map& phrases, const std::string& phrase, std::uint16_t id);
  struct role_entry {
    std::string key;
    std::vector<std::uint16_t> covers;
  };
  static match longest(const phrase_map& phrases, std::size_t max_words, std::span<const std::string_view> words,
                       std::size_t at);

  std::vector<role_entry> roles_;
  phrase_map role_phrases_;  // "foreign minister" -> role
  std::size_t role_words_ = 0;  // words of the longest role phrase
  std::vector<std::string> countries_;
  phrase_map country_forms_;
  std::size_t country_words_ = 0;
  phrase_map epithet_phrases_;
  std::size_t epithet_words_ = 0;
  std::vector<std::vector<std::uint16_t>> epithets_;
  phrase_map capital_forms_;
  std::size_t capital_words_ = 0;
  std::vector<std::pair<std::string, std::string>> spellings_;  // (variant, spelling): a handful
  word_table<std::uint32_t> flags_;
  word_filter flag_filter_;  // the hashes of flags_'s words
  word_table<std::string> titles_;  // "gen" -> "general"
  std::size_t shortest_org_noun_ = SIZE_MAX;
  word_table<std::vector<std::string>> head_synonyms_;
};

}  // namespace sayso::detail
