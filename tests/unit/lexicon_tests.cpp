// Term lexicons: the default ceasefire terms, custom lexicons, and malformed files refused with
// sayso::error naming the file and the line.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "test_util.hpp"

using sayso::term_lexicon;

namespace {

// Runs `load` and checks it throws sayso::error with `code` and a message containing `where`
// (e.g. "bad.toml:4:") and `what`.
template <typename Load>
void check_refused(Load load, sayso::errc code, std::string_view where,
                   std::string_view what = {}) {
  try {
    load();
    BOOST_ERROR("no sayso::error thrown; expected one naming " << where);
  } catch (const sayso::error& e) {
    const std::string message = e.what();
    BOOST_TEST_CONTEXT("message: " << message) {
      BOOST_TEST(e.code() == code);
      BOOST_TEST(message.find(where) != std::string::npos);
      BOOST_TEST(message.find(what) != std::string::npos);
    }
  }
}

void refused_string(std::string_view toml, std::string_view where, std::string_view what = {}) {
  check_refused([&] { (void)term_lexicon::from_string(toml, "custom.toml"); }, sayso::errc::lexicon,
                where, what);
}

std::filesystem::path write_temp(const std::string& name, std::string_view contents) {
  const std::filesystem::path path = std::filesystem::path(SAYSO_TEST_TMPDIR) / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  return path;
}

constexpr std::string_view kCustom = R"(# Prisoner exchanges only.
[[term]]
id = "prisoner_exchange"
description = "an exchange or release of prisoners"
expressions = ["prisoner (?:exchange|swap)s?", "release of (?:all )?prisoners"]
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(lexicon_tests)

BOOST_AUTO_TEST_CASE(default_lexicon_has_the_ten_ceasefire_terms) {
  const term_lexicon lexicon = term_lexicon::ceasefire();
  BOOST_TEST_REQUIRE(lexicon.terms().size() == 10U);
  BOOST_TEST(lexicon.terms()[0].id == "ceasefire");
  for (const sayso::term_info& t : lexicon.terms()) {
    BOOST_TEST_CONTEXT(t.id) {
      BOOST_TEST(!t.description.empty());
      BOOST_TEST(!t.expressions.empty());
    }
  }
}

// term_lexicon::ceasefire() and the default stance cues skip the check of each expression alone
// (it costs more than compiling them): this is that check.
BOOST_AUTO_TEST_CASE(built_in_lexicons_pass_the_checks_they_skip) {
  const auto read = [](const char* file) {
    std::ifstream in(std::string(SAYSO_LEXICON_DIR) + "/" + file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string terms = read("ceasefire.toml");
  const std::string cues = read("stance.toml");
  BOOST_TEST_REQUIRE(!terms.empty());
  BOOST_TEST_REQUIRE(cues.find("[stance]") != std::string::npos);
  const term_lexicon checked = term_lexicon::from_string(terms + "\n" + cues, "ceasefire.toml + stance.toml");
  const term_lexicon built_in = term_lexicon::ceasefire();
  BOOST_TEST_REQUIRE(checked.terms().size() == built_in.terms().size());
  for (std::size_t t = 0; t < checked.terms().size(); ++t) {
    BOOST_TEST(checked.terms()[t].id == built_in.terms()[t].id);
    BOOST_TEST(checked.terms()[t].expressions == built_in.terms()[t].expressions);
  }
}

// A user's lexicon is checked expression by expression: "[a" and "b]" would compile together.
BOOST_AUTO_TEST_CASE(expressions_are_checked_one_by_one) {
  refused_string("[[term]]\nid = \"truce\"\nexpressions = [\n  \"[a\",\n  \"b]\",\n]\n", "custom.toml:4:", "[a");
}

BOOST_AUTO_TEST_CASE(custom_lexicon_from_a_string) {
  const term_lexicon lexicon = term_lexicon::from_string(kCustom, "custom.toml");
  BOOST_TEST_REQUIRE(lexicon.terms().size() == 1U);
  const sayso::term_info& t = lexicon.terms()[0];
  BOOST_TEST(t.id == "prisoner_exchange");
  BOOST_TEST(t.description == "an exchange or release of prisoners");
  BOOST_TEST(t.expressions.size() == 2U);
  BOOST_TEST(t.expressions[1] == "release of (?:all )?prisoners");
  // A copy shares the compiled patterns and reads the same.
  const term_lexicon copy = lexicon;  // NOLINT(performance-unnecessary-copy-initialization)
  BOOST_TEST(copy.terms()[0].id == "prisoner_exchange");
}

BOOST_AUTO_TEST_CASE(custom_lexicon_in_a_pipeline) {
  sayso::pipeline_options options;
  options.terms = term_lexicon::from_string(kCustom, "custom.toml");
  const sayso::pipeline pipeline(std::move(options));
  BOOST_TEST_REQUIRE(pipeline.terms().terms().size() == 1U);
  BOOST_TEST(pipeline.terms().terms()[0].id == "prisoner_exchange");
  const std::string_view text = "“We want a prisoner swap before winter,” the minister said.";
  const sayso::analysis a = pipeline.analyze(text);
  BOOST_TEST_REQUIRE(a.quotes.size() == 1U);
  bool found = false;
  for (const sayso::stance& s : a.quotes[0].stances) {
    BOOST_TEST(s.term == "prisoner_exchange");  // only the custom lexicon's terms
    found = found || s.term == "prisoner_exchange";
  }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(custom_lexicon_from_a_file) {
  const std::filesystem::path path = write_temp("custom_ok.toml", kCustom);
  const term_lexicon lexicon = term_lexicon::from_file(path);
  BOOST_TEST_REQUIRE(lexicon.terms().size() == 1U);
  BOOST_TEST(lexicon.terms()[0].id == "prisoner_exchange");
}

BOOST_AUTO_TEST_CASE(toml_syntax_error_names_file_and_line) {
  refused_string(
      "[[term]]\nid = \"truce\"\ndescription = \"x\"\nexpressions = [\"truce\", \n\n= oops\n",
      "custom.toml:6");
}

BOOST_AUTO_TEST_CASE(invalid_expression_names_its_line) {
  refused_string("[[term]]\nid = \"truce\"\nexpressions = [\n  \"truces?\",\n  \"(unclosed\",\n]\n",
                 "custom.toml:5:", "(unclosed");
}

BOOST_AUTO_TEST_CASE(capturing_group_is_refused) {
  refused_string("[[term]]\nid = \"truce\"\nexpressions = [\"(truce|armistice)\"]\n",
                 "custom.toml:3:", "(?:");
}

BOOST_AUTO_TEST_CASE(structural_errors_name_their_line) {
  refused_string("", "custom.toml:1:", "no [[term]]");
  // An empty inline array is no terms either (found by the term_lexicon fuzzer).
  refused_string("\nterm = []\n", "custom.toml:2:", "no [[term]]");
  refused_string(
      "# comment\n[[term]]\nid = \"truce\"\nexpressions = [\"truce\"]\nwords = [\"x\"]\n",
      "custom.toml:5:", "words");
  refused_string(
      "[[term]]\nid = \"truce\"\nexpressions = [\"truce\"]\n\n[[term]]\nid = \"truce\"\n"
      "expressions = [\"armistice\"]\n",
      "custom.toml:5:", "defined twice");
  refused_string("[[term]]\nid = \"has space\"\nexpressions = [\"truce\"]\n",
                 "custom.toml:2:", "id");
  refused_string("[[term]]\nid = \"truce\"\n", "custom.toml:1:", "no expressions");
  refused_string("[[term]]\nid = \"truce\"\nexpressions = [\"truce\", 3]\n",
                 "custom.toml:3:", "strings");
  refused_string(
      "[[term]]\nid = \"truce\"\nexpressions = [\"truce\"]\n[stance]\nsupport = [\"(\"]\n",
      "custom.toml:5:", "[stance] support");
  refused_string("[[term]]\nid = \"truce\"\nexpressions = [\"truce\"]\n[stance]\nmaybe = [\"x\"]\n",
                 "custom.toml:5:", "maybe");
  refused_string("title = \"x\"\n", "custom.toml:1:", "title");
}

BOOST_AUTO_TEST_CASE(malformed_file_names_the_path_and_line) {
  const std::filesystem::path path = write_temp(
      "custom_bad.toml", "[[term]]\nid = \"truce\"\nexpressions = [\"truce\"]\nbogus = 1\n");
  check_refused([&] { (void)term_lexicon::from_file(path); }, sayso::errc::lexicon,
                path.string() + ":4:", "bogus");
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_io_error) {
  const std::filesystem::path path =
      std::filesystem::path(SAYSO_TEST_TMPDIR) / "does_not_exist.toml";
  check_refused([&] { (void)term_lexicon::from_file(path); }, sayso::errc::io, path.string());
}

// A directory opens as an empty stream on Linux: it must be refused as an io error.
BOOST_AUTO_TEST_CASE(directory_is_refused) {
  check_refused([] { (void)term_lexicon::from_file(SAYSO_TEST_TMPDIR); }, sayso::errc::io,
                SAYSO_TEST_TMPDIR);
}

BOOST_AUTO_TEST_SUITE_END()
