// The stance label model's internals (lib/stance/label_model.hpp, lib/stance/train): the features
// of a rules' reading, the model file, the trainer's determinism, the pipeline's trace of what
// the rules read, and the matching of quotes to gold that the trainer's figures rest on (score.py's).
// Built only for static builds (the internals are hidden in a shared library). Invented texts.
#define BOOST_TEST_MODULE sayso_stance_label_model
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <sayso/error.hpp>
#include <sayso/pipeline.hpp>

#include "pipeline/state.hpp"
#include "stance/label_model.hpp"
#include "stance/train/corpus.hpp"
#include "stance/train/crossfit.hpp"
#include "stance/train/logreg.hpp"
#include "text/lexicon.hpp"

namespace d = sayso::detail;
namespace st = sayso::detail::stance_train;

namespace {

std::vector<std::string> names_of(const std::vector<std::uint16_t>& ids) {
  std::vector<std::string> out;
  for (const std::uint16_t id : ids) out.push_back(d::label_feature_names()[id]);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(stance_label_model_tests)

BOOST_AUTO_TEST_CASE(features_name_the_rules_reading) {
  d::label_decision dec;
  dec.path = d::label_path::own_cue;
  dec.rule = sayso::stance_label::support;
  dec.content = sayso::stance_label::support;
  dec.gov = d::label_decision::governor::praise;
  dec.gov_words = 4;
  dec.kind = sayso::quote_kind::mixed;
  dec.first_person = true;
  dec.future = true;
  dec.term_id = "talks";
  std::vector<std::uint16_t> ids;
  d::label_features(dec, ids);
  BOOST_TEST(std::is_sorted(ids.begin(), ids.end()));
  const auto names = names_of(ids);
  for (const std::string f : {"bias", "rule=support", "content=support", "path=own_cue", "gov=praise", "gov_words=3-5",
                              "kind=mixed", "term=talks", "first_person", "future", "own_cue=none"}) {
    BOOST_TEST(has(names, f), f);
  }
  BOOST_TEST(!has(names, "negated"));
  BOOST_TEST(!has(names, "gov_after"));
  // A user's own term shares one feature.
  dec.term_id = "grain_corridor";
  d::label_features(dec, ids);
  BOOST_TEST(has(names_of(ids), "term=other"));
}

BOOST_AUTO_TEST_CASE(model_file_round_trips_and_refuses_bad_lines) {
  d::label_model m;
  m.row(0) = {0.5F, -0.25F, 0.0F, -0.25F};
  m.row(3) = {-1.0F, 2.0F, 0.0F, -1.0F};
  const std::string text = m.serialize("# a test model\n");
  BOOST_TEST(text.starts_with("# a test model\nbias 0.5000 -0.2500 0.0000 -0.2500\n"));
  const auto back = d::label_model::parse(text, "test.model");
  BOOST_TEST(back->serialize("# a test model\n") == text);
  BOOST_CHECK_EXCEPTION((void)d::label_model::parse("bias 1 2 3 4\nno_such_feature 1 2 3 4\n", "x.model"),
                        sayso::error, [](const sayso::error& e) {
                          return std::string(e.what()).find("x.model:2") != std::string::npos &&
                                 e.code() == sayso::errc::lexicon;
                        });
  BOOST_CHECK_THROW((void)d::label_model::parse("bias 1 2 3\n", "x.model"), sayso::error);
  BOOST_CHECK_THROW((void)d::label_model::parse("bias 1 2 3 4 5\n", "x.model"), sayso::error);
}

BOOST_AUTO_TEST_CASE(embedded_model_loads_and_predicts_with_a_probability) {
  const d::label_model& m = d::label_model::embedded();
  BOOST_TEST(m.size() == d::label_feature_names().size());
  // The rules' clear support, in the speaker's own words: support.
  d::label_decision dec;
  dec.path = d::label_path::governor_before;
  dec.rule = dec.content = sayso::stance_label::support;
  dec.gov = d::label_decision::governor::support;
  dec.term_id = "ceasefire";
  std::vector<std::uint16_t> ids;
  d::label_features(dec, ids);
  float p = 0.0F;
  BOOST_TEST((m.predict(ids, p) == sayso::stance_label::support));
  BOOST_TEST(p > 0.25F);
  BOOST_TEST(p <= 1.0F);
}

BOOST_AUTO_TEST_CASE(trainer_is_deterministic_and_learns) {
  // Invented items: feature "negated" marks oppose, "sentence_conditional" conditional, the
  // rest support; a few neutral ones with "past".
  const auto& names = d::label_feature_names();
  const auto id = [&](const std::string& n) {
    return static_cast<std::uint16_t>(std::find(names.begin(), names.end(), n) - names.begin());
  };
  std::vector<std::vector<std::uint16_t>> feats;
  std::vector<int> labels;
  for (int i = 0; i < 40; ++i) {
    const int label = i % 4;
    std::vector<std::uint16_t> f{0};
    if (label == 1) f.push_back(id("negated"));
    if (label == 2) f.push_back(id("sentence_conditional"));
    if (label == 3) f.push_back(id("past"));
    if (i % 3 == 0) f.push_back(id("first_person"));  // noise
    std::sort(f.begin(), f.end());
    feats.push_back(f);
    labels.push_back(label);
  }
  std::vector<st::example> data;
  for (std::size_t i = 0; i < feats.size(); ++i) data.push_back({&feats[i], labels[i]});
  st::logreg_options options;
  options.steps = 500;
  const d::label_model a = st::train_logreg(data, options);
  const d::label_model b = st::train_logreg(data, options);
  BOOST_TEST(a.serialize() == b.serialize());
  for (std::size_t i = 0; i < feats.size(); ++i) {
    float p = 0.0F;
    BOOST_TEST(static_cast<int>(a.predict(feats[i], p)) == labels[i]);
  }
}

BOOST_AUTO_TEST_CASE(pipeline_traces_each_speaker_stance) {
  const std::string text =
      "\"We are ready for talks, but there will be no ceasefire until the shelling stops,\" the minister said.\n\n"
      "The envoy said talks were held in the capital last week.";
  sayso::pipeline_options o;
  const d::pipeline_state state(d::lexicon::english(), sayso::term_lexicon::ceasefire(), o);
  d::label_trace trace;
  const sayso::analysis a = d::run(state, text, nullptr, &trace);
  BOOST_TEST_REQUIRE(trace.size() == a.quotes.size());
  for (std::size_t i = 0; i < a.quotes.size(); ++i) {
    std::size_t own = 0;
    for (const sayso::stance& s : a.quotes[i].stances) own += s.reported ? 0 : 1;
    BOOST_TEST(trace[i].size() == own);
    std::size_t k = 0;
    for (const sayso::stance& s : a.quotes[i].stances) {
      if (s.reported) continue;
      // The rules' label in the trace is the label they gave.
      BOOST_TEST((trace[i][k].rule == s.label));
      BOOST_TEST(trace[i][k].term_id == s.term);
      ++k;
    }
  }
  BOOST_TEST_REQUIRE(!trace.empty());
  BOOST_TEST_REQUIRE(!trace[0].empty());
  // "until": the condition decided the ceasefire.
  bool condition = false;
  for (const d::label_decision& dec : trace[0]) {
    condition = condition || (dec.term_id == "ceasefire" && dec.path == d::label_path::condition_governs);
  }
  BOOST_TEST(condition);
}

BOOST_AUTO_TEST_CASE(trainer_matches_quotes_as_the_scorer_does) {
  // One invented document and its gold: the trainer's items are the terms of the matched quote.
  const std::string dir = SAYSO_TEST_TMPDIR;
  const std::string text = "\"We are ready for talks,\" the minister said.";
  {
    std::ofstream docs(dir + "/stance-docs.jsonl");
    docs << R"({"id": "t-one-01", "text": "\"We are ready for talks,\" the minister said."})" << '\n';
    std::ofstream gold(dir + "/stance-gold.jsonl");
    // Content [1, 23) in code points: We are ready for talks (with the comma: the scorer's tokens
    // ignore it).
    gold << R"({"id": "t-one-01", "stance_annotated": true, "quotes": [{"kind": "direct", "spans": [[1, 24]],)"
         << R"( "optional": false, "speaker": {"span": [26, 38], "name": "the minister"},)"
         << R"( "stance": [{"term": "talks", "label": "support"}, {"term": "ceasefire", "label": "neutral"}]}]})" << '\n';
  }
  const st::stance_corpus c =
      st::read_stance_corpus({st::parse_data_set("t=" + dir + "/stance-docs.jsonl," + dir + "/stance-gold.jsonl,by-conflict")});
  BOOST_TEST_REQUIRE(c.docs.size() == 1U);
  BOOST_TEST(c.docs[0].group == "one");
  BOOST_TEST_REQUIRE(c.items.size() == 2U);
  BOOST_TEST(c.items[0].term == "talks");
  BOOST_TEST(c.items[0].gold == static_cast<int>(sayso::stance_label::support));
  BOOST_TEST(c.items[0].rule == static_cast<int>(sayso::stance_label::support));
  BOOST_TEST(!c.items[0].features.empty());
  // A gold term the rules do not give: no rules' label.
  BOOST_TEST(c.items[1].term == "ceasefire");
  BOOST_TEST(c.items[1].rule == st::kNone);
  (void)text;
}

