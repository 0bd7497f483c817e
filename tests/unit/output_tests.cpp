// JSON and table output: valid JSON in FORMAT.md's prediction format, offsets in code points by
// default and in UTF-8 bytes or UTF-16 units on request, and valid UTF-8 whatever the input.
// The analyses are built by hand, so these tests do not depend on the extractor's accuracy.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_util.hpp"

using nlohmann::json;
using sayso::byte_range;
using sayso::offset_unit;
using sayso_test::find_range;

namespace {

// 😀 is outside the BMP (one code point, two UTF-16 units), ë and the curly marks are
// multi-byte: the three units give three different sets of offsets.
constexpr std::string_view kText = "Zoë Brandt 😀 said: “Peace, now,” she said. “Truly.”";

sayso::analysis hand_made_analysis(std::string_view text) {
  sayso::analysis a;
  sayso::entity e;
  e.name = "Zoë Brandt";
  e.kind = sayso::entity_kind::person;
  e.mentions = {find_range(text, "Zoë Brandt")};
  a.entities.push_back(e);

  sayso::quote q;
  q.kind = sayso::quote_kind::direct;
  q.content = {find_range(text, "Peace, now,"), find_range(text, "Truly.")};
  q.cue = sayso::reporting_cue{find_range(text, "said"), sayso::cue_kind::verb};
  q.speaker = sayso::speaker_mention{find_range(text, "Zoë Brandt"), 0};
  sayso::stance s;
  s.term = "ceasefire";
  s.label = sayso::stance_label::support;
  s.confidence = 0.75F;
  s.evidence = {find_range(text, "Peace")};
  s.holder = 0;
  q.stances.push_back(s);
  q.closed = true;
  q.confidence = 0.5F;
  a.quotes.push_back(q);
  return a;
}

json parse(const std::string& s) {
  BOOST_TEST_REQUIRE(sayso_test::is_valid_utf8(s));
  json j;
  BOOST_REQUIRE_NO_THROW(j = json::parse(s));
  return j;
}

json span(std::uint64_t begin, std::uint64_t end) { return json::array({begin, end}); }

}  // namespace

BOOST_AUTO_TEST_SUITE(output_tests)

BOOST_AUTO_TEST_CASE(prediction_format_with_code_point_offsets_by_default) {
  const std::string out = sayso::to_json("doc-1", kText, hand_made_analysis(kText));
  BOOST_TEST(out.find('\n') == std::string::npos);  // one line: JSON Lines
  const json j = parse(out);
  BOOST_TEST(j.at("id") == "doc-1");
  BOOST_TEST_REQUIRE(j.at("quotes").size() == 1U);
  const json& q = j.at("quotes")[0];
  BOOST_TEST(q.at("kind") == "direct");
  BOOST_TEST(q.at("spans") == json::array({span(20, 31), span(44, 50)}));
  BOOST_TEST(q.at("speaker").at("name") == "Zoë Brandt");
  BOOST_TEST(q.at("speaker").at("mention").at("span") == span(0, 10));
  BOOST_TEST(q.at("speaker").at("mention").at("text") == "Zoë Brandt");
  BOOST_TEST(q.at("speaker").at("entity") == 0);
  BOOST_TEST(q.at("cue").at("span") == span(13, 17));
  BOOST_TEST(q.at("cue").at("text") == "said");
  BOOST_TEST(q.at("cue").at("kind") == "verb");
  BOOST_TEST_REQUIRE(q.at("stance").size() == 1U);
  BOOST_TEST(q.at("stance")[0].at("term") == "ceasefire");
  BOOST_TEST(q.at("stance")[0].at("label") == "support");
  BOOST_TEST(q.at("stance")[0].at("evidence") == json::array({span(20, 25)}));
  BOOST_TEST(q.at("closed") == true);
  BOOST_TEST(q.at("text").get<std::string>().find("Peace, now,") != std::string::npos);
  BOOST_TEST(q.at("text").get<std::string>().find("Truly.") != std::string::npos);
  BOOST_TEST_REQUIRE(j.at("entities").size() == 1U);
  BOOST_TEST(j.at("entities")[0].at("name") == "Zoë Brandt");
  BOOST_TEST(j.at("entities")[0].at("kind") == "person");
  BOOST_TEST(j.at("entities")[0].at("mentions") == json::array({span(0, 10)}));
}

BOOST_AUTO_TEST_CASE(utf16_offsets) {
  sayso::output_options options;
  options.offsets = offset_unit::utf16;
  const json j = parse(sayso::to_json("doc-1", kText, hand_made_analysis(kText), options));
  const json& q = j.at("quotes")[0];
  BOOST_TEST(q.at("spans") == json::array({span(21, 32), span(45, 51)}));
  BOOST_TEST(q.at("cue").at("span") == span(14, 18));
  BOOST_TEST(q.at("speaker").at("mention").at("span") == span(0, 10));
}

// The byte offsets written must be the analysis's own ranges.
BOOST_AUTO_TEST_CASE(utf8_offsets) {
  sayso::output_options options;
  options.offsets = offset_unit::utf8;
  const json j = parse(sayso::to_json("doc-1", kText, hand_made_analysis(kText), options));
  const json& q = j.at("quotes")[0];
  BOOST_TEST(q.at("spans") == json::array({span(26, 37), span(54, 60)}));
  BOOST_TEST(q.at("cue").at("span") == span(17, 21));
  BOOST_TEST(q.at("speaker").at("mention").at("span") == span(0, 11));
}

