// sayso::render_report on hand-made analyses: escaping, multi-byte text, overlapping and
// out-of-range byte ranges, several documents, errors and custom templates. The browser test
// (check_report.py) covers what the page does once scripts run.
#define BOOST_TEST_MODULE sayso_report
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <sayso/error.hpp>
#include <sayso/report.hpp>

namespace {

sayso::byte_range find(std::string_view text, std::string_view what) {
  const auto at = text.find(what);
  BOOST_REQUIRE(at != std::string_view::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + what.size())};
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// “Ça suffit,” said Élodie Brun. <b>x</b> She said that talks would go on.
sayso::report_document sample() {
  sayso::report_document d;
  d.id = "sample <1>";
  d.text = "\xE2\x80\x9C\xC3\x87" "a suffit,\xE2\x80\x9D said \xC3\x89lodie Brun. <b>x</b> She said that talks would go on.";
  const std::string_view t = d.text;
  sayso::entity e;
  e.name = "\xC3\x89lodie Brun";
  e.mentions = {find(t, "\xC3\x89lodie Brun"), find(t, "She")};
  d.result.entities.push_back(e);

  sayso::quote q1;
  q1.kind = sayso::quote_kind::direct;
  q1.content = {find(t, "\xC3\x87" "a suffit,")};
  q1.cue = sayso::reporting_cue{find(t, "said"), sayso::cue_kind::verb};
  q1.speaker = sayso::speaker_mention{find(t, "\xC3\x89lodie Brun"), 0};
  d.result.quotes.push_back(q1);

  sayso::quote q2;
  q2.kind = sayso::quote_kind::indirect;
  q2.content = {find(t, "talks would go on")};
  q2.cue = sayso::reporting_cue{find(t, "said that") , sayso::cue_kind::verb};
  q2.cue->range.end = q2.cue->range.begin + 4;
  q2.speaker = sayso::speaker_mention{find(t, "She"), 0};
  sayso::stance s;
  s.term = "talks";
  s.label = sayso::stance_label::support;
  s.evidence = {find(t, "talks"), find(t, "go on")};
  s.holder = 0;
  q2.stances.push_back(s);
  d.result.quotes.push_back(q2);
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_render)

BOOST_AUTO_TEST_CASE(escapes_text_and_marks_quotes) {
  const std::vector<sayso::report_document> docs{sample()};
  sayso::report_options options;
  for (const char* id : {"ceasefire", "talks"}) {
    sayso::term_info term;
    term.id = id;
    term.description = std::string("about ") + id;
    options.terms.push_back(term);
  }
  const std::string html = sayso::render_report(docs, options);
  BOOST_TEST(html.find("<b>x</b>") == std::string::npos);
  BOOST_TEST(html.find("&lt;b&gt;x&lt;/b&gt;") != std::string::npos);
  BOOST_TEST(html.find("sample &lt;1&gt;") != std::string::npos);
  BOOST_TEST(count(html, "<script") == 1);
  // Multi-byte characters stay whole inside and around the highlights.
  BOOST_TEST(html.find("data-q=\"d1-q1\" data-kind=\"direct\" data-speaker=\"\xC3\x89lodie Brun\"") != std::string::npos);
  BOOST_TEST(html.find(">\xC3\x87" "a suffit,</span>") != std::string::npos);
  BOOST_TEST(html.find("id=\"d1-q2\"") != std::string::npos);
  // The matrix: both listed terms as columns, one support cell linking to Q2.
  BOOST_TEST(html.find("data-term=\"ceasefire\"") != std::string::npos);
  BOOST_TEST(html.find("<div class=\"cellchip\" data-label=\"support\" data-count=\"1\">") != std::string::npos);
  BOOST_TEST(html.find("<a href=\"#d1-q2\">Q2</a>") != std::string::npos);
  // Evidence nests inside the quote that it belongs to.
  BOOST_TEST(html.find("<span class=\"ev\" data-q=\"d1-q2\">talks</span>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(survives_overlapping_and_bad_ranges) {
  sayso::report_document d = sample();
  // Ranges crossing each other, past the end, inside a multi-byte character, and ill-formed text.
  d.text += " \xFF\xC3";
  sayso::quote q;
  q.kind = sayso::quote_kind::mixed;
  q.content = {{5, 40}, {30, 60}, {1, 2}, {90, 5000}};
  q.cue = sayso::reporting_cue{{20, 35}, sayso::cue_kind::verb};
  q.speaker = sayso::speaker_mention{{38, 45}, 7};  // an entity that does not exist
  sayso::stance s;
  s.term = "unlisted_term";
  s.label = sayso::stance_label::conditional;
  s.evidence = {{0, 100000}};
  s.condition = sayso::byte_range{50, 10};
  q.stances.push_back(s);
  d.result.quotes.push_back(q);
  const std::vector<sayso::report_document> docs{d};
  const std::string html = sayso::render_report(docs);
  // Spans open and close in balance, and the output is valid UTF-8 (U+FFFD for the bad bytes).
  BOOST_TEST(count(html, "<span") == count(html, "</span>"));
  BOOST_TEST(html.find("\xFF") == std::string::npos);
  BOOST_TEST(html.find("\xEF\xBF\xBD") != std::string::npos);
  BOOST_TEST(html.find("data-term=\"unlisted_term\"") != std::string::npos);
  BOOST_TEST(html.find("data-label=\"conditional\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(aggregates_a_corpus_by_canonical_name) {
  sayso::report_document failed;
  failed.id = "broken";
  failed.error = "invalid JSON <here>";
  const std::vector<sayso::report_document> docs{sample(), failed, sample()};
  const std::string html = sayso::render_report(docs);
  BOOST_TEST(html.find("id=\"corpus\"") != std::string::npos);
  BOOST_TEST(html.find("invalid JSON &lt;here&gt;") != std::string::npos);
  // One row for Élodie Brun in the corpus matrix, counting both documents' quote.
  const auto corpus = html.find("id=\"corpus\"");
  const auto first_doc = html.find("id=\"d1\"");
  const std::string_view head(html.data() + corpus, first_doc - corpus);
  BOOST_TEST(count(head, "<tr class=\"c0\" data-speaker=\"\xC3\x89lodie Brun\">") == 1);
  BOOST_TEST(head.find("data-label=\"support\" data-count=\"2\"") != std::string_view::npos);
  BOOST_TEST(head.find("href=\"#d3-q2\"") != std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(custom_and_broken_templates) {
  const std::vector<sayso::report_document> docs{sample()};
  sayso::report_options options;
  options.template_text = "{{title}}:{{#sections}}{{id}}={{summary}};{{/sections}}";
  options.title = "T&T";
  BOOST_TEST(sayso::render_report(docs, options) == "T&amp;T:sample &lt;1&gt;=2 quotes · 1 speaker · 1 stance;");
  // Sections on lines of their own are rendered one at a time, the tags' lines dropped.
  options.template_text = "<{{title}}>\n{{#sections}}\n[{{id}}]\n{{/sections}}\nend\n";
  BOOST_TEST(sayso::render_report(docs, options) == "<T&amp;T>\n[sample &lt;1&gt;]\nend\n");
  // A template without sections is rendered whole.
  options.template_text = "{{title}}: {{summary}}";
  BOOST_TEST(sayso::render_report(docs, options) == "T&amp;T: 1 document · 2 quotes · 1 speaker · 1 stance");
  options.template_text = "{{#sections}}unclosed";
  BOOST_CHECK_THROW(sayso::render_report(docs, options), sayso::error);
}

BOOST_AUTO_TEST_CASE(empty_input) {
  const std::string html = sayso::render_report({});
  BOOST_TEST(html.find("0 documents") != std::string::npos);
  sayso::report_document empty;
  const std::vector<sayso::report_document> docs{empty};
  BOOST_TEST(sayso::render_report(docs).find("No quotes found.") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
