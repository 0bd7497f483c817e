// Reported speech (issue 4): indirect and mixed quotes. Each construction of the issue with its
// exact content span (the reported clause without the attribution, ending where the clause
// ends), its cue and its speaker; content split by its attribution; attributed beliefs; and what
// must not be extracted (narration, hypotheticals, headlines, scare quotes and titles).
// The texts are invented; the people and institutions are fictional.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string_view>
#include <vector>

#include "analysis_helpers.hpp"

using sayso::quote;
using sayso::quote_kind;
using sayso_test::analyze;
using sayso_test::check_who;
using sayso_test::find_range;
using sayso_test::ranges;

namespace {

// Checks a text holding exactly one quote of `kind` with the single span `content`, said by
// Ilse Marten with the cue `cue`. Never aborts, so that expected failures are counted.
void check_marten(std::string_view text, quote_kind kind, std::string_view content, std::string_view cue) {
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST(a.quotes.size() == 1U);
  if (a.quotes.size() != 1U) return;
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == kind);
  BOOST_TEST(q.content == ranges(text, {content}), boost::test_tools::per_element());
  BOOST_TEST(!q.belief);
  check_who(a, q, text, {cue, "Ilse Marten", "Ilse Marten", "person"});
  if (q.cue) BOOST_TEST(q.cue->range == find_range(text, cue));
}

// Checks that nothing in `text` is reported as a quote.
void check_no_quote(std::string_view text) {
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST(a.quotes.empty(), a.quotes.size() << " quote(s), the first over «"
                                               << (a.quotes.empty() ? std::string_view() : a.quotes[0].content[0].of(text))
                                               << "»");
}

// One quote with exactly `content` whose speaker mention is `mention`.
void check_one(std::string_view text, std::string_view content, std::string_view mention) {
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.content == ranges(text, {content}), boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(q.speaker.has_value());
  BOOST_TEST(q.speaker->mention.of(text) == mention);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reported_speech_tests)

// ---- said (that) ... ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(said_that_clause) {
  check_marten("Ilse Marten said that the border crossings would reopen on Friday.", quote_kind::indirect,
               "the border crossings would reopen on Friday", "said");
}

BOOST_AUTO_TEST_CASE(said_clause_without_that) {
  check_marten("Ilse Marten said the border crossings would reopen on Friday.", quote_kind::indirect,
               "the border crossings would reopen on Friday", "said");
}

BOOST_AUTO_TEST_CASE(said_with_a_time_adjunct_before_that) {
  check_marten("Ilse Marten said on Friday that the crossings would reopen.", quote_kind::indirect,
               "the crossings would reopen", "said");
}

BOOST_AUTO_TEST_CASE(told_reporters_that_clause) {
  check_marten("Ilse Marten told reporters that the border crossings would reopen on Friday.", quote_kind::indirect,
               "the border crossings would reopen on Friday", "told");
}

BOOST_AUTO_TEST_CASE(told_reporters_clause_without_that) {
  check_marten("Ilse Marten told reporters the border crossings would reopen on Friday.", quote_kind::indirect,
               "the border crossings would reopen on Friday", "told");
}

BOOST_AUTO_TEST_CASE(told_a_named_addressee_that_clause) {
  check_marten("Ilse Marten told her Tesland counterpart that the crossings would reopen on Friday.",
               quote_kind::indirect, "the crossings would reopen on Friday", "told");
}

BOOST_AUTO_TEST_CASE(clause_then_name_then_said) {
  check_marten("The border crossings will reopen on Friday, Ilse Marten said.", quote_kind::indirect,
               "The border crossings will reopen on Friday", "said");
}

BOOST_AUTO_TEST_CASE(clause_then_said_then_name) {
  check_marten("The border crossings will reopen on Friday, said Ilse Marten.", quote_kind::indirect,
               "The border crossings will reopen on Friday", "said");
}

BOOST_AUTO_TEST_CASE(has_repeatedly_stated_that) {
  check_marten("Ilse Marten has repeatedly stated that Dalmeria will not give up its land.", quote_kind::indirect,
               "Dalmeria will not give up its land", "stated");
}

BOOST_AUTO_TEST_CASE(according_to_name_then_clause) {
  check_marten("According to Ilse Marten, the border crossings will reopen on Friday.", quote_kind::indirect,
               "the border crossings will reopen on Friday", "According to");
}