BOOST_AUTO_TEST_CASE(cross_fitting_leaves_entries_out) {
  // The lexicon without "reject…" no longer reads a rejection; with all entries it does.
  const std::vector<st::lexicon_entry> entries = st::stance_entries();
  BOOST_TEST(entries.size() > 100U);
  std::vector<bool> removed(entries.size(), false);
  const auto reject = std::find_if(entries.begin(), entries.end(), [](const st::lexicon_entry& e) {
    return e.list == "oppose" && e.expression.starts_with("reject");
  });
  BOOST_TEST_REQUIRE((reject != entries.end()));
  const std::string text = "\"We reject the talks,\" the minister said.";
  const auto label = [&](const sayso::term_lexicon& lex) {
    sayso::pipeline_options o;
    o.terms = lex;
    const sayso::analysis a = sayso::pipeline(o).analyze(text);
    for (const sayso::stance& s : a.quotes.at(0).stances) {
      if (s.term == "talks" && !s.reported) return std::string(sayso::to_string(s.label));
    }
    return std::string("(none)");
  };
  BOOST_TEST(label(st::lexicon_without(entries, removed)) == "oppose");
  removed[static_cast<std::size_t>(reject - entries.begin())] = true;
  BOOST_TEST(label(st::lexicon_without(entries, removed)) != "oppose");
}

BOOST_AUTO_TEST_SUITE_END()
