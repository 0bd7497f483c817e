// Attribution (issues 3 and 4): the table of cases in data/attribution_cases.jsonl, one invented
// text per line with every quote the pipeline must find in it (an empty list: none), in text
// order. Each quote gives its content (the spans' words, in order) and optionally its kind, cue
// words, cue kind, speaker mention words, speaker name, speaker kind, belief and closed flags; a
// field left out is not checked. Adding a case is a data edit: one line, no C++. What a table
// cannot say (two mentions are one entity) follows as ordinary test cases.
// The texts are invented; people, places and institutions are fictional.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis_helpers.hpp"

using sayso_test::analyze;
using sayso_test::check_who;
using sayso_test::ranges;

namespace {

struct expected_quote {
  std::vector<std::string> content;
  std::optional<std::string> kind;
  std::optional<std::string> cue;
  std::optional<std::string> cue_kind;
  std::optional<std::string> mention;
  std::optional<std::string> speaker;
  std::optional<std::string> speaker_kind;
  std::optional<bool> belief;
  std::optional<bool> closed;
};

struct attribution_case {
  std::string name;
  std::string text;
  std::vector<expected_quote> quotes;
  std::string error;  // why the line could not be read ("" if it could): the case then fails
};

std::ostream& operator<<(std::ostream& os, const attribution_case& c) { return os << c.name; }

template <class T>
std::optional<T> optional_field(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return std::nullopt;
  return j.at(key).get<T>();
}

// The cases of the data file. A missing file or a malformed line becomes a case that fails with
// the reason, so that a broken data file cannot pass as zero cases.
std::vector<attribution_case> load_cases() {
  const std::string path = SAYSO_TEST_DATADIR "/attribution_cases.jsonl";
  std::vector<attribution_case> cases;
  std::ifstream in(path);
  if (!in) return {{"(no data)", "", {}, "cannot read " + path}};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    attribution_case c;
    c.name = path + ":" + std::to_string(number);
    try {
      const nlohmann::json j = nlohmann::json::parse(line);
      c.name = j.at("name").get<std::string>();
      c.text = j.at("text").get<std::string>();
      for (const nlohmann::json& q : j.at("quotes")) {
        expected_quote e;
        e.content = q.at("content").get<std::vector<std::string>>();
        e.kind = optional_field<std::string>(q, "kind");
        e.cue = optional_field<std::string>(q, "cue");
        e.cue_kind = optional_field<std::string>(q, "cue_kind");
        e.mention = optional_field<std::string>(q, "mention");
        e.speaker = optional_field<std::string>(q, "speaker");
        e.speaker_kind = optional_field<std::string>(q, "speaker_kind");
        e.belief = optional_field<bool>(q, "belief");
        e.closed = optional_field<bool>(q, "closed");
        c.quotes.push_back(std::move(e));
      }
    } catch (const std::exception& e) {
      c.error = path + ":" + std::to_string(number) + ": " + e.what();
    }
    cases.push_back(std::move(c));
  }
  if (cases.empty()) return {{"(no data)", "", {}, path + " holds no case"}};
  return cases;
}

void check_quote(const sayso::analysis& a, const sayso::quote& q, std::string_view text, const expected_quote& e) {
  std::vector<sayso::byte_range> want;
  for (const std::string& piece : e.content) want.push_back(sayso_test::find_range(text, piece));
  BOOST_TEST(q.content == want, boost::test_tools::per_element());
  if (e.kind) BOOST_TEST(std::string(sayso::to_string(q.kind)) == *e.kind);
  if (e.cue) {
    BOOST_TEST(sayso_test::cue_text(q, text) == *e.cue);
    // Where the cue's words occur once, the cue must be there (not an equal word elsewhere).
    const sayso::byte_range at = sayso_test::find_range(text, *e.cue);
    const bool once = at.begin != text.size() && sayso_test::find_range(text, *e.cue, 1).begin == text.size();
    if (q.cue && once) BOOST_TEST(q.cue->range == at);
  }
  if (e.cue_kind) {
    BOOST_TEST_REQUIRE(q.cue.has_value());
    BOOST_TEST(std::string(sayso::to_string(q.cue->kind)) == *e.cue_kind);
  }
  if (e.mention) BOOST_TEST(sayso_test::mention_text(q, text) == *e.mention);
  if (e.speaker) BOOST_TEST(sayso_test::without_article(sayso_test::speaker_name(a, q)) == *e.speaker);
  if (e.speaker_kind) BOOST_TEST(sayso_test::speaker_kind(a, q) == *e.speaker_kind);
  if (e.belief) BOOST_TEST(q.belief == *e.belief);
  if (e.closed) BOOST_TEST(q.closed == *e.closed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attribution_tests)

BOOST_DATA_TEST_CASE(case_from_the_data_file, boost::unit_test::data::make(load_cases()), c) {
  BOOST_TEST_REQUIRE(c.error.empty(), c.error);
  BOOST_TEST_CONTEXT(c.text) {
    const sayso::analysis a = analyze(c.text);
    sayso_test::check_well_formed(a, c.text);
    BOOST_TEST(a.quotes.size() == c.quotes.size());
    for (std::size_t i = 0; i < a.quotes.size() && i < c.quotes.size(); ++i) {
      BOOST_TEST_CONTEXT("quote " << i) { check_quote(a, a.quotes[i], c.text, c.quotes[i]); }
    }
  }
}


BOOST_AUTO_TEST_CASE(pronoun_with_added_is_the_same_speaker) {
  // A later quotation with an attribution of its own is a new quote (GUIDELINES.md), by the
  // same entity.
  const std::string_view text =
      "“The talks were useful,” Tomas Brenner said. “We need more time,” he added.";
  const sayso::analysis a = analyze(text);
  sayso_test::check_well_formed(a, text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 2U);
  BOOST_TEST(a.quotes[0].content == ranges(text, {"The talks were useful,"}), boost::test_tools::per_element());
  BOOST_TEST(a.quotes[1].content == ranges(text, {"We need more time,"}), boost::test_tools::per_element());
  check_who(a, a.quotes[0], text, {"said", "Tomas Brenner", "Tomas Brenner", "person"});
  check_who(a, a.quotes[1], text, {"added", "he", "Tomas Brenner", "person"});
  BOOST_TEST_REQUIRE(a.quotes[0].speaker.has_value());
  BOOST_TEST_REQUIRE(a.quotes[1].speaker.has_value());
  BOOST_TEST(a.quotes[0].speaker->entity == a.quotes[1].speaker->entity);
}

BOOST_AUTO_TEST_SUITE_END()