BOOST_AUTO_TEST_CASE(clause_then_according_to_name) {
  check_marten("The border crossings will reopen on Friday, according to Ilse Marten.", quote_kind::indirect,
               "The border crossings will reopen on Friday", "according to");
}

BOOST_AUTO_TEST_CASE(according_to_a_group_with_a_qualifier) {
  const std::string_view text =
      "According to officials familiar with the talks, the message from Karvo was unchanged.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].kind == quote_kind::indirect);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the message from Karvo was unchanged"}),
             boost::test_tools::per_element());
  check_who(a, a.quotes[0], text,
            {"According to", "officials familiar with the talks", "officials familiar with the talks", "group"});
}

BOOST_AUTO_TEST_CASE(clause_then_group_with_a_qualifier_said) {
  const std::string_view text = "The message from Karvo was unchanged, officials familiar with the talks said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST(a.quotes.size() == 1U);
  if (a.quotes.size() != 1U) return;
  BOOST_TEST(a.quotes[0].content == ranges(text, {"The message from Karvo was unchanged"}),
             boost::test_tools::per_element());
  check_who(a, a.quotes[0], text,
            {"said", "officials familiar with the talks", "officials familiar with the talks", "group"});
}

BOOST_AUTO_TEST_CASE(in_an_interview_with_a_newspaper) {
  const std::string_view text =
      "In an interview with the Karvo Herald, Tomas Brenner said the border would stay open.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the border would stay open"}), boost::test_tools::per_element());
  check_who(a, a.quotes[0], text, {"said", "Tomas Brenner", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(in_a_statement_organisation_said) {
  const std::string_view text =
      "In a statement, the Tesland Foreign Ministry said the convoy had been stopped at the border.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::indirect);
  BOOST_TEST(q.content == ranges(text, {"the convoy had been stopped at the border"}), boost::test_tools::per_element());
  BOOST_TEST(sayso_test::cue_text(q, text) == "said");
  BOOST_TEST(sayso_test::mention_text(q, text) == "the Tesland Foreign Ministry");
  BOOST_TEST(sayso_test::speaker_kind(a, q) == "organisation");
}

BOOST_AUTO_TEST_CASE(in_a_statement_person_said) {
  check_marten("In a statement, Ilse Marten said the crossings would reopen on Friday.", quote_kind::indirect,
               "the crossings would reopen on Friday", "said");
}

// ---- other speech verbs with a that-clause ------------------------------------------------

struct verb_case {
  std::string_view text;
  std::string_view content;
  std::string_view cue;
};

std::ostream& operator<<(std::ostream& os, const verb_case& c) { return os << c.text; }

const std::vector<verb_case> that_verbs = {
    {"Ilse Marten warned that the harvest would be lost.", "the harvest would be lost", "warned"},
    {"Ilse Marten argued that sanctions had failed.", "sanctions had failed", "argued"},
    {"Ilse Marten insisted that the delegation would stay.", "the delegation would stay", "insisted"},
    {"Ilse Marten denied that troops had crossed the river.", "troops had crossed the river", "denied"},
    {"Ilse Marten announced that the embassy would reopen.", "the embassy would reopen", "announced"},
    {"Ilse Marten acknowledged that the convoy was late.", "the convoy was late", "acknowledged"},
    {"Ilse Marten claims that the dam was never damaged.", "the dam was never damaged", "claims"},
    {"Ilse Marten has confirmed that the embassy will reopen.", "the embassy will reopen", "confirmed"},
};

BOOST_DATA_TEST_CASE(speech_verb_with_a_that_clause, boost::unit_test::data::make(that_verbs), c) {
  check_marten(c.text, quote_kind::indirect, c.content, c.cue);
}

// ---- content boundaries -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(content_ends_before_a_participle_adjunct) {
  check_marten("Ilse Marten said the crossings would reopen on Friday, speaking at a news conference in Karvo.",
               quote_kind::indirect, "the crossings would reopen on Friday", "said");
}

BOOST_AUTO_TEST_CASE(content_ends_with_its_sentence) {
  check_marten("Ilse Marten said the crossings would reopen on Friday. The first convoy left at dawn.",
               quote_kind::indirect, "the crossings would reopen on Friday", "said");
}

BOOST_AUTO_TEST_CASE(coordinated_reported_clauses_stay_in_the_content) {
  check_marten("Ilse Marten said the crossings would reopen on Friday and the first convoy would leave at dawn.",
               quote_kind::indirect, "the crossings would reopen on Friday and the first convoy would leave at dawn",
               "said");
}

BOOST_AUTO_TEST_CASE(relative_clause_on_the_subject_is_not_content) {
  const std::string_view text =
      "The harbour reopened on Friday. Ilse Marten, who arrived by train, said the crossings would follow.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the crossings would follow"}), boost::test_tools::per_element());
  check_who(a, a.quotes[0], text, {"said", "Ilse Marten", "Ilse Marten", "person"});
}

