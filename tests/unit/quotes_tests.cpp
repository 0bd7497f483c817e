// Quotation pairing: every quotation-mark convention, apostrophes, nesting, unclosed quotes and
// the newspaper convention for quotations that run over several paragraphs.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "test_util.hpp"

using sayso::byte_range;
using sayso::document;
using sayso::quotation;
using sayso_test::find_range;

namespace {

struct convention {
  std::string_view name;
  std::string_view open;
  std::string_view close;
};

std::ostream& operator<<(std::ostream& os, const convention& c) { return os << c.name; }

const std::vector<convention> kConventions = {
    {"english double “…”", "\u201C", "\u201D"},
    {"english single ‘…’", "\u2018", "\u2019"},
    {"straight double \"…\"", "\"", "\""},
    {"straight single '…'", "'", "'"},
    {"guillemets «…»", "\u00AB", "\u00BB"},
    {"reversed guillemets »…«", "\u00BB", "\u00AB"},
    {"german „…“", "\u201E", "\u201C"},
    {"polish „…”", "\u201E", "\u201D"},
    {"german single ‚…‘", "\u201A", "\u2018"},
    {"single guillemets ‹…›", "\u2039", "\u203A"},
    {"corner brackets 「…」", "\u300C", "\u300D"},
    {"white corner brackets 『…』", "\u300E", "\u300F"},
    {"latex ``…''", "``", "''"},
};

std::vector<quotation> quotations_of(std::string_view text) {
  const document doc(text);
  return sayso::find_quotations(doc);
}

std::vector<std::string_view> inner_texts(std::string_view text) {
  std::vector<std::string_view> out;
  for (const quotation& q : quotations_of(text)) out.push_back(q.inner.of(text));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(quotes_tests)

BOOST_DATA_TEST_CASE(every_convention_pairs, boost::unit_test::data::make(kConventions), c) {
  const std::string text = "The envoy said " + std::string(c.open) + "we are ready to talk" +
                           std::string(c.close) + " on Monday.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  const quotation& q = found[0];
  const auto open_begin = static_cast<std::uint32_t>(15);
  const auto open_end = static_cast<std::uint32_t>(open_begin + c.open.size());
  const auto close_begin = static_cast<std::uint32_t>(open_end + 20);
  BOOST_TEST(q.open_mark == (byte_range{open_begin, open_end}));
  BOOST_TEST(q.inner == (byte_range{open_end, close_begin}));
  BOOST_TEST(q.inner.of(text) == "we are ready to talk");
  BOOST_TEST(q.close_mark ==
             (byte_range{close_begin, static_cast<std::uint32_t>(close_begin + c.close.size())}));
  BOOST_TEST(q.closed);
  BOOST_TEST(q.depth == 0U);
  BOOST_TEST(q.continues == quotation::none);
}

BOOST_DATA_TEST_CASE(every_convention_pairs_at_sentence_start_with_punctuation,
                     boost::unit_test::data::make(kConventions), c) {
  const std::string text =
      std::string(c.open) + "We are ready," + std::string(c.close) + " she said.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(found[0].inner.of(text) == "We are ready,");
  BOOST_TEST(found[0].open_mark.begin == 0U);
  BOOST_TEST(found[0].closed);
}

BOOST_AUTO_TEST_CASE(apostrophes_never_open_or_close) {
  for (const std::string_view text : {
           std::string_view("They don’t expect the Jones’ farm to reopen, as in the ’90s. ’Tis a "
                            "pity, said the fan of rock ’n’ roll."),
           std::string_view("They don't expect the Jones' farm to reopen, as in the '90s. 'Tis a "
                            "pity, said the fan of rock 'n' roll."),
           std::string_view("The rebels’ demands and the ministers' replies were both ignored."),
       }) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(quotations_of(text).empty()); }
  }
}

BOOST_AUTO_TEST_CASE(apostrophes_inside_a_single_quoted_quotation) {
  const std::string_view text =
      "He said ‘we don’t want the ’90s back, not in the Jones’ valley’ today.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(found[0].inner ==
             find_range(text, "we don’t want the ’90s back, not in the Jones’ valley"));
  BOOST_TEST(found[0].closed);
}

BOOST_AUTO_TEST_CASE(apostrophes_inside_a_double_quoted_quotation) {
  const std::string_view text = "“Rock ’n’ roll isn’t the problem,” the mayor’s aide said.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(found[0].inner == find_range(text, "Rock ’n’ roll isn’t the problem,"));
  BOOST_TEST(found[0].close_mark == find_range(text, "”"));
}

