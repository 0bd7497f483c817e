// Stance (issue 5): where a quote's speaker stands on each term the quote concerns. Every cue
// class (support, oppose, conditional, neutral), negation and its scope, conditions and what
// they attach to, "without preconditions", the attribution's own cue, holders (a party the
// speaker reports on), evidence and confidence, and a user's own term lexicon.
// The texts are invented and their speakers fictional; the holder tests name real countries
// because parties are recognised from a lexicon of real ones.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analysis_helpers.hpp"

using sayso::quote;
using sayso_test::analyze;
using sayso_test::find_range;
using sayso_test::label_of;
using sayso_test::stance_on;

namespace {

// Does some evidence range of `s` overlap the first occurrence of `needle`?
bool evidence_over(const sayso::stance& s, std::string_view text, std::string_view needle) {
  const sayso::byte_range r = find_range(text, needle);
  for (const sayso::byte_range& e : s.evidence) {
    if (sayso_test::overlaps(e, r)) return true;
  }
  return false;
}

// The single quote of `text`, checked without aborting (so that expected failures count).
const quote* single_quote(const sayso::analysis& a, std::string_view text) {
  sayso_test::check_well_formed(a, text);
  BOOST_TEST(a.quotes.size() == 1U);
  return a.quotes.size() == 1U ? &a.quotes[0] : nullptr;
}

// Checks the speaker's label on `term` in the single quote of `text`.
void check_label(std::string_view text, std::string_view term, std::string_view label) {
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  if (q == nullptr) return;
  BOOST_TEST(label_of(*q, term) == label, term << " in «" << text << "»");
}

// One sentence, the term it concerns, the label its speaker takes, and two words the evidence
// must cover: the term's expression and the cue that sets the label.
struct stance_case {
  std::string_view text;
  std::string_view term;
  std::string_view label;
  std::string_view expression;
  std::string_view cue;
};

std::ostream& operator<<(std::ostream& os, const stance_case& c) { return os << c.text; }

void check_case(const stance_case& c) {
  const sayso::analysis a = analyze(c.text);
  const quote* q = single_quote(a, c.text);
  BOOST_TEST_REQUIRE(q != nullptr);
  const sayso::stance* s = stance_on(*q, c.term);
  BOOST_TEST_REQUIRE(s != nullptr, "no stance on " << c.term);
  BOOST_TEST(sayso::to_string(s->label) == c.label);
  BOOST_TEST(!s->reported);
  BOOST_TEST(s->holder == q->speaker->entity);
  BOOST_TEST(sayso_test::holder_name(a, *s) == "Anna Holm");
  BOOST_TEST(evidence_over(*s, c.text, c.expression), "evidence: " << sayso_test::evidence_text(*s, c.text));
  BOOST_TEST(evidence_over(*s, c.text, c.cue), "evidence: " << sayso_test::evidence_text(*s, c.text));
  BOOST_TEST((s->confidence > 0.0F && s->confidence <= 1.0F));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stance_tests)

// ---- cue classes --------------------------------------------------------------------------

const std::vector<stance_case> support_cases = {
    {"“We call for an immediate truce,” Anna Holm said.", "ceasefire", "support", "truce", "call for"},
    {"“We demand a prisoner exchange,” Anna Holm said.", "prisoner_exchange", "support", "prisoner", "demand"},
    {"“We welcome the ceasefire,” Anna Holm said.", "ceasefire", "support", "ceasefire", "welcome"},
    {"“We back the peace talks,” Anna Holm said.", "talks", "support", "talks", "back"},
    {"“We are ready for talks,” Anna Holm said.", "talks", "support", "talks", "ready for"},
    {"“We agree to a prisoner swap,” Anna Holm said.", "prisoner_exchange", "support", "prisoner swap", "agree to"},
    {"“We accept the truce,” Anna Holm said.", "ceasefire", "support", "truce", "accept"},
    {"“We propose a humanitarian corridor for the wounded,” Anna Holm said.", "humanitarian_access", "support",
     "humanitarian corridor", "propose"},
    {"“We will push for sanctions relief,” Anna Holm said.", "sanctions_relief", "support", "sanctions relief",
     "push for"},
    {"“We want security guarantees,” Anna Holm said.", "security_guarantees", "support", "security guarantees",
     "want"},
    {"“We are open to talks,” Anna Holm said.", "talks", "support", "talks", "open to"},
};

BOOST_DATA_TEST_CASE(support_cues, boost::unit_test::data::make(support_cases), c) { check_case(c); }

const std::vector<stance_case> oppose_cases = {
    {"“We reject any freeze of the front line,” Anna Holm said.", "frontline_freeze", "oppose", "freeze", "reject"},
    {"“We rule out any territorial concessions,” Anna Holm said.", "territorial_concession", "oppose",
     "territorial concessions", "rule out"},
    {"“We refuse to negotiate,” Anna Holm said.", "talks", "oppose", "negotiate", "refuse"},
    {"“We oppose the lifting of sanctions,” Anna Holm said.", "sanctions_relief", "oppose", "lifting of sanctions",
     "oppose"},
    {"“We dismiss talk of a truce,” Anna Holm said.", "ceasefire", "oppose", "truce", "dismiss"},
    {"“We condemn the peace plan,” Anna Holm said.", "ceasefire", "oppose", "peace plan", "condemn"},
    {"“There will be no freeze,” Anna Holm said.", "frontline_freeze", "oppose", "freeze", "no"},
    {"“We will never withdraw our troops,” Anna Holm said.", "troop_withdrawal", "oppose", "withdraw", "never"},
    {"“We will not accept a truce,” Anna Holm said.", "ceasefire", "oppose", "truce", "not"},
    {"“We have no intention of lifting sanctions,” Anna Holm said.", "sanctions_relief", "oppose",
     "lifting sanctions", "no intention"},
};

BOOST_DATA_TEST_CASE(oppose_cues, boost::unit_test::data::make(oppose_cases), c) { check_case(c); }

// Conditional: the cue is the condition clause, which is also the stance's condition range.
const std::vector<stance_case> conditional_cases = {
    {"“There will be a ceasefire only if the shelling stops,” Anna Holm said.", "ceasefire", "conditional",
     "ceasefire", "only if the shelling stops"},
    {"“The talks can begin only if the shelling stops,” Anna Holm said.", "talks", "conditional", "talks",
     "only if the shelling stops"},
    {"“We will accept a truce unless they shell the city again,” Anna Holm said.", "ceasefire", "conditional",
     "truce", "unless they shell the city again"},
    {"“We will observe the truce until the monitors arrive,” Anna Holm said.", "ceasefire", "conditional", "truce",
     "until the monitors arrive"},
    {"“We will sign a truce provided that monitors are deployed,” Anna Holm said.", "ceasefire", "conditional",
     "truce", "provided that monitors are deployed"},
    {"“We will ease sanctions in exchange for a prisoner swap,” Anna Holm said.", "sanctions_relief", "conditional",
     "ease sanctions", "in exchange for a prisoner swap"},
    {"“A ceasefire should not mean capitulation,” Anna Holm said.", "ceasefire", "conditional", "ceasefire",
     "should not mean capitulation"},
    {"“We will respect the truce as long as they do,” Anna Holm said.", "ceasefire", "conditional", "truce",
     "as long as they do"},
    {"“We will join the talks only after the prisoners are released,” Anna Holm said.", "talks", "conditional",
     "talks", "only after the prisoners are released"},
};

BOOST_DATA_TEST_CASE(conditional_cues, boost::unit_test::data::make(conditional_cases), c) {
  check_case(c);
  const sayso::analysis a = analyze(c.text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const sayso::stance* s = stance_on(a.quotes[0], c.term);
  BOOST_TEST_REQUIRE(s != nullptr);
  BOOST_TEST_REQUIRE(s->condition.has_value());
  BOOST_TEST(*s->condition == find_range(c.text, c.cue));
}

// Neutral: the term is reported, described or predicted; only its expression is evidence.
const std::vector<stance_case> neutral_cases = {
    {"“Talks will resume on Thursday,” Anna Holm said.", "talks", "neutral", "Talks", "Talks"},
    {"“We discussed a possible truce,” Anna Holm said.", "ceasefire", "neutral", "truce", "truce"},
    {"“The summit has been postponed,” Anna Holm said.", "talks", "neutral", "summit", "summit"},
    {"“The ceasefire is holding,” Anna Holm said.", "ceasefire", "neutral", "ceasefire", "ceasefire"},
    {"Anna Holm said the prisoner exchange had been delayed.", "prisoner_exchange", "neutral", "prisoner",
     "prisoner"},
};

BOOST_DATA_TEST_CASE(neutral_reporting_and_assessing, boost::unit_test::data::make(neutral_cases), c) {
  check_case(c);
}

BOOST_AUTO_TEST_CASE(a_term_the_quote_does_not_concern_gets_no_stance) {
  const std::string_view text = "“The harbour will reopen on Friday,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(q->stances.empty());
}

BOOST_AUTO_TEST_CASE(each_term_in_a_quote_gets_its_own_label) {
  const std::string_view text =
      "“We welcome the truce and call for talks, but we reject any freeze,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(q->stances.size() == 3U);
  BOOST_TEST(label_of(*q, "ceasefire") == "support");
  BOOST_TEST(label_of(*q, "talks") == "support");
  BOOST_TEST(label_of(*q, "frontline_freeze") == "oppose");
}

BOOST_AUTO_TEST_CASE(evidence_is_the_expression_and_the_cue) {
  const std::string_view text = "“We call for an immediate truce,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  const sayso::stance* s = stance_on(*q, "ceasefire");
  BOOST_TEST_REQUIRE(s != nullptr);
  BOOST_TEST(s->evidence.size() == 2U, sayso_test::evidence_text(*s, text));
  BOOST_TEST(sayso_test::has_evidence(*s, text, "truce"));
  BOOST_TEST(sayso_test::has_evidence(*s, text, "call for"));
  BOOST_TEST(!s->condition.has_value());
  // Evidence lies inside the quote's content here (the cue "said" sets no label).
  for (const sayso::byte_range& e : s->evidence) {
    BOOST_TEST((e.begin >= q->content[0].begin && e.end <= q->content[0].end));
  }
}

// ---- negation -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(negation_flips_support_to_oppose) {
  check_label("“We do not want a ceasefire,” Anna Holm said.", "ceasefire", "oppose");
  check_label("“We don't want a ceasefire,” Anna Holm said.", "ceasefire", "oppose");
  check_label("“We will not give up our land,” Anna Holm said.", "territorial_concession", "oppose");
}

BOOST_AUTO_TEST_CASE(negated_opposition_is_not_opposition) {
  check_label("“We will not reject a truce,” Anna Holm said.", "ceasefire", "support");
}

BOOST_AUTO_TEST_CASE(pseudo_negation_does_not_flip) {
  check_label("“We want not only a ceasefire but a lasting peace,” Anna Holm said.", "ceasefire", "support");
}

BOOST_AUTO_TEST_CASE(terminator_ends_the_scope_of_a_negation) {
  const std::string_view text = "“We will not attend the dinner, but we welcome the talks,” Anna Holm said.";
  check_label(text, "talks", "support");
}

BOOST_AUTO_TEST_CASE(each_clause_keeps_its_own_polarity) {
  const std::string_view text = "“We are against a truce, but we support talks,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(label_of(*q, "ceasefire") == "oppose");
  BOOST_TEST(label_of(*q, "talks") == "support");
}

BOOST_AUTO_TEST_CASE(negation_of_another_predicate_does_not_reach_the_term) {
  check_label("“It is not clear whether the truce will hold,” Anna Holm said.", "ceasefire", "neutral");
}

// ---- conditions and what they attach to ---------------------------------------------------

BOOST_AUTO_TEST_CASE(term_inside_a_condition_is_what_the_speaker_asks_for) {
  const std::string_view text = "“We will ease sanctions in exchange for a prisoner swap,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(label_of(*q, "sanctions_relief") == "conditional");
  BOOST_TEST(label_of(*q, "prisoner_exchange") == "support");
  const sayso::stance* s = stance_on(*q, "sanctions_relief");
  BOOST_TEST_REQUIRE(s != nullptr);
  BOOST_TEST_REQUIRE(s->condition.has_value());
  BOOST_TEST(s->condition->of(text) == "in exchange for a prisoner swap");
}

BOOST_AUTO_TEST_CASE(condition_after_a_positive_main_clause_supports_its_term) {
  const std::string_view text =
      "“We are ready to sign a ceasefire as long as the monitors stay,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(label_of(*q, "ceasefire") == "conditional");
  BOOST_TEST(label_of(*q, "security_guarantees") == "support");
}

BOOST_AUTO_TEST_CASE(no_term_unless_is_conditional) {
  const std::string_view text = "“There will be no talks unless the prisoners are released,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  if (q == nullptr) return;
  BOOST_TEST(label_of(*q, "talks") == "conditional");
  BOOST_TEST(label_of(*q, "prisoner_exchange") == "support");
}

BOOST_AUTO_TEST_CASE(no_term_until_is_conditional) {
  const std::string_view text = "“There will be no ceasefire until their troops withdraw,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  if (q == nullptr) return;
  BOOST_TEST(label_of(*q, "ceasefire") == "conditional");
  BOOST_TEST(label_of(*q, "troop_withdrawal") == "support");
}

BOOST_AUTO_TEST_CASE(demand_as_a_precondition) {
  const std::string_view text =
      "“We demand the return of our prisoners as a precondition for talks,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  if (q == nullptr) return;
  BOOST_TEST(label_of(*q, "preconditions") == "support");
  BOOST_TEST(label_of(*q, "talks") == "conditional");
  BOOST_TEST(label_of(*q, "prisoner_exchange") == "support");
}

BOOST_AUTO_TEST_CASE(first_then_is_conditional) {
  const std::string_view text =
      "“First they must withdraw their troops, then we can talk about a ceasefire,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  if (q == nullptr) return;
  BOOST_TEST(label_of(*q, "ceasefire") == "conditional");
  BOOST_TEST(label_of(*q, "troop_withdrawal") == "support");
}

// "before" with a time ("before winter") is a deadline, not a condition.
BOOST_AUTO_TEST_CASE(before_a_date_is_not_a_condition) {
  check_label("“We demand a prisoner exchange before winter,” Anna Holm said.", "prisoner_exchange", "support");
}

// ---- without preconditions ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(without_preconditions_supports_the_term_and_opposes_preconditions) {
  const std::string_view text =
      "“We want an immediate ceasefire without preconditions,” Anna Holm said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(label_of(*q, "ceasefire") == "support");
  BOOST_TEST(label_of(*q, "preconditions") == "oppose");
  const sayso::stance* pre = stance_on(*q, "preconditions");
  BOOST_TEST_REQUIRE(pre != nullptr);
  BOOST_TEST(evidence_over(*pre, text, "without"));
  BOOST_TEST(evidence_over(*pre, text, "preconditions"));
}

