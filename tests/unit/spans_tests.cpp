// The span model (issue 16): the Viterbi decoder on a tiny hand-made model, the model file
// format, the conversion of gold quotes to tags, deterministic training on an invented corpus,
// and the pipeline with the model on and off. These use the library's internals (lib/spans),
// which a shared library keeps hidden: the suite is a binary of its own, built for static
// builds only. The texts are invented.
#define BOOST_TEST_MODULE sayso_spans
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/sayso.hpp>

#include "attribution/attributor.hpp"
#include "quotes/quotation_index.hpp"
#include "spans/features.hpp"
#include "spans/model.hpp"
#include "spans/tags.hpp"
#include "spans/train/corpus.hpp"
#include "spans/train/perceptron.hpp"
#include "test_util.hpp"
#include "text/lexicon.hpp"

namespace spans = sayso::detail::spans;
using spans::tag;

namespace sayso::detail::spans {
inline std::ostream& operator<<(std::ostream& os, tag t) { return os << name(t); }
}  // namespace sayso::detail::spans

namespace {

// A model of 16 buckets whose bucket b votes only for tag b % tag_count, with weight w.
spans::model voting_model(std::int16_t w) {
  spans::model m(4);
  for (std::uint32_t b = 0; b < 16; ++b) m.row(b)[b % spans::tag_count] = w;
  return m;
}

// Emissions for tokens that each carry feature_count copies of one bucket.
std::vector<std::int32_t> emissions_of(const spans::model& m, const std::vector<std::uint32_t>& per_token) {
  std::vector<std::uint32_t> buckets;
  for (const std::uint32_t b : per_token) buckets.insert(buckets.end(), spans::feature_count, b);
  std::vector<std::int32_t> out(per_token.size() * spans::tag_count);
  m.emissions(buckets.data(), per_token.size(), out.data());
  return out;
}

std::vector<tag> decode_all(const spans::model& m, const std::vector<std::int32_t>& em) {
  const std::size_t n = em.size() / spans::tag_count;
  std::vector<tag> out(n);
  std::vector<std::uint8_t> back;
  spans::decode(m, em.data(), n, out.data(), back);
  return out;
}

// The same decoding with the generic template in 64 bits (the trainer's).
std::vector<tag> decode_generic(const spans::model& m, const std::vector<std::int32_t>& em) {
  const std::size_t n = em.size() / spans::tag_count;
  std::vector<std::int64_t> e(em.begin(), em.end());
  std::vector<std::int64_t> trans((spans::tag_count + 1) * spans::tag_count);
  for (int f = 0; f <= spans::tag_count; ++f) {
    for (int t = 0; t < spans::tag_count; ++t) trans[f * spans::tag_count + t] = m.transition(f, t);
  }
  std::vector<tag> out(n);
  std::vector<std::int64_t> scratch;
  spans::viterbi(e.data(), n, trans.data(), out.data(), scratch);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spans_tests)

BOOST_AUTO_TEST_CASE(decoder_follows_the_emissions_within_bio) {
  const spans::model m = voting_model(100);
  // Buckets 3, 1, 5, 6: B-S, B-V, B-C, I-C.
  BOOST_TEST(decode_all(m, emissions_of(m, {3, 1, 5, 6})) ==
                 (std::vector<tag>{tag::begin_source, tag::begin_cue, tag::begin_content, tag::inside_content}),
             boost::test_tools::per_element());
  // An inside tag never follows another role, nor starts a sentence: I-C after B-V, however
  // strongly voted for, becomes the best tag that may follow.
  const std::vector<tag> t = decode_all(m, emissions_of(m, {6, 1, 6}));
  BOOST_TEST(t[0] != tag::inside_content);
  BOOST_TEST(t[2] != tag::inside_content);
  for (std::size_t j = 0; j < t.size(); ++j) {
    BOOST_TEST(spans::allowed(j == 0 ? spans::tag_count : static_cast<int>(t[j - 1]), static_cast<int>(t[j])));
  }
}

BOOST_AUTO_TEST_CASE(decoder_weighs_transitions_against_emissions) {
  spans::model m = voting_model(10);
  // Token 2 votes O, weakly; a strong B-C -> I-C transition carries the content on.
  m.transition(static_cast<int>(tag::begin_content), static_cast<int>(tag::inside_content)) = 30000;
  BOOST_TEST(decode_all(m, emissions_of(m, {5, 0})) ==
                 (std::vector<tag>{tag::begin_content, tag::inside_content}),
             boost::test_tools::per_element());
  m.transition(static_cast<int>(tag::begin_content), static_cast<int>(tag::inside_content)) = -30000;
  BOOST_TEST(decode_all(m, emissions_of(m, {5, 0})) == (std::vector<tag>{tag::begin_content, tag::outside}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(run_time_decoder_matches_the_trainers) {
  // Random models and emissions (a fixed generator): the written-out 32-bit decoder and the
  // generic 64-bit one agree, also on a sequence long enough to overflow 32-bit path scores.
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int32_t>(state >> 49) - 16384;
  };
  for (int round = 0; round < 50; ++round) {
    spans::model m(4);
    for (int f = 0; f <= spans::tag_count; ++f) {
      for (int t = 0; t < spans::tag_count; ++t) m.transition(f, t) = static_cast<std::int16_t>(next());
    }
    const std::size_t n = round == 0 ? 200000 : 1 + static_cast<std::size_t>(next() & 63);
    std::vector<std::int32_t> em(n * spans::tag_count);
    for (std::int32_t& e : em) e = next() * 64;
    BOOST_TEST(decode_all(m, em) == decode_generic(m, em), boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(model_file_round_trip_and_refusals) {
  spans::model m = voting_model(-7);
  m.transition(2, 3) = 1234;
  const std::string bytes = m.serialize();
  const auto back = spans::model::parse(bytes, "test.model");
  BOOST_TEST(back->serialize() == bytes);
  BOOST_TEST(back->bucket_bits() == 4U);
  BOOST_TEST(back->transition(2, 3) == 1234);
  const auto refused = [](const std::string& b) {
    try {
      (void)spans::model::parse(b, "bad.model");
    } catch (const sayso::error& e) {
      return e.code() == sayso::errc::lexicon && std::string_view(e.what()).find("bad.model") != std::string_view::npos;
    }
    return false;
  };
  BOOST_TEST(refused(""));
  BOOST_TEST(refused("XSPANMDL" + bytes.substr(8)));
  BOOST_TEST(refused(bytes.substr(0, bytes.size() - 1)));
  BOOST_TEST(refused(bytes + "x"));
  std::string other_features = bytes;
  other_features[12] = static_cast<char>(other_features[12] + 1);  // feature_version
  BOOST_TEST(refused(other_features));
  // The embedded model is one of this feature set.
  BOOST_TEST(spans::model::embedded().bucket_bits() >= 8U);
}

BOOST_AUTO_TEST_CASE(gold_quotes_become_tags) {
  using sayso::byte_range;
  const std::string_view text = "The envoy said that the talks would resume. \u201CWe are ready,\u201D she added.";
  const sayso::document doc(text);
  const auto& lex = sayso::detail::lexicon::english();
  std::vector<sayso::detail::token_info> info;
  sayso::detail::compute_features(doc, lex, info);
  const auto quots = sayso::find_quotations(doc);
  const std::vector<spans::rule_quote> no_rules;
  spans::encoded_document enc;
  spans::encode({doc, info, lex, quots, no_rules}, 8, enc);
  std::vector<spans::train::gold_quote> gold(2);
  gold[0].content = {sayso_test::find_range(text, "that the talks would resume")};
  gold[0].source = sayso_test::find_range(text, "The envoy");
  gold[0].cue = sayso_test::find_range(text, "said");
  gold[1].content = {sayso_test::find_range(text, "We are ready,")};
  gold[1].source = sayso_test::find_range(text, "she");
  gold[1].cue = sayso_test::find_range(text, "added");
  gold[1].direct = true;
  const auto tags_of = [&](spans::train::convention conv) {
    std::vector<tag> tags;
    spans::train::gold_tags(doc, enc, gold, conv, tags);
    std::string out;
    for (std::size_t j = 0; j < tags.size(); ++j) {
      out += std::string(doc.text_of(doc.tokens()[enc.tokens[j]].range)) + "/" + std::string(spans::name(tags[j])) + " ";
    }
    return out;
  };
  BOOST_TEST(tags_of(spans::train::convention::guidelines) ==
             "The/B-S envoy/I-S said/B-V that/O the/B-C talks/I-C would/I-C resume/I-C ./O "
             "\u201C/O We/B-C are/I-C ready/I-C ,/I-C \u201D/O she/B-S added/B-V ./O ");
  BOOST_TEST(tags_of(spans::train::convention::as_annotated).find("that/B-C the/I-C") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(training_is_deterministic_and_learns) {
  // An invented corpus: one pattern, many names and contents.
  const std::filesystem::path dir = std::filesystem::path(SAYSO_TEST_TMPDIR) / "spans";
  std::filesystem::create_directories(dir);
  std::ofstream docs(dir / "docs.jsonl");
  std::ofstream gold(dir / "gold.jsonl");
  const char* names[] = {"Ana Liss", "Bo Karel", "Cyr Moen", "Dag Vell", "Eda Runo", "Fen Asko"};
  const char* claims[] = {"the bridge would open soon", "the vote was fair", "prices will fall",
                          "the border stays closed", "talks had failed", "the port is safe"};
  for (int i = 0; i < 36; ++i) {
    const std::string name = names[i % 6];
    const std::string claim = claims[(i / 6) % 6];
    const std::string text = name + " said " + claim + ".";
    const std::size_t c = name.size() + 6;
    docs << R"({"id": "d)" << i << R"(", "text": ")" << text << "\"}\n";
    gold << R"({"id": "d)" << i << R"(", "quotes": [{"kind": "indirect", "spans": [[)" << c << ", "
         << c + claim.size() << R"(]], "speaker": {"span": [0, )" << name.size() << R"(]}, "cue": {"span": [)"
         << name.size() + 1 << ", " << name.size() + 5 << "]}}]}\n";
  }
  docs.close();
  gold.close();
  spans::train::train_options options;
  options.bucket_bits = 10;
  options.epochs = 4;
  const auto train = [&] {
    const spans::train::corpus c = spans::train::read_corpus((dir / "docs.jsonl").string(), (dir / "gold.jsonl").string(),
                                                             options.bucket_bits, spans::train::convention::guidelines);
    BOOST_TEST(c.documents == 36U);
    return spans::train::train_model(c, options, nullptr).serialize();
  };
  const std::string first = train();
  BOOST_TEST(first == train());
  // The model tags an unseen sentence of the same pattern.
  const auto m = spans::model::parse(first, "tiny.model");
  const std::string_view text = "Gus Tamm said the ferry was late.";
  const sayso::document doc(text);
  const auto& lex = sayso::detail::lexicon::english();
  std::vector<sayso::detail::token_info> info;
  sayso::detail::compute_features(doc, lex, info);
  const auto quots = sayso::find_quotations(doc);
  sayso::detail::quotation_index index;
  index.assign(doc, quots);
  const auto rules = sayso::detail::attribute({doc, info, lex, index, true});
  spans::encoded_document enc;
  spans::encode({doc, info, lex, quots, rules}, m->bucket_bits(), enc);
  std::vector<std::int32_t> em(enc.tokens.size() * spans::tag_count);
  m->emissions(enc.buckets.data(), enc.tokens.size(), em.data());
  BOOST_TEST(decode_all(*m, em) ==
                 (std::vector<tag>{tag::begin_source, tag::inside_source, tag::begin_cue, tag::begin_content,
                                   tag::inside_content, tag::inside_content, tag::inside_content, tag::outside}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pipeline_switch_and_direct_quotes) {
  const std::string_view text =
      "\u201CThe ceasefire must hold,\u201D the mediator Lena Osk said on Monday. "
      "Officials in Varno said the crossing would reopen next week after repairs, while traders "
      "complained about the delays. The council, according to its chair, believes the plan is sound.";
  sayso::pipeline_options off;
  off.span_model = false;
  sayso::pipeline_options no_beliefs;
  no_beliefs.beliefs = false;
  const sayso::pipeline rules_only(off);
  const sayso::pipeline with_model;
  const sayso::pipeline without_beliefs(no_beliefs);
  const sayso::analysis a = rules_only.analyze(text);
  const sayso::analysis b = with_model.analyze(text);
  // The model leaves quotations as the rules bound them.
  const auto direct = [](const sayso::analysis& x) {
    std::vector<std::vector<sayso::byte_range>> out;
    for (const sayso::quote& q : x.quotes) {
      if (q.kind == sayso::quote_kind::direct) out.push_back(q.content);
    }
    return out;
  };
  BOOST_TEST(direct(a).size() == 1U);
  BOOST_TEST((direct(a) == direct(b)));
  for (const sayso::analysis* x : {&a, &b}) {
    for (std::size_t i = 0; i < x->quotes.size(); ++i) {
      for (const sayso::byte_range& r : x->quotes[i].content) BOOST_TEST((r.begin < r.end && r.end <= text.size()));
      if (i > 0) BOOST_TEST(x->quotes[i - 1].content.front().begin <= x->quotes[i].content.front().begin);
    }
  }
  for (const sayso::quote& q : without_beliefs.analyze(text).quotes) BOOST_TEST(!q.belief);
}

BOOST_AUTO_TEST_SUITE_END()
