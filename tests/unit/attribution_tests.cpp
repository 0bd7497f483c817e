// Attribution (issue 3): every layout a news text uses to attribute a quotation, the reporting
// cues in their inflections, and quotations interrupted by their attribution. Each test checks
// the exact content spans, the cue's words, the speaker mention's words and the speaker entity.
// The texts are invented; people, places and institutions are fictional.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string_view>
#include <vector>

#include "analysis_helpers.hpp"

using sayso::byte_range;
using sayso::quote;
using sayso::quote_kind;
using sayso_test::analyze;
using sayso_test::check_who;
using sayso_test::find_range;
using sayso_test::ranges;

namespace {

// Checks a text holding exactly one direct quote: its single span, and who said it.
void check_single_direct(std::string_view text, std::string_view content, const sayso_test::who& w) {
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  // Not BOOST_TEST_REQUIRE: an aborted test case fails even when its failure is expected.
  BOOST_TEST(a.quotes.size() == 1U);
  if (a.quotes.size() != 1U) return;
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::direct);
  BOOST_TEST(q.content == ranges(text, {content}), boost::test_tools::per_element());
  BOOST_TEST(q.closed);
  check_who(a, q, text, w);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attribution_tests)

// ---- layouts ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(quote_then_name_then_verb) {
  const std::string_view text = "“We will keep the border open,” Tomas Brenner said.";
  check_single_direct(text, "We will keep the border open,",
                      {"said", "Tomas Brenner", "Tomas Brenner", "person"});
  const sayso::analysis a = analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST_REQUIRE(a.quotes[0].cue.has_value());
  BOOST_TEST(a.quotes[0].cue->range == find_range(text, "said"));
  BOOST_TEST(sayso::to_string(a.quotes[0].cue->kind) == "verb");
  BOOST_TEST(a.quotes[0].speaker->mention == find_range(text, "Tomas Brenner"));
}