BOOST_AUTO_TEST_CASE(talks_without_preconditions_in_reported_speech) {
  const std::string_view text = "Anna Holm said she was ready for talks without preconditions.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(label_of(*q, "talks") == "support");
  BOOST_TEST(label_of(*q, "preconditions") == "oppose");
}

// ---- the attribution's own cue ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(urged_supports_its_object) {
  const std::string_view text = "Anna Holm urged a ceasefire.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  const sayso::stance* s = stance_on(*q, "ceasefire");
  BOOST_TEST_REQUIRE(s != nullptr);
  BOOST_TEST(sayso::to_string(s->label) == "support");
  BOOST_TEST(sayso_test::has_evidence(*s, text, "urged"));
}

BOOST_AUTO_TEST_CASE(rejected_opposes_its_object) {
  const std::string_view text = "Anna Holm rejected the ceasefire proposal.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  const sayso::stance* s = stance_on(*q, "ceasefire");
  BOOST_TEST_REQUIRE(s != nullptr);
  BOOST_TEST(sayso::to_string(s->label) == "oppose");
  BOOST_TEST(sayso_test::has_evidence(*s, text, "rejected"));
}

BOOST_AUTO_TEST_CASE(insisted_on_supports_its_object) {
  check_label("Anna Holm insisted on a ceasefire.", "ceasefire", "support");
}

