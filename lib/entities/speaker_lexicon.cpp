#include "entities/speaker_lexicon.hpp"

#include <array>
#include <sstream>
#include <unordered_map>

#include <toml++/toml.h>

#include <sayso/error.hpp>

namespace sayso::detail {

// generated from lexicons/speakers.toml, read at build time by sayso_lexgen (lib/stance/lexgen.cpp)
extern const std::string_view speaker_lexicon_compiled;

namespace {

[[noreturn]] void fail(std::string_view name, const toml::source_region& where, const std::string& what) {
  std::ostringstream msg;
  msg << name << ':' << where.begin.line << ": " << what;
  throw error(errc::lexicon, msg.str());
}

// The words of an entry, split at spaces and hyphens (the text's punctuation between words is
// not matched), joined by single spaces.
std::string phrase_key(std::string_view entry, std::size_t& words) {
  std::string out;
  words = 0;
  std::size_t i = 0;
  while (i < entry.size()) {
    while (i < entry.size() && (entry[i] == ' ' || entry[i] == '-')) ++i;
    std::size_t j = i;
    while (j < entry.size() && entry[j] != ' ' && entry[j] != '-') ++j;
    if (j > i) {
      if (!out.empty()) out += ' ';
      out.append(entry.substr(i, j - i));
      ++words;
    }
    i = j;
  }
  return out;
}

// The strings of `node` (an array of strings), each checked.
template <class Each>
void for_each_string(std::string_view name, const toml::node& node, std::string_view what, Each each) {
  const toml::array* list = node.as_array();
  if (list == nullptr) fail(name, node.source(), std::string(what) + " must be an array of strings");
  for (const toml::node& item : *list) {
    const auto* str = item.as_string();
    if (str == nullptr || str->get().empty()) fail(name, item.source(), std::string(what) + ": not a non-empty string");
    for (const char ch : str->get()) {
      if (ch >= 'A' && ch <= 'Z') fail(name, item.source(), std::string(what) + ": \"" + str->get() + "\" is not lower case");
    }
    each(str->get(), item);
  }
}

const toml::table* table_of(std::string_view name, const toml::table& root, std::string_view key) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return nullptr;
  const toml::table* table = node->as_table();
  if (table == nullptr) fail(name, node->source(), "[" + std::string(key) + "] must be a table");
  return table;
}

}  // namespace

speaker_lexicon::match speaker_lexicon::longest(const phrase_map& phrases, std::size_t max_words,
                                                std::span<const std::string_view> words, std::size_t at) {
  match best;
  std::array<char, 160> buffer{};
  std::size_t size = 0;
  for (std::size_t n = 0; n < max_words && at + n < words.size(); ++n) {
    const std::string_view w = words[at + n];
    if (w.empty() || size + w.size() + 1 > buffer.size()) break;
    if (n > 0) buffer[size++] = ' ';
    w.copy(buffer.data() + size, w.size());
    size += w.size();
    const phrase_entry* found = phrases.find(std::string_view(buffer.data(), size));
    if (found == nullptr) break;
    if (found->whole) best = {found->id, static_cast<std::uint16_t>(n + 1)};
    if (!found->continues) break;
  }
  return best;
}

bool speaker_lexicon::add_phrase(phrase_map& phrases, const std::string& phrase, std::uint16_t id) {
  phrase_entry& whole = phrases[phrase];
  if (whole.whole) return false;
  whole.whole = true;
  whole.id = id;
  for (std::size_t at = phrase.find(' '); at != std::string::npos; at = phrase.find(' ', at + 1)) {
    phrases[phrase.substr(0, at)].continues = true;
  }
  return true;
}

speaker_lexicon::match speaker_lexicon::role_at(std::span<const std::string_view> words, std::size_t at) const {
  return longest(role_phrases_, role_words_, words, at);
}

speaker_lexicon::match speaker_lexicon::country_at(std::span<const std::string_view> words, std::size_t at,
                                                   bool capitals) const {
  const match country = longest(country_forms_, country_words_, words, at);
  if (!capitals) return country;
  const match capital = longest(capital_forms_, capital_words_, words, at);
  return capital.length > country.length ? capital : country;
}

std::string_view speaker_lexicon::spelling(std::string_view word) const {
  for (const auto& [variant, spelling] : spellings_) {
    if (variant == word) return spelling;
  }
  return word;
}

