// Cross-fitting the rules' reading for the stance trainer (crossfit.hpp).
#include "stance/train/crossfit.hpp"

#include <ostream>

#include <toml++/toml.h>

namespace sayso::detail {
extern const std::string_view stance_cues_toml;      // generated from lexicons/stance.toml
extern const std::string_view ceasefire_terms_toml;  // generated from lexicons/ceasefire.toml
}  // namespace sayso::detail

namespace sayso::detail::stance_train {

namespace {

// The lists whose entries decide a label (negation and the scope words only help).
constexpr std::string_view kLists[] = {"support", "oppose", "praise", "condemn", "undermine", "conditional", "neutral"};

// An entry in RE2 syntax as the loader reads it: a space matches white space and double
// quotation marks, an apostrophe ' or ’ (lib/stance/term_lexicon.cpp).
std::string loader_form(std::string_view expr) {
  std::string out;
  for (const char c : expr) {
    if (c == ' ') out += "(?:\\s|\"|\xE2\x80\x9C|\xE2\x80\x9D)+";
    else if (c == '\'') out += "(?:'|\xE2\x80\x99)";
    else out += c;
  }
  return out;
}

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

bool governor_path(label_path p) {
  return p == label_path::governor_before || p == label_path::governor_after || p == label_path::neutral_governor ||
         p == label_path::negated_evaluation;
}

}  // namespace

std::vector<lexicon_entry> stance_entries() {
  const toml::table root = toml::parse(stance_cues_toml);
  std::vector<lexicon_entry> out;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  for (const std::string_view list : kLists) {
    const toml::array* arr = root["stance"][list].as_array();
    if (arr == nullptr) continue;
    for (const toml::node& n : *arr) {
      const auto* s = n.as_string();
      if (s == nullptr) continue;
      lexicon_entry e;
      e.list = list;
      e.expression = s->get();
      e.whole = std::make_unique<RE2>("(?:" + loader_form(e.expression) + ")", options);
      e.prefix = std::make_unique<RE2>("(?:" + loader_form(e.expression) + ")\\b", options);
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::vector<std::set<std::string>> deciding_groups(const stance_corpus& c, const std::vector<lexicon_entry>& entries) {
  std::vector<std::set<std::string>> out(entries.size());
  for (const item& it : c.items) {
    if (it.rule == kNone || it.gold == kNone) continue;
    const label_decision& d = it.decision;
    byte_range r;
    bool prefix = false;
    if (governor_path(d.path)) {
      r = d.gov_range;
    } else if (d.path == label_path::own_cue) {
      r = d.own_range;
    } else if (d.path == label_path::condition_inside || d.path == label_path::condition_governs) {
      r = d.condition_range;
      prefix = true;
    }
    if (r.empty()) continue;
    const std::string_view words = std::string_view(c.docs[it.doc].text).substr(r.begin, r.size());
    const re2::StringPiece input(words.data(), words.size());
    for (std::size_t e = 0; e < entries.size(); ++e) {
      const bool match = prefix ? entries[e].prefix->Match(input, 0, input.size(), RE2::ANCHOR_START, nullptr, 0)
                                : RE2::FullMatch(input, *entries[e].whole);
      if (match) out[e].insert(c.group_of(it));
    }
  }
  return out;
}

term_lexicon lexicon_without(const std::vector<lexicon_entry>& entries, const std::vector<bool>& removed) {
  std::string text(ceasefire_terms_toml);
  text += "\n[stance]\n";
  for (const std::string_view list : kLists) {
    text += std::string(list) + " = [";
    bool first = true;
    for (std::size_t e = 0; e < entries.size(); ++e) {
      if (entries[e].list != list || removed[e]) continue;
      text += (first ? "" : ", ") + toml_string(entries[e].expression);
      first = false;
    }
    text += "]\n";
  }
  return term_lexicon::from_string(text, "cross-fitted lexicon");
}

std::map<std::string, term_lexicon> cross_fitted_lexicons(const stance_corpus& c, std::ostream* log) {
  const std::vector<lexicon_entry> entries = stance_entries();
  const std::vector<std::set<std::string>> groups = deciding_groups(c, entries);
  std::map<std::string, term_lexicon> out;
  for (const std::string& g : c.groups()) {
    std::vector<bool> removed(entries.size(), false);
    std::size_t n = 0;
    for (std::size_t e = 0; e < entries.size(); ++e) {
      removed[e] = groups[e].size() == 1 && *groups[e].begin() == g;
      n += removed[e] ? 1 : 0;
    }
    if (log != nullptr) *log << "cross-fitting: " << g << " without " << n << " entries that decide there only\n";
    out.emplace(g, lexicon_without(entries, removed));
  }
  return out;
}

}  // namespace sayso::detail::stance_train