BOOST_AUTO_TEST_CASE(content_split_by_its_attribution_has_two_spans) {
  const std::string_view text = "Kasimir Dorn, Western diplomats said, has little incentive to compromise.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::indirect);
  BOOST_TEST(q.content == ranges(text, {"Kasimir Dorn", "has little incentive to compromise"}),
             boost::test_tools::per_element());
  check_who(a, q, text, {"said", "Western diplomats", "Western diplomats", "group"});
}

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

// ---- speech acts with infinitival or nominal complements ---------------------------------

BOOST_AUTO_TEST_CASE(urged_an_object_not_to_do_something) {
  const std::string_view text = "European leaders urged the Tesland government not to concede territory.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::indirect);
  BOOST_TEST(q.content == ranges(text, {"the Tesland government not to concede territory"}),
             boost::test_tools::per_element());
  check_who(a, q, text, {"urged", "European leaders", "European leaders", "group"});
}

BOOST_AUTO_TEST_CASE(called_for_a_noun_phrase) {
  check_marten("Ilse Marten called for an immediate ceasefire.", quote_kind::indirect, "an immediate ceasefire",
               "called for");
}

BOOST_AUTO_TEST_CASE(rejected_a_noun_phrase) {
  check_marten("Ilse Marten rejected the proposal.", quote_kind::indirect, "the proposal", "rejected");
}

BOOST_AUTO_TEST_CASE(demanded_the_release_of) {
  check_marten("Ilse Marten demanded the release of the detained journalists.", quote_kind::indirect,
               "the release of the detained journalists", "demanded");
}

// ---- mixed quotes -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(that_clause_holding_a_quoted_fragment_is_mixed) {
  // The content covers the clause with its fragment; the marks at its edges are excluded.
  check_marten("Ilse Marten insisted that “preparations continue” for a second round.", quote_kind::mixed,
               "preparations continue” for a second round", "insisted");
}

BOOST_AUTO_TEST_CASE(fragment_in_the_middle_of_a_clause_is_mixed) {
  check_marten("Ilse Marten said the talks had been “frank but useful” and would go on.", quote_kind::mixed,
               "the talks had been “frank but useful” and would go on", "said");
}

BOOST_AUTO_TEST_CASE(described_as_a_quoted_fragment_is_mixed) {
  check_marten("Ilse Marten described the call as “productive”.", quote_kind::mixed, "productive", "described");
}

BOOST_AUTO_TEST_CASE(called_it_a_quoted_fragment_is_mixed) {
  check_marten("Ilse Marten called the offer “a trap dressed as a gift”.", quote_kind::mixed,
               "a trap dressed as a gift", "called");
}

// ---- beliefs ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(believes_that_is_a_belief) {
  const std::string_view text = "Ilse Marten believes that the talks will fail.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.belief);
  BOOST_TEST(q.kind == quote_kind::indirect);
  BOOST_TEST(q.content == ranges(text, {"the talks will fail"}), boost::test_tools::per_element());
  check_who(a, q, text, {"believes", "Ilse Marten", "Ilse Marten", "person"});
}

BOOST_AUTO_TEST_CASE(fears_and_thinks_are_beliefs) {
  for (const std::string_view text :
       {std::string_view("Ilse Marten fears that the harvest will be lost."),
        std::string_view("Ilse Marten thinks the harvest will be lost.")}) {
    BOOST_TEST_CONTEXT(text) {
      const sayso::analysis a = analyze(text);
      BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
      BOOST_TEST(a.quotes[0].belief);
      BOOST_TEST(a.quotes[0].content == ranges(text, {"the harvest will be lost"}), boost::test_tools::per_element());
    }
  }
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

// ---- not quotes ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(narration_is_not_a_quote) {
  check_no_quote(
      "The two delegations met in Karvo on Monday. The atmosphere was tense, and the meeting ended early. "
      "The convoy crossed the river at dawn and reached the city by noon.");
}