BOOST_AUTO_TEST_CASE(urged_not_to_opposes) {
  const std::string_view text = "Anna Holm urged the Tesland government not to give up any territory.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  const sayso::stance* s = stance_on(*q, "territorial_concession");
  BOOST_TEST_REQUIRE(s != nullptr);
  BOOST_TEST(sayso::to_string(s->label) == "oppose");
  BOOST_TEST(evidence_over(*s, text, "urged"));
  BOOST_TEST(evidence_over(*s, text, "not"));
}

BOOST_AUTO_TEST_CASE(urged_not_to_concede_territory) {
  check_label("European leaders urged the Tesland government not to concede territory.", "territorial_concession",
              "oppose");
}

BOOST_AUTO_TEST_CASE(stated_that_with_a_negative_clause) {
  check_label("Anna Holm has repeatedly stated that Dalmeria will not give up its land.", "territorial_concession",
              "oppose");
}

BOOST_AUTO_TEST_CASE(denying_a_fact_is_not_opposition) {
  check_label("Anna Holm denied that a truce had been agreed.", "ceasefire", "neutral");
}

// ---- holders ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(speaker_reporting_another_party_is_neutral_and_the_party_holds_the_stance) {
  const std::string_view text = "“Russia is not ready to stop fighting,” a senior European official said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(sayso_test::speaker_name(a, *q) == "a senior European official");

  const sayso::stance* own = stance_on(*q, "ceasefire");
  BOOST_TEST_REQUIRE(own != nullptr);
  BOOST_TEST(sayso::to_string(own->label) == "neutral");
  BOOST_TEST(!own->reported);
  BOOST_TEST(own->holder == q->speaker->entity);

  const sayso::stance* theirs = stance_on(*q, "ceasefire", true);
  BOOST_TEST_REQUIRE(theirs != nullptr);
  BOOST_TEST(sayso::to_string(theirs->label) == "oppose");
  BOOST_TEST(theirs->reported);
  BOOST_TEST(sayso_test::holder_name(a, *theirs) == "Russia");
  const sayso::entity* party = sayso_test::entity_at(a, theirs->holder);
  BOOST_TEST_REQUIRE(party != nullptr);
  BOOST_TEST(sayso::to_string(party->kind) == "organisation");
  BOOST_TEST(party->mentions.front() == find_range(text, "Russia"));
  BOOST_TEST(evidence_over(*theirs, text, "stop fighting"));
}