std::unique_ptr<speaker_lexicon> speaker_lexicon::parse(std::string_view text, std::string_view name) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    fail(name, e.source(), std::string(e.description()));
  }
  auto lex = std::make_unique<speaker_lexicon>();
  std::unordered_map<std::string, std::uint16_t> role_ids;
  if (const toml::table* roles = table_of(name, root, "roles")) {
    for (const auto& [key, node] : *roles) {
      const auto id = static_cast<std::uint16_t>(lex->roles_.size());
      lex->roles_.push_back({std::string(key.str()), {id}});
      role_ids.emplace(std::string(key.str()), id);
      for_each_string(name, node, "role " + std::string(key.str()), [&](const std::string& entry, const toml::node& item) {
        std::size_t words = 0;
        const std::string phrase = phrase_key(entry, words);
        if (words == 1) lex->flags_[phrase] |= f_role;
        if (!add_phrase(lex->role_phrases_, phrase, id)) {
          fail(name, item.source(), "role phrase \"" + entry + "\" is listed twice");
        }
        lex->role_words_ = std::max(lex->role_words_, words);
      });
    }
  }
  if (const toml::table* broader = table_of(name, root, "broader")) {
    for (const auto& [key, node] : *broader) {
      const auto self = role_ids.find(std::string(key.str()));
      if (self == role_ids.end()) fail(name, node.source(), "[broader] names an unknown role: " + std::string(key.str()));
      for_each_string(name, node, "broader " + std::string(key.str()), [&](const std::string& entry, const toml::node& item) {
        const auto other = role_ids.find(entry);
        if (other == role_ids.end()) fail(name, item.source(), "[broader] lists an unknown role: " + entry);
        lex->roles_[self->second].covers.push_back(other->second);
      });
    }
  }
  if (const toml::table* countries = table_of(name, root, "countries")) {
    for (const auto& [key, node] : *countries) {
      const auto id = static_cast<std::uint16_t>(lex->countries_.size());
      lex->countries_.emplace_back(key.str());
      for_each_string(name, node, "country " + std::string(key.str()), [&](const std::string& entry, const toml::node& item) {
        std::size_t words = 0;
        const std::string form = phrase_key(entry, words);
        lex->flags_[form.substr(0, form.find(' '))] |= f_country;
        if (!add_phrase(lex->country_forms_, form, id)) {
          fail(name, item.source(), "country form \"" + entry + "\" is listed twice");
        }
        lex->country_words_ = std::max(lex->country_words_, words);
      });
    }
  }
  if (const toml::table* capitals = table_of(name, root, "capitals")) {
    std::unordered_map<std::string_view, std::uint16_t> ids;
    for (std::uint16_t i = 0; i < lex->countries_.size(); ++i) ids.emplace(lex->countries_[i], i);
    for (const auto& [key, node] : *capitals) {
      const auto* country = node.as_string();
      if (country == nullptr) fail(name, node.source(), "capital " + std::string(key.str()) + ": not a string");
      const auto id = ids.find(country->get());
      if (id == ids.end()) fail(name, node.source(), "capital " + std::string(key.str()) + ": unknown country " + country->get());
      std::size_t words = 0;
      const std::string form = phrase_key(key.str(), words);
      lex->flags_[form.substr(0, form.find(' '))] |= f_country;
      if (!add_phrase(lex->capital_forms_, form, id->second)) {
        fail(name, node.source(), "capital \"" + std::string(key.str()) + "\" is listed twice");
      }
      lex->capital_words_ = std::max(lex->capital_words_, words);
    }
  }
  if (const toml::table* epithets = table_of(name, root, "epithets")) {
    std::unordered_map<std::string_view, std::uint16_t> ids;
    for (std::uint16_t i = 0; i < lex->countries_.size(); ++i) ids.emplace(lex->countries_[i], i);
    for (const auto& [key, node] : *epithets) {
      const auto id = static_cast<std::uint16_t>(lex->epithets_.size());
      std::vector<std::uint16_t>& targets = lex->epithets_.emplace_back();
      // A copy of the key: Clang 14 cannot capture a structured binding in a lambda.
      const std::string key_name(key.str());
      for_each_string(name, node, "epithet " + key_name, [&](const std::string& entry, const toml::node& item) {
        const auto found = ids.find(entry);
        if (found == ids.end()) fail(name, item.source(), "epithet " + key_name + ": unknown country " + entry);
        targets.push_back(found->second);
      });
      std::size_t words = 0;
      const std::string phrase = phrase_key(key.str(), words);
      if (!add_phrase(lex->epithet_phrases_, phrase, id)) {
        fail(name, node.source(), "epithet \"" + std::string(key.str()) + "\" is listed twice");
      }
      lex->epithet_words_ = std::max(lex->epithet_words_, words);
    }
  }
  if (const toml::table* spellings = table_of(name, root, "spellings")) {
    for (const auto& [key, node] : *spellings) {
      // (A named copy: Clang 14 cannot capture a structured binding in a lambda.)
      const std::string spelled(key.str());
      for_each_string(name, node, "spelling " + spelled, [&](const std::string& entry, const toml::node&) {
        lex->spellings_.emplace_back(entry, spelled);
      });
    }
  }
  if (const toml::table* titles = table_of(name, root, "title_abbreviations")) {
    for (const auto& [key, node] : *titles) {
      const auto* full = node.as_string();
      if (full == nullptr || full->get().empty()) fail(name, node.source(), "title " + std::string(key.str()) + ": not a string");
      lex->titles_[key.str()] = full->get();
    }
  }
  if (const toml::table* heads = table_of(name, root, "organisation_heads")) {
    for (const auto& [key, node] : *heads) {
      if (key.str() == "nouns") continue;  // (a list of words: below)
      std::vector<std::string>& list = lex->head_synonyms_[key.str()];
      for_each_string(name, node, "organisation head " + std::string(key.str()),
                      [&](const std::string& entry, const toml::node&) { list.push_back(entry); });
    }
  }
  // Lists of single words, as flags of the word.
  const auto words_of = [&](const toml::table* table, std::string_view key, std::uint32_t flag) {
    if (table == nullptr) return;
    const toml::node* node = table->get(key);
    if (node == nullptr) return;
    for_each_string(name, *node, key, [&](const std::string& entry, const toml::node& item) {
      if (entry.find(' ') != std::string::npos) fail(name, item.source(), std::string(key) + ": one word each: \"" + entry + "\"");
      lex->flags_[entry] |= flag;
    });
  };
  words_of(table_of(name, root, "modifiers"), "distinct", f_modifier);
  const toml::table* not_sources = table_of(name, root, "not_sources");
  words_of(not_sources, "abstract", f_abstract);
  words_of(not_sources, "bare_findings", f_finding);
  words_of(table_of(name, root, "documents"), "words", f_document);
  words_of(table_of(name, root, "documents"), "issued", f_issued);
  words_of(table_of(name, root, "generic_heads"), "words", f_generic);
  words_of(table_of(name, root, "generic_heads"), "modifiers", f_generic_mod);
  words_of(table_of(name, root, "names"), "credits", f_credit);
  words_of(table_of(name, root, "names"), "months", f_month);
  words_of(table_of(name, root, "names"), "descriptors", f_descriptor);
  const toml::table* gender = table_of(name, root, "gender");
  words_of(gender, "female", f_female);
  words_of(gender, "male", f_male);
  words_of(gender, "female_pronouns", f_she);
  words_of(gender, "male_pronouns", f_he);
  words_of(table_of(name, root, "openers"), "words", f_opener);
  words_of(table_of(name, root, "abbreviations"), "spelled_out", f_spell_out);
  words_of(table_of(name, root, "unnamed_sources"), "heads", f_unnamed_head);
  words_of(table_of(name, root, "unnamed_sources"), "collectives", f_collective);
  words_of(table_of(name, root, "organisation_heads"), "nouns", f_org_noun);
  words_of(table_of(name, root, "owned"), "words", f_owned);
  lex->flags_.for_each([&](std::string_view word, std::uint32_t f) {
    lex->flag_filter_.add(word_hash(word));
    if ((f & f_org_noun) != 0) lex->shortest_org_noun_ = std::min(lex->shortest_org_noun_, word.size());
  });
  return lex;
}

const speaker_lexicon& speaker_lexicon::english() {
  static const std::unique_ptr<speaker_lexicon> lex = load(speaker_lexicon_compiled);
  return *lex;
}

}  // namespace sayso::detail
