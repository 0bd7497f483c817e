// Speakers named right (issue 15): role and description coreference through the in-document role
// index, pronouns, clean canonical names, no inanimate or abstract speakers, and one entity for
// one organisation written two ways. The texts are invented and the people fictional; countries
// are real where the behaviour rests on the lexicon of countries and demonyms
// (lib/lexicons/speakers.toml).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis_helpers.hpp"

using sayso_test::analyze;

namespace {

// ---- the table of data/speaker_cases.jsonl ---------------------------------------------------
// One invented text per line: its class (role, pronoun, name, org, anon), what it shows, the
// text, words of one quote's content, and the canonical name its speaker must have. The cases of
// a class vary the surface (titles, nationalities, organisations, name shapes, paragraphs) so
// that a rule fitted to one sentence does not pass them; adding one is a data edit.
struct table_case {
  std::string name;  // "class: what it shows"
  std::string text;
  std::string quote;
  std::string speaker;
  std::string error;  // why the line could not be read ("" if it could): the case then fails
};

std::ostream& operator<<(std::ostream& os, const table_case& c) { return os << c.name; }

std::vector<table_case> load_table() {
  const std::string path = SAYSO_TEST_DATADIR "/speaker_cases.jsonl";
  std::vector<table_case> cases;
  std::ifstream in(path);
  if (!in) return {{"(no data)", "", "", "", "cannot read " + path}};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    table_case c;
    c.name = path + ":" + std::to_string(number);
    try {
      const nlohmann::json j = nlohmann::json::parse(line);
      c.name = j.at("class").get<std::string>() + ": " + j.at("name").get<std::string>();
      c.text = j.at("text").get<std::string>();
      c.quote = j.at("quote").get<std::string>();
      c.speaker = j.at("speaker").get<std::string>();
      if (c.text.find(c.quote) == std::string::npos) c.error = c.name + ": the quote is not in the text";
    } catch (const std::exception& e) {
      c.error = path + ":" + std::to_string(number) + ": " + e.what();
    }
    cases.push_back(std::move(c));
  }
  if (cases.empty()) return {{"(no data)", "", "", "", path + " holds no case"}};
  return cases;
}

// A name as a reader compares it: without a leading article or a final period ("the U.N." is
// "U.N").
std::string comparable(std::string name) {
  name = sayso_test::without_article(std::move(name));
  while (!name.empty() && name.back() == '.') name.pop_back();
  return name;
}

// The canonical name of the speaker of the quote over `needle` ("" if none), checked to exist.
std::string name_for(std::string_view text, std::string_view needle) {
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const sayso::quote* q = sayso_test::quote_over(a, text, needle);
  BOOST_TEST(q != nullptr, "a quote over «" << needle << "»");
  return q == nullptr ? std::string() : sayso_test::speaker_name(a, *q);
}

struct named_case {
  std::string_view what;
  std::string_view text;
  std::string_view quote;  // words of the quote's content
  std::string_view name;   // its speaker's canonical name
};

std::ostream& operator<<(std::ostream& os, const named_case& c) { return os << c.what; }

