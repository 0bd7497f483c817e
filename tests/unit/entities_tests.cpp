// Entities (issue 3): who a speaker mention refers to, resolved within the document. Names and
// their short forms, titles and appositives given with a name, pronouns, groups, anonymous
// sources, organisations and metonyms, and floating quotations that take the previous speaker.
// The texts are invented; the people and institutions are fictional. Metonyms are recognised
// from a lexicon of real capitals, so that test uses one.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "analysis_helpers.hpp"

using sayso::byte_range;
using sayso::quote;
using sayso::quote_kind;
using sayso_test::analyze;
using sayso_test::check_who;
using sayso_test::find_range;
using sayso_test::quote_over;
using sayso_test::ranges;

namespace {

// The entity named `name`, or nullptr.
const sayso::entity* entity_named(const sayso::analysis& a, std::string_view name) {
  for (const sayso::entity& e : a.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// The range of `word` where it starts the first occurrence of `phrase` ("he" in "he said").
byte_range head(std::string_view text, std::string_view phrase, std::string_view word) {
  const byte_range r = find_range(text, phrase);
  return {r.begin, static_cast<std::uint32_t>(r.begin + word.size())};
}

// The quote over `needle`, checked to exist (without aborting, so that expected failures count).
const quote* the_quote(const sayso::analysis& a, std::string_view text, std::string_view needle) {
  const quote* q = quote_over(a, text, needle);
  BOOST_TEST(q != nullptr, "one quote over «" << needle << "»");
  return q;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(entities_tests)

// ---- names --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(surname_refers_to_the_full_name_given_earlier) {
  const std::string_view text =
      "Ilse Marten met her counterpart on Monday. “We are not here for a photo,” Marten said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "We are not here for a photo,");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "Marten", "Ilse Marten", "person"});
  const sayso::entity* e = entity_named(a, "Ilse Marten");
  BOOST_TEST_REQUIRE(e != nullptr);
  // Every mention, in text order, the narration's included.
  BOOST_TEST(e->mentions == (std::vector<byte_range>{find_range(text, "Ilse Marten"), find_range(text, "Marten", 1)}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(surname_before_the_full_name_in_an_attribution) {
  // The full name comes in the first attribution; the short form later takes it.
  const std::string_view text =
      "“The offer is a trap,” said Kasimir Dorn. “We will not fall for it,” Dorn added.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  check_who(a, a.quotes[0], text, {"said", "Kasimir Dorn", "Kasimir Dorn", "person"});
  check_who(a, a.quotes[1], text, {"added", "Dorn", "Kasimir Dorn", "person"});
  BOOST_TEST(a.quotes[0].speaker->entity == a.quotes[1].speaker->entity);
}

BOOST_AUTO_TEST_CASE(one_entity_for_a_person_quoted_several_times) {
  const std::string_view text =
      "“The offer is a trap,” Kasimir Dorn said.\n\n"
      "The delegation left the hall soon after.\n\n"
      "“We will not fall for it,” Dorn said. “Nobody will,” he added.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 3U);
  for (const quote& q : a.quotes) BOOST_TEST(sayso_test::speaker_name(a, q) == "Kasimir Dorn");
  std::size_t named = 0;
  for (const sayso::entity& e : a.entities) named += e.name == "Kasimir Dorn" ? 1 : 0;
  BOOST_TEST(named == 1U);
  const sayso::entity* e = entity_named(a, "Kasimir Dorn");
  BOOST_TEST_REQUIRE(e != nullptr);
  BOOST_TEST(sayso::to_string(e->kind) == "person");
  BOOST_TEST(e->mentions == (std::vector<byte_range>{find_range(text, "Kasimir Dorn"), find_range(text, "Dorn", 1),
                                                     head(text, "he added", "he")}),
             boost::test_tools::per_element());
}

// ---- titles and appositives ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(title_with_a_name_then_the_title_alone) {
  const std::string_view text =
      "President Anna Holm opened the summit on Friday. “Nobody leaves this room without a plan,” the "
      "president said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "Nobody leaves this room without a plan,");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "the president", "Anna Holm", "person"});
}

BOOST_AUTO_TEST_CASE(title_with_a_name_in_the_attribution_then_the_title_alone) {
  const std::string_view text =
      "“Nobody leaves this room without a plan,” said President Anna Holm. “We will stay all night if we "
      "must,” the president added.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  // The mention is the whole phrase; the canonical name drops the title.
  check_who(a, a.quotes[0], text, {"said", "President Anna Holm", "Anna Holm", "person"});
  check_who(a, a.quotes[1], text, {"added", "the president", "Anna Holm", "person"});
}

BOOST_AUTO_TEST_CASE(multiword_title_then_the_title_alone) {
  const std::string_view text =
      "Foreign Minister Ilse Marten flew to the talks on Monday. “We came to listen,” the foreign minister "
      "said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "We came to listen,");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "the foreign minister", "Ilse Marten", "person"});
}

BOOST_AUTO_TEST_CASE(unlisted_demonym_and_title_are_not_part_of_the_name) {
  const std::string_view text =
      "Dalmerian Foreign Minister Ilse Marten flew to the talks on Monday. “We are not here for a photo,” "
      "Marten said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "We are not here for a photo,");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "Marten", "Ilse Marten", "person"});
}

BOOST_AUTO_TEST_CASE(inverted_attribution_with_a_title_and_a_name_in_apposition) {
  const std::string_view text = "“The harbour will reopen next week,” said the foreign minister, Ilse Marten.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "The harbour will reopen next week,");
  if (q == nullptr) return;
  BOOST_TEST(sayso_test::speaker_name(a, *q) == "Ilse Marten");
  BOOST_TEST(sayso_test::speaker_kind(a, *q) == "person");
}

BOOST_AUTO_TEST_CASE(appositive_role_in_the_narration_then_the_role_alone) {
  const std::string_view text =
      "Piet Varga, the ministry's envoy, arrived late. “The next convoy leaves at dawn,” the envoy said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "The next convoy leaves at dawn,");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "the envoy", "Piet Varga", "person"});
}

BOOST_AUTO_TEST_CASE(appositive_role_in_an_attribution_then_the_role_alone) {
  const std::string_view text =
      "“The corridor must stay open,” said Piet Varga, the ministry's envoy, on Tuesday. “The next convoy "
      "leaves at dawn,” the envoy said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  check_who(a, a.quotes[0], text, {"said", "Piet Varga", "Piet Varga", "person"});
  check_who(a, a.quotes[1], text, {"said", "the envoy", "Piet Varga", "person"});
}

// ---- pronouns -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(he_after_a_named_speaker) {
  const std::string_view text =
      "“The corridor must stay open,” Piet Varga said. “The next convoy leaves at dawn,” he said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  check_who(a, a.quotes[1], text, {"said", "he", "Piet Varga", "person"});
  BOOST_TEST(a.quotes[1].speaker->mention == head(text, "he said", "he"));
}

BOOST_AUTO_TEST_CASE(she_skips_a_more_recent_person_of_unknown_gender) {
  // "Her deputy" is not what "she" refers to: the last woman the text speaks of is.
  const std::string_view text =
      "“The corridor must stay open,” Ilse Marten said on Monday. Her deputy, Piet Varga, agreed. “The "
      "next convoy leaves at dawn,” she said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "The next convoy leaves at dawn,");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "she", "Ilse Marten", "person"});
}

BOOST_AUTO_TEST_CASE(pronoun_in_a_following_sentence_of_reported_speech) {
  const std::string_view text =
      "Ilse Marten said the talks had stalled. She added that a new round was unlikely before spring.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "a new round was unlikely before spring");
  if (q == nullptr) return;
  check_who(a, *q, text, {"added", "She", "Ilse Marten", "person"});
}

BOOST_AUTO_TEST_CASE(pronoun_does_not_refer_to_a_place) {
  const std::string_view text =
      "Tomas Brenner spoke to reporters in Karvo on Tuesday. “We will keep the border open,” he said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "We will keep the border open,");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "he", "Tomas Brenner", "person"});
}

BOOST_AUTO_TEST_CASE(they_for_a_group) {
  const std::string_view text =
      "“We will not attend,” the opposition leaders said in a joint letter. “The process is rigged,” they "
      "said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  check_who(a, a.quotes[0], text, {"said", "the opposition leaders", "the opposition leaders", "group"});
  check_who(a, a.quotes[1], text, {"said", "they", "the opposition leaders", "group"});
}

BOOST_AUTO_TEST_CASE(they_for_a_group_named_in_the_previous_sentence) {
  const std::string_view text =
      "Western diplomats were gloomy after the meeting. Kasimir Dorn, they said, has little incentive to "
      "compromise.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "has little incentive to compromise");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "they", "Western diplomats", "group"});
}

// ---- anonymous sources --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(anonymous_source_then_the_official) {
  const std::string_view text =
      "“The offer is not serious,” one senior official said. “They want time to regroup,” the official "
      "added.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  check_who(a, a.quotes[0], text, {"said", "one senior official", "one senior official", "anonymous"});
  check_who(a, a.quotes[1], text, {"added", "the official", "one senior official", "anonymous"});
}

BOOST_AUTO_TEST_CASE(the_official_refers_back_across_a_sentence) {
  const std::string_view text =
      "“The offer is not serious,” one senior official said. Asked about the deadline, the official "
      "said: “There is no deadline.”";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "There is no deadline.");
  if (q == nullptr) return;
  check_who(a, *q, text, {"said", "the official", "one senior official", "anonymous"});
}

BOOST_AUTO_TEST_CASE(two_anonymous_sources_stay_apart) {
  const std::string_view text =
      "“The offer is not serious,” one senior official said. “It deserves an answer,” a diplomat in "
      "Karvo said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  BOOST_TEST(sayso_test::speaker_kind(a, a.quotes[0]) == "anonymous");
  BOOST_TEST(sayso_test::speaker_kind(a, a.quotes[1]) == "anonymous");
  BOOST_TEST(a.quotes[0].speaker->entity != a.quotes[1].speaker->entity);
}

// ---- organisations and metonyms -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(ministry_is_an_organisation) {
  const std::string_view text = "“The offer is a trap,” the Tesland Foreign Ministry said in a statement.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(sayso_test::cue_text(q, text) == "said");
  BOOST_TEST(sayso_test::mention_text(q, text) == "the Tesland Foreign Ministry");
  BOOST_TEST(sayso_test::without_article(sayso_test::speaker_name(a, q)) == "Tesland Foreign Ministry");
  BOOST_TEST(sayso_test::speaker_kind(a, q) == "organisation");
}

BOOST_AUTO_TEST_CASE(seat_of_government_as_an_organisation) {
  // An invented institution named by its seat, as "the Kremlin" is.
  const std::string_view text = "“The offer is a trap,” the Palace said in a statement on Sunday.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(sayso_test::mention_text(a.quotes[0], text) == "the Palace");
  BOOST_TEST(sayso_test::without_article(sayso_test::speaker_name(a, a.quotes[0])) == "Palace");
  BOOST_TEST(sayso_test::speaker_kind(a, a.quotes[0]) == "organisation");
}

BOOST_AUTO_TEST_CASE(capital_city_as_an_organisation) {
  const std::string_view text = "“The offer is a trap,” Brussels said. Brussels later said the offer had expired.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  check_who(a, a.quotes[0], text, {"said", "Brussels", "Brussels", "organisation"});
  check_who(a, a.quotes[1], text, {"said", "Brussels", "Brussels", "organisation"});
  BOOST_TEST(a.quotes[0].speaker->entity == a.quotes[1].speaker->entity);
}

BOOST_AUTO_TEST_CASE(group_of_unnamed_people) {
  const std::string_view text = "“We want our sons back,” relatives of the detained soldiers said.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  check_who(a, a.quotes[0], text,
            {"said", "relatives of the detained soldiers", "relatives of the detained soldiers", "group"});
}