BOOST_AUTO_TEST_CASE(speaker_on_their_own_side_holds_the_stance) {
  const std::string_view text = "“Ukraine will not give up its land,” a Ukrainian official said.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  BOOST_TEST_REQUIRE(q != nullptr);
  BOOST_TEST(label_of(*q, "territorial_concession") == "oppose");
  BOOST_TEST(stance_on(*q, "territorial_concession", true) == nullptr);
  BOOST_TEST(q->stances.size() == 1U);
}

BOOST_AUTO_TEST_CASE(other_party_as_a_pronoun_is_reported) {
  check_label("“They want the talks to fail,” Anna Holm said.", "talks", "neutral");
}

// ---- switching stance off, and a user's own lexicon ---------------------------------------

BOOST_AUTO_TEST_CASE(stance_stage_can_be_switched_off) {
  sayso::pipeline_options options;
  options.stances = false;
  const sayso::pipeline pipeline(options);
  const std::string_view text = "“We call for an immediate truce,” Anna Holm said.";
  const sayso::analysis a = pipeline.analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].stances.empty());
}

constexpr std::string_view grain_lexicon = R"toml(
# A made-up term for a test.
[[term]]
id = "grain_corridor"
description = "safe passage for grain ships"
expressions = ["grain (?:corridor|deal|shipments?)", "safe passage for (?:\\w+ )?ships"]
)toml";