void check(const named_case& c) {
  BOOST_TEST_CONTEXT(c.what) { BOOST_TEST(name_for(c.text, c.quote) == c.name); }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(speakers_tests)

BOOST_DATA_TEST_CASE(case_from_the_data_file, boost::unit_test::data::make(load_table()), c) {
  BOOST_TEST_REQUIRE(c.error.empty(), c.error);
  BOOST_TEST_CONTEXT(c.text) {
    const sayso::analysis a = analyze(c.text);
    sayso_test::check_well_formed(a, c.text);
    const sayso::quote* q = sayso_test::quote_over(a, c.text, c.quote);
    BOOST_TEST_REQUIRE(q != nullptr, "one quote over «" << c.quote << "»");
    BOOST_TEST(comparable(sayso_test::speaker_name(a, *q)) == comparable(c.speaker));
  }
}

// ---- role and description coreference --------------------------------------------------------

const named_case kRoles[] = {
    {"a leader is a president of the same country",
     "French President Lene Varo met her counterparts in Brussels on Monday.\n\n"
     "\u201CWe will not accept a frozen conflict,\u201D the French leader said.",
     "We will not accept a frozen conflict", "Lene Varo"},
    {"the nationality must match, however recent the other leader",
     "French President Lene Varo and German Chancellor Tomas Brandt met in Berlin.\n\n"
     "\u201CNobody will sign this,\u201D the French leader said.",
     "Nobody will sign this", "Lene Varo"},
    {"a top diplomat is the foreign minister; a possessive country is its demonym",
     "Russia's top diplomat, Oleg Marsk, arrived late on Tuesday.\n\n"
     "\u201CThe talks were useful,\u201D the Russian foreign minister told reporters.",
     "The talks were useful", "Oleg Marsk"},
    {"a description before the name registers the role",
     "Kremlin spokesman Ivo Darr took questions for an hour.\n\n"
     "The Kremlin spokesman said the summit could take place in the spring.",
     "the summit could take place in the spring", "Ivo Darr"},
    {"a premier is a prime minister",
     "Israeli Prime Minister Eli Haran arrived in Cairo on Monday.\n\n"
     "The Israeli premier said his country would not stop the operation.",
     "his country would not stop the operation", "Eli Haran"},
    {"a deputy foreign minister is not the foreign minister",
     "Foreign Minister Lena Saar opened the meeting. Deputy Foreign Minister Pavel Korin chaired the "
     "afternoon session.\n\n\u201CNothing is agreed,\u201D the foreign minister said.",
     "Nothing is agreed", "Lena Saar"},
    {"the most recent holder of the role",
     "President Anna Holm spoke first. Later, President Kasimir Dorn arrived with his delegation.\n\n"
     "\u201CWe stay until it is done,\u201D the president said.",
     "We stay until it is done", "Kasimir Dorn"},
    {"an invented country's possessive is a qualifier like any other",
     "Karvia's chief negotiator Ilse Marrow arrived late.\n\n"
     "\u201CWe came to listen,\u201D Karvia's chief negotiator said.",
     "We came to listen", "Ilse Marrow"},
    {"an appositive head registers the role",
     "Tomas Velk, head of the security council, flew in on Sunday.\n\n"
     "The head of the security council said the plan was dead.",
     "the plan was dead", "Tomas Velk"},
    {"no compatible antecedent keeps the description",
     "French President Lene Varo met her counterparts in Brussels on Monday.\n\n"
     "\u201CThe door is still open,\u201D the Spanish prime minister said.",
     "The door is still open", "the Spanish prime minister"},
    {"a country's leader the text names only with the country's possessive",
     "Talks between North Korea's Pak Jong Su and the envoys went on. Pak smiled. Pak waved.\n\n"
     "\u201CWe are ready,\u201D the North Korean leader said.",
     "We are ready", "Pak Jong Su"},
    {"a definite plural description keeps its nationality",
     "Palestinian officials said the crossing was open.\n\nThe Israeli officials said it was closed.",
     "it was closed", "The Israeli officials"},
    {"'these people' refer back to the group named before",
     "Talks will begin next week, according to people familiar with the plans.\n\n"
     "The envoys will meet in Muscat, these people said.",
     "The envoys will meet in Muscat", "people familiar with the plans"},
    {"a role, a country and a name: the name",
     "\u201CWe want a deal,\u201D said US ambassador to Libya Ilse Marrow.", "We want a deal", "Ilse Marrow"},
    {"a noun before the role narrows it: a band leader is no president",
     "President Anna Holm spoke first.\n\n\u201CPlay it again,\u201D the band leader said.",
     "Play it again", "the band leader"},
};

BOOST_DATA_TEST_CASE(role_coreference, boost::unit_test::data::make(kRoles), c) { check(c); }

// ---- pronouns ------------------------------------------------------------------------------

const named_case kPronouns[] = {
    {"the subject, not the object, of the sentence before",
     "Anna Brem met Tomas Velk in Vienna. She told reporters that the meeting had been useful.",
     "the meeting had been useful", "Anna Brem"},
    {"the source of a reporting clause in an earlier paragraph, not a possessor in the last one",
     "President Anton Velk has said repeatedly that the war must end.\n\n"
     "In a separate interview, Pavel Korin, the deputy foreign minister, told the agency that the army "
     "would not back down.\n\nVelk's office declined to comment.\n\n"
     "He said the delegations would meet in Geneva.",
     "the delegations would meet in Geneva", "Pavel Korin"},
    {"a pronoun shows a speaker's gender, which a later pronoun respects",
     "Prime Minister Lena Saar said the offer was serious.\n\n"
     "The plan is dead, Deputy Foreign Minister Pavel Korin told the agency on Tuesday. He said the army "
     "would stay.\n\nShe said she hoped for a deal.",
     "she hoped for a deal", "Lena Saar"},
    {"a pronoun after a name in its sentence shows its gender",
     "Ilse Marten, for her part, sided with the mayor. Piet Varga arrived later.\n\n"
     "\u201CThe corridor stays open,\u201D she said.",
     "The corridor stays open", "Ilse Marten"},
    {"an anonymous source mentioned since is 'the official', not a named official of before",
     "Rebel official Omar Kassem said the port was closed.\n\n"
     "One Western official said Monday the talks were stalled. \u201CNobody is moving,\u201D the official said.",
     "Nobody is moving", "One Western official"},
    {"a source of an attribution after a name is no appositive of it",
     "The sanctions target the financier Lev Adamov, the official said.\n\n"
     "\u201CNobody is moving,\u201D the official said.",
     "Nobody is moving", "the official"},
    {"a headline in title case names no person",
     "Envoys Plan to Open Talks With Karvian Rebels\n\n"
     "\u201CNobody is moving,\u201D the official said.",
     "Nobody is moving", "the official"},
    {"the subject after an organisation's role noun ('Vessa spokesman X') is whom 'he' means",
     "\u201CWe will go on,\u201D Kasimir Dorn said.\n\n"
     "Vessa spokesman Omar Kassem struck a defiant tone.\n\n\u201CThe threats do not scare us,\u201D he said.",
     "The threats do not scare us", "Omar Kassem"},
    {"the subject after a country's possessive description is whom 'he' means",
     "\u201CThe drills are costly,\u201D Kasimir Dorn said.\n\n"
     "On Friday, Karvia's president, Omar Kassem, gave a speech. \u201CWe are closer,\u201D he said.",
     "We are closer", "Omar Kassem"},
    {"a country or bloc of several words is no person 'he' may mean",
     "Ilse Marrow, the envoy for the talks, appeared after the announcement. The United Nations said it backed "
     "the deal.\n\nEarlier, he said the agreement would help.",
     "the agreement would help", "Ilse Marrow"},
    {"a capitalised word opening a sentence is no person",
     "Kasimir Dorn spoke for an hour. Smiling broadly, he thanked the crowd.\n\n"
     "\u201CWe will win,\u201D he said.",
     "We will win", "Kasimir Dorn"},
};

BOOST_DATA_TEST_CASE(pronouns, boost::unit_test::data::make(kPronouns), c) { check(c); }

// ---- canonical names -----------------------------------------------------------------------

const named_case kNames[] = {
    {"a title and a date adjunct are not part of the name",
     "Minister of Defence Ilse Marrow on February 12 said that the troops would stay.",
     "the troops would stay", "Ilse Marrow"},
    {"a channel adjunct is not part of the name",
     "Kasimir Dorn in a video address said that the war would end soon.", "the war would end soon",
     "Kasimir Dorn"},
    {"an opener is not part of the name", "Meanwhile Moscow said the talks were over.", "the talks were over",
     "Moscow"},
    {"a participle and its time adjunct are cut from a document",
     "A poll released Monday found that most voters want a truce.", "most voters want a truce", "A poll"},
    {"two groups joined by 'and' are one source, named once",
     "Developers and supporters in Congress said the bill was flawed.", "the bill was flawed",
     "Developers and supporters in Congress"},
    {"an organisation's full name with 'for' and 'and'",
     "The Centre for Northern and Maritime Studies said in a report that the front had not moved.",
     "the front had not moved", "Centre for Northern and Maritime Studies"},
    {"an acronym after its expansion",
     "The Karvian Security Forces (KSF) reported heavy shelling overnight. The KSF said four soldiers were "
     "wounded.",
     "four soldiers were wounded", "Karvian Security Forces"},
    {"an acronym before its expansion",
     "KSF (Karvian Security Forces) reported heavy shelling overnight. The KSF said four soldiers were "
     "wounded.",
     "four soldiers were wounded", "Karvian Security Forces"},
    {"an acronym spelled by word beginnings, with a country before it",
     "U.S. Northern Maritime Command (NORMARCOM) announced the drill. NORMARCOM said the drill would go "
     "ahead.",
     "the drill would go ahead", "U.S. Northern Maritime Command"},
    {"a person named after a title is a person, whatever the last word",
     "The plan is bad, former Karvian Mayor Ilse Bloomberg said on Tuesday.", "The plan is bad",
     "Ilse Bloomberg"},
    {"two sources opening the sentence together are one compound source",
     "The Karvian Security Forces (KSF) and the Coast Guard say that two boats were seized.",
     "two boats were seized", "Karvian Security Forces and the Coast Guard"},
    {"an owner's possessive before a name is not part of it",
     "The Karvia Herald\u2019s Ilse Marten said the paper would appeal.", "the paper would appeal",
     "Ilse Marten"},
    {"a name in apposition after a description is who it is",
     "The shelling resumed, an army spokeswoman, Lt. Col. Ilse Marrow, told reporters.",
     "The shelling resumed", "Ilse Marrow"},
    {"a name in apposition after an 'according to' description",
     "The talks will take place in May, according to Karvia's national security adviser, Pak Jong-su, who "
     "carried the invitation.",
     "The talks will take place in May", "Pak Jong-su"},
    {"an anonymous source's participle phrase the attribution cut",
     "Reporters were told by a source informed on the matter that the meeting was off.",
     "the meeting was off", "a source informed on the matter"},
    {"an anonymous source's relative clause after an inverted cue",
     "The ceasefire held, said a source who had seen the letter.", "The ceasefire held",
     "a source who had seen the letter"},
    {"an adverb before the cue is not part of the description",
     "A diplomat in the capital later said the truce would hold.", "the truce would hold",
     "A diplomat in the capital"},
    {"a participle phrase after an inverted cue",
     "\u201CThey fund the rebels,\u201D said a senior official travelling with the envoy.", "They fund the rebels",
     "a senior official travelling with the envoy"},
    {"a prepositional adjunct after a name is not part of it",
     "Mayor Rolf Ebbe opened the pier.\n\nThe pier is safe, said Mayor Ebbe to the crowd.", "The pier is safe",
     "Rolf Ebbe"},
    {"a definite description is not lengthened by the words before its cue",
     "The governor on May 5 said the roads were safe.", "the roads were safe", "The governor"},
    {"a place's possessive before a surname is not part of the name",
     "Karvian President Ilse Marten met the envoys.\n\nKarvia's Marten said the talks would go on.",
     "the talks would go on", "Ilse Marten"},
    {"a person's office is named without the person's titles",
     "Talks resume Monday, Karvian Prime Minister Ilse Marrow's office said.", "Talks resume Monday",
     "Ilse Marrow's office"},
    {"the Arabic article opens an organisation's name",
     "\u201CWe will respond,\u201D the al Harbi Brigades said in a statement.", "We will respond",
     "al Harbi Brigades"},
    {"'of' after an organisation word is inside its name",
     "The Karvian Observatory of Human Rights said 40 people died.", "40 people died",
     "Karvian Observatory of Human Rights"},
    {"a sentence adverb after a name is not part of it",
     "Kasimir Dorn met the envoys.\n\nDorn however said the talks would fail.", "the talks would fail",
     "Kasimir Dorn"},
    {"a day after an acronym is a date",
     "The KBC Thursday reported that the truce held.", "the truce held", "KBC"},
    {"a bare title in capitals is the holder of the role",
     "President Kasimir Dorn met envoys on Monday. The French President's team was there.\n\n"
     "The talks were useful, with the President saying one day that the country would act.",
     "the country would act", "Kasimir Dorn"},
    {"an organisation's head noun is the latest organisation named with it",
     "Shelling hit the town, according to Vessa Memorial Hospital. Five died, the hospital said.", "Five died",
     "Vessa Memorial Hospital"},
    {"a demonym and an organisation noun name the organisation, which 'it' refers to",
     "Fighting went on near the border.\n\nThe Russian military had no comment, but it has denied similar claims.",
     "has denied similar claims", "Russian military"},
    {"a country after a preposition is not part of the name after it",
     "The U.S. special envoy for Libya Ilse Marrow flew in. Marrow said the talks would resume.",
     "the talks would resume", "Ilse Marrow"},
    {"a country written only as an abbreviation is named in full", "The U.S. said the talks would resume.",
     "the talks would resume", "United States"},
    {"the UN keeps its abbreviation", "The UN said the talks would resume.", "the talks would resume", "UN"},
    {"qualifiers joined by 'and' before one plural head are one group",
     "U.S. and Arab officials said the talks would resume.", "the talks would resume", "U.S. and Arab officials"},
    {"a noun phrase glued before a subject pronoun",
     "Kasimir Dorn spoke on Monday. He warned of missiles hitting the capital, a move he called reckless.",
     "reckless", "Kasimir Dorn"},
    {"a name before 'in' and a place is the person",
     "\u201CWe will go on,\u201D said Secretary of State Ilse Marrow in Vienna on Thursday.", "We will go on",
     "Ilse Marrow"},
    {"a medium after an organisation is not part of its name",
     "The Karvian military in its daily report of military activity said airstrikes hit 13 targets.",
     "airstrikes hit 13 targets", "Karvian military"},
    {"a statement from an organisation is the organisation's word",
     "A statement from the Karvian Foreign Ministry said the talks would resume.", "the talks would resume",
     "Karvian Foreign Ministry"},
    {"a spokesman for someone is not that someone",
     "A spokesman for Kasimir Dorn said the minister would not attend.", "the minister would not attend",
     "A spokesman for Kasimir Dorn"},
};

BOOST_DATA_TEST_CASE(canonical_names, boost::unit_test::data::make(kNames), c) { check(c); }

// ---- short forms of a name the document gives in full --------------------------------------

const named_case kShortNames[] = {
    {"a family name written first, then alone",
     "Karvian envoy Pak Jong-su met the mediators on Monday.\n\n"
     "Pak said the talks would resume in March.",
     "the talks would resume in March", "Pak Jong-su"},
    {"a hyphenated given name in lower case stays in the name",
     "Secretary-General Lim Dae-woo arrived in Geneva.\n\n\u201CThe guns must fall silent,\u201D Lim said.",
     "The guns must fall silent", "Lim Dae-woo"},
    {"of several people with that family name, the one mentioned most",
     "Chairman Ro Min Hyok met envoys. Ro Min Hyok spoke first; Ro was in good spirits.\n\n"
     "Ro Tae Gun, the head of the spy agency, sat beside him.\n\n\u201CIt was useful,\u201D Ro said.",
     "It was useful", "Ro Min Hyok"},
    {"a short name with a particle is the end of the full name",
     "Aid official Marta De Lucca visited the crossing.\n\nDe Lucca said the trucks were waiting.",
     "the trucks were waiting", "Marta De Lucca"},
    {"a hyphenated surname alone",
     "Rebel spokesman Abdul-Karim Al-Harbi spoke to reporters.\n\n"
     "Al-Harbi said the fighters would withdraw.",
     "the fighters would withdraw", "Abdul-Karim Al-Harbi"},
    {"a surname that is also a title word",
     "Foreign Minister Ilse Bishop arrived in Vienna.\n\nBishop said the ceasefire was fragile.",
     "the ceasefire was fragile", "Ilse Bishop"},
    {"a capitalised 'Un' in a name is no acronym of an organisation",
     "Leaders met Ro Jong Un in Vienna.\n\n\u201CWe hoped for this,\u201D Ro said.",
     "We hoped for this", "Ro Jong Un"},
    {"a lower-case 'un' ending a hyphenated given name is no organisation",
     "Mr Pak arrived first. The envoy was meeting Pak Jong-un in the border village.\n\n"
     "\u201CIt is good to see you,\u201D Mr Pak said.",
     "It is good to see you", "Pak Jong-un"},
    {"a generational suffix makes another person",
     "Senator Ted Marsh spoke first. Marsh Jr. spoke later.\n\n\u201CWe will win,\u201D Marsh said.",
     "We will win", "Ted Marsh"},
};

BOOST_DATA_TEST_CASE(short_names, boost::unit_test::data::make(kShortNames), c) { check(c); }

BOOST_AUTO_TEST_CASE(a_relative_pronoun_takes_no_name_across_a_paragraph_break) {
  const std::string_view text =
      "The talks stalled under the previous administration.\n\n"
      "Gulf states, which have backed the plan, said they would send monitors.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  for (const sayso::entity& e : a.entities) {
    BOOST_TEST(e.name.find('\n') == std::string::npos, e.name);
    BOOST_TEST(e.name.find("administration") == std::string::npos, e.name);
  }
}

