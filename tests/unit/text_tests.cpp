// The text model: tokens and their kinds, paragraphs, sentences, ill-formed UTF-8, size limit.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "test_util.hpp"

using sayso::byte_range;
using sayso::document;
using sayso::token_kind;
using sayso_test::find_range;

namespace {

// Checks the guarantee every document gives: tokens tile the text, sentences and paragraphs
// lie inside it in order, and each sentence's tokens cover its range.
void check_invariants(const document& doc) {
  const std::string_view text = doc.text();
  std::uint32_t at = 0;
  for (const sayso::token& t : doc.tokens()) {
    BOOST_TEST_REQUIRE(t.range.begin == at);
    BOOST_TEST_REQUIRE(t.range.end > t.range.begin);
    at = t.range.end;
  }
  BOOST_TEST(at == text.size());
  std::uint32_t previous_end = 0;
  for (const sayso::sentence& s : doc.sentences()) {
    BOOST_TEST(s.range.begin >= previous_end);
    BOOST_TEST(s.range.end <= text.size());
    BOOST_TEST_REQUIRE(s.first_token < s.end_token);
    BOOST_TEST(doc.tokens()[s.first_token].range.begin == s.range.begin);
    BOOST_TEST(doc.tokens()[s.end_token - 1].range.end == s.range.end);
    BOOST_TEST_REQUIRE(s.paragraph < doc.paragraphs().size());
    previous_end = s.range.end;
  }
  previous_end = 0;
  for (const sayso::paragraph& p : doc.paragraphs()) {
    BOOST_TEST(p.range.begin >= previous_end);
    BOOST_TEST(p.range.end <= text.size());
    BOOST_TEST(p.first_sentence <= p.end_sentence);
    previous_end = p.range.end;
  }
}

std::vector<std::string_view> sentence_texts(const document& doc) {
  std::vector<std::string_view> out;
  for (const sayso::sentence& s : doc.sentences()) out.push_back(doc.text_of(s.range));
  return out;
}

std::vector<std::string_view> paragraph_texts(const document& doc) {
  std::vector<std::string_view> out;
  for (const sayso::paragraph& p : doc.paragraphs()) out.push_back(doc.text_of(p.range));
  return out;
}

struct expected_token {
  std::string_view surface;
  token_kind kind;
};

void check_tokens(std::string_view text, const std::vector<expected_token>& expected) {
  const document doc(text);
  check_invariants(doc);
  BOOST_TEST_REQUIRE(doc.tokens().size() == expected.size());
  std::uint32_t at = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const sayso::token& t = doc.tokens()[i];
    const byte_range want{at, static_cast<std::uint32_t>(at + expected[i].surface.size())};
    BOOST_TEST_CONTEXT("token " << i << " '" << expected[i].surface << "'") {
      BOOST_TEST(t.range == want);
      BOOST_TEST(doc.text_of(t.range) == expected[i].surface);
      BOOST_TEST(t.kind == expected[i].kind);
    }
    at = want.end;
  }
}

constexpr token_kind W = token_kind::word;
constexpr token_kind N = token_kind::number;
constexpr token_kind P = token_kind::punctuation;
constexpr token_kind Q = token_kind::quotation_mark;
constexpr token_kind S = token_kind::space;

}  // namespace

BOOST_AUTO_TEST_SUITE(text_tests)

BOOST_AUTO_TEST_CASE(token_kinds_and_byte_ranges) {
  check_tokens("He said 1,000 “troops” left.", {{"He", W},
                                                {" ", S},
                                                {"said", W},
                                                {" ", S},
                                                {"1,000", N},
                                                {" ", S},
                                                {"“", Q},
                                                {"troops", W},
                                                {"”", Q},
                                                {" ", S},
                                                {"left", W},
                                                {".", P}});
}

