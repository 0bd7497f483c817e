// The look-up structures behind the fast paths (issue 13): word_table (lib/text), which the
// speaker resolution fills anew for each document, and literal_filter (lib/stance), which lets
// the stance labeller skip RE2 on short quotes that cannot hold an evaluation. A filter that
// wrongly says "no match" would silently drop stances, so it is checked against RE2 itself on
// generated texts.
// These use the library's internals, which a shared library keeps hidden: a binary of its own,
// built for static builds only. The texts are invented.
#define BOOST_TEST_MODULE sayso_tables
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <sayso/sayso.hpp>

#include "stance/compiled.hpp"
#include "stance/literal_filter.hpp"
#include "stance/word_screen.hpp"
#include "text/word_table.hpp"

using sayso::detail::literal_filter;
using sayso::detail::word_screen;
using sayso::detail::word_table;

namespace {

RE2::Options insensitive() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  return o;
}

// A filter of `expressions` (each matched at word boundaries, as the term lexicon does), and the
// expressions as one RE2 to compare it with.
struct filtered {
  literal_filter filter;
  std::unique_ptr<RE2> any;
};

filtered make(const std::vector<std::string>& expressions) {
  re2::FilteredRE2 f(3);
  std::string all;
  for (const std::string& e : expressions) {
    int id = 0;
    BOOST_REQUIRE(f.Add("\\b(?:" + e + ")\\b", insensitive(), &id) == RE2::NoError);
    all += (all.empty() ? "" : "|") + e;
  }
  return {literal_filter::of(f), std::make_unique<RE2>("\\b(?:" + all + ")\\b", insensitive())};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tables_tests)

BOOST_AUTO_TEST_CASE(word_table_behaves_like_a_map_across_clears) {
  word_table<std::vector<std::uint32_t>> table;
  std::unordered_map<std::string, std::vector<std::uint32_t>> model;
  std::mt19937 random(7);
  for (int round = 0; round < 6; ++round) {
    table.clear();
    model.clear();
    // Keys of 0 to 40 bytes, many shared: short ones, ones across the 8-byte hash blocks.
    for (int i = 0; i < 3000; ++i) {
      std::string key(random() % 41, 'a');
      for (char& c : key) c = static_cast<char>('a' + random() % 3);
      const auto value = static_cast<std::uint32_t>(i);
      table[key].push_back(value);
      model[key].push_back(value);
    }
    BOOST_TEST(table.size() == model.size());
    for (const auto& [key, values] : model) {
      const auto* found = table.find(key);
      BOOST_REQUIRE(found != nullptr);
      BOOST_TEST(*found == values);  // a reused entry starts empty
    }
    BOOST_TEST(table.find("absent key, longer than any other") == nullptr);
  }
  word_table<std::uint32_t> first;
  BOOST_TEST(first.try_emplace("x", 1));
  BOOST_TEST(!first.try_emplace("x", 2));  // like unordered_map::emplace: the first value stays
  BOOST_TEST(*first.find("x") == 1U);
}

BOOST_AUTO_TEST_CASE(literal_filter_never_rejects_a_match) {
  // Alternations with shared prefixes, optional words, \w+ and apostrophes, as term lexicons
  // write them.
  const filtered f = make({"truces?", "cease-?fires?", "(?:halt|pause|stop) (?:to |in )?(?:the )?(?:fighting|shelling)",
                           "prisoners?(?: of war)?", "pows?", "(?:we|they) (?:\\w+ )?won(?:'|\xE2\x80\x99)t talk",
                           "peace (?:deal|plan)s?", "(?:release|freed) (?:\\w+ ){0,2}hostages"});
  BOOST_REQUIRE(f.filter.enabled());
  const std::vector<std::string> words = {
      "truce",  "Truces", "CEASE",  "fire",    "-",      "ceasefire", "halt",     "the",   "fighting", "Pause", "in",
      "SHELLING", "prisoner", "of",  "war",    "POWs",   "pow",       "we",       "They",  "really",   "won't",
      "won\xE2\x80\x99t", "talk", "peace", "deal", "plans", "released", "freed", "two", "hostages", "stalk",
      "\xC5\xBFhelling",  "\xE2\x84\xAAilling", "sa\xC5\xBF", "said", "minister", "\"", "\xE2\x80\x9C", ",", "."};
  std::mt19937 random(11);
  int matches = 0;
  int rejected = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const std::size_t n = 1 + random() % 8;
    for (std::size_t k = 0; k < n; ++k) {
      if (k > 0 && random() % 4 != 0) text += ' ';
      text += words[random() % words.size()];
    }
    const bool match = RE2::PartialMatch(text, *f.any);
    const bool may = f.filter.may_match(text);
    if (match) BOOST_TEST(may, "the filter rejects a text that matches: " << text);
    matches += match ? 1 : 0;
    rejected += may ? 0 : 1;
  }
  BOOST_TEST(matches > 1000);
  BOOST_TEST(rejected > 1000);  // and it does reject texts (it is not "always maybe")
}