BOOST_AUTO_TEST_CASE(hypothetical_with_no_source_is_not_a_quote) {
  check_no_quote("Critics will argue that the deal rewards aggression.");
  check_no_quote("If the shelling resumes, critics will argue that the deal rewards aggression.");
  check_no_quote("Many in Karvo may say the truce came too late.");
}

BOOST_AUTO_TEST_CASE(headline_is_not_a_quote) {
  const std::string_view text =
      "Marten says crossings will reopen\n\n"
      "Ilse Marten said on Friday that the crossings would reopen.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST(sayso_test::quotes_over(a, text, "crossings will reopen").empty());
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the crossings would reopen"}), boost::test_tools::per_element());
  check_no_quote("Marten says talks will resume");
}

BOOST_AUTO_TEST_CASE(scare_quotes_and_titles_are_not_quotes) {
  check_no_quote("The delegation circulated a so-called “non-paper” on Tuesday.");
  check_no_quote("The envoy watched the film “Casablanca” on the flight home.");
  check_no_quote("The “spirit of Karvo” faded quickly after the spring.");
}

BOOST_AUTO_TEST_CASE(reported_speech_beside_a_scare_quote) {
  const std::string_view text =
      "The so-called “peace roadmap” was published on Friday. Ilse Marten said the plan was a stunt.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST(sayso_test::quotes_over(a, text, "peace roadmap").empty());
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].kind == quote_kind::indirect);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the plan was a stunt"}), boost::test_tools::per_element());
}

// ---- later additions ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(dateline_is_not_content) {
  const std::string_view text = "LINDMARK, March 14 \xE2\x80\x94 The border crossings will reopen on Friday, Ilse Marten said.";
  check_marten(text, quote_kind::indirect, "The border crossings will reopen on Friday", "said");
}

BOOST_AUTO_TEST_CASE(a_verb_after_said_starts_the_content) {
  // The "that" of "any deal that left ..." does not open the content.
  check_marten("Ilse Marten said her party would vote against any deal that left troops in the valley.",
               quote_kind::indirect, "her party would vote against any deal that left troops in the valley", "said");
}

BOOST_AUTO_TEST_CASE(title_then_name_in_apposition) {
  // The mention is the whole phrase; the speaker is the person it names.
  const std::string_view text = "Karvo's foreign minister, Ilse Marten, said that the talks had been useful.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the talks had been useful"}), boost::test_tools::per_element());
  BOOST_TEST(sayso_test::speaker_name(a, a.quotes[0]) == "Ilse Marten");
  BOOST_TEST(sayso_test::speaker_kind(a, a.quotes[0]) == "person");
}

BOOST_AUTO_TEST_CASE(statement_issued_by_an_organisation) {
  const std::string_view text =
      "The Karvo defence ministry issued a statement saying that its troops had left the valley.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"its troops had left the valley"}), boost::test_tools::per_element());
  BOOST_TEST(sayso_test::without_article(sayso_test::speaker_name(a, a.quotes[0])) == "Karvo defence ministry");
}

BOOST_AUTO_TEST_CASE(subordinate_clause_with_its_own_attribution) {
  const std::string_view text =
      "Ilse Marten announced that the harbour would close after the mayor said that the pier was unsafe.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the harbour would close"}), boost::test_tools::per_element());
  BOOST_TEST(a.quotes[1].content == ranges(text, {"the pier was unsafe"}), boost::test_tools::per_element());
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

// ---- subjects and asides found this session ------------------------------------------------

BOOST_AUTO_TEST_CASE(ratio_as_subject) {
  check_one("About three in 10 said they would stay home in November.", "they would stay home in November",
            "three in 10");
}

BOOST_AUTO_TEST_CASE(plural_noun_as_subject_of_say) {
  check_one("But shipping specialists say the strait will stay closed for weeks.",
            "the strait will stay closed for weeks", "shipping specialists");
}