BOOST_AUTO_TEST_CASE(every_quotation_mark_is_a_quotation_mark_token) {
  check_tokens("\"a\" 'b' «c» ‹d› „e“ ‚f‘ 「g」 『h』 `i`",
               {{"\"", Q}, {"a", W}, {"\"", Q}, {" ", S},  {"'", Q}, {"b", W},  {"'", Q},
                {" ", S},  {"«", Q}, {"c", W},  {"»", Q},  {" ", S}, {"‹", Q},  {"d", W},
                {"›", Q},  {" ", S}, {"„", Q},  {"e", W},  {"“", Q}, {" ", S},  {"‚", Q},
                {"f", W},  {"‘", Q}, {" ", S},  {"「", Q}, {"g", W}, {"」", Q}, {" ", S},
                {"『", Q}, {"h", W}, {"』", Q}, {" ", S},  {"`", Q}, {"i", W},  {"`", Q}});
}

BOOST_AUTO_TEST_CASE(apostrophes_and_abbreviations_stay_inside_words) {
  check_tokens("Don’t doubt the U.S. army's 3.5 km.", {{"Don’t", W},
                                                       {" ", S},
                                                       {"doubt", W},
                                                       {" ", S},
                                                       {"the", W},
                                                       {" ", S},
                                                       {"U.S", W},
                                                       {".", P},
                                                       {" ", S},
                                                       {"army's", W},
                                                       {" ", S},
                                                       {"3.5", N},
                                                       {" ", S},
                                                       {"km", W},
                                                       {".", P}});
}

BOOST_AUTO_TEST_CASE(line_breaks_and_tabs_are_space) {
  const std::string_view text = "One\r\ntwo\t\tthree\n\nfour";
  const document doc(text);
  check_invariants(doc);
  for (const sayso::token& t : doc.tokens()) {
    const std::string_view s = doc.text_of(t.range);
    const bool blank = s.find_first_not_of(" \t\r\n") == std::string_view::npos;
    BOOST_TEST_CONTEXT("token '" << s << "'") {
      BOOST_TEST((t.kind == token_kind::space) == blank);
    }
  }
  BOOST_TEST(doc.tokens().front().range == (byte_range{0, 3}));
  BOOST_TEST(doc.tokens().back().range == (byte_range{17, 21}));
}

BOOST_AUTO_TEST_CASE(empty_text) {
  const document doc("");
  BOOST_TEST(doc.tokens().empty());
  BOOST_TEST(doc.sentences().empty());
  BOOST_TEST(doc.paragraphs().empty());
  const document blank("  \n\n \t ");
  check_invariants(blank);
  BOOST_TEST(blank.sentences().empty());
  BOOST_TEST(blank.paragraphs().empty());
}

BOOST_AUTO_TEST_CASE(tokens_tile_the_text) {
  const std::vector<std::string> texts = {
      "Plain ASCII text, with punctuation; and numbers like 42 and 3.14!",
      "Ünïcödé wörds — and dashes – and emoji 😀🇺🇳 and CJK 和平谈判。",
      "“Nested ‘quotes’ here,” she said... (really?) [yes] {no}",
      "Tabs\tand\r\nCRLF\r\n\r\nlines\u2028and\u2029separators",
      "   leading and trailing space   ",
  };
  for (const std::string& text : texts) {
    BOOST_TEST_CONTEXT(text) { check_invariants(document(text)); }
  }
}

BOOST_AUTO_TEST_CASE(paragraphs_split_at_blank_lines) {
  const std::string_view text =
      "The envoys met on Monday.\n\nTalks resumed on Tuesday. They ended late.\n\n\n  Nothing was "
      "signed.  \n";
  const document doc(text);
  check_invariants(doc);
  BOOST_TEST(paragraph_texts(doc) ==
                 (std::vector<std::string_view>{"The envoys met on Monday.",
                                                "Talks resumed on Tuesday. They ended late.",
                                                "Nothing was signed."}),
             boost::test_tools::per_element());
  BOOST_TEST(doc.paragraphs()[1].range ==
             find_range(text, "Talks resumed on Tuesday. They ended late."));
  BOOST_TEST(doc.paragraphs()[1].first_sentence == 1U);
  BOOST_TEST(doc.paragraphs()[1].end_sentence == 3U);
  BOOST_TEST(doc.sentences()[2].paragraph == 1U);
}

