// Hostile input: what scraped pages throw at sayso. Ill-formed UTF-8, NUL bytes, CRLF and lone
// CR line ends, a byte order mark, a million quotation marks, a hundred thousand unbalanced or
// nested marks, a 50 MB line without spaces, a word of a million characters, zero-width and
// bidi control characters, and an input over the size limit. Each must be analysed without a
// crash, every range must stay inside the text and the JSON output must be valid (UTF-8
// included); the oversized input must be refused before a byte of it is read. Time is printed
// (--log_level=message); that it grows linearly is checked by tests/bench/complexity_bench.cpp.
#include <boost/test/unit_test.hpp>

#include <sys/mman.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_util.hpp"

using sayso::byte_range;

// ThreadSanitizer (SAYSO_SANITIZE=thread) slows single-threaded code about tenfold and has no
// race to find in it: there the large inputs are ten times smaller.
#if defined(__SANITIZE_THREAD__)
#define SAYSO_TEST_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SAYSO_TEST_TSAN 1
#endif
#endif

namespace {

#ifdef SAYSO_TEST_TSAN
constexpr std::size_t kScale = 10;
#else
constexpr std::size_t kScale = 1;
#endif

const sayso::pipeline& shared_pipeline() {
  static const sayso::pipeline pipeline;
  return pipeline;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

void check_range(byte_range r, std::size_t size) {
  BOOST_TEST_REQUIRE(r.begin <= r.end);
  BOOST_TEST_REQUIRE(r.end <= size);
}

// Every range of the analysis lies inside the text; ids and confidences are valid.
void check_analysis(const sayso::analysis& a, std::string_view text) {
  const std::size_t size = text.size();
  for (const sayso::quote& q : a.quotes) {
    BOOST_TEST_REQUIRE(!q.content.empty());
    for (const byte_range& r : q.content) check_range(r, size);
    if (q.cue) check_range(q.cue->range, size);
    if (q.speaker) {
      check_range(q.speaker->mention, size);
      BOOST_TEST_REQUIRE((q.speaker->entity == sayso::no_entity || q.speaker->entity < a.entities.size()));
    }
    BOOST_TEST_REQUIRE((q.confidence >= 0.0F && q.confidence <= 1.0F));
    for (const sayso::stance& s : q.stances) {
      for (const byte_range& r : s.evidence) check_range(r, size);
      if (s.condition) check_range(*s.condition, size);
      BOOST_TEST_REQUIRE((s.holder == sayso::no_entity || s.holder < a.entities.size()));
    }
  }
  for (const sayso::entity& e : a.entities) {
    for (const byte_range& r : e.mentions) check_range(r, size);
  }
}

// Analyses `text`, checks the analysis and its JSON in every offset unit (nlohmann's accept()
// validates the UTF-8 too), and prints the time taken.
sayso::analysis analyze_checked(std::string_view text, std::string_view what) {
  const auto start = std::chrono::steady_clock::now();
  sayso::analysis a = shared_pipeline().analyze(text);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  BOOST_TEST_MESSAGE(what << ": " << text.size() << " bytes, " << a.quotes.size() << " quotes, "
                          << took.count() << " s");
  check_analysis(a, text);
  for (const auto unit : {sayso::offset_unit::code_point, sayso::offset_unit::utf8, sayso::offset_unit::utf16}) {
    // Large texts in the default unit only, to keep the test fast.
    if (unit != sayso::offset_unit::code_point && text.size() > (1U << 20)) continue;
    sayso::output_options options;
    options.offsets = unit;
    const std::string json = sayso::to_json("hostile", text, a, options);
    BOOST_TEST_REQUIRE(nlohmann::json::accept(json), what << ": to_json wrote invalid JSON or UTF-8");
  }
  return a;
}

// The text of each quote's spans, joined by '|'.
std::vector<std::string> quote_texts(const sayso::analysis& a, std::string_view text) {
  std::vector<std::string> out;
  for (const sayso::quote& q : a.quotes) {
    std::string s;
    for (const byte_range& r : q.content) {
      if (!s.empty()) s += '|';
      s += r.of(text);
    }
    out.push_back(s);
  }
  return out;
}

bool has_quote_containing(const sayso::analysis& a, std::string_view text, std::string_view needle) {
  for (const std::string& s : quote_texts(a, text)) {
    if (s.find(needle) != std::string::npos) return true;
  }
  return false;
}

const std::string kArticle =
    "Talks resumed on Monday.\n\n"
    "\xE2\x80\x9CWe will not sign anything,\xE2\x80\x9D Foreign Minister Ilse Marrow said, "
    "\xE2\x80\x9Cuntil the shelling stops.\xE2\x80\x9D\n\n"
    "Her counterpart was blunt. \xE2\x80\x9CThe border is not negotiable,\xE2\x80\x9D said Tomas Reka.\n";

// An address range of `size` bytes that may not be read: any access faults. Reserving it
// allocates no memory, so a view of 2 GiB over it tests that the size check comes first.
class unreadable_region {
 public:
  explicit unreadable_region(std::size_t size) : size_(size) {
    void* p = mmap(nullptr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    data_ = p == MAP_FAILED ? nullptr : static_cast<const char*>(p);
  }
  ~unreadable_region() {
    if (data_ != nullptr) munmap(const_cast<char*>(data_), size_);
  }
  unreadable_region(const unreadable_region&) = delete;
  unreadable_region& operator=(const unreadable_region&) = delete;
  [[nodiscard]] bool ok() const { return data_ != nullptr; }
  [[nodiscard]] std::string_view view() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_;
};

bool is_too_large(const sayso::error& e) {
  const std::string_view message = e.what();
  return e.code() == sayso::errc::input_too_large &&
         message.find(std::to_string(sayso::max_input_bytes + 1)) != std::string_view::npos &&
         message.find("at most") != std::string_view::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_tests)

BOOST_AUTO_TEST_CASE(degenerate_texts) {
  for (const std::string_view text :
       {std::string_view(""), std::string_view(" "), std::string_view("\n\n\n"), std::string_view("\xE2\x80\x9C"),
        std::string_view("\xE2\x80\x9D"), std::string_view("\""), std::string_view("\0", 1), std::string_view("'"),
        std::string_view("``"), std::string_view("\xE2\x80\x9C\xE2\x80\x9D"), std::string_view("said"),
        std::string_view(":"), std::string_view("\xE2\x80\x94")}) {
    analyze_checked(text, "degenerate text");
  }
}

BOOST_AUTO_TEST_CASE(ill_formed_utf8) {
  // Bad bytes inside a quotation: the quote is still found, with its bytes, and the JSON holds
  // U+FFFD where they were.
  const std::string text = "\xE2\x80\x9CWe reject \xFF\xFE\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80 this,\xE2\x80\x9D "
                           "the minister said.";
  const sayso::analysis a = analyze_checked(text, "ill-formed sequences in a quote");
  BOOST_TEST_REQUIRE(has_quote_containing(a, text, "We reject \xFF\xFE"));
  const std::string json = sayso::to_json("x", text, a);
  BOOST_TEST(json.find("\xEF\xBF\xBD") != std::string::npos);

  // Truncated sequences at the end, lone continuation bytes, overlong forms, CESU-8 surrogates,
  // Latin-1 text, and a megabyte of random bytes.
  analyze_checked("\xE2\x80\x9C" "cut short,\xE2\x80\x9D he said. \xE2\x80", "truncated sequence at the end");
  analyze_checked("\x80\x81\xBF \"lone continuations,\" he said \xBF", "lone continuation bytes");
  analyze_checked("\xC0\xA2Overlong\xC0\xA2 he said. \xE0\x80\xA2x\xE0\x80\xA2", "overlong forms");
  analyze_checked("\xED\xA0\xBD\xED\xB8\x80 \"cesu\" said he \xED\xBF\xBF", "CESU-8 surrogates");
  analyze_checked("\xAB\xC7" "a va\xBB, dit-il \xE0 l'\xE9t\xE9.", "Latin-1 text");
  std::mt19937 random(20240229);
  std::string noise((1U << 20) / kScale, '\0');
  for (char& c : noise) c = static_cast<char>(random() & 0xFFU);
  analyze_checked(noise, "a megabyte of random bytes");
}

BOOST_AUTO_TEST_CASE(nul_bytes) {
  using namespace std::string_literals;
  // NUL bytes inside a quote and after the text: the quote is found with its bytes.
  const std::string text = "\xE2\x80\x9CWe want\0 peace,\xE2\x80\x9D the envoy said.\0\0"s;
  const sayso::analysis a = analyze_checked(text, "NUL bytes");
  BOOST_TEST(has_quote_containing(a, text, "We want\0 peace"s));
  const std::string json = sayso::to_json("x", text, a);
  BOOST_TEST(json.find("\\u0000") != std::string::npos);
  // NUL bytes before marks and words (a NUL is no space: the mark after it opens nothing).
  analyze_checked("\0\0\xE2\x80\x9CWe want\0 peace,\xE2\x80\x9D\0 the\0envoy said.\0"s, "NUL bytes around marks");
  analyze_checked(std::string(100000, '\0'), "a hundred thousand NUL bytes");
  analyze_checked(repeat("\xE2\x80\x9C\0\xE2\x80\x9D\0said\0"s, 10000), "NUL bytes around every mark");
}

BOOST_AUTO_TEST_CASE(crlf_and_lone_cr_line_ends) {
  std::string crlf;
  std::string cr;
  for (const char c : kArticle) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  const sayso::analysis lf_result = analyze_checked(kArticle, "LF");
  const sayso::analysis crlf_result = analyze_checked(crlf, "CRLF");
  const sayso::analysis cr_result = analyze_checked(cr, "lone CR");
  BOOST_TEST_REQUIRE(!lf_result.quotes.empty());
  BOOST_TEST(quote_texts(crlf_result, crlf) == quote_texts(lf_result, kArticle), boost::test_tools::per_element());
  BOOST_TEST(quote_texts(cr_result, cr) == quote_texts(lf_result, kArticle), boost::test_tools::per_element());
  const sayso::document lf_doc(kArticle);
  BOOST_TEST(sayso::document(crlf).paragraphs().size() == lf_doc.paragraphs().size());
  BOOST_TEST(sayso::document(cr).paragraphs().size() == lf_doc.paragraphs().size());
  // Mixed and runs of bare CRs.
  analyze_checked(repeat("\r", 100000) + kArticle + repeat("\r\n\r", 1000), "runs of CR");
}

BOOST_AUTO_TEST_CASE(byte_order_mark) {
  const std::string text = "\xEF\xBB\xBF" + kArticle;
  const sayso::analysis plain = analyze_checked(kArticle, "without BOM");
  const sayso::analysis with_bom = analyze_checked(text, "with BOM");
  BOOST_TEST(quote_texts(with_bom, text) == quote_texts(plain, kArticle), boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(with_bom.quotes.size() == plain.quotes.size());
  for (std::size_t i = 0; i < plain.quotes.size(); ++i) {
    BOOST_TEST(with_bom.quotes[i].content.front().begin == plain.quotes[i].content.front().begin + 3);
  }
  // BOMs in the middle (concatenated files) are zero-width no-break spaces.
  analyze_checked(kArticle + "\xEF\xBB\xBF" + kArticle + repeat("\xEF\xBB\xBF", 10000), "inner BOMs");
}

BOOST_AUTO_TEST_CASE(a_million_quotation_marks) {
  constexpr std::size_t kMillion = 1000000 / kScale;
  analyze_checked(repeat("\xE2\x80\x9C", kMillion), "10^6 opening curly marks, no space");
  analyze_checked(repeat("\" ", kMillion), "10^6 straight double marks");
  analyze_checked(repeat("'", kMillion), "10^6 straight single marks");
  analyze_checked(repeat("\xE2\x80\x9C" "a\xE2\x80\x9D ", kMillion / 2), "5*10^5 quotations");
  analyze_checked(repeat("\xE2\x80\x9C" "a,\xE2\x80\x9D he said. ", kMillion / 10), "10^5 attributed quotations");
  analyze_checked(repeat("\xC2\xAB\xE2\x80\x9E\xE2\x80\x98``\xE3\x80\x8C'\"", kMillion / 8), "every convention mixed");
}

BOOST_AUTO_TEST_CASE(unbalanced_and_nested_marks) {
  constexpr std::size_t kHundredThousand = 100000 / kScale;
  analyze_checked(repeat("\xE2\x80\x9C" "a ", kHundredThousand), "10^5 unclosed openers");
  analyze_checked(repeat("a\xE2\x80\x9D ", kHundredThousand), "10^5 closers without openers");
  analyze_checked(repeat("\xE2\x80\x9C\xE2\x80\x98", kHundredThousand / 2) + "deep" +
                      repeat("\xE2\x80\x99\xE2\x80\x9D", kHundredThousand / 2),
                  "10^5 nested marks");
  analyze_checked(repeat("\xE2\x80\x9C" "a \xE2\x80\x98" "b ", kHundredThousand / 2) + " he said.",
                  "10^5 interleaved unclosed openers");
  analyze_checked(repeat("\"a \"b ", kHundredThousand / 2), "10^5 unbalanced straight marks");
  analyze_checked(repeat("\xE2\x80\x9C" "a\n\n", kHundredThousand), "10^5 paragraphs reopening a quotation");
  analyze_checked(repeat("\xE2\x80\x9C" "a,\xE2\x80\x9D he said, \xE2\x80\x9C", kHundredThousand / 2),
                  "10^5 interrupted quotations");
}

BOOST_AUTO_TEST_CASE(a_50_mb_line_without_spaces) {
  constexpr std::size_t kSize = (50U << 20) / kScale;
  const std::string chunk = "Minister" + std::string(400, 'x') + ",\xE2\x80\x9Cpeace" + std::string(400, 'y') +
                            ".\xE2\x80\x9Dsaid-the-envoy;";
  std::string text = repeat(chunk, kSize / chunk.size() + 1);
  text.resize(kSize);
  analyze_checked(text, "a 50 MB line without spaces");
}

BOOST_AUTO_TEST_CASE(a_word_of_a_million_characters) {
  constexpr std::size_t kMillion = 1000000 / kScale;
  const std::string word(kMillion, 'w');
  const std::string text = "\xE2\x80\x9C" + word + ",\xE2\x80\x9D he said.";
  const sayso::analysis a = analyze_checked(text, "10^6-letter word in a quote");
  BOOST_TEST(has_quote_containing(a, text, word));
  analyze_checked(repeat("\xC3\xA9", kMillion), "10^6 two-byte letters");
  analyze_checked(repeat("\xF0\x9F\x98\x80", kMillion), "10^6 emoji");
  analyze_checked(std::string(kMillion, '7'), "10^6 digits");
  analyze_checked(repeat("U.", kMillion / 2), "10^6 characters of abbreviation");
}

BOOST_AUTO_TEST_CASE(zero_width_and_bidi_controls) {
  // ZWSP, ZWNJ, ZWJ, word joiner, RLM, LRM, ALM, RLO, LRO, PDF, LRI, RLI, FSI, PDI.
  const std::string controls[] = {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x81\xA0",
                                  "\xE2\x80\x8F", "\xE2\x80\x8E", "\xD8\x9C",     "\xE2\x80\xAE",
                                  "\xE2\x80\xAD", "\xE2\x80\xAC", "\xE2\x81\xA6", "\xE2\x81\xA7",
                                  "\xE2\x81\xA8", "\xE2\x81\xA9"};
  for (const std::string& c : controls) {
    // Around and inside the marks, inside words, and instead of spaces.
    const std::string text = c + "\xE2\x80\x9C" + c + "We " + c + "want pe" + c + "ace," + c + "\xE2\x80\x9D" + c +
                             " the" + c + "envoy said." + c;
    analyze_checked(text, "control character around marks");
    analyze_checked(repeat(c, 100000), "10^5 control characters");
  }
  // The same quote with bidi isolates around the speaker still parses into valid output.
  const std::string isolated = "\xE2\x80\x9CWe want peace,\xE2\x80\x9D said \xE2\x81\xA7\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF"
                               "\xE2\x81\xA9.";
  const sayso::analysis a = analyze_checked(isolated, "bidi isolate around a name");
  BOOST_TEST(has_quote_containing(a, isolated, "We want peace"));
}

BOOST_AUTO_TEST_CASE(input_over_the_size_limit_is_refused_without_reading_it) {
  // The size check alone, at and around the limit.
  BOOST_CHECK_NO_THROW(sayso::check_input_size(0));
  BOOST_CHECK_NO_THROW(sayso::check_input_size(sayso::max_input_bytes));
  BOOST_CHECK_EXCEPTION(sayso::check_input_size(sayso::max_input_bytes + 1), sayso::error, is_too_large);
  BOOST_CHECK_EXCEPTION(sayso::check_input_size(SIZE_MAX), sayso::error,
                        [](const sayso::error& e) { return e.code() == sayso::errc::input_too_large; });

  // A view of 2 GiB over memory that faults on any read: every entry point must refuse it from
  // its size, before reading a byte and without allocating for it.
  const unreadable_region region(sayso::max_input_bytes + 1);
  BOOST_TEST_REQUIRE(region.ok());
  const std::string_view huge = region.view();
  BOOST_CHECK_EXCEPTION((void)shared_pipeline().analyze(huge), sayso::error, is_too_large);
  BOOST_CHECK_EXCEPTION(sayso::document{huge}, sayso::error, is_too_large);
  BOOST_CHECK_EXCEPTION(sayso::offset_map{huge}, sayso::error, is_too_large);

  // In a batch, the oversized document gets its error and the others are analysed.
  const std::vector<std::string_view> texts = {kArticle, huge, kArticle, huge, kArticle};
  const std::vector<sayso::batch_result> results = shared_pipeline().analyze_batch(texts, 3);
  BOOST_TEST_REQUIRE(results.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const bool refused = texts[i].size() > sayso::max_input_bytes;
    BOOST_TEST(results[i].has_value() == !refused);
    if (refused) {
      BOOST_TEST(is_too_large(results[i].failure()));
      // value() of a refused document throws its error.
      BOOST_CHECK_EXCEPTION((void)results[i].value(), sayso::error, is_too_large);
      BOOST_TEST(std::holds_alternative<sayso::error>(results[i].outcome()));
    } else {
      BOOST_TEST(!results[i].value().quotes.empty());
      BOOST_CHECK_THROW((void)results[i].failure(), std::bad_variant_access);
    }
  }
}

BOOST_AUTO_TEST_CASE(hostile_batch_on_several_threads) {
  // The multi-threaded path (ThreadSanitizer runs this suite): hostile documents spread over
  // four threads give the same analyses as one at a time, in input order.
  std::vector<std::string> docs;
  for (int i = 0; i < 64; ++i) {
    switch (i % 6) {
      case 0: docs.push_back(kArticle); break;
      case 1: docs.push_back(repeat("\xE2\x80\x9C" "a ", 200 + i)); break;
      case 2: docs.push_back("\xE2\x80\x9CWe reject \xFF this,\xE2\x80\x9D the minister said." + std::string(i, '\0')); break;
      case 3: docs.push_back(repeat("\r\n", i) + kArticle); break;
      case 4: docs.push_back(""); break;
      default: docs.push_back(repeat("\xE2\x80\x8F\xE2\x80\x9C" "b,\xE2\x80\x9D she said. ", 50 + i)); break;
    }
  }
  const std::vector<std::string_view> views(docs.begin(), docs.end());
  const std::vector<sayso::batch_result> batch = shared_pipeline().analyze_batch(views, 4);
  BOOST_TEST_REQUIRE(batch.size() == docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    BOOST_TEST_REQUIRE(batch[i].has_value());
    check_analysis(batch[i].value(), docs[i]);
    const sayso::analysis single = shared_pipeline().analyze(docs[i]);
    BOOST_TEST(quote_texts(batch[i].value(), docs[i]) == quote_texts(single, docs[i]),
               boost::test_tools::per_element());
  }
  // More threads than documents, and the default (all cores).
  BOOST_TEST(shared_pipeline().analyze_batch(std::span(views).first(2), 8).size() == 2U);
  BOOST_TEST(shared_pipeline().analyze_batch(views, 0).size() == docs.size());
}

BOOST_AUTO_TEST_CASE(lexicon_with_non_ascii_characters) {
  // toml++ 3.3 has undefined behaviour on many non-ASCII characters (found by the term_lexicon
  // fuzzer; see lib/stance/term_lexicon.cpp): in strings and comments they load, elsewhere they
  // are refused with the file and line.
  const std::string toml =
      "\xEF\xBB\xBF# Tr\xC3\xAAve, Waffenruhe \xEF\xBB\xB5\n"
      "[[term]]\n"
      "id = 'treve' # \xD0\x96\n"
      "description = \"Tr\xC3\xAAve \xE2\x80\x93 \xE2\x80\x9Ctruce\xE2\x80\x9D\"\n"
      "expressions = ['tr\xC3\xAAves?', '''feuer\xE2\x80\x99pause''', \"\"\"\xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5\"\"\"]\n";
  const sayso::term_lexicon lexicon = sayso::term_lexicon::from_string(toml, "fr.toml");
  BOOST_TEST_REQUIRE(lexicon.terms().size() == 1U);
  const sayso::term_info& term = lexicon.terms()[0];
  BOOST_TEST(term.id == "treve");
  BOOST_TEST(term.description == "Tr\xC3\xAAve \xE2\x80\x93 \xE2\x80\x9Ctruce\xE2\x80\x9D");
  BOOST_TEST_REQUIRE(term.expressions.size() == 3U);
  BOOST_TEST(term.expressions[0] == "tr\xC3\xAAves?");
  BOOST_TEST(term.expressions[1] == "feuer\xE2\x80\x99pause");
  BOOST_TEST(term.expressions[2] == "\xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5");

  const auto refused_at = [](std::string_view text, std::string_view where) {
    try {
      (void)sayso::term_lexicon::from_string(text, "bad.toml");
    } catch (const sayso::error& e) {
      return e.code() == sayso::errc::lexicon && std::string_view(e.what()).starts_with(where);
    }
    return false;
  };
  BOOST_TEST(refused_at("[[\xC3\xA9]]\n", "bad.toml:1:"));
  BOOST_TEST(refused_at("[[term]]\nid = \"x\"\nexpressions = [1\"\xC3\xA9\"]\n", "bad.toml:3:"));
  BOOST_TEST(refused_at("[[term]]\nid = \"x\"\nexpressions = [\"\xFF\"]\n", "bad.toml:3:"));
}

BOOST_AUTO_TEST_SUITE_END()
