#include "text/lexicon.hpp"

#include <algorithm>
#include <cstring>
#include <sstream>

#include <toml++/toml.h>

#include <sayso/error.hpp>

#include "text/unicode.hpp"
#include "text/word_table.hpp"

namespace sayso::detail {

extern const std::string_view english_lexicon_compiled;  // english.toml as lexicon::save() writes it

namespace {

// A name in the lexicon file and the bits it stands for (word classes, cue flags, veto forms).
struct class_name {
  std::string_view name;
  std::uint32_t bits;
};
constexpr class_name kClasses[] = {
    {"determiner", wc_determiner}, {"pronoun_he", wc_he},       {"pronoun_she", wc_she},
    {"pronoun_they", wc_they},     {"pronoun_we", wc_we},       {"pronoun_i", wc_i},
    {"pronoun_it", wc_it},         {"pronoun_you", wc_you},     {"possessive", wc_possessive},
    {"relative", wc_relative},     {"complementizer", wc_complementizer},
    {"negation", wc_negation},     {"auxiliary", wc_auxiliary}, {"conjunction", wc_conjunction},
    {"preposition", wc_preposition}, {"title", wc_title},       {"role", wc_role},
    {"org", wc_org},               {"demonym", wc_demonym},     {"place", wc_place},
    {"time", wc_time},             {"medium", wc_medium},       {"verb", wc_verb},
    {"modal", wc_modal},           {"subordinator", wc_subordinator},
    {"number", wc_number},         {"connective", wc_connective},
};

constexpr class_name kCueFlags[] = {
    {"addressee", cf_addressee},   {"noun", cf_noun},
    {"finding", cf_finding},       {"belief_as", cf_belief_as},
    {"belief_object", cf_belief_object}, {"naming", cf_naming},
    {"describing", cf_describing}, {"question", cf_question},
    {"gerund", cf_gerund},         {"of_topic", cf_of_topic},
    {"saying", cf_saying},         {"saying_relative", cf_saying_relative},
    {"finding_object", cf_finding_object},
};

constexpr class_name kVetoForms[] = {
    {"one-word", cue_veto::one_word},
    {"base", cue_veto::base},
    {"participle", cue_veto::participle},
    {"plural", cue_veto::plural},
    {"not-past-participle", cue_veto::not_past_participle},
};

struct cue_type_name {
  std::string_view name;
  cue_type type;
};
constexpr cue_type_name kCueTypes[] = {
    {"speech", cue_type::speech},
    {"evidential", cue_type::evidential},
    {"quoting", cue_type::quoting},
    {"belief", cue_type::belief},
    {"act", cue_type::act},
    {"according", cue_type::according},
};

[[noreturn]] void fail(std::string_view name, const toml::source_region& where,
                       const std::string& what) {
  std::ostringstream msg;
  msg << name << ':' << where.begin.line << ": " << what;
  throw error(errc::lexicon, msg.str());
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The strings of an array of strings (`what` names it in errors).
std::vector<std::string> string_list(std::string_view name, const toml::node& node, const std::string& what) {
  const toml::array* list = node.as_array();
  if (list == nullptr) fail(name, node.source(), what + " must be an array of strings");
  std::vector<std::string> out;
  for (const toml::node& item : *list) {
    const auto* str = item.as_string();
    if (str == nullptr || str->get().empty()) fail(name, item.source(), "expected a non-empty string in " + what);
    out.push_back(str->get());
  }
  return out;
}

// One element of a veto pattern: "a|b|@class|!c", "*", ",", "END".
cue_veto::element veto_element(std::string_view name, const toml::node& where, std::string_view text) {
  cue_veto::element e;
  if (text == "*") {
    e.any = true;
    return e;
  }
  while (!text.empty()) {
    const std::size_t bar = text.find('|');
    const std::string_view alt = text.substr(0, bar);
    text = bar == std::string_view::npos ? std::string_view{} : text.substr(bar + 1);
    if (alt.empty()) fail(name, where.source(), "empty alternative in veto pattern");
    if (alt == "END") {
      e.end = true;
    } else if (alt[0] == '@') {
      const auto cls = std::find_if(std::begin(kClasses), std::end(kClasses),
                                    [alt](const class_name& c) { return c.name == alt.substr(1); });
      if (cls == std::end(kClasses)) fail(name, where.source(), "unknown word class '" + std::string(alt) + "' in veto pattern");
      e.classes |= cls->bits;
    } else if (alt[0] == '!') {
      e.except.emplace_back(alt.substr(1));
    } else if ((alt[0] >= 'a' && alt[0] <= 'z') || static_cast<unsigned char>(alt[0]) >= 0x80) {
      e.words.emplace_back(alt);
    } else {
      e.marks.emplace_back(alt);
    }
  }
  return e;
}

// A [[vetoes]] table: name, pattern ("WORDS _ WORDS"), and optional cue, unless_type, unless_flag.
cue_veto parse_veto(std::string_view name, const toml::table& t, const toml::node& where) {
  cue_veto v;
  const auto* vname = t["name"].as_string();
  const auto* pattern = t["pattern"].as_string();
  if (vname == nullptr || pattern == nullptr) fail(name, where.source(), "a veto needs a name and a pattern");
  v.name = vname->get();
  const std::vector<std::string> parts = split_words(pattern->get());
  const auto cue = std::find(parts.begin(), parts.end(), "_");
  if (cue == parts.end() || std::find(cue + 1, parts.end(), "_") != parts.end()) {
    fail(name, where.source(), "veto '" + v.name + "': the pattern must hold the cue, _, once");
  }
  for (auto it = cue; it != parts.begin();) v.before.push_back(veto_element(name, where, *--it));
  for (auto it = cue + 1; it != parts.end(); ++it) v.after.push_back(veto_element(name, where, *it));
  if (const toml::node* forms = t.get("cue")) {
    for (const std::string& f : string_list(name, *forms, "veto '" + v.name + "' cue")) {
      const auto form = std::find_if(std::begin(kVetoForms), std::end(kVetoForms), [&f](const class_name& x) { return x.name == f; });
      if (form == std::end(kVetoForms)) fail(name, forms->source(), "unknown cue form '" + f + "' in veto '" + v.name + "'");
      v.forms |= static_cast<std::uint8_t>(form->bits);
    }
  }
  if (const toml::node* types = t.get("unless_type")) {
    for (const std::string& ty : string_list(name, *types, "veto '" + v.name + "' unless_type")) {
      const auto type = std::find_if(std::begin(kCueTypes), std::end(kCueTypes), [&ty](const cue_type_name& c) { return c.name == ty; });
      if (type == std::end(kCueTypes)) fail(name, types->source(), "unknown cue type '" + ty + "' in veto '" + v.name + "'");
      v.unless_types |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(type->type));
    }
  }
  if (const toml::node* flags = t.get("unless_flag")) {
    for (const std::string& fl : string_list(name, *flags, "veto '" + v.name + "' unless_flag")) {
      const auto flag = std::find_if(std::begin(kCueFlags), std::end(kCueFlags), [&fl](const class_name& c) { return c.name == fl; });
      if (flag == std::end(kCueFlags)) fail(name, flags->source(), "unknown cue flag '" + fl + "' in veto '" + v.name + "'");
      v.unless_flags |= static_cast<std::uint16_t>(flag->bits);
    }
  }
  return v;
}

}  // namespace

std::string_view lookup_key(std::string_view token, std::span<char> buffer) noexcept {
  if (token.size() <= buffer.size()) {
    // The key is never longer than the token: it fits, and the loop needs no bound check.
    std::size_t n = 0;
    for (std::size_t i = 0; i < token.size(); ++i) {
      const auto ch = static_cast<unsigned char>(token[i]);
      if (ch == 0xE2 && i + 2 < token.size() && static_cast<unsigned char>(token[i + 1]) == 0x80 &&
          static_cast<unsigned char>(token[i + 2]) == 0x99) {
        buffer[n++] = '\'';  // ’ as '
        i += 2;
      } else {
        buffer[n++] = static_cast<char>((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
      }
    }
    return {buffer.data(), n};
  }
  std::size_t n = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (n >= buffer.size()) return {};
    const auto ch = static_cast<unsigned char>(token[i]);
    if (ch < 0x80) {
      buffer[n++] = static_cast<char>((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
    } else if (ch == 0xE2 && i + 2 < token.size() && static_cast<unsigned char>(token[i + 1]) == 0x80 &&
               static_cast<unsigned char>(token[i + 2]) == 0x99) {
      buffer[n++] = '\'';  // ’ as '
      i += 2;
    } else {
      buffer[n++] = static_cast<char>(ch);
    }
  }
  return {buffer.data(), n};
}

lexicon::entry& lexicon::at(std::string_view lower) {
  auto it = words_.find(lower);
  if (it == words_.end()) it = words_.emplace(std::string(lower), entry{}).first;
  return it->second;
}

std::uint64_t lexicon::hash(const packed_key& k) noexcept {
  std::uint64_t h = (k.lo * 0x9E3779B97F4A7C15ULL) ^ (k.hi * 0xC2B2AE3D27D4EB4FULL) ^ k.size;
  return h ^ (h >> 29);
}

namespace {

// The tag of a hash: its top byte, never 0 (which marks an empty slot).
std::uint8_t tag_of(std::uint64_t h) noexcept { return static_cast<std::uint8_t>((h >> 56) | 1U); }

}  // namespace

void lexicon::build_index() {
  std::size_t size = 16;
  while (size < 2 * words_.size()) size *= 2;
  index_.assign(size, slot{});
  tags_.assign(size, 0);
  for (const auto& node : words_) {
    const std::string& word = node.first;
    packed_key k;
    k.size = static_cast<std::uint32_t>(word.size());
    for (std::size_t i = 0; i < word.size() && i < 16; ++i) {
      (i < 8 ? k.lo : k.hi) |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * (i % 8));
    }
    const std::uint64_t h = hash(k);
    std::size_t i = h & (size - 1);
    while (tags_[i] != 0) i = (i + 1) & (size - 1);
    tags_[i] = tag_of(h);
    index_[i] = {k.lo, k.hi, &node, k.size, node.second.classes};
  }
}

const lexicon::entry* lexicon::find(std::string_view lower) const noexcept {
  if (index_.empty()) {
    const auto it = words_.find(lower);
    return it == words_.end() ? nullptr : &it->second;
  }
  packed_key k;
  k.size = static_cast<std::uint32_t>(lower.size());
  for (std::size_t i = 0; i < lower.size() && i < 16; ++i) {
    (i < 8 ? k.lo : k.hi) |= std::uint64_t{static_cast<unsigned char>(lower[i])} << (8 * (i % 8));
  }
  return find(k, lower);
}

// `lower` is the whole key; it is read only beyond its first 16 bytes.
const lexicon::entry* lexicon::find(const packed_key& k, std::string_view lower) const noexcept {
  if (index_.empty()) return find(lower);
  const slot* s = find_slot(k, lower);
  return s == nullptr ? nullptr : &s->word->second;
}

const lexicon::slot* lexicon::find_slot(const packed_key& k, std::string_view lower) const noexcept {
  const std::uint64_t h = hash(k);
  const std::uint8_t tag = tag_of(h);
  const std::size_t mask = index_.size() - 1;
  for (std::size_t i = h & mask; tags_[i] != 0; i = (i + 1) & mask) {
    if (tags_[i] != tag) continue;
    const slot& s = index_[i];
    if (s.lo == k.lo && s.hi == k.hi && s.size == k.size &&
        (k.size <= 16 || std::string_view(s.word->first).substr(16) == lower.substr(16))) {
      return &s;
    }
  }
  return nullptr;
}

std::uint32_t lexicon::classes(std::string_view lower) const noexcept {
  const entry* e = find(lower);
  return e == nullptr ? 0 : e->classes;
}

std::uint32_t lexicon::token_classes(std::string_view token) const noexcept {
  if (token.empty()) return 0;
  if (token.size() <= 16 && !index_.empty()) {
    // lookup_key into two words: ASCII letters lowered; a token beyond ASCII takes the long way.
    // The bytes loaded eight (or four) at a time, overlapping loads trimmed by shifts, letters
    // lowered eight at a time (SWAR).
    const char* p = token.data();
    const std::size_t n = token.size();
    packed_key k;
    k.size = static_cast<std::uint32_t>(n);
    if (n >= 8) {
      k.lo = load_u64(p);
      if (n > 8) k.hi = load_u64(p + n - 8) >> (8 * (16 - n));
    } else if (n >= 4) {
      k.lo = load_u32(p) | (load_u32(p + n - 4) << (8 * (n - 4)));
    } else {
      for (std::size_t i = 0; i < n; ++i) k.lo |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    }
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    const std::uint64_t high = (k.lo | k.hi) & kHighs;
    const auto lowered = [](std::uint64_t x) {
      // Bytes 'A'..'Z' (all below 0x80 here) gain 0x20; empty bytes (0) stay 0.
      const std::uint64_t at_least_a = x + (0x80 - 'A') * kOnes;
      const std::uint64_t beyond_z = x + (0x80 - 'Z' - 1) * kOnes;
      return x | (((at_least_a ^ beyond_z) & kHighs) >> 2);
    };
    if (high == 0) {
      k.lo = lowered(k.lo);
      k.hi = lowered(k.hi);
      const slot* s = find_slot(k, {});
      return s == nullptr ? 0 : s->classes;
    }
  }
  std::array<char, 48> buffer{};
  const std::string_view key = lookup_key(token, buffer);
  return key.empty() ? 0 : classes(key);
}

std::uint16_t lexicon::party(std::string_view lower) const noexcept {
  const entry* e = find(lower);
  return e == nullptr ? 0 : e->party;
}

std::span<const std::uint32_t> lexicon::cues_starting(std::string_view lower) const noexcept {
  const entry* e = find(lower);
  if (e == nullptr) return {};
  return e->cues;
}

std::unique_ptr<lexicon> lexicon::parse(std::string_view text, std::string_view name) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    fail(name, e.source(), std::string(e.description()));
  }
  auto lex = std::make_unique<lexicon>();

  if (const toml::table* words = root["words"].as_table()) {
    for (const auto& [key, node] : *words) {
      const auto cls = std::find_if(std::begin(kClasses), std::end(kClasses),
                                    [k = key.str()](const class_name& c) { return c.name == k; });
      if (cls == std::end(kClasses)) {
        fail(name, node.source(), "unknown word class '" + std::string(key.str()) + "'");
      }
      const toml::array* list = node.as_array();
      if (!list) fail(name, node.source(), "word class '" + std::string(key.str()) + "' must be an array of strings");
      for (const toml::node& w : *list) {
        const auto* s = w.as_string();
        if (!s || s->get().empty()) fail(name, w.source(), "expected a non-empty string");
        lex->at(s->get()).classes |= cls->bits;
      }
    }
  }

  if (const toml::node_view cues = root["cues"]; cues) {
    const toml::table* table = cues.as_table();
    if (!table) fail(name, cues.node()->source(), "[cues] must be a table");
    for (const auto& [key, node] : *table) {
      const auto type = std::find_if(std::begin(kCueTypes), std::end(kCueTypes),
                                     [k = key.str()](const cue_type_name& c) { return c.name == k; });
      if (type == std::end(kCueTypes)) {
        fail(name, node.source(), "unknown cue type '" + std::string(key.str()) +
                                      "' (speech, evidential, quoting, belief, act or according)");
      }
      const toml::array* list = node.as_array();
      if (!list) fail(name, node.source(), "cue type '" + std::string(key.str()) + "' must be an array of strings");
      for (const toml::node& item : *list) {
        const auto* s = item.as_string();
        if (!s) fail(name, item.source(), "expected a string of verb forms");
        // "call for|calls for|called for|calling for": forms separated by '|'.
        std::vector<std::vector<std::string>> forms;
        std::string_view rest = s->get();
        while (!rest.empty()) {
          const std::size_t bar = rest.find('|');
          std::vector<std::string> form = split_words(rest.substr(0, bar));
          if (form.empty()) fail(name, item.source(), "empty form in cue '" + s->get() + "'");
          forms.push_back(std::move(form));
          rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
        }
        if (forms.empty()) fail(name, item.source(), "empty cue");
        std::string lemma;
        for (const auto& w : forms.front()) lemma += (lemma.empty() ? "" : " ") + w;
        auto lemma_it = std::find(lex->lemmas_.begin(), lex->lemmas_.end(), lemma);
        if (lemma_it == lex->lemmas_.end()) {
          lex->lemmas_.push_back(lemma);
          lemma_it = lex->lemmas_.end() - 1;
        }
        const auto lemma_index = static_cast<std::uint16_t>(lemma_it - lex->lemmas_.begin());
        for (std::size_t f = 0; f < forms.size(); ++f) {
          cue_entry e;
          e.words = forms[f];
          e.lemma = lemma_index;
          e.type = type->type;
          const std::string& head = e.words.front();
          const cue_type e_type = e.type;
          e.base_form = f == 0;
          e.participle = ends_with(head, "ing");
          // Past forms ("said", "told", "described") may head a passive ("was described").
          e.past_participle = f > 0 && !e.participle && !(f == 1 && ends_with(head, "s"));
          const auto index = static_cast<std::uint32_t>(lex->cues_.size());
          lex->cues_.push_back(std::move(e));
          entry& en = lex->at(head);
          en.classes |= e_type == cue_type::according ? wc_phrase : wc_cue;
          en.cues.push_back(index);
        }
      }
    }
  }
  if (const toml::node_view parties = root["parties"]; parties) {
    const toml::table* table = parties.as_table();
    if (!table) fail(name, parties.node()->source(), "[parties] must be a table");
    std::uint16_t id = 0;
    for (const auto& [key, node] : *table) {
      ++id;
      const toml::array* list = node.as_array();
      if (!list) fail(name, node.source(), "party '" + std::string(key.str()) + "' must be an array of strings");
      for (const toml::node& w : *list) {
        const auto* str = w.as_string();
        if (!str || str->get().empty()) fail(name, w.source(), "expected a non-empty string");
        lex->at(str->get()).party = id;
      }
    }
  }
  // [cue_flags] names lemmas (every form of the verb has the flag), [cue_form_flags] single forms.
  for (const bool by_form : {false, true}) {
    const char* section = by_form ? "cue_form_flags" : "cue_flags";
    const toml::node_view flags = root[section];
    if (!flags) continue;
    const toml::table* table = flags.as_table();
    if (!table) fail(name, flags.node()->source(), "[" + std::string(section) + "] must be a table");
    for (const auto& [key, node] : *table) {
      const std::string flag_text = "cue flag '" + std::string(key.str()) + "'";
      const auto flag = std::find_if(std::begin(kCueFlags), std::end(kCueFlags),
                                     [k = key.str()](const class_name& c) { return c.name == k; });
      if (flag == std::end(kCueFlags)) fail(name, node.source(), "unknown " + flag_text);
      for (const std::string& value : string_list(name, node, flag_text)) {
        const std::vector<std::string> words = split_words(value);
        const auto lemma = std::find(lex->lemmas_.begin(), lex->lemmas_.end(), value);
        bool found = false;
        for (cue_entry& e : lex->cues_) {
          const bool match = by_form ? e.words == words
                                     : lemma != lex->lemmas_.end() && e.lemma == lemma - lex->lemmas_.begin();
          if (!match) continue;
          e.flags |= static_cast<std::uint16_t>(flag->bits);
          found = true;
        }
        if (!found) fail(name, node.source(), flag_text + ": '" + value + "' is no cue's " + (by_form ? "form" : "lemma"));
      }
    }
  }
  if (const toml::node_view vetoes = root["vetoes"]; vetoes) {
    const toml::array* list = vetoes.as_array();
    if (!list) fail(name, vetoes.node()->source(), "[[vetoes]] must be an array of tables");
    for (const toml::node& item : *list) {
      const toml::table* t = item.as_table();
      if (!t) fail(name, item.source(), "a veto must be a table");
      lex->vetoes_.push_back(parse_veto(name, *t, item));
    }
  }
  // Longest form first, so that "point out" is tried before "point".
  for (auto& [word, en] : lex->words_) {
    std::stable_sort(en.cues.begin(), en.cues.end(), [&](std::uint32_t a, std::uint32_t b) {
      return lex->cues_[a].words.size() > lex->cues_[b].words.size();
    });
  }
  lex->build_index();
  return lex;
}

const lexicon& lexicon::english() {
  // (english.toml read at build time by sayso_lexgen; the tests check that it is the same.)
  static const std::unique_ptr<lexicon> lex = load(english_lexicon_compiled);
  return *lex;
}

void compute_features(const document& doc, const lexicon& lex, std::vector<token_info>& out) {
  const auto tokens = doc.tokens();
  const std::string_view text = doc.text();
  out.assign(tokens.size(), token_info{});
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const token& t = tokens[i];
    if (t.kind != token_kind::word) continue;
    const std::string_view s = t.range.of(text);
    token_info& info = out[i];
    const auto b = static_cast<unsigned char>(s.empty() ? 0 : s[0]);
    info.first = b == 0xE2 ? token_info::kAnyFirst : static_cast<std::uint8_t>((b >= 'A' && b <= 'Z') ? b + 32 : b);
    const char32_t c = first_code_point(s);
    if (is_upper(c)) {
      info.caps = 1;
      bool all = true;
      int letters = 0;
      for (unsigned char ch : s) {
        if (ch >= 'a' && ch <= 'z') all = false;
        if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ++letters;
      }
      if (all && letters >= 2) info.caps |= 2;
    }
    info.classes = lex.token_classes(s);
  }
}

}  // namespace sayso::detail