BOOST_AUTO_TEST_CASE(one_paragraph_per_line_without_blank_lines) {
  const std::string_view text =
      "The envoys met on Monday.\nTalks resumed on Tuesday.\r\nNothing was signed.";
  const document doc(text);
  check_invariants(doc);
  BOOST_TEST(paragraph_texts(doc) == (std::vector<std::string_view>{"The envoys met on Monday.",
                                                                    "Talks resumed on Tuesday.",
                                                                    "Nothing was signed."}),
             boost::test_tools::per_element());
  BOOST_TEST(doc.paragraphs()[2].range == (byte_range{53, 72}));
}

BOOST_AUTO_TEST_CASE(line_break_inside_a_sentence_does_not_split_a_paragraph) {
  // Hard-wrapped text: paragraphs are separated by blank lines, lines are wrapped mid-sentence.
  const std::string_view text =
      "The foreign minister of Veldria said the\ntalks would resume on Friday in\nthe capital.\n\n"
      "Her counterpart did not\nreply.";
  const document doc(text);
  check_invariants(doc);
  BOOST_TEST(paragraph_texts(doc) ==
                 (std::vector<std::string_view>{"The foreign minister of Veldria said the\ntalks "
                                                "would resume on Friday in\nthe capital.",
                                                "Her counterpart did not\nreply."}),
             boost::test_tools::per_element());
  BOOST_TEST(sentence_texts(doc).size() == 2U);
}

BOOST_AUTO_TEST_CASE(sentences_split_at_terminal_punctuation) {
  const std::string_view text =
      "The talks failed. Will they resume? Nobody knows! “We tried.” He left…";
  const document doc(text);
  check_invariants(doc);
  BOOST_TEST(sentence_texts(doc) ==
                 (std::vector<std::string_view>{"The talks failed.", "Will they resume?",
                                                "Nobody knows!", "“We tried.”", "He left…"}),
             boost::test_tools::per_element());
  BOOST_TEST(doc.sentences()[3].range == find_range(text, "“We tried.”"));
  BOOST_TEST(doc.sentences()[0].range == (byte_range{0, 17}));
}