// A pipeline that labels only the terms of a lexicon given as TOML text (named grain.toml).
sayso::pipeline pipeline_with_terms(const std::string& toml) {
  sayso::pipeline_options options;
  options.terms = sayso::term_lexicon::from_string(toml, "grain.toml");
  return sayso::pipeline(options);
}

BOOST_AUTO_TEST_CASE(custom_term_lexicon_through_pipeline_options) {
  const sayso::term_lexicon terms = sayso::term_lexicon::from_string(grain_lexicon, "grain.toml");
  BOOST_TEST_REQUIRE(terms.terms().size() == 1U);
  BOOST_TEST(terms.terms()[0].id == "grain_corridor");
  BOOST_TEST(terms.terms()[0].description == "safe passage for grain ships");
  BOOST_TEST(terms.terms()[0].expressions.size() == 2U);

  sayso::pipeline_options options;
  options.terms = terms;
  const sayso::pipeline pipeline(options);
  BOOST_TEST_REQUIRE(pipeline.terms().terms().size() == 1U);
  BOOST_TEST(pipeline.terms().terms()[0].id == "grain_corridor");

  const std::string_view text =
      "“We welcome the grain corridor and call for a truce,” Anna Holm said. “We reject safe passage for "
      "enemy ships,” Piet Varga said.";
  const sayso::analysis a = pipeline.analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  // Only the user's terms are labelled: the truce is not among them.
  BOOST_TEST(a.quotes[0].stances.size() == 1U);
  BOOST_TEST(label_of(a.quotes[0], "grain_corridor") == "support");
  BOOST_TEST(label_of(a.quotes[0], "ceasefire") == "(none)");
  const sayso::stance* s = stance_on(a.quotes[0], "grain_corridor");
  BOOST_TEST_REQUIRE(s != nullptr);
  BOOST_TEST(sayso_test::has_evidence(*s, text, "grain corridor"));
  BOOST_TEST(label_of(a.quotes[1], "grain_corridor") == "oppose");
}