BOOST_AUTO_TEST_CASE(age_and_description_between_commas) {
  check_one("Rolf Ebbe, 61, a fisherman mending nets by the pier, told the radio that the catch had halved.",
            "the catch had halved", "Rolf Ebbe");
}

BOOST_AUTO_TEST_CASE(aside_of_several_commas) {
  check_one("Mara Lind, a former port official who now runs a shipping firm, which trades with Karvo, said "
            "the tariffs would hurt.",
            "the tariffs would hurt", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(titled_name_after_a_fronted_adjunct) {
  check_one("Saturday at the party convention Sen. Mara Lind said the tariffs would hurt.", "the tariffs would hurt",
            "Sen. Mara Lind");
}

BOOST_AUTO_TEST_CASE(common_noun_source_after_a_comma) {
  check_one("The ferry had been delayed by two hours, the operator said.", "The ferry had been delayed by two hours",
            "the operator");
}

BOOST_AUTO_TEST_CASE(connective_before_a_parenthetical_attribution) {
  check_one("Rather, she said, the tariffs would hurt the ports.", "the tariffs would hurt the ports", "she");
}

BOOST_AUTO_TEST_CASE(channel_adjunct_between_subject_and_verb) {
  check_one("Mara Lind in a radio interview said the tariffs would hurt.", "the tariffs would hurt", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(contraction_starts_the_content) {
  // The "that" further on does not open the content.
  check_one("Mara Lind said it's important that the ports stay open.", "it's important that the ports stay open",
            "Mara Lind");
}

BOOST_AUTO_TEST_CASE(naming_verb_without_quotation_marks) {
  check_one("Mara Lind called him a reckless gambler.", "him a reckless gambler", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(speech_act_object_ends_before_a_new_clause) {
  check_one("Mara Lind rejected the tariff plan, and the minister has since withdrawn it.", "the tariff plan",
            "Mara Lind");
}

BOOST_AUTO_TEST_CASE(speech_act_object_keeps_a_list) {
  check_one("Mara Lind called for a ceasefire, the release of prisoners, and new talks.",
            "a ceasefire, the release of prisoners, and new talks", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(per_as_a_preposition_is_not_a_source) {
  check_no_quote("The ferry cost forty crowns per ticket before the season began.");
}

BOOST_AUTO_TEST_CASE(colon_then_a_paragraph_without_quotation_marks) {
  // A block quotation: the paragraph after "X added:" is what X said.
  const std::string_view text =
      "The mayor added:\n\nThe harbour will reopen when the pier is safe, and not a day before.\n\nThe meeting "
      "ended at noon.";
  check_one(text, "The harbour will reopen when the pier is safe, and not a day before.", "The mayor");
}

BOOST_AUTO_TEST_CASE(a_finding_reported_by_an_analysis) {
  // "reports" before "shows" is a noun, not the cue.
  check_one("Ferry traffic fell by half, an analysis of harbour reports shows.", "Ferry traffic fell by half",
            "an analysis of harbour reports");
}

BOOST_AUTO_TEST_CASE(gerund_after_a_preposition) {
  check_one("Mara Lind began by saying the pier was unsafe.", "the pier was unsafe", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(date_with_a_year_after_an_inverted_cue) {
  const std::string_view text = "\u201CThe port will reopen,\u201D Mara Lind said in June 2012, citing new cranes.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() >= 1U);
  BOOST_TEST(a.quotes[0].kind == quote_kind::direct);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"The port will reopen,"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pronoun_after_an_aside_starts_the_content) {
  // Not the inverted "…, said X": X is never a subject pronoun.
  check_one("Rolf Ebbe, a fisherman, said he holds the harbour \u201Cvery dear.\u201D",
            "he holds the harbour \u201Cvery dear.", "Rolf Ebbe");
}

BOOST_AUTO_TEST_CASE(as_the_source_said_then_the_main_clause) {
  check_one("But as Mara Lind noted, the ferries will keep running.", "the ferries will keep running", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(subject_with_a_relative_clause) {
  // The anonymous source keeps its fullest description, without the time adjunct.
  check_one("Officials who spoke on condition of anonymity on Tuesday said the ferries would stop.",
            "the ferries would stop", "Officials who spoke on condition of anonymity");
}

BOOST_AUTO_TEST_CASE(years_of_service_are_not_a_time_adjunct) {
  check_one("The employee of nearly four years, a registered voter, said the ferries would stop.",
            "the ferries would stop", "The employee of nearly four years");
}

BOOST_AUTO_TEST_CASE(remark_in_brackets_between_subject_and_verb) {
  check_one("Mara Lind (who has led the port for a decade) said the ferries would stop.", "the ferries would stop",
            "Mara Lind");
}

BOOST_AUTO_TEST_CASE(participle_as_adjective_in_a_channel_adjunct) {
  check_one("Mara Lind said in a written statement that the ferries would stop.", "the ferries would stop",
            "Mara Lind");
}

BOOST_AUTO_TEST_CASE(hyphenated_number_as_subject) {
  check_one("Twenty-four percent said the ferries should stop.", "the ferries should stop", "Twenty-four percent");
}

BOOST_AUTO_TEST_CASE(possessive_apostrophe_after_a_plural) {
  check_one("The Harbors\u2019 union announced it would strike on Monday.", "it would strike on Monday",
            "The Harbors\u2019 union");
}

BOOST_AUTO_TEST_CASE(lead_in_before_an_inverted_looking_cue) {
  // "Heading into the vote, X told Y that …" is read forward: the lead-in is not what X said.
  check_one("Heading into the vote, Mara Lind told the radio that the ferries would stop.", "the ferries would stop",
            "Mara Lind");
}

BOOST_AUTO_TEST_CASE(subordinate_clause_between_addressee_and_that) {
  check_one("Mara Lind told reporters as she left the port that the ferries would stop.", "the ferries would stop",
            "Mara Lind");
}

BOOST_AUTO_TEST_CASE(relative_aside_on_a_channel_before_that) {
  check_one("Mara Lind said on the radio, where she hosts a weekly show, that the ferries would stop.",
            "the ferries would stop", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(participle_in_a_compound_adjective_is_not_a_cue) {
  check_no_quote("The Karvo-backed rebels took the pier on Monday.");
}

BOOST_AUTO_TEST_CASE(writers_participle_clause_is_not_a_report) {
  // ", raising tensions and threatening …" is the writer's comment, not something the minister
  // said; only the first clause is a report.
  check_one("Mara Lind accused Karvo of shelling the port, raising tensions and threatening the truce that ended "
            "the war.",
            "Karvo of shelling the port", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(statement_announced_at_the_end_of_the_previous_paragraph) {
  const std::string_view text =
      "The mayor issued the following statement:\n\n\u201CThe harbour will reopen on Monday. We thank the crews.\u201D";
  check_one(text, "The harbour will reopen on Monday. We thank the crews.", "The mayor");
}

BOOST_AUTO_TEST_CASE(manner_of_speaking_after_a_quotation) {
  check_one("\u201CThe pier is open!\u201D beamed Mara Lind.", "The pier is open!", "Mara Lind");
}

BOOST_AUTO_TEST_CASE(quantifier_holding_a_belief_is_the_writers_summary) {
  check_no_quote("Yet for all the delays, few believe the harbour talks have failed.");
}

BOOST_AUTO_TEST_CASE(possessive_noun_phrase_before_a_naming_verb_is_not_a_source) {
  // "the minister's phone call … was described by both sides as …": "call" is a noun here.
  check_one("Foreign Minister Mara Lind\u2019s phone call with the mayor was described by both sides as "
            "\u201Cuseful.\u201D",
            "useful.", "both sides");
}

BOOST_AUTO_TEST_CASE(noun_phrase_before_an_inverted_looking_cue_is_its_subject) {
  check_one("The port's former director, Rolf Ebbe, said the pilot who steered the ferry should resign.",
            "the pilot who steered the ferry should resign", "The port's former director, Rolf Ebbe");
}

BOOST_AUTO_TEST_CASE(capitalised_auxiliary_in_a_name) {
  // "May" is a name here, not a modal or a month; "would formally declare" is a prediction.
  check_one("Prime Minister Mara May said the country would formally declare its plans in March.",
            "the country would formally declare its plans in March", "Prime Minister Mara May");
}

BOOST_AUTO_TEST_CASE(same_source_second_report_after_and) {
  const std::string_view text = "Mara Lind said the pier would reopen and suggested that the ferries would run.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"the pier would reopen"}), boost::test_tools::per_element());
  BOOST_TEST(a.quotes[1].content == ranges(text, {"the ferries would run"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