BOOST_AUTO_TEST_CASE(literal_filter_rejects_plain_text_and_passes_case_folds) {
  const filtered f = make({"ceasefires?", "truces?"});
  BOOST_TEST(!f.filter.may_match("The minister spoke to reporters on Tuesday."));
  BOOST_TEST(f.filter.may_match("A CEASEFIRE now"));
  BOOST_TEST(f.filter.may_match("no Truce"));
  // U+017F (long s) matches s case-insensitively in RE2; ASCII lower-casing does not see it.
  BOOST_TEST(RE2::PartialMatch("cea\xC5\xBF" "efire", *f.any));
  BOOST_TEST(f.filter.may_match("cea\xC5\xBF" "efire"));
}

BOOST_AUTO_TEST_CASE(literal_filter_is_off_for_an_expression_without_literals) {
  const filtered f = make({"truce", "\\w+s"});
  BOOST_TEST(!f.filter.enabled());
  BOOST_TEST(f.filter.may_match("anything at all"));
}

BOOST_AUTO_TEST_CASE(the_default_lexicon_has_its_filters) {
  const sayso::term_lexicon terms = sayso::term_lexicon::ceasefire();
  BOOST_TEST(sayso::detail::term_lexicon_access::compiled(terms).praise_filter.get().enabled());
  BOOST_TEST(sayso::detail::term_lexicon_access::compiled(terms).condemn_filter.get().enabled());
}

// ---- word_screen: which entries of a set of expressions a text may match, from its words ------

namespace {

// The words of `expression` (letters only), for texts that come near to matching it.
void words_of_expression(std::string_view e, std::vector<std::string>& out) {
  std::string word;
  for (const char c : e) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
}

bool candidate(const word_screen& screen, std::string_view text, std::uint32_t entry) {
  std::vector<std::uint32_t> out;
  screen.candidates(text, out);
  return std::binary_search(out.begin(), out.end(), entry);
}

}  // namespace

BOOST_AUTO_TEST_CASE(word_screen_keeps_every_entry_a_text_matches) {
  // The default lexicon's mention entries (each term with its contexts, each opposite), as the
  // labeller screens spans with them, against RE2 on texts made of the lexicon's own words.
  const sayso::term_lexicon lexicon = sayso::term_lexicon::ceasefire();
  const auto& c = sayso::detail::term_lexicon_access::compiled(lexicon);
  const word_screen& screen = c.screen().words;
  const std::vector<std::string>& patterns = c.mentions.patterns();
  std::vector<std::unique_ptr<RE2>> entries;
  std::vector<std::string> words = {"the", "a", "of", "to", "and", "said", "we", "they", "on", "new", "in", "no"};
  for (std::size_t e = 0; e < patterns.size(); ++e) {
    const bool never = e >= c.patterns.size() && !c.opposites[e - c.patterns.size()];
    entries.push_back(never ? nullptr : std::make_unique<RE2>(patterns[e], insensitive()));
  }
  std::vector<std::unique_ptr<RE2>> alternative_res;
  for (std::uint32_t a = 0; a < screen.alternatives(); ++a) {
    alternative_res.push_back(std::make_unique<RE2>(screen.pattern_of(a), insensitive()));
    BOOST_TEST_REQUIRE(alternative_res.back()->ok(), screen.pattern_of(a));
  }
  for (const sayso::term_info& t : c.terms) {
    for (const std::string& e : t.expressions) words_of_expression(e, words);
    for (const std::string& e : t.opposites) words_of_expression(e, words);
  }
  for (const auto& cx : c.contexts) words_of_expression(cx.expressions.pattern(), words);
  const std::array<std::string_view, 12> separators = {" ", " ", " ", "  ", ", ", "-", "'", "\xE2\x80\x99", " \xE2\x80\x9C",
                                                       "\xE2\x80\x9D ", ".\n", "'s "};
  std::mt19937 random(11);
  int matches = 0;
  int screened_out = 0;
  int one_words = 0;
  for (int i = 0; i < 6000; ++i) {
    std::string text;
    const std::size_t n = 1 + random() % 10;
    for (std::size_t k = 0; k < n; ++k) {
      std::string w = words[random() % words.size()];
      if (random() % 6 == 0) {
        for (char& ch : w) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      text += w;
      text += separators[random() % separators.size()];
    }
    std::vector<std::uint32_t> out;
    std::vector<std::uint32_t> alternatives;
    const bool decided = screen.candidates(text, out, &alternatives);
    // A single word the screen lets through is a match.
    for (const std::uint32_t a : alternatives) {
      if (decided && screen.one_word(a)) {
        BOOST_TEST(RE2::PartialMatch(text, *alternative_res[a]), screen.pattern_of(a) << " does not match: " << text);
        ++one_words;
      }
    }
    // Each alternative written alone: an entry matches exactly when one of them does.
    std::vector<bool> alone(entries.size(), false);
    for (std::uint32_t a = 0; a < screen.alternatives(); ++a) {
      if (RE2::PartialMatch(text, *alternative_res[a])) alone[screen.entry_of(a)] = true;
    }
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
      const bool match = entries[e] && RE2::PartialMatch(text, *entries[e]);
      BOOST_TEST(alone[e] == match, "entry " << e << (match ? " matches" : " does not match") << ", its alternatives "
                                              << (alone[e] ? "do" : "do not") << ": " << text);
      if (!match) continue;
      ++matches;
      BOOST_TEST(std::binary_search(out.begin(), out.end(), e), "entry " << e << " screened out of: " << text);
      BOOST_TEST(screen.may_match(e, text));
      const bool through = std::any_of(alternatives.begin(), alternatives.end(), [&](std::uint32_t a) {
        return screen.entry_of(a) == e && RE2::PartialMatch(text, *alternative_res[a]);
      });
      BOOST_TEST(through, "entry " << e << " matches through no alternative the screen lets through: " << text);
    }
    screened_out += out.empty() ? 1 : 0;
  }
  BOOST_TEST(matches > 1500);
  BOOST_TEST(one_words > 500);
  BOOST_TEST(screened_out > 300);  // and it does rule texts out
}