BOOST_AUTO_TEST_CASE(custom_lexicon_with_its_own_stance_cues) {
  // A [stance] table replaces the default cues: "green-light" supports, "veto" opposes.
  const std::string toml = std::string(grain_lexicon) +
                           "\n[stance]\nsupport = [\"green-?light(?:s|ed)?\"]\noppose = [\"veto(?:es|ed)?\"]\n";
  const sayso::pipeline pipeline = pipeline_with_terms(toml);
  const std::string_view text =
      "“We green-light the grain deal,” Anna Holm said. “We veto the grain shipments,” Piet Varga said.";
  const sayso::analysis a = pipeline.analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  BOOST_TEST(label_of(a.quotes[0], "grain_corridor") == "support");
  BOOST_TEST(label_of(a.quotes[1], "grain_corridor") == "oppose");
}

// [[term.contexts]]: an ambiguous word counts only where its conditions hold.
BOOST_AUTO_TEST_CASE(custom_lexicon_with_context_expressions) {
  const std::string toml = std::string(grain_lexicon) + R"toml(
[[term.contexts]]
expressions = ["(?:the|a) deal"]
sentence_has = ["grain|wheat|ships?|ports?"]
not_before = ["trade "]
not_after = ["on (?:cars|steel)"]
)toml";
  const sayso::pipeline pipeline = pipeline_with_terms(toml);
  const std::string_view text =
      "“We welcome the deal for grain ships,” Anna Holm said. “We reject the trade deal for grain,” Piet "
      "Varga said. “We signed the deal yesterday,” Anna Holm said. “We welcome the deal on steel at the "
      "port,” Piet Varga said.";
  const sayso::analysis a = pipeline.analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 4U);
  BOOST_TEST(label_of(a.quotes[0], "grain_corridor") == "support");  // the sentence is about grain
  BOOST_TEST(a.quotes[1].stances.empty());                           // not_before: a trade deal
  BOOST_TEST(a.quotes[2].stances.empty());                           // sentence_has: nothing of grain
  BOOST_TEST(a.quotes[3].stances.empty());                           // not_after: a deal on steel
}

