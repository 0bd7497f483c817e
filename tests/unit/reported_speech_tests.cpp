// Reported speech (issue 4): what the table of cases in data/attribution_cases.jsonl (run by
// attribution_tests.cpp) cannot say: an option that leaves beliefs out, a quote found among
// others, and a content's end checked against a position rather than a span. The constructions
// themselves (indirect and mixed quotes, beliefs, what must not be extracted) are cases in that
// table. The texts are invented; the people and institutions are fictional.
#include <boost/test/unit_test.hpp>

#include <string_view>

#include "analysis_helpers.hpp"

using sayso::quote;
using sayso::quote_kind;
using sayso_test::analyze;
using sayso_test::find_range;
using sayso_test::ranges;

BOOST_AUTO_TEST_SUITE(reported_speech_tests)

BOOST_AUTO_TEST_CASE(content_split_by_a_pronoun_attribution_has_two_spans) {
  const std::string_view text =
      "Western diplomats were gloomy after the meeting. Kasimir Dorn, they said, has little incentive to "
      "compromise.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = sayso_test::quote_over(a, text, "has little incentive to compromise");
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(q->kind == quote_kind::indirect);
  BOOST_TEST(q->content == ranges(text, {"Kasimir Dorn", "has little incentive to compromise"}),
             boost::test_tools::per_element());
  BOOST_TEST(sayso_test::mention_text(*q, text) == "they");
}

BOOST_AUTO_TEST_CASE(beliefs_can_be_switched_off) {
  const std::string_view text =
      "Ilse Marten believes that the talks will fail. Piet Varga said the talks would go on.";
  sayso::pipeline_options options;
  options.beliefs = false;
  const sayso::pipeline pipeline(options);
  const sayso::analysis a = pipeline.analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(!a.quotes[0].belief);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the talks would go on"}), boost::test_tools::per_element());
  // The default pipeline reports both.
  BOOST_TEST(analyze(text).quotes.size() == 2U);
}

BOOST_AUTO_TEST_CASE(relative_clause_attribution_ends_before_the_main_clause) {
  const std::string_view text =
      "Ilse Marten, who last week hinted that she would visit the valley \xE2\x80\x9Cto see for myself,\xE2\x80\x9D has "
      "cancelled the trip.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].kind == quote_kind::mixed);
  BOOST_TEST(a.quotes[0].content.back().end <= find_range(text, " has cancelled").begin);
  BOOST_TEST(sayso_test::speaker_name(a, a.quotes[0]) == "Ilse Marten");
}

BOOST_AUTO_TEST_CASE(date_with_a_year_after_an_inverted_cue) {
  const std::string_view text = "\u201CThe port will reopen,\u201D Mara Lind said in June 2012, citing new cranes.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() >= 1U);
  BOOST_TEST(a.quotes[0].kind == quote_kind::direct);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"The port will reopen,"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
