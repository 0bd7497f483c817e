// The look-up structures behind the fast paths (issue 13): word_table (lib/text), which the
// speaker resolution fills anew for each document, and word_screen (lib/stance), which lets the
// stance labeller skip RE2 on texts that cannot match an expression. A screen that wrongly says
// "no match" would silently drop stances, so it is checked against RE2 itself on generated texts.
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

#include <re2/re2.h>
#include <re2/set.h>

#include <sayso/sayso.hpp>

#include "entities/speaker_lexicon.hpp"
#include "io/jsonl.hpp"
#include "stance/compiled.hpp"
#include "stance/labeller_impl.hpp"
#include "stance/prebuilt.hpp"
#include "stance/screened.hpp"
#include "stance/word_screen.hpp"
#include "text/lexicon.hpp"
#include "text/word_table.hpp"

namespace sayso::detail {
extern const std::string_view ceasefire_terms_toml;  // (embedded in the library)
extern const std::string_view english_lexicon_toml;
extern const std::string_view speaker_lexicon_toml;
}  // namespace sayso::detail

using sayso::detail::word_screen;
using sayso::detail::word_table;

namespace {

RE2::Options insensitive() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  return o;
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

BOOST_AUTO_TEST_CASE(the_default_lexicon_screens_evaluations) {
  const sayso::term_lexicon terms = sayso::term_lexicon::ceasefire();
  const auto& c = sayso::detail::term_lexicon_access::compiled(terms);
  // (The stance lists' screen: entry 2 is praise, 3 condemn.)
  const auto& screen = c.cue_screen().words;
  BOOST_TEST(!screen.may_match(2, "The minister spoke to reporters on Tuesday."));
  BOOST_TEST(!screen.may_match(3, "The minister spoke to reporters on Tuesday."));
  BOOST_TEST(screen.may_match(2, "very constructive"));
  BOOST_TEST(screen.may_match(3, "Unfair"));
  // U+017F (long s) matches s case-insensitively in RE2: a text that holds it is not ruled out.
  BOOST_TEST(screen.may_match(2, "con\xC5\xBFtructive"));
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
    // (The screen's entries are lists: a term's own expressions, its opposites, each context's.)
    for (std::uint32_t& e : out) e = c.set_entry(e);
    std::sort(out.begin(), out.end());
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
      if (RE2::PartialMatch(text, *alternative_res[a])) alone[c.set_entry(screen.entry_of(a))] = true;
    }
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
      const bool match = entries[e] && RE2::PartialMatch(text, *entries[e]);
      BOOST_TEST(alone[e] == match, "entry " << e << (match ? " matches" : " does not match") << ", its alternatives "
                                              << (alone[e] ? "do" : "do not") << ": " << text);
      if (!match) continue;
      ++matches;
      BOOST_TEST(std::binary_search(out.begin(), out.end(), e), "entry " << e << " screened out of: " << text);
      const bool through = std::any_of(alternatives.begin(), alternatives.end(), [&](std::uint32_t a) {
        return c.set_entry(screen.entry_of(a)) == e && RE2::PartialMatch(text, *alternative_res[a]);
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

// The stance labeller orders the terms it finds in a span as the set of all terms' expressions
// would list them (stances of two terms found at one place keep that order), without building the
// set: the order is computed from where each entry first matches. Checked against RE2::Set itself,
// on term-like expressions that overlap, share words and end at one place.
BOOST_AUTO_TEST_CASE(set_order_without_the_set) {
  const std::vector<std::string> patterns = {
      "\\b(?:truces?|cease-?fires?)\\b",       "\\b(?:peace (?:talks|deal)|talks)\\b",
      "\\b(?:pull(?:ed)? out(?: of the \\w+)?)\\b", "\\b(?:(?:the )?\\w+ territory|cede)\\b",
      "\\b(?:out of the territory)\\b",          "\\b(?:prisoners?|swap)\\b",
      "\\b(?:continue fighting|fighting)\\b",     "\\b(?:deal|peace)\\b"};
  RE2::Options o = insensitive();
  RE2::Set set(o, RE2::UNANCHORED);
  std::vector<std::unique_ptr<RE2>> each;
  std::vector<std::unique_ptr<sayso::detail::lazy_re2>> lazy;
  for (const std::string& p : patterns) {
    BOOST_REQUIRE(set.Add(p, nullptr) >= 0);
    each.push_back(std::make_unique<RE2>(p, o));
    lazy.push_back(std::make_unique<sayso::detail::lazy_re2>(p, o));
  }
  BOOST_REQUIRE(set.Compile());
  const std::vector<std::string> words = {"truce", "ceasefire", "peace", "talks", "deal", "pulled", "pull", "out",
                                          "of", "the", "territory", "cede", "prisoners", "swap", "continue",
                                          "fighting", "said", "we", ",", "."};
  std::mt19937 random(5);
  int several = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const std::size_t n = 1 + random() % 10;
    for (std::size_t k = 0; k < n; ++k) {
      if (k > 0) text += ' ';
      text += words[random() % words.size()];
    }
    std::vector<int> expected;
    set.Match(text, &expected);
    std::vector<int> present;
    std::vector<std::pair<int, const sayso::detail::lazy_re2*>> expressions;
    for (std::size_t e = 0; e < each.size(); ++e) {
      expressions.emplace_back(static_cast<int>(e), lazy[e].get());
      if (RE2::PartialMatch(text, *each[e])) present.push_back(static_cast<int>(e));
    }
    sayso::detail::stance_internal::order_as_set(text, expressions, patterns, present);
    BOOST_TEST(present == expected, "order differs from RE2::Set on: " << text);
    several += expected.size() > 1 ? 1 : 0;
  }
  BOOST_TEST(several > 5000);
}

// ---- screened searches: a list's matches through the alternatives its words let through --------

namespace {

// Every match of `re` in `text`, one search after the other (the labeller's find_all before).
std::vector<std::pair<std::uint32_t, std::uint32_t>> whole_matches(const RE2& re, std::string_view text) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto b = static_cast<std::uint32_t>(match.data() - text.data());
    const auto e = static_cast<std::uint32_t>(b + match.size());
    out.emplace_back(b, e);
    pos = e > b ? e : e + 1;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(screened_searches_find_what_the_whole_expression_finds) {
  // The stance lists and the term lists of the default lexicon, on texts of their own words, short
  // (anchored searches at word boundaries) and long (past kMaxScan: RE2's own match start): the
  // same matches as the list's whole expression.
  const sayso::term_lexicon lexicon = sayso::term_lexicon::ceasefire();
  const auto& c = sayso::detail::term_lexicon_access::compiled(lexicon);
  struct list {
    const sayso::detail::screened_lists* screen;
    std::uint32_t entry;
    std::unique_ptr<RE2> whole;
  };
  std::vector<list> lists;
  const auto cue_lists = c.cue_lists();
  for (std::uint32_t i = 0; i < cue_lists.size(); ++i) {
    lists.push_back({&c.cue_screen(), i, std::make_unique<RE2>(cue_lists[i]->pattern(), insensitive())});
  }
  for (std::uint32_t t = 0; t < c.patterns.size(); ++t) {
    lists.push_back({&c.screen(), t, std::make_unique<RE2>(c.patterns[t].pattern(), insensitive())});
  }
  for (std::size_t k = 0; k < c.contexts.size(); ++k) {
    lists.push_back({&c.screen(), c.context_entry(k), std::make_unique<RE2>(c.contexts[k].expressions.pattern(), insensitive())});
  }
  std::vector<std::string> words = {"the", "a", "of", "to", "and", "said", "we", "they", "not", "new", "in", "no", "'s"};
  for (const sayso::term_info& t : c.terms) {
    for (const std::string& e : t.expressions) words_of_expression(e, words);
  }
  for (const auto* l : cue_lists) words_of_expression(l->pattern(), words);
  const std::array<std::string_view, 10> separators = {" ", " ", " ", ", ", "-", "'", "\xE2\x80\x99", " \xE2\x80\x9C",
                                                       "\xE2\x80\x9D ", ".\n"};
  std::mt19937 random(13);
  std::size_t found = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string text;
    const std::size_t n = i % 10 == 0 ? 200 + random() % 200 : 1 + random() % 14;
    for (std::size_t k = 0; k < n; ++k) {
      std::string w = words[random() % words.size()];
      if (random() % 8 == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      // Now and then the Kelvin sign, which RE2 reads as k: the words cannot decide then.
      if (i % 7 == 0 && k == 0 && !w.empty() && w.back() == 'k') w.replace(w.size() - 1, 1, "\xE2\x84\xAA");
      text += w;
      text += separators[random() % separators.size()];
    }
    sayso::detail::screened_text seen[2];
    c.cue_screen().read(text, seen[0]);
    c.screen().read(text, seen[1]);
    for (const list& l : lists) {
      std::vector<sayso::detail::alternative_ref> refs;
      l.screen->refs_of(l.entry, seen[l.screen == &c.screen() ? 1 : 0], refs);
      std::vector<std::pair<std::uint32_t, std::uint32_t>> got;
      sayso::detail::find_all(refs, text, got);
      const auto expected = whole_matches(*l.whole, text);
      BOOST_TEST((got == expected), "list " << l.entry << " finds other matches in: " << text);
      found += expected.size();
      // Counted as RE2::FindAndConsume counts them (each search reads the rest of the text as a
      // whole text), where count_consumed answers (the term lists: no \B, ^ or \A).
      if (l.screen != &c.screen()) continue;
      sayso::detail::native_re::boundary_index index;
      index.build(text);
      if (const auto n = sayso::detail::count_consumed(refs, text, 1000, &index)) {
        re2::StringPiece rest(text);
        std::uint32_t consumed = 0;
        while (consumed < 1000 && RE2::FindAndConsume(&rest, *l.whole)) ++consumed;
        BOOST_TEST(*n == consumed, "list " << l.entry << " counted " << *n << " instead of " << consumed << " in: " << text);
      }
    }
  }
  BOOST_TEST(found > 5000U);
}

// ---- native_re: the lexicons' expressions searched without compiling RE2 ------------------------

namespace {

// native_re (through lazy_re2::search) against RE2 on `text`: from 0, from a random place, and
// within a random limit; the same answer, and where it answers, the same match.
void compare_searches(const sayso::detail::lazy_re2& re, const std::string& text, std::mt19937& random,
                      std::size_t& matches) {
  const std::size_t from = text.empty() ? 0 : random() % (text.size() + 1);
  const std::size_t limit = from + (text.size() > from ? random() % (text.size() - from + 1) : 0);
  for (const auto& [f, l] : {std::pair<std::size_t, std::size_t>{0, text.size()}, {from, text.size()}, {from, limit}}) {
    std::size_t b1 = 0, e1 = 0, b2 = 0, e2 = 0;
    const auto r = re.native_matcher().search(text, f, b1, e1, l);
    const bool expected = re.search_re2(text, f, &b2, &e2, l);
    if (r == sayso::detail::native_re::result::unknown) {
      BOOST_TEST(re.search(text, f, &b1, &e1, l) == expected);
      continue;
    }
    const bool native = r == sayso::detail::native_re::result::match;
    BOOST_TEST(native == expected, re.pattern() << " from " << f << " to " << l << (expected ? " matches" : " does not match")
                                                << " in: " << text);
    if (native && expected) {
      BOOST_TEST((b1 == b2 && e1 == e2), re.pattern() << " from " << f << " to " << l << ": [" << b1 << ", " << e1
                                                      << ") instead of [" << b2 << ", " << e2 << ") in: " << text);
      ++matches;
    }
    BOOST_TEST(re.search(text, f, nullptr, nullptr, l) == expected);
    // At the text's indexed boundaries (the document counts' searches): the same, where it answers.
    sayso::detail::native_re::boundary_index index;
    index.build(text);
    std::size_t b3 = 0, e3 = 0;
    const auto indexed = re.native_matcher().search(text, f, b3, e3, l, nullptr, &index);
    if (indexed == sayso::detail::native_re::result::unknown) continue;
    BOOST_TEST((indexed == r), re.pattern() << " from " << f << " to " << l << ": indexed, another answer in: " << text);
    if (native && indexed == r) {
      BOOST_TEST((b3 == b1 && e3 == e1), re.pattern() << " from " << f << " to " << l << ": indexed, [" << b3 << ", "
                                                      << e3 << ") instead of [" << b1 << ", " << e1 << ") in: " << text);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(native_searches_answer_as_re2_on_tricky_patterns) {
  // Priority of alternatives, lazy and counted repeats, anchors, case-sensitive groups, negated
  // and named classes, non-ASCII text (quotation marks, the Kelvin sign and the long s that RE2
  // folds to k and s, an accented letter, invalid UTF-8), on random texts of a small alphabet.
  const std::vector<std::string> patterns = {
      "a|ab", "(?:a|ab)(?:c|bcd)", "a*?b", "(?:ab|a)*c", "\\bx\\w*", "(?-i:[A-Z])\\w+", "[^\\s.;]+",
      "^\\s*(?:no|not)", "(?:yes|no)\\s*$", "\\W+", "a{1,3}?b", ".{2}x", "(?:\\w+ ){0,2}end", "k", "s+k?",
      "\\b(?:ab|a b|x)\\b", "\\B\\w", "[a-c]{2,}", "(?:a(?:\\s|\"|\xE2\x80\x9C|\xE2\x80\x9D)+b)", "(?:a|)b",
      "x(?:'|\xE2\x80\x99)s", "[\\w.-]+", "(?:(?:a|b) )?c", "(?:\\W*\\w+\\W* )?k",
      "(?:ab|a|ac|b(?:x|y|z|1)|c|no)+d", "\\b(?:(?:yes|no|end|k) (?:a|b|c|x|)|s)\\b"};
  const std::vector<std::string> pieces = {"a", "b", "c", "x", "y", "A", "B", "K", "S", "k", "s", "no", "yes", "end",
                                           " ", " ", ".", ";", "\n", "'", "\xE2\x80\x99", "\xE2\x80\x9C", "\"",
                                           "\xC3\xA9", "\xE2\x84\xAA", "\xC5\xBF", "\xFF", "-", "_", "1"};
  std::vector<std::unique_ptr<sayso::detail::lazy_re2>> res;
  for (const std::string& p : patterns) {
    res.push_back(std::make_unique<sayso::detail::lazy_re2>(p, sayso::detail::compiled_terms::options()));
    BOOST_TEST(res.back()->native(), p << " is not read by native_re");
  }
  std::mt19937 random(17);
  std::size_t matches = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string text;
    const std::size_t n = random() % 14;
    for (std::size_t k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    for (const auto& re : res) compare_searches(*re, text, random, matches);
  }
  BOOST_TEST(matches > 20000U);
  // What it does not read, RE2 answers.
  const sayso::detail::lazy_re2 unicode("\\pL+", sayso::detail::compiled_terms::options());
  BOOST_TEST(!unicode.native());
  BOOST_TEST(unicode.search("\xC3\xA9t\xC3\xA9"));
}

BOOST_AUTO_TEST_CASE(native_searches_answer_as_re2_on_every_lexicon_expression) {
  // Every expression of the default lexicon the stance stage searches: the terms' whole
  // expressions (the document counts), their alternatives (the screened searches), the
  // contexts' conditions, the stance lists; on texts of their own words.
  const sayso::term_lexicon lexicon = sayso::term_lexicon::ceasefire();
  const auto& c = sayso::detail::term_lexicon_access::compiled(lexicon);
  std::vector<const sayso::detail::lazy_re2*> all;
  const auto add = [&](const sayso::detail::lazy_re2& re) {
    if (re) all.push_back(&re);
  };
  for (const auto& re : c.patterns) add(re);
  for (const auto& re : c.named) add(re);
  for (const auto& re : c.opposites) add(re);
  for (const auto& cx : c.contexts) {
    for (const auto* re : {&cx.expressions, &cx.sentence_has, &cx.quote_has, &cx.before, &cx.not_before, &cx.not_after,
                           &cx.after}) {
      add(*re);
    }
  }
  for (const auto* re : c.cue_lists()) add(*re);
  for (const auto& re : c.screen().alternatives) add(re);
  for (const auto& re : c.cue_screen().alternatives) add(re);
  std::size_t native = 0;
  for (const auto* re : all) native += re->native() ? 1 : 0;
  BOOST_TEST_MESSAGE(native << " of " << all.size() << " expressions read by native_re");
  BOOST_TEST(native * 100 >= all.size() * 98);
  std::vector<std::string> words = {"the", "a", "of", "to", "and", "said", "we", "they", "not", "new", "in", "no",
                                    "'s", "Hamas", "Israel", "US", "12", "talks", "deal"};
  for (const sayso::term_info& t : c.terms) {
    for (const std::string& e : t.expressions) words_of_expression(e, words);
  }
  for (const auto* l : c.cue_lists()) words_of_expression(l->pattern(), words);
  const std::array<std::string_view, 12> separators = {" ", " ", " ", ", ", "-", "'", "\xE2\x80\x99", " \xE2\x80\x9C",
                                                       "\xE2\x80\x9D ", ".\n", "; ", " \""};
  std::mt19937 random(19);
  std::size_t matches = 0;
  for (int i = 0; i < 400; ++i) {
    std::string text;
    const std::size_t n = i % 10 == 0 ? 150 + random() % 100 : 1 + random() % 16;
    for (std::size_t k = 0; k < n; ++k) {
      std::string w = words[random() % words.size()];
      if (random() % 8 == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      if (i % 7 == 0 && k == 0 && !w.empty() && w.back() == 'k') w.replace(w.size() - 1, 1, "\xE2\x84\xAA");
      text += w;
      text += separators[random() % separators.size()];
    }
    for (const auto* re : all) compare_searches(*re, text, random, matches);
  }
  BOOST_TEST(matches > 5000U);
}

BOOST_AUTO_TEST_CASE(the_built_in_word_lexicon_is_its_toml) {
  // lexicon::english() reads the bytes the build wrote from english.toml (lexicon::load): the
  // same lexicon as parsing english.toml now, and the same look-ups.
  const auto& built_in = sayso::detail::lexicon::english();
  const auto parsed = sayso::detail::lexicon::parse(sayso::detail::english_lexicon_toml, "english.toml");
  BOOST_TEST((built_in.save() == parsed->save()));
  for (const std::string_view w : {"said", "the", "minister", "according", "he", "unknownword", "told"}) {
    BOOST_TEST(built_in.classes(w) == parsed->classes(w), w);
    BOOST_TEST(built_in.cues_starting(w).size() == parsed->cues_starting(w).size(), w);
  }
  BOOST_TEST(built_in.classes("said") != 0U);
}

BOOST_AUTO_TEST_CASE(the_built_in_speaker_lexicon_is_its_toml) {
  // speaker_lexicon::english() loads the form the build wrote from speakers.toml: it must be
  // what parsing speakers.toml now gives, and answer as it does.
  const auto& built_in = sayso::detail::speaker_lexicon::english();
  const auto parsed = sayso::detail::speaker_lexicon::parse(sayso::detail::speaker_lexicon_toml, "speakers.toml");
  BOOST_TEST((built_in.save() == parsed->save()));
  const std::vector<std::string_view> words = {"the", "foreign", "minister", "of", "the", "united", "states", "said"};
  for (std::size_t at = 0; at < words.size(); ++at) {
    BOOST_TEST(built_in.role_at(words, at).id == parsed->role_at(words, at).id);
    BOOST_TEST(built_in.role_at(words, at).length == parsed->role_at(words, at).length);
    BOOST_TEST(built_in.country_at(words, at, true).length == parsed->country_at(words, at, true).length);
    BOOST_TEST(built_in.flags(words[at]) == parsed->flags(words[at]), words[at]);
  }
  BOOST_TEST(built_in.role_at(words, 1).length == 2U);
  BOOST_TEST(built_in.country_at(words, 5, false).length == 2U);
  for (const std::string_view w : {"gen", "defence", "spokesman", "however", "may", "she", "report", "forces"}) {
    BOOST_TEST(built_in.title(w) == parsed->title(w), w);
    BOOST_TEST(built_in.spelling(w) == parsed->spelling(w), w);
    BOOST_TEST(built_in.flags(w) == parsed->flags(w), w);
    BOOST_TEST(built_in.head_synonyms(w).size() == parsed->head_synonyms(w).size(), w);
  }
  BOOST_TEST(built_in.shortest_org_noun() == parsed->shortest_org_noun());
  BOOST_TEST(built_in.flags("however") != 0U);
}

BOOST_AUTO_TEST_CASE(the_built_in_lexicon_is_its_toml) {
  // term_lexicon::ceasefire() reads the compiled form the build wrote (stance/prebuilt.hpp): it
  // must be what reading ceasefire.toml and stance.toml now gives, screens and all.
  const auto& built_in = sayso::detail::term_lexicon_access::compiled(sayso::term_lexicon::ceasefire());
  const auto from_toml = sayso::detail::build_terms(sayso::detail::ceasefire_terms_toml, "ceasefire.toml", true);
  BOOST_TEST((sayso::detail::save_terms(built_in) == sayso::detail::save_terms(*from_toml)));
  // (So the built-in expressions' native_re machines, compiled by the build, are those that
  // compiling the TOML's expressions gives now: save_terms writes each machine.)
  // And a loaded screen searches as the one it was saved from (the loaded lexicon reads its
  // machines from `bytes`, which must outlive it).
  const std::string bytes = sayso::detail::save_terms(*from_toml);
  const auto reloaded = sayso::detail::load_terms(bytes);
  std::vector<std::uint32_t> a, b, alts_a, alts_b;
  const std::string text = "They called for an immediate ceasefire and the release of the hostages.";
  BOOST_TEST(reloaded->screen().words.candidates(text, a, &alts_a) == from_toml->screen().words.candidates(text, b, &alts_b));
  BOOST_TEST(a == b);
  BOOST_TEST(alts_a == alts_b);
  BOOST_TEST(!a.empty());
}

BOOST_AUTO_TEST_CASE(the_record_reader_reads_strings_as_nlohmann) {
  // The reader's fast path finds the end of a string's plain run eight bytes at a time: a
  // quotation mark, an escape, a character beyond ASCII, a raw control character or an ill-formed
  // byte, at every place of the first two blocks of eight and after, must read as nlohmann-json
  // alone reads the line (text, id, or an error).
  const std::vector<std::string> stops = {"\\\"", "\\\\", "\\n", "\\u00e9", "\xC3\xA9", "\xE2\x80\x9C",
                                          "\xF0\x9F\x98\x80", "\t", "\x7F", "\xC3", "\xFF", "\x1F"};
  for (const std::string& stop : stops) {
    for (std::size_t at = 0; at <= 20; ++at) {
      const std::string text = std::string(at, 'a') + stop + std::string(21 - at, 'b');
      const std::string line = "{\"id\": \"d1\", \"text\": \"" + text + "\"}";
      sayso::detail::input_record fast, reference;
      sayso::detail::parse_jsonl_line(line, fast);
      sayso::detail::parse_jsonl_line_with_nlohmann(line, reference);
      BOOST_TEST(fast.error.has_value() == reference.error.has_value(), line);
      BOOST_TEST(fast.text == reference.text, line);
      BOOST_TEST(fast.id == reference.id, line);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