// quote_has: a word counts only where the quote (or the sentence reporting it) holds another;
// opposite: a context's expressions name the term's contrary, a stance on them the reverse.
BOOST_AUTO_TEST_CASE(context_quote_condition_and_opposite) {
  const std::string toml = std::string(grain_lexicon) + R"toml(
[[term.contexts]]
expressions = ["freighters"]
quote_has = ["unload(?:ed|ing)?"]
[[term.contexts]]
expressions = ["the blockade"]
opposite = true
)toml";
  const sayso::pipeline pipeline = pipeline_with_terms(toml);
  const std::string_view text =
      "“We welcome the freighters,” Anna Holm said. “We want the freighters unloaded,” Piet Varga "
      "said. Anna Holm, asked about unloading at the port, said: “The freighters are late.” “We "
      "support the blockade,” Piet Varga said.";
  const sayso::analysis a = pipeline.analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 4U);
  BOOST_TEST(a.quotes[0].stances.empty());                              // no unloading in the quote
  BOOST_TEST(label_of(a.quotes[1], "grain_corridor") == "support");    // in the quote
  BOOST_TEST(label_of(a.quotes[2], "grain_corridor") == "neutral");    // in the reporting sentence
  BOOST_TEST(label_of(a.quotes[3], "grain_corridor") == "oppose");     // the contrary, supported
}

// The conditions on the words around a mention: `before` and `not_before` see the words that
// end right before it (an expression may end in a space), `after` and `not_after` those that
// start right after it.
BOOST_AUTO_TEST_CASE(context_conditions_on_neighbouring_words) {
  const std::string toml = std::string(grain_lexicon) + R"toml(
[[term.contexts]]
expressions = ["deal"]
not_before = ["trade "]
after = ["(?:for|on) grain"]
)toml";
  const sayso::pipeline pipeline = pipeline_with_terms(toml);
  const std::string_view text =
      "“We welcome the deal for grain,” Anna Holm said. “We reject the trade deal for grain,” Piet Varga "
      "said. “We welcome the deal for steel,” Anna Holm said.";
  const sayso::analysis a = pipeline.analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 3U);
  BOOST_TEST(label_of(a.quotes[0], "grain_corridor") == "support");
  BOOST_TEST(a.quotes[1].stances.empty());  // not_before: a trade deal
  BOOST_TEST(a.quotes[2].stances.empty());  // after: not a deal for grain
}

// Document conditions: "the deal" is the term the whole document names most, and only where
// it names one at all.
BOOST_AUTO_TEST_CASE(context_conditions_on_the_document) {
  const std::string toml = std::string(grain_lexicon) + R"toml(
[[term.contexts]]
expressions = ["the deal"]
document_first_of = ["grain_corridor", "steel_quota"]
[[term.contexts]]
expressions = ["the ships"]
document_mentions = 2

[[term]]
id = "steel_quota"
description = "a quota on steel"
expressions = ["steel quotas?"]
[[term.contexts]]
expressions = ["the deal"]
document_first_of = ["grain_corridor", "steel_quota"]
)toml";
  const sayso::pipeline pipeline = pipeline_with_terms(toml);
  const auto terms_of_last_quote = [&](std::string_view text) {
    const sayso::analysis a = pipeline.analyze(text);
    sayso_test::check_well_formed(a, text);
    std::string out;
    if (a.quotes.empty()) return std::string("no quote");
    for (const sayso::stance& st : a.quotes.back().stances) out += st.term + " ";
    return out;
  };
  const std::string grain = "The grain corridor opened in May. The grain shipments doubled. ";
  const std::string steel = "The steel quota was cut. ";
  BOOST_TEST(terms_of_last_quote(grain + steel + "“We welcome the deal,” Anna Holm said.") == "grain_corridor ");
  BOOST_TEST(terms_of_last_quote(steel + "“We welcome the deal,” Anna Holm said.") == "steel_quota ");
  BOOST_TEST(terms_of_last_quote("“We welcome the deal,” Anna Holm said.") == "");
  // document_mentions = 2: the grain corridor is named twice before, once here.
  BOOST_TEST(terms_of_last_quote(grain + "“We watch the ships,” Anna Holm said.") == "grain_corridor ");
  BOOST_TEST(terms_of_last_quote(steel + "“We watch the ships,” Anna Holm said.") == "");
}