BOOST_AUTO_TEST_CASE(titles_and_initials_do_not_end_sentences) {
  const std::string_view text =
      "Mr. Halvorsen met Gen. Ostrova and Dr. Ruiz in the U.S. capital on Monday. "
      "J. K. Brandt, a U.N. envoy, joined them.";
  const document doc(text);
  check_invariants(doc);
  BOOST_TEST(sentence_texts(doc) ==
                 (std::vector<std::string_view>{
                     "Mr. Halvorsen met Gen. Ostrova and Dr. Ruiz in the U.S. capital on Monday.",
                     "J. K. Brandt, a U.N. envoy, joined them."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(abbreviation_before_a_capitalised_name_does_not_end_a_sentence) {
  const document doc("Officials in the U.S. State Department declined to comment.");
  BOOST_TEST(sentence_texts(doc).size() == 1U);
}

BOOST_AUTO_TEST_CASE(abbreviation_at_the_end_of_a_sentence_ends_it) {
  const std::string_view text = "The delegation flew back to the U.S. The next day it met again.";
  const document doc(text);
  check_invariants(doc);
  BOOST_TEST(
      sentence_texts(doc) == (std::vector<std::string_view>{"The delegation flew back to the U.S.",
                                                            "The next day it met again."}),
      boost::test_tools::per_element());
  BOOST_TEST(doc.sentences()[0].range == (byte_range{0, 36}));
  BOOST_TEST(doc.sentences()[1].range == (byte_range{37, 63}));
}

BOOST_AUTO_TEST_CASE(lower_case_after_a_period_does_not_start_a_sentence) {
  const document doc("The deal covers approx. ten villages, i.e. most of the valley.");
  BOOST_TEST(sentence_texts(doc).size() == 1U);
}

BOOST_AUTO_TEST_CASE(token_and_sentence_lookup) {
  const std::string_view text = "First one. Second one.";
  const document doc(text);
  BOOST_TEST_REQUIRE(doc.sentences().size() == 2U);
  const std::uint32_t second = doc.token_at(11);
  BOOST_TEST(doc.text_of(doc.tokens()[second].range) == "Second");
  BOOST_TEST(doc.token_at(12) == second);  // inside the token
  BOOST_TEST(doc.sentence_of_token(second) == 1U);
  BOOST_TEST(doc.sentence_of_token(0) == 0U);
  BOOST_TEST(doc.token_at(static_cast<std::uint32_t>(text.size())) == doc.tokens().size() - 1);
}

BOOST_AUTO_TEST_CASE(ill_formed_utf8_never_crashes_and_offsets_index_bytes) {
  const std::vector<std::string> texts = {
      std::string("abc\xFF def"),
      std::string("\xC0\xAF \xE0\x80\x80 \xED\xA0\x80 \xF4\x90\x80\x80"),  // overlong, surrogate, >
                                                                           // U+10FFFF
      std::string("“truncated \xE2\x80 mark” and \xF0\x9F\x98"),           // truncated sequences
      std::string("\x80\x80\x80\xBF"),  // lone continuation bytes
      std::string("He said \xE2\x80\x9C"
                  "broken \xFE\xFF quote\xE2\x80\x9D. Next.\n\nMore \xC3"),
      std::string("nul\0byte inside", 16),
  };
  for (const std::string& text : texts) {
    BOOST_TEST_CONTEXT("text of " << text.size() << " bytes") {
      document doc;
      BOOST_CHECK_NO_THROW(doc.assign(text));
      check_invariants(doc);
    }
  }
  // The bytes around a bad one are still read: "abc", U+FFFD, " ", "def".
  const std::string bad("abc\xFF def");
  const document doc(bad);
  BOOST_TEST_REQUIRE(doc.tokens().size() >= 3U);
  BOOST_TEST(doc.tokens()[0].range == (byte_range{0, 3}));
  BOOST_TEST(doc.tokens().back().range == (byte_range{5, 8}));
  BOOST_TEST(doc.text_of(doc.tokens().back().range) == "def");
}

BOOST_AUTO_TEST_CASE(document_can_be_reassigned) {
  document doc("A first, longer text. It has two sentences.");
  BOOST_TEST(doc.sentences().size() == 2U);
  doc.assign("Short.");
  check_invariants(doc);
  BOOST_TEST(doc.tokens().size() == 2U);
  BOOST_TEST(doc.sentences().size() == 1U);
  BOOST_TEST(doc.paragraphs().size() == 1U);
}

BOOST_AUTO_TEST_CASE(input_size_limit) {
  // max_input_bytes is the largest size accepted: offsets are 32-bit and ICU indexes with
  // int32_t. The check is tested on sizes directly rather than on 2 GiB of memory.
  BOOST_TEST(sayso::max_input_bytes == std::size_t{2147483647});
  BOOST_CHECK_NO_THROW(sayso::check_input_size(0));
  BOOST_CHECK_NO_THROW(sayso::check_input_size(sayso::max_input_bytes));
  BOOST_CHECK_EXCEPTION(sayso::check_input_size(sayso::max_input_bytes + 1), sayso::error,
                        [](const sayso::error& e) {
                          const std::string what = e.what();
                          return e.code() == sayso::errc::input_too_large &&
                                 what.find("2147483648") != std::string::npos;
                        });
  BOOST_CHECK_THROW(sayso::check_input_size(std::size_t{1} << 40), sayso::error);
  BOOST_TEST(sayso::to_string(sayso::errc::input_too_large) == "input_too_large");
}

BOOST_AUTO_TEST_SUITE_END()