BOOST_AUTO_TEST_CASE(quote_then_inverted_verb_then_name) {
  check_single_direct("“We will keep the border open,” said Tomas Brenner.", "We will keep the border open,",
                      {"said", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(name_verb_colon_quote) {
  check_single_direct("Tomas Brenner said: “We will keep the border open.”", "We will keep the border open.",
                      {"said", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(name_verb_comma_quote) {
  check_single_direct("Tomas Brenner said, “We will keep the border open.”", "We will keep the border open.",
                      {"said", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(name_colon_quote) {
  const std::string_view text = "Ilse Marten: “The harbour will reopen next week.”";
  check_single_direct(text, "The harbour will reopen next week.", {":", "Ilse Marten", "Ilse Marten", "person"});
  const sayso::analysis a = analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST_REQUIRE(a.quotes[0].cue.has_value());
  BOOST_TEST(sayso::to_string(a.quotes[0].cue->kind) == "colon");
}

BOOST_AUTO_TEST_CASE(quote_then_dash_then_name) {
  const std::string_view text = "“We will keep the border open” — Tomas Brenner";
  check_single_direct(text, "We will keep the border open", {"—", "Tomas Brenner", "Tomas Brenner", "person"});
  const sayso::analysis a = analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST_REQUIRE(a.quotes[0].cue.has_value());
  BOOST_TEST(sayso::to_string(a.quotes[0].cue->kind) == "dash");
}

BOOST_AUTO_TEST_CASE(name_said_colon_with_the_quotation_in_the_next_paragraph) {
  const std::string_view text =
      "Tomas Brenner said:\n\n"
      "“We will keep the border open. Nobody will be turned away.”";
  check_single_direct(text, "We will keep the border open. Nobody will be turned away.",
                      {"said", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(pronoun_said_colon_with_the_quotation_in_the_next_paragraph) {
  const std::string_view text =
      "Interior Minister Tomas Brenner spoke to reporters on Tuesday. He said:\n\n"
      "“We will keep the border open.”";
  check_single_direct(text, "We will keep the border open.", {"said", "He", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(appositive_between_name_and_verb) {
  const std::string_view text = "“We will keep the border open,” Tomas Brenner, a former minister, said.";
  check_single_direct(text, "We will keep the border open,", {"said", "Tomas Brenner", "Tomas Brenner", "person"});
  const sayso::analysis a = analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].cue->range == find_range(text, "said"));
}

BOOST_AUTO_TEST_CASE(pronoun_with_added_starts_a_new_quote) {
  // A later quotation with an attribution of its own is a new quote (GUIDELINES.md).
  const std::string_view text =
      "“The talks were useful,” Tomas Brenner said. “We need more time,” he added.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"The talks were useful,"}), boost::test_tools::per_element());
  BOOST_TEST(a.quotes[1].content == ranges(text, {"We need more time,"}), boost::test_tools::per_element());
  check_who(a, a.quotes[0], text, {"said", "Tomas Brenner", "Tomas Brenner", "person"});
  check_who(a, a.quotes[1], text, {"added", "he", "Tomas Brenner", "person"});
  BOOST_TEST(a.quotes[0].speaker->entity == a.quotes[1].speaker->entity);
}

BOOST_AUTO_TEST_CASE(subject_with_appositive_insisted_that_a_fragment) {
  const std::string_view text =
      "Ilse Marten, a close ally and envoy, insisted that “preparations continue” for a second round.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::mixed);
  // Spans exclude the marks at their edges; the inner closing mark belongs to the clause.
  BOOST_TEST(q.content == ranges(text, {"preparations continue” for a second round"}),
             boost::test_tools::per_element());
  check_who(a, q, text, {"insisted", "Ilse Marten", "Ilse Marten", "person"});
}

BOOST_AUTO_TEST_CASE(passive_described_by_name_as_a_fragment) {
  const std::string_view text = "The call was described by Ilse Marten as “productive”.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].kind == quote_kind::mixed);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"productive"}), boost::test_tools::per_element());
  check_who(a, a.quotes[0], text, {"described", "Ilse Marten", "Ilse Marten", "person"});
}

BOOST_AUTO_TEST_CASE(according_to_before_the_quotation) {
  const std::string_view text = "According to Ilse Marten, “the harbour will reopen next week.”";
  check_single_direct(text, "the harbour will reopen next week.",
                      {"According to", "Ilse Marten", "Ilse Marten", "person"});
  const sayso::analysis a = analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST_REQUIRE(a.quotes[0].cue.has_value());
  BOOST_TEST(sayso::to_string(a.quotes[0].cue->kind) == "phrase");
}

BOOST_AUTO_TEST_CASE(according_to_after_the_quotation) {
  check_single_direct("“The harbour will reopen next week,” according to Ilse Marten.",
                      "The harbour will reopen next week,",
                      {"according to", "Ilse Marten", "Ilse Marten", "person"});
}

// The auxiliary "was" is not part of the cue.
BOOST_AUTO_TEST_CASE(was_quoted_as_saying) {
  check_single_direct("“We will keep the border open,” Tomas Brenner was quoted as saying.",
                      "We will keep the border open,",
                      {"quoted as saying", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(time_and_medium_adjuncts_after_the_speaker) {
  check_single_direct("“The harbour will reopen next week,” Ilse Marten tweeted on Sunday.",
                      "The harbour will reopen next week,", {"tweeted", "Ilse Marten", "Ilse Marten", "person"});
  check_single_direct("“We will keep the border open,” Tomas Brenner wrote on social media.",
                      "We will keep the border open,", {"wrote", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(told_with_an_addressee) {
  check_single_direct("Ilse Marten told reporters: “The harbour will reopen next week.”",
                      "The harbour will reopen next week.", {"told", "Ilse Marten", "Ilse Marten", "person"});
  check_single_direct("“We will keep the border open,” Tomas Brenner told the Karvo Herald.",
                      "We will keep the border open,", {"told", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(anonymous_source_with_qualifiers) {
  check_single_direct("“Nobody wants this war,” one senior official in the delegation said.", "Nobody wants this war,",
                      {"said", "one senior official in the delegation", "one senior official in the delegation",
                       "anonymous"});
}

BOOST_AUTO_TEST_CASE(anonymous_source_with_a_short_description) {
  check_single_direct("“Nobody wants this war,” one senior official said.", "Nobody wants this war,",
                      {"said", "one senior official", "one senior official", "anonymous"});
}

BOOST_AUTO_TEST_CASE(on_condition_of_anonymity_is_not_content) {
  check_single_direct("“The offer is not serious,” one senior official said on condition of anonymity.",
                      "The offer is not serious,",
                      {"said", "one senior official", "one senior official", "anonymous"});
}

// ---- cues in their inflections ------------------------------------------------------------

struct cue_case {
  std::string_view text;
  std::string_view content;
  std::string_view cue;
};

std::ostream& operator<<(std::ostream& os, const cue_case& c) { return os << c.text; }

const std::vector<cue_case> cue_cases = {
    {"“The harbour will reopen,” Ilse Marten says.", "The harbour will reopen,", "says"},
    {"“The harbour will reopen,” Ilse Marten said.", "The harbour will reopen,", "said"},
    {"“The harbour will reopen,” Ilse Marten insisted.", "The harbour will reopen,", "insisted"},
    {"“The harbour will reopen,” Ilse Marten insists.", "The harbour will reopen,", "insists"},
    {"“The harbour will reopen,” Ilse Marten warned.", "The harbour will reopen,", "warned"},
    {"“The harbour will reopen,” Ilse Marten warns.", "The harbour will reopen,", "warns"},
    {"“The harbour will reopen,” Ilse Marten noted.", "The harbour will reopen,", "noted"},
    {"“The harbour will reopen,” Ilse Marten added.", "The harbour will reopen,", "added"},
    {"“The harbour will reopen,” Ilse Marten tweeted.", "The harbour will reopen,", "tweeted"},
    {"“The harbour will reopen,” Ilse Marten wrote.", "The harbour will reopen,", "wrote"},
    {"“The harbour will reopen,” Ilse Marten told reporters.", "The harbour will reopen,", "told"},
    {"“The harbour will reopen,” Ilse Marten explained.", "The harbour will reopen,", "explained"},
    {"“The harbour will reopen,” Ilse Marten acknowledged.", "The harbour will reopen,", "acknowledged"},
    {"“The harbour will reopen,” Ilse Marten declared.", "The harbour will reopen,", "declared"},
    {"Ilse Marten is saying: “The harbour will reopen.”", "The harbour will reopen.", "saying"},
    {"Ilse Marten has stated: “The harbour will reopen.”", "The harbour will reopen.", "stated"},
};

BOOST_DATA_TEST_CASE(reporting_verbs_in_several_inflections, boost::unit_test::data::make(cue_cases), c) {
  const sayso::analysis a = analyze(c.text);
  sayso_test::check_well_formed(a, c.text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::direct);
  BOOST_TEST(q.content == ranges(c.text, {c.content}), boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(q.cue.has_value());
  BOOST_TEST(q.cue->range == find_range(c.text, c.cue));
  BOOST_TEST(sayso::to_string(q.cue->kind) == "verb");
  BOOST_TEST(sayso_test::mention_text(q, c.text) == "Ilse Marten");
  BOOST_TEST(sayso_test::speaker_name(a, q) == "Ilse Marten");
}

// ---- interrupted quotations ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(interrupted_after_a_comma_is_one_quote_with_two_spans) {
  const std::string_view text =
      "Anna Holm arrived on Monday. “We have heard promises before,” she said, “and each "
      "time the shelling resumed.”";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = sayso_test::quote_over(a, text, "We have heard promises before,");
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(q->kind == quote_kind::direct);
  BOOST_TEST(q->content ==
                 ranges(text, {"We have heard promises before,", "and each time the shelling resumed."}),
             boost::test_tools::per_element());
  check_who(a, *q, text, {"said", "she", "Anna Holm", "person"});
}

BOOST_AUTO_TEST_CASE(interrupted_after_a_period_is_one_quote_with_two_spans) {
  const std::string_view text =
      "“We have heard promises before,” Anna Holm said. “Each time the shelling resumed within a day.”";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::direct);
  BOOST_TEST(q.content ==
                 ranges(text, {"We have heard promises before,", "Each time the shelling resumed within a day."}),
             boost::test_tools::per_element());
  check_who(a, q, text, {"said", "Anna Holm", "Anna Holm", "person"});
}

BOOST_AUTO_TEST_CASE(several_sentences_in_one_quotation_are_one_span) {
  check_single_direct("“The talks were useful. We need more time. We will be back,” Tomas Brenner said.",
                      "The talks were useful. We need more time. We will be back,",
                      {"said", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(two_speakers_in_one_paragraph_keep_their_own_quotes) {
  const std::string_view text =
      "“The corridor must stay open,” Ilse Marten said, while Piet Varga told reporters: “The next "
      "convoy leaves at dawn.”";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"The corridor must stay open,"}), boost::test_tools::per_element());
  BOOST_TEST(a.quotes[1].content == ranges(text, {"The next convoy leaves at dawn."}),
             boost::test_tools::per_element());
  check_who(a, a.quotes[0], text, {"said", "Ilse Marten", "Ilse Marten", "person"});
  check_who(a, a.quotes[1], text, {"told", "Piet Varga", "Piet Varga", "person"});
}

BOOST_AUTO_TEST_CASE(straight_quotation_marks) {
  check_single_direct("\"We will keep the border open,\" Tomas Brenner said.", "We will keep the border open,",
                      {"said", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_SUITE_END()