BOOST_AUTO_TEST_CASE(malformed_lexicon_is_refused_naming_file_and_line) {
  const auto refused = [](std::string_view toml, std::string_view expected_start) {
    try {
      (void)sayso::term_lexicon::from_string(toml, "mine.toml");
      BOOST_ERROR("accepted a malformed lexicon: " << toml);
    } catch (const sayso::error& e) {
      BOOST_TEST(e.code() == sayso::errc::lexicon);
      BOOST_TEST(std::string_view(e.what()).substr(0, expected_start.size()) == expected_start);
    }
  };
  refused("[[term]]\nid = \"two words\"\nexpressions = [\"x\"]\n", "mine.toml:2");
  refused("[[term]]\nid = \"bad_pattern\"\nexpressions = [\"(unclosed\"]\n", "mine.toml:3");
  refused("[[term]]\nid = \"t\"\nexpressions = [\"t\"]\n[[term.contexts]]\nexpressions = [\"x\"]\nnear = [\"y\"]\n",
          "mine.toml:6");
  refused("[[term]]\nid = \"t\"\nexpressions = [\"t\"]\n[[term.contexts]]\nsentence_has = [\"y\"]\n",
          "mine.toml:4");
  refused("[[term]]\nid = \"t\"\nexpressions = [\"t\"]\n[stance]\npraise = [\"(bad\"]\n", "mine.toml:5");
  refused("[[term]]\nid = \"t\"\nexpressions = [\"t\"]\n[[term.contexts]]\nexpressions = [\"x\"]\n"
          "document_first_of = [\"t\", \"nope\"]\n",
          "mine.toml:6");
  refused("[[term]]\nid = \"t\"\nexpressions = [\"t\"]\n[[term.contexts]]\nexpressions = [\"x\"]\n"
          "opposite = \"yes\"\n",
          "mine.toml:6");
  refused("[[term]]\nid = \"t\"\nexpressions = [\"t\"]\n[[term.contexts]]\nexpressions = [\"x\"]\n"
          "quote_has = [\"(bad\"]\n",
          "mine.toml:6");
  refused("[[term]]\nid = \"t\"\nexpressions = [\"t\"]\n[[term.contexts]]\nexpressions = [\"x\"]\n"
          "document_mentions = \"two\"\n",
          "mine.toml:6");
}

// ---- later additions ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(opposite_expressions_reverse_the_label) {
  // An intention contrary to the term ("will fight on") opposes it; under a condition it is
  // conditional.
  check_label("\xE2\x80\x9COur army will fight on,\xE2\x80\x9D Anna Holm said.", "ceasefire", "oppose");
  check_label("\xE2\x80\x9CWe will fight as long as their tanks stay in the valley,\xE2\x80\x9D Anna Holm said.",
              "ceasefire", "conditional");
}

BOOST_AUTO_TEST_CASE(since_the_ceasefire_is_a_time_reference) {
  const std::string_view text = "Anna Holm said that 40 houses had been rebuilt since the truce took effect.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  if (q == nullptr) return;
  BOOST_TEST(stance_on(*q, "ceasefire") == nullptr);
}

BOOST_AUTO_TEST_CASE(taking_hostages_is_not_an_exchange) {
  const std::string_view text = "Anna Holm said the group was accused of taking hostages in the valley.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  if (q == nullptr) return;
  BOOST_TEST(stance_on(*q, "prisoner_exchange") == nullptr);
}

BOOST_AUTO_TEST_CASE(news_outlets_report) {
  // A news agency's report of a party's position is neutral; the party holds the position.
  const std::string_view text = "According to the Karvo News Agency, Russia rejected the ceasefire proposal.";
  const sayso::analysis a = analyze(text);
  const quote* q = single_quote(a, text);
  if (q == nullptr) return;
  BOOST_TEST(label_of(*q, "ceasefire") == "neutral");
  BOOST_TEST(label_of(*q, "ceasefire", true) == "oppose");
}

BOOST_AUTO_TEST_CASE(evaluation_after_as) {
  check_label("Anna Holm said her government viewed the current front line as the only realistic basis for a deal.",
              "frontline_freeze", "support");
}

BOOST_AUTO_TEST_SUITE_END()
