// Stance patterns (issue 14): invented sentences, one table per pattern, each with the labels its
// speaker takes (GUIDELINES.md). Terms named in other words, support that is not a support verb,
// oppose carried by an evaluation, conditions, reports and predictions, ambiguous words in
// other senses, holders, and one sentence or more for every entry of the default lexicons: the
// last test checks that every entry of lib/lexicons/stance.toml and ceasefire.toml compiles
// and is matched by some sentence here (an entry no sentence exercises is untested, or dead).
// The texts and speakers are invented; parties are real countries where a test needs a side.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <toml++/toml.h>

#include "analysis_helpers.hpp"

namespace {

// A sentence and the labels its single quote's speaker takes: "term=label,term=label", or "-"
// for a sentence whose quote concerns no term.
struct pattern_case {
  std::string_view text;
  std::string_view expected;
};

std::ostream& operator<<(std::ostream& os, const pattern_case& c) { return os << c.text; }

void check_pattern(const pattern_case& c) {
  const sayso::analysis a = sayso_test::analyze(c.text);
  sayso_test::check_well_formed(a, c.text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const sayso::quote& q = a.quotes[0];
  if (c.expected == "-") {
    BOOST_TEST(q.stances.empty(), "a stance on " << (q.stances.empty() ? "" : q.stances[0].term));
    return;
  }
  std::string_view rest = c.expected;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view one = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t eq = one.find('=');
    const std::string_view term = one.substr(0, eq);
    BOOST_TEST(sayso_test::label_of(q, term) == one.substr(eq + 1), term);
  }
}

// A. terms named in other words
const std::vector<pattern_case> terms_named_in_other_words_cases = {
    {"“We want to end the war as soon as possible,” Mara Tenlow said.", "ceasefire=support"},
    {"“We are ready to sign a peace deal tomorrow,” Mara Tenlow said.", "ceasefire=support"},
    {"“A negotiated settlement is the only way to bring this conflict to a close,” Mara Tenlow "
     "said.",
     "ceasefire=support"},
    {"“We call for a political solution to this conflict,” Mara Tenlow said.", "talks=support"},
    {"Mara Tenlow said her government would work for a lasting peace in the region.",
     "ceasefire=support"},
    {"“This bloodshed has to stop,” Mara Tenlow said.", "ceasefire=support"},
    {"“The killing must end now,” Mara Tenlow said.", "ceasefire=support"},
    {"Mara Tenlow called for an end to the bloodshed.", "ceasefire=support"},
    {"Mara Tenlow urged both armies to halt air raids on the capital.", "ceasefire=support"},
    {"“The mediators put forward a halt to air raids,” Mara Tenlow said.", "ceasefire=support"},
    {"“We welcome the resumption of negotiations,” Mara Tenlow said.", "talks=support"},
    {"“We are committed to the peace process,” Mara Tenlow said.", "talks=support"},
    {"“Dialogue is the only way forward,” Mara Tenlow said.", "talks=support"},
    {"“I will sit down with him to stop this,” Mara Tenlow said.", "talks=support"},
    {"“Our delegation will be there on Monday,” Mara Tenlow said.", "talks=support"},
    {"Mara Tenlow said she was ready to meet her Varnian counterpart face to face.",
     "talks=support"},
    {"“We are ready to return to the negotiating table,” Mara Tenlow said.", "talks=support"},
    {"“We will never hand over the eastern districts,” Mara Tenlow said.",
     "territorial_concession=oppose"},
    {"“We will not withdraw from the valley,” Mara Tenlow said.", "territorial_concession=oppose"},
    {"“We will never accept the facts on the ground,” Mara Tenlow said.",
     "territorial_concession=oppose"},
    {"“We refuse any concessions on our borders,” Mara Tenlow said.",
     "territorial_concession=oppose"},
    {"“We need firm guarantees from our partners,” Mara Tenlow said.",
     "security_guarantees=support"},
    {"“We welcome a reassurance force,” Mara Tenlow said.", "security_guarantees=support"},
    {"“We want boots on the ground,” Mara Tenlow said.", "security_guarantees=support"},
    {"“We propose a swap of all captives,” Mara Tenlow said.", "prisoner_exchange=support"},
    {"“We demand the release of the captives,” Mara Tenlow said.", "prisoner_exchange=support"},
    {"“We are ready for an all-for-all exchange,” Mara Tenlow said.", "prisoner_exchange=support"},
    {"“We demand that aid convoys be allowed in,” Mara Tenlow said.",
     "humanitarian_access=support"},
    {"“Their forces must pull back from the border,” Mara Tenlow said.",
     "troop_withdrawal=support"},
};

// B. support that is not a support verb
const std::vector<pattern_case> support_that_is_not_a_support_verb_cases = {
    {"“The talks were productive,” Mara Tenlow said.", "talks=support"},
    {"“We had constructive talks today,” Mara Tenlow said.", "talks=support"},
    {"“There has been real progress in the negotiations,” Mara Tenlow said.", "talks=support"},
    {"Mara Tenlow described the negotiations as constructive.", "talks=support"},
    {"Mara Tenlow said the talks were a step in the right direction.", "talks=support"},
    {"“A truce is essential for the survival of the city,” Mara Tenlow said.", "ceasefire=support"},
    {"“We are working towards a ceasefire,” Mara Tenlow said.", "ceasefire=support"},
    {"“We are preparing for the summit,” Mara Tenlow said.", "talks=support"},
    {"“We are pushing hard for a truce,” Mara Tenlow said.", "ceasefire=support"},
    {"“It is time for a ceasefire,” Mara Tenlow said.", "ceasefire=support"},
};

// C. oppose carried by evaluation
const std::vector<pattern_case> oppose_carried_by_evaluation_cases = {
    // Condemning a rejection supports; a rejection judged stays with the rejection.
    {"“It would be a mistake to reject the talks,” Mara Tenlow said.", "talks=support"},
    {"“It is wrong to rule out talks,” Mara Tenlow said.", "talks=support"},
    // A refusal governs the support predicate it takes: the chain is refused.
    {"“We refused to accept a truce,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“We rejected calls for a truce,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“We have little incentive to agree to a ceasefire,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“Our opposition to a forced truce is well known,” Mara Tenlow said.", "ceasefire=oppose"},
    // "the opposition" is a party: "the opposition to respect" is no refusal.
    {"“We urge the government and the opposition to respect the truce,” Mara Tenlow said.", "ceasefire=support"},
    // "no alternative to" is no negation: the term is the only way.
    {"“There is no alternative to negotiations,” Mara Tenlow said.", "talks=support"},
    // A noun that heads the term's phrase ("offer", "proposal") is not its predicate: the
    // evaluation after it is.
    {"“The ceasefire proposal is a trap,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“The ceasefire offer is unacceptable,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“The ceasefire proposal was welcomed in our capital,” Mara Tenlow said.", "ceasefire=support"},
    // A noun with the term as its object ("their offer of talks"): the evaluation of the phrase
    // decides; without one the noun does.
    {"“Their offer of talks is a ploy,” Mara Tenlow said.", "talks=oppose"},
    {"“The proposal for a truce is unacceptable,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“We welcome their offer of talks,” Mara Tenlow said.", "talks=support"},
    {"“It is unjust to ask us to give up our land,” Mara Tenlow said.",
     "territorial_concession=oppose"},
    {"“It is unjust to ask us to give ground,” Mara Tenlow said.", "territorial_concession=oppose"},
    {"“Our citizens would never stand for a land swap,” Mara Tenlow said.",
     "territorial_concession=oppose"},
    {"“Aggression cannot be paid for with land,” Mara Tenlow said.",
     "territorial_concession=oppose"},
    {"“A truce now would be a betrayal of our soldiers,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“This ceasefire is a sham,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“These negotiations are a trap,” Mara Tenlow said.", "talks=oppose"},
    {"“The talks are pointless,” Mara Tenlow said.", "talks=oppose"},
    {"“A freeze would only reward the aggressor,” Mara Tenlow said.", "frontline_freeze=oppose"},
    {"“Freezing the conflict is unacceptable,” Mara Tenlow said.", "frontline_freeze=oppose"},
    {"“Any territorial concession is out of the question,” Mara Tenlow said.",
     "territorial_concession=oppose"},
    {"“We are pulling out of the talks,” Mara Tenlow said.", "talks=oppose"},
};

// D. conditions
const std::vector<pattern_case> conditions_cases = {
    {"“Everything hinges on whether they stop the shelling; a ceasefire depends on it,” Mara "
     "Tenlow said.",
     "ceasefire=conditional"},
    {"“There is no way to end the war except through negotiations,” Mara Tenlow said.",
     "ceasefire=conditional,talks=support"},
    {"“A ceasefire is impossible while their tanks remain on our soil,” Mara Tenlow said.",
     "ceasefire=conditional"},
    {"“We will resume talks only after the shelling stops,” Mara Tenlow said.",
     "talks=conditional"},
    {"“We will respect the truce as long as they do,” Mara Tenlow said.", "ceasefire=conditional"},
    {"“The summit hinges on a prisoner release,” Mara Tenlow said.", "talks=conditional"},
    {"“Any truce is contingent on a full withdrawal,” Mara Tenlow said.", "ceasefire=conditional"},
};

// E. reports, predictions, assessments: neutral
const std::vector<pattern_case> reports_predictions_assessments_neutral_cases = {
    {"“Talks will resume on Thursday,” Mara Tenlow said.", "talks=neutral"},
    {"“The truce could collapse at any moment,” Mara Tenlow said.", "ceasefire=neutral"},
    {"“The ceasefire is holding,” Mara Tenlow said.", "ceasefire=neutral"},
    {"Mara Tenlow said the negotiations had stalled.", "talks=neutral"},
    {"“No tangible progress has been made in the talks,” Mara Tenlow said.", "talks=neutral"},
    {"“The talks were not productive,” Mara Tenlow said.", "talks=neutral"},
    {"Mara Tenlow said a truce was likely within days.", "ceasefire=neutral"},
    {"“We discussed the summit with our allies,” Mara Tenlow said.", "talks=neutral"},
};

// F. ambiguity
const std::vector<pattern_case> ambiguity_cases = {
    {"“We signed a minerals deal with the company,” Mara Tenlow said.", "-"},
    {"“They withdrew the proposal last night,” Mara Tenlow said.", "-"},
    {"“The committee withdrew its nomination,” Mara Tenlow said.", "-"},
    {"“The board meeting lasted two hours,” Mara Tenlow said.", "-"},
    // Captives named alone are the exchange only where the quote, or the sentence reporting it,
    // speaks of freeing, returning or trading them.
    {"“The hostages must be freed before the winter,” Mara Tenlow said.", "prisoner_exchange=support"},
    {"“Three of the remaining hostages have died in the tunnels,” Mara Tenlow said.", "-"},
    {"“The detainees are held in a crowded camp near the border,” Mara Tenlow said.", "-"},
    {"“They are holding the whole region hostage,” Mara Tenlow said.", "-"},
    {"“This is a hostage situation,” Mara Tenlow said.", "-"},
    {"“The two sides remain far apart on prisoners,” Mara Tenlow said.", "prisoner_exchange=neutral"},
    {"“We are deeply worried about the detainees,” Mara Tenlow said.", "prisoner_exchange=neutral"},
    {"“The fate of the captives is unknown,” Mara Tenlow said.", "prisoner_exchange=neutral"},
    {"Mara Tenlow, who has pressed for the prisoners to be sent home, said: “The prisoners of war are "
     "tired but in good health.”",
     "prisoner_exchange=neutral"},
    {"“We want our captives back where they belong,” Mara Tenlow said.", "prisoner_exchange=support"},
    {"“We urge both sides to let the abductees go,” Mara Tenlow said.", "prisoner_exchange=support"},
};

// holders: reporting another party
const std::vector<pattern_case> holders_reporting_another_party_cases = {
    {"“Russia is not interested in a truce,” a senior Ukrainian official said.",
     "ceasefire=neutral"},
    {"A Ukrainian official said Russia had rejected the talks.", "talks=neutral"},
    {"“They see the talks as a trap,” Mara Tenlow said.", "talks=neutral"},
};

// more support forms
const std::vector<pattern_case> more_support_forms_cases = {
    {"Mara Tenlow welcomed the talks as a first step.", "talks=support"},
    {"Mara Tenlow said the meeting between the two presidents had been constructive.",
     "talks=support"},
    {"Mara Tenlow hailed the negotiations as a breakthrough.", "talks=support"},
    {"“A ceasefire is urgently needed,” Mara Tenlow said.", "ceasefire=support"},
    {"Mara Tenlow appealed for a truce over the holidays.", "ceasefire=support"},
    {"“Aid must reach the besieged districts,” Mara Tenlow said.", "humanitarian_access=support"},
    {"“All hostages must be released,” Mara Tenlow said.", "prisoner_exchange=support"},
    {"“We are ready to discuss a truce and hold talks,” Mara Tenlow said.", "talks=support"},
    {"“We will sign the truce tomorrow,” Mara Tenlow said.", "ceasefire=support"},
    {"“Peacekeepers are essential,” Mara Tenlow said.", "security_guarantees=support"},
};

// more oppose
const std::vector<pattern_case> more_oppose_cases = {
    {"“We reject this so-called truce,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“We refuse to discuss any summit,” Mara Tenlow said.", "talks=oppose"},
    {"“Negotiations are not an option,” Mara Tenlow said.", "talks=oppose"},
    {"“A truce is off the table,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“Ceding land would be a mistake,” Mara Tenlow said.", "territorial_concession=oppose"},
    {"Mara Tenlow denounced the truce as a farce.", "ceasefire=oppose"},
    {"“Our troops will not leave the region,” Mara Tenlow said.", "troop_withdrawal=oppose"},
};

// conditional
const std::vector<pattern_case> conditional_cases = {
    {"“We will accept a ceasefire only once the prisoners are home,” Mara Tenlow said.",
     "ceasefire=conditional"},
    {"“Sanctions relief depends on a full withdrawal,” Mara Tenlow said.",
     "sanctions_relief=conditional"},
    {"“There can be no truce until our land is returned,” Mara Tenlow said.",
     "ceasefire=conditional"},
};

// neutral: predictions, reports, questions
const std::vector<pattern_case> neutral_predictions_reports_questions_cases = {
    {"“A ceasefire may be announced next week,” Mara Tenlow said.", "ceasefire=neutral"},
    {"“The next round of talks is scheduled for May,” Mara Tenlow said.", "talks=neutral"},
    {"Mara Tenlow asked whether the truce would survive the winter.", "ceasefire=neutral"},
    {"Mara Tenlow said the summit had been postponed.", "talks=neutral"},
    {"“The prisoner exchange took place at dawn,” Mara Tenlow said.", "prisoner_exchange=neutral"},
    {"“The talks ended without agreement,” Mara Tenlow said.", "talks=neutral"},
    {"“The truce expired on Sunday,” Mara Tenlow said.", "ceasefire=neutral"},
};

// false-positive traps
const std::vector<pattern_case> false_positive_traps_cases = {
    {"“The trade agreement was signed yesterday,” Mara Tenlow said.", "-"},
    {"“We will withdraw our complaint,” Mara Tenlow said.", "-"},
    {"“He withdrew from the race,” Mara Tenlow said.", "-"},
    {"“We had a long board meeting,” Mara Tenlow said.", "-"},
    {"“Prices have frozen for a year,” Mara Tenlow said.", "-"},
    {"“We need more teachers,” Mara Tenlow said.", "-"},
    {"“The war of words must end,” Mara Tenlow said.", "-"},
};

// accusations
const std::vector<pattern_case> accusations_cases = {
    {"“They are trying to derail the talks,” Mara Tenlow said.", "talks=support"},
    {"A Ukrainian official said Russia had violated the ceasefire.", "ceasefire=neutral"},
    {"“Hardliners are sabotaging the negotiations,” Mara Tenlow said.", "talks=support"},
    {"“We must prevent a resumption of the fighting,” Mara Tenlow said.", "ceasefire=support"},
    {"“There will be no ceasefire that leaves us short of our territorial ambitions,” Mara Tenlow "
     "said.",
     "ceasefire=conditional,territorial_concession=support"},
    {"“There will be no truce that rewards aggression,” Mara Tenlow said.",
     "ceasefire=conditional"},
    {"“We do not want a wasted summit,” Mara Tenlow said.", "talks=conditional"},
    {"“We will not accept a bad deal to end the war,” Mara Tenlow said.", "ceasefire=conditional"},
    {"Mara Tenlow said she would soon meet her counterpart in Geneva.", "talks=support"},
};

// support predicates
const std::vector<pattern_case> support_predicates_cases = {
    // Pleased with it, eager for it, its importance stressed: the holder wants it.
    {"“We are proud of this ceasefire,” Anna Holm said.", "ceasefire=support"},
    {"“Our people are pleased with the truce,” Anna Holm said.", "ceasefire=support"},
    {"“We are eager for a truce,” Anna Holm said.", "ceasefire=support"},
    {"Anna Holm stressed the importance of a lasting ceasefire.", "ceasefire=support"},
    {"Anna Holm said she was calling for a truce.", "ceasefire=support"},
    {"“We call on both armies to agree a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We will press hard for a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We insist on a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We plead for a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We will lobby for a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We advocate a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We campaign for a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We seek a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We have always sought a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We hope for a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We wish for a truce,” Anna Holm said.", "ceasefire=support"},
    {"“A truce is needed,” Anna Holm said.", "ceasefire=support"},
    {"“We are in favour of a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We favor a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We support a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We endorse the truce,” Anna Holm said.", "ceasefire=support"},
    {"“We agree to a truce,” Anna Holm said.", "ceasefire=support"},
    {"Anna Holm said her side had agreed to a truce.", "ceasefire=support"},
    {"“We embrace the truce,” Anna Holm said.", "ceasefire=support"},
    {"“We are prepared to sign a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We are willing to observe a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We are keen on talks,” Anna Holm said.", "talks=support"},
    {"“We tabled a truce last week,” Anna Holm said.", "ceasefire=support"},
    {"“We floated a truce last week,” Anna Holm said.", "ceasefire=support"},
    {"“We offer a truce,” Anna Holm said.", "ceasefire=support"},
    {"“Our commitment to the truce is total,” Anna Holm said.", "ceasefire=support"},
    {"“We pledge to respect the truce,” Anna Holm said.", "ceasefire=support"},
    {"“We vow to honour the truce,” Anna Holm said.", "ceasefire=support"},
    {"“We promise a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We strive for a lasting peace,” Anna Holm said.", "ceasefire=support"},
    {"“We are striving for a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We declare a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We want to reach an agreement to end the war,” Anna Holm said.", "ceasefire=support"},
    {"“We must restore the truce,” Anna Holm said.", "ceasefire=support"},
    {"“We plan to establish a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We will establish a humanitarian pause and a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We outlined a plan for talks,” Anna Holm said.", "talks=support"},
    {"“We responded positively to the talks,” Anna Holm said.", "talks=support"},
    {"“This is the basis for talks,” Anna Holm said.", "talks=support"},
};

// oppose predicates
const std::vector<pattern_case> oppose_predicates_cases = {
    {"“We rule out a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"Anna Holm said she was ruling out a truce.", "ceasefire=oppose"},
    {"“We oppose the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We dismiss the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We condemn the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We criticize the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We criticise the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We are against a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We decry the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We will veto the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We want to avert a resumption of the war,” Anna Holm said.", "ceasefire=support"},
    {"“We must avoid a resumption of the fighting,” Anna Holm said.", "ceasefire=support"},
    {"“Our answer is a flat rejection of the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We have no intention of accepting a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We are not ready for a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We warn against a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We threaten to end the truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We walked away from the talks,” Anna Holm said.", "talks=oppose"},
    {"“We will never tolerate a truce,” Anna Holm said.", "ceasefire=oppose"},
};

// praise
const std::vector<pattern_case> praise_cases = {
    {"“The talks were excellent,” Anna Holm said.", "talks=support"},
    {"“The truce has been a great success,” Anna Holm said.", "ceasefire=support"},
    {"“These talks give hope for a lasting truce,” Anna Holm said.", "talks=support,ceasefire=support"},
    {"“A truce would make a real difference for the villages,” Anna Holm said.", "ceasefire=support"},
    {"“The exchange of prisoners is the cornerstone of the peace process,” Anna Holm said.",
     "prisoner_exchange=support,talks=support"},
    // Said of another party's words, the evaluation is theirs.
    {"“They say these talks give hope for a truce,” Anna Holm said.", "talks=neutral,ceasefire=neutral"},
    {"“The talks were fruitful,” Anna Holm said.", "talks=support"},
    {"“We held positive talks,” Anna Holm said.", "talks=support"},
    {"“The talks were encouraging,” Anna Holm said.", "talks=support"},
    {"“The talks are promising,” Anna Holm said.", "talks=support"},
    {"“The talks were useful,” Anna Holm said.", "talks=support"},
    {"“The talks were successful,” Anna Holm said.", "talks=support"},
    {"“We held meaningful talks,” Anna Holm said.", "talks=support"},
    {"“The talks are a step forward,” Anna Holm said.", "talks=support"},
    {"“The talks were a milestone,” Anna Holm said.", "talks=support"},
    {"“The truce is welcome news,” Anna Holm said.", "ceasefire=support"},
    {"“A truce is vital,” Anna Holm said.", "ceasefire=support"},
    {"“A truce is crucial,” Anna Holm said.", "ceasefire=support"},
    {"“A truce is indispensable,” Anna Holm said.", "ceasefire=support"},
    {"“A truce is necessary,” Anna Holm said.", "ceasefire=support"},
    {"“A truce is very important,” Anna Holm said.", "ceasefire=support"},
    {"“A truce is the best chance for the city,” Anna Holm said.", "ceasefire=support"},
    {"“A truce is a chance for peace,” Anna Holm said.", "ceasefire=support"},
    {"“The truce was a wise decision,” Anna Holm said.", "ceasefire=support"},
};

// condemn
const std::vector<pattern_case> condemn_cases = {
    {"“Giving up land is unfair,” Anna Holm said.", "territorial_concession=oppose"},
    {"“It is not fair to ask us to cede land,” Anna Holm said.", "territorial_concession=oppose"},
    {"“This truce is inacceptable,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is intolerable,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is outrageous,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is shameful,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is disgraceful,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is absurd,” Anna Holm said.", "ceasefire=oppose"},
    {"“A truce now is naive,” Anna Holm said.", "ceasefire=oppose"},
    {"“A truce now is reckless,” Anna Holm said.", "ceasefire=oppose"},
    {"“A truce now is dangerous,” Anna Holm said.", "ceasefire=oppose"},
    {"“A truce now is premature,” Anna Holm said.", "ceasefire=oppose"},
    {"“A truce now is unrealistic,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is meaningless,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is worthless,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is useless,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is a non-starter,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is humiliating,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is wrong,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is a tragedy,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is capitulation,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is surrender,” Anna Holm said.", "ceasefire=oppose"},
    {"“This truce is appeasement,” Anna Holm said.", "ceasefire=oppose"},
    {"“We will not accept an empty truce,” Anna Holm said.", "ceasefire=conditional"},
    {"“We will not accept a hasty truce,” Anna Holm said.", "ceasefire=conditional"},
    {"“We will not accept a rushed truce,” Anna Holm said.", "ceasefire=conditional"},
    {"“We will not accept a fake truce,” Anna Holm said.", "ceasefire=conditional"},
    {"“We reject a phony truce,” Anna Holm said.", "ceasefire=conditional"},
    {"“We reject a lopsided truce,” Anna Holm said.", "ceasefire=conditional"},
    {"“We reject a one-sided truce,” Anna Holm said.", "ceasefire=conditional"},
};

// undermine
const std::vector<pattern_case> undermine_cases = {
    {"“Their new demands would kill the talks,” Anna Holm said.", "talks=support"},
    {"“Such a move could effectively kill the truce,” Anna Holm said.", "ceasefire=support"},
    {"“Soldiers were killed during the truce,” Anna Holm said.", "ceasefire=neutral"},
    {"“They are trying to undercut the talks,” Anna Holm said.", "talks=support"},
    {"“They want to undermine the talks,” Anna Holm said.", "talks=support"},
    {"“They torpedoed the talks,” Anna Holm said.", "talks=support"},
    {"“They seek to discredit the talks,” Anna Holm said.", "talks=support"},
    {"“They obstruct the talks,” Anna Holm said.", "talks=support"},
    {"“They are dragging their feet on the talks,” Anna Holm said.", "talks=support"},
    {"“They tried to wreck the talks,” Anna Holm said.", "talks=support"},
    {"“They are stalling on the talks,” Anna Holm said.", "talks=support"},
    {"“They will scupper the talks,” Anna Holm said.", "talks=support"},
    {"“They attempted to spoil the talks,” Anna Holm said.", "talks=support"},
};

// conditional cues
const std::vector<pattern_case> conditional_cues_cases = {
    {"“We will sign a truce only if the shelling stops,” Anna Holm said.", "ceasefire=conditional"},
    {"“We will sign a truce only when the shelling stops,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“We will sign a truce so long as the monitors stay,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“We will sign a truce providing that the shelling stops,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“We will sign a truce on condition that the shelling stops,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“A truce is conditional on an end to the shelling,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“A truce is conditioned on an end to the shelling,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“We will sign a truce in return for a prisoner swap,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“We will sign a truce if the shelling stops,” Anna Holm said.", "ceasefire=conditional"},
    {"“We will sign a truce upon the return of our soldiers,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“A truce is subject to approval by parliament,” Anna Holm said.", "ceasefire=conditional"},
    {"“A truce is tied to the return of our soldiers,” Anna Holm said.", "ceasefire=conditional"},
    {"“A truce is linked to the return of our soldiers,” Anna Holm said.", "ceasefire=conditional"},
    {"“We will hold talks, but we want our soldiers back in return,” Anna Holm said.",
     "talks=conditional"},
    {"“Should the truce fail, we will defend ourselves,” Anna Holm said.", "ceasefire=support"},
    {"“We will accept a truce on our own terms,” Anna Holm said.", "ceasefire=conditional"},
    {"“There is no way to end the war other than through talks,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“We will not hold talks before the prisoners are released,” Anna Holm said.",
     "talks=conditional"},
    {"“A ceasefire must not lead to a frozen conflict,” Anna Holm said.", "ceasefire=conditional"},
    {"“We demand a withdrawal as a condition for a truce,” Anna Holm said.",
     "ceasefire=conditional,preconditions=support"},
    {"“Any talks are pending the release of our soldiers,” Anna Holm said.", "talks=conditional"},
};

// neutral predicates
const std::vector<pattern_case> neutral_predicates_cases = {
    // A state described, not a position: "in effect", "at an impasse".
    {"“The shops reopened while the truce was in effect,” Anna Holm said.", "ceasefire=neutral"},
    {"“The negotiations are at an impasse,” Anna Holm said.", "talks=neutral"},
    {"“The negotiations are in a deadlock,” Anna Holm said.", "talks=neutral"},
    {"“Our envoy reported on the truce,” Anna Holm said.", "ceasefire=neutral"},
    {"“Talks are expected to begin on Monday,” Anna Holm said.", "talks=neutral"},
    {"“The summit was delayed again,” Anna Holm said.", "talks=neutral"},
    {"“Reporters asked about the talks,” Anna Holm said.", "talks=neutral"},
    {"“Experts predict a truce by spring,” Anna Holm said.", "ceasefire=neutral"},
    {"“The talks reached a deadlock,” Anna Holm said.", "talks=neutral"},
    {"“A date for the talks has not been set,” Anna Holm said.", "talks=neutral"},
    {"“The truce is in force,” Anna Holm said.", "ceasefire=neutral"},
    {"“The cabinet reviewed the truce,” Anna Holm said.", "ceasefire=neutral"},
    {"“People wonder whether the truce will last,” Anna Holm said.", "ceasefire=neutral"},
};

// negations
const std::vector<pattern_case> negations_cases = {
    {"“We neither want a truce nor need one,” Anna Holm said.", "ceasefire=oppose"},
    {"“We won't accept a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We can't support a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“A truce isn't needed,” Anna Holm said.", "ceasefire=oppose"},
    {"“Truces aren't welcome here,” Anna Holm said.", "ceasefire=oppose"},
    {"“We didn't want a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“Our government doesn't want a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We wouldn't sign a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We shouldn't sign a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We haven't agreed to a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“Our side hasn’t agreed to a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“Our army wasn't ready for a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We weren't ready for a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We don't want a truce,” Anna Holm said.", "ceasefire=oppose"},
};

// pseudo-negations and terminators
const std::vector<pattern_case> pseudo_negations_and_terminators_cases = {
    {"“We want not just a truce but peace,” Anna Holm said.", "ceasefire=support"},
    {"“There is no doubt we want a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We no longer resist a truce; we want a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We want a truce without delay,” Anna Holm said.", "ceasefire=support"},
    {"“We want nothing but a truce,” Anna Holm said.", "ceasefire=support"},
    {"“We want a truce no later than Friday,” Anna Holm said.", "ceasefire=support"},
    {"“We want, not least, a truce,” Anna Holm said.", "ceasefire=support"},
    {"“It is not yet clear if a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“It is not certain that a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“We are not sure a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“It is not known when a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“It is not yet decided when a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“We will not attend the dinner; however we welcome the talks,” Anna Holm said.",
     "talks=support"},
    {"“We do not like them, although we welcome the talks,” Anna Holm said.", "talks=support"},
    {"“We do not like them, though we welcome the talks,” Anna Holm said.", "talks=support"},
    {"“We do not like them, yet we welcome the talks,” Anna Holm said.", "talks=support"},
    {"“They do not attend, whereas we welcome the talks,” Anna Holm said.", "talks=support"},
};

// more cue entries
const std::vector<pattern_case> more_cue_entries_cases = {
    {"“We are open to talks,” Anna Holm said.", "talks=support"},
    {"“We deny them a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“There will be no talks unless the shelling stops,” Anna Holm said.", "talks=conditional"},
    {"“We will sign a truce provided the shelling stops,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“We will ease sanctions in exchange for a prisoner swap,” Anna Holm said.",
     "sanctions_relief=conditional"},
    {"“We didn't ask for a truce,” Anna Holm said.", "ceasefire=oppose"},
    {"“We want not only a truce but a lasting settlement,” Anna Holm said.", "ceasefire=support"},
    {"“It is unclear whether a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“It is uncertain if a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“No one knows if a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“Nobody knows if a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
    {"“It remains to be seen if a truce will be signed,” Anna Holm said.", "ceasefire=neutral"},
};

// term expressions
const std::vector<pattern_case> term_expressions_cases = {
    {"“We want both sides to cease fire,” Anna Holm said.", "ceasefire=support"},
    {"“We want an armistice,” Anna Holm said.", "ceasefire=support"},
    {"“We call for a cessation of hostilities,” Anna Holm said.", "ceasefire=support"},
    {"“We want both sides to stop fighting,” Anna Holm said.", "ceasefire=support"},
    {"“We urge the rebels to lay down their arms,” Anna Holm said.", "ceasefire=support"},
    {"“We want the end of the war,” Anna Holm said.", "ceasefire=support"},
    {"“We welcome the truce agreement,” Anna Holm said.", "ceasefire=support"},
    {"“We want de-escalation,” Anna Holm said.", "ceasefire=support"},
    {"“We want the guns to fall silent,” Anna Holm said.", "ceasefire=support"},
    {"“Our army will continue to fight,” Anna Holm said.", "ceasefire=oppose"},
    {"“We continue fighting,” Anna Holm said.", "ceasefire=oppose"},
    {"“Our soldiers fight on,” Anna Holm said.", "ceasefire=oppose"},
    {"“We will fight to the end,” Anna Holm said.", "ceasefire=oppose"},
    {"“Our commitment to the fighting is total,” Anna Holm said.", "ceasefire=oppose"},
    {"“We are committed to the war,” Anna Holm said.", "ceasefire=oppose"},
    {"“We are determined to keep fighting,” Anna Holm said.", "ceasefire=oppose"},
    {"“We will intensify the offensive,” Anna Holm said.", "ceasefire=oppose"},
    {"“We reject the current front line as a border,” Anna Holm said.", "frontline_freeze=oppose"},
    {"“We reject the line of contact as a border,” Anna Holm said.", "frontline_freeze=oppose"},
    {"“We reject the contact line as a border,” Anna Holm said.", "frontline_freeze=oppose"},
    {"“We reject a truce along the current front lines,” Anna Holm said.",
     "frontline_freeze=oppose"},
    {"“We reject a standstill,” Anna Holm said.", "frontline_freeze=oppose"},
    {"“We reject any cession of our land,” Anna Holm said.", "territorial_concession=oppose"},
    {"“We will not trade away our land,” Anna Holm said.", "territorial_concession=oppose"},
    {"“We will never surrender our land,” Anna Holm said.", "territorial_concession=oppose"},
    {"“We will never recognise the annexation,” Anna Holm said.", "territorial_concession=oppose"},
    {"“We reject new borders,” Anna Holm said.", "territorial_concession=oppose"},
    {"“We will never concede our villages,” Anna Holm said.", "territorial_concession=oppose"},
    {"“We reject their control of the entire eastern region,” Anna Holm said.",
     "territorial_concession=oppose"},
    {"“We refuse to make concessions on our borders,” Anna Holm said.",
     "territorial_concession=oppose"},
    {"“We reject their preconditions,” Anna Holm said.", "preconditions=oppose"},
    {"“We have set out clear conditions for talks,” Anna Holm said.", "preconditions=support"},
    {"“We want talks unconditionally,” Anna Holm said.", "preconditions=oppose"},
    {"“We want talks without any conditions,” Anna Holm said.", "preconditions=oppose"},
    {"“We reject their maximalist demands,” Anna Holm said.", "preconditions=oppose"},
    {"“We reject their ultimatum,” Anna Holm said.", "preconditions=oppose"},
    {"“We reject their five conditions,” Anna Holm said.", "preconditions=oppose"},
    {"“We back the truce negotiations,” Anna Holm said.", "talks=support"},
    {"“We welcome the peace conference,” Anna Holm said.", "talks=support"},
    {"“We believe in diplomacy,” Anna Holm said.", "talks=support"},
    {"“We want a diplomatic solution,” Anna Holm said.", "talks=support"},
    {"“We will host the talks,” Anna Holm said.", "talks=support"},
    {"“We welcome the backchannel,” Anna Holm said.", "talks=support"},
    {"“We will send a delegation,” Anna Holm said.", "talks=support"},
    {"“We welcome the phone call with their president,” Anna Holm said.", "talks=support"},
    {"“We are ready to come to the table,” Anna Holm said.", "talks=support"},
    {"“I am ready to meet President Varga,” Anna Holm said.", "talks=support"},
    {"“We welcome proximity talks,” Anna Holm said.", "talks=support"},
    {"“We welcome shuttle diplomacy,” Anna Holm said.", "talks=support"},
    {"“We want direct meetings,” Anna Holm said.", "talks=support"},
    {"“We want guarantors,” Anna Holm said.", "security_guarantees=support"},
    {"“We want NATO membership,” Anna Holm said.", "security_guarantees=support"},
    {"“We want to join NATO,” Anna Holm said.", "security_guarantees=support"},
    {"“We want a defence pact,” Anna Holm said.", "security_guarantees=support"},
    {"“We want a no-fly zone,” Anna Holm said.", "security_guarantees=support"},
    {"“We want a buffer zone,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want a demilitarised zone,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We oppose lifting the sanctions,” Anna Holm said.", "sanctions_relief=oppose"},
    {"“We seek relief from sanctions,” Anna Holm said.", "sanctions_relief=support"},
    {"“We want the POWs home,” Anna Holm said.", "prisoner_exchange=support"},
    {"“We demand the release of all detainees,” Anna Holm said.", "prisoner_exchange=support"},
    {"“We want the abductees back,” Anna Holm said.", "prisoner_exchange=support"},
    {"“We want an exchange of prisoners,” Anna Holm said.", "prisoner_exchange=support"},
    {"“We want the remains of our soldiers back,” Anna Holm said.", "prisoner_exchange=support"},
    {"“We want aid corridors,” Anna Holm said.", "humanitarian_access=support"},
    {"“We want the crossings opened,” Anna Holm said.", "humanitarian_access=support"},
    {"“We want to evacuate the wounded,” Anna Holm said.", "humanitarian_access=support"},
    {"“We back relief efforts,” Anna Holm said.", "humanitarian_access=support"},
    {"“We want safe passage for civilians,” Anna Holm said.", "humanitarian_access=support"},
    {"“A famine is spreading in the north,” Anna Holm said.", "humanitarian_access=neutral"},
    {"“We want them to pull back their troops,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want them to pull their troops out,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want a pullback,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want a pullout,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want foreign troops out,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want them to retreat,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want them to redeploy,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want disengagement,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want to demilitarise the border,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We want an end to the occupation,” Anna Holm said.", "troop_withdrawal=support"},
};

// evaluations of a term named before the quotation
const std::vector<pattern_case> evaluations_of_a_term_named_before_the_quotation_cases = {
    {"The phone call with their president was described by Anna Holm as “productive.”",
     "talks=support"},
    {"Anna Holm described the negotiations as “constructive.”", "talks=support"},
    {"Anna Holm described the weather as “awful.”", "-"},
    {"Anna Holm called the truce “a sham.”", "ceasefire=oppose"},
    {"Anna Holm said they must prevent a “full-scale resumption” of the war.", "ceasefire=support"},
};

// Support by keeping, implementing, praising or committing to a term (issue 14, point 4;
// the conflict-news corpus README: a party implementing its own truce supports it).
const std::vector<pattern_case> implementing_and_praising_cases = {
    {"“Both armies respected the truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“Both armies abided by the truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“Both armies adhered to the truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“Both armies complied with the truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“The deal ought to be celebrated and built upon to reach a truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“The accord allows humanitarian access to the city,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“The monitors will facilitate the delivery of aid,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“We will ensure the delivery of aid,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“We helped the two sides reach a truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“A return to the truce has been our demand,” Anna Holm said.",
     "ceasefire=support"},
    {"“The truce is our top priority,” Anna Holm said.",
     "ceasefire=support"},
    {"“Now is the time for diplomacy,” Anna Holm said.",
     "talks=support"},
    {"“These were historic talks,” Anna Holm said.",
     "talks=support"},
    {"“The truce is a hopeful sign,” Anna Holm said.",
     "ceasefire=support"},
    {"“The truce is a great achievement,” Anna Holm said.",
     "ceasefire=support"},
    {"“The talks are the only hope for our people,” Anna Holm said.",
     "talks=support"},
    {"Anna Holm ordered her troops to halt fighting.",
     "ceasefire=support"},
    {"“I am hopeful about the talks,” Anna Holm said.",
     "talks=support"},
    {"“I am optimistic that a truce will hold,” Anna Holm said.",
     "ceasefire=support"},
    {"“I have confidence in the talks,” Anna Holm said.",
     "talks=support"},
    {"“We expressed our gratitude for the release of the hostages,” Anna Holm said.",
     "prisoner_exchange=support"},
    {"“We thank you for the truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“We appreciate the truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“We have chosen talks over war,” Anna Holm said.",
     "talks=support"},
    {"“We opted for a truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“Our government is planning to withdraw its troops,” Anna Holm said.",
     "troop_withdrawal=support"},
    {"“We took part in the talks,” Anna Holm said.",
     "talks=support"},
    {"“We engaged in talks with the rebels,” Anna Holm said.",
     "talks=support"},
    {"“We joined the talks,” Anna Holm said.",
     "talks=support"},
    {"“We expect to move forward on a summit,” Anna Holm said.",
     "talks=support"},
    {"“Our delegation arrived to complete arrangements for the talks,” Anna Holm said.",
     "talks=support"},
    {"“This is an opportunity to obtain a lasting truce,” Anna Holm said.",
     "ceasefire=support"},
    {"Anna Holm expressed hope that both sides would keep the truce.",
     "ceasefire=support"},
    {"“I look forward to the talks,” Anna Holm said.",
     "talks=support"},
    {"“We invited the rebels to talks,” Anna Holm said.",
     "talks=support"},
    {"“Our efforts to reach a truce continue,” Anna Holm said.",
     "ceasefire=support"},
    {"“They must seize this opportunity to reach a truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“This is the best opportunity for a truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“They have not met our pre-condition to withdraw their troops,” Anna Holm said.",
     "troop_withdrawal=support"},
    {"“New talks are being planned,” Anna Holm said.",
     "talks=support"},
    {"“We will prepare toward the talks with care,” Anna Holm said.",
     "talks=support"},
    {"Anna Holm said her top priority was to end the war.",
     "ceasefire=support"},
    {"“A lasting solution for the valley and its people must be found,” Anna Holm said.",
     "ceasefire=support"},
    // A commitment of the speaker's own side; the same words of another party are a report.
    {"A statement from the Ukrainian government said Ukraine will pull its troops back from the border.",
     "troop_withdrawal=support"},
    {"A statement from the Ukrainian government said Russia will pull its troops back from the border.",
     "troop_withdrawal=neutral"},
    // Announced as done: a passive future said of the term.
    {"“From midnight, the truce will be put in place,” Anna Holm said.",
     "ceasefire=support"},
    {"“The crossings were to be opened on Thursday,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“The captives will be released on Monday, the first day of the talks,” Anna Holm said.",
     "prisoner_exchange=support,talks=neutral"},
    {"“We are trying to find a peaceful solution,” Anna Holm said.",
     "ceasefire=support"},
    {"“Our compliance with the truce is total,” Anna Holm said.",
     "ceasefire=support"},
};

// Oppose carried by an evaluation or a cancellation; "the opposition" is a party, not a cue.
const std::vector<pattern_case> rejection_and_cancellation_cases = {
    {"“It is inappropriate to hold the summit now,” Anna Holm said.",
     "talks=oppose"},
    {"“The talks were doomed from the start,” Anna Holm said.",
     "talks=oppose"},
    {"“Our envoy is wasting his time on these negotiations,” Anna Holm said.",
     "talks=oppose"},
    {"“That proposal is a nonstarter for a truce,” Anna Holm said.",
     "ceasefire=oppose"},
    {"“A truce now would only benefit the invaders,” Anna Holm said.",
     "ceasefire=oppose"},
    {"“We have always stood in opposition to these talks,” Anna Holm said.",
     "talks=oppose"},
    {"“The opposition respected the truce,” Anna Holm said.",
     "ceasefire=support"},
    {"“We have cancelled the summit,” Anna Holm said.",
     "talks=oppose"},
    {"“We have called off the talks,” Anna Holm said.",
     "talks=oppose"},
    {"“We scrapped the truce,” Anna Holm said.",
     "ceasefire=oppose"},
    {"“We abandoned the negotiations,” Anna Holm said.",
     "talks=oppose"},
    // Rejecting a condemnation supports: "rejected the notion that the talks are doomed".
    {"Anna Holm rejected the notion that the talks are doomed.",
     "talks=support"},
    // An evaluation after the term needs a copula: "surrender" here is a verb of its own.
    {"The resolution called on the rebels to cede the land they seized and surrender their weapons.",
     "territorial_concession=support"},
    // Blaming another agent for blocking the term supports it.
    {"“Their obstinacy is the main obstacle to peace talks,” Anna Holm said.",
     "talks=support"},
    {"“Their shelling is an impediment to the talks,” Anna Holm said.",
     "talks=support"},
    {"“Their demands are a stumbling block in the talks,” Anna Holm said.",
     "talks=support"},
};

// Conditions: a basis, a requirement, "under fire", "once"; a hypothesis ("if they break the
// truce") is conditional, a feared failure ("should the truce fail") and the speaker's own aim
// ("if we can get aid in") support, a concession ("even if") takes no position; "not ... without Y"
// demands Y.
const std::vector<pattern_case> conditions_and_hypotheses_cases = {
    // "only" before the verb: the condition opens at its conjunction.
    {"“Talks will only happen after the hostages are freed,” Anna Holm said.",
     "talks=conditional,prisoner_exchange=support"},
    {"“A truce will only come after they withdraw,” Anna Holm said.", "ceasefire=conditional,troop_withdrawal=support"},
    {"“We will negotiate on the basis of the old borders,” Anna Holm said.",
     "talks=conditional"},
    {"“A lasting peace will require a demilitarised border,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“We will not negotiate under fire,” Anna Holm said.",
     "talks=conditional"},
    {"“Once the truce holds for a week, our experts will meet theirs,” Anna Holm said.",
     "ceasefire=support"},
    {"“We will respond with force if they break the truce,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“After the prisoners are released, our delegation will travel to the talks,” Anna Holm said.",
     "prisoner_exchange=support,talks=conditional"},
    {"“We would only take part in talks that set a deadline,” Anna Holm said.",
     "talks=conditional"},
    {"“We need a truce. But we will never accept the loss of our land,” Anna Holm said.",
     "ceasefire=conditional"},
    {"“A truce is dependent on the return of our soldiers,” Anna Holm said.",
     "ceasefire=conditional"},
    // A precondition the other side has not met still stands; "no preconditions" rejects them.
    {"“They have not met our preconditions,” Anna Holm said.",
     "preconditions=support"},
    {"“There are no preconditions,” Anna Holm said.",
     "preconditions=oppose"},
    {"“We would consider talks under the right circumstances,” Anna Holm said.",
     "talks=conditional,preconditions=(none)"},
    {"“Should the truce fail, we will defend ourselves,” Anna Holm said.",
     "ceasefire=support"},
    {"“If we can get aid into the city, that is a win,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“Our position will not change even if they seek further talks,” Anna Holm said.",
     "talks=neutral"},
    {"“We will not sign anything without an end to the occupation,” Anna Holm said.",
     "troop_withdrawal=support"},
    // A party's deontic is the speaker's demand, not a report of that party's position.
    {"Anna Holm, a Ukrainian minister, said Russia must withdraw its troops.",
     "troop_withdrawal=support"},
    // A demand made first (GUIDELINES.md; the corpus README: "no talks until the shelling
    // stops" supports preconditions); an exchange or a goal other than a truce or talks does not.
    {"“We will not hold talks unless the shelling stops,” Anna Holm said.",
     "talks=conditional,preconditions=support"},
    {"“We will return to the table only after an end to the shelling,” Anna Holm said.",
     "talks=conditional,ceasefire=support,preconditions=support"},
    {"“We will not start talks without a truce,” Anna Holm said.",
     "talks=conditional,ceasefire=support,preconditions=support"},
    {"“We call on them to accept an unconditional truce before any talks,” Anna Holm said.",
     "ceasefire=support,talks=conditional,preconditions=support"},
    {"“This is not a real truce,” Anna Holm said.",
     "ceasefire=conditional"},
};

// Backgrounds and reports: a term that only sets the scene of an event ("despite the truce"),
// a source ("according to") or an outcome ("failed to secure") takes no position; a relative
// clause ("terms that would stop the fighting") belongs to the reported party's clause.
const std::vector<pattern_case> backgrounds_and_reports_cases = {
    {"“Three shells fell despite the truce,” Anna Holm said.",
     "ceasefire=neutral"},
    {"“Three shells fell in spite of the truce,” Anna Holm said.",
     "ceasefire=neutral"},
    {"“Aid is badly needed amid the truce,” Anna Holm said.",
     "humanitarian_access=support,ceasefire=neutral"},
    {"“Shells were fired in violation of the truce,” Anna Holm said.",
     "ceasefire=neutral"},
    {"“The rebels violated the truce twice,” Anna Holm said.",
     "ceasefire=neutral"},
    {"“According to the mediators, the talks will resume,” Anna Holm said.",
     "talks=neutral"},
    {"“The talks failed to secure a truce,” Anna Holm said.",
     "ceasefire=neutral"},
    {"“We failed to find envoys who could negotiate,” Anna Holm said.",
     "talks=neutral"},
    {"“Hours after a truce was declared, it appeared to be holding,” Anna Holm said.",
     "ceasefire=neutral"},
    // A negated report or prediction is no refusal; another speaker's words are only reported.
    {"“No new talks have yet been scheduled,” Anna Holm said.",
     "talks=neutral"},
    {"“It appeared unlikely that a truce would be signed,” Anna Holm said.",
     "ceasefire=neutral"},
    {"“It is likely that a truce will be signed,” Anna Holm said.",
     "ceasefire=neutral"},
    {"“I never expected to hold talks here,” Anna Holm said.",
     "talks=neutral"},
    {"“Our envoy said Russia wanted a truce,” Anna Holm said.",
     "ceasefire=neutral"},
    {"“As I said, we want a truce,” Anna Holm said.",
     "ceasefire=support"},
    {"Hamas spokesman Tarek Amin said that Israel had not agreed to terms that would stop the fighting.",
     "ceasefire=neutral"},
    // A fronted source's comma opens the content, not an apposition: Moscow is reported on.
    {"According to U.S. officials familiar with the talks, Moscow's message was clear: there would be no truce.",
     "ceasefire=neutral"},
    // The party named in an apposition is the speaker's side.
    {"Tarek Amin, a Hamas spokesman, said that Israel had not agreed to a truce.",
     "ceasefire=neutral"},
    // An anonymous source describes the parties: their positions are reported.
    {"A source familiar with the plans said Russia wants a truce.",
     "ceasefire=neutral"},
    // A news outlet takes no side; an official with a press role does.
    {"“A truce is needed,” the Daily Courier news agency wrote.",
     "ceasefire=neutral"},
    {"“We want a truce,” the government's press secretary said.",
     "ceasefire=support"},
};

// Terms named in other words (the classes of the conflict-news corpus, in invented sentences):
// ending the war or its operations, peace, calm and less violence; sieges, crossings and the
// return of the displaced; delisting and pressure; releases and swaps; pull-outs and
// drawdowns; relinquished land and territorial integrity; meetings and discussions.
const std::vector<pattern_case> term_paraphrases_cases = {
    {"“We will not end the operation until the airstrips are destroyed,” the army chief said.",
     "ceasefire=conditional"},
    {"The defence minister said the military campaign would stop only after the border was "
     "secured.",
     "ceasefire=conditional"},
    {"“The election campaign will end on Sunday,” Mara Tenlow said.", "-"},
    {"“We demand that both sides stop firing at the villages,” Anna Holm said.",
     "ceasefire=support"},
    {"“We want the attacks to stop,” Anna Holm said.", "ceasefire=support"},
    {"“The fighting will soon end,” Mara Tenlow said.", "ceasefire=neutral"},
    {"Anna Holm said the talks aimed at a settlement of the border crisis.",
     "talks=neutral,ceasefire=neutral"},
    {"“We hope to sign a peace treaty next year,” Anna Holm said.", "ceasefire=support"},
    {"“This is the start of an era of peace,” Anna Holm said.", "ceasefire=neutral"},
    {"“We want to bring peace to the valley,” Anna Holm said.", "ceasefire=support"},
    {"“Both sides must reduce the violence,” Anna Holm said.", "ceasefire=support"},
    {"Anna Holm called for a reduction in violence across the province.", "ceasefire=support"},
    {"“We hope for less fighting this winter,” Anna Holm said.", "ceasefire=support"},
    {"“We want to restore calm in the capital,” Anna Holm said.", "ceasefire=support"},
    {"Anna Holm said a calming down would begin at noon.", "ceasefire=neutral"},
    {"“We welcome a humanitarian ceasefire,” Anna Holm said.",
     "ceasefire=support,humanitarian_access=support"},
    {"“We demand the delivery of food and medicine to the city,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“We want them to lift the siege of the city,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“The siege must end,” Anna Holm said.", "humanitarian_access=support"},
    {"“We want them to open the border crossings,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“The displaced must be able to return to their homes,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“We support the return of refugees,” Anna Holm said.", "humanitarian_access=support"},
    {"“We will delist the group if it stops its attacks,” Anna Holm said.",
     "sanctions_relief=conditional"},
    {"“We will revoke the terrorist designation,” Anna Holm said.", "sanctions_relief=support"},
    {"“We will ease the restrictions on the port,” Anna Holm said.", "sanctions_relief=support"},
    {"“We will maintain the sanctions,” Anna Holm said.", "sanctions_relief=oppose"},
    {"“The sanctions will remain in place,” Anna Holm said.", "sanctions_relief=oppose"},
    {"“We will keep up maximum pressure,” Anna Holm said.", "sanctions_relief=oppose"},
    {"“We will keep up the pressure on the regime,” Anna Holm said.", "sanctions_relief=oppose"},
    {"“The pressure will not abate,” Anna Holm said.", "sanctions_relief=oppose"},
    {"“We will release 300 of their fighters,” Anna Holm said.", "prisoner_exchange=support"},
    {"“Our soldiers will be returned in exchange for 40 of their fighters,” Anna Holm said.",
     "prisoner_exchange=support"},
    {"“He came home after four years in captivity,” Anna Holm said.", "prisoner_exchange=neutral"},
    {"“They have spent four years in captivity,” Anna Holm said.", "-"},
    {"“We demand the release of 300 fighters from prison,” Anna Holm said.", "prisoner_exchange=support"},
    {"“We call for the release of 120 of their men by Friday,” Anna Holm said.", "prisoner_exchange=support"},
    {"“We will reduce the number of our troops in the region,” Anna Holm said.",
     "troop_withdrawal=support"},
    {"“We support a drawdown,” Anna Holm said.", "troop_withdrawal=support"},
    {"“We will pull out of our positions in the north,” Anna Holm said.",
     "troop_withdrawal=support"},
    {"“We want the army to get out of Varnia,” Anna Holm said.", "troop_withdrawal=support"},
    {"“The rebels must pull out of the towns they hold,” Anna Holm said.",
     "troop_withdrawal=support,territorial_concession=support"},
    {"“They must relinquish the territory they seized,” Anna Holm said.",
     "territorial_concession=support"},
    {"“We demand recognition of our sovereignty over the islands,” Anna Holm said.",
     "territorial_concession=support"},
    {"“We will defend the territorial integrity of our country,” Anna Holm said.",
     "territorial_concession=oppose"},
    {"“We want a secure corridor along the highway,” Anna Holm said.",
     "security_guarantees=support"},
    {"“We will not negotiate under fire,” Anna Holm said.", "preconditions=support"},
    {"“There will be no talks unless the shelling stops,” Anna Holm said.",
     "talks=conditional,preconditions=support"},
    {"“The talks ended without an agreement,” Anna Holm said.", "talks=neutral"},
    {"“The talks were held without incident,” Anna Holm said.", "talks=neutral"},
    {"The talks resumed in May. “I want to meet him next week,” Anna Holm said.", "talks=support"},
    {"The talks resumed in May. “I met him in the capital last week,” Anna Holm said.",
     "talks=neutral"},
    {"“I want to meet him next week,” Anna Holm said.", "-"},
    {"The talks resumed in May. “The director met the deadline,” Anna Holm said.", "-"},
    {"The talks resumed in May. “The plan was met with protests,” Anna Holm said.", "-"},
    {"The talks resumed in May. “We had a national security meeting,” Anna Holm said.", "-"},
    {"The talks resumed in May. “We had a long meeting with them,” Anna Holm said.",
     "talks=neutral"},
    {"“We had a long meeting with them,” Anna Holm said.", "-"},
    {"“We welcome the discussions between the two governments,” Anna Holm said.",
     "talks=support"},
    {"“We support the peace efforts of the regional council,” Anna Holm said.", "talks=support"},
    {"Anna Holm welcomed the new diplomatic push.", "talks=support"},
    {"“I am ready to speak directly with their president,” Anna Holm said.", "talks=support"},
    {"“It is time to sit down and talk,” Anna Holm said.", "talks=support"},
    {"“The two leaders need to talk to each other,” Anna Holm said.", "talks=support"},
    {"Anna Holm said she had invited the rebel leader to visit the capital.", "talks=support"},
    {"“We are ready to put our missile programme on the table,” Anna Holm said.",
     "talks=support"},
    {"“We welcome the historic encounter,” Anna Holm said.", "talks=support"},
    {"“We will look for a political way out of this war,” Anna Holm said.", "talks=support"},
    {"“We prefer to settle this through diplomatic means,” Anna Holm said.", "talks=neutral"},
    {"“We have communicated with their leaders for years,” Anna Holm said.", "talks=neutral"},
    {"“We are ready to put Varnia's programme on the table,” Anna Holm said.", "talks=support"},
    {"“The city needs urgent assistance,” Anna Holm said.", "humanitarian_access=support"},
    {"“We are ready to provide relief to the villages,” Anna Holm said.",
     "humanitarian_access=support"},
    {"“The sanctions on their banks will remain,” Anna Holm said.", "sanctions_relief=oppose"},
    {"“We welcome the demilitarised areas around the city,” Anna Holm said.",
     "troop_withdrawal=support"},
    {"“They must demilitarise the militia,” Anna Holm said.", "-"},
    {"“Their aggression will end in a few hours,” Anna Holm said.", "ceasefire=neutral"},
    {"“We call for an end to the high-intensity fighting,” Anna Holm said.", "ceasefire=support"},
    {"“The aggression on our villages will end soon,” Anna Holm said.", "ceasefire=neutral"},
    {"“We will continue our attacks,” the army chief said.", "ceasefire=oppose"},
    {"Anna Holm urged the army to begin the assault on the port.", "ceasefire=oppose"},
    {"“We must be ready for a prolonged campaign,” the army chief said.", "ceasefire=oppose"},
    {"“Further escalation would be a disaster,” Anna Holm said.", "ceasefire=support"},
    {"“We warn against an escalation of the fighting,” Anna Holm said.", "ceasefire=support"},
    {"“We want a freeze on nuclear tests,” Anna Holm said.", "-"},
    {"“We welcome the pullout of their forces,” Anna Holm said.", "troop_withdrawal=support"},
    {"“The summit pullout was a mistake,” Anna Holm said.", "troop_withdrawal=(none)"},
    {"“The operation will not end before the tunnels are destroyed,” the army chief said.",
     "ceasefire=conditional,preconditions=support"},
    {"“We want three days of quiet before any talks,” Anna Holm said.",
     "preconditions=support,talks=conditional"},
    {"“A truce is our main condition for the talks,” Anna Holm said.", "preconditions=neutral"},
    {"“We welcome the shipments of food and fuel,” Anna Holm said.",
     "humanitarian_access=support"},    {"“Our army will continue to control the whole territory,” the army chief said.",
     "territorial_concession=oppose,troop_withdrawal=oppose"},
    {"“They will never keep their wartime gains,” Anna Holm said.",
     "territorial_concession=neutral"},
    {"“We will never recognise the independence of the breakaway districts,” Anna Holm said.",
     "territorial_concession=oppose"},
    {"“The council must provide the civilians with international protection,” Anna Holm said.",
     "security_guarantees=support"},
    {"“Sanctions are not a goal in themselves,” Anna Holm said.", "sanctions_relief=neutral"},
    {"“We want a firm guarantee from our allies,” Anna Holm said.", "security_guarantees=support"},
    {"“Nobody can guarantee that the truce will hold,” Anna Holm said.",
     "ceasefire=neutral,security_guarantees=(none)"},
    {"“We welcome independent monitoring of the border,” Anna Holm said.",
     "security_guarantees=support"},
    {"“We are monitoring them closely,” Anna Holm said.", "-"},
    {"“We want security guarantees,” Anna Holm said.", "security_guarantees=support"},
    {"“We back a monitoring mission,” Anna Holm said.", "security_guarantees=support"},
    {"“We welcome the monitors,” Anna Holm said.", "security_guarantees=support"},
    {"The talks opened in Geneva. “We held a press conference on Monday,” Anna Holm said.", "-"},
    {"“Only we are capable of guaranteeing security in the region,” Anna Holm said.",
     "security_guarantees=neutral"},
    // Paraphrases and context conditions of issue 14 part 3 (term lexicon).
    {"“We want an end to four years of fighting,” Mara Tenlow said.", "ceasefire=support"},
    {"“We call for a brief lull in the strikes,” Mara Tenlow said.", "ceasefire=support"},
    {"“We took a coffee pause during the briefing on the strikes,” Mara Tenlow said.", "-"},
    {"“We will respect the arrangement reached after weeks of fighting,” Mara Tenlow said.",
     "ceasefire=support"},
    {"“We will not open the crossings unless the rockets stop,” Mara Tenlow said.",
     "humanitarian_access=conditional,preconditions=support"},
    {"“We will remove the terrorist designation,” Mara Tenlow said.", "sanctions_relief=support"},
    {"“We will bring our troops home by the summer,” Mara Tenlow said.", "troop_withdrawal=support"},
    {"“The rebels must pull back now,” Mara Tenlow said.", "troop_withdrawal=support"},
    {"“The bank will pull back from the deal,” Mara Tenlow said.", "-"},
    {"“We will never turn over parts of our country to them,” Mara Tenlow said.",
     "territorial_concession=oppose"},
    // Releasing, in a story that names captives, is their release; not a statement released.
    {"Two fishermen have been held captive since May. “We want them released this week,” Anna "
     "Holm said.",
     "prisoner_exchange=support"},
    {"Two fishermen were held captive in May. “The ministry released a statement on Monday,” Anna "
     "Holm said.",
     "-"},
    {"Two sailors are held captive in the port. “We insist on freeing them before the winter,” Anna "
     "Holm said.",
     "prisoner_exchange=support"},
    {"“They released the figures on Monday,” Anna Holm said.", "-"},
    // Sanctions as what the quote is about; not new ones imposed or added.
    {"“Our position on sanctions has not changed,” Mara Tenlow said.", "sanctions_relief=neutral"},
    {"“Most of our voters support the sanctions,” Mara Tenlow said.", "sanctions_relief=oppose"},
    {"“The sanctions have failed and must go,” Mara Tenlow said.", "sanctions_relief=support"},
    {"“We will impose new sanctions on the regime,” Mara Tenlow said.", "-"},
    {"“They added ten firms to the sanctions list,” Mara Tenlow said.", "-"},
    // A freeze of fees is no front-line freeze; borders already recognized are no concession.
    {"“We will freeze port fees for a year,” Mara Tenlow said.", "-"},
    {"“Both peoples should live in peace within recognized borders,” Mara Tenlow said.", "-"},
    {"“We will never recognize the new borders,” Mara Tenlow said.", "territorial_concession=oppose"},
    // A body that watches over the truce is a security guarantee.
    {"“We will set up a coordination mechanism for the truce,” Mara Tenlow said.",
     "security_guarantees=support,ceasefire=support"},
    {"“We propose a verification commission,” Mara Tenlow said.", "security_guarantees=support"},
    {"The prisoner swap took place on Monday. Forty prisoners crossed the bridge. The hostages were "
     "freed at dawn. “We welcome the news that our sailors came home,” Anna Holm said.",
     "prisoner_exchange=support"},
};

// "The deal", "free him", "her release": what the document is about. The same quote names the
// ceasefire, the swap or the talks that the rest of the (invented) story names most, and
// nothing in a story about none of them.
// Issue 14, later stop: the document's topic, spokespeople, urgency, documents and schedules,
// "should", and more forms of the terms.
const std::vector<pattern_case> topic_spokespeople_urgency_cases = {
    // An evaluation with no term of its own, and none named before it in its sentence, is of
    // what the story is about (the term the document names at least three times, most often);
    // a forecast is not an evaluation.
    {"The truce began on Monday. The truce held overnight. A second truce is planned. Mara "
     "Tenlow called it “a great day for the region”.",
     "ceasefire=support"},
    {"The truce began on Monday. The truce held overnight. A second truce is planned. Mara "
     "Tenlow said “it will be a breakthrough”.",
     "-"},
    {"The truce began on Monday. Mara Tenlow called it “a great day for the region”.", "-"},
    {"The envoy said the offer was “a trap dressed as a gift” and left.", "-"},
    {"The truce began on Monday. The truce held overnight. A second truce is planned. Mara "
     "Tenlow said the strike was “a betrayal”.",
     "-"},
    {"The truce began on Monday. The truce held overnight. A second truce is planned. Mara "
     "Tenlow described the announcement as “historic”.",
     "ceasefire=support"},
    {"The truce began on Monday. The truce held overnight. A second truce is planned. Mara "
     "Tenlow said “the place is less important than the substance”.",
     "-"},
    // A spokesperson's "he" is the principal, not another party.
    {"“He will accept the invitation to talks,” his spokesman, Tomas Rell, said.", "talks=support"},
    {"“He will accept the invitation to talks,” Mara Tenlow said.", "talks=neutral"},
    // "ease sanctions" does not also name "sanctions", their contrary.
    {"The minister said Norland should ease sanctions on Varnia.", "sanctions_relief=support"},
    {"Mara Tenlow said the sanctions on Varnia should be lifted.", "sanctions_relief=support"},
    // "should" demands, except before a passive that takes "as".
    {"“We should hold talks soon,” Mara Tenlow said.", "talks=support"},
    {"“Our country should not be used as a bargaining chip in the talks,” Mara Tenlow said.",
     "talks=neutral"},
    // Urgency qualifies the term: support alone, and the predicate before it governs the phrase.
    {"Mara Tenlow said the fastest possible end to the war was her aim.", "ceasefire=support"},
    {"“We want an immediate truce,” Mara Tenlow said.", "ceasefire=support"},
    {"“We reject an immediate truce,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“What we need is a swift truce,” Mara Tenlow said.", "ceasefire=support"},
    {"Mara Tenlow called for an immediate truce without preconditions.",
     "ceasefire=support,preconditions=oppose"},
    // A document's content and a schedule take no position.
    {"“The agreement calls for a cessation of hostilities,” Mara Tenlow said.", "ceasefire=neutral"},
    {"“The plan provides for a prisoner exchange,” Mara Tenlow said.", "prisoner_exchange=neutral"},
    {"“Talks are set to resume on Monday,” Mara Tenlow said.", "talks=neutral"},
    // More support predicates and praise.
    {"“We are pursuing talks with our neighbours,” Mara Tenlow said.", "talks=support"},
    {"“We renew our plea for a truce,” Mara Tenlow said.", "ceasefire=support"},
    {"“We encourage both sides to return to talks,” Mara Tenlow said.", "talks=support"},
    {"Mara Tenlow said the talks were “a good example” for the region.", "talks=support"},
    {"“This truce is a glimmer of hope,” Mara Tenlow said.", "ceasefire=support"},
    // More forms of the terms.
    {"“It is time to silence the guns,” Mara Tenlow said.", "ceasefire=support"},
    {"“We will not give up an inch of our land,” Mara Tenlow said.", "territorial_concession=oppose"},
    {"“We will never return these lands,” Mara Tenlow said.", "territorial_concession=oppose"},
    {"“The rebels must release the kidnapped children,” Mara Tenlow said.",
     "prisoner_exchange=support"},
    {"“The blockade must end,” Mara Tenlow said.", "humanitarian_access=support"},
    {"Mara Tenlow said the army would allow aid trucks into the city.", "humanitarian_access=support"},
    {"“There is no military solution to this conflict,” Mara Tenlow said.", "talks=support"},
    {"“They want a military solution,” Mara Tenlow said.", "talks=neutral"},
    // Putting something at risk condemns; endangering a term works against it.
    {"Mara Tenlow said further escalation would put the region at risk.", "ceasefire=support"},
    {"“A ceasefire now would put our soldiers at risk,” Mara Tenlow said.", "ceasefire=oppose"},
    {"“The talks risk legitimizing the coup,” Mara Tenlow said.", "talks=oppose"},
    {"“Their attacks jeopardize the truce,” Mara Tenlow said.", "ceasefire=support"},
    {"“The new settlements endanger the talks,” Mara Tenlow said.", "talks=support"},
    {"“Their shelling imperils the truce,” Mara Tenlow said.", "ceasefire=support"},
    // Talking with, engaging with or being in contact with a party is talks; talking to the
    // press or engaging with an institution is not.
    {"“We are ready to talk to them,” Mara Tenlow said.", "talks=support"},
    {"“We are ready to talk to reporters every day,” Mara Tenlow said.", "-"},
    {"“We will engage with the Varnian government,” Mara Tenlow said.", "talks=support"},
    {"“We will engage with the United Nations on the budget,” Mara Tenlow said.", "-"},
    {"“Contacts with the rebels are continuing,” Mara Tenlow said.", "talks=neutral"},
    {"“We remain in contact with Varnia,” Mara Tenlow said.", "talks=neutral"},
    // Ceding a named region; forces out of a named country.
    {"“We will never cede Eastmarch,” Mara Tenlow said.", "territorial_concession=oppose"},
    {"“We want their troops out of Norland,” Mara Tenlow said.", "troop_withdrawal=support"},
    // The sides' distance is a report.
    {"“The two sides remain far apart on the truce,” Mara Tenlow said.", "ceasefire=neutral"},
};

const std::vector<pattern_case> named_by_the_document_cases = {
    {"The ceasefire began on Monday. The truce was agreed after a week of shelling. “We will "
     "respect the deal,” Anna Holm said.",
     "ceasefire=support"},
    {"The prisoner swap took place on Monday. Forty prisoners crossed the bridge. The hostages "
     "were freed at dawn. “We will respect the deal,” Anna Holm said.",
     "prisoner_exchange=support"},
    {"The talks resumed on Monday. The negotiations were held in a hotel. The summit will follow. "
     "“We will respect the deal,” Anna Holm said.",
     "talks=support"},
    {"“We will respect the deal,” Anna Holm said.", "-"},
    {"The ceasefire began on Monday. The truce was agreed after a week of shelling. “We will "
     "respect the trade agreement,” Anna Holm said.",
     "-"},
    {"Two sailors have been held captive since May. Their captors moved the prisoners twice. The "
     "hostages were seen in a video. “We will do everything to bring them home,” Anna Holm said.",
     "prisoner_exchange=support"},
    {"The captives were held in the hills. The hostages include two doctors. Their families "
     "wrote to the prisoners every week. “We welcome her release,” Anna Holm said.",
     "prisoner_exchange=support"},
    {"“We welcome her release,” Anna Holm said.", "-"},
    {"The ceasefire began on Monday. The truce was agreed after a week of shelling. “We want to "
     "reach a deal with them,” Anna Holm said.",
     "ceasefire=support"},
    {"The prisoner swap took place on Monday. Forty prisoners crossed the bridge. The hostages "
     "were freed at dawn. “We will bring our sailors back,” Anna Holm said.",
     "prisoner_exchange=support"},
    {"The prisoner swap took place on Monday. Forty prisoners crossed the bridge. The hostages "
     "were freed at dawn. “We welcome the release,” Anna Holm said.",
     "prisoner_exchange=support"},
    {"The prisoner swap took place on Monday. Forty prisoners crossed the bridge. The hostages "
     "were freed at dawn. “We await the release of the report,” Anna Holm said.",
     "-"},    {"The talks opened in Geneva. The negotiations stalled twice. The envoys met again on Friday. "
     "“We will not attend,” Anna Holm said.",
     "talks=oppose"},
    {"The talks opened in Geneva. The negotiations stalled twice. The envoys met again on Friday. "
     "“We will attend the festival,” Anna Holm said.",
     "-"},
};

// Terms named in other words and support without a support verb, found missing on conflict-news
// (invented sentences), and describers who take no stance of their own.
const std::vector<pattern_case> recall_and_describers_cases = {
    // Calm, tamping down or defusing the fighting, grounding an air force, a time out: a ceasefire.
    {"“We want a week of calm in the valley,” Anna Holm said.",
     "ceasefire=support"},
    {"“We demand total calm on the border,” Anna Holm said.",
     "ceasefire=support"},
    {"“We welcome the calm agreement,” Anna Holm said.",
     "ceasefire=support"},
    {"“We want to tamp down the fighting in the north,” Anna Holm said.",
     "ceasefire=support"},
    {"“We hope to defuse the crisis,” Anna Holm said.",
     "ceasefire=support"},
    {"“We want to see tensions in the region defused,” Anna Holm said.",
     "ceasefire=support"},
    {"“We demand the grounding of their air force,” Anna Holm said.",
     "ceasefire=support"},
    {"“We reject a time out in the fighting,” Anna Holm said.",
     "ceasefire=oppose"},
    // "peace" alone where someone wants it or works for it; not a peace prize, nor living in peace.
    {"“This is a fine example of what our two countries can do for peace,” Anna Holm said.",
     "ceasefire=support"},
    {"“We want peace,” Anna Holm said.",
     "ceasefire=support"},
    {"“The peace prize will be awarded in May,” Anna Holm said.",
     "-"},
    {"“Both peoples should live in peace within recognized borders,” Mara Tenlow said.",
     "-"},
    // Glad or relieved about it, reviving it, putting it in place, giving it a chance, the only
    // chance for it, the best thing that could happen, hope it gave: support.
    {"Anna Holm said her government was glad its soldiers were safe after the truce.",
     "ceasefire=support"},
    {"“We are relieved that a truce was agreed,” Anna Holm said.",
     "ceasefire=support"},
    {"Anna Holm said she was working to revive the truce.",
     "ceasefire=support"},
    {"Anna Holm said she was working to put in place a lasting ceasefire.",
     "ceasefire=support"},
    {"Anna Holm said her forces were holding back to give a chance for the truce to last.",
     "ceasefire=support"},
    {"“This is the only chance for a lasting ceasefire,” Anna Holm said.",
     "ceasefire=support"},
    {"“The best thing that could happen is for the truce to hold,” Anna Holm said.",
     "ceasefire=support"},
    {"Anna Holm said the truce had given her hope.",
     "ceasefire=support"},
    // Working out, securing or facilitating a deal: the deal the story is about.
    {"The ceasefire began on Monday. The truce was agreed after a week of shelling. “We want to "
     "work out a good deal with them,” Anna Holm said.",
     "ceasefire=support"},
    {"The talks opened in Geneva. The negotiations stalled twice. The envoys met again on Friday. "
     "“We will do what we can to facilitate a Geneva deal,” Anna Holm said.",
     "talks=support"},
    // Fighting on someone's side is no intention to keep fighting; a video conference is no
    // conference between parties; discussing ways to help is no negotiation, discussing the terms
    // or the details of a deal is.
    {"“Volunteers from abroad fight on their side,” Anna Holm said.", "-"},
    {"“We held a video conference with our allies,” Anna Holm said.", "-"},
    {"Anna Holm said the two leaders discussed ways to help the farmers.", "-"},
    {"“The two sides will discuss the terms of a truce,” Anna Holm said.",
     "talks=neutral,ceasefire=neutral"},
    {"“We are ready to discuss the details of the agreement,” Anna Holm said.", "talks=support"},
    // Continuing the armed struggle opposes a ceasefire; keeping troops in a place opposes their
    // withdrawal (keeping promises there does not).
    {"“We will continue the armed struggle,” Anna Holm said.", "ceasefire=oppose"},
    {"“We will keep our troops in the valley,” Anna Holm said.", "troop_withdrawal=oppose"},
    {"“We will keep our promises in the valley,” Anna Holm said.", "-"},
    // "required that ..." sets a condition; "is required to secure it" wants it.
    {"“A truce required that the shelling stop first,” Anna Holm said.", "ceasefire=conditional"},
    {"“Patience is required to secure the truce,” Anna Holm said.", "ceasefire=support"},
    // An analyst, a professor, an expert or an outlet (named so next to any mention of the
    // speaker) describes the parties and takes no stance of its own; a minister does.
    {"“The talks will be hard,” said Jo Hale, an analyst at the institute.",
     "talks=neutral"},
    {"Jo Hale, a professor at the university, said the truce was the only way forward.",
     "ceasefire=neutral"},
    {"“The ceasefire must hold,” said Middle East expert Jo Hale.",
     "ceasefire=neutral"},
    {"“The ceasefire must hold,” the Daily Times wrote.",
     "ceasefire=neutral"},
    {"“The ceasefire must hold,” said Anna Holm, the foreign minister.",
     "ceasefire=support"},
};

// Every table, for the lexicon coverage test.
const std::vector<const std::vector<pattern_case>*> all_tables = {
    &terms_named_in_other_words_cases,
    &support_that_is_not_a_support_verb_cases,
    &oppose_carried_by_evaluation_cases,
    &conditions_cases,
    &reports_predictions_assessments_neutral_cases,
    &ambiguity_cases,
    &holders_reporting_another_party_cases,
    &more_support_forms_cases,
    &more_oppose_cases,
    &conditional_cases,
    &neutral_predictions_reports_questions_cases,
    &false_positive_traps_cases,
    &accusations_cases,
    &support_predicates_cases,
    &oppose_predicates_cases,
    &praise_cases,
    &condemn_cases,
    &undermine_cases,
    &conditional_cues_cases,
    &neutral_predicates_cases,
    &negations_cases,
    &pseudo_negations_and_terminators_cases,
    &more_cue_entries_cases,
    &term_expressions_cases,
    &evaluations_of_a_term_named_before_the_quotation_cases,
    &implementing_and_praising_cases,
    &rejection_and_cancellation_cases,
    &conditions_and_hypotheses_cases,
    &backgrounds_and_reports_cases,
    &term_paraphrases_cases,
    &named_by_the_document_cases,
    &topic_spokespeople_urgency_cases,
    &recall_and_describers_cases,
};

// An expression as the lexicon loader reads it: a space matches white space, an apostrophe
// either apostrophe.
std::string loader_form(std::string_view expr) {
  std::string out;
  for (const char c : expr) {
    if (c == ' ') {
      out += "\\s+";
    } else if (c == '\'') {
      out += "(?:'|\xE2\x80\x99)";
    } else {
      out += c;
    }
  }
  return out;
}

// Every string of every array under `node`, with where it was found.
void entries_of(const toml::node& node, const std::string& where,
                std::vector<std::pair<std::string, std::string>>& out) {
  if (const auto* arr = node.as_array()) {
    for (const toml::node& item : *arr) {
      if (const auto* s = item.as_string()) {
        out.emplace_back(where, s->get());
      } else {
        entries_of(item, where, out);
      }
    }
  } else if (const auto* table = node.as_table()) {
    for (const auto& [key, value] : *table) {
      if (key.str() == "id" || key.str() == "description") continue;
      // Context conditions are not expressions of a term; the expressions they qualify are.
      if (key.str() == "sentence_has" || key.str() == "quote_has" || key.str() == "before" || key.str() == "not_before" ||
          key.str() == "not_after" || key.str() == "after" || key.str() == "document_first_of") {
        continue;
      }
      entries_of(value, where + "." + std::string(key.str()), out);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stance_pattern_tests)

BOOST_DATA_TEST_CASE(terms_named_in_other_words,
                     boost::unit_test::data::make(terms_named_in_other_words_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(support_that_is_not_a_support_verb,
                     boost::unit_test::data::make(support_that_is_not_a_support_verb_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(oppose_carried_by_evaluation,
                     boost::unit_test::data::make(oppose_carried_by_evaluation_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(conditions, boost::unit_test::data::make(conditions_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(reports_predictions_assessments_neutral,
                     boost::unit_test::data::make(reports_predictions_assessments_neutral_cases),
                     c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(ambiguity, boost::unit_test::data::make(ambiguity_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(holders_reporting_another_party,
                     boost::unit_test::data::make(holders_reporting_another_party_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(more_support_forms, boost::unit_test::data::make(more_support_forms_cases),
                     c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(more_oppose, boost::unit_test::data::make(more_oppose_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(conditional, boost::unit_test::data::make(conditional_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(neutral_predictions_reports_questions,
                     boost::unit_test::data::make(neutral_predictions_reports_questions_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(false_positive_traps, boost::unit_test::data::make(false_positive_traps_cases),
                     c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(accusations, boost::unit_test::data::make(accusations_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(support_predicates, boost::unit_test::data::make(support_predicates_cases),
                     c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(oppose_predicates, boost::unit_test::data::make(oppose_predicates_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(praise, boost::unit_test::data::make(praise_cases), c) { check_pattern(c); }
BOOST_DATA_TEST_CASE(condemn, boost::unit_test::data::make(condemn_cases), c) { check_pattern(c); }
BOOST_DATA_TEST_CASE(undermine, boost::unit_test::data::make(undermine_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(conditional_cues, boost::unit_test::data::make(conditional_cues_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(neutral_predicates, boost::unit_test::data::make(neutral_predicates_cases),
                     c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(negations, boost::unit_test::data::make(negations_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(pseudo_negations_and_terminators,
                     boost::unit_test::data::make(pseudo_negations_and_terminators_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(more_cue_entries, boost::unit_test::data::make(more_cue_entries_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(term_expressions, boost::unit_test::data::make(term_expressions_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(
    evaluations_of_a_term_named_before_the_quotation,
    boost::unit_test::data::make(evaluations_of_a_term_named_before_the_quotation_cases), c) {
  check_pattern(c);
}

BOOST_DATA_TEST_CASE(implementing_and_praising, boost::unit_test::data::make(implementing_and_praising_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(rejection_and_cancellation, boost::unit_test::data::make(rejection_and_cancellation_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(conditions_and_hypotheses, boost::unit_test::data::make(conditions_and_hypotheses_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(backgrounds_and_reports, boost::unit_test::data::make(backgrounds_and_reports_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(term_paraphrases, boost::unit_test::data::make(term_paraphrases_cases), c) {
  check_pattern(c);
}
BOOST_DATA_TEST_CASE(named_by_the_document, boost::unit_test::data::make(named_by_the_document_cases),
                     c) {
  check_pattern(c);
}

BOOST_DATA_TEST_CASE(topic_spokespeople_urgency,
                     boost::unit_test::data::make(topic_spokespeople_urgency_cases), c) {
  check_pattern(c);
}

BOOST_DATA_TEST_CASE(recall_and_describers, boost::unit_test::data::make(recall_and_describers_cases), c) {
  check_pattern(c);
}

BOOST_AUTO_TEST_CASE(every_lexicon_entry_compiles_and_is_exercised) {
  for (const std::string_view file : {"stance.toml", "ceasefire.toml"}) {
    const std::string path = std::string(SAYSO_LEXICON_DIR) + "/" + std::string(file);
    // The loader accepts the file (it checks each expression and names the line of a bad
    // one); stance.toml is read as the [stance] table of a lexicon with one term.
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string lexicon = file == "stance.toml"
                                    ? "[[term]]\nid = \"t\"\nexpressions = [\"t\"]\n" + text.str()
                                    : text.str();
    BOOST_CHECK_NO_THROW((void)sayso::term_lexicon::from_string(lexicon, path));
    const toml::table root = toml::parse_file(path);
    std::vector<std::pair<std::string, std::string>> entries;
    entries_of(root, std::string(file), entries);
    BOOST_TEST(entries.size() > 100U, file);
    RE2::Options options;
    options.set_case_sensitive(false);
    for (const auto& [where, expr] : entries) {
      const RE2 re("\\b(?:" + loader_form(expr) + ")\\b", options);
      BOOST_TEST_REQUIRE(re.ok(), where << ": " << expr);
      bool used = false;
      for (const auto* table : all_tables) {
        for (const pattern_case& c : *table) used = used || RE2::PartialMatch(c.text, re);
      }
      BOOST_TEST(used, where << ": no sentence exercises '" << expr << "'");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