BOOST_AUTO_TEST_CASE(word_screen_reads_words_bounded_by_the_expression) {
  word_screen screen;
  screen.add(0, "\\b(?:(?:halt|stop)(?:\\s|\")+(?:the(?:\\s|\")+)?(?:fighting|war))\\b");
  screen.add(1, "\\b(?:cease-?fires?)\\b");
  // The sets of words every match holds: {fighting, war} and {halt, stop}.
  auto sets = screen.words_of(0);
  BOOST_TEST_REQUIRE(sets.size() == 1U);
  BOOST_TEST_REQUIRE(sets[0].size() == 2U);
  std::sort(sets[0].begin(), sets[0].end());
  BOOST_TEST((sets[0][0] == std::vector<std::string>{"fighting", "war"}));
  BOOST_TEST((sets[0][1] == std::vector<std::string>{"halt", "stop"}));
  BOOST_TEST(candidate(screen, "They must STOP the war now", 0));
  BOOST_TEST(!candidate(screen, "They must stop the bombing", 0));  // no word of the second set
  BOOST_TEST(!candidate(screen, "a warning to stop", 0));           // "warning" is no "war"
  // A hyphen bounds a word: "cease-fire" holds "cease".
  BOOST_TEST(candidate(screen, "a cease-fire", 1));
  BOOST_TEST(candidate(screen, "two ceasefires", 1));
  BOOST_TEST(!candidate(screen, "the fire ceased", 1));
}

BOOST_AUTO_TEST_CASE(word_screen_passes_what_it_cannot_read) {
  word_screen screen;
  screen.add(0, "^truce");             // an anchor
  screen.add(1, "\\b(?:\\pL+ talks)\\b");  // a Unicode class
  screen.add(2, "\\b(?:truces?)\\b");
  BOOST_TEST(candidate(screen, "nothing here", 0));
  BOOST_TEST(candidate(screen, "nothing here", 1));
  BOOST_TEST(!candidate(screen, "nothing here", 2));
  // The Kelvin sign and the long s fold to ASCII letters in RE2, and are no word characters.
  const RE2 truce("\\b(?:truces?)\\b", insensitive());
  BOOST_TEST(RE2::PartialMatch("a tru\xC5\xBF" "ce? no: truce\xC5\xBF", truce));
  BOOST_TEST(candidate(screen, "tru\xC5\xBF" "e", 2));
}

BOOST_AUTO_TEST_SUITE_END()
