// The pipeline end to end, for direct quotes: exact content spans, quotations interrupted by
// their attribution, scare quotes and titles, multi-paragraph quotations, ill-formed input,
// batches and concurrent use.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "test_util.hpp"

using sayso::byte_range;
using sayso::quote;
using sayso::quote_kind;
using sayso_test::find_range;

namespace {

// Building a pipeline compiles its lexicons: share one across the suite, as users should.
const sayso::pipeline& shared_pipeline() {
  static const sayso::pipeline pipeline;
  return pipeline;
}

bool overlaps(byte_range a, byte_range b) { return a.begin < b.end && b.begin < a.end; }

// The quotes whose content overlaps `r`.
std::vector<const quote*> quotes_over(const sayso::analysis& a, byte_range r) {
  std::vector<const quote*> out;
  for (const quote& q : a.quotes) {
    for (const byte_range& span : q.content) {
      if (overlaps(span, r)) {
        out.push_back(&q);
        break;
      }
    }
  }
  return out;
}

void check_in_bounds(const sayso::analysis& a, std::string_view text) {
  const auto size = static_cast<std::uint32_t>(text.size());
  for (const quote& q : a.quotes) {
    BOOST_TEST(!q.content.empty());
    for (const byte_range& r : q.content) BOOST_TEST((r.begin <= r.end && r.end <= size));
    if (q.cue) BOOST_TEST(q.cue->range.end <= size);
    if (q.speaker) {
      BOOST_TEST(q.speaker->mention.end <= size);
      BOOST_TEST((q.speaker->entity == sayso::no_entity || q.speaker->entity < a.entities.size()));
    }
    BOOST_TEST((q.confidence >= 0.0F && q.confidence <= 1.0F));
  }
  for (const sayso::entity& e : a.entities) {
    for (const byte_range& r : e.mentions) BOOST_TEST(r.end <= size);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline_tests)

BOOST_AUTO_TEST_CASE(quotation_interrupted_by_attribution_after_a_comma) {
  const std::string_view text =
      "“We will not sign anything,” she said, “until the shelling stops.”";
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::direct);
  BOOST_TEST(q.content == (std::vector<byte_range>{{3, 29}, {46, 71}}),
             boost::test_tools::per_element());
  BOOST_TEST(q.content[0].of(text) == "We will not sign anything,");
  BOOST_TEST(q.content[1].of(text) == "until the shelling stops.");
  BOOST_TEST(q.closed);
  BOOST_TEST_REQUIRE(q.cue.has_value());
  BOOST_TEST(q.cue->range == find_range(text, "said"));
}

BOOST_AUTO_TEST_CASE(quotation_interrupted_by_attribution_after_a_period) {
  const std::string_view text = "“Talks must resume,” the minister said. “There is no other way.”";
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::direct);
  BOOST_TEST(q.content == (std::vector<byte_range>{find_range(text, "Talks must resume,"),
                                                   find_range(text, "There is no other way.")}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sentence_like_quote_with_said_after_it) {
  const std::string_view text =
      "“Our troops will hold their positions until the talks begin,” the foreign minister said "
      "on Monday.";
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::direct);
  BOOST_TEST(q.content == (std::vector<byte_range>{{3, 62}}), boost::test_tools::per_element());
  BOOST_TEST(q.content[0].of(text) ==
             "Our troops will hold their positions until the talks begin,");
  BOOST_TEST_REQUIRE(q.cue.has_value());
  BOOST_TEST(q.cue->range == find_range(text, "said"));
  BOOST_TEST(q.speaker.has_value());
}

BOOST_AUTO_TEST_CASE(sentence_like_quote_with_said_before_it) {
  const std::string_view text =
      "The Veldrian negotiator said: “We are ready to meet them anywhere, at any time.”";
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  const quote& q = a.quotes[0];
  BOOST_TEST(q.kind == quote_kind::direct);
  BOOST_TEST(q.content == (std::vector<byte_range>{find_range(
                              text, "We are ready to meet them anywhere, at any time.")}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(q.cue.has_value());
  BOOST_TEST(q.cue->range.of(text).find("said") != std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(straight_marks_work_end_to_end) {
  const std::string_view text =
      "\"We have agreed to a 48-hour truce,\" the spokesman told reporters.";
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].kind == quote_kind::direct);
  BOOST_TEST(a.quotes[0].content == (std::vector<byte_range>{{1, 35}}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(scare_quotes_and_titles_are_not_quotes) {
  const std::string_view text =
      "The delegation circulated a so-called “non-paper” on Tuesday. Later, the envoy watched "
      "the film “Casablanca” with her staff.";
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST(quotes_over(a, find_range(text, "non-paper")).empty());
  BOOST_TEST(quotes_over(a, find_range(text, "Casablanca")).empty());
  check_in_bounds(a, text);
}

BOOST_AUTO_TEST_CASE(scare_quote_beside_a_real_quote) {
  const std::string_view text =
      "The so-called “peace roadmap” was published on Friday. “It is a stunt,” one aide said.";
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST(quotes_over(a, find_range(text, "peace roadmap")).empty());
  const auto real = quotes_over(a, find_range(text, "It is a stunt,"));
  BOOST_TEST_REQUIRE(real.size() == 1U);
  BOOST_TEST(real[0]->kind == quote_kind::direct);
  BOOST_TEST(real[0]->content == (std::vector<byte_range>{find_range(text, "It is a stunt,")}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(multi_paragraph_quotation_is_one_quote) {
  const std::string_view text =
      "The envoy read a statement to reporters.\n\n"
      "“We came to listen to every side.\n\n"
      "“We leave with a plan for a truce.\n\n"
      "“The guns must fall silent this week,” she said.\n\n"
      "Reporters left.";
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].kind == quote_kind::direct);
  BOOST_TEST(a.quotes[0].content == (std::vector<byte_range>{
                                        find_range(text, "We came to listen to every side."),
                                        find_range(text, "We leave with a plan for a truce."),
                                        find_range(text, "The guns must fall silent this week,")}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_and_quote_free_texts) {
  BOOST_TEST(shared_pipeline().analyze("").quotes.empty());
  BOOST_TEST(shared_pipeline().analyze("   \n\n  ").quotes.empty());
  BOOST_TEST(shared_pipeline().analyze("The border stayed closed on Monday.").quotes.empty());
}

BOOST_AUTO_TEST_CASE(ill_formed_utf8_never_throws) {
  const std::vector<std::string> texts = {
      std::string("\xE2\x80\x9CWe will \xFF\xFE not sign,\xE2\x80\x9D she said, \xE2\x80\x9Cuntil "
                  "\xC0\xAF it stops.\xE2\x80\x9D"),
      std::string("\xE2\x80 said \xE2\x80\x9C\xE2\x80\x9D \xE2\x80\x9C \xF0\x9F\x98"),
      std::string("\x80\x81\x82\x83 the minister said \"\xED\xA0\x80\" today.\n\n\xF4\x90\x80\x80"),
      std::string("\xE2\x80\x9C", 3),
      std::string("He said:\0 \xE2\x80\x9Cnul inside\xE2\x80\x9D", 26),
  };
  for (const std::string& text : texts) {
    BOOST_TEST_CONTEXT("text of " << text.size() << " bytes") {
      sayso::analysis a;
      BOOST_CHECK_NO_THROW(a = shared_pipeline().analyze(text));
      check_in_bounds(a, text);
    }
  }
  // Bytes around a bad one are still analysed, and spans index the caller's bytes.
  const std::string text("\xE2\x80\x9CWe reject \xFF this plan,\xE2\x80\x9D the minister said.");
  const sayso::analysis a = shared_pipeline().analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  BOOST_TEST(a.quotes[0].content == (std::vector<byte_range>{{3, 25}}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(random_input_never_throws) {
  // Deterministic pseudo-random texts made of words, quotation marks, punctuation, line breaks
  // and bad bytes: analysis must not throw and every range must stay inside the text.
  static const std::vector<std::string_view> pieces = {"said",
                                                       "she",
                                                       "the minister",
                                                       "told",
                                                       "according to",
                                                       "“",
                                                       "”",
                                                       "‘",
                                                       "’",
                                                       "\"",
                                                       "'",
                                                       "«",
                                                       "»",
                                                       "„",
                                                       "``",
                                                       "''",
                                                       "「",
                                                       "」",
                                                       ",",
                                                       ".",
                                                       ":",
                                                       "—",
                                                       " ",
                                                       " ",
                                                       " ",
                                                       "\n",
                                                       "\n\n",
                                                       "\xFF",
                                                       "\xE2\x80",
                                                       "Mr.",
                                                       "U.S.",
                                                       "ceasefire",
                                                       "talks",
                                                       "We",
                                                       "will",
                                                       "not",
                                                       "😀",
                                                       "truce"};
  std::mt19937 rng(7);
  for (int n = 0; n < 300; ++n) {
    std::string text;
    const std::size_t count = rng() % 120;
    for (std::size_t i = 0; i < count; ++i) text += pieces[rng() % pieces.size()];
    BOOST_TEST_CONTEXT("random text " << n << ": " << text) {
      sayso::analysis a;
      BOOST_CHECK_NO_THROW(a = shared_pipeline().analyze(text));
      check_in_bounds(a, text);
    }
  }
}

BOOST_AUTO_TEST_CASE(batch_results_match_single_analysis_in_order) {
  const std::vector<std::string_view> texts = {
      "“Talks must resume,” the minister said. “There is no other way.”",
      "Nothing here.",
      "“We will not sign anything,” she said, “until the shelling stops.”",
      "",
      "The foreign minister said: “We want a truce.”",
  };
  const std::vector<sayso::batch_result> batch = shared_pipeline().analyze_batch(texts, 2);
  BOOST_TEST_REQUIRE(batch.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    BOOST_TEST_CONTEXT("document " << i) {
      BOOST_TEST_REQUIRE(batch[i].has_value());
      BOOST_TEST(static_cast<bool>(batch[i]));
      const sayso::analysis single = shared_pipeline().analyze(texts[i]);
      BOOST_TEST_REQUIRE(batch[i].value().quotes.size() == single.quotes.size());
      for (std::size_t k = 0; k < single.quotes.size(); ++k) {
        BOOST_TEST(batch[i].value().quotes[k].content == single.quotes[k].content,
                   boost::test_tools::per_element());
      }
    }
  }
  BOOST_TEST(shared_pipeline().analyze_batch({}, 0).empty());
}

BOOST_AUTO_TEST_CASE(one_pipeline_used_from_several_threads) {
  const std::string_view text =
      "“We will not sign anything,” she said, “until the shelling stops.”";
  const std::vector<byte_range> expected = shared_pipeline().analyze(text).quotes.at(0).content;
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const sayso::analysis a = shared_pipeline().analyze(text);
        if (a.quotes.size() != 1 || a.quotes[0].content != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const int m : mismatches) BOOST_TEST(m == 0);
}

BOOST_AUTO_TEST_CASE(pipeline_is_movable_and_versioned) {
  sayso::pipeline first;
  sayso::pipeline second(std::move(first));
  BOOST_TEST(second.analyze("“Yes,” he said.").quotes.size() == 1U);
  BOOST_TEST(sayso::version() == SAYSO_VERSION_STRING);
  BOOST_TEST(second.terms().terms().size() == 10U);
}

BOOST_AUTO_TEST_CASE(moved_from_pipeline_throws_a_clear_error) {
  sayso::pipeline first;
  sayso::pipeline second(std::move(first));
  const auto moved_from = [](const sayso::error& e) {
    return e.code() == sayso::errc::moved_from &&
           std::string_view(e.what()).find("moved from") != std::string_view::npos;
  };
  const std::vector<std::string_view> texts = {"“Yes,” he said.", "No."};
  // Every method of a moved-from pipeline says so, rather than dereferencing nothing.
  // NOLINTBEGIN(bugprone-use-after-move): using the moved-from pipeline is the point
  BOOST_CHECK_EXCEPTION((void)first.analyze(texts[0]), sayso::error, moved_from);
  BOOST_CHECK_EXCEPTION((void)first.analyze_batch(texts, 2), sayso::error, moved_from);
  BOOST_CHECK_EXCEPTION((void)first.terms(), sayso::error, moved_from);
  BOOST_TEST(sayso::to_string(sayso::errc::moved_from) == "moved_from");
  // Assigned a pipeline, it works again.
  first = sayso::pipeline();
  BOOST_TEST(first.analyze(texts[0]).quotes.size() == 1U);
  // NOLINTEND(bugprone-use-after-move)
  BOOST_TEST(second.analyze_batch(texts, 2).at(0).value().quotes.size() == 1U);
}

BOOST_AUTO_TEST_CASE(batch_threads_end_with_their_pipeline) {
  // analyze_batch's worker threads belong to the pipeline and are joined with it: none is left
  // behind (a Python interpreter may unload the library once its pipelines are gone).
  const auto thread_count = [] {
    std::error_code ec;
    std::size_t n = 0;
    for (std::filesystem::directory_iterator it("/proc/self/task", ec), end; !ec && it != end;
         it.increment(ec))
      ++n;
    return n;
  };
  if (thread_count() == 0) {
    BOOST_TEST_MESSAGE("no /proc/self/task: thread count not checked");
    return;
  }
  const std::size_t before = thread_count();
  const std::vector<std::string_view> texts(16, "“Yes,” he said.");
  {
    const sayso::pipeline p;
    BOOST_TEST(p.analyze_batch(texts, 4).size() == texts.size());
    BOOST_TEST(thread_count() == before + 3);  // the calling thread and three workers
    BOOST_TEST(p.analyze_batch(texts, 4).size() == texts.size());
    BOOST_TEST(thread_count() == before + 3);  // kept from one batch to the next
  }
  BOOST_TEST(thread_count() == before);
  // Move assignment joins the threads of the pipeline it replaces.
  sayso::pipeline q;
  BOOST_TEST(q.analyze_batch(texts, 3).size() == texts.size());
  BOOST_TEST(thread_count() == before + 2);
  q = sayso::pipeline();
  BOOST_TEST(thread_count() == before);
}

BOOST_AUTO_TEST_SUITE_END()