BOOST_AUTO_TEST_CASE(place_adjunct_after_the_verb_is_not_content) {
  const std::string_view text = "“We want our sons back,” relatives of the detained soldiers said outside the court.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST(a.quotes.size() == 1U);
  if (a.quotes.size() != 1U) return;
  check_who(a, a.quotes[0], text,
            {"said", "relatives of the detained soldiers", "relatives of the detained soldiers", "group"});
}

// ---- floating quotations ------------------------------------------------------------------

// A floating quotation carries the speaker, mention and cue of the quote it continues.
BOOST_AUTO_TEST_CASE(floating_quotation_in_the_next_paragraph_takes_the_previous_speaker) {
  const std::string_view text =
      "“We have heard promises before,” Anna Holm said.\n\n"
      "“Each time the shelling resumed within a day.”";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  const quote& floating = a.quotes[1];
  BOOST_TEST(floating.kind == quote_kind::direct);
  BOOST_TEST(floating.content == ranges(text, {"Each time the shelling resumed within a day."}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(floating.cue.has_value());
  BOOST_TEST(floating.cue->range == a.quotes[0].cue->range);
  BOOST_TEST(sayso_test::speaker_name(a, floating) == "Anna Holm");
  BOOST_TEST(floating.speaker->entity == a.quotes[0].speaker->entity);
}

BOOST_AUTO_TEST_CASE(floating_quotation_after_narration_takes_the_previous_speaker) {
  const std::string_view text =
      "“We have heard promises before,” Anna Holm said. The talks broke up an hour later. “Each time the "
      "shelling resumed within a day.”";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "Each time the shelling resumed within a day.");
  if (q == nullptr) return;
  BOOST_TEST(q->cue.has_value());
  BOOST_TEST(sayso_test::speaker_name(a, *q) == "Anna Holm");
}

BOOST_AUTO_TEST_CASE(floating_quotation_takes_the_latest_of_two_speakers) {
  const std::string_view text =
      "“The corridor must stay open,” Ilse Marten said. “The next convoy leaves at dawn,” Piet Varga "
      "told reporters.\n\n"
      "“Nobody will stop it.”";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const quote* q = the_quote(a, text, "Nobody will stop it.");
  if (q == nullptr) return;
  BOOST_TEST(sayso_test::speaker_name(a, *q) == "Piet Varga");
}

BOOST_AUTO_TEST_CASE(acronym_defined_in_brackets_names_the_organisation) {
  // The acronym refers to the name it was given for, which is the canonical name (without the
  // modifier before it); both quotes have the same speaker.
  const std::string_view text =
      "The Karvo-led Northern Harbour Authority (NHA) said the pier would reopen on Monday. Later, the NHA "
      "said the ferries would also run.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  BOOST_TEST(sayso_test::speaker_name(a, a.quotes[0]) == "Northern Harbour Authority");
  BOOST_TEST(sayso_test::speaker_name(a, a.quotes[1]) == "Northern Harbour Authority");
  BOOST_TEST(a.quotes[0].speaker->entity == a.quotes[1].speaker->entity);
}

BOOST_AUTO_TEST_CASE(bare_name_after_a_description_with_an_organisation) {
  const std::string_view text =
      "Karvo's ambassador to the Northern League, Mara Lind, called for an immediate truce.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(sayso_test::speaker_name(a, a.quotes[0]) == "Mara Lind");
  BOOST_TEST(sayso_test::speaker_kind(a, a.quotes[0]) == "person");
}

BOOST_AUTO_TEST_CASE(name_of_an_organisation_or_place_is_the_person) {
  const std::string_view text = "Mara Lind of the Northern Harbour Authority said the pier would reopen.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(sayso_test::speaker_name(a, a.quotes[0]) == "Mara Lind");
  BOOST_TEST(sayso_test::speaker_kind(a, a.quotes[0]) == "person");
}

BOOST_AUTO_TEST_SUITE_END()