// ---- inanimate and abstract subjects -------------------------------------------------------

BOOST_AUTO_TEST_CASE(abstract_and_metaphorical_subjects_are_not_sources) {
  const std::string_view text =
      "The diplomatic choreography tells its own story: nobody wants to be blamed for the collapse.\n\n"
      "The data show that the truce is holding in the north.\n\n"
      "History shows that such truces rarely last.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST(sayso_test::quote_over(a, text, "nobody wants to be blamed") == nullptr);
  BOOST_TEST(sayso_test::quote_over(a, text, "the truce is holding") == nullptr);
  BOOST_TEST(sayso_test::quote_over(a, text, "such truces rarely last") == nullptr);
}

const named_case kDocuments[] = {
    {"a report", "The report says that 40 people died in the shelling.", "40 people died", "The report"},
    {"a poll", "A poll found that most voters want a truce.", "most voters want a truce", "A poll"},
    {"data with an issuer", "Federal data show that the truce is holding.", "the truce is holding",
     "Federal data"},
    {"according to the data", "According to the data, the truce is holding in the north.",
     "the truce is holding", "the data"},
};

BOOST_DATA_TEST_CASE(documents_and_findings_stay_sources, boost::unit_test::data::make(kDocuments), c) { check(c); }

// ---- organisations -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(one_organisation_written_two_ways_is_one_entity) {
  const std::string_view text =
      "\u201CWe have destroyed 40 drones,\u201D the Russian Defense Ministry said on Monday.\n\n"
      "Russia's Defence Ministry said later that 12 more had been shot down.\n\n"
      "Moscow said the talks were over. Russia said it would respond.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const sayso::quote* first = sayso_test::quote_over(a, text, "We have destroyed 40 drones");
  const sayso::quote* second = sayso_test::quote_over(a, text, "12 more had been shot down");
  BOOST_TEST_REQUIRE(first != nullptr);
  BOOST_TEST_REQUIRE(second != nullptr);
  BOOST_TEST_REQUIRE(first->speaker.has_value());
  BOOST_TEST_REQUIRE(second->speaker.has_value());
  BOOST_TEST(first->speaker->entity == second->speaker->entity);
  BOOST_TEST(sayso_test::speaker_name(a, *first) == "Russian Defense Ministry");
  BOOST_TEST(sayso_test::speaker_kind(a, *first) == "organisation");
  // A city and a country stay what they are: "Moscow" is not "Russia".
  BOOST_TEST(name_for(text, "the talks were over") == "Moscow");
  BOOST_TEST(name_for(text, "it would respond") == "Russia");
}

BOOST_AUTO_TEST_CASE(the_most_used_form_names_an_organisation) {
  const std::string_view text =
      "The Polish army said that it had struck a depot.\n\n"
      "The Polish army said that two soldiers died.\n\n"
      "The Poland army said that the strikes would continue.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  const sayso::quote* last = sayso_test::quote_over(a, text, "the strikes would continue");
  BOOST_TEST_REQUIRE(last != nullptr);
  BOOST_TEST(sayso_test::speaker_name(a, *last) == "Polish army");
}

BOOST_AUTO_TEST_SUITE_END()