BOOST_AUTO_TEST_CASE(nested_quotations) {
  const std::string_view text = "“They told us ‘no talks without a truce’ again,” she said.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 2U);
  // In text order of the opening marks: the outer one first.
  BOOST_TEST(found[0].inner == find_range(text, "They told us ‘no talks without a truce’ again,"));
  BOOST_TEST(found[0].depth == 0U);
  BOOST_TEST(found[1].inner == find_range(text, "no talks without a truce"));
  BOOST_TEST(found[1].depth == 1U);
  BOOST_TEST(found[1].open_mark == find_range(text, "‘"));
  BOOST_TEST(found[1].close_mark == find_range(text, "’"));
}

BOOST_AUTO_TEST_CASE(nested_straight_quotations) {
  const std::string_view text = "\"The sign read 'no entry' all week,\" he said.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 2U);
  BOOST_TEST(found[0].inner == find_range(text, "The sign read 'no entry' all week,"));
  BOOST_TEST(found[1].inner == find_range(text, "no entry"));
  BOOST_TEST(found[1].depth == 1U);
}

BOOST_AUTO_TEST_CASE(several_quotations_in_a_paragraph) {
  const std::string_view text = "“Yes,” said one. “No,” said another. “Maybe,” said a third.";
  BOOST_TEST(inner_texts(text) == (std::vector<std::string_view>{"Yes,", "No,", "Maybe,"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(inner_excludes_surrounding_white_space) {
  const std::string_view text = "He said “  spaced out  ” twice.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(found[0].inner == find_range(text, "spaced out"));
}

BOOST_AUTO_TEST_CASE(unclosed_quotation_is_reported) {
  const std::string_view text =
      "The minister said “we will never give up the valley.\n\nTalks end today.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(!found[0].closed);
  BOOST_TEST(found[0].open_mark == find_range(text, "“"));
  BOOST_TEST(found[0].inner == find_range(text, "we will never give up the valley."));
  BOOST_TEST(found[0].close_mark.empty());
  BOOST_TEST(found[0].continues == quotation::none);
}

BOOST_AUTO_TEST_CASE(unclosed_quotation_at_the_end_of_the_text) {
  const std::string_view text = "She said: “the ceasefire holds";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(!found[0].closed);
  BOOST_TEST(found[0].inner == find_range(text, "the ceasefire holds"));
}

BOOST_AUTO_TEST_CASE(stray_marks_do_not_crash) {
  for (const std::string_view text : {"”", "“", "\"", "'", "``", "''", "” ” ” “", "«»", "“”",
                                      "a “ b ” c “", "‘’‘’‘’", "``''``"}) {
    BOOST_TEST_CONTEXT(text) {
      std::vector<quotation> found;
      BOOST_CHECK_NO_THROW(found = quotations_of(text));
      for (const quotation& q : found) {
        BOOST_TEST(q.inner.end <= text.size());
        BOOST_TEST(q.open_mark.end <= q.inner.begin);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(multi_paragraph_quotation_continues) {
  // Newspaper convention: the opening mark is repeated at each new paragraph and the closing
  // mark comes only at the end.
  const std::string_view text =
      "The envoy read a statement. “We came to listen to every side.\n\n"
      "“We leave with a plan for a truce.\n\n"
      "“The guns must fall silent this week,” she said.\n\n"
      "Reporters left.";
  const std::vector<quotation> found = quotations_of(text);
  // Not BOOST_TEST_REQUIRE: an aborted test case fails even when failures are expected.
  BOOST_TEST(found.size() == 3U);
  if (found.size() != 3U) return;
  BOOST_TEST(found[0].inner == find_range(text, "We came to listen to every side."));
  BOOST_TEST(found[0].continues == quotation::none);
  BOOST_TEST(found[1].inner == find_range(text, "We leave with a plan for a truce."));
  BOOST_TEST(found[1].continues == 0U);
  BOOST_TEST(found[2].inner == find_range(text, "The guns must fall silent this week,"));
  BOOST_TEST(found[2].continues == 1U);
  BOOST_TEST(found[2].closed);
  BOOST_TEST(found[2].close_mark == find_range(text, "”"));
  for (const quotation& q : found) BOOST_TEST(q.depth == 0U);
}

BOOST_AUTO_TEST_CASE(quotation_not_reopened_in_the_next_paragraph_is_unclosed) {
  const std::string_view text = "“We came to listen.\n\nThe envoy then left the room.";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(!found[0].closed);
  BOOST_TEST(found[0].inner == find_range(text, "We came to listen."));
}

BOOST_AUTO_TEST_CASE(many_marks_in_linear_time) {
  // 20,000 quotations and 20,000 stray marks: pairing must not go quadratic (this would take
  // minutes if it did; ctest's timeout catches it).
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "“a” ";
  text += "\n\n";
  for (int i = 0; i < 20000; ++i) text += "\" ' ` « ";
  const std::vector<quotation> found = quotations_of(text);
  BOOST_TEST_REQUIRE(found.size() >= 20000U);
  BOOST_TEST(found[19999].inner.of(text) == "a");
}

BOOST_AUTO_TEST_SUITE_END()