BOOST_AUTO_TEST_CASE(text_can_be_left_out) {
  sayso::output_options options;
  options.include_text = false;
  const json j = parse(sayso::to_json("doc-1", kText, hand_made_analysis(kText), options));
  const json& q = j.at("quotes")[0];
  BOOST_TEST(!q.contains("text"));
  BOOST_TEST(!q.at("cue").contains("text"));
  BOOST_TEST(q.at("spans") == json::array({span(20, 31), span(44, 50)}));
}

BOOST_AUTO_TEST_CASE(absent_speaker_cue_and_stance) {
  const std::string_view text = "“Floating words.”";
  sayso::analysis a;
  sayso::quote q;
  q.content = {find_range(text, "Floating words.")};
  q.closed = false;
  a.quotes.push_back(q);
  const json j = parse(sayso::to_json("x", text, a));
  const json& jq = j.at("quotes")[0];
  BOOST_TEST(jq.at("spans") == json::array({span(1, 16)}));
  BOOST_TEST(jq.at("speaker").is_null());
  BOOST_TEST(jq.at("cue").is_null());
  BOOST_TEST(jq.at("stance") == json::array());
  BOOST_TEST(jq.at("closed") == false);
}

BOOST_AUTO_TEST_CASE(empty_analysis) {
  const json j = parse(sayso::to_json("empty", "", sayso::analysis{}));
  BOOST_TEST(j.at("id") == "empty");
  BOOST_TEST(j.at("quotes") == json::array());
  BOOST_TEST(j.at("entities") == json::array());
}

BOOST_AUTO_TEST_CASE(special_characters_are_escaped) {
  const std::string text = "Tab\there, \"straight\" and back\\slash\nnew line \x01 \x1F end";
  sayso::analysis a;
  sayso::quote q;
  q.content = {{0, static_cast<std::uint32_t>(text.size())}};
  a.quotes.push_back(q);
  const json j = parse(sayso::to_json("id \"with\" quotes\n", text, a));
  BOOST_TEST(j.at("id") == "id \"with\" quotes\n");
  BOOST_TEST(j.at("quotes")[0].at("text") == text);
}

// Each maximal ill-formed subpart becomes one U+FFFD in the text written, as the offsets count
// it (a truncated sequence such as E2 80 is one), so text and spans agree.
BOOST_AUTO_TEST_CASE(ill_formed_utf8_gives_valid_utf8_json) {
  // Bad bytes inside the quote, in the id and in the speaker's name all come out as U+FFFD.
  const std::string text(
      "He said \xE2\x80\x9CWe \xFF\xFE reject \xC0\xAF it \xE2\x80\xE2\x80\x9D today. "
      "\xF0\x9F\x98");
  sayso::analysis a;
  sayso::entity e;
  e.name = "Bad \xC3 name";
  a.entities.push_back(e);
  sayso::quote q;
  q.content = {{11, static_cast<std::uint32_t>(text.find("\xE2\x80\x9D"))}};
  q.speaker = sayso::speaker_mention{{0, 2}, 0};
  a.quotes.push_back(q);
  for (const offset_unit unit : {offset_unit::code_point, offset_unit::utf16, offset_unit::utf8}) {
    sayso::output_options options;
    options.offsets = unit;
    const json j = parse(sayso::to_json("id\xFF", text, a, options));
    BOOST_TEST(j.at("id") == "id\uFFFD");
    BOOST_TEST(j.at("quotes")[0].at("text") == "We \uFFFD\uFFFD reject \uFFFD\uFFFD it \uFFFD");
    BOOST_TEST(j.at("entities")[0].at("name") == "Bad \uFFFD name");
  }
  // In code points, each maximal ill-formed subpart counts one (as Python's "replace" does):
  // "He said “We " is 12 code points, then U+FFFD U+FFFD " reject " U+FFFD U+FFFD " it " U+FFFD.
  const json j = parse(sayso::to_json("id", text, a));
  BOOST_TEST(j.at("quotes")[0].at("spans") == json::array({span(9, 29)}));
}

BOOST_AUTO_TEST_CASE(table_for_people) {
  const std::string table = sayso::to_table("doc-1", kText, hand_made_analysis(kText));
  BOOST_TEST(table.find("doc-1") != std::string::npos);
  BOOST_TEST(table.find("1 quote") != std::string::npos);
  BOOST_TEST(table.find("Zoë Brandt") != std::string::npos);
  BOOST_TEST(table.find("direct") != std::string::npos);
  BOOST_TEST(table.find("Peace, now,") != std::string::npos);
  BOOST_TEST(table.find("ceasefire=support") != std::string::npos);
  // Ill-formed bytes in a quote's text are replaced, so the table is valid UTF-8.
  const std::string bad_text("\xE2\x80\x9C\xFF\xFE words\xE2\x80\x9D");
  sayso::analysis a;
  sayso::quote q;
  q.content = {{3, 11}};
  a.quotes.push_back(q);
  const std::string bad = sayso::to_table("bad", bad_text, a);
  BOOST_TEST(sayso_test::is_valid_utf8(bad));
  BOOST_TEST(bad.find("words") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
